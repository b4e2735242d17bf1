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

#include "arena.h"
#include "werr.h"

struct db;

/* Opens path (creating it only when create is true) with WAL,
 * busy_timeout=5000, foreign_keys=ON and synchronous=NORMAL, without
 * SQLite's connection mutex (one thread per connection). On failure returns
 * NULL and writes one line "PATH: message" into err. Close with
 * db_close(). */
struct db *db_open(const char *path, bool create, char *err, size_t errlen);
/* Finalizes cached statements and closes; NULL is a no-op. */
void db_close(struct db *db);

sqlite3 *db_sqlite(struct db *db);

/* Returns the statement for sql, prepared once per connection and reset
 * with its bindings cleared; NULL on failure (logged with the SQL). sql must
 * be a string with static storage: its address is the cache key. */
sqlite3_stmt *db_stmt(struct db *db, const char *sql);

/* Ends whatever a request left behind: resets every statement still
 * stepping (a SELECT not run to its end keeps its read snapshot, so the
 * worker would go on seeing old data) and rolls back a transaction left
 * open, logging that as the bug it is. Call between requests. */
void db_idle(struct db *db);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
enum werr db_begin(struct db *db) WUNUSED;
enum werr db_commit(struct db *db) WUNUSED;
void db_rollback(struct db *db);

/* Column i of the current row copied into a, "" for NULL; NULL only when
 * out of memory. */
const char *db_col_text(sqlite3_stmt *st, int i, struct arena *a);

/* Logs the connection's last error with context, returns W_DB. */
enum werr db_fail(struct db *db, const char *what);

#endif
