/* server.h - runs the front ends until SIGTERM or SIGINT: binding, the
 * worker processes and their master, the front ends. */
#ifndef WARTA_SERVER_H
#define WARTA_SERVER_H

#include <sys/types.h>

#include "app.h"

struct server_opts {
	const char *http;    /* "ADDR:PORT" for the embedded server, or NULL */
	const char *fastcgi; /* "unix:PATH" or "ADDR:PORT", or NULL */
	unsigned threads;    /* threads per front end in each worker, >= 1 */
	unsigned workers;    /* worker processes, 1 to SERVER_WORKERS_MAX */
	bool no_master;	     /* serve in this one process, no supervisor */
	/* The whole command line and the binary's path as found at start,
	 * for SIGUSR2 (re-execute, keeping the sockets). */
	char *const *argv;
	const char *exe;
	/* Called in the master on SIGHUP before new workers start: re-reads
	 * what app points at (the templates), keeping the old on failure.
	 * W_OK rolls the workers; anything else keeps them. May be NULL. */
	enum werr (*reload)(struct app *app, void *arg);
	void *reload_arg;
};

#define SERVER_WORKERS_MAX 64

/* The listening sockets, -1 for a front end not asked for. */
struct server_socks {
	int http;
	int fastcgi;
};

/* Serves until SIGTERM or SIGINT. Binds the requested addresses (or takes
 * them over from the master that re-executed this one, see
 * docs/operating.md), prints one line per address to stderr, then either
 * serves in this process (no_master) or becomes the master of
 * opts->workers worker processes (master.c). Returns in every process that
 * it created as well, so that each frees what it holds the same way:
 * *worker (may be NULL) says which one is returning. W_INVAL with a message
 * on stderr when an address is malformed or cannot be bound; those errors
 * happen before anything is served. */
enum werr server_run(struct app *app, const struct server_opts *opts,
		     bool *worker) WUNUSED;

/* Serves on socks in this process until SIGTERM or SIGINT, then stops
 * accepting, lets the requests in flight finish and returns. Takes the
 * sockets (closes them). What a worker process runs. */
enum werr server_serve(const struct app *app, const struct server_opts *opts,
		       struct server_socks socks) WUNUSED;

/* The supervisor (master.c): forks opts->workers workers, replaces any that
 * dies, rolls them on SIGHUP, re-executes on SIGUSR2, and on SIGTERM or
 * SIGINT stops them (they finish in-flight requests) and returns W_OK.
 * old[0..nold) are workers of a master this one replaced, to be stopped
 * once the new ones run. In a freshly forked worker it returns W_OK with
 * *worker set; the caller then runs server_serve(). */
enum werr master_run(struct app *app, const struct server_opts *opts,
		     const struct server_socks *socks, const pid_t *old,
		     size_t nold, bool *worker) WUNUSED;

/* Front ends, used by server_serve(). _listen binds the address (before
 * any fork); _start takes the listening socket (closing it at _stop),
 * spawns its threads (each with its own worker) and returns; _stop stops
 * accepting, waits for in-flight requests and frees everything. The
 * socket may be shared with other processes: nothing here shuts it
 * down. */
struct fe_http;
struct fe_fcgi;
enum werr fe_http_listen(const char *addr, int *fd) WUNUSED;
enum werr fe_http_start(const struct app *app, int fd, unsigned threads,
			struct fe_http **out) WUNUSED;
void fe_http_stop(struct fe_http *fe);
enum werr fe_fcgi_listen(const char *addr, int *fd) WUNUSED;
enum werr fe_fcgi_start(const struct app *app, int fd, unsigned threads,
			struct fe_fcgi **out) WUNUSED;
void fe_fcgi_stop(struct fe_fcgi *fe);

/* Parses "ADDR:PORT", "[v6]:PORT" into a socket address; W_INVAL when
 * malformed. */
struct sockaddr_storage;
enum werr server_parse_addr(const char *s, struct sockaddr_storage *ss,
			    unsigned *sslen) WUNUSED;

/* Opens a blocking, close-on-exec TCP socket listening on addr (as
 * server_parse_addr() takes it) with SO_REUSEADDR, and stores it in *fd;
 * the caller closes it. On failure prints one line naming what ("http",
 * "fastcgi"), addr and the reason, and returns W_INVAL. Used by the front
 * ends' _start. */
enum werr server_listen(const char *what, const char *addr, int backlog,
			int *fd) WUNUSED;

#endif
