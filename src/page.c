/* page.c - helpers every page handler shares. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datefmt.h"
#include "db_taxonomy.h"
#include "jsonld.h"
#include "mount.h"
#include "page.h"
#include "page_live.h"
#include "page_picture.h"

static enum datefmt_lang
lang(const struct worker *w)
{
	return strcmp(w->site.lang, "en") == 0 ? LANG_EN : LANG_ID;
}

const char *
page_date_long(struct worker *w, int64_t t)
{
	char tmp[64];
	datefmt_long(t, w->site.tz_offset, lang(w), tmp, sizeof tmp);
	return arena_strdup(&w->arena, tmp);
}

const char *
page_date_short(struct worker *w, int64_t t)
{
	char tmp[64];
	datefmt_short(t, w->site.tz_offset, w->site.tz_abbr, tmp, sizeof tmp);
	return arena_strdup(&w->arena, tmp);
}

const char *
page_date_iso(struct worker *w, int64_t t)
{
	char tmp[64];
	datefmt_iso(t, w->site.tz_offset, tmp, sizeof tmp);
	return arena_strdup(&w->arena, tmp);
}

struct tobj *
page_site(struct worker *w, struct tobj *ctx)
{
	struct tobj *site = tobj_obj(ctx, "site");
	if (site) {
		tobj_str(site, "name", w->site.name);
		tobj_str(site, "tagline", w->site.tagline);
		tobj_str(site, "base_url", w->site.base_url);
		/* For text that is not HTML (robots.txt): page_render_in()
		 * puts the mount point into an HTML page's links itself. */
		tobj_str(site, "root", w->site.root);
		tobj_str(site, "lang", w->site.lang);
	}
	return site;
}

struct tobj *
page_ctx(struct worker *w, const struct req *req, const char *title)
{
	struct tobj *ctx = tobj_new(&w->arena);
	if (!ctx)
		return NULL;
	struct tobj *site = page_site(w, ctx);
	if (site)
		tobj_str(site, "today", page_date_long(w, req->now));
	tobj_str(ctx, "title", title);
	tobj_str(ctx, "path", req->path);

	/* The head every page shares (layout.html): its own URL as
	 * requested (a search keeps its query), and sharing tags for a
	 * website. Articles, listings and archives override the URL with
	 * one rebuilt from what they parsed, so stray query fields such as
	 * ?utm_source= never reach theirs. */
	tobj_str(ctx, "canonical",
		 arena_printf(&w->arena, "%s%s", w->site.base_url,
			      req->uri ? req->uri : req->path));
	tobj_str(ctx, "og_type", "website");
	tobj_str(ctx, "og_title", title ? title : w->site.name);
	tobj_str(ctx, "og_image", arena_printf(&w->arena, "%s%s",
					       w->site.base_url,
					       JSONLD_LOGO_PATH));
	tobj_int(ctx, "og_image_width", JSONLD_LOGO_WIDTH);
	tobj_int(ctx, "og_image_height", JSONLD_LOGO_HEIGHT);
	tobj_str(ctx, "twitter_card", "summary");

	/* The section navigation; a failure here only loses the menu. */
	struct section *secs;
	size_t n;
	if (db_sections_all(w->db, &w->arena, &secs, &n) == W_OK) {
		struct tlist *nav = tobj_list(ctx, "nav");
		for (size_t i = 0; i < n; i++) {
			struct tobj *it = tlist_add(nav);
			tobj_str(it, "name", secs[i].name);
			tobj_str(it, "url", arena_printf(&w->arena, "/kanal/%s",
							 secs[i].slug));
		}
	}
	page_live_nav(w, req, ctx);
	return ctx;
}

enum werr
page_mount(struct worker *w, struct resp *resp)
{
	if (!*w->site.root)
		return W_OK;
	buf_reset(&w->scratch);
	mount_html(w->site.root, resp->body.data, resp->body.len,
		   &w->scratch);
	enum werr e = buf_err(&w->scratch);
	if (e != W_OK)
		return e;
	struct buf t = resp->body;
	resp->body = w->scratch;
	w->scratch = t;
	return W_OK;
}

