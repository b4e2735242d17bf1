/* page_home.c - the front page: the featured headline, the latest articles
 * and a block per section; older pages by keyset. */
#include "db_article.h"
#include "db_taxonomy.h"
#include "page.h"
#include "page_feed.h"
#include "page_live.h"
#include "page_picture.h"

#define HOME_LATEST 12
#define HOME_PER_SECTION 4
/* The headline's picture: half the page beside its title on a wide screen
 * (static/warta.css), the width of a phone's screen above it. */
#define HEADLINE_SIZES                                                       \
	"(min-width: 72rem) 38rem, (min-width: 40rem) 55vw, 100vw"

enum werr
page_home(struct worker *w, struct req *req, struct resp *resp)
{
	struct cursor before;
	enum werr e = page_cursor(req, &before);
	if (e != W_OK)
		return e;
	bool first = before.time == 0;
	struct tobj *ctx = page_ctx(w, req, first ? NULL : "Berita terbaru");
	if (!ctx)
		return W_NOMEM;
	tobj_bool(ctx, "home", true);
	tobj_str(ctx, "description", w->site.tagline);
	page_listing_head(w, ctx, "/", &before);

	struct article featured = {0};
	if (first) {
		e = db_article_featured(w->db, &w->arena, req->now, &featured);
		if (e == W_OK) {
			struct tobj *o = tobj_obj(ctx, "featured");
			page_card(w, o, &featured);
			/* The first thing a reader sees: fetched first. */
			if (!page_picture(&w->arena, tobj_obj(o, "picture"),
					  &featured.photo, HEADLINE_SIZES,
					  PAGE_PICTURE_LEAD))
				tobj_bool(o, "picture", false);
			page_touch(resp, featured.updated_at);
		}
		else if (e != W_NOTFOUND)
			return e;
	}

	/* One more than shown, so that skipping the featured article on the
	 * first page still fills the list. */
	struct article_list latest;
	e = db_articles_latest(w->db, &w->arena, req->now, &before,
			       HOME_LATEST + 1, &latest);
	if (e != W_OK)
		return e;
	if (before.time && latest.n == 0)
		return W_NOTFOUND;
	struct tlist *list = tobj_list(ctx, "latest");
	size_t shown = 0, i;
	for (i = 0; i < latest.n && shown < HOME_LATEST; i++) {
		if (latest.items[i].id == featured.id)
			continue;
		page_card(w, tlist_add(list), &latest.items[i]);
		page_touch(resp, latest.items[i].updated_at);
		shown++;
		latest.next = (struct cursor){latest.items[i].published_at,
					      latest.items[i].id};
	}
	/* Older pages exist when a fetched row other than the featured one
	 * was left over, or when the database had rows beyond those fetched
	 * (then at least HOME_LATEST + 1 non-featured rows remained). */
	for (; i < latest.n; i++)
		if (latest.items[i].id != featured.id)
			latest.more = true;
	page_older(w, ctx, "/", &latest);

	if (first) {
		e = page_live_home(w, req, resp, ctx);
		if (e != W_OK)
			return e;
		struct section *secs;
		size_t n;
		e = db_sections_all(w->db, &w->arena, &secs, &n);
		if (e != W_OK)
			return e;
		struct tlist *blocks = tobj_list(ctx, "sections");
		for (size_t k = 0; k < n; k++) {
			struct article_list l;
			e = db_articles_by_section(w->db, &w->arena,
						   secs[k].id, req->now, NULL,
						   HOME_PER_SECTION, &l);
			if (e != W_OK)
				return e;
			if (l.n == 0)
				continue;
			struct tobj *b = tlist_add(blocks);
			tobj_str(b, "name", secs[k].name);
			tobj_str(b, "url", arena_printf(&w->arena,
							"/kanal/%s",
							secs[k].slug));
			page_touch(resp, page_cards(w, b, "articles", &l));
		}
	}
	page_feed_links(w, ctx, "", NULL);
	return page_render(w, resp, 200, "home", ctx);
}
