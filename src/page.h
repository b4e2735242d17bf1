/* page.h - what every page handler shares: the site context, rendering a
 * page inside the layout, article URLs and cards. */
#ifndef WARTA_PAGE_H
#define WARTA_PAGE_H

#include "app.h"
#include "markdown.h"
#include "model.h"
#include "tpl.h"

/* Handlers, one family per file (page_*.c). */
enum werr page_home(struct worker *w, struct req *req, struct resp *resp);
enum werr page_article(struct worker *w, struct req *req, struct resp *resp);

struct article_extras;
/* Renders the reader's page of article a (page_article's whole page:
 * title, lead, picture, byline, dateline, body with its BACA JUGA boxes,
 * corrections, tags, related stories) from what the caller loaded or, for
 * the admin's preview, built from a form. preview marks the page as one
 * (noindex, a banner, no validators). */
enum werr page_article_render(struct worker *w, const struct req *req,
			      struct resp *resp, const struct article *a,
			      const struct article_list *related,
			      const struct article_extras *x,
			      bool preview) WUNUSED;
enum werr page_section(struct worker *w, struct req *req, struct resp *resp);
enum werr page_tag(struct worker *w, struct req *req, struct resp *resp);
enum werr page_author(struct worker *w, struct req *req, struct resp *resp);
enum werr page_static(struct worker *w, struct req *req, struct resp *resp);

/* A new root context holding the site (name, tagline, base URL, today's
 * date, the section navigation) and the page title; NULL when out of
 * memory. Allocated in the worker's arena. */
struct tobj *page_ctx(struct worker *w, const struct req *req,
		      const char *title);

/* Adds the object "site" to ctx: the site's name, tagline, base_url and
 * lang. Returns it (NULL when out of memory, which ctx remembers). */
struct tobj *page_site(struct worker *w, struct tobj *ctx);

/* Renders template name with ctx, then the layout around it, into
 * resp->body as text/html with the given status. */
enum werr page_render(struct worker *w, struct resp *resp, int status,
		      const char *name, struct tobj *ctx) WUNUSED;

/* What page_render does with any layout: renders template name with ctx,
 * sets ctx's "content" to that HTML (escaped by its template) and renders
 * template layout around it into resp->body as text/html with status.
 * Whether the answer may be cached is the caller's to set. */
enum werr page_render_in(struct worker *w, struct resp *resp, int status,
			 const char *layout, const char *name,
			 struct tobj *ctx) WUNUSED;

/* Below a mount point, puts it in front of every root-relative URL of
 * the HTML in resp->body (mount_html()); page_render_in() does this for
 * every page. Uses, and clobbers, the worker's scratch buffer. */
enum werr page_mount(struct worker *w, struct resp *resp) WUNUSED;

/* Renders the error page for e (404, 400, ...) in the layout. Never fails:
 * falls back to a plain-text body when even that cannot be rendered. */
void page_error(struct worker *w, const struct req *req, struct resp *resp,
		enum werr e);

/* "/2024/11/21/slug": the canonical path of a public article, dated in the
 * site's time zone; in the worker's arena. */
const char *page_article_path(struct worker *w, const struct article *a);

/* Fills o with what a card in a listing shows: title, url, lead, section,
 * date, authors, and "thumb" (the _picture fields of its thumbnail,
 * page_picture_thumb(), or false when the story has no picture). */
void page_card(struct worker *w, struct tobj *o, const struct article *a);

/* Sets "thumb" in o: the _picture fields of p's thumbnail, or false when
 * there is no picture to show. */
void page_thumb(struct worker *w, struct tobj *o, const struct photo *p);

/* Adds a list named key of cards for the articles of l; returns the newest
 * updated_at among them (0 for none). */
int64_t page_cards(struct worker *w, struct tobj *ctx, const char *key,
		   const struct article_list *l);

/* Raises resp->last_modified to t (the Last-Modified of a page is the
 * newest change among what built it). */
void page_touch(struct resp *resp, int64_t t);

/* Reads the keyset cursor from the "sebelum" query field ("TIME.ID") into
 * c (zeroed when absent). W_INVAL when present but malformed. */
enum werr page_cursor(const struct req *req, struct cursor *c) WUNUSED;

/* Sets "older" in ctx to base + "?sebelum=TIME.ID" when l has more, and
 * "rel_next" (the <link rel="next"> of the head) to the same made
 * absolute. */
void page_older(struct worker *w, struct tobj *ctx, const char *base,
		const struct article_list *l);

/* The head of one page of a keyset listing at base ("/kanal/x", "/"):
 * "canonical" is this very page (base, plus "?sebelum=TIME.ID" from
 * before on older pages). Older pages also get "rel_prev" pointing to the
 * first page (keyset paging cannot name the page just before) and
 * "older_page", which makes them noindex, follow: the first page is the
 * one to index, the links lead crawlers on to the articles. */
void page_listing_head(struct worker *w, struct tobj *ctx, const char *base,
		       const struct cursor *before);

/* Formats t in the site's zone with datefmt_* into the arena. */
const char *page_date_long(struct worker *w, int64_t t);
const char *page_date_short(struct worker *w, int64_t t);
const char *page_date_iso(struct worker *w, int64_t t);

/* The most [[baca-juga:slug]] boxes one body gets. */
#define PAGE_BOXES_MAX 8

/* The BACA JUGA boxes for the [[baca-juga:slug]] markers of body_html
 * (page_article.c): one per marker, in order, naming a public article
 * other than article self (0: none), drawn with the _baca_juga partial;
 * markers naming nothing public get none, and vanish from the page.
 * Fills out[0..*n), at most PAGE_BOXES_MAX. */
enum werr page_marker_boxes(struct worker *w, const struct req *req,
			    const char *body_html, int64_t self,
			    struct baca_juga out[PAGE_BOXES_MAX],
			    size_t *n) WUNUSED;

/* Answers with the regular file dir/name (never through a symbolic link)
 * as the body, of content_type (static storage) with the Cache-Control
 * header cache_control; W_NOTFOUND when there is no such file. name must
 * already be known to be safe: no "..", no leading '/'. */
enum werr page_send_file(struct worker *w, struct resp *resp,
			 const char *dir, const char *name,
			 const char *content_type,
			 const char *cache_control) WUNUSED;

/* Renders the partial template name with ctx and appends it to out. */
enum werr page_partial(struct worker *w, const char *name, struct tobj *ctx,
		       struct buf *out) WUNUSED;

#endif
