/* test_db_admin.c - the dashboard lists (whose drafts, which statuses,
 * scheduled only while not yet due, order, limits, "more") and audit rows,
 * against a small newsroom in memory; every list reads an index. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "db_admin.h"
#include "migrate.h"
#include "fixture.h"

#define NOW 1700000000

struct fx {
	struct db *db;
	struct arena a;
};

/* Articles: id, status, creator, updated_at, published_at. Users 1 and 2
 * are reporters' accounts; ids tell the expected order. */
static const struct {
	int id;
	const char *status;
	int creator;
	int64_t updated, published; /* 0: NULL */
} rows[] = {
    {1, "draft", 1, NOW - 100, 0},
    {2, "draft", 1, NOW - 50, 0},
    {3, "draft", 2, NOW - 10, 0},
    {4, "review", 1, NOW - 300, 0},
    {5, "review", 2, NOW - 200, 0},
    {6, "scheduled", 1, NOW - 500, NOW + 7200},
    {7, "scheduled", 2, NOW - 500, NOW + 3600},
    {8, "scheduled", 1, NOW - 500, NOW - 1}, /* already due: live */
    {9, "published", 1, NOW - 900, NOW - 900},
    {10, "draft", 0, NOW - 5, 0},  /* no creator */
    {11, "draft", 1, NOW - 50, 0}, /* ties with 2 on updated_at */
};

static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof *fx);
	assert_non_null(fx);
	fx->db = fixture_db();
	arena_init(&fx->a);
	fixture_exec(fx->db,
		"INSERT INTO sections (id, slug, name, position) VALUES"
		" (1, 'politik', 'Politik <&> \"Pilkada\"', 1);"
		"INSERT INTO users (id, email, name, role, password_hash,"
		" created_at) VALUES (1, 'a@w', 'A', 'reporter', 'x', 0),"
		" (2, 'b@w', 'B', 'reporter', 'x', 0)");
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char sql[512];
		char creator[16] = "NULL", pub[32] = "NULL";
		if (rows[i].creator)
			snprintf(creator, sizeof creator, "%d",
				 rows[i].creator);
		if (rows[i].published)
			snprintf(pub, sizeof pub, "%lld",
				 (long long)rows[i].published);
		snprintf(sql, sizeof sql,
			 "INSERT INTO articles (id, slug, title, status,"
			 " section_id, published_at, updated_at, created_at,"
			 " created_by) VALUES (%d, 's%d', 'Judul %d', '%s', 1,"
			 " %s, %lld, %lld, %s)",
			 rows[i].id, rows[i].id, rows[i].id, rows[i].status,
			 pub, (long long)rows[i].updated,
			 (long long)rows[i].updated, creator);
		fixture_exec(fx->db, sql);
	}
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

