/* admin_results.c - the results desk in the admin: regions, their
 * candidate pairs and the results entries editors add as counts come in.
 * Every page needs PERM_RESULTS. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "admin_articles.h"
#include "admin_election.h"
#include "datefmt.h"
#include "db_results.h"
#include "db_taxonomy.h"
#include "page.h"
#include "slug.h"

#define HISTORY_MAX 100
#define MAX_NAME 200
#define MAX_NOTE 500

static struct live_who
who(struct worker *w, const struct req *req)
{
	return (struct live_who){w->session->user.id, req->remote_addr,
				 req->now};
}

/* What a refused form shows again. */
struct desk_form {
	const char *alert;
	/* The region form as typed. */
	const char *name, *slug, *kind, *tag;
	bool in_news;
	/* The results form as typed. */
	const char *source, *pollster, *margin, *data_in, *date, *time, *note;
};

/* Hundredths of a percent from "52", "52,3" or "52.31" (0..100); -1 when
 * malformed or out of range. */
static int64_t
parse_pct(const char *s)
{
	int64_t whole = 0, frac = 0;
	int nd = 0, nf = 0;
	for (; *s >= '0' && *s <= '9'; s++, nd++)
		if (nd < 4)
			whole = whole * 10 + (*s - '0');
	if (nd == 0 || nd > 3)
		return -1;
	if (*s == ',' || *s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++, nf++)
			if (nf < 2)
				frac = frac * 10 + (*s - '0');
		if (nf == 0 || nf > 2)
			return -1;
		if (nf == 1)
			frac *= 10;
	}
	if (*s)
		return -1;
	int64_t v = whole * 100 + frac;
	return v <= 10000 ? v : -1;
}

/* A vote count: digits, with dots allowed as thousands separators
 * ("1.234.567"); -1 when malformed or over a billion. */
