/* test_fe_cgi.c - the CGI front end without a server: the environment and
 * a pipe in, a struct req out; a struct resp in, the CGI response out. */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "fe_cgi.h"

struct fixture {
	struct arena arena;
	struct req req;
	struct app app;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	arena_init(&f->arena);
	f->app.prefix = NULL; /* no --prefix: SCRIPT_NAME */
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

/* A descriptor that reads body (n bytes) and then end of file. */
static int
body_fd(const char *body, size_t n)
{
	int p[2];
	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], body, n), (ssize_t)n);
	close(p[1]);
	return p[0];
}

/* Reads env and body into the fixture's request, as a fresh request. */
static struct req *
read_req(void **state, char **env, const char *body)
{
	struct fixture *f = *state;
	arena_reset(&f->arena);
	memset(&f->req, 0, sizeof f->req);
	f->req.arena = &f->arena;
	f->req.root = "";
	f->req.method = METHOD_OTHER;
	int fd = body_fd(body ? body : "", body ? strlen(body) : 0);
	fe_cgi_read(&f->app, env, fd, &f->req);
	close(fd);
	return &f->req;
}

static void
test_env(void **state)
{
	char *env[] = {"A=1", "AB=2", "B=", NULL};
	(void)state;
	assert_string_equal(fe_cgi_env(env, "A"), "1");
	assert_string_equal(fe_cgi_env(env, "AB"), "2");
	assert_string_equal(fe_cgi_env(env, "B"), "");
	assert_null(fe_cgi_env(env, "C"));
	assert_null(fe_cgi_env(NULL, "A"));
}

static void
test_get_under_mount(void **state)
{
	char *env[] = {
	    "GATEWAY_INTERFACE=CGI/1.1", "REQUEST_METHOD=GET",
	    "SCRIPT_NAME=/berita", "PATH_INFO=/kanal/politik",
	    "QUERY_STRING=sebelum=1.2&q=a%20b", "REMOTE_ADDR=192.0.2.7",
	    "HTTPS=on", "HTTP_USER_AGENT=uji/1.0", "HTTP_COOKIE=s=abc",
	    "CONTENT_TYPE=", "SERVER_NAME=example", "SERVER_PORT=443", NULL};
	struct req *req = read_req(state, env, NULL);
	assert_int_equal(req->body_err, W_OK);
	assert_int_equal(req->method, METHOD_GET);
	assert_string_equal(req->path, "/kanal/politik");
	assert_string_equal(req->uri, "/kanal/politik?sebelum=1.2&q=a%20b");
	assert_string_equal(req->root, "/berita");
	assert_string_equal(req_query(req, "q"), "a b");
	assert_string_equal(req->remote_addr, "192.0.2.7");
	assert_true(req->https);
	assert_string_equal(req_header(req, "user-agent"), "uji/1.0");
	assert_string_equal(req_header(req, "cookie"), "s=abc");
	assert_null(req_header(req, "content-type"));
	assert_null(req_header(req, "server-name"));
	assert_string_equal(req->server_host, "example");
	assert_null(req->body);
}

static void
test_mount_points(void **state)
{
	struct fixture *f = *state;
	/* At the host's root (Apache's ScriptAlias / ...). */
	char *root[] = {"REQUEST_METHOD=HEAD", "SCRIPT_NAME=",
			"PATH_INFO=/2024/11/21/x", NULL};
	struct req *req = read_req(state, root, NULL);
	assert_int_equal(req->method, METHOD_HEAD);
	assert_string_equal(req->path, "/2024/11/21/x");
	assert_string_equal(req->root, "");

	/* The bare mount point is the home page. */
	char *bare[] = {"REQUEST_METHOD=GET", "SCRIPT_NAME=/berita", NULL};
	req = read_req(state, bare, NULL);
	assert_string_equal(req->path, "/");
	assert_string_equal(req->root, "/berita");

	/* PATH_INFO arrives decoded: a '?', '%' or space in it is a path
	 * character, not syntax. */
	char *odd[] = {"REQUEST_METHOD=GET", "SCRIPT_NAME=/b",
		       "PATH_INFO=/cari/a?b%c d", NULL};
	req = read_req(state, odd, NULL);
	assert_string_equal(req->path, "/cari/a?b%c d");
	assert_int_equal(req->nquery, 0);

	/* --prefix names the mount point whatever SCRIPT_NAME says. */
	f->app.prefix = "/situs";
	char *pre[] = {"REQUEST_METHOD=GET", "SCRIPT_NAME=/cgi-bin/w.cgi",
		       "PATH_INFO=/arsip", NULL};
	req = read_req(state, pre, NULL);
	assert_string_equal(req->path, "/arsip");
	assert_string_equal(req->root, "/situs");
	/* --prefix / puts it at the root whatever SCRIPT_NAME says. */
	f->app.prefix = "";
	req = read_req(state, pre, NULL);
	assert_string_equal(req->path, "/arsip");
	assert_string_equal(req->root, "");
	f->app.prefix = NULL;

	/* A SCRIPT_NAME that cannot be a mount point is refused. */
	char *bad[] = {"REQUEST_METHOD=GET", "SCRIPT_NAME=/cgi bin/w",
		       "PATH_INFO=/", NULL};
	req = read_req(state, bad, NULL);
	assert_null(req->path);
	assert_int_equal(req->body_err, W_NOTFOUND);
}

