/* test_db.c - the statement helpers of db.c: what each constraint failure
 * becomes, binding text, optional ids and id arrays, and reading one row
 * or a page of rows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "db.h"

struct fx {
	struct db *db;
	struct arena a;
};

static const char SQL_SCHEMA[] =
    "CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE"
    " CHECK (name <> 'bad'), note TEXT);"
    "CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p(id));";

static const char SQL_ADD[] =
    "INSERT INTO p (id, name, note) VALUES (?1, ?2, ?3)";
static const char SQL_ADD_C[] = "INSERT INTO c (p_id) VALUES (?1)";
static const char SQL_RENAME[] = "UPDATE p SET name = ?2 WHERE id = ?1";
static const char SQL_BY_ID[] = "SELECT id, name, note FROM p WHERE id = ?1";
static const char SQL_PAGE[] =
    "SELECT id, name, note FROM p ORDER BY id LIMIT ?1";
static const char SQL_IDS[] =
    "SELECT group_concat(value, '|') FROM json_each(?1)";
static const char SQL_OPT[] = "SELECT ?1 IS NULL, ?1";

static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof *fx);
	char err[256];
	fx->db = db_open(":memory:", true, err, sizeof err);
	assert_non_null(fx->db);
	assert_int_equal(
	    sqlite3_exec(db_sqlite(fx->db), SQL_SCHEMA, NULL, NULL, NULL),
	    SQLITE_OK);
	arena_init(&fx->a);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;
	arena_fini(&fx->a);
	db_close(fx->db);
	free(fx);
	return 0;
}

/* Inserts (id, name, note) with the helpers; the db_exec() result. */
static enum werr
add(struct fx *fx, int64_t id, const char *name, const char *note)
{
	sqlite3_stmt *st = db_stmt(fx->db, SQL_ADD);
	assert_non_null(st);
	db_bind_opt(st, 1, id);
	assert_int_equal(db_bind_text(fx->db, st, 2, name), W_OK);
	assert_int_equal(db_bind_text(fx->db, st, 3, note), W_OK);
	return db_exec(fx->db, st, "adding");
}

static void
test_exec_errors(void **state)
{
	struct fx *fx = *state;
	assert_int_equal(add(fx, 1, "<script>alert(\"x\")</script>", "'"),
			 W_OK);
	/* A UNIQUE column and the primary key: a clash. */
	assert_int_equal(add(fx, 2, "<script>alert(\"x\")</script>", NULL),
			 W_CONFLICT);
	assert_int_equal(add(fx, 1, "other", NULL), W_CONFLICT);
	/* CHECK and FOREIGN KEY: bad input. */
	assert_int_equal(add(fx, 3, "bad", NULL), W_INVAL);
	sqlite3_stmt *st = db_stmt(fx->db, SQL_ADD_C);
	sqlite3_bind_int64(st, 1, 99);
	assert_int_equal(db_exec(fx->db, st, "adding a child"), W_INVAL);
	/* Each failure reset the statement: it runs again at once. */
	assert_int_equal(add(fx, 0, "fresh", NULL), W_OK);

	/* An UPDATE of an id that does not exist changed nothing. */
	st = db_stmt(fx->db, SQL_RENAME);
	sqlite3_bind_int64(st, 1, 42);
	assert_int_equal(db_bind_text(fx->db, st, 2, "x"), W_OK);
	assert_int_equal(db_exec_changed(fx->db, st, "renaming"), W_NOTFOUND);
	st = db_stmt(fx->db, SQL_RENAME);
	sqlite3_bind_int64(st, 1, 1);
	assert_int_equal(db_bind_text(fx->db, st, 2, "y"), W_OK);
	assert_int_equal(db_exec_changed(fx->db, st, "renaming"), W_OK);
	st = db_stmt(fx->db, SQL_RENAME);
	sqlite3_bind_int64(st, 1, 1);
	assert_int_equal(db_bind_text(fx->db, st, 2, "fresh"), W_OK);
	assert_int_equal(db_exec_changed(fx->db, st, "renaming"), W_CONFLICT);
}

struct rec {
	int64_t id;
	const char *name, *note;
};

static enum werr
rec_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct rec *r = out;
	r->id = sqlite3_column_int64(st, 0);
	bool ok = db_col(st, 1, a, &r->name) && db_col(st, 2, a, &r->note);
	return ok ? W_OK : W_NOMEM;
}