static int64_t
parse_votes(const char *s)
{
	int64_t v = 0;
	int nd = 0;
	for (; *s; s++) {
		if (*s == '.')
			continue;
		if (*s < '0' || *s > '9' || ++nd > 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return nd && v <= 1000000000 ? v : -1;
}

/* "YYYY-MM-DD" and "HH:MM" in the site's zone; now when both are empty;
 * -1 when malformed. */
static int64_t
parse_when(struct worker *w, const char *date, const char *time, int64_t now)
{
	if (!*date && !*time)
		return now;
	if (strlen(date) != 10 || date[4] != '-' || date[7] != '-' ||
	    strlen(time) != 5 || time[2] != ':')
		return -1;
	char *end;
	long y = strtol(date, &end, 10);
	if (end != date + 4)
		return -1;
	long mo = strtol(date + 5, &end, 10);
	if (end != date + 7)
		return -1;
	long d = strtol(date + 8, &end, 10);
	if (end != date + 10)
		return -1;
	long h = strtol(time, &end, 10);
	if (end != time + 2)
		return -1;
	long mi = strtol(time + 3, &end, 10);
	if (end != time + 5)
		return -1;
	return datefmt_from_local((int)y, (int)mo, (int)d, (int)h, (int)mi,
				  w->site.tz_offset);
}

/* The region named by the route's :id. */
static enum werr
region_get(struct worker *w, const struct req *req, struct region *r)
{
	int64_t id = admin_id(req_param(req, "id"));
	return id ? db_region_by_id(w->db, &w->arena, id, r) : W_NOTFOUND;
}

static const char *
region_path(struct worker *w, int64_t id, const char *ok)
{
	return arena_printf(&w->arena, "/admin/pilkada/%" PRId64 "%s%s", id,
			    ok ? "?ok=" : "", ok ? ok : "");
}

/* The region form's fields and its kind choices into ctx. */
static void
region_fields(struct worker *w, struct tobj *ctx, const struct region *r,
	      const struct desk_form *f)
{
	struct tobj *o = tobj_obj(ctx, "region");
	const char *kind = f && f->kind ? f->kind
					: region_kind_name(r ? r->kind
							     : REGION_KOTA);
	tobj_str(o, "name", f && f->name ? f->name : r ? r->name : "");
	tobj_str(o, "slug", f && f->slug ? f->slug : r ? r->slug : "");
	tobj_str(o, "tag", f && f->tag ? f->tag : r ? r->tag_slug : "");
	tobj_bool(o, "in_news", f ? f->in_news : r ? r->in_news : true);
	struct tlist *kinds = tobj_list(ctx, "kinds");
	for (int k = 0; k < REGION__MAX; k++) {
		struct tobj *it = tlist_add(kinds);
		tobj_str(it, "value", region_kind_name(k));
		tobj_str(it, "label", region_kind_label(k));
		tobj_bool(it, "selected",
			  kind && strcmp(kind, region_kind_name(k)) == 0);
	}
}

static enum werr
render_list(struct worker *w, struct req *req, struct resp *resp,
	    const struct desk_form *f, int status)
{
	struct region *r;
	size_t n;
	enum werr e = db_regions(w->db, &w->arena, false, RESULTS_MAX_REGIONS,
				 &r, &n);
	if (e != W_OK)
		return e;
	struct tobj *ctx = admin_ctx(w, req, "Pilkada");
	if (!ctx)
		return W_NOMEM;
	tobj_str(ctx, "alert", f ? f->alert : NULL);
	tobj_str(ctx, "action", "/admin/pilkada");
	struct tlist *l = tobj_list(ctx, "regions");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_add(l);
		tobj_str(o, "name", r[i].name);
		tobj_str(o, "kind", region_kind_label(r[i].kind));
		tobj_str(o, "url", region_path(w, r[i].id, NULL));
		tobj_str(o, "public_url", arena_printf(&w->arena,
						       "/pilkada/%s",
						       r[i].slug));
		tobj_bool(o, "in_news", r[i].in_news);
	}
	region_fields(w, ctx, NULL, f);
	return admin_render(w, resp, status, "admin_regions", ctx);
}

static enum werr render_region(struct worker *w, struct req *req,
			       struct resp *resp, const struct region *r,
			       const struct desk_form *f, int status);

/* Reads the region form into r (its id kept); false with f->alert set
 * when a field is unacceptable. */
static bool
read_region(struct worker *w, const struct req *req, struct region *r,
	    struct desk_form *f)
{
	f->name = admin_form(w, req, "name");
	f->slug = admin_form(w, req, "slug");
	f->kind = admin_form(w, req, "kind");
	f->tag = admin_form(w, req, "tag");
	f->in_news = form_get(&req->form, "in_news") != NULL;
	r->name = f->name;
	r->kind = region_kind_parse(f->kind);
	r->in_news = f->in_news;
	r->tag_id = 0;
	if (!*f->name || strlen(f->name) > MAX_NAME) {
		f->alert = "Isi nama daerah (paling banyak 200 byte).";
		return false;
	}
	if (r->kind == REGION__MAX) {
		f->alert = "Pilih jenis daerah: provinsi, kabupaten atau kota.";
		return false;
	}
	if (*f->slug) {
		r->slug = f->slug;
	} else {
		char s[101];
		if (slug_from(f->name, s, sizeof s) == 0) {
			f->alert = "Slug tidak dapat dibuat dari nama ini; "
				   "isi sendiri.";
			return false;
		}
		r->slug = arena_strdup(&w->arena, s);
	}
	if (!r->slug || !slug_valid(r->slug)) {
		f->alert = "Slug hanya boleh berisi huruf kecil a-z, angka dan "
			   "tanda hubung tunggal.";
		return false;
	}
	if (*f->tag) {
		struct tag t;
		enum werr e = db_tag_by_slug(w->db, &w->arena, f->tag, &t);
		if (e != W_OK) {
			f->alert = "Tag itu tidak ada. Tulis slug tag berita "
				   "daerah ini, mis. pilkada-banten.";
			return false;
		}
		r->tag_id = t.id;
	}
	return true;
}

enum werr
admin_regions(struct worker *w, struct req *req, struct resp *resp)
{
	enum werr e = admin_need(w, PERM_RESULTS);
	if (e != W_OK)
		return e;
	if (req->method != METHOD_POST)
		return render_list(w, req, resp, NULL, 200);
	struct region r = {0};
	struct desk_form f = {0};
	if (!read_region(w, req, &r, &f))
		return render_list(w, req, resp, &f, 422);
	struct live_who by = who(w, req);
	e = db_region_save(w->db, &r, &by);
	if (e == W_CONFLICT || e == W_INVAL) {
		f.alert = e == W_CONFLICT ? "Slug itu sudah dipakai daerah lain."
					  : "Daerah tidak dapat disimpan.";
		return render_list(w, req, resp, &f, e == W_CONFLICT ? 409
								     : 422);
	}
	if (e != W_OK)
		return e;
	return admin_redirect(resp, region_path(w, r.id, "region_saved"));
}

static enum werr
render_region(struct worker *w, struct req *req, struct resp *resp,
	      const struct region *r, const struct desk_form *f, int status)
{
	struct candidate *c;
	struct result_entry *h;
	size_t nc, nh;
	enum werr e = db_candidates(w->db, &w->arena, r->id, &c, &nc);
	if (e == W_OK)
		e = db_results_history(w->db, &w->arena, r->id, HISTORY_MAX,
				       &h, &nh);
	if (e != W_OK)
		return e;
	struct tobj *ctx = admin_ctx(w, req, r->name);
	if (!ctx)
		return W_NOMEM;
	tobj_str(ctx, "alert", f ? f->alert : NULL);
	tobj_str(ctx, "heading", r->name);
	tobj_str(ctx, "action", region_path(w, r->id, NULL));
	tobj_str(ctx, "public_url",
		 arena_printf(&w->arena, "/pilkada/%s", r->slug));
	tobj_str(ctx, "marker",
		 arena_printf(&w->arena, "[[hasil:%s]]", r->slug));
	region_fields(w, ctx, r, f);
	tobj_str(ctx, "pair_action", arena_printf(&w->arena,
						  "/admin/pilkada/%" PRId64
						  "/paslon",
						  r->id));
	tobj_int(ctx, "next_number", nc ? c[nc - 1].number + 1 : 1);
	struct tlist *pl = tobj_list(ctx, "pairs");
	for (size_t i = 0; i < nc; i++) {
		struct tobj *o = tlist_add(pl);
		tobj_int(o, "id", c[i].id);
		tobj_int(o, "number", c[i].number);
		tobj_str(o, "names", c[i].names);
		tobj_str(o, "coalition", c[i].coalition);
		if (c[i].photo_name[0])
			tobj_str(o, "photo", arena_printf(&w->arena,
							  "/media/%s",
							  c[i].photo_name));
		tobj_str(o, "action",
			 arena_printf(&w->arena,
				      "/admin/pilkada/%" PRId64
				      "/paslon/%" PRId64,
				      r->id, c[i].id));
		tobj_str(o, "delete_action",
			 arena_printf(&w->arena,
				      "/admin/pilkada/%" PRId64
				      "/paslon/%" PRId64 "/delete",
				      r->id, c[i].id));
	}
	tobj_bool(ctx, "has_pairs", nc > 0);
	/* The results form. */
	tobj_str(ctx, "result_action", arena_printf(&w->arena,
						    "/admin/pilkada/%" PRId64
						    "/hasil",
						    r->id));
	const char *src = f && f->source ? f->source : "kpu";
	tobj_bool(ctx, "src_kpu", strcmp(src, "quick") != 0);
	tobj_bool(ctx, "src_quick", strcmp(src, "quick") == 0);
	struct tobj *rf = tobj_obj(ctx, "rf");
	if (f) {
		tobj_str(rf, "pollster", f->pollster);
		tobj_str(rf, "margin", f->margin);
		tobj_str(rf, "data_in", f->data_in);
		tobj_str(rf, "date", f->date);
		tobj_str(rf, "time", f->time);
		tobj_str(rf, "note", f->note);
	}
	struct tlist *vl = tobj_list(ctx, "value_fields");
	for (size_t i = 0; i < nc; i++) {
		struct tobj *o = tlist_add(vl);
		tobj_str(o, "name",
			 arena_printf(&w->arena, "v%" PRId64, c[i].id));
		tobj_int(o, "number", c[i].number);
		tobj_str(o, "names", c[i].names);
		const char *typed = f ? form_get(&req->form,
						 arena_printf(&w->arena,
							      "v%" PRId64,
							      c[i].id))
				      : NULL;
		tobj_str(o, "value", typed);
	}
	struct tlist *hl = tobj_list(ctx, "history");
	for (size_t i = 0; i < nh; i++) {
		struct tobj *o = tlist_add(hl);
		bool kpu = h[i].source == SOURCE_KPU;
		tobj_str(o, "date", page_date_short(w, h[i].counted_at));
		tobj_str(o, "entered", page_date_short(w, h[i].created_at));
		tobj_str(o, "user", h[i].user_name);
		tobj_str(o, "source",
			 kpu ? "Real count KPU"
			     : arena_printf(&w->arena,
					    "Hitung cepat %s (bukan hasil "
					    "resmi)",
					    h[i].pollster));
		tobj_bool(o, "latest", i == 0);
		struct buf b;
		buf_init(&b);
		for (size_t k = 0; k < nc; k++)
			for (size_t j = 0; j < h[i].n; j++)
				if (h[i].candidate_ids[j] == c[k].id)
					buf_printf(&b, "%s%d: %" PRId64,
						   b.len ? " · " : "",
						   c[k].number, h[i].values[j]);
		if (buf_err(&b) == W_OK)
			tobj_str(o, "numbers",
				 arena_strndup(&w->arena, buf_cstr(&b),
					       b.len));
		buf_fini(&b);
	}
	tobj_bool(ctx, "has_history", nh > 0);
	return admin_render(w, resp, status, "admin_region", ctx);
}

enum werr
admin_region(struct worker *w, struct req *req, struct resp *resp)
{
	struct region r;
	enum werr e = admin_need(w, PERM_RESULTS);
	if (e == W_OK)
		e = region_get(w, req, &r);
	if (e != W_OK)
		return e;
	if (req->method != METHOD_POST)
		return render_region(w, req, resp, &r, NULL, 200);
	struct region changed = r;
	struct desk_form f = {0};
	if (!read_region(w, req, &changed, &f))
		return render_region(w, req, resp, &r, &f, 422);
	struct live_who by = who(w, req);
	e = db_region_save(w->db, &changed, &by);
	if (e == W_CONFLICT || e == W_INVAL) {
		f.alert = e == W_CONFLICT ? "Slug itu sudah dipakai daerah lain."
					  : "Daerah tidak dapat disimpan.";
		return render_region(w, req, resp, &r, &f,
				     e == W_CONFLICT ? 409 : 422);
	}
	if (e != W_OK)
		return e;
	return admin_redirect(resp, region_path(w, r.id, "region_saved"));
}

/* Reads and saves the pair form into c (id and region set by caller). */
static enum werr
save_pair(struct worker *w, struct req *req, struct resp *resp,
	  const struct region *r, struct candidate *c)
{
	struct desk_form f = {0};
	const char *num = admin_form(w, req, "number");
	c->names = admin_form(w, req, "names");
	c->coalition = admin_form(w, req, "coalition");
	int64_t n = admin_id(num);
	c->number = n >= 1 && n <= 99 ? (int)n : 0;
	if (!c->number)
		f.alert = "Nomor urut pasangan harus 1 sampai 99.";
	else if (!*c->names || strlen(c->names) > MAX_NAME)
		f.alert = "Isi nama pasangan calon (paling banyak 200 byte).";
	else if (strlen(c->coalition) > MAX_NOTE)
		f.alert = "Daftar partai pengusung terlalu panjang.";
	/* The photo goes through the picture helper (imgproc.h) once the
	 * rest is valid, into the library. */
	const struct form_field *up = form_file(&req->form, "photo");
	const char *bad = admin_picture_check(w, up);
	if (bad && !f.alert)
		f.alert = bad;
	if (f.alert)
		return render_region(w, req, resp, r, &f, 422);
	struct admin_media m;
	const struct admin_media *photo = NULL;
	enum werr e = admin_picture_upload(w, req, up, &m, &bad);
	if (e != W_OK)
		return e;
	if (bad) {
		f.alert = bad;
		return render_region(w, req, resp, r, &f, 422);
	}
	if (up)
		photo = &m;
	bool remove = form_get(&req->form, "remove_photo") != NULL;
	struct live_who by = who(w, req);
	e = db_candidate_save(w->db, c, photo, remove, &by);
	if (e == W_CONFLICT || e == W_INVAL) {
		f.alert = e == W_CONFLICT
				  ? "Nomor urut itu sudah dipakai pasangan "
				    "lain di daerah ini."
				  : "Pasangan calon tidak dapat disimpan "
				    "(paling banyak 12 pasangan).";
		return render_region(w, req, resp, r, &f,
				     e == W_CONFLICT ? 409 : 422);
	}
	if (e != W_OK)
		return e;
	return admin_redirect(resp, region_path(w, r->id, "pair_saved"));
}

enum werr
admin_pair_add(struct worker *w, struct req *req, struct resp *resp)
{
	struct region r;
	enum werr e = admin_need(w, PERM_RESULTS);
	if (e == W_OK)
		e = region_get(w, req, &r);
	if (e != W_OK)
		return e;
	struct candidate c = {.region_id = r.id};
	return save_pair(w, req, resp, &r, &c);
}

enum werr
admin_pair_edit(struct worker *w, struct req *req, struct resp *resp)
{
	struct region r;
	enum werr e = admin_need(w, PERM_RESULTS);
	if (e == W_OK)
		e = region_get(w, req, &r);
	if (e != W_OK)
		return e;
	struct candidate c = {.id = admin_id(req_param(req, "pid")),
			      .region_id = r.id};
	if (!c.id)
		return W_NOTFOUND;
	return save_pair(w, req, resp, &r, &c);
}

enum werr
admin_pair_delete(struct worker *w, struct req *req, struct resp *resp)
{
	struct region r;
	enum werr e = admin_need(w, PERM_RESULTS);
	if (e == W_OK)
		e = region_get(w, req, &r);
	if (e != W_OK)
		return e;
	int64_t id = admin_id(req_param(req, "pid"));
	if (!id)
		return W_NOTFOUND;
	struct live_who by = who(w, req);
	e = db_candidate_delete(w->db, r.id, id, &by);
	if (e != W_OK)
		return e;
	return admin_redirect(resp, region_path(w, r.id, "pair_deleted"));
}

enum werr
admin_result_add(struct worker *w, struct req *req, struct resp *resp)
{
	struct region r;
	struct candidate *c;
	size_t nc;
	enum werr e = admin_need(w, PERM_RESULTS);
	if (e == W_OK)
		e = region_get(w, req, &r);
	if (e == W_OK)
		e = db_candidates(w->db, &w->arena, r.id, &c, &nc);
	if (e != W_OK)
		return e;
	struct desk_form f = {0};
	f.source = admin_form(w, req, "source");
	f.pollster = admin_form(w, req, "pollster");
	f.margin = admin_form(w, req, "margin");
	f.data_in = admin_form(w, req, "data_in");
	f.date = admin_form(w, req, "date");
	f.time = admin_form(w, req, "time");
	f.note = admin_form(w, req, "note");
	struct result_entry x = {.region_id = r.id,
				 .source = result_source_parse(f.source),
				 .note = f.note};
	bool kpu = x.source == SOURCE_KPU;
	x.counted_at = parse_when(w, f.date, f.time, req->now);
	if (nc == 0)
		f.alert = "Tambahkan pasangan calon dulu.";
	else if (x.source == SOURCE__MAX)
		f.alert = "Pilih sumber: real count KPU atau hitung cepat.";
	else if (x.counted_at < 0 || x.counted_at > req->now + 3600)
		f.alert = "Waktu data tidak valid (tanggal YYYY-MM-DD, jam "
			  "HH:MM, tidak di masa depan).";
	else if (strlen(f.note) > MAX_NOTE)
		f.alert = "Catatan terlalu panjang (paling banyak 500 byte).";
	else if (kpu && (x.data_in = (int)parse_pct(f.data_in)) < 0)
		f.alert = "Isi persentase data masuk KPU, 0 sampai 100.";
	else if (!kpu && (!*f.pollster || strlen(f.pollster) > MAX_NAME))
		f.alert = "Hitung cepat harus menyebut lembaga survei.";
	else if (!kpu && (x.margin = (int)parse_pct(f.margin)) < 0)
		f.alert = "Isi margin of error hitung cepat, mis. 1,5.";
	x.pollster = kpu ? "" : f.pollster;
	for (size_t i = 0; !f.alert && i < nc; i++) {
		const char *v = form_get(&req->form,
					 arena_printf(&w->arena, "v%" PRId64,
						      c[i].id));
		v = admin_trim(w, v);
		int64_t n = kpu ? parse_votes(v) : parse_pct(v);
		if (n < 0) {
			f.alert = kpu ? "Isi jumlah suara setiap pasangan "
					"(angka bulat)."
				      : "Isi persentase setiap pasangan, "
					"0 sampai 100.";
			break;
		}
		x.candidate_ids[x.n] = c[i].id;
		x.values[x.n++] = n;
	}
	struct live_who by = who(w, req);
	if (!f.alert) {
		e = db_result_add(w->db, &x, &by);
		if (e == W_INVAL)
			f.alert = kpu ? "Data tidak dapat disimpan."
				      : "Jumlah persentase hitung cepat "
					"melebihi 100%.";
		else if (e != W_OK)
			return e;
	}
	if (f.alert)
		return render_region(w, req, resp, &r, &f, 422);
	return admin_redirect(resp, region_path(w, r.id, "results_added"));
}
