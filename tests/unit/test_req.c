/* test_req.c - strict request-target decoding, headers and body limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "http.h"

struct fixture {
	struct arena arena;
	struct req req;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (!f)
		return -1;
	arena_init(&f->arena);
	f->req.arena = &f->arena;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	arena_fini(&f->arena);
	free(f);
	return 0;
}

/* A fresh request on the fixture's arena. */
static struct req *
fresh(void **state)
{
	struct fixture *f = *state;

	arena_reset(&f->arena);
	memset(&f->req, 0, sizeof f->req);
	f->req.arena = &f->arena;
	return &f->req;
}

static void
expect_path(void **state, const char *uri, const char *path)
{
	struct req *req = fresh(state);

	assert_int_equal(req_set_uri(req, uri), W_OK);
	assert_non_null(req->path);
	assert_string_equal(req->path, path);
	assert_string_equal(req->uri, uri);
}

static void
expect_bad(void **state, const char *uri, enum werr want)
{
	struct req *req = fresh(state);

	assert_int_equal(req_set_uri(req, uri), want);
	assert_null(req->path);
	assert_int_equal(req->nquery, 0);
}

static void
test_method(void **state)
{
	struct fixture *f = *state;
	struct req *r = &f->req;

	req_set_method(r, "POST");
	assert_int_equal(r->method, METHOD_POST);
	assert_string_equal(r->method_name, "POST");
	req_set_method(r, "HEAD");
	assert_int_equal(r->method, METHOD_HEAD);
	/* Methods are case-sensitive (RFC 9110): "get" is not GET. */
	req_set_method(r, "get");
	assert_int_equal(r->method, METHOD_OTHER);
	assert_string_equal(r->method_name, "get");
	req_set_method(r, "<script>");
	assert_int_equal(r->method, METHOD_OTHER);
	assert_string_equal(r->method_name, "<script>");
	req_set_method(r, NULL);
	assert_int_equal(r->method, METHOD_OTHER);
	assert_string_equal(r->method_name, "-");
}

static void
test_path_valid(void **state)
{
	expect_path(state, "/", "/");
	expect_path(state, "/caf%C3%A9", "/caf\xc3\xa9");
	expect_path(state, "/caf%c3%a9", "/caf\xc3\xa9");
	expect_path(state, "/caf\xc3\xa9", "/caf\xc3\xa9"); /* raw UTF-8 */
	expect_path(state, "/a%20b", "/a b");
	expect_path(state, "/a+b", "/a+b"); /* '+' is literal in a path */
	expect_path(state, "/a%2Bb", "/a+b");
	expect_path(state, "/a%2Fb", "/a/b");
	expect_path(state, "/%3Cscript%3E%22%27", "/<script>\"'");
	expect_path(state, "/%F0%9F%93%B0", "/\xf0\x9f\x93\xb0");
	expect_path(state, "/x?", "/x");
}

static void
test_path_malformed_escape(void **state)
{
	expect_bad(state, "/%zz", W_INVAL);
	expect_bad(state, "/%4", W_INVAL);
	expect_bad(state, "/a%", W_INVAL);
	expect_bad(state, "/%4g", W_INVAL);
	expect_bad(state, "/%%41", W_INVAL);
	expect_bad(state, "/%4?x=1", W_INVAL);
}

static void
test_path_bad_bytes(void **state)
{
	expect_bad(state, "/%00", W_INVAL);
	expect_bad(state, "/a%00.html", W_INVAL);
	expect_bad(state, "/%C3%28", W_INVAL);	     /* bad continuation */
	expect_bad(state, "/%C0%AF", W_INVAL);	     /* overlong '/' */
	expect_bad(state, "/%E0%80%AF", W_INVAL);    /* overlong '/' */
	expect_bad(state, "/%ED%A0%80", W_INVAL);    /* surrogate */
	expect_bad(state, "/%F4%90%80%80", W_INVAL); /* > U+10FFFF */
	expect_bad(state, "/%C3", W_INVAL);	     /* truncated */
	expect_bad(state, "/\xff", W_INVAL);	     /* raw invalid byte */
	expect_bad(state, "/\xc3", W_INVAL);
	expect_bad(state, "/%0A", W_INVAL);
	expect_bad(state, "/%0d%0aSet-Cookie:x", W_INVAL);
	expect_bad(state, "/%09", W_INVAL);
	expect_bad(state, "/%7F", W_INVAL);
	expect_bad(state, "/%C2%85", W_INVAL); /* C1 control NEL */
	expect_bad(state, "/a\x01", W_INVAL);
}

