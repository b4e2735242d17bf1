/* page_results.c - results boxes, the region pages and their index. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "db_article.h"
#include "db_results.h"
#include "markdown.h"
#include "page.h"
#include "page_results.h"

#define BOX_ENTRIES 4	/* the KPU real count and up to 3 quick counts */
#define HISTORY_MAX 50
#define REGION_STORIES 10

/* "52,31" for 5231 hundredths: the Indonesian decimal comma. */
static const char *
hundredths(struct worker *w, int64_t h)
{
	return arena_printf(&w->arena, "%" PRId64 ",%02" PRId64, h / 100,
			    h % 100);
}

/* "1.234.567": thousands grouped with dots. */
static const char *
grouped(struct worker *w, int64_t v)
{
	char digits[32], out[48];
	int n = snprintf(digits, sizeof digits, "%" PRId64, v < 0 ? 0 : v);
	size_t k = 0;
	for (int i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			out[k++] = '.';
		out[k++] = digits[i];
	}
	out[k] = '\0';
	return arena_strdup(&w->arena, out);
}

/* The value entry r gives pair id; -1 when it gives none. */
static int64_t
value_of(const struct result_entry *r, int64_t id)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->candidate_ids[i] == id)
			return r->values[i];
	return -1;
}

/* Fills o with entry r for the pairs c[0..nc): its source and its label
 * (a quick count is never called official), its time, and per pair the
 * number, names, share (and votes for the KPU count) and bar. */
static void
entry_view(struct worker *w, struct tobj *o, const struct result_entry *r,
	   const struct candidate *c, size_t nc)
{
	bool kpu = r->source == SOURCE_KPU;
	tobj_bool(o, kpu ? "kpu" : "quick", true);
	tobj_str(o, "pollster", r->pollster);
	if (kpu)
		tobj_str(o, "data_in", hundredths(w, r->data_in));
	else
		tobj_str(o, "margin", hundredths(w, r->margin));
	tobj_str(o, "date", page_date_short(w, r->counted_at));
	tobj_str(o, "datetime", page_date_iso(w, r->counted_at));
	tobj_str(o, "note", r->note);
	int64_t total = 0;
	for (size_t i = 0; i < r->n; i++)
		total += r->values[i];
	if (kpu)
		tobj_str(o, "total", grouped(w, total));
	struct tlist *pairs = tobj_list(o, "pairs");
	for (size_t i = 0; i < nc; i++) {
		int64_t v = value_of(r, c[i].id);
		if (v < 0)
			continue;
		/* The share in hundredths of a percent, rounded. */
		int64_t share = !kpu	 ? v
				: total ? (v * 10000 + total / 2) / total
					: 0;
		struct tobj *p = tlist_add(pairs);
		tobj_int(p, "number", c[i].number);
		tobj_str(p, "names", c[i].names);
		tobj_str(p, "share", hundredths(w, share));
		tobj_str(p, "meter", arena_printf(&w->arena,
						  "%" PRId64 ".%02" PRId64,
						  share / 100, share % 100));
		if (kpu)
			tobj_str(p, "votes", grouped(w, v));
	}
}

/* Renders the box of region r into out; heading links to its page. */
static enum werr
box(struct worker *w, const struct region *r, bool heading, struct buf *out)
{
	struct candidate *c;
	struct result_entry *x;
	size_t nc, nx;
	enum werr e = db_candidates(w->db, &w->arena, r->id, &c, &nc);
	if (e == W_OK)
		e = db_results_latest(w->db, &w->arena, r->id, BOX_ENTRIES, &x,
				      &nx);
	if (e != W_OK)
		return e;
	struct tobj *ctx = tobj_new(&w->arena);
	if (!ctx)
		return W_NOMEM;
	tobj_str(ctx, "name", r->name);
	tobj_str(ctx, "slug", r->slug);
	tobj_str(ctx, "kind", region_kind_label(r->kind));
	tobj_bool(ctx, "heading", heading);
	tobj_str(ctx, "url", arena_printf(&w->arena, "/pilkada/%s", r->slug));
	struct tlist *l = tobj_list(ctx, "entries");
	for (size_t i = 0; i < nx; i++)
		entry_view(w, tlist_add(l), &x[i], c, nc);
	return page_partial(w, "_hasil", ctx, out);
}

