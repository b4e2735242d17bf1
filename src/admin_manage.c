/* admin_manage.c - the site settings and the audit log pages, and what
 * every management page shares (admin_taxonomy.c, admin_users.c). */
#include <inttypes.h>
#include <string.h>

#include "admin.h"
#include "admin_manage.h"
#include "datefmt.h"
#include "db_manage.h"
#include "db_site.h"
#include "page.h"

#define AUDIT_PAGE 50
#define ACTION_MAX 100 /* bytes of an ?aksi= filter */

/* --- shared ------------------------------------------------------------ */

void
admin_manage_errs(struct tobj *ctx, const struct db_manage_errs *errs)
{
	if (!errs || errs->n == 0)
		return;
	struct tobj *err = tobj_obj(ctx, "err");
	for (size_t i = 0; i < errs->n; i++)
		tobj_str(err, errs->e[i].field, errs->e[i].msg);
	tobj_str(ctx, "alert",
		 "Periksa isian yang ditandai; belum ada yang "
		 "disimpan.");
}

bool
admin_manage_form_error(enum werr e)
{
	return e == W_INVAL || e == W_CONFLICT;
}

/* --- settings ---------------------------------------------------------- */

/* The choices of the form; db_site.c has the last word on each. */
struct choice {
	const char *value, *label;
};

static const struct choice zones[] = {
    {"Asia/Jakarta", "WIB (Asia/Jakarta)"},
    {"Asia/Makassar", "WITA (Asia/Makassar)"},
    {"Asia/Jayapura", "WIT (Asia/Jayapura)"},
};

static const struct choice langs[] = {
    {"id", "Bahasa Indonesia"},
    {"en", "English"},
};

static bool
same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Adds the list key of the n choices c, with the one whose value is
 * chosen selected. */
static void
add_choices(struct tobj *ctx, const char *key, const struct choice *c, size_t n,
	    const char *chosen)
{
	struct tlist *l = tobj_list(ctx, key);
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_add(l);
		tobj_str(o, "value", c[i].value);
		tobj_str(o, "label", c[i].label);
		tobj_bool(o, "selected", same(chosen, c[i].value));
	}
}

static enum werr
settings_page(struct worker *w, struct req *req, struct resp *resp, int status,
	      const struct db_manage_settings *in,
	      const struct db_manage_errs *errs)
{
	struct tobj *ctx = admin_ctx(w, req, "Pengaturan situs");
	if (!ctx)
		return W_NOMEM;
	struct tobj *f = tobj_obj(ctx, "form");
	tobj_str(f, "site_name", in->site_name);
	tobj_str(f, "tagline", in->tagline);
	tobj_str(f, "base_url", in->base_url);
	add_choices(ctx, "zones", zones, sizeof zones / sizeof zones[0],
		    in->timezone);
	add_choices(ctx, "langs", langs, sizeof langs / sizeof langs[0],
		    in->language);
	admin_manage_errs(ctx, errs);
	return admin_render(w, resp, status, "admin_settings", ctx);
}

/* The settings that differ between two loads, for the audit row. */
static const char *
settings_changed(struct worker *w, const struct site *a, const struct site *b)
{
	const struct {
		const char *key, *x, *y;
	} cmp[] = {
	    {"site_name", a->name, b->name},
	    {"tagline", a->tagline, b->tagline},
	    {"base_url", a->base_url, b->base_url},
	    {"timezone", a->timezone, b->timezone},
	    {"language", a->lang, b->lang},
	};
	const char *out = "";
	for (size_t i = 0; i < sizeof cmp / sizeof cmp[0] && out; i++)
		if (!same(cmp[i].x, cmp[i].y))
			out = arena_printf(&w->arena, "%s%s%s", out,
					   *out ? ", " : "", cmp[i].key);
	return out;
}

enum werr
admin_settings(struct worker *w, struct req *req, struct resp *resp)
{
	enum werr e = admin_need(w, PERM_SETTINGS);
	if (e != W_OK)
		return e;
	struct db_manage_settings in;
	if (req->method != METHOD_POST) {
		in = (struct db_manage_settings){
		    .site_name = w->site.name,
		    .tagline = w->site.tagline,
		    .base_url = w->site.base_url_setting,
		    .timezone = w->site.timezone,
		    .language = w->site.lang,
		};
		return settings_page(w, req, resp, 200, &in, NULL);
	}

	in = (struct db_manage_settings){
	    .site_name = admin_form(w, req, "site_name"),
	    .tagline = admin_form(w, req, "tagline"),
	    .base_url = admin_form(w, req, "base_url"),
	    .timezone = admin_form(w, req, "timezone"),
	    .language = admin_form(w, req, "language"),
	};
	struct db_manage_errs errs = {0};
	e = db_begin(w->db);
	if (e == W_OK)
		e = db_manage_settings_save(w->db, &in, &errs);
	struct site now;
	if (e == W_OK)
		e = db_site_load(w->db, &w->arena, &now);
	const char *changed =
	    e == W_OK ? settings_changed(w, &w->site, &now) : "";
	if (!changed)
		e = W_NOMEM;
	if (e == W_OK && !*changed) {
		/* Nothing changed, so nothing to audit. */
		e = db_commit(w->db);
		if (e != W_OK)
			db_rollback(w->db);
	} else {
		e = admin_finish(w, req, e, "settings.update", 0, changed);
	}
	if (e == W_OK)
		return admin_redirect(resp, "/admin/settings?ok=settings");
	if (!admin_manage_form_error(e))
		return e;
	return settings_page(w, req, resp, werr_status(e), &in, &errs);
}

