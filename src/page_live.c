/* page_live.c - live blogs on the reader side: updates on the story page,
 * the poll endpoint, LIVE labels, election links in the menu and on the
 * home page. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "datefmt.h"
#include "db_article.h"
#include "db_live.h"
#include "db_results.h"
#include "jsonld.h"
#include "page.h"
#include "page_live.h"
#include "page_picture.h"
#include "page_results.h"
#include "utf8.h"

#define HOME_REGIONS 12
#define HEADLINE_MAX 110 /* bytes of an update's JSON-LD headline */
/* An update's picture spans the story's column, as an inline figure. */
#define LIVE_SIZES "(min-width: 46em) 44rem, 100vw"

/* "21.04 WIB": the clock time of t in the site's zone. */
static const char *
clock_label(struct worker *w, int64_t t)
{
	struct local_date d;
	datefmt_local(t, w->site.tz_offset, &d);
	return arena_printf(&w->arena, "%02d.%02d %s", d.hour, d.min,
			    w->site.tz_abbr);
}

/* The body of u with its BACA JUGA and results boxes in place. */
static enum werr
update_body(struct worker *w, const struct req *req,
	    const struct live_update *u, const char **out, int64_t *changed)
{
	struct baca_juga boxes[PAGE_BOXES_MAX];
	size_t n;
	enum werr e = page_marker_boxes(w, req, u->body_html, u->article_id,
					boxes, &n);
	if (e != W_OK)
		return e;
	struct buf b;
	buf_init(&b);
	e = markdown_place(u->body_html, boxes, n, NULL, 0, &b);
	const char *placed = NULL;
	if (e == W_OK) {
		placed = arena_strndup(&w->arena, buf_cstr(&b), b.len);
		if (!placed)
			e = W_NOMEM;
	}
	buf_fini(&b);
	return e == W_OK ? page_results_expand(w, placed, out, changed) : e;
}

/* One update as the _live_update partial draws it, in the arena. */
static enum werr
update_html(struct worker *w, const struct req *req,
	    const struct live_update *u, const char **out, int64_t *changed)
{
	const char *body;
	enum werr e = update_body(w, req, u, &body, changed);
	if (e != W_OK)
		return e;
	struct tobj *ctx = tobj_new(&w->arena);
	if (!ctx)
		return W_NOMEM;
	tobj_int(ctx, "id", u->id);
	tobj_int(ctx, "posted_at", u->posted_at);
	tobj_str(ctx, "clock", clock_label(w, u->posted_at));
	tobj_str(ctx, "date", page_date_short(w, u->posted_at));
	tobj_str(ctx, "datetime", page_date_iso(w, u->posted_at));
	tobj_str(ctx, "author", u->author);
	/* cmark output with boxes drawn by escaping templates. */
	tobj_html(ctx, "body", body);
	if (u->photo.id) {
		/* Phone photos posted in a hurry often have no alt text:
		 * say at least what it is. */
		struct photo p = u->photo;
		if (!p.alt || !p.alt[0])
			p.alt = arena_cat(&w->arena, "Foto pembaruan ",
					  clock_label(w, u->posted_at),
					  (char *)NULL);
		struct tobj *pic = tobj_obj(ctx, "picture");
		if (!p.alt || !page_picture(&w->arena, pic, &p, LIVE_SIZES,
					    PAGE_PICTURE_LAZY))
			tobj_bool(ctx, "picture", false);
	}
	struct buf b;
	buf_init(&b);
	e = page_partial(w, "_live_update", ctx, &b);
	if (e == W_OK) {
		*out = arena_strndup(&w->arena, buf_cstr(&b), b.len);
		if (!*out)
			e = W_NOMEM;
	}
	buf_fini(&b);
	return e;
}

/* The text of cmark output html for structured data: tags and comments
 * (markers) dropped, the entities cmark writes decoded, runs of white
 * space as one space. In the arena; NULL when out of memory. */
static const char *
plain_text(struct worker *w, const char *html)
{
	static const struct {
		const char *ent, *ch;
	} ents[] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"},
		    {"&quot;", "\""}, {"&#39;", "'"}};
	char *out = arena_alloc(&w->arena, strlen(html) + 1);
	if (!out)
		return NULL;
	size_t k = 0;
	bool space = false;
	for (const char *p = html; *p;) {
		if (*p == '<') {
			const char *end = strncmp(p, "<!--", 4) == 0
						  ? strstr(p, "-->")
						  : strchr(p, '>');
			/* Inline tags join words; cmark ends every block
			 * with a line break, which does the spacing. */
			p = end ? end + (*end == '-' ? 3 : 1) : p + strlen(p);
			continue;
		}
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
			space = true;
			p++;
			continue;
		}
		if (space && k)
			out[k++] = ' ';
		space = false;
		size_t i = 0;
		while (*p == '&' && i < sizeof ents / sizeof ents[0] &&
		       strncmp(p, ents[i].ent, strlen(ents[i].ent)) != 0)
			i++;
		if (*p == '&' && i < sizeof ents / sizeof ents[0]) {
			out[k++] = ents[i].ch[0];
			p += strlen(ents[i].ent);
		} else {
			out[k++] = *p++;
		}
	}
	out[k] = '\0';
	return out;
}

