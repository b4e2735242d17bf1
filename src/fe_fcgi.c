/* fe_fcgi.c - the FastCGI front end for nginx: libfcgi in, struct req and
 * struct resp across, app_handle() in the middle. */
/* accept4() and pipe2(): close-on-exec from the start. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcgiapp.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <poll.h>
#include <sys/select.h>
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

#include "fcgi_head.h"
#include "server.h"

#define BACKLOG 1024
/* How long a new connection may take to send its whole head (the
 * parameters), and how long any later read or write may block: a peer that
 * stops mid-request is dropped after this, not held forever. */
#define HEAD_DEADLINE_MS 5000
/* Connections whose head is still coming, per process: they cost a slot
 * in the door thread's poll set, not a worker thread. */
#define PENDING_MAX 512
/* How often the door looks again at a head that has partly arrived (poll
 * cannot say when more of it comes: the socket stays readable). */
#define REPEEK_MS 10
#define READ_TIMEOUT_S 5
#define WRITE_TIMEOUT_S 30
#define CHUNK (16 * 1024) /* on the stack of a thread with megabytes */
/* Longest HTTP_* parameter name whose header we keep. */
#define NAME_MAX_LEN 128

/* The unix socket is rw for its owner and group only: FastCGI parameters
 * such as REMOTE_ADDR and HTTPS are trusted, so only nginx (put in warta's
 * group) may connect, not every local user. */
#define SOCKET_MODE 0660

/* The door thread accepts connections and waits for their heads; the
 * worker threads take the connections whose head is complete and sound
 * from the ready queue and run them through libfcgi. A stalled peer costs
 * a slot in the door's poll set, never a worker thread. */
struct fe_fcgi {
	const struct app *app;
	int sock;     /* the listening socket, non-blocking; ours */
	int wake[2];  /* a pipe: written once at stop, to end polling */
	atomic_bool stopping;
	pthread_t door;
	bool door_started;
	pthread_t *threads;
	unsigned nthreads; /* started */
	pthread_mutex_t mu; /* guards what follows */
	pthread_cond_t cv;  /* a connection is ready, or the door closed */
	int *ready;	    /* ring of connections ready for a worker */
	size_t cap, head, nready;
	bool door_closed; /* no more will come: workers drain and leave */
};

/* Records the parameter "NAME=value" as a header when it carries one:
 * HTTP_USER_AGENT becomes user-agent; CONTENT_TYPE and CONTENT_LENGTH,
 * which the CGI convention strips of their HTTP_ prefix, too. */
static void
add_param_header(struct req *req, const char *param)
{
	const char *eq = strchr(param, '=');
	const char *name = param;
	char lower[NAME_MAX_LEN + 1];
	size_t n;

	if (!eq)
		return;
	if (strncmp(param, "HTTP_", 5) == 0)
		name = param + 5;
	else if (strncmp(param, "CONTENT_TYPE=", 13) != 0 &&
		 strncmp(param, "CONTENT_LENGTH=", 15) != 0)
		return;
	n = (size_t)(eq - name);
	/* nginx sends CONTENT_TYPE and CONTENT_LENGTH empty when absent. */
	if (n == 0 || n > NAME_MAX_LEN || (name == param && !eq[1]))
		return;
	for (size_t i = 0; i < n; i++) {
		char c = name[i];
		if (c == '_')
			c = '-';
		else if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		lower[i] = c;
	}
	lower[n] = '\0';
	req_add_header(req, lower, eq + 1);
}

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
fill_req(FCGX_Request *r, struct req *req)
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
	const char *name = FCGX_GetParam("SERVER_NAME", r->envp);
	const char *port = FCGX_GetParam("SERVER_PORT", r->envp);
	if (name && *name) {
		bool dflt = !port || !*port ||
			    strcmp(port, req->https ? "443" : "80") == 0;
		req->server_host =
			dflt ? arena_strdup(req->arena, name)
			     : arena_printf(req->arena, "%s:%s", name, port);
	}
	for (char **p = r->envp; *p; p++)
		add_param_header(req, *p);
	e = uri ? req_set_uri(req, uri) : W_INVAL;
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

static int64_t
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

