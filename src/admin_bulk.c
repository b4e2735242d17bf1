/* admin_bulk.c - actions on many articles at once from the listing
 * (publish, unpublish with one reason, move to a section, delete drafts),
 * each article checked and saved exactly as the editor does it one by one,
 * and the agenda of scheduled stories. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "admin_articles.h"
#include "datefmt.h"
#include "db_admin.h"
#include "db_taxonomy.h"
#include "page.h"

#define BULK_MAX 100 /* articles in one request */
#define AGENDA_MAX 200

enum bulk {
	BULK_PUBLISH,
	BULK_UNPUBLISH,
	BULK_SECTION,
	BULK_DELETE,
	BULK__MAX
};

static const struct {
	const char *name;
	enum article_action act;
	const char *done; /* the past tense, for the result list */
} bulks[] = {
	[BULK_PUBLISH] = {"publish", ACT_PUBLISH, "diterbitkan"},
	[BULK_UNPUBLISH] = {"unpublish", ACT_UNPUBLISH, "dicabut"},
	[BULK_SECTION] = {"section", ACT_SAVE, "dipindah kanal"},
	[BULK_DELETE] = {"delete", ACT_DELETE, "dihapus"},
};
_Static_assert(sizeof bulks / sizeof bulks[0] == BULK__MAX, "one per bulk");

/* "ID.VERSION", both positive: the article and the version the listing
 * showed. False for anything else. */
static bool
parse_item(const char *s, int64_t *id, int64_t *version)
{
	const char *dot = s ? strchr(s, '.') : NULL;
	if (!dot || dot - s > 20)
		return false;
	char head[21];
	memcpy(head, s, (size_t)(dot - s));
	head[dot - s] = '\0';
	*id = admin_id(head);
	*version = admin_id(dot + 1);
	return *id && *version;
}

/* What happened to one article; the worst outcome sets the status. */
enum outcome { OUT_OK, OUT_INVAL, OUT_FORBIDDEN, OUT_STALE };

struct result {
	const char *title;
	const char *edit_url;
	const char *msg;
	enum outcome out;
};

/* Applies bulk b to article id, based on version, as the editor would:
 * role and ownership on the stored record, the action's own rule, then
 * the save whose UPDATE checks the version. */
static enum werr
one(struct worker *w, const struct req *req, enum bulk b, int64_t id,
    int64_t version, const char *reason, int64_t section,
    struct result *r)
{
	struct admin_article a;
	enum werr e = db_admin_article_load(w->db, &w->arena, id, &a);
	if (e == W_NOTFOUND) {
		r->title = "(berita tidak ada)";
		r->msg = "Tidak ditemukan; mungkin sudah dihapus.";
		r->out = OUT_STALE;
		return W_OK;
	}
	if (e != W_OK)
		return e;
	r->title = a.title;
	r->edit_url = arena_printf(&w->arena,
				   "/admin/articles/%" PRId64 "/edit", id);
	enum article_action act = bulks[b].act;
	if (!admin_article_may(w, &a, ACT_SAVE) ||
	    !admin_article_may(w, &a, act)) {
		r->msg = "Peran Anda tidak mengizinkan tindakan ini untuk "
			 "berita ini.";
		r->out = OUT_FORBIDDEN;
		return W_OK;
	}
	if (a.version != version) {
		r->msg = "Berita ini diubah orang lain setelah daftar dibuka; "
			 "tidak disentuh. Buka dan periksa dulu.";
		r->out = OUT_STALE;
		return W_OK;
	}
	const char *why, *field;
	if (b == BULK_SECTION)
		a.section_id = section;
	else if (db_admin_article_apply(&a, act, w->session->user.id,
					req->now, 0, reason, &why,
					&field) != W_OK) {
		r->msg = why;
		r->out = OUT_INVAL;
		return W_OK;
	}
	struct admin_save s = {.user_id = w->session->user.id,
			       .addr = req->remote_addr,
			       .now = req->now,
			       .act = act,
			       .version = version};
	e = b == BULK_DELETE ? db_admin_article_delete(w->db, id, &s)
			     : db_admin_article_save(w->db, &a, &s);
	if (e == W_STALE) {
		r->msg = "Berita ini diubah orang lain bersamaan; tidak "
			 "disentuh.";
		r->out = OUT_STALE;
		return W_OK;
	}
	if (e == W_CONFLICT || e == W_INVAL) {
		r->msg = "Tidak dapat disimpan; buka berita ini untuk "
			 "memeriksanya.";
		r->out = OUT_INVAL;
		return W_OK;
	}
	if (e != W_OK)
		return e;
	r->msg = bulks[b].done;
	r->out = OUT_OK;
	return W_OK;
}

