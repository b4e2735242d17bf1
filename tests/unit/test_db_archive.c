/* test_db_archive.c - archive counts by local month and day, one local
 * day's articles paged by keyset, boundaries at local midnight, and the
 * indexes the queries use. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "db_archive.h"
#include "migrate.h"
#include "fixture.h"

#define WIB 25200
#define WIT 32400
#define NOW 1733011200 /* 2024-12-01 00:00:00 UTC, 07:00 WIB */

/* Times in UTC, with their local (WIB) meaning. */
static const struct {
	int id;
	const char *status;
	int64_t t;
} rows[] = {
	{1, "published", 1730393999}, /* 2024-10-31 23:59:59 WIB */
	{2, "published", 1730394000}, /* 2024-11-01 00:00:00 WIB */
	{3, "published", 1732123800}, /* 2024-11-21 00:30 WIB */
	{4, "published", 1732158900}, /* 2024-11-21 10:15 WIB */
	{5, "published", 1732208399}, /* 2024-11-21 23:59:59 WIB */
	{6, "published", 1732208400}, /* 2024-11-22 00:00:00 WIB */
	{7, "published", 1732165200}, /* 2024-11-21 12:00 WIB, */
	{8, "published", 1732165200}, /* the same second */
	{9, "published", 1673751600}, /* 2023-01-15 10:00 WIB */
	{10, "scheduled", 1732176000}, /* 2024-11-21 15:00 WIB, passed */
	/* Never counted, never listed. */
	{20, "draft", 1732165200},
	{21, "unpublished", 1732165200},
	{22, "scheduled", NOW + 1},
	{23, "review", 0},
};

struct fx {
	struct db *db;
	struct arena a;
};

static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof *fx);
	fx->db = fixture_db();
	arena_init(&fx->a);
	fixture_exec(fx->db,
		"INSERT INTO sections (id, slug, name) VALUES (1, 'daerah',"
		" 'Daerah');"
		"INSERT INTO authors (id, slug, name, initials) VALUES"
		" (1, 'ani', 'Ani', 'ani');");
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char sql[512], pub[32] = "NULL";
		if (rows[i].t)
			snprintf(pub, sizeof pub, "%lld", (long long)rows[i].t);
		snprintf(sql, sizeof sql,
			 "INSERT INTO articles (id, slug, title, status,"
			 " section_id, published_at, updated_at, created_at)"
			 " VALUES (%d, 'a-%d', 'Judul %d', '%s', 1, %s, %d,"
			 " 1);"
			 "INSERT INTO article_authors VALUES (%d, 1, 0);",
			 rows[i].id, rows[i].id, rows[i].id, rows[i].status,
			 pub, 1000 + rows[i].id, rows[i].id);
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

/* The counts as "Y-M:count" or "D:count" joined by spaces. */
static const char *
counts(const struct archive_count *c, size_t n, bool days)
{
	static char out[512];
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (days)
			len += (size_t)snprintf(out + len, sizeof out - len,
						"%s%d:%lld", i ? " " : "",
						c[i].day,
						(long long)c[i].count);
		else
			len += (size_t)snprintf(out + len, sizeof out - len,
						"%s%d-%d:%lld", i ? " " : "",
						c[i].year, c[i].month,
						(long long)c[i].count);
	}
	return out;
}

static void
test_months(void **state)
{
	struct fx *fx = *state;
	struct archive_count *c;
	size_t n;
	assert_int_equal(db_archive_months(fx->db, &fx->a, WIB, NOW, &c, &n),
			 W_OK);
	assert_string_equal(counts(c, n, false),
			    "2024-11:8 2024-10:1 2023-1:1");
	/* newest is the latest publication of the month. */
	assert_int_equal(c[0].newest, 1732208400);
	assert_int_equal(c[1].newest, 1730393999);
	assert_int_equal(c[0].day, 0);

	/* The counts are kept in the site's zone: in WIT (+9) the article
	 * of 23:59:59 WIB on 31 October is November's. */
	fixture_exec(fx->db, "UPDATE settings SET value = 'Asia/Jayapura'"
			     " WHERE key = 'timezone'");
	assert_int_equal(db_archive_months(fx->db, &fx->a, WIT, NOW, &c, &n),
			 W_OK);
	assert_string_equal(counts(c, n, false), "2024-11:9 2023-1:1");
	fixture_exec(fx->db, "UPDATE settings SET value = 'Asia/Jakarta'"
			     " WHERE key = 'timezone'");

	/* The scheduled article counts from its second on. */
	assert_int_equal(db_archive_months(fx->db, &fx->a, WIB, NOW + 1, &c,
					   &n),
			 W_OK);
	assert_string_equal(counts(c, n, false),
			    "2024-12:1 2024-11:8 2024-10:1 2023-1:1");

	/* Nothing public yet: an empty list. */
	assert_int_equal(db_archive_months(fx->db, &fx->a, WIB, 1000, &c, &n),
			 W_OK);
	assert_int_equal(n, 0);
	assert_null(c);
}

