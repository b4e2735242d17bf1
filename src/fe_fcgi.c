/* fe_fcgi.c - the FastCGI front end for nginx: libfcgi in, struct req and
 * struct resp across, app_handle() in the middle. */
#include <errno.h>
#include <fcgiapp.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "server.h"

#define BACKLOG 1024
#define CHUNK (16 * 1024) /* on the stack of a thread with megabytes */

/* The unix socket is rw for its owner and group only: FastCGI parameters
 * such as REMOTE_ADDR and HTTPS are trusted, so only nginx (put in warta's
 * group) may connect, not every local user. */
#define SOCKET_MODE 0660

struct fe_fcgi {
	const struct app *app;
	int sock;
	char *unix_path; /* to unlink at stop; NULL for TCP */
	atomic_bool stopping;
	pthread_t *threads;
	unsigned nthreads; /* started */
};

/* Reads FCGI_STDIN to its end, into the body while it is acceptable and
 * into the void after an error, so that nginx, which sends the whole body,
 * never finds us gone mid-write. A body shorter than CONTENT_LENGTH means
 * the client hung up: W_INVAL. */
static void
read_body(FCGX_Request *r, struct req *req)
{
	const char *cl = FCGX_GetParam("CONTENT_LENGTH", r->envp);
	char chunk[CHUNK];
	uint64_t total = 0;
	uintmax_t want = 0;
	bool has_body = cl && *cl;
	int got;

	if (has_body) {
		char *end;
		errno = 0;
		want = strtoumax(cl, &end, 10);
		if (errno || *end || cl[0] < '0' || cl[0] > '9') {
			if (req->body_err == W_OK)
				req->body_err = W_INVAL;
		} else if (req->body_err == W_OK) {
			(void)req_body_begin(
			    req, want > INT64_MAX ? INT64_MAX : (int64_t)want);
		}
	}
	while ((got = FCGX_GetStr(chunk, CHUNK, r->in)) > 0) {
		total += (uint64_t)got;
		if (has_body && req->body_err == W_OK)
			(void)req_body_feed(req, chunk, (size_t)got);
	}
	if (FCGX_GetError(r->in) != 0 && req->body_err == W_OK)
		req->body_err = W_INVAL;
	if (has_body && total < want && req->body_err == W_OK)
		req->body_err = W_INVAL;
	if (has_body)
		(void)req_body_end(req);
}

/* Fills req from the FastCGI parameters, the way fe_http.c fills it from
 * the HTTP request: same checks, same failure convention. */
static void
fill_req(const struct app *app, FCGX_Request *r, struct req *req)
{
	const char *method = FCGX_GetParam("REQUEST_METHOD", r->envp);
	const char *uri = FCGX_GetParam("REQUEST_URI", r->envp);
	const char *addr = FCGX_GetParam("REMOTE_ADDR", r->envp);
	const char *https = FCGX_GetParam("HTTPS", r->envp);
	enum werr e;

	req_set_method(req, method);
	if (addr)
		req->remote_addr = arena_strdup(req->arena, addr);
	req->https = https && strcasecmp(https, "on") == 0;
	req_set_server_host(req, FCGX_GetParam("SERVER_NAME", r->envp),
			    FCGX_GetParam("SERVER_PORT", r->envp));
	for (char **p = r->envp; *p; p++)
		req_add_cgi_param(req, *p);
	e = uri ? req_set_uri(req, uri) : W_INVAL;
	/* The mount point is --prefix, never SCRIPT_NAME: FastCGI servers
	 * split it from PATH_INFO by their own guesses (lighttpd before the
	 * last path segment, nginx not at all). */
	if (e == W_OK)
		e = req_set_root(req, app->prefix);
	if (e != W_OK)
		req->body_err = e; /* req->path is NULL: the app answers e */
	read_body(r, req);
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

/* The status to send: the application's, when it is one. */
static int
status_of(const struct resp *resp)
{
	return resp->status >= 100 && resp->status <= 599 ? resp->status : 500;
}

/* 204 and 304 carry no body, and no Content-Length: on a 304 it would
 * describe the cached page, not an empty one. */
static bool
bodyless(int status)
{
	return status == 204 || status == 304;
}

/* Writes the CGI-style response head. -1 when the connection failed. */
static int
write_head(FCGX_Request *r, const struct resp *resp, uint64_t length)
{
	int status = status_of(resp);

	if (FCGX_FPrintF(r->out, "Status: %d %s\r\n", status,
			 http_reason(status)) < 0)
		return -1;
	if (resp->content_type && header_safe(resp->content_type) &&
	    FCGX_FPrintF(r->out, "Content-Type: %s\r\n", resp->content_type) <
		0)
		return -1;
	for (size_t i = 0; i < resp->nheaders; i++) {
		const struct kv *h = &resp->headers[i];
		if (!header_safe(h->key) || !header_safe(h->val) ||
		    strchr(h->key, ':')) {
			fprintf(stderr,
				"warta: fastcgi: bad header %s dropped\n",
				h->key);
			continue;
		}
		if (FCGX_FPrintF(r->out, "%s: %s\r\n", h->key, h->val) < 0)
			return -1;
	}
	if (!bodyless(status) &&
	    FCGX_FPrintF(r->out, "Content-Length: %" PRIu64 "\r\n", length) < 0)
		return -1;
	if (FCGX_PutStr("\r\n", 2, r->out) != 2)
		return -1;
	return 0;
}

/* Copies the response file into the output; closes it in every case. */
static int
write_file(FCGX_Request *r, struct resp *resp)
{
	uint64_t left = resp->fd_size;
	char chunk[CHUNK];
	int rc = 0;

	while (left > 0) {
		size_t want = left < CHUNK ? (size_t)left : CHUNK;
		ssize_t got = read(resp->fd, chunk, want);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			/* The length is already sent: all we can do is cut
			 * the response short so nginx notices. */
			fprintf(stderr, "warta: fastcgi: file shorter than "
					"announced\n");
			rc = -1;
			break;
		}
		if (FCGX_PutStr(chunk, (int)got, r->out) != (int)got) {
			rc = -1;
			break;
		}
		left -= (uint64_t)got;
	}
	close(resp->fd);
	resp->fd = -1;
	return rc;
}