/* The opening words of text, at most HEADLINE_MAX bytes cut at a
 * character boundary. */
static const char *
headline(struct worker *w, const char *text)
{
	size_t n = strlen(text);
	if (n > HEADLINE_MAX) {
		n = HEADLINE_MAX;
		/* Back to the start of a UTF-8 sequence. */
		while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;
	}
	return arena_strndup(&w->arena, text, n);
}

/* The closing line: "Liputan langsung berakhir <time>". */
static void
ended_view(struct worker *w, struct tobj *o, int64_t t)
{
	tobj_str(o, "ended", page_date_short(w, t));
	tobj_str(o, "ended_datetime", page_date_iso(w, t));
}

enum werr
page_live_article(struct worker *w, const struct req *req, struct resp *resp,
		  struct tobj *o, const struct article *a, const char *url,
		  struct jsonld_live *ld, bool *is_live)
{
	*is_live = false;
	struct live_blog b;
	enum werr e = db_live_get(w->db, a->id, &b);
	if (e == W_NOTFOUND)
		return W_OK;
	struct live_update *u;
	size_t n;
	if (e == W_OK)
		e = db_live_updates(w->db, &w->arena, a->id, DB_LIVE_PAGE, &u,
				    &n);
	if (e != W_OK)
		return e;
	struct jsonld_live_update *lu =
		arena_alloc(&w->arena, (n ? n : 1) * sizeof *lu);
	struct tobj *live = tobj_obj(o, "live");
	if (!lu || !live)
		return W_NOMEM;
	tobj_bool(live, "open", b.ended_at == 0);
	if (b.ended_at)
		ended_view(w, live, b.ended_at);
	tobj_int(live, "version", b.version);
	tobj_str(live, "poll", arena_printf(&w->arena,
					    "/langsung/%" PRId64 ".json",
					    a->id));
	tobj_str(live, "started", page_date_short(w, b.started_at));
	tobj_str(live, "started_datetime", page_date_iso(w, b.started_at));
	tobj_bool(live, "has_updates", n > 0);
	struct tlist *l = tobj_list(live, "updates");
	int64_t changed = b.changed_at;
	for (size_t i = 0; i < n; i++) {
		const char *html;
		e = update_html(w, req, &u[i], &html, &changed);
		if (e != W_OK)
			return e;
		tobj_html(tlist_add(l), "html", html);
		const char *text = plain_text(w, u[i].body_html);
		if (!text)
			return W_NOMEM;
		lu[i] = (struct jsonld_live_update){
			.headline = headline(w, text),
			.body = text,
			.author = u[i].author,
			.url = arena_printf(&w->arena, "%s#update-%" PRId64,
					    url, u[i].id),
			.at = u[i].posted_at,
			.modified = u[i].updated_at,
		};
	}
	*ld = (struct jsonld_live){
		.start = b.started_at,
		.end = b.ended_at,
		.updates = lu,
		.nupdates = n,
	};
	page_touch(resp, changed);
	*is_live = true;
	return W_OK;
}

