/* form.c - streaming parser for urlencoded and multipart/form-data bodies. */
/* memmem() is a GNU/BSD extension; glibc only declares it with _GNU_SOURCE.
 * It is the linear-time search the boundary scan relies on. */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "form.h"
#include "utf8.h"

#define BOUNDARY_MAX 70
#define DELIM_MAX (BOUNDARY_MAX + 4) /* CRLF "--" boundary */
#define HEADERS_MAX (8 * 1024)	     /* one part's header block */

const struct form_limits form_default_limits = {
	.max_fields = 200,
	.max_field = 256 * 1024,
	/* Above the media limit (8 MiB), so an oversized image reaches the
	 * editor and gets a message beside its field, not a bare 413. */
	.max_file = 10 * 1024 * 1024,
	.max_total = 10 * 1024 * 1024,
};

enum kind { KIND_URLENCODED, KIND_MULTIPART };

/* Multipart states, in the order a part goes through them. */
enum mp_state {
	MP_PREAMBLE, /* looking for the first delimiter, ignoring bytes */
	MP_DELIM,    /* just after a delimiter: "--", padding or CRLF */
	MP_DASH,     /* saw one '-' after a delimiter */
	MP_PAD,	     /* transport padding (SP, HTAB) after a delimiter */
	MP_CR,	     /* saw the CR of the delimiter line's CRLF */
	MP_HEADERS,  /* collecting a part's header block */
	MP_BODY,     /* collecting a part's content */
	MP_EPILOGUE  /* after the closing delimiter: ignore everything */
};

/* A value that grows as bytes arrive. Old copies stay in the arena until it
 * is reset: doubling keeps that waste, and the copying, linear. */
struct grow {
	char *p; /* NUL-terminated when not NULL */
	size_t len;
	size_t cap;
};

struct form_parser {
	struct arena *a;
	struct form_limits lim;
	enum kind kind;
	enum werr err; /* sticky: the first error */
	bool finished;
	size_t total; /* bytes fed so far */

	struct form_field *fields;
	size_t n;
	size_t cap;

	struct grow val;

	/* urlencoded */
	struct grow name;
	bool in_value;	/* saw the '=' of this piece */
	bool nonempty;	/* this piece has at least one byte */
	int pct;	/* hex digits still expected after a '%' */
	unsigned char hi; /* the first hex digit's value */

	/* multipart */
	enum mp_state st;
	char delim[DELIM_MAX]; /* CRLF "--" boundary */
	size_t dlen;
	char tail[DELIM_MAX]; /* bytes that may begin a delimiter */
	size_t tlen;
	char *hdr; /* HEADERS_MAX bytes */
	size_t hlen;
	const char *pname; /* current part */
	const char *pfilename;
	const char *ptype;
};

static enum werr
fail(struct form_parser *p, enum werr e)
{
	if (p->err == W_OK)
		p->err = e;
	return p->err;
}

static bool
is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/* RFC 9110 tchar. */
static bool
is_tchar(char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		return true;
	return c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* RFC 2046 bchars, apart from the space, which is checked by the caller. */
static bool
is_bchar(char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		return true;
	return c != '\0' && strchr("'()+_,-./:=?", c) != NULL;
}

int
form_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Names are single-line identifiers: UTF-8 and no control byte at all. */
static bool
name_ok(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f)
			return false;
	}
	return utf8_valid(s, n);
}

/* Text values may span lines (a textarea), so TAB, CR and LF are allowed;
 * other control bytes are never typed and only serve to smuggle. */
static bool
text_ok(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') ||
		    c == 0x7f)
			return false;
	}
	return utf8_valid(s, n);
}

/* Appends s[0..n) to g, which may hold at most max bytes. */
static enum werr
grow_add(struct form_parser *p, struct grow *g, const char *s, size_t n,
	 size_t max)
{
	if (p->err)
		return p->err;
	if (n > max || g->len > max - n)
		return fail(p, W_TOOBIG);
	if (g->len + n >= g->cap) {
		size_t need = g->len + n + 1;
		size_t cap = g->cap ? g->cap : 64;
		while (cap < need)
			cap = cap > SIZE_MAX / 2 ? need : cap * 2;
		/* Never reserve more than the limit allows. */
		if (max < SIZE_MAX && cap > max + 1)
			cap = max + 1;
		char *q = arena_alloc(p->a, cap);
		if (!q)
			return fail(p, W_NOMEM);
		if (g->len)
			memcpy(q, g->p, g->len);
		g->p = q;
		g->cap = cap;
	}
	if (n)
		memcpy(g->p + g->len, s, n);
	g->len += n;
	g->p[g->len] = '\0';
	return W_OK;
}

