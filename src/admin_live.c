/* admin_live.c - live blogs in the admin: open and close, the short form
 * that posts an update from a phone, editing and deleting updates with
 * their revisions. */
#include <inttypes.h>
#include <string.h>

#include "admin.h"
#include "admin_articles.h"
#include "admin_election.h"
#include "datefmt.h"
#include "db_live.h"
#include "page.h"

#define MAX_BODY 20000 /* bytes in one update */
#define REVISIONS_MAX 50

static struct live_who
who(struct worker *w, const struct req *req)
{
	return (struct live_who){w->session->user.id, req->remote_addr,
				 req->now};
}

/* "21.04 WIB" in the site's zone. */
static const char *
clock_label(struct worker *w, int64_t t)
{
	struct local_date d;
	datefmt_local(t, w->site.tz_offset, &d);
	return arena_printf(&w->arena, "%02d.%02d %s", d.hour, d.min,
			    w->site.tz_abbr);
}

/* What a re-rendered form shows again and complains about. */
struct live_form {
	const char *body;
	const char *err_body;
	const char *err_image;
	const char *alert;
};

static const char *
live_path(struct worker *w, int64_t id, const char *ok)
{
	return arena_printf(&w->arena, "/admin/articles/%" PRId64 "/live%s%s",
			    id, ok ? "?ok=" : "", ok ? ok : "");
}

/* The live blog page of article a (its stored form) with form f. */
static enum werr
render_page(struct worker *w, struct req *req, struct resp *resp,
	    const struct admin_article *a, const struct live_form *f,
	    int status)
{
	struct live_blog b;
	enum werr e = db_live_get(w->db, a->id, &b);
	bool is_live = e == W_OK;
	if (e != W_OK && e != W_NOTFOUND)
		return e;
	struct live_update *u = NULL;
	size_t n = 0;
	if (is_live) {
		e = db_live_updates(w->db, &w->arena, a->id, DB_LIVE_PAGE, &u,
				    &n);
		if (e != W_OK)
			return e;
	}
	struct tobj *ctx = admin_ctx(w, req, "Liputan langsung");
	if (!ctx)
		return W_NOMEM;
	bool manage = admin_need(w, PERM_LIVE_MANAGE) == W_OK;
	tobj_str(ctx, "article_title", a->title);
	tobj_str(ctx, "edit_url",
		 arena_printf(&w->arena, "/admin/articles/%" PRId64 "/edit",
			      a->id));
	if (db_admin_article_live(a, req->now))
		tobj_str(ctx, "public_url",
			 admin_article_path(w, a->slug, a->published_at));
	tobj_bool(ctx, "can_manage", manage);
	tobj_bool(ctx, "is_live", is_live);
	tobj_bool(ctx, "open", is_live && b.ended_at == 0);
	if (is_live) {
		tobj_str(ctx, "started", page_date_short(w, b.started_at));
		if (b.ended_at)
			tobj_str(ctx, "ended", page_date_short(w, b.ended_at));
	}
	tobj_str(ctx, "post_action", live_path(w, a->id, NULL));
	tobj_str(ctx, "open_action",
		 arena_printf(&w->arena,
			      "/admin/articles/%" PRId64 "/live/open", a->id));
	tobj_str(ctx, "close_action",
		 arena_printf(&w->arena,
			      "/admin/articles/%" PRId64 "/live/close", a->id));
	tobj_str(ctx, "body", f ? f->body : "");
	tobj_str(ctx, "err_body", f ? f->err_body : NULL);
	tobj_str(ctx, "err_image", f ? f->err_image : NULL);
	tobj_str(ctx, "alert", f ? f->alert : NULL);
	tobj_int(ctx, "count", (int64_t)n);
	struct tlist *l = tobj_list(ctx, "updates");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_add(l);
		tobj_int(o, "id", u[i].id);
		tobj_str(o, "clock", clock_label(w, u[i].posted_at));
		tobj_str(o, "datetime", page_date_iso(w, u[i].posted_at));
		tobj_str(o, "author", u[i].author);
		/* cmark output, rendered on save. */
		tobj_html(o, "html", u[i].body_html);
		if (u[i].image_name[0])
			tobj_str(o, "image", arena_printf(&w->arena,
							  "/media/%s",
							  u[i].image_name));
		if (manage)
			tobj_str(o, "edit_url",
				 arena_printf(&w->arena,
					      "/admin/live/%" PRId64,
					      u[i].id));
	}
	return admin_render(w, resp, status, "admin_live", ctx);
}

