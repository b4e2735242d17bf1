/* buf.c - growable byte buffer with a sticky error. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

void
buf_init(struct buf *b)
{
	memset(b, 0, sizeof *b);
}

void
buf_fini(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	b->oom = false;
	if (b->data)
		b->data[0] = '\0';
}

/* Makes room for n more bytes plus a NUL; false (and sticky) on failure. */
static bool
grow(struct buf *b, size_t n)
{
	if (b->oom)
		return false;
	if (b->cap - b->len > n)
		return true;
	if (n > SIZE_MAX / 2 - b->len) {
		b->oom = true;
		return false;
	}
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + n + 1)
		cap *= 2;
	char *p = realloc(b->data, cap);
	if (!p) {
		b->oom = true;
		return false;
	}
	b->data = p;
	b->cap = cap;
	return true;
}

void
buf_append(struct buf *b, const void *p, size_t n)
{
	if (!grow(b, n))
		return;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void
buf_putc(struct buf *b, char c)
{
	buf_append(b, &c, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0) {
		b->oom = true;
		return;
	}
	if (!grow(b, (size_t)n))
		return;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

char *
buf_int_str(char out[BUF_INT_MAX], int64_t v)
{
	char d[BUF_INT_MAX];
	size_t n = 0;
	/* Negated digit by digit: INT64_MIN has no positive twin. */
	bool neg = v < 0;
	do {
		int r = (int)(v % 10);
		d[n++] = (char)('0' + (r < 0 ? -r : r));
		v /= 10;
	} while (v != 0);
	char *p = out;
	if (neg)
		*p++ = '-';
	while (n > 0)
		*p++ = d[--n];
	*p = '\0';
	return out;
}

void
buf_int(struct buf *b, int64_t v)
{
	char num[BUF_INT_MAX];
	buf_puts(b, buf_int_str(num, v));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/* Appends s, replacing each byte that has an entry in repl; runs of plain
 * bytes are copied in one piece. */
static void
escape(struct buf *b, const char *s, size_t n, const char *const repl[256])
{
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		const char *r = repl[(unsigned char)s[i]];
		if (!r)
			continue;
		buf_append(b, s + start, i - start);
		buf_puts(b, r);
		start = i + 1;
	}
	buf_append(b, s + start, n - start);
}

static const char *const html_repl[256] = {
	['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;",
	['"'] = "&quot;", ['\''] = "&#39;",
};

void
buf_html(struct buf *b, const char *s, size_t n)
{
	escape(b, s, n, html_repl);
}

static const char *const xml_repl[256] = {
	['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;",
	['"'] = "&quot;", ['\''] = "&apos;",
};

void
buf_xml(struct buf *b, const char *s, size_t n)
{
	/* XML 1.0 forbids most control characters even as references. */
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
			escape(b, s + start, i - start, xml_repl);
			start = i + 1;
		}
	}
	escape(b, s + start, n - start, xml_repl);
}

void
buf_json(struct buf *b, const char *s, size_t n)
{
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *r = NULL;
		char tmp[8];
		switch (c) {
		case '"': r = "\\\""; break;
		case '\\': r = "\\\\"; break;
		case '\n': r = "\\n"; break;
		case '\r': r = "\\r"; break;
		case '\t': r = "\\t"; break;
		case '<': r = "\\u003c"; break;
		case '>': r = "\\u003e"; break;
		case '&': r = "\\u0026"; break;
		default:
			if (c < 0x20) {
				snprintf(tmp, sizeof tmp, "\\u%04x", c);
				r = tmp;
			}
		}
		if (!r)
			continue;
		buf_append(b, s + start, i - start);
		buf_puts(b, r);
		start = i + 1;
	}
	buf_append(b, s + start, n - start);
}

enum werr
buf_err(const struct buf *b)
{
	return b->oom ? W_NOMEM : W_OK;
}

const char *
buf_cstr(const struct buf *b)
{
	return b->data ? b->data : "";
}
