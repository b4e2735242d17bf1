/* test_admin.c - what every admin page shares, driven with a hand-made
 * worker and requests: ids, cookies, local-only redirects, the gate's
 * session, Origin and CSRF decisions, and the page context (permissions
 * and the fixed flash texts). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "admin.h"
#include "auth.h"
#include "db_user.h"
#include "migrate.h"
#include "router.h"
#include "fixture.h"

#define NOW 1700000000

struct fx {
	struct worker w;
	struct req req;
	struct resp resp;
	char token[AUTH_TOKEN_LEN]; /* the editor's session id */
	char csrf[AUTH_TOKEN_LEN];
	struct form_field fields[4];
};

static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof *fx);
	assert_non_null(fx);
	assert_int_equal(auth_init(), W_OK);
	fx->w.db = fixture_db();
	arena_init(&fx->w.arena);
	buf_init(&fx->resp.body);
	fx->w.site.name = "Warta";
	fx->w.site.base_url = "https://warta.example:8443/berita";
	fx->w.site.lang = "id";

	int64_t uid;
	char hash[AUTH_TOKEN_HASH_LEN];
	assert_int_equal(db_user_add(fx->w.db, "rina@w.test", "Rina <b>",
				     ROLE_EDITOR, 0, "x", NOW, &uid),
			 W_OK);
	auth_token_new(fx->token);
	auth_token_new(fx->csrf);
	auth_token_hash(fx->token, hash);
	assert_int_equal(db_session_add(fx->w.db, hash, uid, fx->csrf, "", NOW),
			 W_OK);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;
	buf_fini(&fx->resp.body);
	arena_fini(&fx->w.arena);
	db_close(fx->w.db);
	free(fx);
	return 0;
}

/* A fresh request for method and uri, as a front end would make it. */
static void
request(struct fx *fx, enum method m, const char *uri)
{
	memset(&fx->req, 0, sizeof fx->req);
	struct buf body = fx->resp.body;
	buf_reset(&body);
	memset(&fx->resp, 0, sizeof fx->resp);
	fx->resp.body = body;
	fx->resp.fd = -1;
	fx->w.session = NULL;
	fx->req.arena = &fx->w.arena;
	fx->req.now = NOW;
	fx->req.method = m;
	assert_int_equal(req_set_uri(&fx->req, uri), W_OK);
}

static void
with_session(struct fx *fx)
{
	char c[128];
	snprintf(c, sizeof c, "theme=dark; %s=%s; x=y", ADMIN_COOKIE,
		 fx->token);
	req_add_header(&fx->req, "cookie", c);
}

static void
with_csrf(struct fx *fx, const char *value)
{
	fx->fields[0] = (struct form_field){
	    .name = "csrf", .value = value, .len = strlen(value)};
	fx->req.form.fields = fx->fields;
	fx->req.form.n = 1;
}

static const char *
location(const struct resp *resp)
{
	for (size_t i = 0; i < resp->nheaders; i++)
		if (strcmp(resp->headers[i].key, "Location") == 0)
			return resp->headers[i].val;
	return NULL;
}

static void
test_id(void **state)
{
	(void)state;
	assert_int_equal(admin_id("1"), 1);
	assert_int_equal(admin_id("42"), 42);
	assert_int_equal(admin_id("9223372036854775807"), INT64_MAX);
	assert_int_equal(admin_id("9223372036854775808"), 0);
	assert_int_equal(admin_id("99999999999999999999999"), 0);
	assert_int_equal(admin_id("0"), 0);
	assert_int_equal(admin_id("007"), 0);
	assert_int_equal(admin_id("-1"), 0);
	assert_int_equal(admin_id("+1"), 0);
	assert_int_equal(admin_id(" 1"), 0);
	assert_int_equal(admin_id("1 "), 0);
	assert_int_equal(admin_id("1x"), 0);
	assert_int_equal(admin_id("1<script>"), 0);
	assert_int_equal(admin_id(""), 0);
	assert_int_equal(admin_id(NULL), 0);
}