enum werr
page_render_in(struct worker *w, struct resp *resp, int status,
	       const char *layout, const char *name, struct tobj *ctx)
{
	enum werr e = tobj_err(ctx);
	if (e != W_OK)
		return e;
	buf_reset(&w->scratch);
	e = tpl_render(w->app->tpl, name, ctx, &w->scratch);
	if (e != W_OK)
		return e;
	/* The page's own HTML, already escaped by its template. */
	tobj_html(ctx, "content", buf_cstr(&w->scratch));
	e = tobj_err(ctx);
	if (e != W_OK)
		return e;
	buf_reset(&resp->body);
	e = tpl_render(w->app->tpl, layout, ctx, &resp->body);
	if (e != W_OK)
		return e;
	/* The layout has consumed the content: the scratch buffer is free
	 * again. */
	if ((e = page_mount(w, resp)) != W_OK)
		return e;
	resp->status = status;
	resp->content_type = "text/html; charset=utf-8";
	return W_OK;
}

enum werr
page_render(struct worker *w, struct resp *resp, int status,
	    const char *name, struct tobj *ctx)
{
	enum werr e = page_render_in(w, resp, status, "layout", name, ctx);
	resp->cacheable = e == W_OK && status == 200;
	return e;
}

void
page_error(struct worker *w, const struct req *req, struct resp *resp,
	   enum werr e)
{
	int status = werr_status(e);
	static const struct {
		int status;
		const char *title, *message;
	} texts[] = {
		{400, "Permintaan tidak valid",
		 "Alamat atau isian yang dikirim tidak dapat dibaca."},
		{403, "Akses ditolak", "Anda tidak berhak membuka halaman ini."},
		{404, "Halaman tidak ditemukan",
		 "Halaman yang Anda cari tidak ada atau belum terbit."},
		{405, "Metode tidak diizinkan",
		 "Halaman ini tidak menerima permintaan dengan metode itu."},
		{413, "Permintaan terlalu besar",
		 "Data yang dikirim melebihi batas."},
		{414, "Alamat terlalu panjang",
		 "Alamat yang diminta melebihi batas."},
		{431, "Header terlalu banyak",
		 "Permintaan membawa terlalu banyak header."},
	};
	const char *title = "Terjadi kesalahan";
	const char *message = "Maaf, permintaan Anda tidak dapat diproses. "
			      "Silakan coba beberapa saat lagi.";
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		if (texts[i].status == status) {
			title = texts[i].title;
			message = texts[i].message;
		}
	}
	if (status >= 500)
		fprintf(stderr, "warta: %s %s: %s\n",
			req->method_name ? req->method_name : "-",
			req->path ? req->path : "-", werr_str(e));

	/* The request's path may be unusable (a bad target): render the
	 * error without it. */
	struct req safe = *req;
	if (!safe.path)
		safe.path = "/";
	struct tobj *ctx = page_ctx(w, &safe, title);
	if (ctx) {
		tobj_int(ctx, "status", status);
		tobj_str(ctx, "message", message);
		tobj_bool(ctx, "noindex", true);
		/* An error has no address worth naming canonical. */
		tobj_str(ctx, "canonical", NULL);
	}
	if (ctx && page_render(w, resp, status, "error", ctx) == W_OK)
		return;
	buf_reset(&resp->body);
	buf_printf(&resp->body, "%d %s\n", status, http_reason(status));
	resp->status = status;
	resp->content_type = "text/plain; charset=utf-8";
}

const char *
page_article_path(struct worker *w, const struct article *a)
{
	char day[16]; /* "/YYYY/MM/DD/" */
	datefmt_path(a->published_at, w->site.tz_offset, day, sizeof day);
	return arena_cat(&w->arena, day, a->slug ? a->slug : "", (char *)NULL);
}