enum look {
	LOOK_READY, /* a complete, sound head */
	LOOK_NONE,  /* nothing has arrived yet */
	LOOK_PART,  /* part of a sound head */
	LOOK_DROP,  /* bad, closed or reset: drop it */
};

/* Looks at what the connection has sent, without taking it (MSG_PEEK), and
 * checks it with fcgi_head_check(): libfcgi gets a connection only once its
 * whole head is there and sound. buf is the door's scratch space. */
static enum look
look(int fd, unsigned char buf[FCGI_HEAD_MAX])
{
	ssize_t n = recv(fd, buf, FCGI_HEAD_MAX, MSG_PEEK | MSG_DONTWAIT);
	const char *why = NULL;

	if (n < 0)
		return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR
			   ? LOOK_NONE
			   : LOOK_DROP;
	if (n == 0)
		return LOOK_DROP; /* hung up before a request: not worth a log */
	switch (fcgi_head_check(buf, (size_t)n, &why)) {
	case FCGI_HEAD_OK:
		return LOOK_READY;
	case FCGI_HEAD_MORE:
		return LOOK_PART;
	case FCGI_HEAD_BAD:
		break;
	}
	fprintf(stderr, "warta: fastcgi: connection dropped: %s\n", why);
	return LOOK_DROP;
}

/* Queues fd for a worker thread. The ring holds PENDING_MAX + nthreads,
 * more than the door ever has at once, so it never fills. */
static void
push_ready(struct fe_fcgi *fe, int fd)
{
	pthread_mutex_lock(&fe->mu);
	if (fe->nready < fe->cap) {
		fe->ready[(fe->head + fe->nready++) % fe->cap] = fd;
		pthread_cond_signal(&fe->cv);
	} else {
		close(fd);
	}
	pthread_mutex_unlock(&fe->mu);
}

static size_t
ready_count(struct fe_fcgi *fe)
{
	pthread_mutex_lock(&fe->mu);
	size_t n = fe->nready;
	pthread_mutex_unlock(&fe->mu);
	return n;
}

/* A connection whose head is still coming. */
struct pending {
	int fd;
	int64_t deadline; /* ms, monotonic */
	bool part;	  /* part of the head is there: re-peek on a tick */
};

/* Accepts what the listening socket has, up to room more. The socket is
 * shared by every worker process and non-blocking: another process may
 * have taken the connection poll() announced. */
static size_t
accept_some(struct fe_fcgi *fe, struct pending *p, size_t room, int64_t now)
{
	static const struct timeval rcv = {READ_TIMEOUT_S, 0};
	static const struct timeval snd = {WRITE_TIMEOUT_S, 0};
	size_t n = 0;

	while (n < room) {
		int fd = accept4(fe->sock, NULL, NULL, SOCK_CLOEXEC);
		if (fd < 0) {
			if (errno == EMFILE || errno == ENFILE ||
			    errno == ENOBUFS || errno == ENOMEM)
				fprintf(stderr, "warta: fastcgi: accept: %s\n",
					strerror(errno));
			break;
		}
		/* libfcgi puts connections in an fd_set for select() (Debian's
		 * build imports the fortified __fdelt_chk, which aborts past
		 * FD_SETSIZE): a descriptor that high is refused, not handed
		 * to it. Only a process with over a thousand connections open
		 * gets one. */
		if (fd >= FD_SETSIZE) {
			fprintf(stderr, "warta: fastcgi: connection dropped: "
					"too many descriptors open\n");
			close(fd);
			continue;
		}
		/* After the head, libfcgi reads and writes blocking: these
		 * bound each wait. */
		if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &rcv, sizeof rcv) ||
		    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &snd, sizeof snd)) {
			close(fd);
			continue;
		}
		p[n++] = (struct pending){fd, now + HEAD_DEADLINE_MS, false};
	}
	return n;
}