enum werr
page_results_expand(struct worker *w, const char *html, const char **out,
		    int64_t *changed)
{
	char slugs[PAGE_BOXES_MAX][MARKDOWN_SLUG_MAX];
	size_t n = markdown_result_markers(html, slugs, PAGE_BOXES_MAX);
	*out = html;
	if (n == 0 && !strstr(html, "<!--hasil:"))
		return W_OK;
	struct baca_juga boxes[PAGE_BOXES_MAX];
	size_t nboxes = 0;
	enum werr e = W_OK;
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < n && e == W_OK; i++) {
		struct region r;
		e = db_region_by_slug(w->db, &w->arena, slugs[i], &r);
		if (e == W_NOTFOUND) {
			e = W_OK;
			continue;
		}
		buf_reset(&b);
		if (e == W_OK)
			e = box(w, &r, true, &b);
		if (e == W_OK) {
			boxes[nboxes].slug = arena_strdup(&w->arena, slugs[i]);
			boxes[nboxes].html =
				arena_strndup(&w->arena, buf_cstr(&b), b.len);
			if (!boxes[nboxes].slug || !boxes[nboxes].html)
				e = W_NOMEM;
			nboxes++;
			if (r.changed_at > *changed)
				*changed = r.changed_at;
		}
	}
	if (e == W_OK) {
		buf_reset(&b);
		e = markdown_results(html, boxes, nboxes, &b);
	}
	if (e == W_OK) {
		*out = arena_strndup(&w->arena, buf_cstr(&b), b.len);
		if (!*out)
			e = W_NOMEM;
	}
	buf_fini(&b);
	return e;
}

/* The box of r as HTML in the arena. */
static const char *
box_html(struct worker *w, const struct region *r, bool heading)
{
	struct buf b;
	buf_init(&b);
	const char *html = NULL;
	if (box(w, r, heading, &b) == W_OK)
		html = arena_strndup(&w->arena, buf_cstr(&b), b.len);
	buf_fini(&b);
	return html;
}

enum werr
page_regions(struct worker *w, struct req *req, struct resp *resp)
{
	struct region *r;
	size_t n;
	enum werr e = db_regions(w->db, &w->arena, false, RESULTS_MAX_REGIONS,
				 &r, &n);
	if (e != W_OK)
		return e;
	struct tobj *ctx = page_ctx(w, req, "Hasil Pilkada");
	if (!ctx)
		return W_NOMEM;
	tobj_str(ctx, "description",
		 "Hasil penghitungan suara Pilkada per daerah: real count KPU "
		 "dan hitung cepat, dengan sumber dan waktunya.");
	struct tlist *l = tobj_list(ctx, "regions");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_add(l);
		tobj_str(o, "name", r[i].name);
		tobj_str(o, "kind", region_kind_label(r[i].kind));
		tobj_str(o, "url",
			 arena_printf(&w->arena, "/pilkada/%s", r[i].slug));
		tobj_bool(o, "in_news", r[i].in_news);
		page_touch(resp, r[i].changed_at);
	}
	return page_render(w, resp, 200, "regions", ctx);
}

enum werr
page_region(struct worker *w, struct req *req, struct resp *resp)
{
	struct region r;
	struct candidate *c;
	struct result_entry *h;
	size_t nc, nh;
	enum werr e = db_region_by_slug(w->db, &w->arena,
					req_param(req, "slug"), &r);
	if (e == W_OK)
		e = db_candidates(w->db, &w->arena, r.id, &c, &nc);
	if (e == W_OK)
		e = db_results_history(w->db, &w->arena, r.id, HISTORY_MAX, &h,
				       &nh);
	if (e != W_OK)
		return e;
	const char *title = arena_printf(&w->arena, "Pilkada %s", r.name);
	struct tobj *ctx = page_ctx(w, req, title);
	if (!ctx)
		return W_NOMEM;
	tobj_str(ctx, "canonical", arena_printf(&w->arena, "%s/pilkada/%s",
						w->site.base_url, r.slug));
	tobj_str(ctx, "description",
		 arena_printf(&w->arena,
			      "Hasil penghitungan suara, pasangan calon dan "
			      "berita Pilkada %s.",
			      r.name));
	tobj_str(ctx, "name", r.name);
	tobj_str(ctx, "kind", region_kind_label(r.kind));
	const char *b = box_html(w, &r, false);
	if (!b)
		return W_NOMEM;
	/* Built by the _hasil template, which escapes every value. */
	tobj_html(ctx, "box", b);
	struct tlist *pl = tobj_list(ctx, "pairs");
	for (size_t i = 0; i < nc; i++) {
		struct tobj *o = tlist_add(pl);
		tobj_int(o, "number", c[i].number);
		tobj_str(o, "names", c[i].names);
		tobj_str(o, "coalition", c[i].coalition);
		if (c[i].photo_name[0])
			tobj_str(o, "photo", arena_printf(&w->arena,
							  "/media/%s",
							  c[i].photo_name));
	}
	tobj_bool(ctx, "has_pairs", nc > 0);
	struct tlist *hl = tobj_list(ctx, "history");
	for (size_t i = 0; i < nh; i++)
		entry_view(w, tlist_add(hl), &h[i], c, nc);
	tobj_bool(ctx, "has_history", nh > 0);
	page_touch(resp, r.changed_at);
	if (r.tag_id) {
		struct article_list l;
		e = db_articles_by_tag(w->db, &w->arena, r.tag_id, req->now,
				       NULL, REGION_STORIES, &l);
		if (e != W_OK)
			return e;
		page_touch(resp, page_cards(w, ctx, "articles", &l));
		if (l.more)
			tobj_str(ctx, "more", arena_printf(&w->arena,
							   "/tag/%s",
							   r.tag_slug));
	}
	return page_render(w, resp, 200, "region", ctx);
}
