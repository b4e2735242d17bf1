/* fixture.c - shared database set-up and queries for the unit tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "fixture.h"
#include "migrate.h"
#include "werr.h"

struct db *
fixture_db(void)
{
	char err[256];
	struct db *db = db_open(":memory:", true, err, sizeof err);

	assert_non_null(db);
	assert_int_equal(migrate_up(db, NULL, err, sizeof err), W_OK);
	return db;
}

void
fixture_exec(struct db *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db_sqlite(db), sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql,
		    msg ? msg : sqlite3_errmsg(db_sqlite(db)));
}

int64_t
fixture_count(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v;

	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

const char *
fixture_text(struct db *db, const char *sql, char *out, size_t len)
{
	sqlite3_stmt *st;
	const unsigned char *s;

	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	s = sqlite3_column_text(st, 0);
	snprintf(out, len, "%s", s ? (const char *)s : "(null)");
	sqlite3_finalize(st);
	return out;
}

void
fixture_plan(struct db *db, const char *sql, char *out, size_t len)
{
	/* Room for the longest listing query with the prefix. */
	char q[8192];
	sqlite3_stmt *st;
	size_t n = 0;

	snprintf(q, sizeof q, "EXPLAIN QUERY PLAN %s", sql);
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), q, -1, &st, NULL),
	    SQLITE_OK);
	out[0] = '\0';
	/* n stops the loop once out is full, so len - n never wraps. */
	while (n < len && sqlite3_step(st) == SQLITE_ROW)
		n += (size_t)snprintf(out + n, len - n, "%s\n",
		    sqlite3_column_text(st, 3));
	assert_true(n < len);
	sqlite3_finalize(st);
}