static void
test_cookie(void **state)
{
	struct fx *fx = *state;
	request(fx, METHOD_GET, "/admin");
	assert_null(admin_cookie(&fx->w, &fx->req, "a"));
	req_add_header(&fx->req, "cookie", "xa=1;a=2; ab=3;  b=\"q\" ; c=; d");
	assert_string_equal(admin_cookie(&fx->w, &fx->req, "a"), "2");
	assert_string_equal(admin_cookie(&fx->w, &fx->req, "ab"), "3");
	assert_string_equal(admin_cookie(&fx->w, &fx->req, "b"), "\"q\" ");
	assert_string_equal(admin_cookie(&fx->w, &fx->req, "c"), "");
	assert_null(admin_cookie(&fx->w, &fx->req, "d"));
	assert_null(admin_cookie(&fx->w, &fx->req, "x"));
	assert_null(admin_cookie(&fx->w, &fx->req, "xa=1"));
}

static void
test_redirect(void **state)
{
	struct fx *fx = *state;
	request(fx, METHOD_GET, "/admin");
	buf_puts(&fx->resp.body, "stale");
	assert_int_equal(admin_redirect(&fx->resp, "/admin?ok=saved"), W_OK);
	assert_int_equal(fx->resp.status, 303);
	assert_string_equal(location(&fx->resp), "/admin?ok=saved");
	assert_int_equal(fx->resp.body.len, 0);
	assert_false(fx->resp.cacheable);

	static const char *const bad[] = {
	    "//evil.example",
	    "/\\evil.example",
	    "https://evil.example",
	    "admin",
	    "",
	    "/admin\r\nSet-Cookie: x=1",
	    "/a\tb",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		request(fx, METHOD_GET, "/admin");
		assert_int_equal(admin_redirect(&fx->resp, bad[i]), W_INVAL);
		assert_null(location(&fx->resp));
	}
	assert_int_equal(admin_redirect(&fx->resp, NULL), W_INVAL);
}

static void
test_gate_signed_out(void **state)
{
	struct fx *fx = *state;
	bool done;
	const char *why;

	request(fx, METHOD_GET, "/admin/articles?status=draft&q=a b");
	assert_int_equal(
	    admin_gate(&fx->w, &fx->req, &fx->resp, ROUTE_ADMIN, &done, &why), W_OK);
	assert_true(done);
	assert_int_equal(fx->resp.status, 303);
	assert_string_equal(location(&fx->resp),
			    "/admin/login?next=%2Fadmin%2Farticles%3Fstatus%3D"
			    "draft%26q%3Da%20b");

	/* A public admin route (the sign-in page) lets the visitor in. */
	request(fx, METHOD_GET, "/admin/login");
	assert_int_equal(admin_gate(&fx->w, &fx->req, &fx->resp,
				    ROUTE_ADMIN | ROUTE_PUBLIC, &done, &why),
			 W_OK);
	assert_false(done);
	assert_null(fx->w.session);

	/* Anything else than GET/HEAD is refused outright. */
	request(fx, METHOD_POST, "/admin/logout");
	with_csrf(fx, fx->csrf);
	assert_int_equal(
	    admin_gate(&fx->w, &fx->req, &fx->resp, ROUTE_ADMIN, &done, &why),
	    W_FORBIDDEN);
	assert_false(done);
	assert_non_null(strstr(why, "Sesi Anda sudah berakhir"));

	/* Cookies that are not a live session count as none. */
	static const char *const cookies[] = {
	    "warta_session=",
	    "warta_session=<script>",
	    "warta_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
	    "warta_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB",
	};
	for (size_t i = 0; i < sizeof cookies / sizeof cookies[0]; i++) {
		request(fx, METHOD_GET, "/admin");
		req_add_header(&fx->req, "cookie", cookies[i]);
		assert_int_equal(
		    admin_gate(&fx->w, &fx->req, &fx->resp, ROUTE_ADMIN, &done, &why),
		    W_OK);
		assert_true(done);
		assert_null(fx->w.session);
	}
}