enum werr
admin_live_page(struct worker *w, struct req *req, struct resp *resp)
{
	struct admin_article a;
	enum werr e = admin_need(w, PERM_LIVE_POST);
	if (e == W_OK)
		e = admin_article_get(w, req, &a);
	if (e != W_OK)
		return e;
	return render_page(w, req, resp, &a, NULL, 200);
}

/* Open or close the live blog of the route's article. */
static enum werr
open_close(struct worker *w, struct req *req, struct resp *resp, bool open)
{
	struct admin_article a;
	enum werr e = admin_need(w, PERM_LIVE_MANAGE);
	if (e == W_OK)
		e = admin_article_get(w, req, &a);
	if (e != W_OK)
		return e;
	struct live_who by = who(w, req);
	e = open ? db_live_open(w->db, a.id, &by)
		 : db_live_close(w->db, a.id, &by);
	if (e == W_CONFLICT || (!open && e == W_NOTFOUND)) {
		struct live_form f = {
			.alert = open ? "Liputan langsung ini sudah terbuka."
				      : "Liputan langsung ini tidak sedang "
					"terbuka.",
		};
		return render_page(w, req, resp, &a, &f, 409);
	}
	if (e != W_OK)
		return e;
	return admin_redirect(resp, live_path(w, a.id, open ? "live_opened"
							    : "live_closed"));
}

enum werr
admin_live_open(struct worker *w, struct req *req, struct resp *resp)
{
	return open_close(w, req, resp, true);
}

enum werr
admin_live_close(struct worker *w, struct req *req, struct resp *resp)
{
	return open_close(w, req, resp, false);
}

/* Reads the form's text and picture into f, u and up; false (with the
 * complaint in f) when either is unacceptable. */
static bool
read_form(struct worker *w, const struct req *req, struct live_form *f,
	  const struct form_field **up)
{
	f->body = admin_trim(w, form_get(&req->form, "body"));
	if (!*f->body)
		f->err_body = "Tulis isi pembaruan.";
	else if (strlen(f->body) > MAX_BODY)
		f->err_body = "Terlalu panjang: paling banyak 20.000 byte.";
	/* A quick look only; store() has the helper decode it. */
	*up = form_file(&req->form, "image");
	f->err_image = admin_picture_check(w, *up);
	if (f->err_image)
		*up = NULL;
	return !f->err_body && !f->err_image;
}

/* Makes the uploaded file a picture of the library (the helper decodes
 * it: imgproc.h); *out is then its row, else NULL when nothing was
 * uploaded. A refusal is put in f. */
static enum werr
store(struct worker *w, const struct req *req, const struct form_field *up,
      struct live_form *f, struct admin_media *m,
      const struct admin_media **out)
{
	*out = NULL;
	enum werr e = admin_picture_upload(w, req, up, m, &f->err_image);
	if (e == W_OK && up && !f->err_image)
		*out = m;
	return e;
}

enum werr
admin_live_post(struct worker *w, struct req *req, struct resp *resp)
{
	struct admin_article a;
	enum werr e = admin_need(w, PERM_LIVE_POST);
	if (e == W_OK)
		e = admin_article_get(w, req, &a);
	if (e != W_OK)
		return e;
	struct live_form f = {0};
	const struct form_field *up;
	if (!read_form(w, req, &f, &up)) {
		f.alert = "Pembaruan belum terkirim. Periksa isian yang "
			  "ditandai.";
		return render_page(w, req, resp, &a, &f, 422);
	}
	struct admin_media m;
	const struct admin_media *image;
	if ((e = store(w, req, up, &f, &m, &image)) != W_OK)
		return e;
	if (f.err_image) {
		f.alert = "Pembaruan belum terkirim. Periksa isian yang "
			  "ditandai.";
		return render_page(w, req, resp, &a, &f, 422);
	}
	struct live_update u = {
		.article_id = a.id,
		.posted_at = req->now,
		.body_md = f.body,
		.author_id = w->session->user.author_id,
	};
	struct live_who by = who(w, req);
	e = db_live_post(w->db, &u, image, &by);
	if (e == W_NOTFOUND || e == W_CONFLICT) {
		f.alert = e == W_NOTFOUND ? "Berita ini belum menjadi liputan "
					    "langsung."
					  : "Liputan langsung ini sudah "
					    "ditutup.";
		return render_page(w, req, resp, &a, &f, 409);
	}
	if (e != W_OK)
		return e;
	return admin_redirect(resp, live_path(w, a.id, "live_posted"));
}