void
page_card(struct worker *w, struct tobj *o, const struct article *a)
{
	tobj_str(o, "title", a->title);
	tobj_str(o, "url", page_article_path(w, a));
	tobj_str(o, "lead", a->lead);
	tobj_str(o, "date", page_date_short(w, a->published_at));
	tobj_str(o, "datetime", page_date_iso(w, a->published_at));
	if (a->section.slug) {
		struct tobj *s = tobj_obj(o, "section");
		tobj_str(s, "name", a->section.name);
		tobj_str(s, "url", arena_cat(&w->arena, "/kanal/",
						a->section.slug, (char *)NULL));
	}
	struct tlist *au = tobj_list(o, "authors");
	for (size_t i = 0; i < a->nauthors; i++) {
		struct tobj *it = tlist_add(au);
		tobj_str(it, "name", a->authors[i].name);
		tobj_str(it, "url",
			 arena_cat(&w->arena, "/penulis/",
				   a->authors[i].slug ? a->authors[i].slug : "",
				   (char *)NULL));
		tobj_bool(it, "first", i == 0);
		tobj_bool(it, "sep", i + 1 < a->nauthors);
	}
	page_live_card(w, o, a->id);
	page_thumb(w, o, &a->photo);
}

void
page_thumb(struct worker *w, struct tobj *o, const struct photo *p)
{
	/* Set either way, so that a card without a picture never picks up
	 * an outer one's. */
	if (!page_picture_has(p) ||
	    !page_picture_thumb(&w->arena, tobj_obj(o, "thumb"), p))
		tobj_bool(o, "thumb", false);
}

int64_t
page_cards(struct worker *w, struct tobj *ctx, const char *key,
	   const struct article_list *l)
{
	int64_t newest = 0;
	struct tlist *list = tobj_list(ctx, key);
	for (size_t i = 0; i < l->n; i++) {
		page_card(w, tlist_add(list), &l->items[i]);
		if (l->items[i].updated_at > newest)
			newest = l->items[i].updated_at;
	}
	return newest;
}

void
page_touch(struct resp *resp, int64_t t)
{
	if (t > resp->last_modified)
		resp->last_modified = t;
}

enum werr
page_cursor(const struct req *req, struct cursor *c)
{
	memset(c, 0, sizeof *c);
	const char *s = req_query(req, "sebelum");
	if (!s)
		return W_OK;
	/* Strictly "TIME.ID", both positive decimal numbers. */
	char *end;
	errno = 0;
	long long t = strtoll(s, &end, 10);
	if (end == s || *end != '.' || errno || t <= 0 || *s == '+' ||
	    *s == '-' || *s == ' ')
		return W_INVAL;
	const char *p = end + 1;
	long long id = strtoll(p, &end, 10);
	if (end == p || *end != '\0' || errno || id <= 0 || *p == '+' ||
	    *p == '-' || *p == ' ')
		return W_INVAL;
	c->time = t;
	c->id = id;
	return W_OK;
}

void
page_older(struct worker *w, struct tobj *ctx, const char *base,
	   const struct article_list *l)
{
	if (!l->more)
		return;
	const char *older =
		arena_printf(&w->arena, "%s?sebelum=%" PRId64 ".%" PRId64,
			     base, l->next.time, l->next.id);
	tobj_str(ctx, "older", older);
	tobj_str(ctx, "rel_next", arena_printf(&w->arena, "%s%s",
					       w->site.base_url, older));
}

void
page_listing_head(struct worker *w, struct tobj *ctx, const char *base,
		  const struct cursor *before)
{
	if (!before->time) {
		tobj_str(ctx, "canonical", arena_printf(&w->arena, "%s%s",
							w->site.base_url,
							base));
		return;
	}
	/* Rebuilt from the parsed cursor, so that stray query fields
	 * (?utm_source=...) never reach the canonical URL. */
	tobj_str(ctx, "canonical",
		 arena_printf(&w->arena,
			      "%s%s?sebelum=%" PRId64 ".%" PRId64,
			      w->site.base_url, base, before->time,
			      before->id));
	tobj_str(ctx, "rel_prev", arena_printf(&w->arena, "%s%s",
					       w->site.base_url, base));
	tobj_bool(ctx, "older_page", true);
}

enum werr
page_partial(struct worker *w, const char *name, struct tobj *ctx,
	     struct buf *out)
{
	enum werr e = tobj_err(ctx);
	return e != W_OK ? e : tpl_render(w->app->tpl, name, ctx, out);
}
