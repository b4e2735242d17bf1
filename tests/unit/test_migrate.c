/* test_migrate.c - connections, the statement cache, schema migrations and
 * the demo loader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "migrate.h"

static struct db *
open_mem(void)
{
	char err[256] = "";
	struct db *db = db_open(":memory:", true, err, sizeof err);
	assert_non_null(db);
	assert_string_equal(err, "");
	return db;
}

static int
user_version(struct db *db)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db),
					    "PRAGMA user_version", -1, &st,
					    NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int64_t
count(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void
exec_ok(struct db *db, const char *sql)
{
	assert_int_equal(sqlite3_exec(db_sqlite(db), sql, NULL, NULL, NULL),
			 SQLITE_OK);
}

static bool
has_demo(void)
{
	for (const struct sql_file *f = sql_files; f->name; f++)
		if (strcmp(f->name, "demo.sql") == 0)
			return true;
	return false;
}

static void
test_open_errors(void **state)
{
	(void)state;
	char err[256] = "";
	const char *path = "/nonexistent-warta-dir/w.db";
	assert_null(db_open(path, false, err, sizeof err));
	assert_int_equal(strncmp(err, "/nonexistent-warta-dir/w.db: ",
				 strlen(path) + 2),
			 0);
	assert_null(strchr(err, '\n'));
	err[0] = '\0';
	assert_null(db_open(path, true, err, sizeof err));
	assert_true(strlen(err) > strlen(path) + 2);
}

static void
test_open_file(void **state)
{
	(void)state;
	char dir[] = "/tmp/warta-test-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[128], wal[140], shm[140];
	snprintf(path, sizeof path, "%s/w.db", dir);
	snprintf(wal, sizeof wal, "%s-wal", path);
	snprintf(shm, sizeof shm, "%s-shm", path);
	char err[256] = "";

	/* Not created unless asked. */
	assert_null(db_open(path, false, err, sizeof err));
	FILE *fp = fopen(path, "r");
	assert_null(fp);

	struct db *db = db_open(path, true, err, sizeof err);
	assert_non_null(db);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db),
					    "PRAGMA journal_mode", -1, &st,
					    NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	assert_int_equal(count(db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(count(db, "PRAGMA busy_timeout"), 5000);
	assert_int_equal(count(db, "PRAGMA synchronous"), 1); /* NORMAL */
	int applied = -1;
	assert_int_equal(migrate_up(db, &applied, err, sizeof err), W_OK);
	assert_int_equal(applied, migrate_latest());
	db_close(db);

	/* Reopened: the schema is there and nothing is applied twice. */
	db = db_open(path, false, err, sizeof err);
	assert_non_null(db);
	assert_int_equal(user_version(db), migrate_latest());
	assert_int_equal(migrate_up(db, &applied, err, sizeof err), W_OK);
	assert_int_equal(applied, 0);
	db_close(db);

	/* <unistd.h> would clash with W_OK, so stdio's remove() it is. */
	remove(wal);
	remove(shm);
	assert_int_equal(remove(path), 0);
	assert_int_equal(remove(dir), 0);
}

static void
test_stmt_cache(void **state)
{
	(void)state;
	/* Static storage: the cache is keyed by these addresses. More than
	 * the initial table so that it has to grow. */
	static char sqls[600][32];
	static const char BAD[] = "SELEKT nothing";
	struct db *db = open_mem();
	sqlite3_stmt *first[600];
	for (int i = 0; i < 600; i++) {
		snprintf(sqls[i], sizeof sqls[i], "SELECT %d + ?1", i);
		first[i] = db_stmt(db, sqls[i]);
		assert_non_null(first[i]);
	}
	for (int i = 0; i < 600; i++) {
		sqlite3_stmt *st = db_stmt(db, sqls[i]);
		/* Cached, and reset with bindings cleared each time. */
		assert_ptr_equal(st, first[i]);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_type(st, 0), SQLITE_NULL);
		sqlite3_bind_int(st, 1, 1000);
		st = db_stmt(db, sqls[i]);
		assert_int_equal(sqlite3_bind_parameter_count(st), 1);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_type(st, 0), SQLITE_NULL);
	}
	/* A statement left mid-result is reset by the next db_stmt. */
	sqlite3_stmt *st = db_stmt(db, sqls[7]);
	sqlite3_bind_int(st, 1, 3);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 10);
	assert_null(db_stmt(db, BAD));
	assert_null(db_stmt(db, BAD)); /* failures are not cached */
	db_close(db);
	db_close(NULL);
}

static void
test_transactions(void **state)
{
	(void)state;
	struct db *db = open_mem();
	exec_ok(db, "CREATE TABLE t (x INTEGER)");
	assert_int_equal(db_begin(db), W_OK);
	exec_ok(db, "INSERT INTO t VALUES (1)");
	db_rollback(db);
	assert_int_equal(count(db, "SELECT count(*) FROM t"), 0);
	assert_int_equal(db_begin(db), W_OK);
	exec_ok(db, "INSERT INTO t VALUES (2)");
	assert_int_equal(db_commit(db), W_OK);
	assert_int_equal(count(db, "SELECT x FROM t"), 2);
	db_rollback(db); /* no transaction: harmless */
	assert_int_equal(db_commit(db), W_DB);
	db_close(db);
}

