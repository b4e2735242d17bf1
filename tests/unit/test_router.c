/* test_router.c - the route table matcher: captures, 404 and 405. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "router.h"

static enum werr
h_home(struct worker *w, struct req *r, struct resp *s)
{
	return W_OK;
}

static enum werr
h_article(struct worker *w, struct req *r, struct resp *s)
{
	return W_OK;
}

static enum werr
h_static(struct worker *w, struct req *r, struct resp *s)
{
	return W_OK;
}

static enum werr
h_post(struct worker *w, struct req *r, struct resp *s)
{
	return W_OK;
}

static const struct route table[] = {
	{M_GET | M_HEAD, "/", h_home, 0},
	{M_GET | M_HEAD, "/static/*path", h_static, 0},
	{M_GET | M_HEAD, "/kanal/:slug", h_home, 0},
	{M_POST, "/kanal/:slug", h_post, 0},
	{M_POST, "/admin/x/:id/hasil", h_post, 0},
	{M_GET | M_HEAD, "/sitemap-:month.xml", h_static, 0},
	{M_GET | M_HEAD, "/:y/:m/:d/:slug", h_article, 0},
};
#define N (sizeof table / sizeof table[0])

static struct arena arena;

static const struct route *
run(enum method m, const char *path, struct req *req, unsigned *allowed)
{
	memset(req, 0, sizeof *req);
	req->arena = &arena;
	req->method = m;
	req->path = path;
	return router_match(table, N, req, allowed);
}

static void
test_root(void **state)
{
	struct req req;
	unsigned allowed;
	const struct route *r = run(METHOD_GET, "/", &req, &allowed);
	assert_non_null(r);
	assert_ptr_equal(r->handler, h_home);
	assert_int_equal(req.nparams, 0);
	assert_null(run(METHOD_GET, "//", &req, &allowed));
	assert_int_equal(allowed, 0);
}

static void
test_captures(void **state)
{
	struct req req;
	unsigned allowed;
	const struct route *r =
		run(METHOD_GET, "/2024/11/21/debat-kedua", &req, &allowed);
	assert_non_null(r);
	assert_ptr_equal(r->handler, h_article);
	assert_int_equal(req.nparams, 4);
	assert_string_equal(req_param(&req, "y"), "2024");
	assert_string_equal(req_param(&req, "m"), "11");
	assert_string_equal(req_param(&req, "d"), "21");
	assert_string_equal(req_param(&req, "slug"), "debat-kedua");
	assert_null(req_param(&req, "nope"));
	/* An empty segment never matches a capture. */
	assert_null(run(METHOD_GET, "/2024/11//x", &req, &allowed));
	assert_null(run(METHOD_GET, "/2024/11/21/x/", &req, &allowed));
	assert_null(run(METHOD_GET, "/2024/11/21", &req, &allowed));
}

static void
test_rest(void **state)
{
	struct req req;
	unsigned allowed;
	const struct route *r =
		run(METHOD_GET, "/static/css/warta.css", &req, &allowed);
	assert_non_null(r);
	assert_ptr_equal(r->handler, h_static);
	assert_string_equal(req_param(&req, "path"), "css/warta.css");
	assert_null(run(METHOD_GET, "/static/", &req, &allowed));
	assert_null(run(METHOD_GET, "/static", &req, &allowed));
}

static void
test_infix(void **state)
{
	struct req req;
	unsigned allowed;
	const struct route *r =
		run(METHOD_GET, "/sitemap-2024-11.xml", &req, &allowed);
	assert_non_null(r);
	assert_string_equal(req_param(&req, "month"), "2024-11");
	/* The middle must not be empty; prefix and suffix must both match. */
	assert_null(run(METHOD_GET, "/sitemap-.xml", &req, &allowed));
	assert_null(run(METHOD_GET, "/sitemap-2024.xm", &req, &allowed));
	assert_null(run(METHOD_GET, "/sitemap.xml", &req, &allowed));
	assert_null(run(METHOD_GET, "/xsitemap-1.xml", &req, &allowed));
	assert_null(run(METHOD_POST, "/tidak-ada", &req, &allowed));
	assert_int_equal(allowed, 0);
}

static void
test_methods(void **state)
{
	struct req req;
	unsigned allowed;
	const struct route *r = run(METHOD_POST, "/kanal/politik", &req,
				    &allowed);
	assert_non_null(r);
	assert_ptr_equal(r->handler, h_post);
	assert_null(run(METHOD_POST, "/", &req, &allowed));
	assert_int_equal(allowed, M_GET | M_HEAD);
	assert_string_equal(router_allow(allowed), "GET, HEAD");
	assert_null(run(METHOD_OTHER, "/kanal/x", &req, &allowed));
	assert_int_equal(allowed, M_GET | M_HEAD | M_POST);
	assert_string_equal(router_allow(allowed), "GET, HEAD, POST");
	assert_null(run(METHOD_GET, "/nope/x", &req, &allowed));
	assert_int_equal(allowed, 0);
	/* The first matching pattern names the resource: a GET on a
	 * POST-only path is a 405 even where a later catch-all pattern
	 * would take any four segments. */
	assert_null(run(METHOD_GET, "/admin/x/1/hasil", &req, &allowed));
	assert_int_equal(allowed, M_POST);
	r = run(METHOD_GET, "/2024/11/21/hasil", &req, &allowed);
	assert_non_null(r);
	assert_ptr_equal(r->handler, h_article);
}

static void
test_hostile(void **state)
{
	struct req req;
	unsigned allowed;
	assert_null(run(METHOD_GET, "/kanal/<script>/x", &req, &allowed));
	const struct route *r =
		run(METHOD_GET, "/kanal/<script>", &req, &allowed);
	/* The router captures as is; handlers look the slug up and 404. */
	assert_non_null(r);
	assert_string_equal(req_param(&req, "slug"), "<script>");
}

static int
teardown(void **state)
{
	arena_fini(&arena);
	return 0;
}

int
main(void)
{
	arena_init(&arena);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_root),
		cmocka_unit_test(test_captures),
		cmocka_unit_test(test_rest),
		cmocka_unit_test(test_infix),
		cmocka_unit_test(test_methods),
		cmocka_unit_test(test_hostile),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
