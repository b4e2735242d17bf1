/* page_feed.h - what machines read: RSS 2.0 and Atom feeds of the site and
 * of each section, tag and author; the sitemaps; robots.txt.
 *
 * Every handler answers GET and HEAD with a cacheable 200 rendered from a
 * template outside the site layout, or W_NOTFOUND. Absolute URLs are built
 * from the site's base_url. */
#ifndef WARTA_PAGE_FEED_H
#define WARTA_PAGE_FEED_H

#include "app.h"
#include "db_feed.h"
#include "tpl.h"

/* GET /feed.xml and /atom.xml, and the same under /kanal/:slug/,
 * /tag/:slug/ and /penulis/:slug/: the latest FEED_MAX public articles of
 * the site, a section, a tag or an author, whole, as RSS 2.0 (feed.xml,
 * application/rss+xml) or Atom (atom.xml, application/atom+xml), as the
 * path says; W_NOTFOUND for an unknown slug. */
enum werr page_feed(struct worker *w, struct req *req,
		    struct resp *resp) WUNUSED;

/* GET /sitemap.xml: the sitemap index, listing /sitemap-pages.xml and one
 * /sitemap-YYYY-MM.xml per month with public articles, each with the time
 * it last changed; a month of more than SITEMAP_PART articles as its parts
 * /sitemap-YYYY-MM-P.xml (P from 1), the page list of more than
 * SITEMAP_PART URLs as /sitemap-pages-P.xml. */
enum werr page_sitemap_index(struct worker *w, struct req *req,
			     struct resp *resp) WUNUSED;

/* GET /sitemap-pages.xml: the home page and every section, tag and author
 * page that lists a public article; a 301 to /sitemap-pages-1.xml when the
 * list is split into parts. */
enum werr page_sitemap_pages(struct worker *w, struct req *req,
			     struct resp *resp) WUNUSED;

/* GET /:file, the last route of the table (the router matches whole
 * segments only): "sitemap-YYYY-MM.xml" lists the public articles
 * published in that month of the site's zone, or answers a 301 to
 * "sitemap-YYYY-MM-1.xml" when they are more than SITEMAP_PART;
 * "sitemap-YYYY-MM-P.xml" is the P-th SITEMAP_PART of such a month, newest
 * first; "sitemap-pages-P.xml" the P-th part of the page list. W_NOTFOUND
 * for any other name, a month without articles and a part that is not
 * listed in the index. */
enum werr page_sitemap_month(struct worker *w, struct req *req,
			     struct resp *resp) WUNUSED;

/* GET /sitemap-news.xml: Google News sitemap of the articles published in
 * the last 48 hours, at most NEWS_MAX. */
enum werr page_sitemap_news(struct worker *w, struct req *req,
			    struct resp *resp) WUNUSED;

/* GET /robots.txt: keeps crawlers out of /admin and names both sitemaps. */
enum werr page_robots(struct worker *w, struct req *req, struct resp *resp)
	WUNUSED;

/* Sets feed_rss and feed_atom in ctx to the absolute URLs of the feeds of
 * the listing at path ("" for the whole site, "/kanal/slug", ...) and
 * feed_title to name (NULL for the site's own), which layout.html turns
 * into <link rel="alternate"> elements. Strings go in the worker's arena;
 * a failure is remembered by ctx (tobj_err). */
void page_feed_links(struct worker *w, struct tobj *ctx, const char *path,
		     const char *name);

/* Renders template name with ctx into resp->body outside the layout as a
 * cacheable 200 of content_type (a static string). Characters that XML 1.0
 * forbids (C0 controls but tab and newlines, U+FFFE, U+FFFF) are dropped
 * and invalid UTF-8 becomes U+FFFD, so that text stored by any means
 * cannot make the document ill-formed. */
enum werr page_feed_render(struct worker *w, struct resp *resp,
			   const char *name, struct tobj *ctx,
			   const char *content_type) WUNUSED;

/* A new context for a feed, sitemap or robots.txt template, holding
 * "site" (page_site); NULL when out of memory. */
struct tobj *page_feed_ctx(struct worker *w);

/* Where the listings of a scope live: "" for the whole site, "/kanal/",
 * "/tag/", "/penulis/" (followed by the slug). Static storage. */
const char *page_feed_scope_path(enum feed_scope kind);

/* base_url followed by path, in the worker's arena (NULL when out of
 * memory). */
const char *page_feed_url(struct worker *w, const char *path);

#endif