static void
test_days(void **state)
{
	struct fx *fx = *state;
	struct archive_count *c;
	size_t n;
	assert_int_equal(db_archive_days(fx->db, &fx->a, 2024, 11, WIB, NOW,
					 &c, &n),
			 W_OK);
	assert_string_equal(counts(c, n, true), "22:1 21:6 1:1");
	assert_int_equal(c[1].year, 2024);
	assert_int_equal(c[1].month, 11);
	assert_int_equal(c[1].newest, 1732208399);
	assert_int_equal(db_archive_days(fx->db, &fx->a, 2024, 10, WIB, NOW,
					 &c, &n),
			 W_OK);
	assert_string_equal(counts(c, n, true), "31:1");
	/* In WIT (+9), 23:59:59 WIB on the 21st is already the 22nd and
	 * 23:59:59 WIB on 31 October is 1 November: a new zone counts
	 * again. */
	fixture_exec(fx->db, "UPDATE settings SET value = 'Asia/Jayapura'"
			     " WHERE key = 'timezone'");
	assert_int_equal(db_archive_days(fx->db, &fx->a, 2024, 11, WIT, NOW,
					 &c, &n),
			 W_OK);
	assert_string_equal(counts(c, n, true), "22:2 21:5 1:2");
	fixture_exec(fx->db, "UPDATE settings SET value = 'Asia/Jakarta'"
			     " WHERE key = 'timezone'");
	/* A month without articles is empty; December gets its article
	 * when its time comes. */
	assert_int_equal(db_archive_days(fx->db, &fx->a, 2024, 12, WIB, NOW,
					 &c, &n),
			 W_OK);
	assert_int_equal(n, 0);
	assert_int_equal(db_archive_days(fx->db, &fx->a, 2024, 12, WIB,
					 NOW + 1, &c, &n),
			 W_OK);
	assert_string_equal(counts(c, n, true), "1:1");
	/* Months that do not exist. */
	static const int bad[][2] = {
		{2024, 0}, {2024, 13}, {0, 1}, {10000, 1}, {-1, 5}, {2024, -1},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(db_archive_days(fx->db, &fx->a, bad[i][0],
						 bad[i][1], WIB, NOW, &c, &n),
				 W_NOTFOUND);
	assert_int_equal(db_archive_days(fx->db, &fx->a, 9999, 12, WIB, NOW,
					 &c, &n),
			 W_OK);
	assert_int_equal(n, 0);
}

static const char *
list_ids(const struct article_list *l)
{
	static char out[256];
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < l->n; i++)
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%lld",
					i ? "," : "",
					(long long)l->items[i].id);
	return out;
}

