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

/* How many files of at most SITEMAP_PART URLs n URLs take. */
static size_t
parts(size_t n)
{
	return (n + SITEMAP_PART - 1) / SITEMAP_PART;
}

/* A 301 to path (a sitemap of this site): a crawler holding a long
 * month's or the page list's one-file address is sent to its first part. */
static enum werr
moved(struct worker *w, struct resp *resp, const char *path)
{
	const char *loc = path ? page_feed_url(w, path) : NULL;
	if (!loc)
		return W_NOMEM;
	resp->status = 301;
	resp_header(resp, "Location", loc);
	resp->content_type = "text/plain; charset=utf-8";
	buf_printf(&resp->body, "Moved to %s\n", loc);
	return buf_err(&resp->body);
}

/* Adds a sitemap of n URLs to the index: base + ".xml" when it fits one
 * file, else base + "-P.xml" for P = 1..parts(n), all with lastmod. */
static void
add_parts(struct worker *w, struct tlist *maps, const char *base, size_t n,
	  int64_t lastmod)
{
	size_t np = parts(n);
	if (!base)
		return; /* out of memory: the render fails on the same arena */
	for (size_t p = 1; p <= np || p == 1; p++) {
		const char *path =
			np <= 1 ? arena_printf(&w->arena, "%s.xml", base)
				: arena_printf(&w->arena, "%s-%zu.xml", base, p);
		if (path)
			add_loc(w, maps, page_feed_url(w, path), lastmod);
	}
}

enum werr
page_sitemap_index(struct worker *w, struct req *req, struct resp *resp)
{
	struct feed_month *m;
	size_t n, ntax;
	enum werr e = db_feed_months(w->db, &w->arena, req->now,
				     w->site.tz_offset, &m, &n);
	if (e == W_OK)
		e = db_feed_pages_count(w->db, &ntax);
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
	/* The page list: the home page and a row per section, tag and author
	 * (those that list nothing are left out of their part). A month's
	 * parts all take its lastmod: parts go newest first, so a new or
	 * removed story shifts every part of its month. */
	add_parts(w, maps, "/sitemap-pages", 1 + ntax, newest);
	for (size_t i = 0; i < n; i++)
		add_parts(w, maps,
			  arena_printf(&w->arena, "/sitemap-%04d-%02d",
				       m[i].year, m[i].month),
			  m[i].count, m[i].lastmod);
	page_touch(resp, newest);
	return page_feed_render(w, resp, "sitemap_index", ctx, XML_TYPE);
}

/* The page sitemap, or its part-th part (from 1; 0: the one-file
 * address). */
static enum werr
pages_part(struct worker *w, struct req *req, struct resp *resp,
	   size_t part)
{
	size_t ntax;
	enum werr e = db_feed_pages_count(w->db, &ntax);
	if (e != W_OK)
		return e;
	size_t np = parts(1 + ntax);
	if (part == 0 && np > 1)
		return moved(w, resp, "/sitemap-pages-1.xml");
	if (part > 0 && (np <= 1 || part > np))
		return W_NOTFOUND;
	/* The home page is the list's first URL, then the rows. */
	size_t first = part > 1 ? (part - 1) * SITEMAP_PART : 0;
	bool home = first == 0;
	struct feed_page *p;
	size_t n;
	e = db_feed_pages_range(w->db, &w->arena, req->now,
				home ? 0 : first - 1,
				home ? SITEMAP_PART - 1 : SITEMAP_PART, &p, &n);
	if (e != W_OK)
		return e;
	/* A part whose thousand rows all list nothing has no URL, and an
	 * empty urlset is no valid sitemap. */
	if (!home && n == 0)
		return W_NOTFOUND;
	struct tobj *ctx = page_feed_ctx(w);
	if (!ctx)
		return W_NOMEM;
	/* The home page changes with any listing: the sections, all in the
	 * first part, list every story. */
	int64_t newest = 0;
	for (size_t i = 0; i < n; i++)
		if (p[i].lastmod > newest)
			newest = p[i].lastmod;
	struct tlist *urls = tobj_list(ctx, "urls");
	if (home)
		add_loc(w, urls, page_feed_url(w, "/"), newest);
	for (size_t i = 0; i < n; i++)
		add_loc(w, urls, page_path(w, &p[i]), p[i].lastmod);
	page_touch(resp, newest);
	return page_feed_render(w, resp, "sitemap_urls", ctx, XML_TYPE);
}

enum werr
page_sitemap_pages(struct worker *w, struct req *req, struct resp *resp)
{
	return pages_part(w, req, resp, 0);
}

/* Parses exactly n digits at s into *v. */
static bool
digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

/* Parses a part number: 1 to 6 digits without a leading zero (one
 * address per part), so nothing overflows and "01" is no second name of
 * part 1. */
static bool
parse_part(const char *s, size_t *part)
{
	size_t len = strlen(s);
	int v;
	if (len < 1 || len > 6 || s[0] == '0' || !digits(s, (int)len, &v))
		return false;
	*part = (size_t)v;
	return true;
}

/* Parses "YYYY-MM" or "YYYY-MM-P" (four and two digits, P as
 * parse_part() takes it; *part 0 without). */
static bool
parse_month(const char *s, int *year, int *month, size_t *part)
{
	*part = 0;
	if (!s || strlen(s) < 7 || s[4] != '-' || !digits(s, 4, year) ||
	    !digits(s + 5, 2, month))
		return false;
	if (s[7] == '\0')
		return true;
	return s[7] == '-' && parse_part(s + 8, part);
}

/* The month's sitemap, or its part-th part (from 1; 0: the one-file
 * address, a 301 to part 1 for a month past SITEMAP_PART stories). */
static enum werr
month_part(struct worker *w, struct req *req, struct resp *resp, int year,
	   int month, size_t part)
{
	struct feed_url *u;
	size_t n;
	size_t skip = part > 1 ? (part - 1) * SITEMAP_PART : 0;
	/* One more row than a part tells the one-file address and part 1
	 * whether the month is long. */
	size_t want = part > 1 ? SITEMAP_PART : SITEMAP_PART + 1;
	enum werr e = db_feed_month_range(w->db, &w->arena, req->now, year,
					  month, w->site.tz_offset, skip,
					  want, &u, &n);
	if (e != W_OK)
		return e;
	if (n == 0)
		return W_NOTFOUND;
	if (part == 0 && n > SITEMAP_PART)
		return moved(w, resp,
			     arena_printf(&w->arena, "/sitemap-%04d-%02d-1.xml",
					  year, month));
	/* A short month has no parts: its sitemap is the one file. */
	if (part == 1 && n <= SITEMAP_PART)
		return W_NOTFOUND;
	if (n > SITEMAP_PART)
		n = SITEMAP_PART;
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

enum werr
page_sitemap_month(struct worker *w, struct req *req, struct resp *resp)
{
	const char *s = req_param(req, "month");
	int year, month;
	size_t part;
	if (s && strncmp(s, "pages-", 6) == 0)
		return parse_part(s + 6, &part) ? pages_part(w, req, resp, part)
						: W_NOTFOUND;
	if (!parse_month(s, &year, &month, &part))
		return W_NOTFOUND;
	return month_part(w, req, resp, year, month, part);
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