static void
test_hostile_targets(void **state)
{
	static const char *const infos[] = {
	    "PATH_INFO=/\xc3\x28",    /* invalid UTF-8 */
	    "PATH_INFO=/a\x01" "b",   /* control character */
	    "PATH_INFO=/a\xc2\x85",   /* C1 control */
	};
	for (size_t i = 0; i < sizeof infos / sizeof infos[0]; i++) {
		char *env[] = {"REQUEST_METHOD=GET", "SCRIPT_NAME=",
			       (char *)infos[i], NULL};
		struct req *req = read_req(state, env, NULL);
		assert_null(req->path);
		assert_int_equal(req->body_err, W_INVAL);
	}
	static const char *const queries[] = {
	    "QUERY_STRING=q=%zz", "QUERY_STRING=q=%00", "QUERY_STRING=q=%c3",
	};
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		char *env[] = {"REQUEST_METHOD=GET", "PATH_INFO=/cari",
			       (char *)queries[i], NULL};
		struct req *req = read_req(state, env, NULL);
		assert_null(req->path);
		assert_int_equal(req->body_err, W_INVAL);
	}
	/* A target past the limit. */
	char *info = malloc(REQ_MAX_URI + 20);
	assert_non_null(info);
	strcpy(info, "PATH_INFO=/");
	memset(info + 11, 'a', REQ_MAX_URI);
	info[11 + REQ_MAX_URI] = '\0';
	char *env[] = {"REQUEST_METHOD=GET", info, NULL};
	struct req *req = read_req(state, env, NULL);
	assert_null(req->path);
	assert_int_equal(req->body_err, W_TOOBIG);
	free(info);
	/* No method at all. */
	char *none[] = {"PATH_INFO=/", NULL};
	req = read_req(state, none, NULL);
	assert_int_equal(req->method, METHOD_OTHER);
	assert_string_equal(req->method_name, "-");
}

static void
test_body(void **state)
{
	char *form[] = {"REQUEST_METHOD=POST", "PATH_INFO=/admin/login",
			"CONTENT_TYPE=application/x-www-form-urlencoded",
			"CONTENT_LENGTH=15", NULL};
	/* Exactly CONTENT_LENGTH bytes, not what follows them. */
	struct req *req = read_req(state, form, "email=a%40b.c&x=yz");
	assert_int_equal(req->body_err, W_OK);
	assert_string_equal(form_get(&req->form, "email"), "a@b.c");
	assert_string_equal(form_get(&req->form, "x"), "");

	char *raw[] = {"REQUEST_METHOD=POST", "PATH_INFO=/x",
		       "CONTENT_LENGTH=3", NULL};
	req = read_req(state, raw, "abcdef");
	assert_int_equal(req->body_err, W_OK);
	assert_int_equal(req->body_len, 3);
	assert_memory_equal(req->body, "abc", 3);

	/* A body shorter than announced: the client went away. */
	req = read_req(state, raw, "ab");
	assert_int_equal(req->body_err, W_INVAL);

	/* Lengths that are not one decimal number. */
	static const char *const bad[] = {
	    "CONTENT_LENGTH=-1", "CONTENT_LENGTH=+3", "CONTENT_LENGTH= 3",
	    "CONTENT_LENGTH=3x", "CONTENT_LENGTH=99999999999999999999999",
	    "CONTENT_LENGTH=0x10",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *env[] = {"REQUEST_METHOD=POST", "PATH_INFO=/x",
			       (char *)bad[i], NULL};
		req = read_req(state, env, "abc");
		assert_int_equal(req->body_err, W_INVAL);
	}

	/* Past the limit: refused, nothing kept. */
	char big[64];
	snprintf(big, sizeof big, "CONTENT_LENGTH=%u", REQ_MAX_BODY + 1);
	char *toobig[] = {"REQUEST_METHOD=POST", "PATH_INFO=/x", big, NULL};
	req = read_req(state, toobig, "abc");
	assert_int_equal(req->body_err, W_TOOBIG);
	assert_int_equal(req->body_len, 0);

	/* A malformed form body is the form parser's W_INVAL. */
	char *broken[] = {"REQUEST_METHOD=POST", "PATH_INFO=/x",
			  "CONTENT_TYPE=application/x-www-form-urlencoded",
			  "CONTENT_LENGTH=4", NULL};
	req = read_req(state, broken, "a=%z");
	assert_int_not_equal(req->body_err, W_OK);
}