static void
test_idle(void **state)
{
	(void)state;
	static const char SQL_ALL[] = "SELECT x FROM t ORDER BY x";
	struct db *db = open_mem();
	exec_ok(db, "CREATE TABLE t (x INTEGER);"
		    "INSERT INTO t VALUES (1), (2)");
	sqlite3_stmt *st = db_stmt(db, SQL_ALL);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_true(sqlite3_stmt_busy(st));
	assert_int_equal(db_begin(db), W_OK);
	exec_ok(db, "INSERT INTO t VALUES (3)");
	db_idle(db);
	assert_false(sqlite3_stmt_busy(st));
	assert_true(sqlite3_get_autocommit(db_sqlite(db)));
	assert_int_equal(count(db, "SELECT count(*) FROM t"), 2);
	db_idle(db); /* nothing to do: no harm */
	db_close(db);
}

static void
test_col_text(void **state)
{
	(void)state;
	struct db *db = open_mem();
	struct arena a;
	arena_init(&a);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db),
					    "SELECT NULL, 'a''<b>\"', 42", -1,
					    &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(db_col_text(st, 0, &a), "");
	assert_string_equal(db_col_text(st, 1, &a), "a'<b>\"");
	assert_string_equal(db_col_text(st, 2, &a), "42");
	sqlite3_finalize(st);
	arena_fini(&a);
	db_close(db);
}

static void
test_fresh(void **state)
{
	(void)state;
	assert_true(migrate_latest() >= 1);
	struct db *db = open_mem();
	char err[256] = "";
	int applied = -1;
	assert_int_equal(user_version(db), 0);
	assert_int_equal(migrate_up(db, &applied, err, sizeof err), W_OK);
	assert_int_equal(applied, migrate_latest());
	assert_int_equal(user_version(db), migrate_latest());
	assert_int_equal(count(db, "SELECT count(*) FROM settings"), 5);

	assert_int_equal(migrate_up(db, &applied, err, sizeof err), W_OK);
	assert_int_equal(applied, 0);
	assert_int_equal(migrate_up(db, NULL, err, sizeof err), W_OK);
	assert_int_equal(user_version(db), migrate_latest());
	db_close(db);
}

static void
test_newer(void **state)
{
	(void)state;
	struct db *db = open_mem();
	char err[256] = "", sql[64], want[160];
	int applied = -1;
	int latest = migrate_latest();
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", latest + 1);
	exec_ok(db, sql);
	assert_int_equal(migrate_up(db, &applied, err, sizeof err), W_INVAL);
	snprintf(want, sizeof want,
		 "database schema version %d is newer than this warta (%d); "
		 "upgrade warta",
		 latest + 1, latest);
	assert_string_equal(err, want);
	assert_int_equal(applied, 0);
	assert_int_equal(user_version(db), latest + 1);
	assert_int_equal(count(db, "SELECT count(*) FROM sqlite_schema"), 0);
	db_close(db);
}

static void
test_require(void **state)
{
	(void)state;
	struct db *db = open_mem();
	char err[256] = "", sql[64], want[160];
	int latest = migrate_latest();
	/* An empty database: older than the binary. */
	assert_int_equal(migrate_require(db, "w.db", err, sizeof err), W_INVAL);
	snprintf(want, sizeof want,
		 "w.db: schema version 0, want %d; run `warta init --db "
		 "w.db`",
		 latest);
	assert_string_equal(err, want);
	assert_int_equal(migrate_up(db, NULL, err, sizeof err), W_OK);
	assert_int_equal(migrate_require(db, "w.db", err, sizeof err), W_OK);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", latest + 1);
	exec_ok(db, sql);
	assert_int_equal(migrate_require(db, "w.db", err, sizeof err), W_INVAL);
	snprintf(want, sizeof want,
		 "w.db: schema version %d is newer than this warta (%d); "
		 "upgrade warta",
		 latest + 1, latest);
	assert_string_equal(err, want);
	db_close(db);
}

static void
test_failure_rolls_back(void **state)
{
	(void)state;
	struct db *db = open_mem();
	char err[256] = "";
	int applied = -1;
	/* A table in the way makes 001 fail half-way through. */
	exec_ok(db, "CREATE TABLE tags (x)");
	assert_int_equal(migrate_up(db, &applied, err, sizeof err), W_DB);
	assert_string_equal(err, "sql/001_core.sql: table tags already "
				 "exists");
	assert_int_equal(applied, 0);
	assert_int_equal(user_version(db), 0);
	/* Nothing of 001 stayed: the tables made before tags are gone. */
	assert_int_equal(count(db, "SELECT count(*) FROM sqlite_schema"), 1);
	db_close(db);
}

