/* fcgi_head.h - checks the head of a FastCGI connection (BEGIN_REQUEST and
 * the PARAMS stream) before libfcgi reads a byte of it.
 *
 * libfcgi trusts the lengths in the stream: two parameter lengths of
 * 0x40000000 overflow an int inside it and its malloc assertion aborts the
 * process. fe_fcgi.c peeks at what a new connection has sent and hands the
 * connection to libfcgi only when this check passes, so such a stream is
 * dropped unread. The check knows only the protocol (FastCGI 1.0, section
 * 3 and 5.2); it includes no libfcgi header. */
#ifndef WARTA_FCGI_HEAD_H
#define WARTA_FCGI_HEAD_H

#include <stddef.h>

/* The most bytes of records (headers, content, padding) a head may take,
 * and the most bytes of name-value pairs its PARAMS stream may carry. A
 * request from nginx with 32 headers of a few KiB each fits easily. */
#define FCGI_HEAD_MAX (64 * 1024)
#define FCGI_PARAMS_MAX (48 * 1024)

enum fcgi_head {
	FCGI_HEAD_OK,	/* a complete, well-formed head */
	FCGI_HEAD_MORE, /* well-formed so far; wait for more bytes */
	FCGI_HEAD_BAD,	/* refuse the connection */
};

/* Checks the first n bytes a connection sent: exactly one BEGIN_REQUEST
 * record for the responder role with a non-zero request id, then PARAMS
 * records of that id, ending with an empty one, whose content is a
 * sequence of whole name-value pairs with lengths within FCGI_PARAMS_MAX.
 * Bytes past the head (STDIN records) are not looked at. Every record
 * header is version 1. On FCGI_HEAD_BAD, *why (may be NULL) gets a static
 * phrase for the log. Pure and thread-safe. */
enum fcgi_head fcgi_head_check(const unsigned char *p, size_t n,
			       const char **why);

#endif
