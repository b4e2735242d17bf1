/* test_db_site.c - site settings: defaults, each key's validation, and
 * hostile or hand-edited values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "db_site.h"
#include "migrate.h"
#include "fixture.h"

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

static const char *
stored(struct fx *fx, const char *key)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(fx->db),
					    "SELECT value FROM settings"
					    " WHERE key = ?1",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	const char *v = NULL;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = db_col_text(st, 0, &fx->a);
	sqlite3_finalize(st);
	return v;
}

static struct site
load(struct fx *fx)
{
	struct site s;
	assert_int_equal(db_site_load(fx->db, &fx->a, &s), W_OK);
	return s;
}

static void
test_defaults(void **state)
{
	struct fx *fx = *state;
	struct site s = load(fx);
	assert_string_equal(s.name, "Warta");
	assert_string_equal(s.base_url, "http://127.0.0.1:8080");
	assert_string_equal(s.tagline,
			    "Berita daerah yang jernih dan terverifikasi");
	assert_string_equal(s.timezone, "Asia/Jakarta");
	assert_string_equal(s.tz_abbr, "WIB");
	assert_int_equal(s.tz_offset, 25200);
	assert_string_equal(s.lang, "id");

	/* An empty table still yields a usable site. */
	assert_int_equal(sqlite3_exec(db_sqlite(fx->db),
				      "DELETE FROM settings", NULL, NULL,
				      NULL),
			 SQLITE_OK);
	s = load(fx);
	assert_string_equal(s.name, "Warta");
	assert_string_equal(s.base_url, "http://127.0.0.1:8080");
	assert_string_equal(s.tagline, "");
	assert_string_equal(s.tz_abbr, "WIB");
	assert_string_equal(s.lang, "id");
}

static void
test_set_each(void **state)
{
	struct fx *fx = *state;
	assert_int_equal(db_site_set(fx->db, "site_name", "Kabar Banten"),
			 W_OK);
	assert_int_equal(db_site_set(fx->db, "tagline", "Dari Serang, "
						       "untuk Banten"),
			 W_OK);
	assert_int_equal(db_site_set(fx->db, "base_url",
				     "https://kabar.example.id/"),
			 W_OK);
	assert_int_equal(db_site_set(fx->db, "timezone", "Asia/Makassar"),
			 W_OK);
	assert_int_equal(db_site_set(fx->db, "language", "en"), W_OK);
	struct site s = load(fx);
	assert_string_equal(s.name, "Kabar Banten");
	assert_string_equal(s.tagline, "Dari Serang, untuk Banten");
	assert_string_equal(s.base_url, "https://kabar.example.id");
	assert_string_equal(stored(fx, "base_url"), "https://kabar.example.id");
	assert_string_equal(s.timezone, "Asia/Makassar");
	assert_string_equal(s.tz_abbr, "WITA");
	assert_int_equal(s.tz_offset, 28800);
	assert_string_equal(s.lang, "en");

	/* Setting again replaces. */
	assert_int_equal(db_site_set(fx->db, "language", "id"), W_OK);
	assert_string_equal(load(fx).lang, "id");
	assert_int_equal(db_site_set(fx->db, "tagline", ""), W_OK);
	assert_string_equal(load(fx).tagline, "");
}

