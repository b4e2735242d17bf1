/* page_feed.c - the RSS 2.0 and Atom feeds of the site and of each section,
 * tag and author, and the rendering that feeds and sitemaps share. */
#include <assert.h>
#include <ctype.h>
#include <inttypes.h>
#include <string.h>

#include "datefmt.h"
#include "db_feed.h"
#include "db_taxonomy.h"
#include "markdown.h"
#include "page.h"
#include "page_feed.h"
#include "page_picture.h"
#include "utf8.h"

enum feed_format { FMT_RSS, FMT_ATOM, FMT__MAX };

static const struct {
	const char *file;     /* last segment of the feed's URL */
	const char *tpl;      /* its template */
	const char *mime;
} formats[] = {
	[FMT_RSS] = {"feed.xml", "feed_rss", "application/rss+xml; "
					     "charset=utf-8"},
	[FMT_ATOM] = {"atom.xml", "feed_atom", "application/atom+xml; "
					       "charset=utf-8"},
};
static_assert(sizeof formats / sizeof formats[0] == FMT__MAX,
	      "one entry per feed format");

/* Where each scope's listings live: its feeds are PATH + slug + "/" +
 * file, the site's "/" + file. */
static const char *const scope_paths[] = {
	[FEED_ALL] = "",
	[FEED_SECTION] = "/kanal/",
	[FEED_TAG] = "/tag/",
	[FEED_AUTHOR] = "/penulis/",
};
static_assert(sizeof scope_paths / sizeof scope_paths[0] == FEED__MAX,
	      "one path per feed scope");

/* Entry and feed ids are tag URIs (RFC 4151) under the site's host with a
 * fixed date: unlike a permalink they survive an edited title, a changed
 * slug or a corrected publication date, so readers never show an article
 * twice. */
#define TAG_DATE "2024"

struct tobj *
page_feed_ctx(struct worker *w)
{
	struct tobj *ctx = tobj_new(&w->arena);
	if (ctx)
		page_site(w, ctx);
	return ctx;
}

const char *
page_feed_scope_path(enum feed_scope kind)
{
	return (unsigned)kind < FEED__MAX ? scope_paths[kind] : "";
}

const char *
page_feed_url(struct worker *w, const char *path)
{
	return arena_printf(&w->arena, "%s%s", w->site.base_url, path);
}

/* "Name - Site", or the site's name alone for name NULL. */
static const char *
feed_title(struct worker *w, const char *name)
{
	if (!name)
		return w->site.name;
	return arena_printf(&w->arena, "%s - %s", name, w->site.name);
}

void
page_feed_links(struct worker *w, struct tobj *ctx, const char *path,
		const char *name)
{
	tobj_str(ctx, "feed_rss", arena_printf(&w->arena, "%s%s/%s",
					       w->site.base_url, path,
					       formats[FMT_RSS].file));
	tobj_str(ctx, "feed_atom", arena_printf(&w->arena, "%s%s/%s",
						w->site.base_url, path,
						formats[FMT_ATOM].file));
	tobj_str(ctx, "feed_title", feed_title(w, name));
}

/* Copies s[0..n) into out as XML 1.0 allows it (see page_feed_render). */
static void
xml_clean(const char *s, size_t n, struct buf *out)
{
	static const char replacement[] = "\xef\xbf\xbd";
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0) {
			buf_append(out, replacement, 3);
			i++;
			continue;
		}
		bool ok = cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r';
		if (ok && cp != 0xfffe && cp != 0xffff)
			buf_append(out, s + i, len);
		i += len;
	}
}

/* True when s[0..n) holds nothing xml_clean() would change. */
static bool
xml_clean_already(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0 || cp == 0xfffe || cp == 0xffff ||
		    (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r'))
			return false;
		i += len;
	}
	return true;
}

