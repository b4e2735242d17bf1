/* page_article.c - one article at /YYYY/MM/DD/slug: byline, dateline,
 * body with BACA JUGA boxes, sign-off, tags and related stories. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "db_admin_article.h"
#include "db_article.h"
#include "jsonld.h"
#include "markdown.h"
#include "page.h"
#include "page_foto.h"
#include "page_live.h"
#include "page_picture.h"
#include "page_results.h"
#include "cache.h"
#include "listcache.h"

#define RELATED_MAX 5
/* The lead picture spans the article column, 44rem (static/warta.css). */
#define LEAD_SIZES "(min-width: 46em) 44rem, 100vw"
#define RAIL_MAX 5 /* stories in each block of the side column */

/* True when s is exactly n ASCII digits. */
static bool
digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return s[n] == '\0';
}

/* Renders the BACA JUGA box for a into the arena. */
static const char *
box(struct worker *w, const struct article *a)
{
	struct tobj *ctx = tobj_new(&w->arena);
	if (!ctx)
		return NULL;
	tobj_str(ctx, "title", a->title);
	tobj_str(ctx, "url", page_article_path(w, a));
	page_thumb(w, ctx, &a->photo);
	struct buf b;
	buf_init(&b);
	const char *html = NULL;
	if (page_partial(w, "_baca_juga", ctx, &b) == W_OK)
		html = arena_strndup(&w->arena, buf_cstr(&b), b.len);
	buf_fini(&b);
	return html;
}

enum werr
page_marker_boxes(struct worker *w, const struct req *req,
		  const char *body_html, int64_t self,
		  struct baca_juga out[PAGE_BOXES_MAX], size_t *n)
{
	char slugs[PAGE_BOXES_MAX][MARKDOWN_SLUG_MAX];
	size_t nslugs = markdown_markers(body_html, slugs, PAGE_BOXES_MAX);
	*n = 0;
	for (size_t i = 0; i < nslugs; i++) {
		struct article r;
		enum werr e = db_article_public_by_slug(
			w->db, &w->arena, slugs[i], req->now, &r);
		if (e == W_NOTFOUND || (e == W_OK && r.id == self))
			continue;
		if (e != W_OK)
			return e;
		out[*n].slug = arena_strdup(&w->arena, slugs[i]);
		out[*n].html = box(w, &r);
		if (!out[*n].slug || !out[*n].html)
			return W_NOMEM;
		(*n)++;
	}
	return W_OK;
}

/* The body with its boxes in place: manual [[baca-juga:slug]] markers, or
 * else the first related articles after the 3rd and 8th paragraphs. */
static enum werr
body_html(struct worker *w, const struct req *req, const struct article *a,
	  const struct article_list *related, const char *dateline,
	  const char **out)
{
	struct baca_juga manual[PAGE_BOXES_MAX], autob[2];
	size_t nmanual, nauto = 0;
	enum werr e = page_marker_boxes(w, req, a->body_html, a->id, manual,
					&nmanual);
	if (e != W_OK)
		return e;
	for (size_t i = 0; i < related->n && nauto < 2; i++) {
		autob[nauto].slug = related->items[i].slug;
		autob[nauto].html = box(w, &related->items[i]);
		if (!autob[nauto].html)
			return W_NOMEM;
		nauto++;
	}

	/* The dateline opens the first paragraph, as in print. */
	struct buf b;
	buf_init(&b);
	const char *html = a->body_html;
	if (dateline && strncmp(html, "<p>", 3) == 0) {
		struct tobj *ctx = tobj_new(&w->arena);
		if (!ctx) {
			e = W_NOMEM;
			goto out;
		}
		tobj_str(ctx, "dateline", dateline);
		buf_puts(&b, "<p>");
		e = page_partial(w, "_dateline", ctx, &b);
		if (e != W_OK)
			goto out;
		html += 3;
	}
	e = markdown_place(html, manual, nmanual, autob, nauto, &b);
	if (e == W_OK) {
		*out = arena_strndup(&w->arena, buf_cstr(&b), b.len);
		if (!*out)
			e = W_NOMEM;
	}
out:
	buf_fini(&b);
	return e;
}

/* "TANGERANG, WARTA –": the dateline city and the site name in capitals
 * (ASCII letters; other bytes as written), then an en dash. */
