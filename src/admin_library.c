/* admin_library.c - the media library at /admin/media: every picture with
 * its thumbnail and what the newsroom wrote about it, search, uploads of
 * several pictures at once, the edit form (caption, credit, alt text,
 * focal point: new crops), and deletion of a picture no public story
 * shows.
 *
 * Roles (role.c): every signed-in user sees the library; reporters,
 * editors and admins upload (PERM_MEDIA_UPLOAD); reporters edit only the
 * pictures they uploaded, editors and admins any (PERM_MEDIA_EDIT_ANY);
 * only editors and admins delete (PERM_MEDIA_DELETE), as with stories. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "admin_articles.h"
#include "admin_library.h"
#include "db_media.h"
#include "imgproc.h"
#include "page.h"

#define LIB_PAGE 30
#define USES_MAX 20
#define UPLOADS_MAX 12
#define MAX_CAPTION 500
#define MAX_CREDIT 200
#define MAX_ALT 300
#define MAX_QUERY 100

static bool
may_edit(const struct worker *w, const struct media_item *m)
{
	const struct user *me = &w->session->user;
	return role_can(me->role, PERM_MEDIA_EDIT_ANY) ||
	       (role_can(me->role, PERM_MEDIA_UPLOAD) && m->user_id &&
		m->user_id == me->id);
}

/* The fields of one picture for the templates. */
static void
item_ctx(struct worker *w, struct tobj *o, const struct media_item *m)
{
	char thumb[PICTURE_NAME_MAX];
	tobj_int(o, "id", m->id);
	tobj_str(o, "url", arena_printf(&w->arena, "/admin/media/%" PRId64,
					m->id));
	if (m->pic.key[0] &&
	    picture_crop_name(&m->pic, PICTURE_THUMB, PICTURE_JPEG, thumb,
			      sizeof thumb))
		tobj_str(o, "thumb", arena_printf(&w->arena, "/media/%s",
						  thumb));
	else
		tobj_str(o, "thumb", admin_picture_src(w, m->name, &m->pic,
						       320));
	tobj_str(o, "src", admin_picture_src(w, m->name, &m->pic, 960));
	tobj_int(o, "width", m->pic.width);
	tobj_int(o, "height", m->pic.height);
	tobj_bool(o, "sized", m->pic.width > 0 && m->pic.height > 0);
	tobj_bool(o, "processed", m->pic.key[0] != '\0');
	tobj_int(o, "fx", m->pic.fx);
	tobj_int(o, "fy", m->pic.fy);
	tobj_str(o, "caption", m->caption);
	tobj_str(o, "credit", m->credit);
	tobj_str(o, "alt", m->alt);
	tobj_bool(o, "no_alt", !*m->alt);
	tobj_str(o, "uploader", *m->uploader ? m->uploader : "\u2014");
	tobj_str(o, "date", page_date_short(w, m->created_at));
	tobj_int(o, "nused", m->nused);
	tobj_str(o, "used_titles", m->used_titles);
	tobj_str(o, "marker", arena_printf(&w->arena, "[[foto:%" PRId64 "]]",
					   m->id));
}

/* "T.ID" of ?sebelum=; false when malformed. */
static bool
cursor_parse(const char *s, int64_t *t, int64_t *id)
{
	char *end;
	*t = *id = 0;
	if (!s || !*s)
		return true;
	long long a = strtoll(s, &end, 10);
	if (end == s || *end != '.' || a <= 0)
		return false;
	const char *p = end + 1;
	long long b = strtoll(p, &end, 10);
	if (end == p || *end || b <= 0)
		return false;
	*t = a;
	*id = b;
	return true;
}

/* One line of the upload report. */
struct outcome {
	const char *name, *msg; /* msg NULL: stored */
	int64_t id;
};

static enum werr
list_page(struct worker *w, struct req *req, struct resp *resp, int status,
	  const struct outcome *done, size_t ndone)
{
	const char *q = admin_trim(w, req_query(req, "q"));
	if (strlen(q) > MAX_QUERY)
		return W_INVAL;
	int64_t bt, bid;
	if (!cursor_parse(req_query(req, "sebelum"), &bt, &bid))
		return W_INVAL;
	struct media_item *items;
	size_t n;
	bool more;
	enum werr e = db_media_list(w->db, &w->arena, q, bt, bid, LIB_PAGE,
				    &items, &n, &more);
	if (e != W_OK)
		return e;
	struct tobj *ctx = admin_ctx(w, req, "Pustaka media");
	if (!ctx)
		return W_NOMEM;
	tobj_str(ctx, "q", q);
	tobj_bool(ctx, "can_upload",
		  role_can(w->session->user.role, PERM_MEDIA_UPLOAD));
	struct tlist *list = tobj_list(ctx, "items");
	for (size_t i = 0; i < n; i++)
		item_ctx(w, tlist_add(list), &items[i]);
	tobj_bool(ctx, "has_items", n > 0);
	if (more)
		tobj_str(ctx, "next",
			 arena_printf(&w->arena,
				      "/admin/media?q=%s&sebelum=%" PRId64
				      ".%" PRId64,
				      admin_qenc(w, q), items[n - 1].created_at,
				      items[n - 1].id));
	if (bt)
		tobj_str(ctx, "first",
			 arena_printf(&w->arena, "/admin/media?q=%s",
				      admin_qenc(w, q)));
	struct tlist *report = tobj_list(ctx, "report");
	for (size_t i = 0; i < ndone; i++) {
		struct tobj *o = tlist_add(report);
		tobj_str(o, "name", done[i].name);
		tobj_str(o, "error", done[i].msg);
		if (done[i].id)
			tobj_str(o, "url",
				 arena_printf(&w->arena,
					      "/admin/media/%" PRId64,
					      done[i].id));
	}
	tobj_bool(ctx, "has_report", ndone > 0);
	return admin_render(w, resp, status, "admin_media", ctx);
}

