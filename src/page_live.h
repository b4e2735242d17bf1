/* page_live.h - live blogs for readers: the updates on the story's page,
 * the cheap JSON endpoint its script polls, the LIVE labels and the links
 * from the menu and the home page (to open live blogs and, while an
 * election is in the news, to the region pages). */
#ifndef WARTA_PAGE_LIVE_H
#define WARTA_PAGE_LIVE_H

#include "app.h"
#include "jsonld.h"
#include "model.h"
#include "tpl.h"

/* When article a is a live blog: adds "live" to the article's view o (the
 * state, the updates newest first as HTML, the poll URL) and fills *ld
 * for the LiveBlogPosting JSON-LD (url is the story's absolute URL), and
 * returns W_OK with *is_live set. Raises resp's Last-Modified to the
 * blog's last change. */
enum werr page_live_article(struct worker *w, const struct req *req,
			    struct resp *resp, struct tobj *o,
			    const struct article *a, const char *url,
			    struct jsonld_live *ld, bool *is_live) WUNUSED;

/* GET /langsung/:id.json?sejak=VERSION: what changed in live blog :id
 * after that version, as JSON:
 *   {"version":N,"open":true,"ended":"...","more":false,
 *    "updates":[{"id":1,"deleted":false,"html":"<article ...>"}]}
 * ("ended" only once closed: the closing line as HTML). Every reader at
 * the same version asks the same URL, so nginx's micro-cache answers
 * most polls; the answer carries ETag and Last-Modified like every page.
 * 404 unless :id is a public live blog; 400 for a malformed or future
 * version. */
enum werr page_live_poll(struct worker *w, struct req *req, struct resp *resp);

/* Adds the menu's election links to ctx (page_ctx calls it): "live_nav"
 * (the open live blogs: title, url) and "pilkada_nav" (true while a region
 * is in the news), and remembers the open ones for page_live_card(). A
 * failure only loses the links. */
void page_live_nav(struct worker *w, const struct req *req, struct tobj *ctx);

/* Marks card o "live" when article id is an open live blog. */
void page_live_card(struct worker *w, struct tobj *o, int64_t id);

/* The home page's election block: "live_home" (the open, or else the
 * latest, live blog) and "election_regions" (the regions in the news). */
enum werr page_live_home(struct worker *w, const struct req *req,
			 struct resp *resp, struct tobj *ctx) WUNUSED;

#endif
