/* fe_cgi.c - the CGI front end: the environment and stdin in, struct req
 * and struct resp across, stdout out. One request per process. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/uio.h>
#include <unistd.h>

#include "fe_cgi.h"
#include "mount.h"

#define CHUNK (64 * 1024)

const char *
fe_cgi_env(char *const *envp, const char *name)
{
	size_t n = strlen(name);
	for (char *const *p = envp; p && *p; p++)
		if (strncmp(*p, name, n) == 0 && (*p)[n] == '=')
			return *p + n + 1;
	return NULL;
}

/* Appends s percent-encoded wherever it holds a byte that would not read
 * as itself in a path: PATH_INFO arrives decoded, req_set_uri() wants the
 * target as sent. */
static void
encode_path(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("/-._~!$&'()*+,;=:@", c))
			buf_putc(b, (char)c);
		else
			buf_printf(b, "%%%c%c", hex[c >> 4], hex[c & 15]);
	}
}

/* The request target below the mount point: PATH_INFO and QUERY_STRING,
 * with root in front so that req_set_root() finds it. */
static enum werr
set_target(const struct app *app, char *const *envp, struct req *req)
{
	const char *info = fe_cgi_env(envp, "PATH_INFO");
	const char *qs = fe_cgi_env(envp, "QUERY_STRING");
	char root[MOUNT_MAX + 1];
	struct buf b;
	enum werr e;

	if (!mount_of_cgi(app->prefix, fe_cgi_env(envp, "SCRIPT_NAME"),
			  root)) {
		fprintf(stderr, "warta: cgi: SCRIPT_NAME '%s' is not a "
				"usable mount point; give --prefix\n",
			fe_cgi_env(envp, "SCRIPT_NAME"));
		return W_NOTFOUND;
	}
	buf_init(&b);
	buf_puts(&b, root);
	if (!info || info[0] != '/')
		buf_putc(&b, '/');
	if (info)
		encode_path(&b, info);
	if (qs && *qs) {
		buf_putc(&b, '?');
		buf_puts(&b, qs);
	}
	e = buf_err(&b);
	if (e == W_OK)
		e = req_set_uri(req, buf_cstr(&b));
	if (e == W_OK)
		e = req_set_root(req, root);
	buf_fini(&b);
	return e;
}

/* Reads exactly CONTENT_LENGTH bytes of body from in, nothing past them
 * (the server may keep the pipe open). A body refused (too big, a bad
 * form) is still read to its end, into the void: Apache hangs up on the
 * client, our answer unsent, when its CGI program leaves the body
 * unread. */
static void
read_body(char *const *envp, int in, struct req *req)
{
	const char *cl = fe_cgi_env(envp, "CONTENT_LENGTH");
	char chunk[CHUNK];
	uintmax_t want;
	char *end;

	if (!cl || !*cl)
		return;
	errno = 0;
	want = strtoumax(cl, &end, 10);
	if (errno || *end || cl[0] < '0' || cl[0] > '9' || want > INT64_MAX) {
		if (req->body_err == W_OK)
			req->body_err = W_INVAL;
		return;
	}
	bool keep = req_body_begin(req, (int64_t)want) == W_OK;
	while (want > 0) {
		size_t n = want < CHUNK ? (size_t)want : CHUNK;
		ssize_t got = read(in, chunk, n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			/* The client hung up mid-body. */
			if (req->body_err == W_OK)
				req->body_err = W_INVAL;
			break;
		}
		if (keep && req_body_feed(req, chunk, (size_t)got) != W_OK)
			keep = false;
		want -= (uintmax_t)got;
	}
	(void)req_body_end(req);
}

void
fe_cgi_read(const struct app *app, char *const *envp, int in,
	    struct req *req)
{
	const char *addr = fe_cgi_env(envp, "REMOTE_ADDR");
	const char *https = fe_cgi_env(envp, "HTTPS");
	enum werr e;

	req_set_method(req, fe_cgi_env(envp, "REQUEST_METHOD"));
	if (addr)
		req->remote_addr = arena_strdup(req->arena, addr);
	req->https = https && (strcasecmp(https, "on") == 0 ||
			       strcmp(https, "1") == 0);
	const char *host = fe_cgi_env(envp, "HTTP_HOST");
	if (!host || !*host)
		host = fe_cgi_env(envp, "SERVER_NAME");
	req_set_server_host(req, host, fe_cgi_env(envp, "SERVER_PORT"));
	for (char *const *p = envp; p && *p; p++)
		req_add_cgi_param(req, *p);
	e = set_target(app, envp, req);
	if (e != W_OK) {
		req->path = NULL; /* the app answers e */
		req->body_err = e;
	}
	read_body(envp, in, req);
}

/* True when s may go into a header line as it is. */
static bool
header_safe(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 && *s != '\t')
			return false;
	return true;
}

