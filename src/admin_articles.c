/* admin_articles.c - the article pages around the editor: the listing, the
 * revisions with their restore, the Markdown preview, and what the editor
 * (admin_editor.c) shares with them. */
#include <inttypes.h>
#include <string.h>

#include "admin.h"
#include "admin_articles.h"
#include "db_admin.h"
#include "db_admin_revision.h"
#include "db_taxonomy.h"
#include "markdown.h"
#include "page.h"
#include "page_results.h"

#define LIST_PAGE 30
#define REVISIONS_MAX 100

/* The flash code admin.c shows after each action's redirect. */
static const char *const flash_codes[ACT__MAX] = {
	[ACT_SAVE] = "saved",
	[ACT_SUBMIT] = "submitted",
	[ACT_PUBLISH] = "published",
	[ACT_SCHEDULE] = "scheduled",
	[ACT_UNPUBLISH] = "unpublished",
	[ACT_DELETE] = "deleted",
	[ACT_RESTORE] = "restored",
	[ACT_CORRECT] = "corrected",
};

const char *
admin_article_path(struct worker *w, const char *slug, int64_t published_at)
{
	struct article art = {.slug = slug, .published_at = published_at};
	return page_article_path(w, &art);
}

bool
admin_article_may(struct worker *w, const struct admin_article *a,
		  enum article_action act)
{
	const struct user *me = &w->session->user;
	return db_admin_article_may(me->role, me->id, a, act);
}

enum werr
admin_article_get(struct worker *w, const struct req *req,
		  struct admin_article *out)
{
	int64_t id = admin_id(req_param(req, "id"));
	if (!id)
		return W_NOTFOUND;
	return db_admin_article_load(w->db, &w->arena, id, out);
}

enum werr
admin_article_done(struct worker *w, struct resp *resp,
		   const struct admin_article *a, enum article_action act,
		   bool created)
{
	const char *code = created && act == ACT_SAVE ? "created"
						      : flash_codes[act];
	const char *to;
	if (act == ACT_DELETE)
		to = arena_printf(&w->arena, "/admin/articles?ok=%s", code);
	else if (!admin_article_may(w, a, ACT_SAVE))
		/* A reporter's submitted story is out of their hands. */
		to = arena_printf(&w->arena, "/admin?ok=%s", code);
	else
		to = arena_printf(&w->arena,
				  "/admin/articles/%" PRId64 "/edit?ok=%s",
				  a->id, code);
	return to ? admin_redirect(resp, to) : W_NOMEM;
}

/* ---- revisions ---- */

static enum werr
render_revisions(struct worker *w, struct req *req, struct resp *resp,
		 const struct admin_article *a, const char *alert, int status)
{
	struct admin_revision *revs;
	size_t n;
	enum werr e = db_admin_revisions(w->db, &w->arena, a->id,
					 REVISIONS_MAX, &revs, &n);
	if (e != W_OK)
		return e;
	struct tobj *ctx = admin_ctx(w, req, "Revisi");
	if (!ctx)
		return W_NOMEM;
	tobj_str(ctx, "alert", alert);
	tobj_str(ctx, "article_title", a->title);
	/* A restore is a save based on the version this page shows. */
	tobj_int(ctx, "version", a->version);
	tobj_str(ctx, "edit_url",
		 arena_printf(&w->arena, "/admin/articles/%" PRId64 "/edit",
			      a->id));
	bool restore = admin_article_may(w, a, ACT_RESTORE);
	struct tlist *l = tobj_list(ctx, "revisions");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_add(l);
		tobj_str(o, "date", page_date_short(w, revs[i].created_at));
		tobj_str(o, "datetime", page_date_iso(w, revs[i].created_at));
		tobj_str(o, "user", revs[i].user_name[0] ? revs[i].user_name
							 : "(tidak ada)");
		tobj_str(o, "title", revs[i].title);
		enum article_status st = article_status_parse(revs[i].status);
		tobj_str(o, "status", admin_status_label(st));
		tobj_bool(o, "current", i == 0);
		if (i > 0 && restore)
			tobj_str(o, "restore_url",
				 arena_printf(&w->arena,
					      "/admin/articles/%" PRId64
					      "/revisions/%" PRId64 "/restore",
					      a->id, revs[i].id));
	}
	tobj_bool(ctx, "has_revisions", n > 0);
	return admin_render(w, resp, status, "admin_revisions", ctx);
}

