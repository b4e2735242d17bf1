/* fe_http.c - the embedded HTTP server: libmicrohttpd in, struct req and
 * struct resp across, app_handle() in the middle. */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "server.h"

/* Per-connection memory MHD may use for the request line, the headers and
 * its read buffer: a request whose head does not fit is refused by MHD
 * itself (414 or 431) before we see it. */
#define MEMORY_LIMIT (64 * 1024)
#define CONNECTION_LIMIT 1024
/* Connections one client address may hold in one worker process: a crowd
 * of slow clients from one address takes this many slots, not all of them.
 * Generous, as a whole office or a mobile carrier's NAT shares one
 * address, and browsers open six connections each. */
#define PER_ADDRESS_LIMIT 64
/* An idle or slow connection (nothing received or sent for this long) is
 * closed. Not shorter: MHD counts as idle a connection whose pool thread is
 * busy with another request (an Argon2 check, say), and would cut it. */
#define TIMEOUT_SECONDS 30
#define BACKLOG 1024
/* How long stopping waits for requests in flight before cutting them. */
#define STOP_GRACE_MS 20000
/* How long it waits for a connection accepted just before the stop to
 * send its request: a real client does within milliseconds. */
#define FRESH_GRACE_MS 2000

/* Once a body has gone over the limit we keep reading (MHD cannot answer in
 * the middle of an upload) but only up to this much more, then hang up. */
#define DISCARD_MAX ((uint64_t)REQ_MAX_BODY)

struct fe_http {
	const struct app *app;
	struct MHD_Daemon *daemon;
	/* Each MHD pool thread's struct worker, made on its first request and
	 * freed by worker_free() when the thread exits. */
	pthread_key_t key;
	/* Requests between on_uri() and on_completed(): stopping waits for
	 * this to reach 0, as MHD_stop_daemon() itself drops them. */
	atomic_uint inflight;
	/* Connections accepted whose first request's headers are not in yet:
	 * stopping right after accept() would close them unanswered (a
	 * SIGUSR2 or SIGHUP roll retires workers while clients connect). */
	atomic_uint fresh;
	/* Set when stopping: every answer then closes its connection, so a
	 * keep-alive client reconnects to a worker that stays. */
	atomic_bool draining;
};

/* Each connection's socket context (MHD_OPTION_NOTIFY_CONNECTION). */
struct sock {
	bool fresh;
};

/* One request's state, from the URI callback to the completion callback.
 * Several requests may interleave on one pool thread while their bodies
 * stream in, so each has its own arena rather than the worker's. */
struct conn {
	struct arena arena;
	struct req req;
	struct resp resp;
	struct worker *w;
	struct fe_http *fe;
	char *raw_uri; /* in arena; NULL when it could not be copied */
	bool started;
	uint64_t discarded;
};

static void
log_mhd(void *cls, const char *fmt, va_list ap)
{
	fputs("warta: http: ", stderr);
	vfprintf(stderr, fmt, ap);
}

/* MHD hands the access handler a path it has already percent-decoded
 * (leniently); this callback is the one place that sees the target as
 * sent, which req_set_uri() decodes strictly. Its return value becomes the
 * request's *con_cls. */
static void *
on_uri(void *cls, const char *uri, struct MHD_Connection *mc)
{
	struct conn *c = calloc(1, sizeof *c);

	if (!c)
		return NULL;
	arena_init(&c->arena);
	c->fe = cls;
	c->resp.fd = -1;
	/* One byte past the limit is enough for req_set_uri() to refuse it. */
	c->raw_uri =
	    arena_strndup(&c->arena, uri, strnlen(uri, REQ_MAX_URI + 1));
	return c;
}

static void
on_connection(void *cls, struct MHD_Connection *mc, void **socket_context,
	      enum MHD_ConnectionNotificationCode toe)
{
	struct fe_http *fe = cls;
	struct sock *s = *socket_context;

	(void)mc;
	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		s = calloc(1, sizeof *s);
		if (s) {
			s->fresh = true;
			atomic_fetch_add(&fe->fresh, 1);
		}
		*socket_context = s;
	} else if (toe == MHD_CONNECTION_NOTIFY_CLOSED && s) {
		if (s->fresh)
			atomic_fetch_sub(&fe->fresh, 1);
		free(s);
		*socket_context = NULL;
	}
}