static void
test_gate_signed_in(void **state)
{
	struct fx *fx = *state;
	bool done;
	const char *why;

	request(fx, METHOD_GET, "/admin");
	with_session(fx);
	assert_int_equal(
	    admin_gate(&fx->w, &fx->req, &fx->resp, ROUTE_ADMIN, &done, &why), W_OK);
	assert_false(done);
	assert_non_null(fx->w.session);
	assert_string_equal(fx->w.session->user.email, "rina@w.test");
	assert_string_equal(fx->w.session->csrf, fx->csrf);

	/* POST: the right token passes ... */
	request(fx, METHOD_POST, "/admin/logout");
	with_session(fx);
	with_csrf(fx, fx->csrf);
	assert_int_equal(
	    admin_gate(&fx->w, &fx->req, &fx->resp, ROUTE_ADMIN, &done, &why), W_OK);
	/* ... with the site's own origin too (case aside) ... */
	request(fx, METHOD_POST, "/admin/logout");
	with_session(fx);
	with_csrf(fx, fx->csrf);
	req_add_header(&fx->req, "origin", "https://WARTA.example:8443");
	assert_int_equal(
	    admin_gate(&fx->w, &fx->req, &fx->resp, ROUTE_ADMIN, &done, &why), W_OK);

	/* ... anything else does not. */
	char wrong[AUTH_TOKEN_LEN];
	memcpy(wrong, fx->csrf, sizeof wrong);
	wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
	const char *tokens[] = {"", "x", wrong, fx->token};
	for (size_t i = 0; i < sizeof tokens / sizeof tokens[0]; i++) {
		request(fx, METHOD_POST, "/admin/logout");
		with_session(fx);
		with_csrf(fx, tokens[i]);
		assert_int_equal(
		    admin_gate(&fx->w, &fx->req, &fx->resp, ROUTE_ADMIN, &done, &why),
		    W_FORBIDDEN);
	}
	request(fx, METHOD_POST, "/admin/logout");
	with_session(fx);
	assert_int_equal(
	    admin_gate(&fx->w, &fx->req, &fx->resp, ROUTE_ADMIN, &done, &why),
	    W_FORBIDDEN);

	static const char *const origins[] = {
	    "https://evil.example",
	    "null",
	    "http://warta.example:8443",
	    "https://warta.example",
	    "https://warta.example:8443/berita",
	    "https://warta.example:8443.evil",
	    "",
	};
	for (size_t i = 0; i < sizeof origins / sizeof origins[0]; i++) {
		request(fx, METHOD_POST, "/admin/logout");
		with_session(fx);
		with_csrf(fx, fx->csrf);
		req_add_header(&fx->req, "origin", origins[i]);
		assert_int_equal(
		    admin_gate(&fx->w, &fx->req, &fx->resp, ROUTE_ADMIN, &done, &why),
		    W_FORBIDDEN);
	}
}

static void
test_gate_login_form(void **state)
{
	struct fx *fx = *state;
	char tok[AUTH_TOKEN_LEN], c[128];
	bool done;
	const char *why;

	auth_token_new(tok);
	snprintf(c, sizeof c, "%s=%s", ADMIN_LOGIN_COOKIE, tok);

	/* The double-submit cookie and the field agree: in. */
	request(fx, METHOD_POST, "/admin/login");
	req_add_header(&fx->req, "cookie", c);
	with_csrf(fx, tok);
	assert_int_equal(admin_gate(&fx->w, &fx->req, &fx->resp,
				    ROUTE_ADMIN | ROUTE_PUBLIC, &done, &why),
			 W_OK);
	/* The field without the cookie, or a cookie that is no token. */
	request(fx, METHOD_POST, "/admin/login");
	with_csrf(fx, tok);
	assert_int_equal(admin_gate(&fx->w, &fx->req, &fx->resp,
				    ROUTE_ADMIN | ROUTE_PUBLIC, &done, &why),
			 W_FORBIDDEN);
	request(fx, METHOD_POST, "/admin/login");
	req_add_header(&fx->req, "cookie", "warta_login=abc");
	with_csrf(fx, "abc");
	assert_int_equal(admin_gate(&fx->w, &fx->req, &fx->resp,
				    ROUTE_ADMIN | ROUTE_PUBLIC, &done, &why),
			 W_FORBIDDEN);
	/* The login cookie is no substitute on a private route. */
	request(fx, METHOD_POST, "/admin/logout");
	req_add_header(&fx->req, "cookie", c);
	with_csrf(fx, tok);
	assert_int_equal(
	    admin_gate(&fx->w, &fx->req, &fx->resp, ROUTE_ADMIN, &done, &why),
	    W_FORBIDDEN);
}

