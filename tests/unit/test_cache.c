/* test_cache.c - unit tests for cache.c: If-None-Match parsing with
 * hostile lists, the RFC 9110 precedence of the conditional fields, the
 * Cache-Control table, the site's last change (and its query plan), and
 * cache_validate() on a real response. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cache.h"
#include "datefmt.h"
#include "migrate.h"
#include "fixture.h"

#define TAG "\"0123abcd\""
/* 2024-11-21 10:15:00 WIB = 03:15:00 GMT, a Thursday */
#define T0 1732158900
#define T0_HTTP "Thu, 21 Nov 2024 03:15:00 GMT"
#define MIDNIGHT (T0 - 10 * 3600 - 15 * 60)

static void
test_etag_match(void **state)
{
	static const char *const yes[] = {
	    TAG,
	    "W/" TAG,
	    "*",
	    " * ",
	    "\t" TAG "\t",
	    "\"x\", " TAG,
	    "\"x\",\t W/" TAG " ,",
	    ",," TAG ",,",
	    "\"a,b\", " TAG,
	    "\"\xC3\xA9\"," TAG, /* obs-text is allowed in a tag */
	};
	static const char *const no[] = {
	    "",
	    " ",
	    "\"0123abc\"",	  /* a prefix */
	    "\"0123abcd0\"",	  /* longer */
	    "\"0123ABCD\"",	  /* case matters */
	    "0123abcd",		  /* unquoted */
	    "\"0123abcd",	  /* unterminated */
	    TAG "x",		  /* junk after the tag */
	    TAG " x",		  /* junk after the tag */
	    "w/" TAG,		  /* the weak prefix is case-sensitive */
	    "W/ " TAG,		  /* no space inside */
	    "*, " TAG,		  /* "*" stands alone */
	    TAG ", *",		  /* ... or not at all */
	    "\"x\" \"y\", " TAG,  /* missing comma: malformed list */
	    TAG ", garbage",	  /* malformed: nothing matches */
	    "\"a b\", " TAG,	  /* space is not etagc */
	    "\"a\x01\", " TAG,	  /* nor a control */
	    "\"0123\", \"abcd\"", /* split halves */
	    "\"\"",
	};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (!cache_etag_match(yes[i], TAG))
			fail_msg("should match: [%s]", yes[i]);
	}
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		if (cache_etag_match(no[i], TAG))
			fail_msg("should not match: [%s]", no[i]);
	}
	assert_false(cache_etag_match(NULL, TAG));
	assert_false(cache_etag_match(TAG, NULL));

	/* An oversized list of near misses, then the tag. */
	size_t n = 100000;
	char *big = malloc(n + sizeof TAG + 8);
	assert_non_null(big);
	size_t len = 0;
	while (len + 8 < n)
		len += (size_t)sprintf(big + len, "\"%04zx\", ", len % 9999);
	strcpy(big + len, TAG);
	assert_true(cache_etag_match(big, TAG));
	big[len] = '\0';
	assert_false(cache_etag_match(big, TAG));
	free(big);
}

static void
test_not_modified(void **state)
{
	/* If-None-Match alone. */
	assert_true(cache_not_modified(TAG, NULL, TAG, T0, T0));
	assert_false(cache_not_modified("\"old\"", NULL, TAG, T0, T0));
	/* If-None-Match takes precedence over If-Modified-Since. */
	assert_false(cache_not_modified("\"old\"", T0_HTTP, TAG, T0, T0));
	assert_true(cache_not_modified(TAG, "Thu, 01 Jan 1970 00:00:00 GMT",
				       TAG, T0, T0));
	/* A present but malformed If-None-Match still hides the date. */
	assert_false(cache_not_modified("junk", T0_HTTP, TAG, T0, T0));

	/* If-Modified-Since alone: equal and later dates are fresh. */
	assert_true(cache_not_modified(NULL, T0_HTTP, TAG, T0, T0 + 60));
	assert_true(cache_not_modified(NULL, T0_HTTP, TAG, T0 - 1, T0 + 60));
	assert_false(cache_not_modified(NULL, T0_HTTP, TAG, T0 + 1, T0 + 60));
	/* ... unless the date is in the future, invalid, or a list. */
	assert_false(cache_not_modified(NULL, T0_HTTP, TAG, T0 - 5, T0 - 1));
	assert_false(cache_not_modified(NULL, "Wed, 21 Nov 2024 03:15:00 GMT",
					TAG, T0 - 5, T0));
	assert_false(cache_not_modified(NULL, "yesterday", TAG, T0 - 5, T0));
	assert_false(cache_not_modified(NULL, "", TAG, T0 - 5, T0));
	assert_false(
	    cache_not_modified(NULL, T0_HTTP ", " T0_HTTP, TAG, T0 - 5, T0));
	/* ... or the page has no Last-Modified. */
	assert_false(cache_not_modified(NULL, T0_HTTP, TAG, 0, T0));
	assert_false(cache_not_modified(NULL, NULL, TAG, T0, T0));
}