/* Writes all of iov[0..n) to fd. */
static int
write_all(int fd, struct iovec *iov, int n)
{
	while (n > 0) {
		ssize_t w = writev(fd, iov, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		while (n > 0 && (size_t)w >= iov->iov_len) {
			w -= (ssize_t)iov->iov_len;
			iov++;
			n--;
		}
		if (n > 0) {
			iov->iov_base = (char *)iov->iov_base + w;
			iov->iov_len -= (size_t)w;
		}
	}
	return 0;
}

/* Copies size bytes of file fd to out. */
static int
copy_file(int fd, uint64_t size, int out)
{
	char chunk[CHUNK];
	while (size > 0) {
		size_t want = size < CHUNK ? (size_t)size : CHUNK;
		ssize_t got = read(fd, chunk, want);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			/* The length is already sent: cutting the response
			 * short is all that is left. */
			fprintf(stderr, "warta: cgi: file shorter than "
					"announced\n");
			return -1;
		}
		struct iovec iov = {chunk, (size_t)got};
		if (write_all(out, &iov, 1) != 0)
			return -1;
		size -= (uint64_t)got;
	}
	return 0;
}

int
fe_cgi_write(struct resp *resp, int out)
{
	int status = resp->status >= 100 && resp->status <= 599 ? resp->status
								 : 500;
	bool file = resp->fd >= 0;
	bool bodyless = status == 204 || status == 304;
	struct buf head;
	int rc = -1;

	buf_init(&head);
	if (!file && buf_err(&resp->body) != W_OK) {
		fe_cgi_unavailable(out);
		goto out;
	}
	buf_printf(&head, "Status: %d %s\r\n", status, http_reason(status));
	if (resp->content_type && header_safe(resp->content_type))
		buf_printf(&head, "Content-Type: %s\r\n", resp->content_type);
	for (size_t i = 0; i < resp->nheaders; i++) {
		const struct kv *h = &resp->headers[i];
		if (!header_safe(h->key) || !header_safe(h->val) ||
		    strchr(h->key, ':')) {
			fprintf(stderr, "warta: cgi: bad header %s dropped\n",
				h->key);
			continue;
		}
		buf_printf(&head, "%s: %s\r\n", h->key, h->val);
	}
	if (!bodyless)
		buf_printf(&head, "Content-Length: %" PRIu64 "\r\n",
			   file ? resp->fd_size : (uint64_t)resp->body.len);
	buf_puts(&head, "\r\n");
	if (buf_err(&head) != W_OK) {
		fe_cgi_unavailable(out);
		goto out;
	}
	bool body = !resp->head && !bodyless;
	struct iovec iov[2] = {
	    {head.data, head.len},
	    {resp->body.data, body && !file ? resp->body.len : 0},
	};
	rc = write_all(out, iov, iov[1].iov_len ? 2 : 1);
	if (rc == 0 && body && file)
		rc = copy_file(resp->fd, resp->fd_size, out);
out:
	if (resp->fd >= 0) {
		close(resp->fd);
		resp->fd = -1;
	}
	buf_fini(&head);
	if (rc != 0)
		fprintf(stderr, "warta: cgi: response not fully sent\n");
	return rc;
}

void
fe_cgi_unavailable(int out)
{
	static const char msg[] = "Status: 503 Service Unavailable\r\n"
				  "Content-Type: text/plain\r\n\r\n"
				  "Service Unavailable\n";
	struct iovec iov = {(void *)msg, sizeof msg - 1};
	if (write_all(out, &iov, 1) != 0)
		fprintf(stderr, "warta: cgi: response not sent\n");
}

int
fe_cgi_run(struct worker *w, char *const *envp, int in, int out)
{
	struct req req;
	struct resp resp;
	int rc;

	memset(&req, 0, sizeof req);
	memset(&resp, 0, sizeof resp);
	buf_init(&resp.body);
	resp.fd = -1;
	worker_begin(w, &req, &resp);
	fe_cgi_read(w->app, envp, in, &req);
	app_handle(w, &req, &resp);
	rc = fe_cgi_write(&resp, out);
	buf_fini(&resp.body);
	return rc == 0 ? 0 : 1;
}

/* Percent-decodes s[0..n) and compares it with arg. */
static bool
word_is(const char *s, size_t n, const char *arg)
{
	for (size_t i = 0; i < n; i++, arg++) {
		int c = (unsigned char)s[i];
		if (c == '%' && n - i >= 3 && form_hex(s[i + 1]) >= 0 &&
		    form_hex(s[i + 2]) >= 0) {
			c = form_hex(s[i + 1]) << 4 | form_hex(s[i + 2]);
			i += 2;
		}
		if (*arg != (char)c)
			return false;
	}
	return *arg == '\0';
}

bool
fe_cgi_argv_from_query(int argc, char *const *argv, const char *qs)
{
	if (!qs || !*qs || strchr(qs, '=') || argc < 2)
		return false;
	int i = 1;
	for (const char *s = qs;; i++) {
		size_t n = strcspn(s, "+");
		if (i >= argc || !word_is(s, n, argv[i]))
			return false;
		if (!s[n])
			break;
		s += n + 1;
	}
	return i == argc - 1;
}