static void
write_resp(FCGX_Request *r, struct resp *resp)
{
	bool file = resp->fd >= 0;
	int rc;

	if (!file && buf_err(&resp->body) != W_OK) {
		static const char oom[] =
		    "Status: 500 Internal Server Error\r\n"
		    "Content-Type: text/plain\r\n\r\n"
		    "Internal Server Error\n";
		rc = FCGX_PutStr(oom, (int)sizeof oom - 1, r->out) < 0 ? -1 : 0;
		goto out;
	}
	rc = write_head(r, resp, file ? resp->fd_size : resp->body.len);
	if (rc == 0 && !resp->head && !bodyless(status_of(resp))) {
		if (file) {
			rc = write_file(r, resp);
		} else if (resp->body.len > INT_MAX) {
			rc = -1;
		} else if (resp->body.len &&
			   FCGX_PutStr(resp->body.data, (int)resp->body.len,
				       r->out) != (int)resp->body.len) {
			rc = -1;
		}
	}
out:
	if (resp->fd >= 0) {
		close(resp->fd);
		resp->fd = -1;
	}
	if (rc == 0 && FCGX_FFlush(r->out) != 0)
		rc = -1;
	if (rc != 0)
		fprintf(stderr, "warta: fastcgi: response not fully sent\n");
}

static void
answer_unavailable(FCGX_Request *r)
{
	static const char msg[] = "Status: 503 Service Unavailable\r\n"
				  "Content-Type: text/plain\r\n\r\n"
				  "Service Unavailable\n";

	if (FCGX_PutStr(msg, (int)sizeof msg - 1, r->out) < 0)
		fprintf(stderr, "warta: fastcgi: response not sent\n");
}

static void *
run(void *arg)
{
	struct fe_fcgi *fe = arg;
	struct worker *w = NULL;
	struct req req;
	struct resp resp;
	FCGX_Request r;

	memset(&req, 0, sizeof req);
	memset(&resp, 0, sizeof resp);
	buf_init(&resp.body);
	resp.fd = -1;
	if (FCGX_InitRequest(&r, fe->sock, 0) != 0) {
		fprintf(stderr, "warta: fastcgi: cannot set up a request\n");
		goto out;
	}
	while (!atomic_load(&fe->stopping)) {
		int rc = FCGX_Accept_r(&r);
		if (rc < 0) {
			if (atomic_load(&fe->stopping))
				break;
			fprintf(stderr, "warta: fastcgi: accept failed: %s\n",
				rc > -1000 ? strerror(-rc) : "protocol error");
			/* Running out of descriptors passes; do not spin. */
			nanosleep(&(struct timespec){0, 100 * 1000 * 1000},
				  NULL);
			continue;
		}
		/* Hang up after every request even when nginx asks to keep
		 * the connection: a thread waiting on an idle kept connection
		 * would not notice the listening socket's shutdown at stop. */
		r.keepConnection = 0;
		if (!w)
			w = worker_new(fe->app);
		if (w) {
			worker_begin(w, &req, &resp);
			fill_req(fe->app, &r, &req);
			app_handle(w, &req, &resp);
			write_resp(&r, &resp);
		} else {
			answer_unavailable(&r);
		}
		FCGX_Finish_r(&r);
	}
	FCGX_Finish_r(&r);
out:
	worker_free(w);
	buf_fini(&resp.body);
	return NULL;
}