/* POST /admin/media: every file of the "files" field, each on its own: a
 * refused one (named in the report) stores nothing, the others are
 * stored. */
static enum werr
upload(struct worker *w, struct req *req, struct resp *resp)
{
	enum werr e = admin_need(w, PERM_MEDIA_UPLOAD);
	if (e != W_OK)
		return e;
	struct outcome done[UPLOADS_MAX + 1];
	size_t n = 0;
	bool refused = false, any = false;
	const struct form *f = &req->form;
	for (size_t i = 0; i < f->n; i++) {
		const struct form_field *file = &f->fields[i];
		if (strcmp(file->name, "files") != 0 || !file->filename ||
		    !*file->filename)
			continue;
		any = true;
		if (n == UPLOADS_MAX) {
			/* One more line: the rest were not looked at. */
			done[n++] = (struct outcome){
				"", "Paling banyak 12 berkas sekali unggah; "
				    "sisanya tidak diolah.", 0};
			refused = true;
			break;
		}
		struct outcome *o = &done[n++];
		*o = (struct outcome){file->filename, NULL, 0};
		struct admin_picture pic;
		bool made;
		e = admin_picture_make(w, file, &pic, &made, &o->msg);
		if (e != W_OK)
			return e;
		if (o->msg) {
			refused = true;
			continue;
		}
		bool created;
		e = db_media_add(w->db, &pic.pic, pic.size,
				 w->session->user.id, req->now, &o->id,
				 &created);
		if (e == W_OK && created)
			e = admin_audit(w, req, "media.upload", 0,
					arena_printf(&w->arena,
						     "picture %" PRId64 " %s",
						     o->id, pic.pic.key));
		if (e != W_OK) {
			if (made)
				imgproc_discard(w->app->media_dir, &pic.pic);
			return e;
		}
	}
	if (!any) {
		done[0] = (struct outcome){"", "Pilih satu berkas foto atau "
					       "lebih.", 0};
		return list_page(w, req, resp, 422, done, 1);
	}
	if (refused)
		return list_page(w, req, resp, 422, done, n);
	if (n == 1)
		return admin_redirect(
			resp, arena_printf(&w->arena,
					   "/admin/media/%" PRId64 "?ok=uploaded",
					   done[0].id));
	return admin_redirect(resp, "/admin/media?ok=uploaded");
}

enum werr
admin_library(struct worker *w, struct req *req, struct resp *resp)
{
	if (req->method == METHOD_POST)
		return upload(w, req, resp);
	return list_page(w, req, resp, 200, NULL, 0);
}

/* The edit page of m; errs are the form's messages by field. */
static enum werr
item_page(struct worker *w, struct req *req, struct resp *resp, int status,
	  const struct media_item *m, const char *err_field, const char *err)
{
	struct media_use *uses;
	size_t nuses;
	enum werr e = db_media_uses(w->db, &w->arena, m->id, USES_MAX, &uses,
				    &nuses);
	if (e != W_OK)
		return e;
	struct tobj *ctx = admin_ctx(
		w, req, arena_printf(&w->arena, "Foto %" PRId64, m->id));
	if (!ctx)
		return W_NOMEM;
	struct tobj *o = tobj_obj(ctx, "m");
	item_ctx(w, o, m);
	tobj_bool(ctx, "may_edit", may_edit(w, m));
	tobj_bool(ctx, "may_delete",
		  role_can(w->session->user.role, PERM_MEDIA_DELETE));
	struct tlist *list = tobj_list(ctx, "uses");
	for (size_t i = 0; i < nuses; i++) {
		struct tobj *u = tlist_add(list);
		tobj_str(u, "title", uses[i].title);
		tobj_bool(u, "public", uses[i].public);
		tobj_str(u, "status",
			 admin_status_label(article_status_parse(
				 uses[i].status)));
		tobj_str(u, "url",
			 arena_printf(&w->arena,
				      "/admin/articles/%" PRId64 "/edit",
				      uses[i].id));
	}
	tobj_bool(ctx, "has_uses", nuses > 0);
	if (err_field) {
		struct tobj *errs = tobj_obj(ctx, "err");
		tobj_str(errs, err_field, err);
		tobj_str(ctx, "alert", err);
	}
	return admin_render(w, resp, status, "admin_media_edit", ctx);
}

