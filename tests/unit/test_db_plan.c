/* test_db_plan.c - every reader query run and its plan read back: the
 * families are all there, each statement with its plan lines, and a
 * database without the keys it looks for still answers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "db_plan.h"
#include "fixture.h"

#define NOW 1733011200 /* 2024-12-01 07:00 WIB */
#define WIB 25200

static void
fill(struct db *db)
{
	fixture_exec(db,
		"INSERT INTO sections (id, slug, name) VALUES (1, 'daerah',"
		" 'Daerah');"
		"INSERT INTO authors (id, slug, name, initials) VALUES"
		" (1, 'ani', 'Ani', 'ani');"
		"INSERT INTO tags (id, slug, name) VALUES (1, 'banjir',"
		" 'Banjir');");
	for (int i = 1; i <= 40; i++) {
		char sql[512];
		snprintf(sql, sizeof sql,
			 "INSERT INTO articles (id, slug, title, body_md,"
			 " status, section_id, published_at, updated_at,"
			 " created_at) VALUES (%d, 'a-%d', 'Warga %d',"
			 " 'Warga desa', 'published', 1, %d, %d, 1);"
			 "INSERT INTO article_tags (article_id, tag_id)"
			 " VALUES (%d, 1);"
			 "INSERT INTO article_authors (article_id, author_id)"
			 " VALUES (%d, 1);",
			 i, i, i, NOW - i * 86400, NOW - i * 86400, i, i);
		fixture_exec(db, sql);
	}
}

static void
test_plans(void **state)
{
	(void)state;
	struct db *db = fixture_db();
	fill(db);
	struct buf out;
	buf_init(&out);
	assert_int_equal(db_plan_reader(db, NOW, WIB, &out), W_OK);
	const char *s = buf_cstr(&out);
	static const char *const families[] = {
		"FROM tag_timeline t",	      "FROM author_timeline w",
		"articles_live_section",      "FROM archive_months",
		"FROM archive_days",	      "INDEXED BY articles_sitemap",
		"articles_fts MATCH",	      "FROM tags g",
		"INDEXED BY articles_live ",
	};
	for (size_t i = 0; i < sizeof families / sizeof families[0]; i++)
		assert_non_null(strstr(s, families[i]));
	/* Each statement line is followed by its plan. */
	size_t sqls = 0;
	for (const char *p = s; (p = strstr(p, "SQL ")); p++) {
		const char *nl = strchr(p, '\n');
		assert_non_null(nl);
		if (strncmp(nl + 1, "PLAN ", 5) == 0)
			sqls++;
	}
	assert_true(sqls > 15);
	assert_non_null(strstr(s, "PLAN SEARCH t USING PRIMARY KEY (tag_id=?"));
	buf_fini(&out);
	db_close(db);
}

static void
test_empty(void **state)
{
	(void)state;
	/* No articles, tags or authors: the keys are NULL, and every query
	 * still runs and is explained. */
	struct db *db = fixture_db();
	struct buf out;
	buf_init(&out);
	assert_int_equal(db_plan_reader(db, NOW, WIB, &out), W_OK);
	assert_non_null(strstr(buf_cstr(&out), "FROM archive_months"));
	buf_fini(&out);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plans),
		cmocka_unit_test(test_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