static void
test_path_must_be_absolute(void **state)
{
	expect_bad(state, "", W_INVAL);
	expect_bad(state, "*", W_INVAL);
	expect_bad(state, "a/b", W_INVAL);
	expect_bad(state, "http://example.com/", W_INVAL);
	expect_bad(state, "?q=1", W_INVAL);
	expect_bad(state, "%2F", W_INVAL);
}

static void
test_uri_length(void **state)
{
	char *uri = malloc(REQ_MAX_URI + 2);
	struct req *req;

	assert_non_null(uri);
	memset(uri, 'a', REQ_MAX_URI + 1);
	uri[0] = '/';
	uri[REQ_MAX_URI] = '\0';
	req = fresh(state);
	assert_int_equal(req_set_uri(req, uri), W_OK);
	assert_int_equal(strlen(req->path), REQ_MAX_URI);

	uri[REQ_MAX_URI] = 'a';
	uri[REQ_MAX_URI + 1] = '\0';
	expect_bad(state, uri, W_TOOBIG);
	free(uri);
}

static void
test_query(void **state)
{
	struct req *req = fresh(state);

	assert_int_equal(req_set_uri(req, "/cari?q=a+b%2Bc&kosong"
					  "&x=%3Cscript%3E&&q=2&=v&e="),
			 W_OK);
	assert_string_equal(req->path, "/cari");
	assert_int_equal(req->nquery, 6);
	assert_string_equal(req->query[0].key, "q");
	assert_string_equal(req->query[0].val, "a b+c");
	assert_int_equal(req->query[0].vlen, 5);
	assert_string_equal(req->query[1].key, "kosong");
	assert_string_equal(req->query[1].val, "");
	assert_string_equal(req->query[2].val, "<script>");
	assert_string_equal(req->query[3].key, "q");
	assert_string_equal(req->query[3].val, "2");
	assert_string_equal(req->query[4].key, "");
	assert_string_equal(req->query[4].val, "v");
	assert_string_equal(req->query[5].key, "e");
	assert_string_equal(req->query[5].val, "");
	/* Repeated keys: lookup gives the first. */
	assert_string_equal(req_query(req, "q"), "a b+c");
	assert_string_equal(req_query(req, "kosong"), "");
	assert_null(req_query(req, "nope"));
	assert_null(req_query(req, "Q"));

	req = fresh(state);
	assert_int_equal(req_set_uri(req, "/a?"), W_OK);
	assert_int_equal(req->nquery, 0);
	req = fresh(state);
	assert_int_equal(req_set_uri(req, "/a?&&&"), W_OK);
	assert_int_equal(req->nquery, 0);
	/* Only the first '?' splits; a later one belongs to the value. */
	req = fresh(state);
	assert_int_equal(req_set_uri(req, "/a?u=/b?c=d"), W_OK);
	assert_string_equal(req->path, "/a");
	assert_string_equal(req_query(req, "u"), "/b?c=d");
	/* '=' after the first belongs to the value. */
	req = fresh(state);
	assert_int_equal(req_set_uri(req, "/a?k=v=w"), W_OK);
	assert_string_equal(req_query(req, "k"), "v=w");
}

static void
test_query_bad(void **state)
{
	expect_bad(state, "/a?q=%zz", W_INVAL);
	expect_bad(state, "/a?q=%4", W_INVAL);
	expect_bad(state, "/a?q=%00", W_INVAL);
	expect_bad(state, "/a?q=%C3%28", W_INVAL);
	expect_bad(state, "/a?q=%C0%AF", W_INVAL);
	expect_bad(state, "/a?q=\xff", W_INVAL);
	expect_bad(state, "/a?%ff=1", W_INVAL);
	expect_bad(state, "/a?q=a%0Ab", W_INVAL);
}

