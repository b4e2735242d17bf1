/* admin_home.c - the dashboard at /admin: my drafts, what awaits review,
 * what is scheduled, and the latest published stories. */
#include <inttypes.h>
#include <stdio.h>

#include "admin.h"
#include "db_admin.h"
#include "db_article.h"
#include "page.h"

#define DASH_LIMIT 10

/* Adds list l under key: title, edit link, section, status, and the time
 * that matters for the list (the change, or the publication). */
static void
add_list(struct worker *w, struct tobj *ctx, const char *key,
	 const struct article_list *l, bool by_publication, bool public_url)
{
	struct tlist *list = tobj_list(ctx, key);
	for (size_t i = 0; i < l->n; i++) {
		const struct article *a = &l->items[i];
		struct tobj *o = tlist_add(list);
		int64_t t = by_publication ? a->published_at : a->updated_at;
		tobj_str(o, "title", a->title);
		tobj_str(o, "edit_url",
			 arena_printf(&w->arena,
				      "/admin/articles/%" PRId64 "/edit",
				      a->id));
		tobj_str(o, "section", a->section.name);
		/* Public listings do not load the status: they are all
		 * live. */
		if (public_url)
			tobj_str(o, "url", page_article_path(w, a));
		else
			tobj_str(o, "status", admin_status_label(a->status));
		tobj_str(o, "date", page_date_short(w, t));
		tobj_str(o, "datetime", page_date_iso(w, t));
	}
	tobj_bool(ctx, arena_printf(&w->arena, "%s_more", key), l->more);
}

enum werr
admin_home(struct worker *w, struct req *req, struct resp *resp)
{
	const struct user *u = &w->session->user;
	/* Who may edit any article sees everyone's queue; a reporter sees
	 * their own stories only. */
	int64_t whose = role_can(u->role, PERM_ARTICLE_EDIT_ANY) ? 0 : u->id;
	struct article_list drafts, review, sched, latest;
	enum werr e;

	e = db_admin_dash(w->db, &w->arena, DASH_DRAFTS, u->id, req->now,
			  DASH_LIMIT, &drafts);
	if (e == W_OK)
		e = db_admin_dash(w->db, &w->arena, DASH_REVIEW, whose,
				  req->now, DASH_LIMIT, &review);
	if (e == W_OK)
		e = db_admin_dash(w->db, &w->arena, DASH_SCHEDULED, whose,
				  req->now, DASH_LIMIT, &sched);
	if (e == W_OK)
		e = db_articles_latest(w->db, &w->arena, req->now, NULL,
				       DASH_LIMIT, &latest);
	if (e != W_OK)
		return e;

	struct tobj *ctx = admin_ctx(w, req, "Dasbor");
	if (!ctx)
		return W_NOMEM;
	add_list(w, ctx, "drafts", &drafts, false, false);
	add_list(w, ctx, "review", &review, false, false);
	add_list(w, ctx, "scheduled", &sched, true, false);
	add_list(w, ctx, "latest", &latest, true, true);
	tobj_bool(ctx, "review_all", whose == 0);
	return admin_render(w, resp, 200, "admin_home", ctx);
}
