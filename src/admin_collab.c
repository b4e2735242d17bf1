/* admin_collab.c - the editor's company: who else has a story open (the
 * heartbeat static/admin.js sends, and the line the editor and the listing
 * show), and the user's own autosave of the form (kept, offered back,
 * discarded). */
#include <inttypes.h>
#include <string.h>

#include "admin.h"
#include "admin_articles.h"
#include "datefmt.h"
#include "db_collab.h"
#include "page.h"

/* Each of these bytes a field of an autosave may hold; the editor's own
 * limits, with the body bounded by the request's. */
#define AUTOSAVE_LINE 2000

const char *
admin_clock(struct worker *w, int64_t t)
{
	struct local_date d;
	datefmt_local(t, w->site.tz_offset, &d);
	return arena_printf(&w->arena, "%02d.%02d", d.hour, d.min);
}

/* The article named by :id ("new" is the user's unsaved new story, 0) for
 * presence and autosave: it must exist and the user must be allowed to
 * save it. */
static enum werr
target(struct worker *w, const struct req *req, int64_t *id)
{
	const char *p = req_param(req, "id");
	*id = 0;
	if (!p) {
		/* /admin/articles/new/autosave */
		struct admin_article fresh = {.status = ST__MAX};
		return admin_article_may(w, &fresh, ACT_SAVE) ? W_OK
							       : W_FORBIDDEN;
	}
	struct admin_article a;
	enum werr e = admin_article_get(w, req, &a);
	if (e != W_OK)
		return e;
	if (!admin_article_may(w, &a, ACT_SAVE))
		return W_FORBIDDEN;
	*id = a.id;
	return W_OK;
}

enum werr
admin_presence_beat(struct worker *w, struct req *req, struct resp *resp)
{
	int64_t id;
	enum werr e = target(w, req, &id);
	if (e != W_OK)
		return e;
	if (!id)
		return W_NOTFOUND;
	const char *leave = form_get(&req->form, "leave");
	int64_t me = w->session->user.id;
	e = leave && strcmp(leave, "1") == 0
		    ? db_presence_leave(w->db, id, me)
		    : db_presence_touch(w->db, id, me, req->now,
					PRESENCE_BEAT_TTL);
	if (e != W_OK)
		return e;
	resp->status = 204;
	resp->cacheable = false;
	return W_OK;
}

/* Field name of the form, trimmed of nothing (an autosave keeps typing as
 * typed), checked against max bytes. */
static bool
field(const struct req *req, const char *name, size_t max, const char **out)
{
	const char *v = form_get(&req->form, name);
	*out = v ? v : "";
	return strlen(*out) <= max;
}

enum werr
admin_autosave(struct worker *w, struct req *req, struct resp *resp)
{
	int64_t id;
	enum werr e = target(w, req, &id);
	if (e != W_OK)
		return e;
	struct autosave s = {.saved_at = req->now};
	const char *v = form_get(&req->form, "version");
	s.version = id ? admin_id(v) : 0;
	if (id && !s.version)
		return W_INVAL;
	if (!field(req, "title", AUTOSAVE_LINE, &s.title) ||
	    !field(req, "slug", AUTOSAVE_LINE, &s.slug) ||
	    !field(req, "lead", AUTOSAVE_LINE, &s.lead) ||
	    !field(req, "dateline", AUTOSAVE_LINE, &s.dateline) ||
	    !field(req, "tags", AUTOSAVE_LINE, &s.tags) ||
	    !field(req, "picks", AUTOSAVE_LINE, &s.picks) ||
	    !field(req, "body", REQ_MAX_BODY, &s.body_md))
		return W_INVAL;
	e = db_autosave_put(w->db, w->session->user.id, id, &s);
	if (e != W_OK)
		return e;
	/* The time, for the editor's "tersimpan otomatis 21.04". */
	resp->status = 200;
	resp->content_type = "text/plain; charset=utf-8";
	resp->cacheable = false;
	buf_puts(&resp->body, admin_clock(w, req->now));
	return buf_err(&resp->body);
}

enum werr
admin_autosave_discard(struct worker *w, struct req *req, struct resp *resp)
{
	int64_t id;
	enum werr e = target(w, req, &id);
	if (e != W_OK)
		return e;
	e = db_autosave_drop(w->db, w->session->user.id, id);
	if (e != W_OK)
		return e;
	const char *to = id ? arena_printf(&w->arena,
					   "/admin/articles/%" PRId64 "/edit",
					   id)
			    : "/admin/articles/new";
	return to ? admin_redirect(resp, to) : W_NOMEM;
}

void
admin_collab_editor(struct worker *w, const struct req *req,
		    struct tobj *ctx, int64_t id, bool restored)
{
	const struct user *me = &w->session->user;
	const char *base = id ? arena_printf(&w->arena,
					     "/admin/articles/%" PRId64, id)
			      : "/admin/articles/new";
	if (!base)
		return;
	tobj_str(ctx, "autosave_url",
		 arena_printf(&w->arena, "%s/autosave", base));
	if (id) {
		tobj_str(ctx, "presence_url",
			 arena_printf(&w->arena, "%s/presence", base));
		/* Failures only lose the line: the editor still works. */
		struct presence *p;
		size_t n;
		if (db_presence_of(w->db, &w->arena, &id, 1, sizeof id, me->id,
				   req->now, 10, &p, &n) == W_OK) {
			struct tlist *l = tobj_list(ctx, "editing");
			for (size_t i = 0; i < n; i++) {
				struct tobj *o = tlist_add(l);
				tobj_str(o, "name", p[i].name);
				tobj_str(o, "since",
					 admin_clock(w, p[i].since));
			}
		}
	}
	struct autosave s;
	if (restored ||
	    db_autosave_get(w->db, &w->arena, me->id, id, &s) != W_OK)
		return;
	struct tobj *o = tobj_obj(ctx, "autosave");
	tobj_str(o, "when", page_date_short(w, s.saved_at));
	tobj_str(o, "restore_url",
		 arena_printf(&w->arena, "%s%s?pulihkan=1", base,
			      id ? "/edit" : ""));
	tobj_str(o, "discard_url",
		 arena_printf(&w->arena, "%s/autosave/discard", base));
}