/* Renders ctx through a small template naming what admin_ctx sets. */
static void
render(struct fx *fx, const struct tobj *ctx, const char *want)
{
	char err[256];
	struct tpl_set *set = tpl_set_parse(
	    "t",
	    "{{title}}|{{user.name}}|{{user.role_label}}|{{csrf}}|"
	    "{{#can_publish}}P{{/can_publish}}{{#can_taxonomy}}T"
	    "{{/can_taxonomy}}{{#can_users}}U{{/can_users}}"
	    "{{#can_settings}}S{{/can_settings}}{{#can_audit}}A"
	    "{{/can_audit}}|{{#nav.home}}home{{/nav.home}}"
	    "{{#nav.new}}new{{/nav.new}}{{#nav.articles}}articles"
	    "{{/nav.articles}}|{{flash}}",
	    err, sizeof err);
	assert_non_null(set);
	struct buf b;
	buf_init(&b);
	assert_int_equal(tpl_render(set, "t", ctx, &b), W_OK);
	assert_string_equal(buf_cstr(&b), want);
	buf_fini(&b);
	tpl_set_free(set);
}

static void
test_ctx(void **state)
{
	struct fx *fx = *state;
	bool done;
	const char *why;
	char want[256];

	request(fx, METHOD_GET, "/admin?ok=saved");
	with_session(fx);
	assert_int_equal(
	    admin_gate(&fx->w, &fx->req, &fx->resp, ROUTE_ADMIN, &done, &why), W_OK);
	struct tobj *ctx = admin_ctx(&fx->w, &fx->req, "Dasbor <1>");
	assert_non_null(ctx);
	snprintf(want, sizeof want,
		 "Dasbor &lt;1&gt;|Rina &lt;b&gt;|Redaktur|%s|PT|home|"
		 "Perubahan tersimpan.",
		 fx->csrf);
	render(fx, ctx, want);

	/* An admin may do everything; unknown flash codes show nothing. */
	fx->w.session->user.role = ROLE_ADMIN;
	request(fx, METHOD_GET, "/admin/articles/new?ok=%3Cscript%3E");
	with_session(fx);
	assert_int_equal(
	    admin_gate(&fx->w, &fx->req, &fx->resp, ROUTE_ADMIN, &done, &why), W_OK);
	fx->w.session->user.role = ROLE_ADMIN;
	ctx = admin_ctx(&fx->w, &fx->req, NULL);
	snprintf(want, sizeof want, "|Rina &lt;b&gt;|Admin|%s|PTUSA|new|",
		 fx->csrf);
	render(fx, ctx, want);

	/* A reporter may do none of the extras. */
	request(fx, METHOD_GET, "/admin/articles/7/edit?ok=logout");
	with_session(fx);
	assert_int_equal(
	    admin_gate(&fx->w, &fx->req, &fx->resp, ROUTE_ADMIN, &done, &why), W_OK);
	fx->w.session->user.role = ROLE_REPORTER;
	ctx = admin_ctx(&fx->w, &fx->req, "x");
	snprintf(want, sizeof want,
		 "x|Rina &lt;b&gt;|Reporter|%s||articles|Anda telah keluar.",
		 fx->csrf);
	render(fx, ctx, want);

	/* Signed out: no user, no token, no permissions. */
	request(fx, METHOD_GET, "/admin/login");
	ctx = admin_ctx(&fx->w, &fx->req, "Masuk");
	render(fx, ctx, "Masuk||||||");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_id),
	    cmocka_unit_test_setup_teardown(test_cookie, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_redirect, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_gate_signed_out, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_gate_signed_in, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_gate_login_form, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_ctx, setup, teardown),
	};
	return cmocka_run_group_tests(tests, 0, 0);
}