/* ?sejak=N: a decimal version, 0 when absent; -1 when malformed. */
static int64_t
since_param(const struct req *req)
{
	const char *s = req_query(req, "sejak");
	if (!s)
		return 0;
	if (strcmp(s, "0") == 0)
		return 0;
	int64_t v = 0;
	if (*s < '1' || *s > '9' || strlen(s) > 18)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

enum werr
page_live_poll(struct worker *w, struct req *req, struct resp *resp)
{
	const char *ids = req_param(req, "id");
	int64_t id = 0;
	for (const char *p = ids; p && *p; p++) {
		if (*p < '0' || *p > '9' || id > INT64_MAX / 10 - 9 ||
		    (p == ids && *p == '0'))
			return W_NOTFOUND;
		id = id * 10 + (*p - '0');
	}
	struct article a;
	struct live_blog b;
	enum werr e = id ? db_article_by_id(w->db, &w->arena, id, &a)
			 : W_NOTFOUND;
	if (e == W_OK && !article_is_public(&a, req->now))
		e = W_NOTFOUND;
	if (e == W_OK)
		e = db_live_get(w->db, id, &b);
	if (e != W_OK)
		return e;
	int64_t since = since_param(req);
	if (since < 0 || since > b.version)
		return W_INVAL;
	struct live_update *u;
	size_t n;
	bool more;
	e = db_live_changes(w->db, &w->arena, id, since, DB_LIVE_PAGE, &u, &n,
			    &more);
	if (e != W_OK)
		return e;
	/* The version this answer brings the reader to: the blog's, unless
	 * the list was cut, then the last change listed. */
	int64_t version = more && n ? u[n - 1].version : b.version;
	int64_t changed = b.changed_at;
	struct buf *out = &resp->body;
	buf_reset(out);
	buf_printf(out, "{\"version\":%" PRId64 ",\"open\":%s", version,
		   b.ended_at ? "false" : "true");
	if (b.ended_at) {
		buf_puts(out, ",\"ended\":");
		jsonld_string(out, page_date_short(w, b.ended_at));
	}
	buf_printf(out, ",\"more\":%s,\"updates\":[", more ? "true" : "false");
	for (size_t i = 0; i < n; i++) {
		buf_printf(out, "%s{\"id\":%" PRId64 ",\"deleted\":%s",
			   i ? "," : "", u[i].id,
			   u[i].deleted ? "true" : "false");
		if (!u[i].deleted) {
			const char *html;
			e = update_html(w, req, &u[i], &html, &changed);
			if (e != W_OK)
				return e;
			/* jsonld_string escapes < > & too: the JSON stays
			 * inert even if a browser were to sniff it. */
			buf_puts(out, ",\"html\":");
			jsonld_string(out, html);
		}
		buf_putc(out, '}');
	}
	buf_puts(out, "]}\n");
	if ((e = buf_err(out)) != W_OK)
		return e;
	resp->status = 200;
	resp->content_type = "application/json; charset=utf-8";
	resp->cacheable = true;
	page_touch(resp, changed);
	return W_OK;
}

void
page_live_nav(struct worker *w, const struct req *req, struct tobj *ctx)
{
	struct live_link *l;
	size_t n;
	w->nlive_open = 0;
	if (db_live_open_links(w->db, &w->arena, req->now, WORKER_LIVE_MAX,
			       &l, &n) == W_OK) {
		struct tlist *nav = tobj_list(ctx, "live_nav");
		for (size_t i = 0; i < n; i++) {
			w->live_open[w->nlive_open++] = l[i].article_id;
			/* The menu names the newest two; cards mark all. */
			if (i >= 2)
				continue;
			struct article a = {.slug = l[i].slug,
					    .published_at = l[i].published_at};
			struct tobj *it = tlist_add(nav);
			tobj_str(it, "title", l[i].title);
			tobj_str(it, "url", page_article_path(w, &a));
		}
	}
	struct region *r;
	if (db_regions(w->db, &w->arena, true, 1, &r, &n) == W_OK && n)
		tobj_bool(ctx, "pilkada_nav", true);
}

void
page_live_card(struct worker *w, struct tobj *o, int64_t id)
{
	for (size_t i = 0; i < w->nlive_open; i++)
		if (w->live_open[i] == id)
			tobj_bool(o, "live", true);
}

enum werr
page_live_home(struct worker *w, const struct req *req, struct resp *resp,
	       struct tobj *ctx)
{
	struct live_link l;
	struct region *r;
	size_t n;
	enum werr e = db_regions(w->db, &w->arena, true, HOME_REGIONS, &r, &n);
	if (e != W_OK)
		return e;
	/* An open live blog always shows; the latest closed one only while
	 * an election is in the news. */
	e = db_live_latest_link(w->db, &w->arena, req->now, &l);
	if (e != W_OK && e != W_NOTFOUND)
		return e;
	if (e == W_OK && (l.ended_at == 0 || n > 0)) {
		struct article a = {.slug = l.slug,
				    .published_at = l.published_at};
		struct tobj *o = tobj_obj(ctx, "live_home");
		tobj_str(o, "title", l.title);
		tobj_str(o, "url", page_article_path(w, &a));
		tobj_bool(o, "open", l.ended_at == 0);
		if (l.ended_at)
			ended_view(w, o, l.ended_at);
	}
	struct tlist *list = tobj_list(ctx, "election_regions");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_add(list);
		tobj_str(o, "name", r[i].name);
		tobj_str(o, "kind", region_kind_label(r[i].kind));
		tobj_str(o, "url",
			 arena_printf(&w->arena, "/pilkada/%s", r[i].slug));
		page_touch(resp, r[i].changed_at);
	}
	tobj_bool(ctx, "has_election", n > 0);
	return W_OK;
}