static enum werr
load(struct worker *w, const struct req *req, struct media_item *m)
{
	int64_t id = admin_id(req_param(req, "id"));
	if (!id)
		return W_NOTFOUND;
	return db_media_get(w->db, &w->arena, id, m);
}

/* A focal coordinate typed in the form: 0..1000, digits only. */
static int
focal_parse(const char *s)
{
	char *end;
	if (!s || !*s)
		return -1;
	long v = strtol(s, &end, 10);
	if (*end || v < 0 || v > PICTURE_FOCAL_MAX)
		return -1;
	return (int)v;
}

/* The text field name, trimmed, at most max bytes; NULL (and the error
 * set) when too long. */
static const char *
text(struct worker *w, const struct req *req, const char *name, size_t max,
     const char **field, const char **err)
{
	const char *v = admin_form(w, req, name);
	if (strlen(v) > max) {
		*field = name;
		*err = "Terlalu panjang.";
		return NULL;
	}
	return v;
}

enum werr
admin_library_item(struct worker *w, struct req *req, struct resp *resp)
{
	struct media_item m;
	enum werr e = load(w, req, &m);
	if (e != W_OK)
		return e;
	if (req->method != METHOD_POST)
		return item_page(w, req, resp, 200, &m, NULL, NULL);
	if (!may_edit(w, &m))
		return W_FORBIDDEN;

	const char *field = NULL, *err = NULL;
	const char *caption = text(w, req, "caption", MAX_CAPTION, &field,
				   &err);
	const char *credit = text(w, req, "credit", MAX_CREDIT, &field, &err);
	const char *alt = text(w, req, "alt", MAX_ALT, &field, &err);
	int fx = focal_parse(admin_form(w, req, "fx"));
	int fy = focal_parse(admin_form(w, req, "fy"));
	if (fx < 0 || fy < 0) {
		field = "focal";
		err = "Titik fokus: dua bilangan 0 sampai 1000 (per seribu "
		      "lebar dan tinggi).";
	}
	/* What was typed goes back into the form. */
	if (caption)
		m.caption = caption;
	if (credit)
		m.credit = credit;
	if (alt)
		m.alt = alt;
	if (err)
		return item_page(w, req, resp, 422, &m, field, err);
	/* A new focal point needs new crops before the row names them. A
	 * legacy upload has no renditions: its focal point is only kept. */
	if (m.pic.key[0] && (fx != m.pic.fx || fy != m.pic.fy)) {
		struct picture p = m.pic;
		p.fx = fx;
		p.fy = fy;
		if (!w->app->pictures || !w->app->media_dir)
			return W_IO;
		e = imgproc_recrop(w->app->pictures, w->app->media_dir, &p);
		if (e != W_OK)
			return e;
	}
	e = db_media_update(w->db, m.id, caption, credit, alt, fx, fy,
			    req->now);
	/* The audit row is also what tells the page caches (cache.c's site
	 * stamp) that lists showing this picture changed. */
	if (e == W_OK)
		e = admin_audit(w, req, "media.edit", 0,
				arena_printf(&w->arena, "picture %" PRId64,
					     m.id));
	if (e != W_OK)
		return e;
	return admin_redirect(
		resp, arena_printf(&w->arena, "/admin/media/%" PRId64 "?ok=saved",
				   m.id));
}

enum werr
admin_library_delete(struct worker *w, struct req *req, struct resp *resp)
{
	enum werr e = admin_need(w, PERM_MEDIA_DELETE);
	if (e != W_OK)
		return e;
	struct media_item m;
	if ((e = load(w, req, &m)) != W_OK)
		return e;
	struct media_item gone;
	e = db_media_delete(w->db, &w->arena, m.id, w->session->user.id,
			    req->remote_addr, req->now, &gone);
	if (e == W_CONFLICT) {
		/* Name the stories that keep it. */
		struct media_use *uses;
		size_t n;
		e = db_media_uses(w->db, &w->arena, m.id, USES_MAX, &uses, &n);
		if (e != W_OK)
			return e;
		struct buf b;
		buf_init(&b);
		buf_puts(&b, "Foto ini tidak dapat dihapus: dipakai berita yang "
			     "tayang: ");
		size_t k = 0;
		for (size_t i = 0; i < n; i++) {
			if (!uses[i].public)
				continue;
			buf_puts(&b, k++ ? ", \u201c" : "\u201c");
			buf_puts(&b, uses[i].title);
			buf_puts(&b, "\u201d");
		}
		buf_puts(&b, ". Lepaskan dulu dari berita itu.");
		const char *msg = buf_err(&b) == W_OK
					  ? arena_strdup(&w->arena, buf_cstr(&b))
					  : NULL;
		buf_fini(&b);
		if (!msg)
			return W_NOMEM;
		return item_page(w, req, resp, 409, &m, "delete", msg);
	}
	if (e != W_OK)
		return e;
	/* The row is gone; its files go too (its crops at other focal
	 * points stay: harmless, and `warta check` names them). */
	if (gone.pic.key[0])
		imgproc_discard(w->app->media_dir, &gone.pic);
	else
		admin_upload_discard(w, gone.name);
	return admin_redirect(resp, "/admin/media?ok=deleted");
}