/* What fe_cgi_write() writes for resp, into out (NUL-terminated). */
static void
written(struct resp *resp, char *out, size_t cap)
{
	int p[2];
	assert_int_equal(pipe(p), 0);
	assert_int_equal(fe_cgi_write(resp, p[1]), 0);
	close(p[1]);
	size_t n = 0;
	ssize_t got;
	while ((got = read(p[0], out + n, cap - 1 - n)) > 0)
		n += (size_t)got;
	out[n] = '\0';
	close(p[0]);
}

static void
test_write(void **state)
{
	struct resp resp;
	char out[4096];
	(void)state;

	memset(&resp, 0, sizeof resp);
	buf_init(&resp.body);
	resp.fd = -1;
	resp.status = 404;
	resp.content_type = "text/html; charset=utf-8";
	resp_header(&resp, "Cache-Control", "no-store");
	resp_header(&resp, "X-Evil", "a\r\nSet-Cookie: s=1");
	resp_header(&resp, "Bad:Name", "x");
	buf_puts(&resp.body, "<p>hilang</p>");
	written(&resp, out, sizeof out);
	assert_string_equal(out, "Status: 404 Not Found\r\n"
				 "Content-Type: text/html; charset=utf-8\r\n"
				 "Cache-Control: no-store\r\n"
				 "Content-Length: 13\r\n"
				 "\r\n"
				 "<p>hilang</p>");

	/* HEAD: the length of the body, not the body. */
	resp.nheaders = 0;
	resp.status = 200;
	resp.head = true;
	written(&resp, out, sizeof out);
	assert_string_equal(out, "Status: 200 OK\r\n"
				 "Content-Type: text/html; charset=utf-8\r\n"
				 "Content-Length: 13\r\n\r\n");

	/* 304: neither body nor length. */
	resp.head = false;
	resp.status = 304;
	resp.content_type = NULL;
	written(&resp, out, sizeof out);
	assert_string_equal(out, "Status: 304 Not Modified\r\n\r\n");

	/* A file, by descriptor, closed afterwards. */
	char path[] = "/tmp/warta-fe-cgi-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	unlink(path);
	assert_int_equal(write(fd, "GIF89a-isi", 10), 10);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	resp.status = 200;
	resp.content_type = "image/gif";
	resp.fd = fd;
	resp.fd_size = 10;
	written(&resp, out, sizeof out);
	assert_int_equal(resp.fd, -1);
	assert_int_equal(fcntl(fd, F_GETFD), -1);
	assert_string_equal(out, "Status: 200 OK\r\n"
				 "Content-Type: image/gif\r\n"
				 "Content-Length: 10\r\n\r\n"
				 "GIF89a-isi");

	/* A status that is none becomes a 500. */
	resp.status = 42;
	resp.content_type = NULL;
	buf_reset(&resp.body);
	written(&resp, out, sizeof out);
	assert_string_equal(out, "Status: 500 Internal Server Error\r\n"
				 "Content-Length: 0\r\n\r\n");
	buf_fini(&resp.body);
}

static void
test_argv_from_query(void **state)
{
	(void)state;
	char *a1[] = {"warta", "cgi", "--db", "/tmp/x", NULL};
	assert_true(fe_cgi_argv_from_query(4, a1, "cgi+--db+%2Ftmp%2Fx"));
	assert_true(fe_cgi_argv_from_query(4, a1, "cgi+--db+/tmp/x"));
	/* The wrapper's own arguments, whatever the visitor asks. */
	assert_false(fe_cgi_argv_from_query(4, a1, "cgi+--db"));
	assert_false(fe_cgi_argv_from_query(4, a1, "q=cgi+--db+/tmp/x"));
	assert_false(fe_cgi_argv_from_query(4, a1, ""));
	assert_false(fe_cgi_argv_from_query(4, a1, NULL));
	assert_false(fe_cgi_argv_from_query(4, a1, "cgi+--db+/tmp/x+more"));
	char *a2[] = {"warta", NULL};
	assert_false(fe_cgi_argv_from_query(1, a2, "cgi"));
	char *a3[] = {"warta", "cgi", NULL};
	assert_true(fe_cgi_argv_from_query(2, a3, "cgi"));
	assert_true(fe_cgi_argv_from_query(2, a3, "c%67i"));
	assert_false(fe_cgi_argv_from_query(2, a3, "cg"));
	assert_false(fe_cgi_argv_from_query(2, a3, "cgix"));
	assert_false(fe_cgi_argv_from_query(2, a3, "cgi%"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_env),
		cmocka_unit_test_setup_teardown(test_get_under_mount, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_mount_points, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_hostile_targets, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_body, setup, teardown),
		cmocka_unit_test(test_write),
		cmocka_unit_test(test_argv_from_query),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
