/* migrate.c - brings a database's schema up to this binary's, and loads the
 * demo newsroom. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_article.h"
#include "db_live.h"
#include "migrate.h"

#define VERSION_MAX 9999

/* The version of a migration file name ("001_core.sql" -> 1), 0 when the
 * name is not NNN_name.sql. */
static int
version_of(const char *name)
{
	int v = 0;
	const char *p = name;
	for (; *p >= '0' && *p <= '9'; p++) {
		v = v * 10 + (*p - '0');
		if (v > VERSION_MAX)
			return 0;
	}
	size_t n = strlen(p);
	if (p == name || *p != '_' || n < 6 ||
	    strcmp(p + n - 4, ".sql") != 0)
		return 0;
	return v;
}

enum werr
migrate_check(const struct sql_file *files, int *latest, char *err,
	      size_t errlen)
{
	int last = 0;
	for (const struct sql_file *f = files; f->name; f++) {
		if (strspn(f->name, "0123456789") > 0 &&
		    version_of(f->name) == 0) {
			snprintf(err, errlen,
				 "sql/%s: a migration must be named "
				 "NNN_name.sql with NNN from 001",
				 f->name);
			return W_PARSE;
		}
		int v = version_of(f->name);
		if (v == 0)
			continue;
		/* Sorted by name and numbered with equal widths, the
		 * versions come in order; anything else is a gap, a repeat
		 * or a width mismatch, and each would skip or reorder a
		 * migration on some database. */
		if (v != last + 1) {
			snprintf(err, errlen,
				 "sql/%s: expected migration %03d here; "
				 "versions must run 001, 002, ... without gaps",
				 f->name, last + 1);
			return W_PARSE;
		}
		last = v;
	}
	if (latest)
		*latest = last;
	return W_OK;
}

int
migrate_latest(void)
{
	int latest = 0;
	for (const struct sql_file *f = sql_files; f->name; f++) {
		int v = version_of(f->name);
		if (v > latest)
			latest = v;
	}
	return latest;
}

static const char SQL_USER_VERSION[] = "PRAGMA user_version";

/* Reads PRAGMA user_version into *v. */
static enum werr
user_version(struct db *db, int *v, char *err, size_t errlen)
{
	sqlite3_stmt *st = db_stmt(db, SQL_USER_VERSION);
	if (!st) {
		snprintf(err, errlen, "cannot read the schema version: %s",
			 sqlite3_errmsg(db_sqlite(db)));
		return W_DB;
	}
	enum werr e = W_OK;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*v = sqlite3_column_int(st, 0);
	} else {
		snprintf(err, errlen, "cannot read the schema version: %s",
			 sqlite3_errmsg(db_sqlite(db)));
		e = W_DB;
	}
	sqlite3_reset(st);
	return e;
}

enum werr
migrate_require(struct db *db, const char *path, char *err, size_t errlen)
{
	int v, latest = migrate_latest();
	char why[256];
	if (user_version(db, &v, why, sizeof why) != W_OK) {
		snprintf(err, errlen, "%s: %s", path, why);
		return W_DB;
	}
	if (v == latest)
		return W_OK;
	if (v > latest)
		snprintf(err, errlen,
			 "%s: schema version %d is newer than this warta "
			 "(%d); upgrade warta",
			 path, v, latest);
	else
		snprintf(err, errlen,
			 "%s: schema version %d, want %d; run `warta init "
			 "--db %s`",
			 path, v, latest, path);
	return W_INVAL;
}

/* Runs sql (any number of statements); on failure writes "sql/NAME: why"
 * into err. */
static enum werr
exec(struct db *db, const char *name, const char *sql, char *err,
     size_t errlen)
{
	char *msg = NULL;
	if (sqlite3_exec(db_sqlite(db), sql, NULL, NULL, &msg) == SQLITE_OK)
		return W_OK;
	snprintf(err, errlen, "sql/%s: %s", name,
		 msg ? msg : sqlite3_errmsg(db_sqlite(db)));
	sqlite3_free(msg);
	return W_DB;
}

/* Applies migration f (version v) unless another process did it while we
 * waited for the write lock. */