static void
test_zones(void **state)
{
	struct fx *fx = *state;
	const struct {
		const char *name, *abbr;
		int offset;
	} z[] = {
		{"Asia/Jakarta", "WIB", 25200},
		{"Asia/Pontianak", "WIB", 25200},
		{"Asia/Makassar", "WITA", 28800},
		{"Asia/Jayapura", "WIT", 32400},
	};
	for (size_t i = 0; i < sizeof z / sizeof z[0]; i++) {
		assert_int_equal(db_site_set(fx->db, "timezone", z[i].name),
				 W_OK);
		struct site s = load(fx);
		assert_string_equal(s.timezone, z[i].name);
		assert_string_equal(s.tz_abbr, z[i].abbr);
		assert_int_equal(s.tz_offset, z[i].offset);
	}
	const char *bad[] = {"UTC", "Asia/Singapore", "asia/jakarta",
			     "Asia/Jakarta ", "", "Asia/Jakarta\n",
			     "Asia/Jayapura/../Jakarta"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(db_site_set(fx->db, "timezone", bad[i]),
				 W_INVAL);
	assert_string_equal(stored(fx, "timezone"), "Asia/Jayapura");
}

static void
test_language(void **state)
{
	struct fx *fx = *state;
	const char *bad[] = {"fr", "ID", "", "id ", "en-US", "<script>"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(db_site_set(fx->db, "language", bad[i]),
				 W_INVAL);
	assert_string_equal(stored(fx, "language"), "id");
}

static void
test_base_url(void **state)
{
	struct fx *fx = *state;
	const struct {
		const char *in, *want;
	} good[] = {
		{"http://127.0.0.1:8080//", "http://127.0.0.1:8080"},
		{"https://example.id", "https://example.id"},
		{"https://example.id/berita/", "https://example.id/berita"},
		{"http://[::1]:8080/", "http://[::1]:8080"},
		{"https://sub-domain.example.co.id:443/a/b",
		 "https://sub-domain.example.co.id:443/a/b"},
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		assert_int_equal(db_site_set(fx->db, "base_url", good[i].in),
				 W_OK);
		assert_string_equal(stored(fx, "base_url"), good[i].want);
		assert_string_equal(load(fx).base_url, good[i].want);
	}
	char big[400];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	memcpy(big, "https://", 8);
	const char *bad[] = {
		"javascript:alert(1)",
		"JAVASCRIPT://x",
		"ftp://example.id",
		"//example.id",
		"example.id",
		"http://",
		"https:///berita",
		"http://:8080",
		"http://exa mple.id",
		"http://example.id\t",
		"http://example.id\n",
		"http://example.id/\"onmouseover=\"x",
		"http://example.id/'x'",
		"http://example.id/<script>",
		"http://<script>alert(1)</script>",
		"http://example.id/a>b",
		"http://user:pass@example.id",
		"http://example.id@evil.example",
		"http://example.id/?q=1",
		"http://example.id/#top",
		"http://example.id:0",
		"http://example.id:99999",
		"http://example.id:80x",
		"http://[::1",
		"http://[]",
		"http://example.id\\evil",
		"http://ex\xc3\xa4mple.id",
		"http://example.id/\xff",
		"",
		big,
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (db_site_set(fx->db, "base_url", bad[i]) != W_INVAL)
			fail_msg("accepted base_url %s", bad[i]);
	assert_string_equal(stored(fx, "base_url"),
			    "https://sub-domain.example.co.id:443/a/b");
}

static void
test_site_name(void **state)
{
	struct fx *fx = *state;
	/* 100 characters of two bytes each: the limit counts characters. */
	char name[256] = "";
	for (int i = 0; i < 100; i++)
		strcat(name, "\xc3\xa9");
	assert_int_equal(db_site_set(fx->db, "site_name", name), W_OK);
	assert_string_equal(load(fx).name, name);
	strcat(name, "e");
	assert_int_equal(db_site_set(fx->db, "site_name", name), W_INVAL);

	/* Markup is text: stored as is, escaped by the templates. */
	const char *odd = "<script>alert(\"x\")</script> & 'Warta'";
	assert_int_equal(db_site_set(fx->db, "site_name", odd), W_OK);
	assert_string_equal(load(fx).name, odd);

	const char *bad[] = {
		"",
		"Warta\nBaru",
		"Warta\r",
		"Tab\there",
		"Del\x7f",
		"C1 \xc2\x85 next line",
		"C1 \xc2\x9f",
		"invalid \xff",
		"overlong \xc0\xaf",
		"truncated \xe2\x82",
		"surrogate \xed\xa0\x80",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (db_site_set(fx->db, "site_name", bad[i]) != W_INVAL)
			fail_msg("accepted site_name #%zu", i);
		if (db_site_set(fx->db, "tagline", bad[i]) != W_INVAL &&
		    bad[i][0])
			fail_msg("accepted tagline #%zu", i);
	}
	assert_string_equal(stored(fx, "site_name"), odd);
	char longtag[1000];
	memset(longtag, 'x', sizeof longtag - 1);
	longtag[sizeof longtag - 1] = '\0';
	assert_int_equal(db_site_set(fx->db, "tagline", longtag), W_INVAL);
	assert_string_equal(stored(fx, "tagline"), "");
}

static void
test_keys(void **state)
{
	struct fx *fx = *state;
	const char *bad[] = {"admin_password", "SITE_NAME", "site_name ",
			     "", "site_name'; --"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(db_site_set(fx->db, bad[i], "x"), W_INVAL);
	assert_int_equal(db_site_set(fx->db, NULL, "x"), W_INVAL);
	assert_int_equal(db_site_set(fx->db, "site_name", NULL), W_INVAL);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(fx->db),
					    "SELECT count(*) FROM settings",
					    -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 5);
	sqlite3_finalize(st);
}

/* Values edited into the table by hand fall back to the defaults. */
static void
test_hand_edited(void **state)
{
	struct fx *fx = *state;
	assert_int_equal(
		sqlite3_exec(db_sqlite(fx->db),
			     "UPDATE settings SET value = CASE key"
			     " WHEN 'site_name' THEN ''"
			     " WHEN 'base_url' THEN 'javascript:alert(1)'"
			     " WHEN 'tagline' THEN 'a' || char(10) || 'b'"
			     " WHEN 'timezone' THEN 'Mars/Olympus'"
			     " WHEN 'language' THEN 'xx' END;"
			     "INSERT INTO settings VALUES ('from_the_future',"
			     " 'x')",
			     NULL, NULL, NULL),
		SQLITE_OK);
	struct site s = load(fx);
	assert_string_equal(s.name, "Warta");
	assert_string_equal(s.base_url, "http://127.0.0.1:8080");
	assert_string_equal(s.tagline, "");
	assert_string_equal(s.timezone, "Asia/Jakarta");
	assert_string_equal(s.tz_abbr, "WIB");
	assert_int_equal(s.tz_offset, 25200);
	assert_string_equal(s.lang, "id");

	/* A trailing slash typed in by hand is still dropped. */
	assert_int_equal(sqlite3_exec(db_sqlite(fx->db),
				      "UPDATE settings SET value ="
				      " 'https://x.example/' WHERE key ="
				      " 'base_url'",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_string_equal(load(fx).base_url, "https://x.example");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_defaults, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_set_each, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_zones, setup, teardown),
		cmocka_unit_test_setup_teardown(test_language, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_base_url, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_site_name, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hand_edited, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