static void
test_query_too_many(void **state)
{
	char uri[1024] = "/a?";
	struct req *req;

	for (int i = 0; i < REQ_MAX_QUERY; i++) {
		char kv[16];
		snprintf(kv, sizeof kv, "k%d=%d&", i, i);
		strcat(uri, kv);
	}
	req = fresh(state);
	assert_int_equal(req_set_uri(req, uri), W_OK);
	assert_int_equal(req->nquery, REQ_MAX_QUERY);
	assert_string_equal(req_query(req, "k31"), "31");
	strcat(uri, "one=more");
	expect_bad(state, uri, W_INVAL);
}

static void
test_headers(void **state)
{
	struct req *req = fresh(state);

	req_add_header(req, "User-Agent", "<script>\"'");
	req_add_header(req, "X-Dup", "first");
	req_add_header(req, "x-dup", "second");
	req_add_header(req, "X-Bad", "caf\xe9"); /* Latin-1: dropped */
	req_add_header(req, "Accept-Language", "id-ID,id;q=0.9");
	assert_int_equal(req->nheaders, 4);
	assert_string_equal(req->headers[0].key, "user-agent");
	assert_string_equal(req_header(req, "user-agent"), "<script>\"'");
	assert_int_equal(req->headers[0].vlen, 10);
	assert_string_equal(req_header(req, "x-dup"), "first");
	assert_null(req_header(req, "x-bad"));
	assert_null(req_header(req, "User-Agent")); /* names are lower-case */
	assert_string_equal(req_header(req, "accept-language"),
			    "id-ID,id;q=0.9");

	req = fresh(state);
	for (int i = 0; i < REQ_MAX_HEADERS + 5; i++) {
		char name[16];
		snprintf(name, sizeof name, "H%d", i);
		req_add_header(req, name, "v");
	}
	assert_int_equal(req->nheaders, REQ_MAX_HEADERS);
	assert_non_null(req_header(req, "h31"));
	assert_null(req_header(req, "h32"));
}

static void
test_params(void **state)
{
	struct req *req = fresh(state);

	req->params[0] = (struct kv){"slug", "berita-utama", 12};
	req->params[1] = (struct kv){"y", "2024", 4};
	req->nparams = 2;
	assert_string_equal(req_param(req, "slug"), "berita-utama");
	assert_string_equal(req_param(req, "y"), "2024");
	assert_null(req_param(req, "m"));
}

static void
test_body_known_length(void **state)
{
	struct req *req = fresh(state);

	assert_int_equal(req_body_begin(req, 11), W_OK);
	assert_int_equal(req_body_feed(req, "judul=", 6), W_OK);
	assert_int_equal(req_body_feed(req, "Halo!", 5), W_OK);
	assert_int_equal(req_body_end(req), W_OK);
	assert_int_equal(req->body_len, 11);
	assert_string_equal(req->body, "judul=Halo!");

	req = fresh(state);
	assert_int_equal(req_body_begin(req, 0), W_OK);
	assert_int_equal(req_body_end(req), W_OK);
	assert_non_null(req->body);
	assert_string_equal(req->body, "");

	/* A body with a NUL in it is kept whole: body_len is the truth. */
	req = fresh(state);
	assert_int_equal(req_body_begin(req, 3), W_OK);
	assert_int_equal(req_body_feed(req, "a\0b", 3), W_OK);
	assert_int_equal(req_body_end(req), W_OK);
	assert_int_equal(req->body_len, 3);
	assert_memory_equal(req->body, "a\0b", 4);
}

static void
test_body_unknown_length_grows(void **state)
{
	struct req *req = fresh(state);
	char chunk[1000];
	size_t total = 0;

	assert_int_equal(req_body_begin(req, -1), W_OK);
	for (int i = 0; i < 50; i++) {
		memset(chunk, 'a' + i % 26, sizeof chunk);
		assert_int_equal(req_body_feed(req, chunk, sizeof chunk), W_OK);
		total += sizeof chunk;
	}
	assert_int_equal(req_body_end(req), W_OK);
	assert_int_equal(req->body_len, total);
	assert_true(req->body_cap > total);
	assert_int_equal(req->body[total], '\0');
	for (size_t i = 0; i < total; i++)
		assert_int_equal(req->body[i], 'a' + (int)(i / 1000) % 26);
}