/* The connection's first request has its headers: no longer fresh. */
static void
unfresh(struct fe_http *fe, struct MHD_Connection *mc)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(mc, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	struct sock *s = ci ? ci->socket_context : NULL;

	if (s && s->fresh) {
		s->fresh = false;
		atomic_fetch_sub(&fe->fresh, 1);
	}
}

static void
on_completed(void *cls, struct MHD_Connection *mc, void **con_cls,
	     enum MHD_RequestTerminationCode toe)
{
	struct fe_http *fe = cls;
	struct conn *c = *con_cls;

	if (!c)
		return;
	if (c->started)
		atomic_fetch_sub(&fe->inflight, 1);
	if (c->resp.fd >= 0)
		close(c->resp.fd);
	buf_fini(&c->resp.body);
	arena_fini(&c->arena);
	free(c);
	*con_cls = NULL;
}

/* Answers without the application, for when there is no worker to run it:
 * a plain-text page is all we can promise then. */
static enum MHD_Result
answer_plain(struct MHD_Connection *mc, unsigned status, const char *text)
{
	struct MHD_Response *mr = MHD_create_response_from_buffer(
	    strlen(text), (void *)text, MHD_RESPMEM_PERSISTENT);
	enum MHD_Result ret;

	if (!mr)
		return MHD_NO;
	if (MHD_add_response_header(mr, MHD_HTTP_HEADER_CONTENT_TYPE,
				    "text/plain; charset=utf-8") != MHD_YES) {
		MHD_destroy_response(mr);
		return MHD_NO;
	}
	ret = MHD_queue_response(mc, status, mr);
	MHD_destroy_response(mr);
	return ret;
}

/* Turns the application's struct resp into an MHD response and queues it.
 * The body buffer or the file descriptor passes to MHD. */
static enum MHD_Result
answer(struct MHD_Connection *mc, struct conn *c)
{
	struct resp *r = &c->resp;
	struct MHD_Response *mr;
	enum MHD_Result ret;

	if (r->fd >= 0) {
		mr = MHD_create_response_from_fd64(r->fd_size, r->fd);
		if (!mr)
			close(r->fd);
		r->fd = -1;
	} else if (buf_err(&r->body) != W_OK) {
		return answer_plain(mc, MHD_HTTP_INTERNAL_SERVER_ERROR,
				    "Internal Server Error\n");
	} else if (r->body.data) {
		/* MHD frees the buffer with free() once sent; the request's
		 * buffer is not reused, so handing it over saves a copy. */
		mr = MHD_create_response_from_buffer(r->body.len, r->body.data,
						     MHD_RESPMEM_MUST_FREE);
		if (mr)
			buf_init(&r->body);
	} else {
		mr = MHD_create_response_from_buffer(0, (void *)"",
						     MHD_RESPMEM_PERSISTENT);
	}
	if (!mr)
		return MHD_NO;
	if (r->content_type &&
	    MHD_add_response_header(mr, MHD_HTTP_HEADER_CONTENT_TYPE,
				    r->content_type) != MHD_YES)
		fprintf(stderr, "warta: http: bad Content-Type dropped\n");
	for (size_t i = 0; i < r->nheaders; i++)
		if (MHD_add_response_header(mr, r->headers[i].key,
					    r->headers[i].val) != MHD_YES)
			fprintf(stderr, "warta: http: bad header %s dropped\n",
				r->headers[i].key);
	if (atomic_load(&c->fe->draining) &&
	    MHD_add_response_header(mr, MHD_HTTP_HEADER_CONNECTION, "close") !=
		MHD_YES)
		fprintf(stderr, "warta: http: cannot add Connection: close\n");
	unsigned status = r->status >= 100 && r->status <= 599
			      ? (unsigned)r->status
			      : MHD_HTTP_INTERNAL_SERVER_ERROR;
	ret = MHD_queue_response(mc, status, mr);
	MHD_destroy_response(mr);
	return ret;
}

static enum MHD_Result
add_header(void *cls, enum MHD_ValueKind kind, const char *key,
	   const char *value)
{
	req_add_header(cls, key, value ? value : "");
	return MHD_YES;
}

