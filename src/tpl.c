/* tpl.c - Mustache-like templates: data model, compiler, loader, renderer. */
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tpl.h"

/* <unistd.h> and <fcntl.h> define a W_OK macro that would silently replace
 * the enum constant; this file uses stdio instead. */
static_assert(W_OK == 0, "W_OK redefined by a system header");

#define MAX_NEST 32	       /* sections open at once in one template */
#define MAX_PARTIAL 16	       /* partials inside partials when rendering */
#define MAX_FILE (1024 * 1024) /* bytes per template */
/* Every run of a template pushes at most MAX_NEST values, and at most
 * MAX_PARTIAL + 1 runs are active, over the root: the stack never overflows
 * and needs no allocation. */
#define STACK_MAX (1 + MAX_NEST * (MAX_PARTIAL + 1))

/* ---- data model ---- */

enum tkind { K_NONE, K_STR, K_HTML, K_BOOL, K_INT, K_OBJ, K_LIST };

struct tval {
	enum tkind kind;
	union {
		const char *s;
		bool b;
		int64_t i;
		struct tobj *o;
		struct tlist *l;
	} u;
};

/* One per tobj_new() tree, so a failure deep in a child reaches the root. */
struct tstate {
	struct arena *a;
	bool oom;
};

struct tfield {
	struct tfield *next;
	const char *key;
	struct tval v;
};

struct tobj {
	struct tstate *st;
	struct tfield *fields;
};

struct titem {
	struct titem *next;
	struct tval v;
};

struct tlist {
	struct tstate *st;
	struct titem *head, *tail;
};

struct tobj *
tobj_new(struct arena *a)
{
	struct root {
		struct tstate st;
		struct tobj o;
	} *r = arena_alloc(a, sizeof *r);
	if (!r)
		return NULL;
	r->st.a = a;
	r->o.st = &r->st;
	return &r->o;
}

/* Whether field key k is key: most keys differ in their first byte, and
 * a page looks up and sets keys thousands of times. */
static bool
same_key(const char *k, const char *key)
{
	return k[0] == key[0] && strcmp(k, key) == 0;
}

static const struct tval *
find(const struct tobj *o, const char *key)
{
	for (const struct tfield *f = o->fields; f; f = f->next)
		if (same_key(f->key, key))
			return &f->v;
	return NULL;
}

/* Allocates for st's tree, remembering a failure for tobj_err(). */
static void *
alloc(struct tstate *st, size_t n)
{
	void *p = arena_alloc(st->a, n);
	if (!p)
		st->oom = true;
	return p;
}

/* Stores v under key, replacing an earlier value; false on failure. */
static bool
set(struct tobj *o, const char *key, struct tval v)
{
	if (!o)
		return false;
	struct tfield *f;
	for (f = o->fields; f && key; f = f->next)
		if (same_key(f->key, key))
			break;
	if (!f) {
		/* A NULL key is a caller's bug; report it like a failure. */
		if (!key || !(f = alloc(o->st, sizeof *f))) {
			o->st->oom = true;
			return false;
		}
		f->key = key;
		f->next = o->fields;
		o->fields = f;
	}
	f->v = v;
	return true;
}

void
tobj_str(struct tobj *o, const char *key, const char *val)
{
	set(o, key, (struct tval){.kind = val ? K_STR : K_NONE, .u.s = val});
}

void
tobj_html(struct tobj *o, const char *key, const char *val)
{
	set(o, key, (struct tval){.kind = val ? K_HTML : K_NONE, .u.s = val});
}

void
tobj_bool(struct tobj *o, const char *key, bool val)
{
	set(o, key, (struct tval){.kind = K_BOOL, .u.b = val});
}

void
tobj_int(struct tobj *o, const char *key, int64_t val)
{
	/* Formatted when rendered: no arena string, and 0 stays falsy. */
	set(o, key, (struct tval){.kind = K_INT, .u.i = val});
}

struct tobj *
tobj_obj(struct tobj *o, const char *key)
{
	struct tobj *c = o ? alloc(o->st, sizeof *c) : NULL;
	if (!c)
		return NULL;
	c->st = o->st;
	return set(o, key, (struct tval){.kind = K_OBJ, .u.o = c}) ? c : NULL;
}