static void *
door(void *arg)
{
	struct fe_fcgi *fe = arg;
	struct pending *p = calloc(PENDING_MAX, sizeof *p);
	struct pollfd *pfd = calloc(PENDING_MAX + 2, sizeof *pfd);
	unsigned char *buf = malloc(FCGI_HEAD_MAX);
	size_t np = 0;

	if (!p || !pfd || !buf) {
		fprintf(stderr, "warta: fastcgi: out of memory\n");
		goto out;
	}
	while (!atomic_load(&fe->stopping)) {
		/* Take new connections only while this process has threads
		 * for them: otherwise another worker process should. */
		bool take = np < PENDING_MAX && ready_count(fe) < fe->nthreads;
		int64_t now = now_ms(), next = now + 1000;
		bool tick = !take;

		pfd[0] = (struct pollfd){.fd = fe->wake[0], .events = POLLIN};
		pfd[1] = (struct pollfd){.fd = take ? fe->sock : -1,
					 .events = POLLIN};
		for (size_t i = 0; i < np; i++) {
			pfd[2 + i] = (struct pollfd){
			    .fd = p[i].fd, .events = p[i].part ? 0 : POLLIN};
			tick |= p[i].part;
			if (p[i].deadline < next)
				next = p[i].deadline;
		}
		int wait = (int)(next > now ? next - now : 0);
		if (tick && wait > REPEEK_MS)
			wait = REPEEK_MS;
		if (poll(pfd, 2 + np, wait) < 0 && errno != EINTR) {
			fprintf(stderr, "warta: fastcgi: poll: %s\n",
				strerror(errno));
			nanosleep(&(struct timespec){0, 10000000}, NULL);
			continue;
		}
		if (pfd[0].revents)
			break;
		now = now_ms();
		/* Backwards, so that moving the last entry into a freed slot
		 * moves one already looked at. */
		for (size_t i = np; i-- > 0;) {
			enum look l = LOOK_NONE;
			if (pfd[2 + i].revents || p[i].part)
				l = look(p[i].fd, buf);
			if (l == LOOK_PART)
				p[i].part = true;
			if ((l == LOOK_NONE || l == LOOK_PART) &&
			    now >= p[i].deadline) {
				fprintf(stderr, "warta: fastcgi: connection "
						"dropped: head not complete "
						"in %d s\n",
					HEAD_DEADLINE_MS / 1000);
				l = LOOK_DROP;
			}
			if (l == LOOK_READY)
				push_ready(fe, p[i].fd);
			else if (l == LOOK_DROP)
				close(p[i].fd);
			else
				continue;
			p[i] = p[--np];
		}
		if (take && (pfd[1].revents & POLLIN))
			np += accept_some(fe, p + np, PENDING_MAX - np, now);
	}
out:
	for (size_t i = 0; i < np; i++)
		close(p[i].fd);
	free(p);
	free(pfd);
	free(buf);
	pthread_mutex_lock(&fe->mu);
	fe->door_closed = true;
	pthread_cond_broadcast(&fe->cv);
	pthread_mutex_unlock(&fe->mu);
	return NULL;
}

/* The next ready connection, or -1 once the door has closed and the queue
 * is empty: connections already accepted with a complete head are served
 * even while stopping. */