enum werr
admin_articles_bulk(struct worker *w, struct req *req, struct resp *resp)
{
	const struct form *f = &req->form;
	const char *name = form_get(f, "bulk");
	enum bulk b = BULK__MAX;
	for (int i = 0; name && i < BULK__MAX; i++)
		if (strcmp(name, bulks[i].name) == 0)
			b = (enum bulk)i;
	if (b == BULK__MAX)
		return W_INVAL;
	const char *reason = admin_form(w, req, "reason");
	int64_t section = 0;
	const char *alert = NULL;
	if (b == BULK_SECTION) {
		struct section *secs;
		size_t nsecs;
		enum werr e = db_sections_all(w->db, &w->arena, &secs, &nsecs);
		if (e != W_OK)
			return e;
		int64_t want = admin_id(form_get(f, "section"));
		for (size_t i = 0; i < nsecs; i++)
			if (secs[i].id == want)
				section = want;
		if (!section)
			alert = "Pilih kanal tujuan.";
	}
	if (b == BULK_UNPUBLISH && !*reason)
		alert = "Alasan pencabutan wajib diisi; tampil untuk pembaca "
			"di alamat setiap berita yang dicabut.";

	struct result *rs = arena_alloc(&w->arena, BULK_MAX * sizeof *rs);
	if (!rs)
		return W_NOMEM;
	size_t n = 0;
	for (size_t i = 0; i < f->n; i++) {
		const struct form_field *ff = &f->fields[i];
		if (ff->filename || strcmp(ff->name, "item") != 0)
			continue;
		int64_t id, version;
		if (!parse_item(ff->value, &id, &version))
			return W_INVAL;
		if (n == BULK_MAX) {
			alert = "Paling banyak 100 berita sekaligus.";
			break;
		}
		rs[n++] = (struct result){.msg = NULL};
		if (alert)
			continue;
		enum werr e = one(w, req, b, id, version, reason, section,
				  &rs[n - 1]);
		if (e != W_OK)
			return e;
	}
	if (n == 0)
		alert = "Pilih setidaknya satu berita.";

	enum outcome worst = OUT_OK;
	for (size_t i = 0; !alert && i < n; i++)
		if (rs[i].out > worst)
			worst = rs[i].out;
	if (!alert && worst == OUT_OK)
		return admin_redirect(resp, "/admin/articles?ok=bulk");

	struct tobj *ctx = admin_ctx(w, req, "Tindakan massal");
	if (!ctx)
		return W_NOMEM;
	tobj_str(ctx, "alert", alert);
	struct tlist *l = tobj_list(ctx, "results");
	for (size_t i = 0; !alert && i < n; i++) {
		struct tobj *o = tlist_add(l);
		tobj_str(o, "title", rs[i].title);
		tobj_str(o, "edit_url", rs[i].edit_url);
		tobj_str(o, "msg", rs[i].msg);
		tobj_bool(o, "ok", rs[i].out == OUT_OK);
	}
	static const int status[] = {
		[OUT_OK] = 200, [OUT_INVAL] = 422, [OUT_FORBIDDEN] = 403,
		[OUT_STALE] = 409};
	return admin_render(w, resp, alert ? 422 : status[worst], "admin_bulk",
			    ctx);
}

/* ---- the agenda ---- */

enum werr
admin_agenda(struct worker *w, struct req *req, struct resp *resp)
{
	struct admin_row *rows;
	size_t n;
	enum werr e = db_admin_scheduled(w->db, &w->arena, req->now,
					 AGENDA_MAX, &rows, &n);
	if (e != W_OK)
		return e;
	struct tobj *ctx = admin_ctx(w, req, "Agenda terbit");
	if (!ctx)
		return W_NOMEM;
	struct tlist *days = tobj_list(ctx, "days");
	struct tlist *items = NULL;
	int last = -1;
	for (size_t i = 0; i < n; i++) {
		struct local_date d;
		datefmt_local(rows[i].published_at, w->site.tz_offset, &d);
		int key = d.year * 10000 + d.month * 100 + d.day;
		if (key != last) {
			struct tobj *day = tlist_add(days);
			char tmp[64];
			datefmt_long(rows[i].published_at, w->site.tz_offset,
				     LANG_ID, tmp, sizeof tmp);
			tobj_str(day, "date", arena_strdup(&w->arena, tmp));
			tobj_str(day, "iso",
				 arena_printf(&w->arena, "%04d-%02d-%02d",
					      d.year, d.month, d.day));
			items = tobj_list(day, "items");
			last = key;
		}
		struct tobj *o = tlist_add(items);
		tobj_str(o, "time", admin_clock(w, rows[i].published_at));
		tobj_str(o, "datetime", page_date_iso(w, rows[i].published_at));
		tobj_str(o, "title", rows[i].title);
		tobj_str(o, "section", rows[i].section);
		tobj_str(o, "creator", rows[i].creator);
		tobj_str(o, "edit_url",
			 arena_printf(&w->arena,
				      "/admin/articles/%" PRId64 "/edit",
				      rows[i].id));
	}
	tobj_bool(ctx, "has_days", n > 0);
	tobj_str(ctx, "tz", w->site.tz_abbr);
	return admin_render(w, resp, 200, "admin_agenda", ctx);
}