struct tlist *
tobj_list(struct tobj *o, const char *key)
{
	struct tlist *l = o ? alloc(o->st, sizeof *l) : NULL;
	if (!l)
		return NULL;
	l->st = o->st;
	return set(o, key, (struct tval){.kind = K_LIST, .u.l = l}) ? l : NULL;
}

static struct titem *
append(struct tlist *l, struct tval v)
{
	struct titem *it = l ? alloc(l->st, sizeof *it) : NULL;
	if (!it)
		return NULL;
	it->v = v;
	if (l->tail)
		l->tail->next = it;
	else
		l->head = it;
	l->tail = it;
	return it;
}

struct tobj *
tlist_add(struct tlist *l)
{
	struct tobj *c = l ? alloc(l->st, sizeof *c) : NULL;
	if (!c)
		return NULL;
	c->st = l->st;
	return append(l, (struct tval){.kind = K_OBJ, .u.o = c}) ? c : NULL;
}

void
tlist_str(struct tlist *l, const char *val)
{
	append(l, (struct tval){.kind = val ? K_STR : K_NONE, .u.s = val});
}

enum werr
tobj_err(const struct tobj *o)
{
	/* A NULL object is what a failed tobj_new() or tobj_obj() gave. */
	return !o || o->st->oom ? W_NOMEM : W_OK;
}

/* ---- compiled form ---- */

enum opk {
	OP_TEXT,     /* pool[off..off+n) verbatim */
	OP_VAR,	     /* {{name}}; name is n NUL-terminated segments at off,
		      * n == 0 meaning "." */
	OP_RAW,	     /* {{{name}}} */
	OP_SECTION,  /* {{#name}}; jump: index of its OP_END */
	OP_INVERTED, /* {{^name}}; jump: index of its OP_END */
	OP_END,	     /* {{/name}}; jump: index of the opening op */
	OP_PARTIAL,  /* {{>name}}; name at off; jump: template index */
};

struct op {
	enum opk kind;
	uint32_t line; /* for messages about it at load time */
	uint32_t off;
	uint32_t n;
	uint32_t jump;
};

struct tpl {
	char *name;
	char *label; /* file name used in messages */
	struct op *ops;
	size_t nops;
};

struct tpl_set {
	struct tpl *tpls; /* sorted by name */
	size_t n;
	char *pool; /* text runs and names of every template */
};

void
tpl_set_free(struct tpl_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->n; i++) {
		free(set->tpls[i].name);
		free(set->tpls[i].label);
		free(set->tpls[i].ops);
	}
	free(set->tpls);
	free(set->pool);
	free(set);
}

/* Writes "label:line: message" (line 0: "label: message") into err. */
static void
vreport(char *err, size_t errlen, const char *label, unsigned line,
	const char *fmt, va_list ap)
{
	if (!err || errlen == 0)
		return;
	int n = line ? snprintf(err, errlen, "%s:%u: ", label, line)
		     : snprintf(err, errlen, "%s: ", label);
	if (n >= 0 && (size_t)n < errlen)
		vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
}

static void
report(char *err, size_t errlen, const char *label, unsigned line,
       const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(err, errlen, label, line, fmt, ap);
	va_end(ap);
}

/* ---- compiler ---- */

struct parser {
	const char *label;
	const char *src;
	size_t len;
	size_t lnpos; /* newlines before lnpos are counted in line */
	unsigned line;
	struct buf *pool;
	struct op *ops;
	size_t nops, cap;
	struct {
		size_t op;
		const char *name;
		size_t len;
	} open[MAX_NEST];
	size_t depth;
	char *err;
	size_t errlen;
};

/* Reports an error at line of the template; returns false for the caller
 * to return. */
static bool
fail(struct parser *p, unsigned line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(p->err, p->errlen, p->label, line, fmt, ap);
	va_end(ap);
	return false;
}

static unsigned
line_at(struct parser *p, size_t pos)
{
	for (; p->lnpos < pos; p->lnpos++)
		if (p->src[p->lnpos] == '\n')
			p->line++;
	return p->line;
}

