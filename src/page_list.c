/* page_list.c - the listings of one section, tag or author, newest first,
 * paged by keyset. */
#include "db_article.h"
#include "db_taxonomy.h"
#include "page.h"
#include "page_feed.h"

#define LIST_PAGE 15

/* Renders a listing page once its articles are loaded. */
static enum werr
listing(struct worker *w, struct req *req, struct resp *resp,
	const char *kind, const char *heading, const char *description,
	const char *base, const struct cursor *before,
	const struct article_list *l)
{
	if (before->time && l->n == 0)
		return W_NOTFOUND;
	struct tobj *ctx = page_ctx(w, req, heading);
	if (!ctx)
		return W_NOMEM;
	tobj_str(ctx, "kind", kind);
	tobj_str(ctx, "heading", heading);
	tobj_str(ctx, "description", description);
	tobj_bool(ctx, "first", before->time == 0);
	tobj_str(ctx, "base", base);
	tobj_bool(ctx, "has_articles", l->n > 0);
	page_touch(resp, page_cards(w, ctx, "articles", l));
	page_older(w, ctx, base, l);
	page_listing_head(w, ctx, base, before);
	if (before->time)
		tobj_str(ctx, "newest", base);
	page_feed_links(w, ctx, base, heading);
	return page_render(w, resp, 200, "list", ctx);
}

enum werr
page_section(struct worker *w, struct req *req, struct resp *resp)
{
	struct cursor before;
	struct section s;
	struct article_list l;
	enum werr e = page_cursor(req, &before);
	if (e == W_OK)
		e = db_section_by_slug(w->db, &w->arena, req_param(req, "slug"),
				       &s);
	if (e == W_OK)
		e = db_articles_by_section(w->db, &w->arena, s.id, req->now,
					   &before, LIST_PAGE, &l);
	if (e != W_OK)
		return e;
	return listing(w, req, resp, "Kanal", s.name, s.description,
		       arena_printf(&w->arena, "/kanal/%s", s.slug), &before,
		       &l);
}

enum werr
page_tag(struct worker *w, struct req *req, struct resp *resp)
{
	struct cursor before;
	struct tag t;
	struct article_list l;
	enum werr e = page_cursor(req, &before);
	if (e == W_OK)
		e = db_tag_by_slug(w->db, &w->arena, req_param(req, "slug"),
				   &t);
	if (e == W_OK)
		e = db_articles_by_tag(w->db, &w->arena, t.id, req->now,
				       &before, LIST_PAGE, &l);
	/* An empty page asks whether the tag is public at all; a full one
	 * answers it. */
	if (e == W_OK && l.n == 0)
		e = db_tag_public(w->db, t.id, req->now);
	if (e != W_OK)
		return e;
	return listing(w, req, resp, "Tag", t.name, t.description,
		       arena_printf(&w->arena, "/tag/%s", t.slug), &before,
		       &l);
}

enum werr
page_author(struct worker *w, struct req *req, struct resp *resp)
{
	struct cursor before;
	struct author au;
	struct article_list l;
	enum werr e = page_cursor(req, &before);
	if (e == W_OK)
		e = db_author_by_slug(w->db, &w->arena, req_param(req, "slug"),
				      &au);
	if (e == W_OK)
		e = db_articles_by_author(w->db, &w->arena, au.id, req->now,
					  &before, LIST_PAGE, &l);
	if (e == W_OK && l.n == 0)
		e = db_author_public(w->db, au.id, req->now);
	if (e != W_OK)
		return e;
	return listing(w, req, resp, "Penulis", au.name, au.bio,
		       arena_printf(&w->arena, "/penulis/%s", au.slug),
		       &before, &l);
}