/* Takes the grown bytes out of g as a NUL-terminated string. */
static const char *
grow_take(struct grow *g, size_t *len)
{
	const char *s = g->p ? g->p : "";
	*len = g->len;
	g->p = NULL;
	g->len = 0;
	g->cap = 0;
	return s;
}

static enum werr
push_field(struct form_parser *p, const struct form_field *f)
{
	struct form_field *nf =
		arena_grow(p->a, p->fields, p->n, &p->cap, sizeof *nf);
	if (!nf)
		return fail(p, W_NOMEM);
	p->fields = nf;
	p->fields[p->n++] = *f;
	return W_OK;
}

/* --- application/x-www-form-urlencoded --- */

/* Ends one '&'-separated piece: a piece with no byte at all is skipped, as
 * browsers never send one but hand-written query strings do. */
static enum werr
ue_end_piece(struct form_parser *p)
{
	struct form_field f = {0};
	size_t nlen;

	if (!p->nonempty)
		return W_OK;
	if (p->n >= p->lim.max_fields)
		return fail(p, W_TOOBIG);
	f.name = grow_take(&p->name, &nlen);
	f.value = grow_take(&p->val, &f.len);
	if (!name_ok(f.name, nlen) || !text_ok(f.value, f.len))
		return fail(p, W_INVAL);
	p->in_value = false;
	p->nonempty = false;
	return push_field(p, &f);
}

/* Adds decoded bytes to the name or the value of the current piece. Names
 * share the text limit so neither can grow without bound. */
static enum werr
ue_add(struct form_parser *p, const char *s, size_t n)
{
	p->nonempty = true;
	return grow_add(p, p->in_value ? &p->val : &p->name, s, n,
			p->lim.max_field);
}

static bool
ue_special(char c)
{
	return c == '&' || c == '=' || c == '%' || c == '+';
}

static void
ue_feed(struct form_parser *p, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && p->err == W_OK) {
		unsigned char c = (unsigned char)s[i];

		if (p->pct) {
			/* The escape state survives across feeds, so "%4"
			 * in one chunk and "1" in the next decode as 'A'. */
			int v = form_hex((char)c);
			if (v < 0) {
				fail(p, W_INVAL);
				return;
			}
			i++;
			if (p->pct == 2) {
				p->hi = (unsigned char)v;
				p->pct = 1;
			} else {
				char b = (char)(p->hi << 4 | v);
				p->pct = 0;
				(void)ue_add(p, &b, 1);
			}
			continue;
		}
		switch (c) {
		case '&':
			i++;
			(void)ue_end_piece(p);
			continue;
		case '=':
			i++;
			if (p->in_value) {
				(void)ue_add(p, "=", 1);
			} else {
				p->in_value = true;
				p->nonempty = true;
			}
			continue;
		case '%':
			i++;
			p->pct = 2;
			p->nonempty = true;
			continue;
		case '+':
			i++;
			(void)ue_add(p, " ", 1);
			continue;
		}
		/* A run of plain bytes is copied at once. */
		size_t j = i + 1;
		while (j < n && !ue_special(s[j]))
			j++;
		(void)ue_add(p, s + i, j - i);
		i = j;
	}
}

/* --- multipart/form-data --- */

/* Parses a quoted-string starting at s[*i] == '"' and ending before s[n];
 * on success *i is past the closing quote and, when out is not NULL, *out
 * is the unescaped content in the arena. */
static enum werr
quoted(struct form_parser *p, const char *s, size_t n, size_t *i,
       const char **out)
{
	size_t j = *i + 1, k = 0;
	char *q = NULL;

	if (out) {
		/* The content is never longer than what is left. */
		q = arena_alloc(p->a, n - *i);
		if (!q)
			return W_NOMEM;
	}
	for (; j < n && s[j] != '"'; j++) {
		if (s[j] == '\\' && ++j == n)
			break;
		if (q)
			q[k++] = s[j];
	}
	if (j == n)
		return W_INVAL;
	if (q) {
		q[k] = '\0';
		*out = q;
	}
	*i = j + 1;
	return W_OK;
}

static size_t
skip_ows(const char *s, size_t n, size_t i)
{
	while (i < n && is_ows(s[i]))
		i++;
	return i;
}

static size_t
skip_token(const char *s, size_t n, size_t i)
{
	while (i < n && is_tchar(s[i]))
		i++;
	return i;
}

static bool
word_is(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && strncasecmp(s, word, n) == 0;
}