static void
test_check(void **state)
{
	(void)state;
	char err[256] = "";
	int latest = -1;

	assert_int_equal(migrate_check(sql_files, &latest, err, sizeof err),
			 W_OK);
	assert_int_equal(latest, migrate_latest());

	const struct sql_file ok[] = {
		{"001_core.sql", "", 0},
		{"002_more.sql", "", 0},
		{"demo.sql", "", 0},
		{"readme.txt", "", 0},
		{NULL, NULL, 0},
	};
	assert_int_equal(migrate_check(ok, &latest, err, sizeof err), W_OK);
	assert_int_equal(latest, 2);

	const struct sql_file none[] = {{"demo.sql", "", 0}, {0, 0, 0}};
	assert_int_equal(migrate_check(none, &latest, err, sizeof err), W_OK);
	assert_int_equal(latest, 0);

	const struct sql_file gap[] = {
		{"001_core.sql", "", 0},
		{"003_later.sql", "", 0},
		{NULL, NULL, 0},
	};
	assert_int_equal(migrate_check(gap, &latest, err, sizeof err),
			 W_PARSE);
	assert_string_equal(err, "sql/003_later.sql: expected migration 002 "
				 "here; versions must run 001, 002, ... "
				 "without gaps");

	const struct sql_file dup[] = {
		{"001_a.sql", "", 0},
		{"001_b.sql", "", 0},
		{NULL, NULL, 0},
	};
	assert_int_equal(migrate_check(dup, NULL, err, sizeof err), W_PARSE);
	assert_non_null(strstr(err, "sql/001_b.sql: "));

	const struct sql_file late[] = {{"002_x.sql", "", 0}, {0, 0, 0}};
	assert_int_equal(migrate_check(late, NULL, err, sizeof err), W_PARSE);

	const struct sql_file zero[] = {{"000_x.sql", "", 0}, {0, 0, 0}};
	assert_int_equal(migrate_check(zero, NULL, err, sizeof err), W_PARSE);

	const struct sql_file odd[] = {{"001.sql", "", 0}, {0, 0, 0}};
	assert_int_equal(migrate_check(odd, NULL, err, sizeof err), W_PARSE);
	assert_string_equal(err, "sql/001.sql: a migration must be named "
				 "NNN_name.sql with NNN from 001");

	const struct sql_file huge[] = {{"99999999999999999999_x.sql", "", 0},
					{0, 0, 0}};
	assert_int_equal(migrate_check(huge, NULL, err, sizeof err), W_PARSE);
}

static void
test_demo(void **state)
{
	(void)state;
	struct db *db = open_mem();
	char err[256] = "";

	if (!has_demo()) {
		assert_int_equal(migrate_demo(db, err, sizeof err),
				 W_NOTFOUND);
		assert_string_equal(err, "this warta was built without "
					 "sql/demo.sql");
		db_close(db);
		skip();
		return;
	}

	/* Before the schema exists. */
	assert_int_equal(migrate_demo(db, err, sizeof err), W_INVAL);

	assert_int_equal(migrate_up(db, NULL, err, sizeof err), W_OK);
	assert_int_equal(migrate_demo(db, err, sizeof err), W_OK);
	assert_true(count(db, "SELECT count(*) FROM articles") > 0);
	assert_int_equal(count(db, "SELECT count(*) FROM articles"
				   " WHERE body_md <> '' AND body_html = ''"),
			 0);

	/* Twice: refused, and nothing was added. */
	int64_t n = count(db, "SELECT count(*) FROM articles");
	assert_int_equal(migrate_demo(db, err, sizeof err), W_CONFLICT);
	assert_string_equal(err, "database already has articles; --demo "
				 "loads into an empty database only");
	assert_int_equal(count(db, "SELECT count(*) FROM articles"), n);
	assert_true(sqlite3_get_autocommit(db_sqlite(db)));
	db_close(db);
}

static void
test_demo_refused(void **state)
{
	(void)state;
	if (!has_demo())
		skip();
	struct db *db = open_mem();
	char err[256] = "";
	assert_int_equal(migrate_up(db, NULL, err, sizeof err), W_OK);
	exec_ok(db, "INSERT INTO sections (id, slug, name) VALUES (1, 'x', "
		    "'X');"
		    "INSERT INTO articles (slug, title, section_id,"
		    " updated_at, created_at) VALUES ('a', 'A', 1, 1, 1)");
	assert_int_equal(migrate_demo(db, err, sizeof err), W_CONFLICT);
	assert_string_equal(err, "database already has articles; --demo "
				 "loads into an empty database only");
	assert_int_equal(count(db, "SELECT count(*) FROM articles"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM sections"), 1);
	assert_true(sqlite3_get_autocommit(db_sqlite(db)));
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_open_file),
		cmocka_unit_test(test_stmt_cache),
		cmocka_unit_test(test_transactions),
		cmocka_unit_test(test_idle),
		cmocka_unit_test(test_col_text),
		cmocka_unit_test(test_fresh),
		cmocka_unit_test(test_newer),
		cmocka_unit_test(test_require),
		cmocka_unit_test(test_failure_rolls_back),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_demo),
		cmocka_unit_test(test_demo_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