/* Checks that l holds exactly the ids in want (terminated by 0). */
static void
ids(const struct article_list *l, const int *want)
{
	size_t n = 0;
	while (want[n])
		n++;
	assert_int_equal(l->n, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(l->items[i].id, want[i]);
}

static void
test_drafts(void **state)
{
	struct fx *fx = *state;
	struct article_list l;

	assert_int_equal(
	    db_admin_dash(fx->db, &fx->a, DASH_DRAFTS, 1, NOW, 10, &l), W_OK);
	/* Newest change first; the tie broken by the higher id. */
	ids(&l, (const int[]){11, 2, 1, 0});
	assert_false(l.more);
	assert_string_equal(l.items[0].title, "Judul 11");
	assert_string_equal(l.items[0].slug, "s11");
	assert_int_equal(l.items[0].status, ST_DRAFT);
	assert_string_equal(l.items[0].section.name, "Politik <&> \"Pilkada\"");
	assert_int_equal(l.items[0].updated_at, NOW - 50);
	assert_int_equal(l.items[0].published_at, 0);

	assert_int_equal(
	    db_admin_dash(fx->db, &fx->a, DASH_DRAFTS, 1, NOW, 2, &l), W_OK);
	ids(&l, (const int[]){11, 2, 0});
	assert_true(l.more);

	assert_int_equal(
	    db_admin_dash(fx->db, &fx->a, DASH_DRAFTS, 2, NOW, 10, &l), W_OK);
	ids(&l, (const int[]){3, 0});
	/* Drafts are always someone's. */
	assert_int_equal(
	    db_admin_dash(fx->db, &fx->a, DASH_DRAFTS, 0, NOW, 10, &l),
	    W_INVAL);
	assert_int_equal(
	    db_admin_dash(fx->db, &fx->a, DASH__MAX, 1, NOW, 10, &l), W_INVAL);
	assert_int_equal(
	    db_admin_dash(fx->db, &fx->a, DASH_REVIEW, 1, NOW, 0, &l), W_INVAL);
}

static void
test_review(void **state)
{
	struct fx *fx = *state;
	struct article_list l;

	assert_int_equal(
	    db_admin_dash(fx->db, &fx->a, DASH_REVIEW, 0, NOW, 10, &l), W_OK);
	ids(&l, (const int[]){5, 4, 0});
	assert_int_equal(l.items[1].status, ST_REVIEW);
	assert_int_equal(
	    db_admin_dash(fx->db, &fx->a, DASH_REVIEW, 1, NOW, 10, &l), W_OK);
	ids(&l, (const int[]){4, 0});
	assert_int_equal(
	    db_admin_dash(fx->db, &fx->a, DASH_REVIEW, 3, NOW, 10, &l), W_OK);
	ids(&l, (const int[]){0});
}

static void
test_scheduled(void **state)
{
	struct fx *fx = *state;
	struct article_list l;

	/* Soonest first; one already due is live, not scheduled. */
	assert_int_equal(
	    db_admin_dash(fx->db, &fx->a, DASH_SCHEDULED, 0, NOW, 10, &l),
	    W_OK);
	ids(&l, (const int[]){7, 6, 0});
	assert_int_equal(l.items[0].published_at, NOW + 3600);
	assert_int_equal(
	    db_admin_dash(fx->db, &fx->a, DASH_SCHEDULED, 1, NOW, 10, &l),
	    W_OK);
	ids(&l, (const int[]){6, 0});
	/* An hour later 7 is due and drops out. */
	assert_int_equal(db_admin_dash(fx->db, &fx->a, DASH_SCHEDULED, 0,
				       NOW + 3600, 10, &l),
			 W_OK);
	ids(&l, (const int[]){6, 0});
	assert_int_equal(
	    db_admin_dash(fx->db, &fx->a, DASH_SCHEDULED, 0, NOW, 1, &l), W_OK);
	ids(&l, (const int[]){7, 0});
	assert_true(l.more);
}

static void
test_audit(void **state)
{
	struct fx *fx = *state;
	sqlite3_stmt *st;

	assert_int_equal(db_audit_add(fx->db, 1, "article.publish", 9,
				      "<script>'\"", "10.0.0.1", NOW),
			 W_OK);
	assert_int_equal(
	    db_audit_add(fx->db, 0, "user.add", 0, NULL, NULL, NOW + 1), W_OK);
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(fx->db),
					    "SELECT user_id, action,"
					    " article_id, detail, addr,"
					    " created_at FROM audit_log"
					    " ORDER BY id",
					    -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int64(st, 0), 1);
	assert_string_equal(sqlite3_column_text(st, 1), "article.publish");
	assert_int_equal(sqlite3_column_int64(st, 2), 9);
	assert_string_equal(sqlite3_column_text(st, 3), "<script>'\"");
	assert_string_equal(sqlite3_column_text(st, 4), "10.0.0.1");
	assert_int_equal(sqlite3_column_int64(st, 5), NOW);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_type(st, 0), SQLITE_NULL);
	assert_int_equal(sqlite3_column_type(st, 2), SQLITE_NULL);
	assert_string_equal(sqlite3_column_text(st, 3), "");
	assert_string_equal(sqlite3_column_text(st, 4), "");
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

static void
test_query_plans(void **state)
{
	struct fx *fx = *state;
	struct article_list l;

	assert_int_equal(
	    db_admin_dash(fx->db, &fx->a, DASH_DRAFTS, 1, NOW, 5, &l), W_OK);
	assert_int_equal(
	    db_admin_dash(fx->db, &fx->a, DASH_REVIEW, 0, NOW, 5, &l), W_OK);
	assert_int_equal(
	    db_admin_dash(fx->db, &fx->a, DASH_REVIEW, 1, NOW, 5, &l), W_OK);
	assert_int_equal(
	    db_admin_dash(fx->db, &fx->a, DASH_SCHEDULED, 0, NOW, 5, &l), W_OK);

	int checked = 0;
	for (sqlite3_stmt *st = sqlite3_next_stmt(db_sqlite(fx->db), NULL); st;
	     st = sqlite3_next_stmt(db_sqlite(fx->db), st)) {
		const char *sql = sqlite3_sql(st);
		if (!strstr(sql, "FROM articles a"))
			continue;
		char q[4096], p[2048] = "";
		size_t n = 0;
		sqlite3_stmt *ep;
		snprintf(q, sizeof q, "EXPLAIN QUERY PLAN %s", sql);
		assert_int_equal(
		    sqlite3_prepare_v2(db_sqlite(fx->db), q, -1, &ep, NULL),
		    SQLITE_OK);
		while (sqlite3_step(ep) == SQLITE_ROW)
			n += (size_t)snprintf(p + n, sizeof p - n, "%s\n",
					      sqlite3_column_text(ep, 3));
		sqlite3_finalize(ep);
		/* An index that yields the order: no scan of the table, no
		 * sort step. */
		if (!strstr(p, "USING INDEX articles_") ||
		    strstr(p, "TEMP B-TREE") || strstr(p, "SCAN a\n"))
			fail_msg("%s:\n%s", sql, p);
		if (strstr(sql, "'scheduled'"))
			assert_non_null(strstr(p, "INDEX articles_live "));
		checked++;
	}
	assert_int_equal(checked, 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_drafts, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_review, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_scheduled, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_audit, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_query_plans, setup, teardown),
	};
	return cmocka_run_group_tests(tests, 0, 0);
}