/* --- the audit log ----------------------------------------------------- */

/* "21/11/2024 10:15:07 WIB": the audit log wants the seconds. */
static const char *
time_full(struct worker *w, int64_t t)
{
	struct local_date d;
	datefmt_local(t, w->site.tz_offset, &d);
	return arena_printf(&w->arena, "%02d/%02d/%04d %02d:%02d:%02d %s",
			    d.day, d.month, d.year, d.hour, d.min, d.sec,
			    w->site.tz_abbr);
}

/* base + the filters in effect, ending in '?' or '&' for one more. */
static const char *
audit_base(struct worker *w, const struct db_manage_audit_filter *f)
{
	const char *s = "/admin/audit?";
	if (f->user_id)
		s = arena_printf(&w->arena, "%spengguna=%" PRId64 "&", s,
				 f->user_id);
	const char *q = f->action ? admin_qenc(w, f->action) : NULL;
	if (f->action && !q)
		return NULL;
	if (s && q)
		s = arena_printf(&w->arena, "%saksi=%s&", s, q);
	return s;
}

enum werr
admin_audit_log(struct worker *w, struct req *req, struct resp *resp)
{
	enum werr e = admin_need(w, PERM_AUDIT);
	if (e != W_OK)
		return e;
	struct db_manage_audit_filter f = {0};
	const char *u = req_query(req, "pengguna");
	const char *b = req_query(req, "sebelum");
	f.action = req_query(req, "aksi");
	if (u && *u && !(f.user_id = admin_id(u)))
		return W_INVAL;
	int64_t before = 0;
	if (b && !(before = admin_id(b)))
		return W_INVAL;
	if (f.action && !*f.action)
		f.action = NULL;
	if (f.action && strlen(f.action) > ACTION_MAX)
		return W_INVAL;

	struct db_manage_audit *rows;
	struct db_manage_user *users;
	size_t n, nusers;
	bool more, more_users;
	e = db_manage_audit_list(w->db, &w->arena, &f, before, AUDIT_PAGE,
				 &rows, &n, &more);
	if (e == W_OK)
		e = db_manage_users(w->db, &w->arena, 0, 500, &users, &nusers,
				    &more_users);
	if (e != W_OK)
		return e;
	struct tobj *ctx = admin_ctx(w, req, "Log audit");
	if (!ctx)
		return W_NOMEM;
	const char *base = audit_base(w, &f);
	if (!base)
		return W_NOMEM;
	tobj_str(ctx, "action", f.action);
	tobj_bool(ctx, "filtered", f.user_id || f.action);
	struct tlist *ul = tobj_list(ctx, "users");
	for (size_t i = 0; i < nusers; i++) {
		struct tobj *o = tlist_add(ul);
		tobj_int(o, "id", users[i].u.id);
		tobj_str(o, "name", users[i].u.name);
		tobj_str(o, "email", users[i].u.email);
		tobj_bool(o, "selected", users[i].u.id == f.user_id);
	}
	struct tlist *list = tobj_list(ctx, "rows");
	for (size_t i = 0; i < n; i++) {
		const struct db_manage_audit *r = &rows[i];
		struct tobj *o = tlist_add(list);
		tobj_int(o, "id", r->id);
		tobj_str(o, "time", time_full(w, r->created_at));
		tobj_str(o, "datetime", page_date_iso(w, r->created_at));
		/* Every key a row's template reads is set, so that none is
		 * looked up in the page around it ("user" is the signed-in
		 * one). */
		tobj_str(o, "who",
			 r->user_id
			     ? (*r->user_name ? r->user_name : "(akun dihapus)")
			     : "sistem");
		if (r->user_id)
			tobj_str(o, "user_url",
				 arena_printf(&w->arena,
					      "/admin/audit?pengguna=%" PRId64,
					      r->user_id));
		const char *q = admin_qenc(w, r->action);
		if (!q)
			return W_NOMEM;
		tobj_str(o, "action", r->action);
		tobj_str(o, "action_url",
			 arena_printf(&w->arena, "/admin/audit?aksi=%s", q));
		if (r->article_id) {
			struct tobj *a = tobj_obj(o, "article");
			tobj_str(a, "label",
				 *r->article_title
				     ? r->article_title
				     : arena_printf(&w->arena,
						    "#%" PRId64 " (dihapus)",
						    r->article_id));
			tobj_str(a, "url",
				 arena_printf(&w->arena,
					      "/admin/articles/%" PRId64
					      "/edit",
					      r->article_id));
		}
		tobj_str(o, "detail", r->detail);
		tobj_str(o, "addr", r->addr);
	}
	if (more)
		tobj_str(ctx, "next",
			 arena_printf(&w->arena, "%ssebelum=%" PRId64, base,
				      rows[n - 1].id));
	if (before)
		tobj_str(ctx, "first",
			 arena_strndup(&w->arena, base, strlen(base) - 1));
	return admin_render(w, resp, 200, "admin_audit", ctx);
}
