/* buf.h - a growable byte buffer with a sticky error.
 *
 * Append freely; if an allocation fails the buffer stops growing, remembers
 * the failure, and buf_err() reports it once at the end. Data is always
 * NUL-terminated after a successful append. Not thread-safe: one owner. */
#ifndef WARTA_BUF_H
#define WARTA_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "werr.h"

struct buf {
	char *data; /* owned; NULL until the first append */
	size_t len;
	size_t cap;
	bool oom;
};

void buf_init(struct buf *b);
/* Frees the storage; the buffer may be initialised again. */
void buf_fini(struct buf *b);
/* Empties the buffer and clears the error, keeping its capacity. */
void buf_reset(struct buf *b);

void buf_append(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
/* v in decimal into out (BUF_INT_MAX bytes with the NUL); returns out.
 * What pages print most (sizes, counts), without a format to parse. */
#define BUF_INT_MAX 21
char *buf_int_str(char out[BUF_INT_MAX], int64_t v);
/* Appends v in decimal. */
void buf_int(struct buf *b, int64_t v);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);

/* Appends s HTML-escaped: & < > " ' become entities. */
void buf_html(struct buf *b, const char *s, size_t n);
/* Appends s escaped for a JSON string (without the quotes), also escaping
 * < > & so the result is safe inside an HTML <script> element. */
void buf_json(struct buf *b, const char *s, size_t n);
/* Appends s escaped for XML text and attributes. */
void buf_xml(struct buf *b, const char *s, size_t n);

/* W_NOMEM if any append failed since init/reset, else W_OK. */
enum werr buf_err(const struct buf *b) WUNUSED;

/* Returns the NUL-terminated contents ("" when empty); borrowed until the
 * next append, reset or fini. */
const char *buf_cstr(const struct buf *b);

#endif