/* The update named by the route's :uid, not deleted. */
static enum werr
update_get(struct worker *w, const struct req *req, struct live_update *u)
{
	int64_t id = admin_id(req_param(req, "uid"));
	enum werr e = id ? db_live_update_get(w->db, &w->arena, id, u)
			 : W_NOTFOUND;
	return e == W_OK && u->deleted ? W_NOTFOUND : e;
}

static enum werr
render_update(struct worker *w, struct req *req, struct resp *resp,
	      const struct live_update *u, const struct live_form *f,
	      int status)
{
	struct live_revision *r;
	size_t n;
	enum werr e = db_live_revisions(w->db, &w->arena, u->id,
					REVISIONS_MAX, &r, &n);
	if (e != W_OK)
		return e;
	struct tobj *ctx = admin_ctx(w, req, "Ubah pembaruan");
	if (!ctx)
		return W_NOMEM;
	tobj_str(ctx, "action",
		 arena_printf(&w->arena, "/admin/live/%" PRId64, u->id));
	tobj_str(ctx, "delete_action",
		 arena_printf(&w->arena, "/admin/live/%" PRId64 "/delete",
			      u->id));
	tobj_str(ctx, "back_url", live_path(w, u->article_id, NULL));
	tobj_str(ctx, "clock", clock_label(w, u->posted_at));
	tobj_str(ctx, "date", page_date_short(w, u->posted_at));
	tobj_str(ctx, "author", u->author);
	tobj_str(ctx, "body", f ? f->body : u->body_md);
	tobj_str(ctx, "err_body", f ? f->err_body : NULL);
	tobj_str(ctx, "err_image", f ? f->err_image : NULL);
	tobj_str(ctx, "alert", f ? f->alert : NULL);
	if (u->image_name[0])
		tobj_str(ctx, "image", arena_printf(&w->arena, "/media/%s",
						    u->image_name));
	struct tlist *l = tobj_list(ctx, "revisions");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_add(l);
		tobj_str(o, "date", page_date_short(w, r[i].created_at));
		tobj_str(o, "datetime", page_date_iso(w, r[i].created_at));
		tobj_str(o, "action", r[i].action);
		tobj_str(o, "user", r[i].user_name[0] ? r[i].user_name
						      : "(tidak ada)");
		tobj_str(o, "body", r[i].body_md);
	}
	return admin_render(w, resp, status, "admin_live_update", ctx);
}

enum werr
admin_live_update(struct worker *w, struct req *req, struct resp *resp)
{
	struct live_update u;
	enum werr e = admin_need(w, PERM_LIVE_MANAGE);
	if (e == W_OK)
		e = update_get(w, req, &u);
	if (e != W_OK)
		return e;
	if (req->method != METHOD_POST)
		return render_update(w, req, resp, &u, NULL, 200);
	struct live_form f = {0};
	const struct form_field *up;
	if (!read_form(w, req, &f, &up)) {
		f.alert = "Pembaruan belum tersimpan. Periksa isian yang "
			  "ditandai.";
		return render_update(w, req, resp, &u, &f, 422);
	}
	struct admin_media m;
	const struct admin_media *image;
	if ((e = store(w, req, up, &f, &m, &image)) != W_OK)
		return e;
	if (f.err_image) {
		f.alert = "Pembaruan belum tersimpan. Periksa isian yang "
			  "ditandai.";
		return render_update(w, req, resp, &u, &f, 422);
	}
	struct live_update changed = u;
	changed.body_md = f.body;
	bool remove = form_get(&req->form, "remove_image") != NULL;
	struct live_who by = who(w, req);
	e = db_live_edit(w->db, &changed, image, remove, &by);
	if (e != W_OK)
		return e;
	return admin_redirect(resp,
			      live_path(w, u.article_id, "live_saved"));
}

enum werr
admin_live_delete(struct worker *w, struct req *req, struct resp *resp)
{
	struct live_update u;
	enum werr e = admin_need(w, PERM_LIVE_MANAGE);
	if (e == W_OK)
		e = update_get(w, req, &u);
	if (e != W_OK)
		return e;
	struct live_who by = who(w, req);
	e = db_live_delete(w->db, u.id, &by);
	if (e != W_OK)
		return e;
	return admin_redirect(resp,
			      live_path(w, u.article_id, "live_deleted"));
}
