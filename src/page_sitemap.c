/* page_sitemap.c - the sitemap index, the per-month and taxonomy sitemaps,
 * the Google News sitemap and robots.txt. */
#include <ctype.h>
#include <string.h>

#include "db_feed.h"
#include "page.h"
#include "page_feed.h"
#include "page_picture.h"

#define XML_TYPE "application/xml; charset=utf-8"

/* The listing path of a taxonomy page. */
static const char *
page_path(struct worker *w, const struct feed_page *p)
{
	return arena_printf(&w->arena, "%s%s%s", w->site.base_url,
			    page_feed_scope_path(p->kind), p->slug);
}

/* The absolute URL of the article of a sitemap row. */
static const char *
article_loc(struct worker *w, const struct feed_url *u)
{
	struct article a = {.slug = u->slug, .published_at = u->published_at};
	return page_feed_url(w, page_article_path(w, &a));
}

/* Adds one <url> or <sitemap> item: loc and, when known, lastmod (W3C
 * datetime with the site's offset). */
static void
add_loc(struct worker *w, struct tlist *l, const char *loc, int64_t lastmod)
{
	struct tobj *it = tlist_add(l);
	tobj_str(it, "loc", loc);
	if (lastmod > 0)
		tobj_str(it, "lastmod", page_date_iso(w, lastmod));
}

enum werr
page_sitemap_index(struct worker *w, struct req *req, struct resp *resp)
{
	struct feed_month *m;
	size_t n;
	enum werr e = db_feed_months(w->db, &w->arena, req->now,
				     w->site.tz_offset, &m, &n);
	if (e != W_OK)
		return e;
	struct tobj *ctx = page_feed_ctx(w);
	if (!ctx)
		return W_NOMEM;
	/* Every public article is in a section, so the newest change of any
	 * month is also the newest change of the listing pages. */
	int64_t newest = 0;
	for (size_t i = 0; i < n; i++)
		if (m[i].lastmod > newest)
			newest = m[i].lastmod;
	struct tlist *maps = tobj_list(ctx, "maps");
	add_loc(w, maps, page_feed_url(w, "/sitemap-pages.xml"), newest);
	for (size_t i = 0; i < n; i++)
		add_loc(w, maps,
			arena_printf(&w->arena, "%s/sitemap-%04d-%02d.xml",
				     w->site.base_url, m[i].year, m[i].month),
			m[i].lastmod);
	page_touch(resp, newest);
	return page_feed_render(w, resp, "sitemap_index", ctx, XML_TYPE);
}

enum werr
page_sitemap_pages(struct worker *w, struct req *req, struct resp *resp)
{
	struct feed_page *p;
	size_t n;
	enum werr e = db_feed_pages(w->db, &w->arena, req->now, &p, &n);
	if (e != W_OK)
		return e;
	struct tobj *ctx = page_feed_ctx(w);
	if (!ctx)
		return W_NOMEM;
	/* The home page changes with any listing. */
	int64_t newest = 0;
	for (size_t i = 0; i < n; i++)
		if (p[i].lastmod > newest)
			newest = p[i].lastmod;
	struct tlist *urls = tobj_list(ctx, "urls");
	add_loc(w, urls, page_feed_url(w, "/"), newest);
	for (size_t i = 0; i < n; i++)
		add_loc(w, urls, page_path(w, &p[i]), p[i].lastmod);
	page_touch(resp, newest);
	return page_feed_render(w, resp, "sitemap_urls", ctx, XML_TYPE);
}

/* Parses exactly "YYYY-MM" (four and two digits). */
static bool
parse_month(const char *s, int *year, int *month)
{
	/* "YYYY-MM", from /sitemap-YYYY-MM.xml. */
	if (!s || strlen(s) != 7)
		return false;
	for (int i = 0; i < 7; i++)
		if (i == 4 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return false;
	*year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
		(s[3] - '0');
	*month = (s[5] - '0') * 10 + (s[6] - '0');
	return true;
}

enum werr
page_sitemap_month(struct worker *w, struct req *req, struct resp *resp)
{
	int year, month;
	if (!parse_month(req_param(req, "month"), &year, &month))
		return W_NOTFOUND;
	struct feed_url *u;
	size_t n;
	/* A month past SITEMAP_MAX articles (1,600 a day) would lose its
	 * oldest from the sitemap; no local newsroom comes near. */
	enum werr e = db_feed_month(w->db, &w->arena, req->now, year, month,
				    w->site.tz_offset, SITEMAP_MAX, &u, &n);
	if (e != W_OK)
		return e;
	if (n == 0)
		return W_NOTFOUND;
	struct tobj *ctx = page_feed_ctx(w);
	if (!ctx)
		return W_NOMEM;
	struct tlist *urls = tobj_list(ctx, "urls");
	for (size_t i = 0; i < n; i++) {
		int64_t changed = db_feed_changed(u[i].published_at,
						  u[i].updated_at);
		add_loc(w, urls, article_loc(w, &u[i]), changed);
		page_touch(resp, changed);
	}
	return page_feed_render(w, resp, "sitemap_urls", ctx, XML_TYPE);
}

/* Sets "image" in o to the absolute URL of the picture p as a search
 * engine should index it (the 1200x630 sharing crop, or a legacy upload
 * as stored); false when there is none. */
static void
image(struct worker *w, struct tobj *o, const struct photo *p)
{
	int iw, ih;
	const char *u = page_picture_crop(&w->arena, p, PICTURE_SHARE,
					  PICTURE_JPEG, &iw, &ih);
	if (!u && page_picture_has(p))
		u = page_picture_jpeg(&w->arena, p, 0, &iw, &ih);
	if (u)
		tobj_str(o, "image", page_feed_url(w, u));
	else
		tobj_bool(o, "image", false);
}

enum werr
page_sitemap_news(struct worker *w, struct req *req, struct resp *resp)
{
	struct feed_url *u;
	size_t n;
	enum werr e = db_feed_news(w->db, &w->arena, req->now, NEWS_MAX, &u,
				   &n);
	if (e != W_OK)
		return e;
	struct tobj *ctx = page_feed_ctx(w);
	if (!ctx)
		return W_NOMEM;
	struct tlist *urls = tobj_list(ctx, "urls");
	for (size_t i = 0; i < n; i++) {
		struct tobj *it = tlist_add(urls);
		tobj_str(it, "loc", article_loc(w, &u[i]));
		tobj_str(it, "title", u[i].title);
		tobj_str(it, "published", page_date_iso(w, u[i].published_at));
		image(w, it, &u[i].photo);
		page_touch(resp, db_feed_changed(u[i].published_at,
						 u[i].updated_at));
	}
	return page_feed_render(w, resp, "sitemap_news", ctx, XML_TYPE);
}

enum werr
page_robots(struct worker *w, struct req *req, struct resp *resp)
{
	struct tobj *ctx = page_feed_ctx(w);
	if (!ctx)
		return W_NOMEM;
	return page_feed_render(w, resp, "robots", ctx,
				"text/plain; charset=utf-8");
}
