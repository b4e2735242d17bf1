/* migrate.h - schema migrations from sql/NNN_name.sql, tracked with
 * PRAGMA user_version. */
#ifndef WARTA_MIGRATE_H
#define WARTA_MIGRATE_H

#include "db.h"
#include "sql_embed.h"

/* The schema version this binary brings: the highest NNN in sql/. */
int migrate_latest(void);

/* W_OK when db (opened from path) has exactly the schema this binary
 * brings, as serving and the command line need; otherwise one line in err
 * naming path and what to do: W_INVAL for an older or newer schema, W_DB
 * when the version cannot be read. */
enum werr migrate_require(struct db *db, const char *path, char *err,
			  size_t errlen) WUNUSED;

/* Checks a table of SQL files laid out like sql_files (sorted by name, a
 * NULL name last): the files named NNN_name.sql are the migrations and
 * their versions must run 1, 2, 3... with no gap or repeat; other names
 * (demo.sql) are ignored. Sets *latest (may be NULL) to the highest version,
 * 0 when there is none. W_PARSE with one line in err naming the offending
 * file when the sequence is broken. */
enum werr migrate_check(const struct sql_file *files, int *latest, char *err,
			size_t errlen) WUNUSED;

/* Applies every migration newer than the database's user_version, each in
 * its own transaction that also sets user_version. A database newer than
 * the binary is refused with W_INVAL. On failure writes one line into err
 * naming the file. *applied (may be NULL) gets the number applied. */
enum werr migrate_up(struct db *db, int *applied, char *err, size_t errlen)
	WUNUSED;

/* Loads sql/demo.sql into an empty database (no articles) and renders the
 * bodies, all in one transaction; W_CONFLICT when the database already has
 * articles, W_INVAL when its schema is not migrate_latest(), W_NOTFOUND when
 * this binary has no demo.sql. On failure writes one line into err. */
enum werr migrate_demo(struct db *db, char *err, size_t errlen) WUNUSED;

#endif