static struct op *
add_op(struct parser *p, enum opk kind, unsigned line)
{
	if (p->nops == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		struct op *ops = realloc(p->ops, cap * sizeof *ops);
		if (!ops) {
			fail(p, line, "out of memory");
			return NULL;
		}
		p->ops = ops;
		p->cap = cap;
	}
	struct op *op = &p->ops[p->nops++];
	memset(op, 0, sizeof *op);
	op->kind = kind;
	op->line = line;
	return op;
}

/* Appends to the pool; its offsets must fit the ops' 32 bits. */
static bool
pool_add(struct parser *p, const char *s, size_t n, unsigned line)
{
	if (n > UINT32_MAX - p->pool->len)
		return fail(p, line, "templates too large");
	buf_append(p->pool, s, n);
	if (buf_err(p->pool) != W_OK)
		return fail(p, line, "out of memory");
	return true;
}

static bool
emit_text(struct parser *p, size_t from, size_t to, unsigned line)
{
	if (from >= to)
		return true;
	struct op *last = p->nops ? &p->ops[p->nops - 1] : NULL;
	size_t at = p->pool->len;
	if (!pool_add(p, p->src + from, to - from, line))
		return false;
	/* A dropped comment or standalone line splits no text run. */
	if (last && last->kind == OP_TEXT && last->off + last->n == at) {
		last->n += (uint32_t)(to - from);
		return true;
	}
	struct op *op = add_op(p, OP_TEXT, line);
	if (!op)
		return false;
	op->off = (uint32_t)at;
	op->n = (uint32_t)(to - from);
	return true;
}

static bool
name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

/* Checks a tag's name; dotted says '.' separates lookup segments. */
static bool
check_name(struct parser *p, const char *s, size_t n, bool dotted,
	   unsigned line)
{
	if (n == 0)
		return fail(p, line, "empty name");
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (name_char((char)c))
			continue;
		if (c >= 0x20 && c < 0x7f)
			fail(p, line, "invalid character '%c' in name", c);
		else
			fail(p, line, "invalid character \\x%02x in name", c);
		return false;
	}
	if (!dotted || (n == 1 && s[0] == '.'))
		return true;
	for (size_t i = 0; i < n; i++) {
		bool edge = i == 0 || i == n - 1 || s[i + 1] == '.';
		if (s[i] == '.' && edge)
			return fail(p, line, "empty segment in name '%.*s'",
				    (int)n, s);
	}
	return true;
}

/* Stores a checked name as NUL-separated segments (partials: one). */
static bool
set_name(struct parser *p, struct op *op, const char *s, size_t n, bool dotted)
{
	if (dotted && n == 1 && s[0] == '.') {
		op->n = 0;
		return true;
	}
	op->off = (uint32_t)p->pool->len;
	op->n = 1;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (dotted && c == '.') {
			c = '\0';
			op->n++;
		}
		if (!pool_add(p, &c, 1, op->line))
			return false;
	}
	return pool_add(p, "", 1, op->line);
}