static void
set_remote_addr(struct MHD_Connection *mc, struct req *req)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(mc, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char text[INET6_ADDRSTRLEN];
	const void *addr = NULL;

	if (!ci || !ci->client_addr)
		return;
	if (ci->client_addr->sa_family == AF_INET)
		addr =
		    &((const struct sockaddr_in *)(const void *)ci->client_addr)
			 ->sin_addr;
	else if (ci->client_addr->sa_family == AF_INET6)
		addr = &((const struct sockaddr_in6 *)(const void *)
			     ci->client_addr)
			    ->sin6_addr;
	if (addr &&
	    inet_ntop(ci->client_addr->sa_family, addr, text, sizeof text))
		req->remote_addr = arena_strdup(req->arena, text);
}

/* Counts Content-Length headers whose value differs from the first. */
struct lengths {
	const char *first;
	bool conflict;
};

static enum MHD_Result
on_length(void *cls, enum MHD_ValueKind kind, const char *key,
	  const char *value)
{
	struct lengths *l = cls;
	if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) != 0 || !value)
		return MHD_YES;
	if (!l->first)
		l->first = value;
	else if (strcmp(l->first, value) != 0)
		l->conflict = true;
	return MHD_YES;
}

/* Begins the body when the request announces one. MHD has already refused
 * a malformed Content-Length or Transfer-Encoding, but not several that
 * disagree (RFC 9112 6.3: unrecoverable, a request smuggling vector). */