enum werr
page_feed_render(struct worker *w, struct resp *resp, const char *name,
		 struct tobj *ctx, const char *content_type)
{
	enum werr e = tobj_err(ctx);
	if (e != W_OK)
		return e;
	buf_reset(&resp->body);
	e = tpl_render(w->app->tpl, name, ctx, &resp->body);
	if (e != W_OK)
		return e;
	/* Titles and bodies are validated on their way in, but a feed that
	 * one stray control character breaks would stop every reader. */
	if (!xml_clean_already(resp->body.data, resp->body.len)) {
		buf_reset(&w->scratch);
		xml_clean(resp->body.data, resp->body.len, &w->scratch);
		if ((e = buf_err(&w->scratch)) != W_OK)
			return e;
		buf_reset(&resp->body);
		buf_append(&resp->body, w->scratch.data, w->scratch.len);
		if ((e = buf_err(&resp->body)) != W_OK)
			return e;
	}
	resp->status = 200;
	resp->content_type = content_type;
	resp->cacheable = true;
	return W_OK;
}

/* The "host" of base_url for tag URIs: lower case, without scheme, port
 * or path. */
static const char *
tag_authority(struct worker *w)
{
	const char *s = w->site.base_url;
	const char *p = strstr(s, "://");
	if (p)
		s = p + 3;
	size_t n = strcspn(s, ":/");
	char *host = arena_strndup(&w->arena, s, n);
	if (host)
		for (char *c = host; *c; c++)
			*c = (char)tolower((unsigned char)*c);
	return host;
}

/* Counts the places in html where absolute() inserts the base URL. */
static size_t
relative_links(const char *html)
{
	static const char *const attrs[] = {" href=\"/", " src=\"/"};
	size_t count = 0;
	for (size_t k = 0; k < 2; k++) {
		size_t len = strlen(attrs[k]);
		for (const char *p = strstr(html, attrs[k]); p;
		     p = strstr(p + len, attrs[k]))
			if (p[len] != '/')
				count++;
	}
	return count;
}

/* html with every site-relative href="/..." and src="/..." made absolute
 * (a feed is read far from the site, and RSS has no base URL), into the
 * arena. cmark writes attributes exactly this way and escapes any quote in
 * text, so the patterns only meet real attributes. */
static const char *
absolute(struct worker *w, const char *html)
{
	size_t nbase = strlen(w->site.base_url);
	size_t count = relative_links(html);
	if (count == 0)
		return arena_strdup(&w->arena, html);
	char *out = arena_alloc(&w->arena, strlen(html) + count * nbase + 1);
	if (!out)
		return NULL;
	char *o = out;
	for (const char *p = html; *p;) {
		/* skip: the length of ' href="' or ' src="' when one starts
		 * at p and its value at "/" (but not "//"). */
		size_t skip = 0;
		if (strncmp(p, " href=\"/", 8) == 0)
			skip = 7;
		else if (strncmp(p, " src=\"/", 7) == 0)
			skip = 6;
		if (skip && p[skip + 1] != '/') {
			memcpy(o, p, skip);
			o += skip;
			memcpy(o, w->site.base_url, nbase);
			o += nbase;
			p += skip;
			continue;
		}
		*o++ = *p++;
	}
	*o = '\0';
	return out;
}

/* The widest rendition a feed links to: feed readers show one plain
 * picture across their column. */
#define FEED_PICTURE_WIDTH 1280

/* Sets "media" in o (media:content: the picture's absolute URL, type,
 * size, alt and credit) and fills fig with the fields of the
 * _feed_figure partial, when a has a picture; false when it has none. */
