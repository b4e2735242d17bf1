/* page_search.c - the search page: the form, ranked results with
 * highlighted snippets, filters by section and date, bounded paging. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "datefmt.h"
#include "db_search.h"
#include "db_taxonomy.h"
#include "page.h"
#include "page_search.h"

/* A query field, NULL when absent or empty: an empty field is what a form
 * sends for "any", so it must not count as malformed. */
static const char *
field(const struct req *req, const char *name)
{
	const char *v = req_query(req, name);
	return v && *v ? v : NULL;
}

/* The page number in "hal": 1 when absent. W_INVAL unless it is a plain
 * decimal without leading zeros; W_NOTFOUND past SEARCH_PAGES_MAX. */
static enum werr
page_number(const struct req *req, unsigned *page)
{
	const char *s = field(req, "hal");
	*page = 1;
	if (!s)
		return W_OK;
	size_t n = strlen(s);
	if (strspn(s, "0123456789") != n || s[0] == '0')
		return W_INVAL;
	unsigned v = 0;
	for (size_t i = 0; i < n && v <= SEARCH_PAGES_MAX; i++)
		v = v * 10 + (unsigned)(s[i] - '0');
	if (v > SEARCH_PAGES_MAX)
		return W_NOTFOUND;
	*page = v;
	return W_OK;
}

/* Local midnight starting "YYYY-MM-DD" in the site's zone, into *t.
 * W_INVAL for anything else, an impossible date included. */
static enum werr
local_date(struct worker *w, const char *s, int64_t *t)
{
	static const char shape[] = "dddd-dd-dd";
	if (strlen(s) != sizeof shape - 1)
		return W_INVAL;
	for (size_t i = 0; shape[i]; i++) {
		if (shape[i] == 'd' ? !isdigit((unsigned char)s[i])
				    : s[i] != shape[i])
			return W_INVAL;
	}
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
		(s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	*t = datefmt_from_local(y, m, d, 0, 0, w->site.tz_offset);
	return *t == -1 ? W_INVAL : W_OK;
}

/* Appends "&key=val" (or "?key=val" first) percent-encoded, when val. */
static void
query_add(struct buf *b, const char *key, const char *val)
{
	if (!val)
		return;
	buf_putc(b, b->len && memchr(b->data, '?', b->len) ? '&' : '?');
	buf_puts(b, key);
	buf_putc(b, '=');
	for (const unsigned char *p = (const unsigned char *)val; *p; p++) {
		if (isalnum(*p) || strchr("-._~", *p))
			buf_putc(b, (char)*p);
		else
			buf_printf(b, "%%%02X", *p);
	}
}

/* "/cari?q=...&kanal=...&dari=...&sampai=...&hal=N" (no hal for page 1):
 * the same search on another page, in the arena; NULL when out of memory. */
static const char *
page_url(struct worker *w, const struct req *req, unsigned page)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "/cari");
	query_add(&b, "q", field(req, "q"));
	query_add(&b, "kanal", field(req, "kanal"));
	query_add(&b, "dari", field(req, "dari"));
	query_add(&b, "sampai", field(req, "sampai"));
	if (page > 1) {
		char num[16];
		snprintf(num, sizeof num, "%u", page);
		query_add(&b, "hal", num);
	}
	const char *url = NULL;
	if (buf_err(&b) == W_OK)
		url = arena_strndup(&w->arena, buf_cstr(&b), b.len);
	buf_fini(&b);
	return url;
}

/* The section choices of the form, the chosen one selected. */
static enum werr
sections(struct worker *w, struct tobj *ctx, const char *chosen)
{
	struct section *secs;
	size_t n;
	enum werr e = db_sections_all(w->db, &w->arena, &secs, &n);
	if (e != W_OK)
		return e;
	struct tlist *l = tobj_list(ctx, "sections");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_add(l);
		tobj_str(o, "slug", secs[i].slug);
		tobj_str(o, "name", secs[i].name);
		tobj_bool(o, "selected",
			  chosen && strcmp(chosen, secs[i].slug) == 0);
	}
	return W_OK;
}

enum werr
page_search(struct worker *w, struct req *req, struct resp *resp)
{
	const char *q = field(req, "q");
	const char *dari = field(req, "dari"), *sampai = field(req, "sampai");
	struct search_filter f;
	unsigned page;

	db_search_filter_init(&f);
	f.section = field(req, "kanal");
	enum werr e = page_number(req, &page);
	if (e == W_OK && dari)
		e = local_date(w, dari, &f.from);
	if (e == W_OK && sampai) {
		e = local_date(w, sampai, &f.until);
		/* The whole of the last day counts. */
		if (e == W_OK)
			f.until += 86400;
	}
	if (e != W_OK)
		return e;

	const char *expr = db_search_expr(&w->arena, q ? q : "");
	if (!expr)
		return W_NOMEM;
	struct search_page res;
	e = db_search(w->db, &w->arena, expr, &f, req->now, page, &res);
	if (e != W_OK)
		return e;
	if (page > 1 && res.n == 0)
		return W_NOTFOUND;

	bool searched = expr[0] != '\0';
	struct tobj *ctx = page_ctx(w, req,
				    searched ? arena_printf(&w->arena,
							    "Cari: %s", q)
					     : "Cari berita");
	if (!ctx)
		return W_NOMEM;
	/* Result pages are endless variations of the site's own pages. */
	tobj_bool(ctx, "noindex", true);
	tobj_bool(ctx, "searched", searched);
	tobj_str(ctx, "q", q);
	tobj_str(ctx, "dari", dari);
	tobj_str(ctx, "sampai", sampai);
	e = sections(w, ctx, f.section);
	if (e != W_OK)
		return e;

	tobj_bool(ctx, "has_results", res.n > 0);
	struct tlist *l = tobj_list(ctx, "results");
	for (size_t i = 0; i < res.n; i++) {
		const struct search_hit *h = &res.items[i];
		struct tobj *o = tlist_add(l);
		page_card(w, o, &h->art);
		tobj_html(o, "title_html", h->title_html);
		tobj_html(o, "snippet_html", h->snippet_html);
		page_touch(resp, h->art.updated_at);
	}
	tobj_bool(ctx, "none", searched && res.n == 0);
	if (res.n)
		tobj_int(ctx, "page", page);
	if (page > 1)
		tobj_str(ctx, "prev", page_url(w, req, page - 1));
	if (res.more)
		tobj_str(ctx, "next", page_url(w, req, page + 1));
	return page_render(w, resp, 200, "search", ctx);
}