/* Content-Disposition: form-data; name="x"[; filename="y"]. Both name and
 * filename must be quoted strings; other parameters (filename* included,
 * which RFC 7578 forbids senders to use) are parsed and ignored. */
static enum werr
parse_disposition(struct form_parser *p, const char *s, size_t n)
{
	size_t i = skip_token(s, n, 0);
	enum werr e;

	if (!word_is(s, i, "form-data"))
		return W_INVAL;
	for (;;) {
		i = skip_ows(s, n, i);
		if (i == n)
			break;
		if (s[i] != ';')
			return W_INVAL;
		i = skip_ows(s, n, i + 1);
		if (i == n)
			break;
		size_t k = i;
		i = skip_token(s, n, i);
		if (i == k)
			return W_INVAL;
		bool is_name = word_is(s + k, i - k, "name");
		bool is_file = word_is(s + k, i - k, "filename");
		i = skip_ows(s, n, i);
		if (i == n || s[i] != '=')
			return W_INVAL;
		i = skip_ows(s, n, i + 1);
		if (is_name || is_file) {
			const char **dst = is_name ? &p->pname : &p->pfilename;
			if (*dst || i == n || s[i] != '"')
				return W_INVAL;
			if ((e = quoted(p, s, n, &i, dst)))
				return e;
			if (!name_ok(*dst, strlen(*dst)))
				return W_INVAL;
		} else if (i < n && s[i] == '"') {
			if ((e = quoted(p, s, n, &i, NULL)))
				return e;
		} else {
			k = i;
			i = skip_token(s, n, i);
			if (i == k)
				return W_INVAL;
		}
	}
	return p->pname ? W_OK : W_INVAL;
}

/* Parses the header block hdr[0..hlen), which ends with an empty line and
 * uses CRLF throughout (checked as it arrived). */
static enum werr
parse_headers(struct form_parser *p)
{
	const char *s = p->hdr;
	size_t n = p->hlen - 2; /* drop the empty line */
	bool seen_type = false;
	enum werr e;

	p->pname = p->pfilename = p->ptype = NULL;
	for (size_t i = 0; i < n;) {
		const char *eol = memchr(s + i, '\r', n - i);
		size_t end, colon;

		if (!eol) /* cannot happen: every line ends CRLF */
			return W_INVAL;
		end = (size_t)(eol - s);
		for (size_t j = i; j < end; j++) {
			unsigned char c = (unsigned char)s[j];
			if ((c < 0x20 && c != '\t') || c == 0x7f)
				return W_INVAL;
		}
		colon = skip_token(s, end, i);
		if (colon == i || colon == end || s[colon] != ':')
			return W_INVAL;
		size_t v = skip_ows(s, end, colon + 1), ve = end;
		while (ve > v && is_ows(s[ve - 1]))
			ve--;
		if (word_is(s + i, colon - i, "Content-Disposition")) {
			if (p->pname)
				return W_INVAL;
			if ((e = parse_disposition(p, s + v, ve - v)))
				return e;
		} else if (word_is(s + i, colon - i, "Content-Type")) {
			if (seen_type || !utf8_valid(s + v, ve - v))
				return W_INVAL;
			seen_type = true;
			if (ve > v) {
				p->ptype = arena_strndup(p->a, s + v, ve - v);
				if (!p->ptype)
					return W_NOMEM;
			}
		}
		i = end + 2;
	}
	if (!p->pname)
		return W_INVAL;
	if (!p->pfilename)
		p->ptype = NULL; /* only a file's type is reported */
	if (p->n >= p->lim.max_fields)
		return W_TOOBIG;
	return W_OK;
}

static void
mp_data(struct form_parser *p, const char *s, size_t n)
{
	if (p->st != MP_BODY || n == 0)
		return;
	(void)grow_add(p, &p->val, s, n,
		       p->pfilename ? p->lim.max_file : p->lim.max_field);
}

static void
mp_end_part(struct form_parser *p)
{
	struct form_field f = {0};

	if (p->err)
		return;
	f.name = p->pname;
	f.filename = p->pfilename;
	f.content_type = p->ptype;
	f.value = grow_take(&p->val, &f.len);
	if (!f.filename && !text_ok(f.value, f.len)) {
		fail(p, W_INVAL);
		return;
	}
	(void)push_field(p, &f);
}

/* The longest suffix of s[0..n) shorter than the delimiter that is also a
 * prefix of it: those bytes must wait for the next feed. */
