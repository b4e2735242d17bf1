/* werr.h - the one error type of Warta, and its mapping to HTTP statuses. */
#ifndef WARTA_WERR_H
#define WARTA_WERR_H

/* <unistd.h> and <fcntl.h> define W_OK (an access() mode) as a macro. Both
 * are included here first, guarded, and the macro removed, so that W_OK
 * below means the same thing in every file whatever it includes later.
 * Nothing in Warta calls access(). */
#include <fcntl.h>
#include <unistd.h>
#undef W_OK

#define WUNUSED __attribute__((warn_unused_result))

enum werr {
	W_OK = 0,
	W_NOMEM,     /* allocation failed */
	W_INVAL,     /* malformed input: 400 */
	W_FORBIDDEN, /* 403 */
	W_NOTFOUND,  /* 404 */
	W_METHOD,    /* 405 */
	W_CONFLICT,  /* 409: a unique value already taken */
	W_STALE,     /* 409: changed by someone else since it was read */
	W_GONE,      /* 410: unpublished with a public reason */
	W_TOOBIG,    /* 413 */
	W_URILONG,   /* 414 */
	W_UNSUPPORTED, /* 415 */
	W_HEADERS,   /* 431: more request headers than REQ_MAX_HEADERS */
	W_DB,        /* SQLite failed: 500 */
	W_IO,        /* a file could not be read or written: 500 */
	W_PARSE,     /* a template or SQL file does not parse */
	W__MAX
};

/* Returns the HTTP status for e (W_OK is 200). */
int werr_status(enum werr e);

/* Returns a short English description of e; static storage. */
const char *werr_str(enum werr e);

#endif