/* Binds the unix socket PATH. A socket file left by a crashed run is
 * removed; one that still answers, or a file that is not a socket, is not
 * ours to remove. */
static enum werr
listen_unix(const char *addr, const char *path, int *fd)
{
	struct sockaddr_un sun;
	struct stat st;
	const char *why;
	int s = -1;

	memset(&sun, 0, sizeof sun);
	sun.sun_family = AF_UNIX;
	if (!*path || strlen(path) >= sizeof sun.sun_path) {
		why = "socket path empty or too long";
		goto fail;
	}
	strcpy(sun.sun_path, path);
	s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (s < 0) {
		why = strerror(errno);
		goto fail;
	}
	if (lstat(path, &st) == 0) {
		if (!S_ISSOCK(st.st_mode)) {
			why = "exists and is not a socket";
			goto fail;
		}
		if (connect(s, (struct sockaddr *)&sun, sizeof sun) == 0) {
			why = "another server is listening there";
			goto fail;
		}
		/* connect() failed, so s is still unconnected and usable. */
		if (unlink(path) != 0) {
			why = strerror(errno);
			goto fail;
		}
	}
	/* chmod between bind and listen: nobody can connect before
	 * listen(), so there is no window with the wrong mode. */
	if (bind(s, (struct sockaddr *)&sun, sizeof sun) != 0 ||
	    chmod(path, SOCKET_MODE) != 0 || listen(s, BACKLOG) != 0) {
		why = strerror(errno);
		goto fail;
	}
	*fd = s;
	return W_OK;
fail:
	fprintf(stderr, "warta: cannot listen on %s (fastcgi): %s\n", addr,
		why);
	if (s >= 0)
		close(s);
	return W_INVAL;
}

enum werr
fe_fcgi_start(const struct app *app, const char *addr, unsigned threads,
	      struct fe_fcgi **out)
{
	struct fe_fcgi *fe = NULL;
	enum werr e = W_OK;

	/* Not thread-safe, hence here, before any FastCGI thread runs; a
	 * second call is a no-op. */
	if (FCGX_Init() != 0) {
		fprintf(stderr, "warta: fastcgi: cannot initialise libfcgi\n");
		return W_NOMEM;
	}
	fe = calloc(1, sizeof *fe);
	if (!fe || !(fe->threads = calloc(threads, sizeof *fe->threads))) {
		fprintf(stderr, "warta: fastcgi: out of memory\n");
		e = W_NOMEM;
		goto fail;
	}
	fe->app = app;
	fe->sock = -1;
	atomic_init(&fe->stopping, false);
	/* FCGX_OpenSocket() would exit() the process on a busy address, so
	 * the socket is ours and libfcgi only accepts on it. */
	if (strncmp(addr, "unix:", 5) == 0) {
		fe->unix_path = strdup(addr + 5);
		if (!fe->unix_path) {
			e = W_NOMEM;
			goto fail;
		}
		e = listen_unix(addr, fe->unix_path, &fe->sock);
		if (e != W_OK) {
			/* Not ours to unlink at the end. */
			free(fe->unix_path);
			fe->unix_path = NULL;
			goto fail;
		}
	} else {
		e = server_listen("fastcgi", addr, BACKLOG, &fe->sock);
		if (e != W_OK)
			goto fail;
	}
	for (; fe->nthreads < threads; fe->nthreads++) {
		int rc =
		    pthread_create(&fe->threads[fe->nthreads], NULL, run, fe);
		if (rc != 0) {
			fprintf(stderr, "warta: fastcgi: thread: %s\n",
				strerror(rc));
			e = W_NOMEM;
			goto fail;
		}
	}
	*out = fe;
	return W_OK;
fail:
	fe_fcgi_stop(fe);
	return e;
}

void
fe_fcgi_stop(struct fe_fcgi *fe)
{
	if (!fe)
		return;
	atomic_store(&fe->stopping, true);
	/* Wakes every thread blocked in accept() with an error; a thread
	 * inside a request finishes it first, then sees the flag. */
	if (fe->sock >= 0 && shutdown(fe->sock, SHUT_RDWR) != 0 && fe->nthreads)
		fprintf(stderr, "warta: fastcgi: shutdown: %s\n",
			strerror(errno));
	for (unsigned i = 0; i < fe->nthreads; i++)
		pthread_join(fe->threads[i], NULL);
	if (fe->sock >= 0)
		close(fe->sock);
	if (fe->unix_path) {
		unlink(fe->unix_path);
		free(fe->unix_path);
	}
	free(fe->threads);
	free(fe);
}