static size_t
partial_suffix(const struct form_parser *p, const char *s, size_t n)
{
	size_t i = n > p->dlen - 1 ? n - (p->dlen - 1) : 0;

	while (i < n) {
		const char *cr = memchr(s + i, '\r', n - i);
		if (!cr)
			return 0;
		i = (size_t)(cr - s);
		if (memcmp(s + i, p->delim, n - i) == 0)
			return n - i;
		i++;
	}
	return 0;
}

static void
mp_delim_found(struct form_parser *p)
{
	if (p->st == MP_BODY)
		mp_end_part(p);
	p->st = MP_DELIM;
}

/* Looks for the delimiter in the carried tail followed by s[0..n). Returns
 * the bytes of s used: all of them, or up to the end of a delimiter. Only
 * the tail (under DELIM_MAX bytes) is ever searched twice, so the scan is
 * linear in the body however it is split. */
static size_t
mp_scan(struct form_parser *p, const char *s, size_t n)
{
	const char *hit;
	size_t k;

	if (p->tlen) {
		char w[2 * DELIM_MAX];
		size_t m = n < p->dlen ? n : p->dlen;
		size_t wl = p->tlen + m, old = p->tlen;

		memcpy(w, p->tail, p->tlen);
		memcpy(w + p->tlen, s, m);
		p->tlen = 0;
		hit = memmem(w, wl, p->delim, p->dlen);
		if (hit) {
			size_t pos = (size_t)(hit - w);
			mp_data(p, w, pos);
			mp_delim_found(p);
			return pos + p->dlen - old;
		}
		if (m == n) {
			k = partial_suffix(p, w, wl);
			mp_data(p, w, wl - k);
			memcpy(p->tail, w + wl - k, k);
			p->tlen = k;
			return n;
		}
		/* A delimiter starting in the tail would have fit in w. */
		mp_data(p, w, old);
	}
	hit = memmem(s, n, p->delim, p->dlen);
	if (hit) {
		size_t pos = (size_t)(hit - s);
		mp_data(p, s, pos);
		mp_delim_found(p);
		return pos + p->dlen;
	}
	k = partial_suffix(p, s, n);
	mp_data(p, s, n - k);
	memcpy(p->tail, s + n - k, k);
	p->tlen = k;
	return n;
}

/* Collects header bytes, insisting on CRLF line ends as they arrive. Returns
 * the bytes used. */
static size_t
mp_headers(struct form_parser *p, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		char prev = p->hlen ? p->hdr[p->hlen - 1] : '\0';
		enum werr e;

		if (p->hlen == HEADERS_MAX || (c == '\n') != (prev == '\r')) {
			fail(p, W_INVAL);
			return i;
		}
		p->hdr[p->hlen++] = c;
		if (c != '\n' || (p->hlen != 2 && p->hdr[p->hlen - 3] != '\n'))
			continue;
		if ((e = parse_headers(p))) {
			fail(p, e);
			return i + 1;
		}
		p->st = MP_BODY;
		return i + 1;
	}
	return n;
}

static void
mp_feed(struct form_parser *p, const char *s, size_t n)
{
	while (n && p->err == W_OK) {
		size_t used = 1;
		char c = *s;

		switch (p->st) {
		case MP_PREAMBLE:
		case MP_BODY:
			used = mp_scan(p, s, n);
			break;
		case MP_DELIM:
			if (c == '-')
				p->st = MP_DASH;
			else if (is_ows(c))
				p->st = MP_PAD;
			else if (c == '\r')
				p->st = MP_CR;
			else
				fail(p, W_INVAL);
			break;
		case MP_DASH:
			if (c == '-')
				p->st = MP_EPILOGUE;
			else
				fail(p, W_INVAL);
			break;
		case MP_PAD:
			if (c == '\r')
				p->st = MP_CR;
			else if (!is_ows(c))
				fail(p, W_INVAL);
			break;
		case MP_CR:
			if (c == '\n') {
				p->st = MP_HEADERS;
				p->hlen = 0;
			} else {
				fail(p, W_INVAL);
			}
			break;
		case MP_HEADERS:
			used = mp_headers(p, s, n);
			break;
		case MP_EPILOGUE:
			used = n;
			break;
		}
		s += used;
		n -= used;
	}
}

/* Finds the boundary parameter of a multipart Content-Type whose parameters
 * start at s. Other parameters are skipped; a second boundary is refused so
 * that no two parsers can disagree on which one counts. */