enum werr
admin_article_revisions(struct worker *w, struct req *req, struct resp *resp)
{
	struct admin_article a;
	enum werr e = admin_article_get(w, req, &a);
	if (e != W_OK)
		return e;
	if (!admin_article_may(w, &a, ACT_SAVE))
		return W_FORBIDDEN;
	return render_revisions(w, req, resp, &a, NULL, 200);
}

enum werr
admin_article_restore(struct worker *w, struct req *req, struct resp *resp)
{
	struct admin_article stored, a;
	enum werr e = admin_article_get(w, req, &stored);
	if (e != W_OK)
		return e;
	if (!admin_article_may(w, &stored, ACT_RESTORE))
		return W_FORBIDDEN;
	int64_t rev = admin_id(req_param(req, "rev"));
	if (!rev)
		return W_NOTFOUND;
	int64_t version = admin_id(form_get(&req->form, "version"));
	if (!version)
		return W_INVAL;
	a = stored;
	e = db_admin_revision_apply(w->db, &w->arena, rev, &a);
	if (e != W_OK)
		return e;
	struct admin_save s = {.user_id = w->session->user.id,
			       .addr = req->remote_addr,
			       .now = req->now,
			       .act = ACT_RESTORE,
			       .version = version};
	e = stored.version != version ? W_STALE
				      : db_admin_article_save(w->db, &a, &s);
	if (e == W_STALE) {
		/* Show the history as it is now, newest save on top. */
		e = db_admin_article_load(w->db, &w->arena, stored.id,
					  &stored);
		if (e != W_OK)
			return e;
		return render_revisions(w, req, resp, &stored,
					"Berita ini disimpan orang lain "
					"setelah halaman ini dibuka; revisi "
					"terbarunya kini di urutan teratas. "
					"Periksa, lalu pulihkan lagi bila "
					"masih perlu.",
					409);
	}
	if (e == W_CONFLICT)
		return render_revisions(w, req, resp, &stored,
					"Revisi itu memakai slug yang kini "
					"dipakai berita lain; ubah slug "
					"berita itu dulu.",
					409);
	if (e == W_INVAL)
		return render_revisions(w, req, resp, &stored,
					"Revisi itu tidak dapat dipulihkan: "
					"isinya tidak lagi lengkap.",
					422);
	if (e != W_OK)
		return e;
	return admin_article_done(w, resp, &a, ACT_RESTORE, false);
}

/* ---- the listing ---- */

/* A filter id from the query: 0 when absent or empty; -1 when bad. */
static int64_t
query_id(const struct req *req, const char *name)
{
	const char *s = req_query(req, name);
	if (!s || !*s)
		return 0;
	int64_t id = admin_id(s);
	return id ? id : -1;
}