static int
next_ready(struct fe_fcgi *fe)
{
	int fd = -1;

	pthread_mutex_lock(&fe->mu);
	while (fe->nready == 0 && !fe->door_closed)
		pthread_cond_wait(&fe->cv, &fe->mu);
	if (fe->nready > 0) {
		fd = fe->ready[fe->head];
		fe->head = (fe->head + 1) % fe->cap;
		fe->nready--;
	}
	pthread_mutex_unlock(&fe->mu);
	return fd;
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
	/* No listening socket for libfcgi: the door accepts and checks the
	 * head, and we hand libfcgi the connection. Should it ever find
	 * fault with one, it closes it and tries to accept on -1, which fails
	 * at once instead of taking a connection past our checks. */
	if (FCGX_InitRequest(&r, -1, 0) != 0) {
		fprintf(stderr, "warta: fastcgi: cannot set up a request\n");
		goto out;
	}
	for (;;) {
		int fd = next_ready(fe);
		if (fd < 0)
			break;
		/* keepConnection stops FCGX_Accept_r()'s opening
		 * FCGX_Finish_r() from closing the connection we give it. */
		r.ipcFd = fd;
		r.keepConnection = 1;
		int rc = FCGX_Accept_r(&r);
		if (rc < 0) {
			/* libfcgi has closed the connection. */
			fprintf(stderr, "warta: fastcgi: request refused by "
					"libfcgi (%d)\n", rc);
			r.ipcFd = -1;
			continue;
		}
		/* Hang up after every request even when nginx asks to keep
		 * the connection: the door, not this thread, waits for
		 * requests. */
		r.keepConnection = 0;
		if (!w)
			w = worker_new(fe->app);
		if (w) {
			worker_begin(w, &req, &resp);
			fill_req(&r, &req);
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
fe_fcgi_listen(const char *addr, int *fd)
{
	/* FCGX_OpenSocket() would exit() the process on a busy address, so
	 * the socket is ours and libfcgi only reads connections. */
	if (strncmp(addr, "unix:", 5) == 0)
		return listen_unix(addr, addr + 5, fd);
	return server_listen("fastcgi", addr, BACKLOG, fd);
}

enum werr
fe_fcgi_start(const struct app *app, int sock, unsigned threads,
	      struct fe_fcgi **out)
{
	struct fe_fcgi *fe = NULL;
	enum werr e = W_OK;
	int fl;

	/* Not thread-safe, hence here, before any FastCGI thread runs; a
	 * second call is a no-op. */
	if (FCGX_Init() != 0) {
		fprintf(stderr, "warta: fastcgi: cannot initialise libfcgi\n");
		close(sock);
		return W_NOMEM;
	}
	fe = calloc(1, sizeof *fe);
	if (!fe || !(fe->threads = calloc(threads, sizeof *fe->threads))) {
		fprintf(stderr, "warta: fastcgi: out of memory\n");
		free(fe);
		close(sock);
		return W_NOMEM;
	}
	fe->app = app;
	fe->sock = sock;
	fe->wake[0] = fe->wake[1] = -1;
	atomic_init(&fe->stopping, false);
	pthread_mutex_init(&fe->mu, NULL);
	pthread_cond_init(&fe->cv, NULL);
	fe->cap = PENDING_MAX + threads;
	fe->ready = calloc(fe->cap, sizeof *fe->ready);
	if (!fe->ready) {
		fprintf(stderr, "warta: fastcgi: out of memory\n");
		e = W_NOMEM;
		goto fail;
	}
	/* Non-blocking: the door threads of every worker process poll the one
	 * socket, and all but one lose the race for each connection. */
	if ((fl = fcntl(sock, F_GETFL)) < 0 ||
	    fcntl(sock, F_SETFL, fl | O_NONBLOCK) < 0 ||
	    pipe2(fe->wake, O_CLOEXEC) != 0) {
		fprintf(stderr, "warta: fastcgi: %s\n", strerror(errno));
		e = W_IO;
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
	int rc = pthread_create(&fe->door, NULL, door, fe);
	if (rc != 0) {
		fprintf(stderr, "warta: fastcgi: thread: %s\n", strerror(rc));
		e = W_NOMEM;
		goto fail;
	}
	fe->door_started = true;
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
	/* Wakes the door in poll(). Not shutdown() on the listening socket:
	 * the master and the other workers share it. */
	if (fe->wake[1] >= 0 && write(fe->wake[1], "x", 1) != 1)
		fprintf(stderr, "warta: fastcgi: cannot wake the door: %s\n",
			strerror(errno));
	if (fe->door_started)
		pthread_join(fe->door, NULL);
	/* The door is closed (or never opened): threads serve what is ready,
	 * each finishing its request, then leave. */
	pthread_mutex_lock(&fe->mu);
	fe->door_closed = true;
	pthread_cond_broadcast(&fe->cv);
	pthread_mutex_unlock(&fe->mu);
	for (unsigned i = 0; i < fe->nthreads; i++)
		pthread_join(fe->threads[i], NULL);
	for (size_t i = 0; i < fe->nready; i++)
		close(fe->ready[(fe->head + i) % fe->cap]);
	free(fe->ready);
	pthread_cond_destroy(&fe->cv);
	pthread_mutex_destroy(&fe->mu);
	close(fe->sock);
	if (fe->wake[0] >= 0)
		close(fe->wake[0]);
	if (fe->wake[1] >= 0)
		close(fe->wake[1]);
	free(fe->threads);
	free(fe);
}