/* Compiles the tag with sigil kind and name s/n. */
static bool
emit_tag(struct parser *p, char sigil, const char *s, size_t n, unsigned line)
{
	struct op *op;
	if (sigil == '!')
		return true;
	if (!check_name(p, s, n, sigil != '>', line))
		return false;
	switch (sigil) {
	case '/':
		if (p->depth == 0)
			return fail(p, line,
				    "close tag '%.*s' without open section",
				    (int)n, s);
		p->depth--;
		if (p->open[p->depth].len != n ||
		    memcmp(p->open[p->depth].name, s, n) != 0)
			return fail(p, line,
				    "close tag '%.*s' does not match section "
				    "'%.*s'",
				    (int)n, s, (int)p->open[p->depth].len,
				    p->open[p->depth].name);
		if (!(op = add_op(p, OP_END, line)))
			return false;
		op->jump = (uint32_t)p->open[p->depth].op;
		p->ops[op->jump].jump = (uint32_t)(p->nops - 1);
		return true;
	case '#':
	case '^':
		if (p->depth == MAX_NEST)
			return fail(p, line, "sections nested deeper than %d",
				    MAX_NEST);
		p->open[p->depth].op = p->nops;
		p->open[p->depth].name = s;
		p->open[p->depth].len = n;
		p->depth++;
		op = add_op(p, sigil == '#' ? OP_SECTION : OP_INVERTED, line);
		break;
	case '>':
		op = add_op(p, OP_PARTIAL, line);
		break;
	case '{':
		op = add_op(p, OP_RAW, line);
		break;
	default:
		op = add_op(p, OP_VAR, line);
		break;
	}
	return op && set_name(p, op, s, n, sigil != '>');
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* For a section, close, comment or partial tag at [t, e): when it is
 * alone on its line, widens the range to the whole line so that it
 * leaves no blank line behind, as Mustache does. from is where pending
 * text starts. */
static void
standalone(const struct parser *p, size_t from, size_t *t, size_t *e)
{
	size_t ls = *t, le = *e;
	while (ls > from && is_blank(p->src[ls - 1]))
		ls--;
	if (ls > 0 && p->src[ls - 1] != '\n')
		return;
	while (le < p->len && is_blank(p->src[le]))
		le++;
	if (le < p->len && p->src[le] == '\r' && le + 1 < p->len &&
	    p->src[le + 1] == '\n')
		le++;
	if (le < p->len && p->src[le] != '\n')
		return;
	*t = ls;
	*e = le < p->len ? le + 1 : le;
}

/* Finds the first "cc" in s[from..len). */
static const char *
find2(const char *s, size_t from, size_t len, char c)
{
	while (from + 1 < len) {
		const char *h = memchr(s + from, c, len - from - 1);
		if (!h)
			return NULL;
		if (h[1] == c)
			return h;
		from = (size_t)(h - s) + 1;
	}
	return NULL;
}

static bool
parse(struct parser *p)
{
	size_t pos = 0;
	for (;;) {
		const char *open = find2(p->src, pos, p->len, '{');
		if (!open)
			break;
		size_t t = (size_t)(open - p->src);
		unsigned line = line_at(p, t);
		size_t q = t + 2;
		char sigil = q < p->len ? p->src[q] : '\0';
		if (sigil != '\0' && strchr("#^/>!{", sigil))
			q++;
		else
			sigil = '\0';
		const char *close = find2(p->src, q, p->len, '}');
		const char *again = find2(p->src, q, p->len, '{');
		if (!close || (sigil != '!' && again && again < close))
			return fail(p, line, "unclosed tag");
		size_t c = (size_t)(close - p->src), e = c + 2;
		if (sigil == '{') {
			if (e >= p->len || p->src[e] != '}')
				return fail(p, line,
					    "mismatched braces in '{{{'");
			e++;
		}
		while (q < c && is_blank(p->src[q]))
			q++;
		while (c > q && is_blank(p->src[c - 1]))
			c--;
		size_t from = t;
		if (sigil && sigil != '{')
			standalone(p, pos, &from, &e);
		if (!emit_text(p, pos, from, line) ||
		    !emit_tag(p, sigil, p->src + q, c - q, line))
			return false;
		pos = e;
	}
	if (!emit_text(p, pos, p->len, line_at(p, p->len)))
		return false;
	if (p->depth) {
		const struct op *op = &p->ops[p->open[p->depth - 1].op];
		return fail(p, op->line, "unclosed section '%.*s'",
			    (int)p->open[p->depth - 1].len,
			    p->open[p->depth - 1].name);
	}
	return true;
}

/* Compiles src into t, adding its text to pool. */
static bool
compile(struct tpl *t, struct buf *pool, const char *src, size_t len, char *err,
	size_t errlen)
{
	if (len > MAX_FILE) {
		report(err, errlen, t->label, 0, "larger than %d bytes",
		       MAX_FILE);
		return false;
	}
	struct parser p = {
	    .label = t->label,
	    .src = src,
	    .len = len,
	    .line = 1,
	    .pool = pool,
	    .err = err,
	    .errlen = errlen,
	};
	if (!parse(&p)) {
		free(p.ops);
		return false;
	}
	t->ops = p.ops;
	t->nops = p.nops;
	return true;
}

static int
by_name(const void *a, const void *b)
{
	const struct tpl *x = a, *y = b;
	return strcmp(x->name, y->name);
}

static const struct tpl *
lookup_tpl(const struct tpl_set *set, const char *name)
{
	if (!set || !name || set->n == 0)
		return NULL;
	struct tpl key = {.name = (char *)name};
	return bsearch(&key, set->tpls, set->n, sizeof key, by_name);
}

/* Sorts the templates, takes the pool and binds each partial to its
 * template: a typo fails at start-up and rendering never searches. */
static bool
finish(struct tpl_set *set, struct buf *pool, char *err, size_t errlen)
{
	set->pool = pool->data;
	pool->data = NULL;
	if (set->n)
		qsort(set->tpls, set->n, sizeof *set->tpls, by_name);
	for (size_t i = 0; i < set->n; i++) {
		struct tpl *t = &set->tpls[i];
		for (size_t j = 0; j < t->nops; j++) {
			struct op *op = &t->ops[j];
			if (op->kind != OP_PARTIAL)
				continue;
			const char *name = set->pool + op->off;
			const struct tpl *to = lookup_tpl(set, name);
			if (!to) {
				report(err, errlen, t->label, op->line,
				       "unknown partial '%s'", name);
				return false;
			}
			op->jump = (uint32_t)(to - set->tpls);
		}
	}
	return true;
}

struct tpl_set *
tpl_set_parse(const char *name, const char *src, char *err, size_t errlen)
{
	struct buf pool;
	bool ok = false;
	buf_init(&pool);
	struct tpl_set *set = calloc(1, sizeof *set);
	if (set && (set->tpls = calloc(1, sizeof *set->tpls)))
		set->n = 1;
	if (!set || !set->n || !(set->tpls[0].name = strdup(name)) ||
	    !(set->tpls[0].label = strdup(name))) {
		report(err, errlen, name, 0, "out of memory");
		goto out;
	}
	ok = compile(&set->tpls[0], &pool, src, strlen(src), err, errlen) &&
	     finish(set, &pool, err, errlen);
out:
	buf_fini(&pool);
	if (!ok) {
		tpl_set_free(set);
		return NULL;
	}
	return set;
}

/* Reads a file of at most MAX_FILE bytes into data (MAX_FILE + 1 bytes).
 * Returns its length, or -1 with err written. */
static long
read_file(const char *path, char *data, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		report(err, errlen, path, 0, "%s", strerror(errno));
		return -1;
	}
	/* One byte more than allowed tells a file that is too large. */
	size_t len = fread(data, 1, MAX_FILE + 1, f);
	long ret = (long)len;
	if (ferror(f)) {
		/* A directory named x.html fails here with EISDIR. */
		report(err, errlen, path, 0, "%s", strerror(errno));
		ret = -1;
	} else if (len > MAX_FILE) {
		report(err, errlen, path, 0, "larger than %d bytes", MAX_FILE);
		ret = -1;
	}
	fclose(f);
	return ret;
}

