/* test_mount.c - mount points: validation, stripping on the way in,
 * re-applying to the links of a page on the way out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "http.h"
#include "mount.h"

static void
test_valid(void **state)
{
	(void)state;
	assert_true(mount_valid(""));
	assert_true(mount_valid("/berita"));
	assert_true(mount_valid("/situs/berita-2024"));
	assert_true(mount_valid("/a.b_c~d"));
	assert_false(mount_valid("/"));
	assert_false(mount_valid("berita"));
	assert_false(mount_valid("/berita/"));
	assert_false(mount_valid("//berita"));
	assert_false(mount_valid("/a//b"));
	assert_false(mount_valid("/ber ita"));
	assert_false(mount_valid("/ber%69ta"));
	assert_false(mount_valid("/berita?x"));
	assert_false(mount_valid("/<script>"));
	assert_false(mount_valid("/\"x"));
	assert_false(mount_valid("/.."));
	assert_false(mount_valid("/a/./b"));
	assert_false(mount_valid("/a/.."));
	assert_false(mount_valid("/caf\xc3\xa9"));
	char longer[MOUNT_MAX + 3];
	memset(longer, 'a', sizeof longer - 1);
	longer[0] = '/';
	longer[sizeof longer - 1] = '\0';
	assert_false(mount_valid(longer));
}

static void
test_normalise(void **state)
{
	char out[MOUNT_MAX + 1];
	(void)state;
	assert_true(mount_normalise("/", out));
	assert_string_equal(out, "");
	assert_true(mount_normalise("", out));
	assert_string_equal(out, "");
	assert_true(mount_normalise("/berita/", out));
	assert_string_equal(out, "/berita");
	assert_true(mount_normalise("/berita", out));
	assert_string_equal(out, "/berita");
	assert_false(mount_normalise("/berita//", out));
	assert_string_equal(out, "");
	assert_false(mount_normalise("/cgi bin/warta", out));
	assert_string_equal(out, "");
}

static void
test_strip(void **state)
{
	(void)state;
	assert_string_equal(mount_strip("/berita", "/berita/kanal/x"),
			    "/kanal/x");
	assert_string_equal(mount_strip("/berita", "/berita"), "");
	assert_string_equal(mount_strip("/berita", "/berita?q=1"), "?q=1");
	assert_null(mount_strip("/berita", "/beritax"));
	assert_null(mount_strip("/berita", "/"));
	assert_null(mount_strip("/berita", "/kanal/x"));
	assert_string_equal(mount_strip("", "/kanal/x"), "/kanal/x");
}

static void
test_of_cgi(void **state)
{
	char out[MOUNT_MAX + 1];
	(void)state;
	/* --prefix wins over what the server says; "/" is the root. */
	assert_true(mount_of_cgi("/situs/", "/x", out));
	assert_string_equal(out, "/situs");
	assert_true(mount_of_cgi("/", "/cgi-bin/warta.cgi", out));
	assert_string_equal(out, "");
	assert_true(mount_of_cgi("", "/cgi-bin/warta.cgi", out));
	assert_string_equal(out, "");
	assert_false(mount_of_cgi("/a b", "/x", out));
	assert_string_equal(out, "");
	/* Else SCRIPT_NAME, the program's own path. */
	assert_true(mount_of_cgi(NULL, "/berita", out));
	assert_string_equal(out, "/berita");
	assert_true(mount_of_cgi(NULL, "/cgi-bin/warta.cgi", out));
	assert_string_equal(out, "/cgi-bin/warta.cgi");
	assert_true(mount_of_cgi(NULL, "", out));
	assert_string_equal(out, "");
	assert_true(mount_of_cgi(NULL, "/", out));
	assert_string_equal(out, "");
	assert_true(mount_of_cgi(NULL, NULL, out));
	assert_string_equal(out, "");
	assert_false(mount_of_cgi(NULL, "/cgi bin/w", out));
	assert_false(mount_of_cgi(NULL, "/a/../b", out));
}

/* mount_html(root, in) must give want. */
static void
expect_html(const char *root, const char *in, const char *want)
{
	struct buf b;
	buf_init(&b);
	mount_html(root, in, strlen(in), &b);
	assert_int_equal(buf_err(&b), W_OK);
	assert_string_equal(buf_cstr(&b), want);
	buf_fini(&b);
}

