/* form.h - request bodies: application/x-www-form-urlencoded and
 * multipart/form-data, parsed as the bytes stream in, with limits.
 *
 * One parser serves both front ends: req.c feeds it whatever chunks the
 * front end receives (any split, down to one byte at a time). Everything it
 * returns lives in the arena it was given. */
#ifndef WARTA_FORM_H
#define WARTA_FORM_H

#include <stddef.h>

#include "arena.h"
#include "werr.h"

struct form_field {
	const char *name;	  /* NUL-terminated, valid UTF-8 */
	const char *value;	  /* NUL-terminated; binary for files */
	size_t len;		  /* bytes in value */
	const char *filename;	  /* a file part's filename, else NULL */
	const char *content_type; /* a file part's declared type, or NULL */
};

struct form {
	struct form_field *fields; /* in the order they arrived */
	size_t n;
};

struct form_limits {
	size_t max_fields; /* number of fields (and parts) */
	size_t max_field;  /* bytes in one text value (after decoding) */
	size_t max_file;   /* bytes in one file part */
	size_t max_total;  /* bytes in the whole body */
};

/* The defaults: 200 fields, 256 KiB per text field, 10 MiB per file,
 * 10 MiB in all. */
extern const struct form_limits form_default_limits;

struct form_parser;

/* Starts a parser for a body of this Content-Type (parameters included, e.g.
 * "multipart/form-data; boundary=xyz"). Returns NULL and sets *err:
 * W_UNSUPPORTED for another type, W_INVAL for a multipart type without a
 * usable boundary (1-70 chars), W_NOMEM. */
struct form_parser *form_parser_new(struct arena *a, const char *content_type,
				    const struct form_limits *lim,
				    enum werr *err);

/* Feeds the next n bytes. Returns the first error, and keeps returning it:
 * W_INVAL for malformed input (bad percent escape, invalid UTF-8 in a name
 * or text value, malformed part headers, data after the final boundary is
 * ignored), W_TOOBIG past a limit, W_NOMEM. */
enum werr form_parser_feed(struct form_parser *p, const char *data, size_t n)
	WUNUSED;

/* Ends the body and fills out. W_INVAL when the body was truncated (e.g. a
 * multipart body without its closing boundary), or the first error seen. */
enum werr form_parser_finish(struct form_parser *p, struct form *out) WUNUSED;

/* The value of one hex digit of a percent escape, or -1; shared by the
 * body parser and req.c's strict URI decoding. */
int form_hex(char c);

/* The first text value named name (NULL when absent or a file part). */
const char *form_get(const struct form *f, const char *name);
/* The first file part named name with a non-empty filename, or NULL. */
const struct form_field *form_file(const struct form *f, const char *name);

#endif