static enum werr
apply(struct db *db, const struct sql_file *f, int v, bool *done, char *err,
      size_t errlen)
{
	*done = false;
	enum werr e = exec(db, f->name, "BEGIN IMMEDIATE", err, errlen);
	if (e != W_OK)
		return e;
	int cur;
	e = user_version(db, &cur, err, errlen);
	if (e != W_OK || cur >= v)
		goto out;
	e = exec(db, f->name, f->sql, err, errlen);
	if (e != W_OK)
		goto out;
	/* A PRAGMA takes no parameters; v is our own small integer. */
	char set[64];
	snprintf(set, sizeof set, "PRAGMA user_version = %d", v);
	e = exec(db, f->name, set, err, errlen);
	if (e != W_OK)
		goto out;
	*done = true;
out:
	if (e == W_OK)
		e = exec(db, f->name, "COMMIT", err, errlen);
	if (e != W_OK) {
		db_rollback(db);
		*done = false;
	}
	return e;
}

enum werr
migrate_up(struct db *db, int *applied, char *err, size_t errlen)
{
	int n = 0;
	int latest;
	enum werr e = migrate_check(sql_files, &latest, err, errlen);
	if (e != W_OK)
		goto out;
	int cur;
	e = user_version(db, &cur, err, errlen);
	if (e != W_OK)
		goto out;
	if (cur > latest) {
		snprintf(err, errlen,
			 "database schema version %d is newer than this warta "
			 "(%d); upgrade warta",
			 cur, latest);
		e = W_INVAL;
		goto out;
	}
	for (const struct sql_file *f = sql_files; f->name; f++) {
		int v = version_of(f->name);
		if (v <= cur)
			continue;
		bool done;
		e = apply(db, f, v, &done, err, errlen);
		if (e != W_OK)
			goto out;
		n += done;
	}
out:
	if (applied)
		*applied = n;
	return e;
}

static const char SQL_HAS_ARTICLES[] =
	"SELECT EXISTS (SELECT 1 FROM articles)";

/* Whether name is one of the demo newsroom's files: demo.sql, then any
 * demo_*.sql that later features add, loaded in name order. */
static bool
is_demo(const char *name)
{
	return strcmp(name, "demo.sql") == 0 ||
	       (strncmp(name, "demo_", 5) == 0 &&
		strlen(name) > 9 && strcmp(name + strlen(name) - 4, ".sql") == 0);
}

enum werr
migrate_demo(struct db *db, char *err, size_t errlen)
{
	const struct sql_file *demo = sql_files;
	while (demo->name && strcmp(demo->name, "demo.sql") != 0)
		demo++;
	if (!demo->name) {
		snprintf(err, errlen, "this warta was built without "
				      "sql/demo.sql");
		return W_NOTFOUND;
	}
	int cur;
	enum werr e = user_version(db, &cur, err, errlen);
	if (e != W_OK)
		return e;
	if (cur != migrate_latest()) {
		snprintf(err, errlen,
			 "database schema version %d is not %d; migrate it "
			 "before loading the demo",
			 cur, migrate_latest());
		return W_INVAL;
	}

	/* The emptiness check, the load and the rendering share one write
	 * transaction, so a concurrent writer cannot slip articles in between
	 * and a failure leaves the database as it was. */
	e = exec(db, demo->name, "BEGIN IMMEDIATE", err, errlen);
	if (e != W_OK)
		return e;
	sqlite3_stmt *st = db_stmt(db, SQL_HAS_ARTICLES);
	if (!st) {
		snprintf(err, errlen, "sql/%s: %s", demo->name,
			 sqlite3_errmsg(db_sqlite(db)));
		e = W_DB;
		goto out;
	}
	int rc = sqlite3_step(st);
	bool has = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
	if (rc != SQLITE_ROW) {
		snprintf(err, errlen, "sql/%s: %s", demo->name,
			 sqlite3_errmsg(db_sqlite(db)));
		e = W_DB;
	}
	sqlite3_reset(st);
	if (e != W_OK)
		goto out;
	if (has) {
		snprintf(err, errlen, "database already has articles; --demo "
				      "loads into an empty database only");
		e = W_CONFLICT;
		goto out;
	}
	/* "demo.sql" sorts before "demo_*.sql", so the core newsroom loads
	 * first and the features' files can refer to its rows. */
	for (const struct sql_file *f = sql_files; f->name; f++) {
		if (!is_demo(f->name))
			continue;
		e = exec(db, f->name, f->sql, err, errlen);
		if (e != W_OK)
			goto out;
	}
	e = db_articles_render_missing(db);
	if (e == W_OK)
		e = db_live_render_missing(db);
	if (e != W_OK) {
		snprintf(err, errlen, "sql/%s: rendering the bodies: %s",
			 demo->name, werr_str(e));
		goto out;
	}
	e = exec(db, demo->name, "COMMIT", err, errlen);
out:
	if (e != W_OK)
		db_rollback(db);
	return e;
}