static int
html_file(const struct dirent *d)
{
	size_t n = strlen(d->d_name);
	return d->d_name[0] != '.' && n > 5 &&
	       strcmp(d->d_name + n - 5, ".html") == 0;
}

struct tpl_set *
tpl_set_load(const char *dir, char *err, size_t errlen)
{
	struct tpl_set *set = NULL;
	struct dirent **names = NULL;
	char *data = NULL;
	struct buf pool;
	bool ok = false;
	buf_init(&pool);
	int n = scandir(dir, &names, html_file, alphasort);
	if (n < 0) {
		report(err, errlen, dir, 0, "%s", strerror(errno));
		return NULL;
	}
	set = calloc(1, sizeof *set);
	data = malloc(MAX_FILE + 1);
	if (!set || !data ||
	    (n && !(set->tpls = calloc((size_t)n, sizeof *set->tpls)))) {
		report(err, errlen, dir, 0, "out of memory");
		goto out;
	}
	set->n = (size_t)n;
	for (int i = 0; i < n; i++) {
		const char *file = names[i]->d_name;
		struct tpl *t = &set->tpls[i];
		size_t plen = strlen(dir) + strlen(file) + 2;
		t->name = strndup(file, strlen(file) - 5);
		t->label = malloc(plen);
		if (!t->name || !t->label) {
			report(err, errlen, dir, 0, "out of memory");
			goto out;
		}
		snprintf(t->label, plen, "%s/%s", dir, file);
		long len = read_file(t->label, data, err, errlen);
		if (len < 0 ||
		    !compile(t, &pool, data, (size_t)len, err, errlen))
			goto out;
	}
	ok = finish(set, &pool, err, errlen);
out:
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(data);
	buf_fini(&pool);
	if (!ok) {
		tpl_set_free(set);
		return NULL;
	}
	return set;
}

