/* server.c - listening addresses, sockets handed over by a re-executed
 * master, and one process's life while its front ends serve: start them,
 * wait for SIGTERM or SIGINT, stop them. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "server.h"

/* Longest host part we look up: a DNS name is at most 253 characters. */
#define HOST_MAX 255

/* True when s[0..n) is a decimal port number 1-65535. */
static bool
valid_port(const char *s, size_t n)
{
	unsigned long port = 0;

	if (n == 0 || n > 5)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		port = port * 10 + (unsigned long)(s[i] - '0');
	}
	return port >= 1 && port <= 65535;
}

/* True when host is a dotted IPv4 literal (or a botched one): such a host
 * must never reach the resolver, which would ask DNS about "999.1.1.1". */
static bool
looks_numeric(const char *host)
{
	for (const char *p = host; *p; p++)
		if ((*p < '0' || *p > '9') && *p != '.')
			return false;
	return true;
}

enum werr
server_parse_addr(const char *s, struct sockaddr_storage *ss, unsigned *sslen)
{
	char host[HOST_MAX + 1], port[6];
	const char *colon;
	size_t hlen;
	struct addrinfo hints, *res = NULL, *ai;
	bool v6 = s[0] == '[';

	if (v6) {
		const char *rb = strchr(s, ']');
		if (!rb || rb[1] != ':')
			return W_INVAL;
		colon = rb + 1;
		hlen = (size_t)(rb - s - 1);
		s++;
	} else {
		colon = strrchr(s, ':');
		if (!colon)
			return W_INVAL;
		hlen = (size_t)(colon - s);
		/* An unbracketed IPv6 address would be ambiguous. */
		if (memchr(s, ':', hlen))
			return W_INVAL;
	}
	if (hlen == 0 || hlen > HOST_MAX ||
	    !valid_port(colon + 1, strlen(colon + 1)))
		return W_INVAL;
	memcpy(host, s, hlen);
	host[hlen] = '\0';
	strcpy(port, colon + 1);

	if (!v6 && looks_numeric(host)) {
		/* inet_pton(), unlike the resolver's inet_aton(), refuses
		 * "1.2.3" and "127.1". */
		struct sockaddr_in *sin = (struct sockaddr_in *)(void *)ss;
		memset(ss, 0, sizeof *ss);
		sin->sin_family = AF_INET;
		sin->sin_port = htons((uint16_t)strtoul(port, NULL, 10));
		if (inet_pton(AF_INET, host, &sin->sin_addr) != 1)
			return W_INVAL;
		*sslen = sizeof *sin;
		return W_OK;
	}
	memset(&hints, 0, sizeof hints);
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICSERV;
	hints.ai_family = v6 ? AF_INET6 : AF_UNSPEC;
	if (v6)
		hints.ai_flags |= AI_NUMERICHOST;
	if (getaddrinfo(host, port, &hints, &res) != 0)
		return W_INVAL;
	/* "localhost" may give ::1 and 127.0.0.1: take IPv4 when there is
	 * one, so that the choice does not depend on /etc/gai.conf. */
	for (ai = res; ai; ai = ai->ai_next)
		if (ai->ai_family == AF_INET)
			break;
	if (!ai)
		ai = res;
	if (!ai || ai->ai_addrlen > sizeof *ss) {
		freeaddrinfo(res);
		return W_INVAL;
	}
	memset(ss, 0, sizeof *ss);
	memcpy(ss, ai->ai_addr, ai->ai_addrlen);
	*sslen = (unsigned)ai->ai_addrlen;
	freeaddrinfo(res);
	return W_OK;
}

enum werr
server_listen(const char *what, const char *addr, int backlog, int *fd)
{
	struct sockaddr_storage ss;
	unsigned sslen;
	int s = -1, one = 1;
	const char *why;

	if (server_parse_addr(addr, &ss, &sslen) != W_OK) {
		why = "not ADDR:PORT or [IPv6]:PORT with a port 1-65535";
		goto fail;
	}
	s = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (s < 0 ||
	    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
	    bind(s, (struct sockaddr *)&ss, sslen) != 0 ||
	    listen(s, backlog) != 0) {
		why = strerror(errno);
		goto fail;
	}
	*fd = s;
	return W_OK;
fail:
	fprintf(stderr, "warta: cannot listen on %s (%s): %s\n", addr, what,
		why);
	if (s >= 0)
		close(s);
	return W_INVAL;
}

enum werr
server_serve(const struct app *app, const struct server_opts *opts,
	     struct server_socks socks)
{
	struct fe_http *http = NULL;
	struct fe_fcgi *fcgi = NULL;
	sigset_t set, old;
	unsigned threads = opts->threads ? opts->threads : 1;
	enum werr e = W_OK;
	int sig;

	/* Blocked before any thread exists, so every thread inherits the mask
	 * and the signals wait for sigwait() below instead of landing in a
	 * worker in the middle of a request. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	if (pthread_sigmask(SIG_BLOCK, &set, &old) != 0) {
		fprintf(stderr, "warta: cannot block signals\n");
		e = W_INVAL;
		goto out;
	}
	if (socks.fastcgi >= 0) {
		e = fe_fcgi_start(app, socks.fastcgi, threads, &fcgi);
		socks.fastcgi = -1; /* taken, even on failure */
		if (e != W_OK)
			goto out;
	}
	if (socks.http >= 0) {
		e = fe_http_start(app, socks.http, threads, &http);
		socks.http = -1;
		if (e != W_OK)
			goto out;
	}
	while (sigwait(&set, &sig) != 0)
		;