static bool
feed_picture(struct worker *w, struct tobj *o, struct tobj *fig,
	     const struct article *a)
{
	int pw, ph;
	const char *src = page_picture_jpeg(&w->arena, &a->photo,
					    FEED_PICTURE_WIDTH, &pw, &ph);
	if (!src) {
		tobj_bool(o, "media", false);
		return false;
	}
	/* A legacy upload is served as stored, of a type we do not keep. */
	bool rendered = page_picture_plan(&a->photo, NULL);
	struct tobj *m = tobj_obj(o, "media");
	tobj_str(m, "url", page_feed_url(w, src));
	tobj_str(m, "type", rendered ? picture_mime(PICTURE_JPEG) : "");
	tobj_bool(m, "sized", pw > 0);
	tobj_int(m, "width", pw);
	tobj_int(m, "height", ph);
	tobj_str(m, "alt", a->photo.alt);
	tobj_str(m, "credit", a->photo.credit);

	tobj_str(fig, "src", src);
	tobj_bool(fig, "sized", pw > 0);
	tobj_int(fig, "width", pw);
	tobj_int(fig, "height", ph);
	tobj_str(fig, "alt", a->photo.alt);
	tobj_str(fig, "caption", a->photo.caption);
	tobj_str(fig, "credit", a->photo.credit);
	return true;
}

/* The body as a feed carries it: its picture as a <figure> first, without
 * the BACA JUGA markers (boxes are for the site; markdown_place() with no
 * boxes only drops the markers) and with absolute links. */
static const char *
feed_body(struct worker *w, struct tobj *o, const struct article *a)
{
	struct tobj *fig = tobj_new(&w->arena);
	if (!fig)
		return NULL;
	buf_reset(&w->scratch);
	if (feed_picture(w, o, fig, a) &&
	    page_partial(w, "_feed_figure", fig, &w->scratch) != W_OK)
		return NULL;
	if (markdown_place(a->body_html, NULL, 0, NULL, 0, &w->scratch) !=
	    W_OK)
		return NULL;
	return absolute(w, buf_cstr(&w->scratch));
}

static const char *
rfc822(struct worker *w, int64_t t)
{
	char tmp[64];
	datefmt_rfc822(t, w->site.tz_offset, tmp, sizeof tmp);
	return arena_strdup(&w->arena, tmp);
}

/* Fills o with one entry of the feed. */
static enum werr
entry(struct worker *w, struct tobj *o, const char *authority,
      const struct article *a)
{
	int64_t changed = db_feed_changed(a->published_at, a->updated_at);
	const char *body = feed_body(w, o, a);
	if (!body)
		return W_NOMEM;
	tobj_str(o, "title", a->title);
	tobj_str(o, "url", page_feed_url(w, page_article_path(w, a)));
	tobj_str(o, "id", arena_printf(&w->arena,
				       "tag:%s," TAG_DATE ":article:%" PRId64,
				       authority, a->id));
	tobj_str(o, "lead", a->lead);
	tobj_str(o, "body", body);
	tobj_str(o, "pub_rfc822", rfc822(w, a->published_at));
	tobj_str(o, "published", page_date_iso(w, a->published_at));
	tobj_str(o, "updated", page_date_iso(w, changed));
	struct tlist *au = tobj_list(o, "authors");
	for (size_t i = 0; i < a->nauthors; i++) {
		struct tobj *it = tlist_add(au);
		tobj_str(it, "name", a->authors[i].name);
		tobj_str(it, "url",
			 page_feed_url(w, arena_printf(&w->arena,
						       "/penulis/%s",
						       a->authors[i].slug)));
	}
	/* The section first, then the tags in the editor's order. */
	struct tlist *cats = tobj_list(o, "categories");
	tobj_str(tlist_add(cats), "name", a->section.name);
	for (size_t i = 0; i < a->ntags; i++)
		tobj_str(tlist_add(cats), "name", a->tags[i].name);
	return W_OK;
}

/* The listing a feed follows. */
struct scope {
	int64_t key;
	const char *name;	 /* NULL for the whole site */
	const char *description; /* "" when it has none */
	const char *path;	 /* "" for the site, "/kanal/slug", ... */
};

/* The scope and the format of the feed at path, which the route table
 * only sends here in one of the shapes scope_paths and formats make. */
static void
feed_of(const char *path, enum feed_scope *kind, enum feed_format *fmt)
{
	*kind = FEED_ALL;
	for (int k = FEED_ALL + 1; k < FEED__MAX; k++)
		if (strncmp(path, scope_paths[k], strlen(scope_paths[k])) == 0)
			*kind = (enum feed_scope)k;
	size_t n = strlen(path), f = strlen(formats[FMT_ATOM].file);
	*fmt = n >= f && strcmp(path + n - f, formats[FMT_ATOM].file) == 0
		       ? FMT_ATOM
		       : FMT_RSS;
}