static void
test_body_too_big_announced(void **state)
{
	struct req *req = fresh(state);

	assert_int_equal(req_body_begin(req, (int64_t)REQ_MAX_BODY + 1),
			 W_TOOBIG);
	assert_int_equal(req->body_err, W_TOOBIG);
	assert_int_equal(req_body_feed(req, "x", 1), W_TOOBIG);
	assert_int_equal(req_body_end(req), W_TOOBIG);
	assert_null(req->body);
	assert_int_equal(req->body_len, 0);

	req = fresh(state);
	assert_int_equal(req_body_begin(req, INT64_MAX), W_TOOBIG);
}

static void
test_body_too_big_streamed(void **state)
{
	struct req *req = fresh(state);
	size_t chunk = 1024 * 1024;
	char *p = calloc(1, chunk);

	assert_non_null(p);
	assert_int_equal(req_body_begin(req, -1), W_OK);
	/* Exactly the limit is accepted... */
	for (size_t sent = 0; sent < REQ_MAX_BODY; sent += chunk)
		assert_int_equal(req_body_feed(req, p, chunk), W_OK);
	assert_int_equal(req->body_len, REQ_MAX_BODY);
	/* ...one byte more is not, and the rest is ignored. */
	assert_int_equal(req_body_feed(req, "x", 1), W_TOOBIG);
	assert_int_equal(req_body_feed(req, p, chunk), W_TOOBIG);
	assert_int_equal(req_body_end(req), W_TOOBIG);
	assert_int_equal(req->body_len, REQ_MAX_BODY);
	free(p);

	/* A client that announced a small body and sends a huge one. */
	req = fresh(state);
	assert_int_equal(req_body_begin(req, 4), W_OK);
	p = calloc(1, REQ_MAX_BODY);
	assert_non_null(p);
	assert_int_equal(req_body_feed(req, p, REQ_MAX_BODY), W_OK);
	assert_int_equal(req_body_feed(req, "y", 1), W_TOOBIG);
	free(p);
}

static void
test_body_error_first_wins(void **state)
{
	struct req *req = fresh(state);

	/* The front end records a bad target in body_err; the body must not
	 * replace it. */
	req->body_err = W_INVAL;
	assert_int_equal(req_body_begin(req, 5), W_INVAL);
	assert_int_equal(req_body_feed(req, "hello", 5), W_INVAL);
	assert_int_equal(req_body_end(req), W_INVAL);
	assert_null(req->body);
}

static void
test_resp_header_and_reason(void **state)
{
	struct resp resp;

	memset(&resp, 0, sizeof resp);
	for (int i = 0; i < RESP_MAX_HEADERS + 3; i++)
		resp_header(&resp, "X-N", "v");
	assert_int_equal(resp.nheaders, RESP_MAX_HEADERS);
	assert_string_equal(resp.headers[0].key, "X-N");
	assert_int_equal(resp.headers[0].vlen, 1);

	assert_string_equal(http_reason(200), "OK");
	assert_string_equal(http_reason(404), "Not Found");
	assert_string_equal(http_reason(413), "Content Too Large");
	assert_string_equal(http_reason(414), "URI Too Long");
	assert_string_equal(http_reason(503), "Service Unavailable");
	assert_string_equal(http_reason(299), "Unknown");
	assert_string_equal(http_reason(-1), "Unknown");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_method, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_path_valid, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_path_malformed_escape, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_path_bad_bytes, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_path_must_be_absolute, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_uri_length, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_query, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_query_bad, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_query_too_many, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_headers, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_params, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_body_known_length, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_body_unknown_length_grows,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_body_too_big_announced, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_body_too_big_streamed, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_body_error_first_wins, setup,
					    teardown),
	    cmocka_unit_test(test_resp_header_and_reason),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