static void
test_control(void **state)
{
	assert_string_equal(cache_control_for(200, false), CACHE_PUBLIC);
	assert_string_equal(cache_control_for(304, false), CACHE_PUBLIC);
	assert_string_equal(cache_control_for(301, false), CACHE_SHORT);
	assert_string_equal(cache_control_for(404, false), CACHE_SHORT);
	assert_string_equal(cache_control_for(410, false), CACHE_SHORT);
	static const int none[] = {302, 303, 400, 403, 405, 413, 414, 500, 503};
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
		assert_string_equal(cache_control_for(none[i], false),
				    "no-store");
	assert_string_equal(cache_control_for(200, true), "no-store");
	assert_string_equal(cache_control_for(404, true), "no-store");
	assert_string_equal(CACHE_PUBLIC,
			    "public, max-age=5, stale-while-revalidate=30");
}

/* ---- with a database ---- */

struct fx {
	struct app app;
	struct worker w;
	struct req req;
	struct resp resp;
};

static void
exec_ok(struct fx *fx, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db_sqlite(fx->w.db), sql, NULL, NULL, &msg) !=
	    SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof *fx);
	assert_non_null(fx);
	fx->w.app = &fx->app;
	fx->w.db = fixture_db();
	arena_init(&fx->w.arena);
	buf_init(&fx->w.scratch);
	fx->w.site.tz_offset = 7 * 3600;
	fx->w.site.base_url = "https://warta.example";
	fx->w.site.lang = "id";
	buf_init(&fx->resp.body);
	exec_ok(fx, "INSERT INTO sections (id, slug, name) VALUES (1, 's', "
		    "'S')");
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;
	buf_fini(&fx->resp.body);
	buf_fini(&fx->w.scratch);
	arena_fini(&fx->w.arena);
	db_close(fx->w.db);
	free(fx);
	return 0;
}

