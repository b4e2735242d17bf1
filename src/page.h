/* page.h - what every page handler shares: the site context, rendering a
 * page inside the layout, article URLs and cards. */
#ifndef WARTA_PAGE_H
#define WARTA_PAGE_H

#include "app.h"
#include "model.h"
#include "tpl.h"

/* Handlers, one family per file (page_*.c). */
enum werr page_home(struct worker *w, struct req *req, struct resp *resp);
enum werr page_article(struct worker *w, struct req *req, struct resp *resp);
enum werr page_section(struct worker *w, struct req *req, struct resp *resp);
enum werr page_tag(struct worker *w, struct req *req, struct resp *resp);
enum werr page_author(struct worker *w, struct req *req, struct resp *resp);
enum werr page_static(struct worker *w, struct req *req, struct resp *resp);

/* A new root context holding the site (name, tagline, base URL, today's
 * date, the section navigation) and the page title; NULL when out of
 * memory. Allocated in the worker's arena. */
struct tobj *page_ctx(struct worker *w, const struct req *req,
		      const char *title);

/* Renders template name with ctx, then the layout around it, into
 * resp->body as text/html with the given status. */
enum werr page_render(struct worker *w, struct resp *resp, int status,
		      const char *name, struct tobj *ctx) WUNUSED;

/* Renders the error page for e (404, 400, ...) in the layout. Never fails:
 * falls back to a plain-text body when even that cannot be rendered. */
void page_error(struct worker *w, const struct req *req, struct resp *resp,
		enum werr e);

/* "/2024/11/21/slug": the canonical path of a public article, dated in the
 * site's time zone; in the worker's arena. */
const char *page_article_path(struct worker *w, const struct article *a);

/* Fills o with what a card in a listing shows: title, url, lead, section,
 * date, authors. */
void page_card(struct worker *w, struct tobj *o, const struct article *a);

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

/* Renders the partial template name with ctx and appends it to out. */
enum werr page_partial(struct worker *w, const char *name, struct tobj *ctx,
		       struct buf *out) WUNUSED;

#endif
