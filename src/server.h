/* server.h - runs the front ends until SIGTERM or SIGINT. */
#ifndef WARTA_SERVER_H
#define WARTA_SERVER_H

#include "app.h"

struct server_opts {
	const char *http;    /* "ADDR:PORT" for the embedded server, or NULL */
	const char *fastcgi; /* "unix:PATH" or "ADDR:PORT", or NULL */
	unsigned threads;    /* workers per front end, >= 1 */
};

/* Starts the requested front ends (at least one), prints one line per
 * listening address to stderr, serves until SIGTERM/SIGINT, then stops
 * accepting, lets in-flight requests finish, and returns. W_INVAL with a
 * message on stderr when an address is malformed or cannot be bound; those
 * errors happen before anything is served. */
enum werr server_run(const struct app *app, const struct server_opts *opts)
	WUNUSED;

/* Front ends, used by server_run(). Each _start spawns its threads (each
 * with its own worker) and returns; _stop stops accepting, waits for
 * in-flight requests and frees everything. */
struct fe_http;
struct fe_fcgi;
enum werr fe_http_start(const struct app *app, const char *addr,
			unsigned threads, struct fe_http **out) WUNUSED;
void fe_http_stop(struct fe_http *fe);
enum werr fe_fcgi_start(const struct app *app, const char *addr,
			unsigned threads, struct fe_fcgi **out) WUNUSED;
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