static void
test_one(void **state)
{
	struct fx *fx = *state;
	/* Invalid UTF-8 and markup are stored and read back byte for byte;
	 * NULL (the note bound as NULL reads as "") becomes "". */
	assert_int_equal(add(fx, 7, "\xC3\x28<b>", NULL), W_OK);
	struct rec r;
	sqlite3_stmt *st = db_stmt(fx->db, SQL_BY_ID);
	sqlite3_bind_int64(st, 1, 7);
	assert_int_equal(db_one(fx->db, st, &fx->a, rec_row, &r, "one"), W_OK);
	assert_int_equal(r.id, 7);
	assert_string_equal(r.name, "\xC3\x28<b>");
	assert_string_equal(r.note, "");
	/* Reset: nothing is left stepping. */
	assert_false(sqlite3_stmt_busy(st));

	st = db_stmt(fx->db, SQL_BY_ID);
	sqlite3_bind_int64(st, 1, 8);
	assert_int_equal(db_one(fx->db, st, &fx->a, rec_row, &r, "one"),
			 W_NOTFOUND);

	int64_t id = 0;
	st = db_stmt(fx->db, SQL_BY_ID);
	sqlite3_bind_int64(st, 1, 7);
	assert_int_equal(db_one(fx->db, st, NULL, db_row_id, &id, "id"), W_OK);
	assert_int_equal(id, 7);
}

static void
test_rows(void **state)
{
	struct fx *fx = *state;
	for (int64_t i = 1; i <= 5; i++) {
		char name[8];
		snprintf(name, sizeof name, "n%d", (int)i);
		assert_int_equal(add(fx, i, name, "x"), W_OK);
	}
	struct rec r[3];
	size_t n = 99;
	bool more = false;
	/* limit + 1 rows asked for: the last one only says "more". */
	sqlite3_stmt *st = db_stmt(fx->db, SQL_PAGE);
	sqlite3_bind_int64(st, 1, 4);
	assert_int_equal(db_rows(fx->db, st, &fx->a, rec_row, r, sizeof r[0], 3,
				 &n, &more, "page"),
			 W_OK);
	assert_int_equal(n, 3);
	assert_true(more);
	assert_string_equal(r[2].name, "n3");
	assert_false(sqlite3_stmt_busy(st));

	st = db_stmt(fx->db, SQL_PAGE);
	sqlite3_bind_int64(st, 1, 10);
	assert_int_equal(db_rows(fx->db, st, &fx->a, rec_row, r, sizeof r[0], 3,
				 &n, NULL, "page"),
			 W_OK);
	assert_int_equal(n, 3);

	/* Fewer rows than the limit: no more. */
	const char *names[8];
	st = db_stmt(fx->db, "SELECT name FROM p WHERE id > 3 ORDER BY id");
	assert_non_null(st);
	assert_int_equal(db_rows(fx->db, st, &fx->a, db_row_text, names,
				 sizeof names[0], 8, &n, &more, "names"),
			 W_OK);
	assert_int_equal(n, 2);
	assert_false(more);
	assert_string_equal(names[1], "n5");
}

static void
test_bind(void **state)
{
	struct fx *fx = *state;
	struct rec items[3] = {
	    {-5, "a", ""}, {0, "b", ""}, {INT64_MAX, "c", ""}};
	sqlite3_stmt *st = db_stmt(fx->db, SQL_IDS);
	assert_int_equal(db_bind_ids(fx->db, st, 1, &fx->a, &items[0].id, 3,
				     sizeof items[0]),
			 W_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0),
			    "-5|0|9223372036854775807");
	sqlite3_reset(st);

	/* No ids: an empty array. */
	st = db_stmt(fx->db, SQL_IDS);
	assert_int_equal(db_bind_ids(fx->db, st, 1, &fx->a, NULL, 0, 8), W_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_type(st, 0), SQLITE_NULL);
	sqlite3_reset(st);

	/* 0 binds NULL, anything else the number. */
	st = db_stmt(fx->db, SQL_OPT);
	db_bind_opt(st, 1, 0);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 1);
	sqlite3_reset(st);
	st = db_stmt(fx->db, SQL_OPT);
	db_bind_opt(st, 1, -3);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 0);
	assert_int_equal(sqlite3_column_int64(st, 1), -3);
	sqlite3_reset(st);

	/* A parameter the statement does not have is refused. */
	st = db_stmt(fx->db, SQL_OPT);
	assert_int_equal(db_bind_text(fx->db, st, 9, "x"), W_DB);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_exec_errors, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_one, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_rows, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bind, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