out:
	if (http)
		fe_http_stop(http);
	if (fcgi)
		fe_fcgi_stop(fcgi);
	if (socks.http >= 0)
		close(socks.http);
	if (socks.fastcgi >= 0)
		close(socks.fastcgi);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return e;
}

/* The environment a re-executed master finds its sockets and its
 * predecessor's workers in (master.c sets it). */
#define ENV_HTTP "WARTA_INHERIT_HTTP"
#define ENV_FASTCGI "WARTA_INHERIT_FASTCGI"
#define ENV_WORKERS "WARTA_INHERIT_WORKERS"

/* Takes the listening socket named by the environment variable env, if
 * set: *fd gets it, after checking it is one. Unsets env either way, so
 * that no worker sees it. W_INVAL (logged) for a bad value. */
static enum werr
inherit_fd(const char *env, int *fd)
{
	const char *v = getenv(env);
	int listening = 0;
	socklen_t len = sizeof listening;
	char *end;
	long n;

	*fd = -1;
	if (!v)
		return W_OK;
	n = strtol(v, &end, 10);
	if (*end || n < 3 || n > 65535 ||
	    getsockopt((int)n, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) !=
		0 ||
	    !listening) {
		fprintf(stderr, "warta: %s=%s is not a listening socket\n", env,
			v);
		unsetenv(env);
		return W_INVAL;
	}
	unsetenv(env);
	*fd = (int)n;
	/* Close-on-exec again, as a socket of our own would be. */
	int fl = fcntl(*fd, F_GETFD);
	if (fl >= 0)
		(void)fcntl(*fd, F_SETFD, fl | FD_CLOEXEC);
	return W_OK;
}

/* The workers of the master this process replaced: "PID PID ...". */
static size_t
inherit_workers(pid_t *old, size_t max)
{
	const char *v = getenv(ENV_WORKERS);
	size_t n = 0;

	while (v && *v && n < max) {
		char *end;
		long pid = strtol(v, &end, 10);
		if (end == v || pid <= 1)
			break;
		old[n++] = (pid_t)pid;
		v = end;
	}
	unsetenv(ENV_WORKERS);
	return n;
}

enum werr
server_run(struct app *app, const struct server_opts *opts, bool *worker)
{
	struct server_socks socks = {-1, -1};
	pid_t old[2 * SERVER_WORKERS_MAX];
	size_t nold = 0;
	struct sigaction sa;
	bool is_worker = false;
	enum werr e = W_OK;

	if (worker)
		*worker = false;
	if (!opts->http && !opts->fastcgi) {
		fprintf(stderr, "warta: no address to serve on\n");
		return W_INVAL;
	}
	/* A client that hangs up mid-response must cost an EPIPE, not the
	 * process. Inherited by the workers. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGPIPE, &sa, NULL) != 0) {
		fprintf(stderr, "warta: sigaction: %s\n", strerror(errno));
		return W_INVAL;
	}

	/* A master re-executed by SIGUSR2 keeps its predecessor's sockets:
	 * connections wait in their backlog and none is refused. */
	if (inherit_fd(ENV_HTTP, &socks.http) != W_OK ||
	    inherit_fd(ENV_FASTCGI, &socks.fastcgi) != W_OK) {
		e = W_INVAL;
		goto out;
	}
	nold = inherit_workers(old, sizeof old / sizeof old[0]);
	if (opts->fastcgi && socks.fastcgi < 0) {
		e = fe_fcgi_listen(opts->fastcgi, &socks.fastcgi);
		if (e != W_OK)
			goto out;
	}
	if (opts->http && socks.http < 0) {
		e = fe_http_listen(opts->http, &socks.http);
		if (e != W_OK)
			goto out;
	}
	if (opts->fastcgi)
		fprintf(stderr, "warta: serving FastCGI on %s\n",
			opts->fastcgi);
	if (opts->http)
		fprintf(stderr, "warta: serving http://%s\n", opts->http);

	if (opts->no_master) {
		e = server_serve(app, opts, socks);
		socks.http = socks.fastcgi = -1;
	} else {
		e = master_run(app, opts, &socks, old, nold, &is_worker);
		if (e == W_OK && is_worker) {
			e = server_serve(app, opts, socks);
			socks.http = socks.fastcgi = -1;
		}
	}
	if (!is_worker)
		fprintf(stderr, "warta: stopped\n");
out:
	if (socks.http >= 0)
		close(socks.http);
	if (socks.fastcgi >= 0)
		close(socks.fastcgi);
	/* The socket file goes with the last process that listens on it: not
	 * a worker's to remove, nor a master's that failed to bind it. */
	if (!is_worker && e != W_INVAL && opts->fastcgi &&
	    strncmp(opts->fastcgi, "unix:", 5) == 0)
		unlink(opts->fastcgi + 5);
	if (worker)
		*worker = is_worker;
	return e;
}