static void
test_day(void **state)
{
	struct fx *fx = *state;
	struct article_list l;
	assert_int_equal(db_archive_day(fx->db, &fx->a, 2024, 11, 21, WIB, NOW,
					NULL, 30, &l),
			 W_OK);
	assert_string_equal(list_ids(&l), "5,10,8,7,4,3");
	assert_false(l.more);
	/* With bylines, as the listings carry them. */
	assert_int_equal(l.items[0].nauthors, 1);
	assert_string_equal(l.items[0].authors[0].slug, "ani");

	/* Local midnight belongs to its day, the next one does not. */
	assert_int_equal(db_archive_day(fx->db, &fx->a, 2024, 11, 1, WIB, NOW,
					NULL, 30, &l),
			 W_OK);
	assert_string_equal(list_ids(&l), "2");
	assert_int_equal(db_archive_day(fx->db, &fx->a, 2024, 10, 31, WIB,
					NOW, NULL, 30, &l),
			 W_OK);
	assert_string_equal(list_ids(&l), "1");
	assert_int_equal(db_archive_day(fx->db, &fx->a, 2024, 11, 22, WIB,
					NOW, NULL, 30, &l),
			 W_OK);
	assert_string_equal(list_ids(&l), "6");
	/* The zone moves the day's bounds. */
	assert_int_equal(db_archive_day(fx->db, &fx->a, 2024, 11, 21, 0, NOW,
					NULL, 30, &l),
			 W_OK);
	assert_string_equal(list_ids(&l), "6,5,10,8,7,4");

	/* Pages of two inside the day, through the tie of 7 and 8. */
	struct cursor c = {0, 0};
	const char *want[] = {"5,10", "8,7", "4,3"};
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(db_archive_day(fx->db, &fx->a, 2024, 11, 21,
						WIB, NOW, &c, 2, &l),
				 W_OK);
		assert_string_equal(list_ids(&l), want[i]);
		assert_int_equal(l.more, i < 2);
		c = l.next;
	}
	/* A cursor from another day: before it, nothing; after it, the
	 * day from its end. */
	c = (struct cursor){1730394000, 2};
	assert_int_equal(db_archive_day(fx->db, &fx->a, 2024, 11, 21, WIB, NOW,
					&c, 30, &l),
			 W_OK);
	assert_int_equal(l.n, 0);
	c = (struct cursor){NOW, 99};
	assert_int_equal(db_archive_day(fx->db, &fx->a, 2024, 11, 21, WIB, NOW,
					&c, 30, &l),
			 W_OK);
	assert_string_equal(list_ids(&l), "5,10,8,7,4,3");
	/* A limit of 0 still means a page of one. */
	assert_int_equal(db_archive_day(fx->db, &fx->a, 2024, 11, 21, WIB, NOW,
					NULL, 0, &l),
			 W_OK);
	assert_string_equal(list_ids(&l), "5");
	assert_true(l.more);

	/* Dates that do not exist; a leap day that does. */
	static const int bad[][3] = {
		{2024, 2, 30}, {2023, 2, 29}, {2024, 4, 31}, {2024, 13, 1},
		{2024, 0, 1},  {2024, 1, 0},  {2024, 1, 32}, {0, 1, 1},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(db_archive_day(fx->db, &fx->a, bad[i][0],
						bad[i][1], bad[i][2], WIB, NOW,
						NULL, 30, &l),
				 W_NOTFOUND);
	assert_int_equal(db_archive_day(fx->db, &fx->a, 2024, 2, 29, WIB, NOW,
					NULL, 30, &l),
			 W_OK);
	assert_int_equal(l.n, 0);
}

static void
test_query_plans(void **state)
{
	struct fx *fx = *state;
	struct archive_count *c;
	struct article_list l;
	size_t n;
	assert_int_equal(db_archive_months(fx->db, &fx->a, WIB, NOW, &c, &n),
			 W_OK);
	assert_int_equal(db_archive_days(fx->db, &fx->a, 2024, 11, WIB, NOW,
					 &c, &n),
			 W_OK);
	assert_int_equal(db_archive_day(fx->db, &fx->a, 2024, 11, 21, WIB, NOW,
					NULL, 30, &l),
			 W_OK);
	/* The statements as prepared, read back from SQLite. */
	int counted = 0, today = 0, listed = 0;
	for (sqlite3_stmt *st = sqlite3_next_stmt(db_sqlite(fx->db), NULL); st;
	     st = sqlite3_next_stmt(db_sqlite(fx->db), st)) {
		const char *sql = sqlite3_sql(st);
		char p[2048];
		fixture_plan(fx->db, sql, p, sizeof p);
		if (strstr(sql, "FROM archive_")) {
			/* The kept counts: a range of their key, in order. */
			assert_non_null(strstr(p, "SEARCH archive_"));
			assert_non_null(strstr(p, "INTEGER PRIMARY KEY"));
			assert_null(strstr(p, "SCAN"));
			assert_null(strstr(p, "TEMP B-TREE"));
			counted++;
		} else if (strstr(sql, "articles_sitemap")) {
			/* Today: a range of the covering index. */
			assert_non_null(strstr(
				p, "SEARCH a USING COVERING INDEX "
				   "articles_sitemap (published_at>? AND "
				   "published_at<?)"));
			today++;
		} else if (strstr(sql, "INDEXED BY articles_live ")) {
			/* The day's list is a range on articles_live. */
			assert_non_null(strstr(p, "SEARCH a USING INDEX "
						  "articles_live ("));
			assert_null(strstr(p, "SCAN a"));
			listed++;
		}
	}
	assert_int_equal(counted, 3);
	assert_int_equal(today, 1);
	assert_int_equal(listed, 1);
}