static const char *
dateline(struct worker *w, const struct article *a)
{
	if (!a->dateline[0])
		return NULL;
	char *s = arena_printf(&w->arena, "%s, %s \xE2\x80\x93", a->dateline,
			       w->site.name);
	for (char *p = s; p && *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return s;
}

/* The sharing head of an article (layout.html): OpenGraph and Twitter
 * tags, and the NewsArticle JSON-LD with x's image and public
 * corrections. url is the absolute canonical URL. */
static enum werr
share(struct worker *w, struct tobj *ctx, const struct article *a,
      const char *url, const struct article_extras *x,
      const struct jsonld_live *live)
{
	const char *image = NULL;
	const char *crops[3];
	size_t ncrops = 0;
	int iw, ih;
	/* The picture the page's figure shows (x's: the admin's preview
	 * has only that one), else the story's own. */
	const struct photo *ph = x->photo.id ? &x->photo : &a->photo;
	const char *shared = page_picture_crop(&w->arena, ph, PICTURE_SHARE,
					       PICTURE_JPEG, &iw, &ih);
	if (shared) {
		/* The 1200x630 crop, under the size WhatsApp and Facebook
		 * show as a large preview; JSON-LD gets the three shapes
		 * Google asks for. */
		image = arena_printf(&w->arena, "%s%s", w->site.base_url,
				     shared);
		static const enum picture_crop ld[] = {
			PICTURE_WIDE, PICTURE_STD, PICTURE_SQUARE};
		for (size_t i = 0; i < sizeof ld / sizeof ld[0]; i++) {
			int cw, ch;
			const char *u = page_picture_crop(&w->arena, ph, ld[i],
							  PICTURE_JPEG, &cw,
							  &ch);
			crops[ncrops] = u ? arena_printf(&w->arena, "%s%s",
							 w->site.base_url, u)
					  : NULL;
			if (!crops[ncrops++])
				return W_NOMEM;
		}
		tobj_int(ctx, "og_image_width", iw);
		tobj_int(ctx, "og_image_height", ih);
		tobj_str(ctx, "og_image_alt", ph->alt);
	} else if (x->image_name && x->image_name[0]) {
		/* A legacy upload, as stored: its size is not known. */
		image = arena_printf(&w->arena, "%s/media/%s",
				     w->site.base_url, x->image_name);
		tobj_str(ctx, "og_image_width", NULL);
		tobj_str(ctx, "og_image_height", NULL);
	}
	if (shared || (x->image_name && x->image_name[0])) {
		if (!image)
			return W_NOMEM;
		tobj_str(ctx, "og_image", image);
		tobj_str(ctx, "twitter_card", "summary_large_image");
	}
	tobj_str(ctx, "og_type", "article");
	tobj_str(ctx, "og_published", page_date_iso(w, a->published_at));
	tobj_str(ctx, "og_modified",
		 page_date_iso(w, a->updated_at > a->published_at
				      ? a->updated_at
				      : a->published_at));
	tobj_str(ctx, "og_section", a->section.name);
	struct tlist *tags = tobj_list(ctx, "og_tags");
	for (size_t i = 0; i < a->ntags; i++)
		tlist_str(tags, a->tags[i].name);

	struct jsonld_correction *c = NULL;
	if (x->ncorrections) {
		c = arena_alloc(&w->arena, x->ncorrections * sizeof *c);
		if (!c)
			return W_NOMEM;
		for (size_t i = 0; i < x->ncorrections; i++)
			c[i] = (struct jsonld_correction){
				x->corrections[i].body,
				x->corrections[i].created_at};
	}
	struct jsonld_article in = {
		.a = a,
		.url = url,
		.image = image,
		.images = crops,
		.nimages = ncrops,
		.corrections = c,
		.ncorrections = x->ncorrections,
		.live = live,
	};
	struct buf b;
	buf_init(&b);
	enum werr e = jsonld_news_article(&w->site, &in, &b);
	if (e == W_OK) {
		/* Built by jsonld.c with every string escaped for a
		 * <script> element: the one HTML value here not from
		 * cmark. */
		const char *json = arena_strndup(&w->arena, buf_cstr(&b),
						 b.len);
		if (json)
			tobj_html(ctx, "jsonld", json);
		else
			e = W_NOMEM;
	}
	buf_fini(&b);
	return e;
}

/* Moves the items of l that are not article self and not in seen[0..nseen)
 * to its front, keeping at most max of them. */
static void
keep_others(struct article_list *l, int64_t self,
	    const struct article_list *seen, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < l->n && n < max; i++) {
		bool dup = l->items[i].id == self;
		for (size_t j = 0; seen && j < seen->n && !dup; j++)
			dup = seen->items[j].id == l->items[i].id;
		if (!dup)
			l->items[n++] = l->items[i];
	}
	l->n = n;
}

/* Copies list l's items (not their strings, which stay where they are)
 * into the request's arena, to be trimmed for one story. */
static enum werr
list_copy(struct worker *w, const struct article_list *l,
	  struct article_list *out)
{
	*out = *l;
	if (l->n == 0)
		return W_OK;
	out->items = arena_alloc(&w->arena, l->n * sizeof *l->items);
	if (!out->items)
		return W_NOMEM;
	memcpy(out->items, l->items, l->n * sizeof *l->items);
	return W_OK;
}