static enum werr
find_boundary(struct form_parser *p, const char *s)
{
	size_t n = strlen(s), i = 0, blen = 0;
	const char *b = NULL;
	enum werr e;

	for (;;) {
		i = skip_ows(s, n, i);
		if (i == n)
			break;
		if (s[i] != ';')
			return W_INVAL;
		i = skip_ows(s, n, i + 1);
		if (i == n)
			break;
		size_t k = i;
		i = skip_token(s, n, i);
		if (i == k || i == n || s[i] != '=')
			return W_INVAL;
		bool is_b = word_is(s + k, i - k, "boundary");
		const char *v = NULL;
		size_t vlen;
		i++;
		if (i < n && s[i] == '"') {
			k = i;
			if ((e = quoted(p, s, n, &i, is_b ? &v : NULL)))
				return e;
			vlen = v ? strlen(v) : 0;
		} else {
			k = i;
			while (i < n && s[i] != ';' && !is_ows(s[i]))
				i++;
			v = s + k;
			vlen = i - k;
		}
		if (!is_b)
			continue;
		if (b)
			return W_INVAL;
		b = v;
		blen = vlen;
	}
	if (!b || blen == 0 || blen > BOUNDARY_MAX || b[blen - 1] == ' ')
		return W_INVAL;
	for (size_t j = 0; j < blen; j++)
		if (b[j] != ' ' && !is_bchar(b[j]))
			return W_INVAL;
	memcpy(p->delim, "\r\n--", 4);
	memcpy(p->delim + 4, b, blen);
	p->dlen = blen + 4;
	return W_OK;
}

struct form_parser *
form_parser_new(struct arena *a, const char *content_type,
		const struct form_limits *lim, enum werr *err)
{
	static const char urlenc[] = "application/x-www-form-urlencoded";
	static const char multi[] = "multipart/form-data";
	struct form_parser *p = NULL;
	size_t i, k;

	*err = W_UNSUPPORTED;
	if (!content_type)
		return NULL;
	i = skip_ows(content_type, strlen(content_type), 0);
	k = i;
	while (content_type[i] && content_type[i] != ';' &&
	       !is_ows(content_type[i]))
		i++;
	bool is_urlenc = word_is(content_type + k, i - k, urlenc);
	bool is_multi = word_is(content_type + k, i - k, multi);
	if (!is_urlenc && !is_multi)
		return NULL;

	*err = W_NOMEM;
	p = arena_alloc(a, sizeof *p);
	if (!p)
		return NULL;
	p->a = a;
	p->lim = lim ? *lim : form_default_limits;
	if (is_urlenc) {
		/* Parameters (charset) are ignored: the body is UTF-8 or it
		 * is refused. */
		p->kind = KIND_URLENCODED;
		*err = W_OK;
		return p;
	}
	p->kind = KIND_MULTIPART;
	if ((*err = find_boundary(p, content_type + i)))
		return NULL;
	p->hdr = arena_alloc(a, HEADERS_MAX);
	if (!p->hdr) {
		*err = W_NOMEM;
		return NULL;
	}
	/* The first delimiter may open the body without the CRLF that the
	 * later ones need: pretend one came before it. */
	p->st = MP_PREAMBLE;
	memcpy(p->tail, "\r\n", 2);
	p->tlen = 2;
	return p;
}

enum werr
form_parser_feed(struct form_parser *p, const char *data, size_t n)
{
	if (p->err || n == 0)
		return p->err;
	if (p->finished)
		return fail(p, W_INVAL);
	if (n > p->lim.max_total || p->total > p->lim.max_total - n)
		return fail(p, W_TOOBIG);
	p->total += n;
	if (p->kind == KIND_URLENCODED)
		ue_feed(p, data, n);
	else
		mp_feed(p, data, n);
	return p->err;
}

enum werr
form_parser_finish(struct form_parser *p, struct form *out)
{
	out->fields = NULL;
	out->n = 0;
	if (p->err == W_OK && !p->finished) {
		if (p->kind == KIND_URLENCODED) {
			if (p->pct)
				fail(p, W_INVAL);
			else
				(void)ue_end_piece(p);
		} else if (p->st != MP_EPILOGUE) {
			fail(p, W_INVAL);
		}
	}
	p->finished = true;
	if (p->err)
		return p->err;
	out->fields = p->fields;
	out->n = p->n;
	return W_OK;
}

const char *
form_get(const struct form *f, const char *name)
{
	for (size_t i = 0; f && i < f->n; i++)
		if (!f->fields[i].filename &&
		    strcmp(f->fields[i].name, name) == 0)
			return f->fields[i].value;
	return NULL;
}

const struct form_field *
form_file(const struct form *f, const char *name)
{
	for (size_t i = 0; f && i < f->n; i++)
		if (f->fields[i].filename && f->fields[i].filename[0] &&
		    strcmp(f->fields[i].name, name) == 0)
			return &f->fields[i];
	return NULL;
}
