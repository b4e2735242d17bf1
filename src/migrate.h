/* migrate.h - schema migrations from sql/NNN_name.sql, tracked with
 * PRAGMA user_version. */
#ifndef WARTA_MIGRATE_H
#define WARTA_MIGRATE_H

#include "db.h"

/* The schema version this binary brings: the highest NNN in sql/. */
int migrate_latest(void);

/* Applies every migration newer than the database's user_version, each in
 * its own transaction that also sets user_version. A database newer than
 * the binary is refused with W_INVAL. On failure writes one line into err
 * naming the file. *applied (may be NULL) gets the number applied. */
enum werr migrate_up(struct db *db, int *applied, char *err, size_t errlen)
	WUNUSED;

/* Loads sql/demo.sql into an empty database (no articles) and renders the
 * bodies; W_CONFLICT when the database already has articles. */
enum werr migrate_demo(struct db *db, char *err, size_t errlen) WUNUSED;

#endif