bool
tpl_has(const struct tpl_set *set, const char *name)
{
	return lookup_tpl(set, name) != NULL;
}

/* ---- renderer ---- */

/* Per call, on the caller's stack, so that the set stays shared. */
struct render {
	const struct tpl_set *set;
	struct buf *out;
	const struct tval *stack[STACK_MAX];
	size_t n;
};

static bool
truthy(const struct tval *v)
{
	if (!v)
		return false;
	switch (v->kind) {
	case K_STR:
	case K_HTML:
		return v->u.s[0] != '\0';
	case K_BOOL:
		return v->u.b;
	case K_INT:
		return v->u.i != 0;
	case K_OBJ:
		return true;
	case K_LIST:
		return v->u.l->head != NULL;
	case K_NONE:
		break;
	}
	return false;
}

/* The first segment is found in the innermost object that has it; the
 * rest only inside that value, never again outward. */
static const struct tval *
lookup(const struct render *r, const struct op *op)
{
	if (op->n == 0)
		return r->n ? r->stack[r->n - 1] : NULL;
	const char *seg = r->set->pool + op->off;
	const struct tval *v = NULL;
	for (size_t i = r->n; i-- > 0 && !v;)
		if (r->stack[i]->kind == K_OBJ)
			v = find(r->stack[i]->u.o, seg);
	for (uint32_t k = 1; k < op->n && v; k++) {
		seg += strlen(seg) + 1;
		v = v->kind == K_OBJ ? find(v->u.o, seg) : NULL;
	}
	return v;
}

static void
print(struct buf *out, const struct tval *v, bool raw)
{
	if (!v)
		return;
	switch (v->kind) {
	case K_HTML:
		if (raw) {
			buf_puts(out, v->u.s);
			break;
		}
		/* fall through */
	case K_STR:
		buf_html(out, v->u.s, strlen(v->u.s));
		break;
	case K_INT:
		buf_int(out, v->u.i);
		break;
	default:
		break;
	}
}

static void
run(struct render *r, const struct tpl *t, unsigned depth)
{
	const struct titem *iter[MAX_NEST]; /* list position per open section */
	size_t lvl = 0;
	const struct tval *v;
	const struct titem *it;
	for (size_t i = 0; i < t->nops && !r->out->oom; i++) {
		const struct op *op = &t->ops[i];
		switch (op->kind) {
		case OP_TEXT:
			buf_append(r->out, r->set->pool + op->off, op->n);
			break;
		case OP_VAR:
		case OP_RAW:
			print(r->out, lookup(r, op), op->kind == OP_RAW);
			break;
		case OP_SECTION:
			v = lookup(r, op);
			if (!truthy(v) || r->n == STACK_MAX ||
			    lvl == MAX_NEST) {
				i = op->jump;
				break;
			}
			iter[lvl] = NULL;
			if (v->kind == K_LIST) {
				iter[lvl] = v->u.l->head;
				v = &iter[lvl]->v;
			}
			lvl++;
			r->stack[r->n++] = v;
			break;
		case OP_INVERTED:
			if (truthy(lookup(r, op)))
				i = op->jump;
			break;
		case OP_END:
			if (t->ops[op->jump].kind == OP_INVERTED)
				break;
			it = iter[lvl - 1];
			if (it && it->next) {
				iter[lvl - 1] = it->next;
				r->stack[r->n - 1] = &it->next->v;
				i = op->jump;
				break;
			}
			lvl--;
			r->n--;
			break;
		case OP_PARTIAL:
			if (depth < MAX_PARTIAL)
				run(r, &r->set->tpls[op->jump], depth + 1);
			break;
		}
	}
}

enum werr
tpl_render(const struct tpl_set *set, const char *name, const struct tobj *ctx,
	   struct buf *out)
{
	const struct tpl *t = lookup_tpl(set, name);
	if (!t)
		return W_NOTFOUND;
	struct render r = {.set = set, .out = out};
	struct tval root = {.kind = K_OBJ, .u.o = (struct tobj *)ctx};
	if (ctx)
		r.stack[r.n++] = &root;
	run(&r, t, 0);
	return buf_err(out);
}