/* Finds the section, tag or author named by the route's slug; a tag or an
 * author that no public article carries has no feed (W_NOTFOUND). */
static enum werr
find_scope(struct worker *w, const struct req *req, enum feed_scope kind,
	   struct scope *out)
{
	const char *slug = req_param(req, "slug");
	enum werr e = W_OK;
	*out = (struct scope){0, NULL, "", ""};
	switch (kind) {
	case FEED_SECTION: {
		struct section s;
		if ((e = db_section_by_slug(w->db, &w->arena, slug, &s)) ==
		    W_OK)
			*out = (struct scope){s.id, s.name, s.description, ""};
		break;
	}
	case FEED_TAG: {
		struct tag t;
		if ((e = db_tag_by_slug(w->db, &w->arena, slug, &t)) == W_OK)
			e = db_tag_public(w->db, t.id, req->now);
		if (e == W_OK)
			*out = (struct scope){t.id, t.name, t.description, ""};
		break;
	}
	case FEED_AUTHOR: {
		struct author u;
		if ((e = db_author_by_slug(w->db, &w->arena, slug, &u)) ==
		    W_OK)
			e = db_author_public(w->db, u.id, req->now);
		if (e == W_OK)
			*out = (struct scope){u.id, u.name, u.bio, ""};
		break;
	}
	case FEED_ALL:
	case FEED__MAX:
		return W_OK;
	}
	if (e != W_OK)
		return e;
	/* The slug as the route gave it is the one just found. */
	out->path = arena_printf(&w->arena, "%s%s", scope_paths[kind], slug);
	return out->path ? W_OK : W_NOMEM;
}

enum werr
page_feed(struct worker *w, struct req *req, struct resp *resp)
{
	enum feed_scope kind;
	enum feed_format fmt;
	feed_of(req->path, &kind, &fmt);
	struct scope sc;
	struct article_list l;
	enum werr e = find_scope(w, req, kind, &sc);
	if (e == W_OK)
		e = db_feed_articles(w->db, &w->arena, kind, sc.key, req->now,
				     FEED_MAX, &l);
	if (e != W_OK)
		return e;
	const char *authority = tag_authority(w);
	struct tobj *ctx = page_feed_ctx(w);
	if (!ctx || !authority)
		return W_NOMEM;
	tobj_str(ctx, "title", feed_title(w, sc.name));
	tobj_str(ctx, "description",
		 sc.description[0] ? sc.description : w->site.tagline);
	tobj_str(ctx, "link", page_feed_url(w, sc.path[0] ? sc.path : "/"));
	tobj_str(ctx, "self", arena_printf(&w->arena, "%s%s/%s",
					   w->site.base_url, sc.path,
					   formats[fmt].file));
	tobj_str(ctx, "id", arena_printf(&w->arena,
					 "tag:%s," TAG_DATE ":feed:%s",
					 authority,
					 sc.path[0] ? sc.path : "/"));

	int64_t newest = 0;
	struct tlist *items = tobj_list(ctx, "entries");
	for (size_t i = 0; i < l.n; i++) {
		const struct article *a = &l.items[i];
		if ((e = entry(w, tlist_add(items), authority, a)) != W_OK)
			return e;
		int64_t changed = db_feed_changed(a->published_at,
						  a->updated_at);
		if (changed > newest)
			newest = changed;
	}
	/* Atom requires <updated>; an empty feed has changed never, which a
	 * fixed time says without making its ETag change every second. */
	tobj_str(ctx, "updated", page_date_iso(w, newest));
	if (newest)
		tobj_str(ctx, "updated_rfc822", rfc822(w, newest));
	page_touch(resp, newest);
	return page_feed_render(w, resp, formats[fmt].tpl, ctx,
				formats[fmt].mime);
}