/* Reads list kind for story a into arena. */
static enum werr
read_list(struct worker *w, struct arena *arena, enum listcache_kind kind,
	  const struct article *a, int64_t now, struct article_list *out)
{
	switch (kind) {
	case LISTCACHE_LATEST:
		return db_articles_latest(w->db, arena, now, NULL,
					  RAIL_MAX + 1, out);
	case LISTCACHE_SECTION:
		return db_articles_by_section(w->db, arena, a->section.id, now,
					      NULL, 2 * RAIL_MAX + 1, out);
	case LISTCACHE_RELATED:
		return db_articles_related(w->db, arena, a, now, RELATED_MAX,
					   out);
	}
	return W_INVAL;
}

/* List kind for story a, from the worker's list cache when the site has
 * not changed since it was read (listcache.h), else read and kept. The
 * items are the request's own copy: trim them at will. */
static enum werr
story_list(struct worker *w, const struct req *req, enum listcache_kind kind,
	   const struct article *a, struct article_list *out)
{
	int64_t stamp, key = kind == LISTCACHE_LATEST	 ? 0
			     : kind == LISTCACHE_SECTION ? a->section.id
							 : a->id;
	struct listcache *lc = NULL;
	if (cache_site_stamp(w, req, &stamp) == W_OK)
		lc = listcache_at(&w->lists, stamp, req->now);
	const struct article_list *kept = listcache_get(lc, kind, key);
	if (kept)
		return list_copy(w, kept, out);
	struct arena *arena = listcache_arena(lc);
	struct article_list l;
	enum werr e = read_list(w, arena ? arena : &w->arena, kind, a,
				req->now, &l);
	if (e != W_OK)
		return e;
	if (arena)
		listcache_put(lc, kind, key, &l);
	return list_copy(w, &l, out);
}

/* The side column (beside the story on a wide screen, below it on a
 * phone): the newest stories, then the newest of the story's section not
 * already in the first block; never the story itself. Two reads of the
 * listing indexes (articles_live, articles_live_section) of a dozen rows
 * at most, whatever the size of the archive, and most of the time not
 * even those (story_list()). */
static enum werr
rail(struct worker *w, const struct req *req, struct resp *resp,
     struct tobj *ctx, const struct article *a)
{
	struct article_list latest, section;
	enum werr e = story_list(w, req, LISTCACHE_LATEST, a, &latest);
	if (e == W_OK)
		e = story_list(w, req, LISTCACHE_SECTION, a, &section);
	if (e != W_OK)
		return e;
	keep_others(&latest, a->id, NULL, RAIL_MAX);
	keep_others(&section, a->id, &latest, RAIL_MAX);

	page_touch(resp, page_cards(w, ctx, "rail_latest", &latest));
	page_touch(resp, page_cards(w, ctx, "rail_section", &section));
	tobj_bool(ctx, "has_rail_latest", latest.n > 0);
	tobj_bool(ctx, "has_rail_section", section.n > 0);
	return W_OK;
}

static enum werr
gone(struct worker *w, struct req *req, struct resp *resp,
     const struct article *a)
{
	struct tobj *ctx = page_ctx(w, req, a->title);
	if (!ctx)
		return W_NOMEM;
	tobj_str(ctx, "article_title", a->title);
	tobj_str(ctx, "published", page_date_long(w, a->published_at));
	tobj_str(ctx, "reason", a->unpublish_reason);
	tobj_bool(ctx, "noindex", true);
	return page_render(w, resp, 410, "gone", ctx);
}

enum werr
page_article(struct worker *w, struct req *req, struct resp *resp)
{
	const char *y = req_param(req, "y"), *m = req_param(req, "m"),
		   *d = req_param(req, "d"), *slug = req_param(req, "slug");
	if (!digits(y, 4) || !digits(m, 2) || !digits(d, 2))
		return W_NOTFOUND;

	struct article a;
	enum werr e = db_article_by_slug(w->db, &w->arena, slug, &a);
	if (e != W_OK)
		return e;
	if (a.status == ST_UNPUBLISHED)
		return gone(w, req, resp, &a);
	if (!article_is_public(&a, req->now))
		return W_NOTFOUND;

	const char *path = page_article_path(w, &a);
	if (!path)
		return W_NOMEM;
	if (strcmp(path, req->path) != 0) {
		resp->status = 301;
		resp_header(resp, "Location", path);
		resp->content_type = "text/plain; charset=utf-8";
		buf_printf(&resp->body, "Moved to %s\n", path);
		return buf_err(&resp->body);
	}

	struct article_list related;
	e = story_list(w, req, LISTCACHE_RELATED, &a, &related);
	if (e != W_OK)
		return e;
	/* The image and the public corrections. */
	struct article_extras x;
	e = db_admin_article_extras(w->db, &w->arena, a.id, &x);
	if (e != W_OK)
		return e;
	return page_article_render(w, req, resp, &a, &related, &x, false);
}