static void
article(struct fx *fx, int id, const char *status, int64_t published,
	int64_t updated)
{
	static const char sql[] =
	    "INSERT INTO articles (id, slug, title, status, section_id, "
	    "published_at, updated_at, created_at) VALUES (?1, 'a' || ?1, "
	    "'A', ?2, 1, ?3, ?4, 1)";
	sqlite3_stmt *st;
	assert_int_equal(
	    sqlite3_prepare_v2(db_sqlite(fx->w.db), sql, -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_int(st, 1, id);
	sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
	if (published) /* else NULL */
		sqlite3_bind_int64(st, 3, published);
	sqlite3_bind_int64(st, 4, updated);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

static int64_t
changed(struct fx *fx, int64_t now)
{
	int64_t t = -1;
	assert_int_equal(cache_site_changed(fx->w.db, now, &t), W_OK);
	return t;
}

static void
test_site_changed(void **state)
{
	struct fx *fx = *state;
	assert_int_equal(changed(fx, T0), 0);
	article(fx, 1, "published", T0 - 500, T0 - 400);
	assert_int_equal(changed(fx, T0), T0 - 400);
	/* Scheduled before, due now: it appeared at its time. */
	article(fx, 2, "scheduled", T0 - 100, T0 - 3000);
	assert_int_equal(changed(fx, T0), T0 - 100);
	assert_int_equal(changed(fx, T0 - 101), T0 - 400);
	/* Not yet due: counts only as the save it was. */
	article(fx, 3, "scheduled", T0 + 100, T0 - 3000);
	assert_int_equal(changed(fx, T0), T0 - 100);
	/* A draft saved later, or an unpublished story, is a change too. */
	article(fx, 4, "draft", 0, T0 - 50);
	assert_int_equal(changed(fx, T0), T0 - 50);
	/* An admin action (a deleted article leaves only this trace). */
	exec_ok(fx, "INSERT INTO audit_log (action, created_at) VALUES "
		    "('article.delete', 1732158890)");
	assert_int_equal(changed(fx, T0), T0 - 10);
}

/* Every sub-select reads an index or the rowid order: no full scan of
 * articles and no sort. */
static void
test_site_changed_plan(void **state)
{
	struct fx *fx = *state;
	/* Recover the statement's SQL from the connection's cache. */
	assert_int_equal(changed(fx, T0), 0);
	sqlite3_stmt *st = NULL, *it = NULL;
	while ((it = sqlite3_next_stmt(db_sqlite(fx->w.db), it)))
		if (strstr(sqlite3_sql(it), "audit_log"))
			st = it;
	assert_non_null(st);
	char q[2048];
	snprintf(q, sizeof q, "EXPLAIN QUERY PLAN %s", sqlite3_sql(st));
	sqlite3_stmt *pl;
	assert_int_equal(
	    sqlite3_prepare_v2(db_sqlite(fx->w.db), q, -1, &pl, NULL),
	    SQLITE_OK);
	int scans = 0;
	char bad[256] = "";
	while (sqlite3_step(pl) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(pl, 3);
		if (strstr(d, "TEMP B-TREE"))
			snprintf(bad, sizeof bad, "sorts: %s", d);
		if (strstr(d, "articles")) {
			scans++;
			if (!strstr(d, "INDEX articles_updated") &&
			    !strstr(d, "INDEX articles_live"))
				snprintf(bad, sizeof bad, "no index: %s", d);
		}
	}
	sqlite3_finalize(pl);
	assert_string_equal(bad, "");
	assert_int_equal(scans, 2);
}

static const char *
header(const struct resp *r, const char *name)
{
	const char *v = NULL;
	for (size_t i = 0; i < r->nheaders; i++)
		if (strcmp(r->headers[i].key, name) == 0) {
			assert_null(v); /* never twice */
			v = r->headers[i].val;
		}
	return v;
}

/* A fresh request for the cacheable page "body". */
static void
page(struct fx *fx, enum method m, const char *body, int64_t own)
{
	/* A new request, as worker_begin() starts one. */
	arena_reset(&fx->w.arena);
	fx->w.stamp_read = false;
	memset(&fx->req, 0, sizeof fx->req);
	fx->req.arena = &fx->w.arena;
	fx->req.method = m;
	fx->req.now = T0;
	struct buf b = fx->resp.body;
	buf_reset(&b);
	memset(&fx->resp, 0, sizeof fx->resp);
	fx->resp.body = b;
	fx->resp.fd = -1;
	fx->resp.status = 200;
	fx->resp.cacheable = true;
	fx->resp.last_modified = own;
	buf_puts(&fx->resp.body, body);
}

static void
test_validate(void **state)
{
	struct fx *fx = *state;
	struct resp *r = &fx->resp;

	page(fx, METHOD_GET, "<p>halo</p>", T0 - 100);
	cache_validate(&fx->w, &fx->req, r);
	assert_int_equal(r->status, 200);
	assert_string_equal(buf_cstr(&r->body), "<p>halo</p>");
	const char *etag = header(r, "ETag");
	assert_non_null(etag);
	assert_int_equal(strlen(etag), 34);
	assert_true(etag[0] == '"' && etag[33] == '"');
	assert_int_equal(strspn(etag + 1, "0123456789abcdef"), 32);
	char *saved = strdup(etag);
	assert_string_equal(header(r, "Cache-Control"), CACHE_PUBLIC);
	char want[40];
	datefmt_http(T0 - 100, want, sizeof want);
	assert_string_equal(header(r, "Last-Modified"), want);

	/* Same body, same tag; another body, another tag. */
	page(fx, METHOD_HEAD, "<p>halo</p>", T0 - 100);
	cache_validate(&fx->w, &fx->req, r);
	assert_string_equal(header(r, "ETag"), saved);
	page(fx, METHOD_GET, "<p>halo!</p>", T0 - 100);
	cache_validate(&fx->w, &fx->req, r);
	assert_string_not_equal(header(r, "ETag"), saved);

	/* If-None-Match: 304, no body, validators and Cache-Control kept. */
	page(fx, METHOD_GET, "<p>halo</p>", T0 - 100);
	req_add_header(&fx->req, "If-None-Match", saved);
	cache_validate(&fx->w, &fx->req, r);
	assert_int_equal(r->status, 304);
	assert_int_equal(r->body.len, 0);
	assert_string_equal(header(r, "ETag"), saved);
	assert_string_equal(header(r, "Cache-Control"), CACHE_PUBLIC);
	assert_string_equal(header(r, "Last-Modified"), want);

	/* If-Modified-Since. */
	page(fx, METHOD_HEAD, "<p>halo</p>", T0 - 100);
	req_add_header(&fx->req, "If-Modified-Since", want);
	cache_validate(&fx->w, &fx->req, r);
	assert_int_equal(r->status, 304);
	page(fx, METHOD_GET, "<p>halo</p>", T0 - 99);
	req_add_header(&fx->req, "If-Modified-Since", want);
	cache_validate(&fx->w, &fx->req, r);
	assert_int_equal(r->status, 200);

	/* A handler's own Cache-Control stays, and only once. */
	page(fx, METHOD_GET, "x", T0 - 100);
	resp_header(r, "Cache-Control", "public, max-age=60");
	cache_validate(&fx->w, &fx->req, r);
	assert_string_equal(header(r, "Cache-Control"), "public, max-age=60");

	/* Not for POST, nor for other statuses, nor for files. */
	page(fx, METHOD_POST, "x", T0 - 100);
	req_add_header(&fx->req, "If-None-Match", "*");
	cache_validate(&fx->w, &fx->req, r);
	assert_int_equal(r->status, 200);
	assert_int_equal(r->nheaders, 0);
	page(fx, METHOD_GET, "x", T0 - 100);
	r->status = 404;
	cache_validate(&fx->w, &fx->req, r);
	assert_int_equal(r->nheaders, 0);
	free(saved);
}

static void
test_last_modified(void **state)
{
	struct fx *fx = *state;
	struct resp *r = &fx->resp;
	char want[40];

	/* Nothing newer than the day: the local midnight (the masthead's
	 * date changed then). */
	page(fx, METHOD_GET, "x", 0);
	cache_validate(&fx->w, &fx->req, r);
	assert_int_equal(r->last_modified, MIDNIGHT);
	datefmt_http(MIDNIGHT, want, sizeof want);
	assert_string_equal(header(r, "Last-Modified"), want);

	/* A change elsewhere on the site moves every page's date. */
	article(fx, 1, "unpublished", T0 - 90000, T0 - 30);
	page(fx, METHOD_GET, "x", T0 - 3000);
	cache_validate(&fx->w, &fx->req, r);
	assert_int_equal(r->last_modified, T0 - 30);

	/* Never in the future. */
	page(fx, METHOD_GET, "x", T0 + 5000);
	cache_validate(&fx->w, &fx->req, r);
	assert_int_equal(r->last_modified, T0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_etag_match),
	    cmocka_unit_test(test_not_modified),
	    cmocka_unit_test(test_control),
	    cmocka_unit_test_setup_teardown(test_site_changed, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_site_changed_plan, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_validate, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_last_modified, setup,
					    teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
