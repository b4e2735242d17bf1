/* db.h - SQLite connections, cached prepared statements, transactions.
 *
 * Each worker thread opens its own connection; a connection and everything
 * prepared on it belong to that thread. Statements are prepared on first
 * use and kept until db_close(), keyed by the address of their SQL text, so
 * callers keep their SQL in static const strings next to the code that
 * binds it. */
#ifndef WARTA_DB_H
#define WARTA_DB_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "werr.h"

struct db;

/* Opens path (creating it only when create is true) with WAL,
 * busy_timeout=5000, foreign_keys=ON and synchronous=NORMAL, without
 * SQLite's connection mutex (one thread per connection). On failure returns
 * NULL and writes one line "PATH: message" into err. Close with
 * db_close(). */
struct db *db_open(const char *path, bool create, char *err, size_t errlen);
/* Switches db to synchronous=FULL: each commit is on disk (the WAL
 * fsynced) before it returns, so that a power cut loses no acknowledged
 * write, at the price of one fsync per commit. `warta serve --synchronous
 * full`; see docs/operating.md. */
enum werr db_synchronous_full(struct db *db) WUNUSED;

/* Finalizes cached statements and closes; NULL is a no-op. */
void db_close(struct db *db);

sqlite3 *db_sqlite(struct db *db);

/* Returns the statement for sql, prepared once per connection and reset
 * with its bindings cleared; NULL on failure (logged with the SQL). sql must
 * be a string with static storage: its address is the cache key. A caller
 * that stepped the statement resets it when done (a SELECT left stepping
 * holds its read snapshot); one that only bound parameters need not. */
sqlite3_stmt *db_stmt(struct db *db, const char *sql);

/* For the connection of a process that answers one request (CGI):
 * closing it neither checkpoints nor deletes the WAL and its index, which
 * the next process would only have to create again. Writers still
 * checkpoint as they commit (SQLite's automatic checkpoint). */
void db_keep_wal(struct db *db);

/* Ends whatever a request left behind: resets every statement still
 * stepping (a SELECT not run to its end keeps its read snapshot, so the
 * worker would go on seeing old data) and rolls back a transaction left
 * open, logging that as the bug it is. Call between requests. */
void db_idle(struct db *db);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
enum werr db_begin(struct db *db) WUNUSED;
enum werr db_commit(struct db *db) WUNUSED;
/* A deferred BEGIN for a run of reads, and its end: the statements
 * between see one snapshot, and SQLite opens and closes one read
 * transaction for all of them instead of one each. Only for callers that
 * do not write. db_read_end() does nothing outside a transaction. */
enum werr db_read_begin(struct db *db) WUNUSED;
void db_read_end(struct db *db);
void db_rollback(struct db *db);

/* Steps st, a statement with its parameters bound, once, and resets it.
 * W_OK when it ran (a row it returns is not read); W_CONFLICT for a UNIQUE
 * or PRIMARY KEY violation; W_INVAL for another constraint (CHECK, NOT
 * NULL, FOREIGN KEY): bad input, for the caller to report; otherwise W_DB,
 * logged with what. */
enum werr db_exec(struct db *db, sqlite3_stmt *st, const char *what) WUNUSED;

/* db_exec(), and W_NOTFOUND when st changed no row (an UPDATE or DELETE
 * of an id that does not exist). */
enum werr db_exec_changed(struct db *db, sqlite3_stmt *st,
			  const char *what) WUNUSED;

/* Binds text s (NULL binds "") to parameter i without copying it: s must
 * stay unchanged until st is reset. W_DB, logged, when SQLite refuses (an
 * index out of range, a string over its limit). */
enum werr db_bind_text(struct db *db, sqlite3_stmt *st, int i,
		       const char *s) WUNUSED;

/* Binds to parameter i the JSON array "[1,2,3]" of n ids, for a query
 * that reads it with json_each(). Id k is read at byte offset k * stride
 * from ids, so that the id member of an array of records can be passed as
 * &items[0].id with stride sizeof items[0]. The text is built in a, which
 * must outlive the step. W_NOMEM, or W_DB logged. */
enum werr db_bind_ids(struct db *db, sqlite3_stmt *st, int i, struct arena *a,
		      const int64_t *ids, size_t n, size_t stride) WUNUSED;

/* Binds v to parameter i, or SQL NULL when v is 0: an optional reference
 * (a user, an image) or time. */
void db_bind_opt(sqlite3_stmt *st, int i, int64_t v);

/* Column i of the current row copied into a, "" for NULL; NULL only when
 * out of memory. */
const char *db_col_text(sqlite3_stmt *st, int i, struct arena *a);

/* db_col_text() into *dst; false only when out of memory. Lets a row be
 * read as one chain of && with a single check. */
bool db_col(sqlite3_stmt *st, int i, struct arena *a, const char **dst);

/* Reads the current row of a statement into out, a record of the type
 * the caller and the function agree on, copying text into a. W_NOMEM when
 * a copy fails. */
typedef enum werr (*db_row_fn)(sqlite3_stmt *st, struct arena *a, void *out);

/* db_row_fn readers of column 0: an int64_t, or a text (const char *)
 * copied as db_col_text() copies it. */
enum werr db_row_id(sqlite3_stmt *st, struct arena *a, void *out);
enum werr db_row_text(sqlite3_stmt *st, struct arena *a, void *out);

/* Steps st (parameters bound) for its first row, read by fn into out, and
 * resets st. W_NOTFOUND when there is no row; W_DB, logged with what, when
 * the step fails; fn's error when it fails. */
enum werr db_one(struct db *db, sqlite3_stmt *st, struct arena *a, db_row_fn fn,
		 void *out, const char *what) WUNUSED;

/* Steps st (parameters bound) for up to limit rows, read by fn into
 * items[0..limit), an array of size-byte records, and resets st. *n gets
 * the number read (0 on error); *more (may be NULL) tells whether a
 * further row came, so a query asking for limit + 1 rows learns whether a
 * next page exists. W_DB, logged with what, when a step fails; fn's error
 * when it fails. */
enum werr db_rows(struct db *db, sqlite3_stmt *st, struct arena *a,
		  db_row_fn fn, void *items, size_t size, size_t limit,
		  size_t *n, bool *more, const char *what) WUNUSED;

/* Logs the connection's last error with context, returns W_DB. */
enum werr db_fail(struct db *db, const char *what);

#endif