static void
test_html(void **state)
{
	(void)state;
	expect_html("/b", "<a href=\"/\">x</a>", "<a href=\"/b/\">x</a>");
	expect_html("/b", "<a class=\"k\" href=\"/kanal/x\">",
		    "<a class=\"k\" href=\"/b/kanal/x\">");
	expect_html("/b",
		    "<link rel=\"stylesheet\" href=\"/static/w.css\">\n"
		    "<script src=\"/static/a.js\" defer></script>\n"
		    "<form method=\"post\" action=\"/admin/login\">\n"
		    "<button formaction=\"/admin/x\">\n"
		    "<video poster=\"/media/p.jpg\">\n"
		    "<form data-preview=\"/admin/preview\">",
		    "<link rel=\"stylesheet\" href=\"/b/static/w.css\">\n"
		    "<script src=\"/b/static/a.js\" defer></script>\n"
		    "<form method=\"post\" action=\"/b/admin/login\">\n"
		    "<button formaction=\"/b/admin/x\">\n"
		    "<video poster=\"/b/media/p.jpg\">\n"
		    "<form data-preview=\"/b/admin/preview\">");
	/* Absolute, scheme-relative, fragment and relative URLs stay. */
	expect_html("/b",
		    "<a href=\"https://x/\"><a href=\"//x/y\"><a href=\"/\\x\">"
		    "<a href=\"#top\"><a href=\"kanal\"><a href=\"\">",
		    "<a href=\"https://x/\"><a href=\"//x/y\"><a href=\"/\\x\">"
		    "<a href=\"#top\"><a href=\"kanal\"><a href=\"\">");
	/* Not URL attributes, not attributes at all. */
	expect_html("/b",
		    "<input value=\"/x\" title=\"/y\" content=\"/z\">"
		    "<p>a=\"/x\" x-href=\"/y\"</p>",
		    "<input value=\"/x\" title=\"/y\" content=\"/z\">"
		    "<p>a=\"/x\" x-href=\"/y\"</p>");
	/* Escaped text never holds '="'. */
	expect_html("/b", "<p>href=&quot;/x&quot;</p>",
		    "<p>href=&quot;/x&quot;</p>");
	expect_html("/b",
		    "<img srcset=\"/m/a.jpg 320w, /m/b.jpg 640w,"
		    "https://c/d.jpg 2x,/m/e.jpg\" src=\"/m/a.jpg\">",
		    "<img srcset=\"/b/m/a.jpg 320w, /b/m/b.jpg 640w,"
		    "https://c/d.jpg 2x,/b/m/e.jpg\" src=\"/b/m/a.jpg\">");
	/* Truncated input: nothing read past the end. */
	expect_html("/b", "<a href=\"", "<a href=\"");
	expect_html("/b", "<a href=", "<a href=");
	expect_html("/b", "=\"/x\"", "=\"/x\"");
	expect_html("/b", "<img srcset=\"/a", "<img srcset=\"/b/a");
	/* No mount point: unchanged. */
	expect_html("", "<a href=\"/x\">", "<a href=\"/x\">");
}

static void
test_req_set_root(void **state)
{
	struct arena a;
	struct req req;
	(void)state;
	arena_init(&a);

	memset(&req, 0, sizeof req);
	req.arena = &a;
	assert_int_equal(req_set_uri(&req, "/berita/kanal/x?q=a%20b"), W_OK);
	assert_int_equal(req_set_root(&req, "/berita"), W_OK);
	assert_string_equal(req.path, "/kanal/x");
	assert_string_equal(req.uri, "/kanal/x?q=a%20b");
	assert_string_equal(req.root, "/berita");
	assert_string_equal(req_query(&req, "q"), "a b");

	memset(&req, 0, sizeof req);
	req.arena = &a;
	assert_int_equal(req_set_uri(&req, "/berita?q=1"), W_OK);
	assert_int_equal(req_set_root(&req, "/berita"), W_OK);
	assert_string_equal(req.path, "/");
	assert_string_equal(req.uri, "/?q=1");

	/* Outside the mount point, or spelled otherwise: not found. */
	static const char *const outside[] = {"/kanal/x", "/beritax/y",
					      "/ber%69ta/x", "/"};
	for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++) {
		memset(&req, 0, sizeof req);
		req.arena = &a;
		assert_int_equal(req_set_uri(&req, outside[i]), W_OK);
		assert_int_equal(req_set_root(&req, "/berita"), W_NOTFOUND);
		assert_null(req.path);
	}

	/* No mount point: nothing changes. */
	memset(&req, 0, sizeof req);
	req.arena = &a;
	req.root = "";
	assert_int_equal(req_set_uri(&req, "/x"), W_OK);
	assert_int_equal(req_set_root(&req, ""), W_OK);
	assert_string_equal(req.path, "/x");
	assert_string_equal(req.root, "");
	arena_fini(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_normalise),
		cmocka_unit_test(test_strip),
		cmocka_unit_test(test_of_cgi),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_req_set_root),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