static void
begin_body(struct MHD_Connection *mc, struct req *req)
{
	struct lengths l = {0};
	MHD_get_connection_values(mc, MHD_HEADER_KIND, on_length, &l);
	if (l.conflict) {
		req->body_err = W_INVAL;
		return;
	}

	const char *cl = MHD_lookup_connection_value(
	    mc, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	const char *te = MHD_lookup_connection_value(
	    mc, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING);

	if (cl) {
		char *end;
		errno = 0;
		uintmax_t n = strtoumax(cl, &end, 10);
		if (errno || *end || cl[0] < '0' || cl[0] > '9')
			req->body_err = W_INVAL;
		else if (n > REQ_MAX_BODY)
			req->body_err = W_TOOBIG;
		else
			(void)req_body_begin(req, (int64_t)n);
	} else if (te) {
		(void)req_body_begin(req, -1);
	}
}

/* The first call for a request: headers are in, the body is not. */
static enum MHD_Result
start(struct fe_http *fe, struct MHD_Connection *mc, struct conn *c,
      const char *method)
{
	struct req *req = &c->req;
	struct worker *w = pthread_getspecific(fe->key);

	/* In flight from the moment its headers are complete: a client that
	 * never finishes its request line or headers must not hold up a
	 * stop. */
	c->started = true;
	atomic_fetch_add(&fe->inflight, 1);
	unfresh(fe, mc);
	if (!w) {
		w = worker_new(fe->app);
		if (!w)
			return answer_plain(mc, MHD_HTTP_SERVICE_UNAVAILABLE,
					    "Service Unavailable\n");
		if (pthread_setspecific(fe->key, w) != 0) {
			worker_free(w);
			return answer_plain(mc, MHD_HTTP_SERVICE_UNAVAILABLE,
					    "Service Unavailable\n");
		}
	}
	c->w = w;
	/* worker_begin() clears req and resp and points req at the worker's
	 * arena; everything of this request goes to its own arena instead. */
	worker_begin(w, req, &c->resp);
	req->arena = &c->arena;
	req_set_method(req, method);
	req->https = false;
	set_remote_addr(mc, req);
	MHD_get_connection_values(mc, MHD_HEADER_KIND, add_header, req);
	enum werr e = c->raw_uri ? req_set_uri(req, c->raw_uri) : W_NOMEM;
	if (e == W_OK)
		e = req_set_root(req, fe->app->prefix);
	if (e != W_OK)
		req->body_err = e; /* req->path is NULL: the app answers e */
	else
		begin_body(mc, req);
	/* A refused target or an oversized announced body is answered now:
	 * MHD then skips the body (no 100 Continue) and closes. */
	if (req->body_err != W_OK) {
		app_handle(w, req, &c->resp);
		return answer(mc, c);
	}
	return MHD_YES;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *mc, const char *url,
	   const char *method, const char *version, const char *upload_data,
	   size_t *upload_data_size, void **con_cls)
{
	struct fe_http *fe = cls;
	struct conn *c = *con_cls;

	if (!c)
		return answer_plain(mc, MHD_HTTP_SERVICE_UNAVAILABLE,
				    "Service Unavailable\n");
	if (!c->started)
		return start(fe, mc, c, method);
	if (*upload_data_size) {
		if (c->req.body_err == W_OK) {
			(void)req_body_feed(&c->req, upload_data,
					    *upload_data_size);
		} else {
			c->discarded += *upload_data_size;
			if (c->discarded > DISCARD_MAX)
				return MHD_NO;
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	(void)req_body_end(&c->req);
	app_handle(c->w, &c->req, &c->resp);
	return answer(mc, c);
}

static void
free_worker(void *w)
{
	worker_free(w);
}

/* Closes fd if it is still the socket st describes. When MHD_start_daemon()
 * fails it has closed the listening socket or not, depending on how far it
 * got; by then another thread may have reused the number. */
static void
close_if_same(int fd, const struct stat *st)
{
	struct stat now;

	if (fstat(fd, &now) == 0 && now.st_dev == st->st_dev &&
	    now.st_ino == st->st_ino)
		close(fd);
}

enum werr
fe_http_listen(const char *addr, int *fd)
{
	/* We bind the socket ourselves so that a busy port is reported with
	 * its reason, in our words, before anything is served. */
	return server_listen("http", addr, BACKLOG, fd);
}

enum werr
fe_http_start(const struct app *app, int fd, unsigned threads,
	      struct fe_http **out)
{
	struct fe_http *fe = calloc(1, sizeof *fe);
	struct stat st;
	enum werr e;

	if (!fe) {
		fprintf(stderr, "warta: http: out of memory\n");
		close(fd);
		return W_NOMEM;
	}
	fe->app = app;
	atomic_init(&fe->inflight, 0);
	atomic_init(&fe->fresh, 0);
	atomic_init(&fe->draining, false);
	if (pthread_key_create(&fe->key, free_worker) != 0) {
		fprintf(stderr, "warta: http: cannot create a thread key\n");
		free(fe);
		close(fd);
		return W_NOMEM;
	}
	if (fstat(fd, &st) != 0) {
		fprintf(stderr, "warta: http: fstat: %s\n", strerror(errno));
		close(fd);
		e = W_INVAL;
		goto fail;
	}
	/* One option and its arguments per line. */
	/* clang-format off */
	fe->daemon = MHD_start_daemon(
		MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC |
			MHD_USE_ERROR_LOG,
		0, NULL, NULL, on_request, fe,
		/* First, so that it also gets the option parser's messages. */
		MHD_OPTION_EXTERNAL_LOGGER, log_mhd, fe,
		MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)CONNECTION_LIMIT,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)PER_ADDRESS_LIMIT,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)TIMEOUT_SECONDS,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)MEMORY_LIMIT,
		MHD_OPTION_URI_LOG_CALLBACK, on_uri, fe,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, fe,
		MHD_OPTION_NOTIFY_CONNECTION, on_connection, fe,
		/* Last, so that for one thread the list ends here: MHD warns
		 * about a pool of 0 or 1 and then uses its polling thread. */
		threads > 1 ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END,
		threads,
		MHD_OPTION_END);
	/* clang-format on */
	if (!fe->daemon) {
		fprintf(stderr, "warta: http: cannot start the server\n");
		close_if_same(fd, &st);
		e = W_INVAL;
		goto fail;
	}
	*out = fe;
	return W_OK;
fail:
	pthread_key_delete(fe->key);
	free(fe);
	return e;
}

void
fe_http_stop(struct fe_http *fe)
{
	MHD_socket fd;

	if (!fe)
		return;
	/* Stop accepting, let the requests in flight finish and be sent, then
	 * stop: MHD_stop_daemon() alone closes every connection as it is. */
	atomic_store(&fe->draining, true);
	fd = MHD_quiesce_daemon(fe->daemon);
	for (int ms = 0;
	     ms < STOP_GRACE_MS &&
	     (atomic_load(&fe->inflight) > 0 ||
	      (ms < FRESH_GRACE_MS && atomic_load(&fe->fresh) > 0));
	     ms += 10)
		nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
	/* Joins the pool threads; each thread's exit runs free_worker() on
	 * its worker. After quiescing, the socket is ours to close. */
	MHD_stop_daemon(fe->daemon);
	if (fd != MHD_INVALID_SOCKET)
		close(fd);
	pthread_key_delete(fe->key);
	free(fe);
}