/* The kept counts follow every kind of write: publishing, editing,
 * rescheduling, unpublishing, deleting, relinking. */
static void
test_kept_counts(void **state)
{
	struct fx *fx = *state;
	struct archive_count *c;
	size_t n;
	/* 2023-01-15: one article (9). Another joins, is edited later,
	 * moves to another day, leaves, comes back and is deleted. */
	fixture_exec(fx->db,
		"INSERT INTO articles (id, slug, title, status, section_id,"
		" published_at, updated_at, created_at) VALUES (30, 'b-30',"
		" 'B', 'published', 1, 1673755200, 1673755200, 1)");
	assert_int_equal(db_archive_days(fx->db, &fx->a, 2023, 1, WIB, NOW,
					 &c, &n),
			 W_OK);
	assert_string_equal(counts(c, n, true), "15:2");
	assert_int_equal(c[0].newest, 1673755200);
	fixture_exec(fx->db, "UPDATE articles SET updated_at = 1673800000"
			     " WHERE id = 30");
	assert_int_equal(db_archive_days(fx->db, &fx->a, 2023, 1, WIB, NOW,
					 &c, &n),
			 W_OK);
	assert_int_equal(c[0].newest, 1673800000);
	fixture_exec(fx->db, "UPDATE articles SET published_at = 1673841600"
			     " WHERE id = 30"); /* the 16th, 10:00 WIB */
	assert_int_equal(db_archive_days(fx->db, &fx->a, 2023, 1, WIB, NOW,
					 &c, &n),
			 W_OK);
	assert_string_equal(counts(c, n, true), "16:1 15:1");
	/* The 15th's latest change is article 9's own again. */
	assert_int_equal(c[1].newest, 1673751600);
	fixture_exec(fx->db, "UPDATE articles SET status = 'unpublished'"
			     " WHERE id = 30");
	assert_int_equal(db_archive_months(fx->db, &fx->a, WIB, NOW, &c, &n),
			 W_OK);
	assert_string_equal(counts(c, n, false),
			    "2024-11:8 2024-10:1 2023-1:1");
	assert_int_equal(c[2].newest, 1673751600);
	fixture_exec(fx->db, "UPDATE articles SET status = 'published'"
			     " WHERE id = 30;"
			     "DELETE FROM articles WHERE id = 9");
	assert_int_equal(db_archive_days(fx->db, &fx->a, 2023, 1, WIB, NOW,
					 &c, &n),
			 W_OK);
	assert_string_equal(counts(c, n, true), "16:1");
	fixture_exec(fx->db, "DELETE FROM articles WHERE id = 30");
	assert_int_equal(db_archive_days(fx->db, &fx->a, 2023, 1, WIB, NOW,
					 &c, &n),
			 W_OK);
	assert_int_equal(n, 0);
	/* The kept rows agree with a count from scratch. */
	sqlite3_stmt *st;
	assert_int_equal(
		sqlite3_prepare_v2(db_sqlite(fx->db),
			"SELECT (SELECT sum(n) FROM archive_days),"
			" (SELECT sum(n) FROM archive_months),"
			" (SELECT count(*) FROM articles WHERE status IN"
			" ('scheduled', 'published'))", -1, &st, NULL),
		SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int64(st, 0),
			 sqlite3_column_int64(st, 2));
	assert_int_equal(sqlite3_column_int64(st, 1),
			 sqlite3_column_int64(st, 2));
	sqlite3_finalize(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_months, setup, teardown),
		cmocka_unit_test_setup_teardown(test_days, setup, teardown),
		cmocka_unit_test_setup_teardown(test_day, setup, teardown),
		cmocka_unit_test_setup_teardown(test_query_plans, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_kept_counts, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