enum werr
admin_articles_list(struct worker *w, struct req *req, struct resp *resp)
{
	struct admin_filter f = {.status = ST__MAX};
	const char *st = req_query(req, "status");
	if (st && *st) {
		f.status = article_status_parse(st);
		if (f.status == ST__MAX)
			return W_INVAL;
	}
	f.section_id = query_id(req, "section");
	f.author_id = query_id(req, "author");
	if (f.section_id < 0 || f.author_id < 0)
		return W_INVAL;
	f.q = admin_trim(w, req_query(req, "q"));
	struct cursor before;
	enum werr e = page_cursor(req, &before);
	if (e != W_OK)
		return e;

	struct admin_list l;
	struct section *secs;
	struct author *authors;
	size_t nsecs, nauthors;
	e = db_admin_articles(w->db, &w->arena, &f, &before, LIST_PAGE, &l);
	if (e == W_OK)
		e = db_sections_all(w->db, &w->arena, &secs, &nsecs);
	if (e == W_OK)
		e = db_authors_all(w->db, &w->arena, &authors, &nauthors);
	if (e != W_OK)
		return e;

	struct tobj *ctx = admin_ctx(w, req, "Artikel");
	if (!ctx)
		return W_NOMEM;
	tobj_str(ctx, "q", f.q);
	struct tlist *sl = tobj_list(ctx, "statuses");
	for (int i = 0; i < ST__MAX; i++) {
		struct tobj *o = tlist_add(sl);
		tobj_str(o, "value", article_status_name(i));
		tobj_str(o, "label", admin_status_label(i));
		tobj_bool(o, "selected", f.status == (enum article_status)i);
	}
	struct tlist *secl = tobj_list(ctx, "sections");
	for (size_t i = 0; i < nsecs; i++) {
		struct tobj *o = tlist_add(secl);
		tobj_int(o, "id", secs[i].id);
		tobj_str(o, "name", secs[i].name);
		tobj_bool(o, "selected", secs[i].id == f.section_id);
	}
	struct tlist *al = tobj_list(ctx, "authors");
	for (size_t i = 0; i < nauthors; i++) {
		struct tobj *o = tlist_add(al);
		tobj_int(o, "id", authors[i].id);
		tobj_str(o, "name", authors[i].name);
		tobj_bool(o, "selected", authors[i].id == f.author_id);
	}

	struct tlist *items = tobj_list(ctx, "items");
	for (size_t i = 0; i < l.n; i++) {
		const struct admin_row *r = &l.items[i];
		struct tobj *o = tlist_add(items);
		struct admin_article probe = {.id = r->id,
					      .status = r->status,
					      .published_at = r->published_at,
					      .created_by = r->created_by};
		const struct user *me = &w->session->user;
		tobj_str(o, "title", r->title);
		if (admin_article_may(w, &probe, ACT_SAVE) ||
		    (me->id && r->created_by == me->id))
			tobj_str(o, "edit_url",
				 arena_printf(&w->arena,
					      "/admin/articles/%" PRId64
					      "/edit",
					      r->id));
		if (db_admin_article_live(&probe, req->now))
			tobj_str(o, "url", admin_article_path(w, r->slug,
							      r->published_at));
		tobj_str(o, "status", admin_status_label(r->status));
		if (r->status == ST_SCHEDULED && r->published_at > req->now)
			tobj_str(o, "when",
				 page_date_short(w, r->published_at));
		tobj_str(o, "section", r->section);
		tobj_str(o, "authors", r->authors);
		tobj_str(o, "creator", r->creator);
		tobj_str(o, "date", page_date_short(w, r->updated_at));
		tobj_str(o, "datetime", page_date_iso(w, r->updated_at));
	}
	tobj_bool(ctx, "has_items", l.n > 0);
	tobj_bool(ctx, "filtered", f.status != ST__MAX || f.section_id ||
					   f.author_id || *f.q);
	if (l.more) {
		struct buf b;
		buf_init(&b);
		buf_puts(&b, "/admin/articles?");
		if (f.status != ST__MAX)
			buf_printf(&b, "status=%s&",
				   article_status_name(f.status));
		if (f.section_id)
			buf_printf(&b, "section=%" PRId64 "&", f.section_id);
		if (f.author_id)
			buf_printf(&b, "author=%" PRId64 "&", f.author_id);
		if (*f.q)
			buf_printf(&b, "q=%s&", admin_qenc(w, f.q));
		buf_printf(&b, "sebelum=%" PRId64 ".%" PRId64, l.next.time,
			   l.next.id);
		if (buf_err(&b) == W_OK)
			tobj_str(ctx, "older",
				 arena_strdup(&w->arena, buf_cstr(&b)));
		buf_fini(&b);
	}
	return admin_render(w, resp, 200, "admin_articles", ctx);
}

/* ---- preview ---- */

enum werr
admin_preview(struct worker *w, struct req *req, struct resp *resp)
{
	const char *md = form_get(&req->form, "body");
	if (!md)
		md = "";
	struct buf html;
	buf_init(&html);
	enum werr e = markdown_render(md, strlen(md), &html);
	if (e == W_OK)
		e = buf_err(&html);
	if (e != W_OK)
		goto out;
	/* Manual markers get the box the page will show; markers naming
	 * nothing public vanish, as they will there. */
	struct baca_juga boxes[PAGE_BOXES_MAX];
	size_t nboxes;
	e = page_marker_boxes(w, req, buf_cstr(&html), 0, boxes, &nboxes);
	if (e != W_OK)
		goto out;
	/* BACA JUGA boxes into the scratch buffer, then the results boxes
	 * (the numbers of this moment, as the page will show them). */
	buf_reset(&w->scratch);
	e = markdown_place(buf_cstr(&html), boxes, nboxes, NULL, 0,
			   &w->scratch);
	const char *placed = NULL;
	int64_t changed = 0;
	if (e == W_OK && !(placed = arena_strndup(&w->arena,
						  buf_cstr(&w->scratch),
						  w->scratch.len)))
		e = W_NOMEM;
	if (e == W_OK)
		e = page_results_expand(w, placed, &placed, &changed);
	if (e != W_OK)
		goto out;
	buf_reset(&resp->body);
	buf_puts(&resp->body, placed);
	if ((e = buf_err(&resp->body)) != W_OK)
		goto out;
	resp->status = 200;
	resp->content_type = "text/html; charset=utf-8";
out:
	buf_fini(&html);
	return e;
}
