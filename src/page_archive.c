/* page_archive.c - the archive: months with their counts at /arsip, the
 * days of a month, and one day's articles, all in the site's zone. */
#include <ctype.h>
#include <string.h>

#include "datefmt.h"
#include "db_archive.h"
#include "page.h"
#include "page_archive.h"

#define DAY_PAGE 30

/* s as exactly n ASCII digits, into *v; false otherwise. */
static bool
number(const char *s, size_t n, int *v)
{
	*v = 0;
	if (!s || strlen(s) != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

/* Noon of a local date: safely inside the day whatever the zone. */
static int64_t
noon(struct worker *w, int year, int month, int day)
{
	return datefmt_from_local(year, month, day, 12, 0, w->site.tz_offset);
}

/* "November 2024": the long date of the month's first day without its
 * weekday and day, a shape datefmt.h fixes ("Jumat, 1 November 2024"), so
 * that the month names stay datefmt's alone. */
static const char *
month_label(struct worker *w, int year, int month)
{
	const char *s = page_date_long(w, noon(w, year, month, 1));
	const char *p = s ? strchr(s, ' ') : NULL;
	p = p ? strchr(p + 1, ' ') : NULL;
	return p ? p + 1 : s;
}

/* "Kamis, 21 November 2024". */
static const char *
day_label(struct worker *w, int year, int month, int day)
{
	return page_date_long(w, noon(w, year, month, day));
}

/* Fills the common parts of an archive page. */
static struct tobj *
archive_ctx(struct worker *w, const struct req *req, const char *heading,
	    const char *up, const char *up_label)
{
	struct tobj *ctx = page_ctx(w, req, heading);
	if (!ctx)
		return NULL;
	tobj_str(ctx, "heading", heading);
	tobj_str(ctx, "up", up);
	tobj_str(ctx, "up_label", up_label);
	tobj_str(ctx, "canonical", arena_printf(&w->arena, "%s%s",
						w->site.base_url, req->path));
	return ctx;
}

enum werr
page_archive(struct worker *w, struct req *req, struct resp *resp)
{
	struct archive_count *c;
	size_t n;
	enum werr e = db_archive_months(w->db, &w->arena, w->site.tz_offset,
					req->now, &c, &n);
	if (e != W_OK)
		return e;
	struct tobj *ctx = archive_ctx(w, req, "Arsip berita", NULL, NULL);
	if (!ctx)
		return W_NOMEM;
	tobj_bool(ctx, "has_periods", n > 0);
	struct tlist *l = tobj_list(ctx, "periods");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_add(l);
		tobj_str(o, "label", month_label(w, c[i].year, c[i].month));
		tobj_str(o, "url", arena_printf(&w->arena, "/arsip/%04d/%02d",
						c[i].year, c[i].month));
		tobj_int(o, "count", c[i].count);
		page_touch(resp, c[i].newest);
	}
	return page_render(w, resp, 200, "archive", ctx);
}

enum werr
page_archive_month(struct worker *w, struct req *req, struct resp *resp)
{
	int y, m;
	if (!number(req_param(req, "y"), 4, &y) ||
	    !number(req_param(req, "m"), 2, &m))
		return W_NOTFOUND;
	struct archive_count *c;
	size_t n;
	enum werr e = db_archive_days(w->db, &w->arena, y, m,
				      w->site.tz_offset, req->now, &c, &n);
	if (e != W_OK)
		return e;
	if (n == 0)
		return W_NOTFOUND;
	const char *label = month_label(w, y, m);
	struct tobj *ctx = archive_ctx(
		w, req, arena_printf(&w->arena, "Arsip %s", label), "/arsip",
		"Semua bulan");
	if (!ctx)
		return W_NOMEM;
	tobj_bool(ctx, "has_periods", n > 0);
	struct tlist *l = tobj_list(ctx, "periods");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_add(l);
		tobj_str(o, "label", day_label(w, y, m, c[i].day));
		tobj_str(o, "url",
			 arena_printf(&w->arena, "/arsip/%04d/%02d/%02d", y, m,
				      c[i].day));
		tobj_int(o, "count", c[i].count);
		page_touch(resp, c[i].newest);
	}
	return page_render(w, resp, 200, "archive", ctx);
}

enum werr
page_archive_day(struct worker *w, struct req *req, struct resp *resp)
{
	int y, m, d;
	if (!number(req_param(req, "y"), 4, &y) ||
	    !number(req_param(req, "m"), 2, &m) ||
	    !number(req_param(req, "d"), 2, &d))
		return W_NOTFOUND;
	struct cursor before;
	enum werr e = page_cursor(req, &before);
	if (e != W_OK)
		return e;
	struct article_list l;
	e = db_archive_day(w->db, &w->arena, y, m, d, w->site.tz_offset,
			   req->now, &before, DAY_PAGE, &l);
	if (e != W_OK)
		return e;
	if (l.n == 0)
		return W_NOTFOUND;

	const char *base = arena_printf(&w->arena, "/arsip/%04d/%02d/%02d", y,
					m, d);
	const char *month = arena_printf(&w->arena, "/arsip/%04d/%02d", y, m);
	struct tobj *ctx = archive_ctx(w, req, day_label(w, y, m, d), month,
				       month_label(w, y, m));
	if (!ctx)
		return W_NOMEM;
	tobj_bool(ctx, "has_articles", l.n > 0);
	page_touch(resp, page_cards(w, ctx, "articles", &l));
	page_older(w, ctx, base, &l);
	page_listing_head(w, ctx, base, &before);
	if (before.time)
		tobj_str(ctx, "newest", base);
	return page_render(w, resp, 200, "archive_day", ctx);
}