enum werr
page_article_render(struct worker *w, const struct req *req,
		    struct resp *resp, const struct article *ap,
		    const struct article_list *related,
		    const struct article_extras *xp, bool preview)
{
	struct article a = *ap;
	struct article_extras x = *xp;
	const char *path = page_article_path(w, &a);
	if (!path)
		return W_NOMEM;
	const char *body;
	enum werr e = body_html(w, req, &a, related, dateline(w, &a), &body);
	/* Results boxes hold the numbers of this moment (page_results.c). */
	int64_t results_changed = 0;
	if (e == W_OK)
		e = page_results_expand(w, body, &body, &results_changed);
	/* Inline pictures, [[foto:ID]], with their caption of now. */
	int64_t fotos_changed = 0;
	if (e == W_OK)
		e = page_fotos_expand(w, body, &body, &fotos_changed);
	if (e != W_OK)
		return e;
	page_touch(resp, results_changed);
	page_touch(resp, fotos_changed);
	page_touch(resp, x.photo_updated_at);

	struct tobj *ctx = page_ctx(w, req, a.title);
	if (!ctx)
		return W_NOMEM;
	struct tobj *o = tobj_obj(ctx, "article");
	page_card(w, o, &a);
	tobj_html(o, "body", body);
	tobj_str(ctx, "description", a.lead);
	const char *canonical =
		arena_printf(&w->arena, "%s%s", w->site.base_url, path);
	tobj_str(ctx, "canonical", canonical);
	/* A live blog's updates (its preview too: the page as readers see
	 * it). */
	struct jsonld_live live;
	bool is_live = false;
	e = page_live_article(w, req, resp, o, &a, canonical, &live, &is_live);
	if (e == W_OK)
		e = share(w, ctx, &a, canonical, &x, is_live ? &live : NULL);
	if (e != W_OK)
		return e;
	if (preview) {
		/* Staff only: never indexed, never cached (the admin route
		 * is no-store), and plainly marked. */
		tobj_bool(ctx, "noindex", true);
		tobj_bool(ctx, "preview", true);
	}
	if (x.image_name[0]) {
		/* The lead picture: the first thing the reader sees, so
		 * fetched first (page_picture.c). */
		struct tobj *img = tobj_obj(o, "image");
		if (!page_picture(&w->arena, img, &x.photo, LEAD_SIZES,
				  PAGE_PICTURE_LEAD))
			tobj_str(img, "legacy_url",
				 arena_printf(&w->arena, "/media/%s",
					      x.image_name));
		tobj_str(img, "caption", x.photo.caption);
		tobj_str(img, "credit", x.photo.credit);
	}
	/* "Penulis: ... | Editor: ...": who published it. */
	tobj_str(o, "editor", x.editor_name);
	tobj_bool(o, "has_corrections", x.ncorrections > 0);
	struct tlist *fixes = tobj_list(o, "corrections");
	for (size_t i = 0; i < x.ncorrections; i++) {
		struct tobj *c = tlist_add(fixes);
		tobj_str(c, "body", x.corrections[i].body);
		tobj_str(c, "date",
			 page_date_short(w, x.corrections[i].created_at));
		tobj_str(c, "datetime",
			 page_date_iso(w, x.corrections[i].created_at));
	}
	if (a.updated_at > a.published_at + 60)
		tobj_str(o, "updated", page_date_short(w, a.updated_at));

	/* The sign-off: every author's initials, "(Ars/Dny)". */
	struct buf so;
	buf_init(&so);
	for (size_t i = 0; i < a.nauthors; i++) {
		if (i)
			buf_putc(&so, '/');
		buf_puts(&so, a.authors[i].initials);
	}
	if (so.len)
		tobj_str(o, "signoff", arena_strdup(&w->arena, buf_cstr(&so)));
	buf_fini(&so);

	tobj_bool(o, "has_tags", a.ntags > 0);
	struct tlist *tags = tobj_list(o, "tags");
	for (size_t i = 0; i < a.ntags; i++) {
		struct tobj *t = tlist_add(tags);
		tobj_str(t, "name", a.tags[i].name);
		tobj_str(t, "url", arena_printf(&w->arena, "/tag/%s",
						a.tags[i].slug));
	}
	tobj_bool(ctx, "has_related", related->n > 0);
	page_touch(resp, a.updated_at);
	page_touch(resp, page_cards(w, ctx, "related", related));
	e = rail(w, req, resp, ctx, &a);
	if (e != W_OK)
		return e;
	e = page_render(w, resp, 200, "article", ctx);
	if (preview)
		resp->cacheable = false;
	return e;
}
