/* admin_editor.c - the article editor: the form that creates and saves an
 * article with its action buttons (save, submit, publish, schedule,
 * unpublish, delete) and the correction note. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "admin_articles.h"
#include "datefmt.h"
#include "db_collab.h"
#include "db_article.h"
#include "db_media.h"
#include "imgproc.h"
#include "page_foto.h"
#include "db_taxonomy.h"
#include "markdown.h"
#include "page.h"
#include "slug.h"
#include "textstat.h"

#define TAG_SUGGESTIONS 500
#define AUTHOR_SLOTS 3 /* byline pickers shown at least */

/* Bytes a field may hold; the form parser already caps them all. */
#define MAX_TITLE 300
#define MAX_LEAD 2000
#define MAX_DATELINE 80
#define MAX_CAPTION 500
#define MAX_CREDIT 200
#define MAX_ALT 300
#define LIBRARY_PICKS 8 /* the newest pictures offered beside the form */
#define MAX_NOTE 2000

static bool
space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* ---- the editor's state ---- */

#define ED_ERRS 24

struct editor {
	/* The stored article with the form on top: what is saved, or what
	 * is shown again. */
	struct admin_article a;
	struct admin_article stored; /* as loaded; zero for a new one */
	bool is_new;
	enum article_action act;
	/* What was typed, verbatim, for showing the form again. */
	const char *slug_text, *tags_text, *picks_text;
	const char *sched_date, *sched_time, *reason, *correction;
	int64_t when;
	/* The version the form carries: the one it was opened on, or after
	 * a conflict the stored one, so that saving again keeps this form. */
	int64_t version;
	bool conflict;	      /* show what changed since base_version */
	int64_t base_version; /* the version the conflicting form had */
	const char *act_name; /* the button pressed, for "keep mine" */
	bool restored;	      /* the form holds the user's autosave */
	bool locked_view;     /* read-only: no presence, no autosave */
	bool remove_image;
	const struct form_field *pic_file; /* a new featured picture */
	const char *image_alt; /* the featured picture's alt text, as typed;
				  NULL when the form has none */
	struct {
		const char *field, *msg;
	} errs[ED_ERRS];
	size_t nerrs;
	/* The choices of the form. */
	struct section *secs;
	size_t nsecs;
	struct author *authors;
	size_t nauthors;
};

/* Records msg beside field; the first message of a field wins. */
static void
bad(struct editor *ed, const char *field, const char *msg)
{
	for (size_t i = 0; i < ed->nerrs; i++)
		if (strcmp(ed->errs[i].field, field) == 0)
			return;
	if (ed->nerrs < ED_ERRS) {
		ed->errs[ed->nerrs].field = field;
		ed->errs[ed->nerrs].msg =
			msg ? msg : "Isian ini tidak dapat diterima.";
		ed->nerrs++;
	}
}

/* Joins n strings with ", " into the arena. */
static const char *
join(struct worker *w, const char *const *s, size_t n)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_puts(&b, ", ");
		buf_puts(&b, s[i]);
	}
	const char *out = buf_err(&b) == W_OK
				  ? arena_strdup(&w->arena, buf_cstr(&b))
				  : NULL;
	buf_fini(&b);
	return out ? out : "";
}

/* Loads what the form offers to choose from. */
static enum werr
load_choices(struct worker *w, struct editor *ed)
{
	enum werr e = db_sections_all(w->db, &w->arena, &ed->secs, &ed->nsecs);
	if (e == W_OK)
		e = db_authors_all(w->db, &w->arena, &ed->authors,
				     &ed->nauthors);
	return e;
}

/* Fills the typed-text fields from the stored article (a GET). */
static void
from_stored(struct worker *w, struct editor *ed)
{
	const struct admin_article *a = &ed->a;
	ed->slug_text = a->slug ? a->slug : "";
	ed->tags_text = join(w, a->tags, a->ntags);
	ed->picks_text = join(w, a->picks, a->npicks);
	ed->reason = a->unpublish_reason ? a->unpublish_reason : "";
	ed->correction = "";
	ed->sched_date = ed->sched_time = "";
	if (a->status == ST_SCHEDULED && a->published_at) {
		struct local_date d;
		datefmt_local(a->published_at, w->site.tz_offset, &d);
		ed->sched_date = arena_printf(&w->arena, "%04d-%02d-%02d",
					      d.year, d.month, d.day);
		ed->sched_time = d.sec ? arena_printf(&w->arena,
						      "%02d:%02d:%02d", d.hour,
						      d.min, d.sec)
				       : arena_printf(&w->arena, "%02d:%02d",
						      d.hour, d.min);
	}
}

/* n digits at s as a number; -1 when they are not all digits. */
static int
num(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* "YYYY-MM-DD" and "HH:MM" or "HH:MM:SS", a wall time at offset, as Unix
 * time; -1 when malformed or not a real time. */
static int64_t
parse_when(const char *date, const char *time, int offset)
{
	size_t tl = strlen(time);
	if (strlen(date) != 10 || date[4] != '-' || date[7] != '-' ||
	    (tl != 5 && tl != 8) || time[2] != ':' ||
	    (tl == 8 && time[5] != ':'))
		return -1;
	int y = num(date, 4), mo = num(date + 5, 2), d = num(date + 8, 2);
	int h = num(time, 2), mi = num(time + 3, 2);
	int s = tl == 8 ? num(time + 6, 2) : 0;
	if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0 || s > 59)
		return -1;
	int64_t t = datefmt_from_local(y, mo, d, h, mi, offset);
	return t < 0 ? -1 : t + s;
}

/* Copies a trimmed field of at most max bytes into *dst, or complains. */
static void
text_field(struct worker *w, struct editor *ed, const struct form *f,
	   const char *name, size_t max, const char **dst)
{
	*dst = admin_trim(w, form_get(f, name));
	if (strlen(*dst) > max)
		bad(ed, name,
		    arena_printf(&w->arena,
				 "Terlalu panjang: paling banyak %zu byte.",
				 max));
}

static void
read_slug(struct worker *w, struct editor *ed, const struct form *f)
{
	struct admin_article *a = &ed->a;
	ed->slug_text = admin_trim(w, form_get(f, "slug"));
	a->slug = ed->slug_text;
	if (!*a->slug) {
		/* Left empty: made from the title, as the hint says. */
		char s[101];
		if (slug_from(a->title, s, sizeof s) == 0) {
			if (*a->title)
				bad(ed, "slug",
				    "Slug tidak dapat dibuat dari judul ini; "
				    "isi sendiri.");
			return;
		}
		a->slug = arena_strdup(&w->arena, s);
		if (!a->slug) {
			a->slug = "";
			return;
		}
	} else if (!slug_valid(a->slug)) {
		bad(ed, "slug",
		    "Slug hanya boleh berisi huruf kecil a-z, angka, dan "
		    "tanda hubung tunggal (paling banyak 100).");
		return;
	}
	int64_t other;
	enum werr e = db_admin_article_id_by_slug(w->db, a->slug, &other);
	if (e == W_OK && other != a->id)
		bad(ed, "slug", "Slug sudah dipakai berita lain.");
	else if (e != W_OK && e != W_NOTFOUND)
		bad(ed, "slug", "Slug tidak dapat diperiksa; coba lagi.");
}

static void
read_section(struct editor *ed, const struct form *f)
{
	int64_t id = admin_id(form_get(f, "section"));
	for (size_t i = 0; i < ed->nsecs; i++) {
		if (ed->secs[i].id == id) {
			ed->a.section_id = id;
			return;
		}
	}
	ed->a.section_id = 0;
	bad(ed, "section", "Pilih kanal.");
}

/* The byline: every "author" field in form order, empty pickers
 * skipped, a repeated author kept once. */
static void
read_authors(struct editor *ed, const struct form *f)
{
	struct admin_article *a = &ed->a;
	a->nauthors = 0;
	for (size_t i = 0; i < f->n; i++) {
		const struct form_field *ff = &f->fields[i];
		if (ff->filename || strcmp(ff->name, "author") != 0 ||
		    !ff->value[0])
			continue;
		int64_t id = admin_id(ff->value);
		bool known = false, dup = false;
		for (size_t k = 0; k < ed->nauthors; k++)
			known |= ed->authors[k].id == id;
		for (size_t k = 0; k < a->nauthors; k++)
			dup |= a->author_ids[k] == id;
		if (!known) {
			bad(ed, "authors", "Penulis tidak dikenal.");
		} else if (!dup && a->nauthors == ADMIN_MAX_AUTHORS) {
			bad(ed, "authors", "Paling banyak 8 penulis.");
		} else if (!dup) {
			a->author_ids[a->nauthors++] = id;
		}
	}
	if (a->nauthors == 0)
		bad(ed, "authors", "Pilih setidaknya satu penulis.");
}

/* Tags: comma-separated names; new ones are created by the save. Two
 * names with the same slug are one tag. */
static void
read_tags(struct worker *w, struct editor *ed, const struct form *f)
{
	struct admin_article *a = &ed->a;
	char slugs[ADMIN_MAX_TAGS][101];
	ed->tags_text = admin_trim(w, form_get(f, "tags"));
	a->ntags = 0;
	const char *p = ed->tags_text;
	while (*p) {
		size_t n = strcspn(p, ",");
		const char *name =
			admin_trim(w, arena_strndup(&w->arena, p, n));
		p += n + (p[n] == ',');
		if (!*name)
			continue;
		char s[101];
		if (strlen(name) > ADMIN_TAG_MAX ||
		    slug_from(name, s, sizeof s) == 0) {
			bad(ed, "tags",
			    arena_printf(&w->arena,
					 "Tag \xE2\x80\x9C%.60s\xE2\x80\x9D "
					 "tidak valid (paling banyak %d "
					 "byte, berisi huruf atau angka).",
					 name, ADMIN_TAG_MAX));
			continue;
		}
		bool dup = false;
		for (size_t k = 0; k < a->ntags; k++)
			dup |= strcmp(slugs[k], s) == 0;
		if (dup)
			continue;
		if (a->ntags == ADMIN_MAX_TAGS) {
			bad(ed, "tags", "Paling banyak 20 tag.");
			break;
		}
		memcpy(slugs[a->ntags], s, sizeof s);
		a->tags[a->ntags++] = name;
	}
}

/* BACA JUGA picks: slugs (or article addresses, whose last segment is
 * the slug), separated by commas or spaces; each must exist. */
static void
read_picks(struct worker *w, struct editor *ed, const struct form *f)
{
	struct admin_article *a = &ed->a;
	ed->picks_text = admin_trim(w, form_get(f, "picks"));
	a->npicks = 0;
	const char *p = ed->picks_text;
	while (*p) {
		size_t n = strcspn(p, ", \t\r\n");
		char *word = arena_strndup(&w->arena, p, n);
		p += n;
		while (*p == ',' || space(*p))
			p++;
		if (!word || !*word)
			continue;
		while (n > 0 && word[n - 1] == '/')
			word[--n] = '\0';
		const char *slash = strrchr(word, '/');
		const char *slug = slash ? slash + 1 : word;
		int64_t id = 0;
		if (!slug_valid(slug) ||
		    db_admin_article_id_by_slug(w->db, slug, &id) != W_OK) {
			bad(ed, "picks",
			    arena_printf(&w->arena,
					 "Tidak ada berita dengan slug "
					 "\xE2\x80\x9C%.100s\xE2\x80\x9D.",
					 slug));
			continue;
		}
		if (id == a->id) {
			bad(ed, "picks", "Berita tidak dapat menautkan "
					 "dirinya sendiri.");
			continue;
		}
		if (a->npicks == ADMIN_MAX_PICKS) {
			bad(ed, "picks", "Paling banyak 8 pilihan BACA JUGA.");
			break;
		}
		a->picks[a->npicks++] = slug;
	}
}

/* Reads every field of the editor into ed->a, noting what is wrong. */
static void
read_form(struct worker *w, const struct req *req, struct editor *ed)
{
	const struct form *f = &req->form;
	struct admin_article *a = &ed->a;

	text_field(w, ed, f, "title", MAX_TITLE, &a->title);
	if (!*a->title)
		bad(ed, "title", "Judul wajib diisi.");
	read_slug(w, ed, f);
	text_field(w, ed, f, "lead", MAX_LEAD, &a->lead);
	text_field(w, ed, f, "dateline", MAX_DATELINE, &a->dateline);
	a->body_md = form_get(f, "body");
	if (!a->body_md)
		a->body_md = "";
	read_section(ed, f);
	read_authors(ed, f);
	read_tags(w, ed, f);
	read_picks(w, ed, f);
	const char *feat = form_get(f, "featured");
	a->featured = feat && strcmp(feat, "1") == 0;
	text_field(w, ed, f, "image_caption", MAX_CAPTION, &a->image_caption);
	text_field(w, ed, f, "image_credit", MAX_CREDIT, &a->image_credit);
	const char *rm = form_get(f, "remove_image");
	ed->remove_image = rm && strcmp(rm, "1") == 0;
	/* Only a quick look here; the helper decodes it once the rest of
	 * the form is valid (submit). */
	ed->pic_file = form_file(f, "image");
	const char *msg = admin_picture_check(w, ed->pic_file);
	if (msg) {
		ed->pic_file = NULL;
		bad(ed, "image", msg);
	}
	/* A picture from the library instead of a file: a number typed
	 * (when it changed), else a radio button of the newest ones (the
	 * current picture's is checked), else the number as it was. */
	const char *pick = form_get(f, "image_id");
	const char *radio = form_get(f, "image_pick");
	if (radio && *radio &&
	    (!pick || !*pick || admin_id(pick) == ed->stored.image_id))
		pick = radio;
	if (pick && *pick && !ed->pic_file && !ed->remove_image) {
		int64_t id = admin_id(pick);
		struct media_item m;
		if (!id || db_media_get(w->db, &w->arena, id, &m) != W_OK)
			bad(ed, "image", "Foto pilihan tidak ada di pustaka.");
		else {
			a->image_id = id;
			a->image_name = m.name;
			a->image_pic = m.pic;
		}
	}
	if (form_get(f, "image_alt"))
		text_field(w, ed, f, "image_alt", MAX_ALT, &ed->image_alt);
	text_field(w, ed, f, "unpublish_reason", MAX_NOTE, &ed->reason);
	text_field(w, ed, f, "correction", MAX_NOTE, &ed->correction);
	ed->sched_date = admin_trim(w, form_get(f, "schedule_date"));
	ed->sched_time = admin_trim(w, form_get(f, "schedule_time"));
	if (ed->act == ACT_SCHEDULE) {
		if (!*ed->sched_date || !*ed->sched_time) {
			bad(ed, "schedule", "Isi tanggal dan jam tayang.");
		} else {
			ed->when = parse_when(ed->sched_date, ed->sched_time,
					      w->site.tz_offset);
			if (ed->when < 0)
				bad(ed, "schedule",
				    "Tanggal atau jam tidak valid; tulis "
				    "seperti 2024-11-27 dan 07:00.");
		}
	}
}

/* ---- rendering the editor ---- */

static void
add_sections(struct tobj *ctx, const struct editor *ed)
{
	struct tlist *l = tobj_list(ctx, "sections");
	for (size_t i = 0; i < ed->nsecs; i++) {
		struct tobj *o = tlist_add(l);
		tobj_int(o, "id", ed->secs[i].id);
		tobj_str(o, "name", ed->secs[i].name);
		tobj_bool(o, "selected", ed->secs[i].id == ed->a.section_id);
	}
}

/* One picker per byline place, plus one empty, at least AUTHOR_SLOTS. */
static void
add_author_slots(struct tobj *ctx, const struct editor *ed)
{
	size_t n = ed->a.nauthors + 1;
	if (n < AUTHOR_SLOTS)
		n = AUTHOR_SLOTS;
	if (n > ADMIN_MAX_AUTHORS)
		n = ADMIN_MAX_AUTHORS;
	struct tlist *slots = tobj_list(ctx, "author_slots");
	for (size_t s = 0; s < n; s++) {
		struct tobj *slot = tlist_add(slots);
		int64_t chosen = s < ed->a.nauthors ? ed->a.author_ids[s] : 0;
		tobj_int(slot, "n", (int64_t)s + 1);
		struct tlist *opts = tobj_list(slot, "options");
		for (size_t i = 0; i < ed->nauthors; i++) {
			struct tobj *o = tlist_add(opts);
			tobj_int(o, "id", ed->authors[i].id);
			tobj_str(o, "name", ed->authors[i].name);
			tobj_bool(o, "selected",
				  chosen && ed->authors[i].id == chosen);
		}
	}
}

static bool
has_err(const struct editor *ed, const char *field)
{
	for (size_t i = 0; i < ed->nerrs; i++)
		if (strcmp(ed->errs[i].field, field) == 0)
			return true;
	return false;
}

/* Which buttons the user gets, from the stored article; the optional
 * fields show with their button, or when they hold a message or text.
 * (admin_ctx's can_* names are the user's permissions: not these.) */
static void
add_buttons(struct worker *w, const struct req *req, struct tobj *ctx,
	    const struct editor *ed)
{
	const struct admin_article *st = &ed->stored;
	bool live = !ed->is_new && db_admin_article_live(st, req->now);
	bool draftish = ed->is_new || st->status == ST_DRAFT;
	bool locked = !admin_article_may(w, st, ACT_SAVE);
	tobj_bool(ctx, "locked", locked);
	if (locked)
		return;
	tobj_bool(ctx, "btn_save", true);
	tobj_str(ctx, "save_label",
		 draftish ? "Simpan draf" : "Simpan perubahan");
	bool publish = admin_article_may(w, st, ACT_PUBLISH);
	/* Whoever can publish has no one to submit to. */
	tobj_bool(ctx, "btn_submit",
		  draftish && !publish && admin_article_may(w, st, ACT_SUBMIT));
	if (!live && publish) {
		tobj_bool(ctx, "btn_publish", true);
		tobj_str(ctx, "publish_label",
			 st->status == ST_UNPUBLISHED ? "Terbitkan kembali"
						      : "Terbitkan sekarang");
	}
	bool schedule = !live && st->status != ST_UNPUBLISHED &&
			admin_article_may(w, st, ACT_SCHEDULE);
	bool unpublish = live && admin_article_may(w, st, ACT_UNPUBLISH);
	bool correct = !ed->is_new &&
		       (live || st->status == ST_UNPUBLISHED) &&
		       admin_article_may(w, st, ACT_CORRECT);
	tobj_bool(ctx, "btn_schedule", schedule);
	tobj_bool(ctx, "btn_unpublish", unpublish);
	tobj_bool(ctx, "show_schedule", schedule || has_err(ed, "schedule"));
	tobj_bool(ctx, "show_unpublish",
		  unpublish || has_err(ed, "unpublish_reason"));
	tobj_bool(ctx, "show_correction",
		  correct || has_err(ed, "correction") ||
			  (ed->correction && *ed->correction));
	tobj_bool(ctx, "btn_delete",
		  !ed->is_new && st->status == ST_DRAFT &&
			  admin_article_may(w, st, ACT_DELETE));
}

/* What the stored article is now: status, dates, its public address. */
static void
add_state(struct worker *w, const struct req *req, struct tobj *ctx,
	  const struct editor *ed)
{
	const struct admin_article *st = &ed->stored;
	tobj_str(ctx, "tz", w->site.tz_abbr);
	if (ed->is_new) {
		tobj_str(ctx, "form_action", "/admin/articles");
		tobj_str(ctx, "status_label", "Baru");
		return;
	}
	tobj_int(ctx, "id", st->id);
	tobj_str(ctx, "form_action",
		 arena_printf(&w->arena, "/admin/articles/%" PRId64, st->id));
	tobj_str(ctx, "correction_action",
		 arena_printf(&w->arena, "/admin/articles/%" PRId64
					 "/correction",
			      st->id));
	tobj_str(ctx, "live_url",
		 arena_printf(&w->arena, "/admin/articles/%" PRId64 "/live",
			      st->id));
	tobj_str(ctx, "revisions_url",
		 arena_printf(&w->arena, "/admin/articles/%" PRId64
					 "/revisions",
			      st->id));
	tobj_str(ctx, "status_label", admin_status_label(st->status));
	tobj_str(ctx, "status", article_status_name(st->status));
	tobj_str(ctx, "updated", page_date_short(w, st->updated_at));
	if (st->published_at) {
		tobj_str(ctx, "published",
			 page_date_short(w, st->published_at));
		if (st->status != ST_DRAFT && st->status != ST_REVIEW)
			tobj_str(ctx, "public_url",
				 admin_article_path(w, st->slug,
						    st->published_at));
	}
	tobj_bool(ctx, "is_live", db_admin_article_live(st, req->now));
	tobj_bool(ctx, "is_pending",
		  st->status == ST_SCHEDULED &&
			  !db_admin_article_live(st, req->now));

	struct article_extras x;
	if (db_admin_article_extras(w->db, &w->arena, st->id, &x) != W_OK)
		return;
	struct tlist *l = tobj_list(ctx, "corrections");
	for (size_t i = 0; i < x.ncorrections; i++) {
		struct tobj *o = tlist_add(l);
		tobj_str(o, "body", x.corrections[i].body);
		tobj_str(o, "date",
			 page_date_short(w, x.corrections[i].created_at));
	}
}

/* The newest pictures of the library, to pick the featured one from
 * without leaving the form (radio buttons, no script needed). Failures
 * only leave them out. */
static void
add_library(struct worker *w, struct tobj *ctx, const struct editor *ed)
{
	struct media_item *items;
	size_t n;
	bool more;
	if (db_media_list(w->db, &w->arena, "", 0, 0, LIBRARY_PICKS, &items,
			  &n, &more) != W_OK)
		return;
	struct tlist *l = tobj_list(ctx, "library");
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		char name[PICTURE_NAME_MAX];
		const char *thumb =
			items[i].pic.key[0] &&
				picture_crop_name(&items[i].pic, PICTURE_THUMB,
						  PICTURE_JPEG, name,
						  sizeof name)
				? arena_printf(&w->arena, "/media/%s", name)
				: admin_picture_src(w, items[i].name,
						    &items[i].pic, 320);
		if (!thumb)
			continue; /* a row without a file to show */
		struct tobj *o = tlist_add(l);
		tobj_int(o, "id", items[i].id);
		tobj_bool(o, "checked", items[i].id == ed->a.image_id &&
						!ed->remove_image);
		tobj_str(o, "thumb", thumb);
		tobj_str(o, "caption", *items[i].caption ? items[i].caption
							  : items[i].alt);
		shown++;
	}
	tobj_bool(ctx, "has_library", shown > 0);
	tobj_bool(ctx, "library_more", more);
}

static enum werr
render_editor(struct worker *w, struct req *req, struct resp *resp,
	      struct editor *ed, int status)
{
	const struct admin_article *a = &ed->a;
	struct tobj *ctx = admin_ctx(w, req,
				     ed->is_new ? "Tulis berita"
						: "Sunting berita");
	if (!ctx)
		return W_NOMEM;
	tobj_bool(ctx, "is_new", ed->is_new);
	tobj_int(ctx, "version", ed->version);
	if (ed->conflict) {
		enum werr e = admin_conflict(w, ctx, a, &ed->stored,
					     ed->base_version, ed->act_name);
		if (e != W_OK)
			return e;
	}
	struct tobj *f = tobj_obj(ctx, "f");
	tobj_str(f, "title", a->title);
	tobj_str(f, "slug", ed->slug_text);
	tobj_str(f, "lead", a->lead);
	tobj_str(f, "dateline", a->dateline);
	tobj_str(f, "body", a->body_md);
	tobj_str(f, "tags", ed->tags_text);
	tobj_str(f, "picks", ed->picks_text);
	tobj_bool(f, "featured", a->featured);
	tobj_str(f, "image_caption", a->image_caption);
	tobj_str(f, "image_credit", a->image_credit);
	tobj_str(f, "schedule_date", ed->sched_date);
	tobj_str(f, "schedule_time", ed->sched_time);
	tobj_str(f, "unpublish_reason", ed->reason);
	tobj_str(f, "correction", ed->correction);
	/* The picture the form shows (the stored one, or one picked from
	 * the library), unless this form asked to remove it. */
	if (a->image_id && !ed->remove_image) {
		tobj_str(f, "image_url",
			 admin_picture_src(w, a->image_name, &a->image_pic,
					   640));
		tobj_int(f, "image_id", a->image_id);
		tobj_str(f, "image_media_url",
			 arena_printf(&w->arena, "/admin/media/%lld",
				      (long long)a->image_id));
		if (!ed->image_alt) {
			struct media_item m;
			if (db_media_get(w->db, &w->arena, a->image_id, &m) ==
			    W_OK)
				ed->image_alt = m.alt;
		}
	}
	tobj_str(f, "image_alt", ed->image_alt ? ed->image_alt : "");

	struct tobj *err = tobj_obj(ctx, "err");
	for (size_t i = 0; i < ed->nerrs; i++)
		tobj_str(err, ed->errs[i].field, ed->errs[i].msg);
	tobj_bool(ctx, "has_errors", ed->nerrs > 0);
	/* A chosen file cannot be put back into a form: say so. */
	if (ed->nerrs > 0 && ed->pic_file)
		tobj_str(ctx, "image_again",
			 "Gambar belum disimpan; pilih lagi berkasnya.");

	add_sections(ctx, ed);
	add_library(w, ctx, ed);
	add_author_slots(ctx, ed);
	const char **tags;
	size_t ntags;
	if (db_tag_names(w->db, &w->arena, TAG_SUGGESTIONS, &tags,
			       &ntags) == W_OK) {
		struct tlist *l = tobj_list(ctx, "tag_names");
		for (size_t i = 0; i < ntags; i++)
			tlist_str(l, tags[i]);
	}
	add_state(w, req, ctx, ed);
	add_buttons(w, req, ctx, ed);
	if (!ed->locked_view)
		admin_collab_editor(w, req, ctx,
				    ed->is_new ? 0 : ed->stored.id,
				    ed->restored);
	tobj_bool(ctx, "restored", ed->restored);
	tobj_str(ctx, "preview_action",
		 ed->is_new ? "/admin/preview"
			    : arena_printf(&w->arena,
					   "/admin/articles/%" PRId64
					   "/preview",
					   ed->stored.id));
	size_t words = textstat_words(a->body_md);
	tobj_int(ctx, "words", (int64_t)words);
	tobj_int(ctx, "minutes", (int64_t)textstat_minutes(words));
	return admin_render(w, resp, status, "admin_edit", ctx);
}

/* ---- handlers ---- */

/* ?pulihkan=1: the form as the user's autosave of story id has it; the
 * version is the one that form was opened on, so a save over someone
 * else's newer one is a conflict, not an overwrite. */
static void
restore_autosave(struct worker *w, const struct req *req, struct editor *ed,
		 int64_t id)
{
	const char *q = req_query(req, "pulihkan");
	struct autosave s;
	if (!q || strcmp(q, "1") != 0 ||
	    db_autosave_get(w->db, &w->arena, w->session->user.id, id, &s) !=
		    W_OK)
		return;
	ed->a.title = s.title;
	ed->slug_text = s.slug;
	ed->a.lead = s.lead;
	ed->a.dateline = s.dateline;
	ed->a.body_md = s.body_md;
	ed->tags_text = s.tags;
	ed->picks_text = s.picks;
	if (id)
		ed->version = s.version;
	ed->restored = true;
}

enum werr
admin_article_new(struct worker *w, struct req *req, struct resp *resp)
{
	struct editor ed;
	memset(&ed, 0, sizeof ed);
	ed.is_new = true;
	ed.a.status = ST__MAX;
	ed.stored.status = ST__MAX;
	ed.a.title = ed.a.lead = ed.a.dateline = ed.a.body_md = "";
	ed.a.image_caption = ed.a.image_credit = "";
	if (!admin_article_may(w, &ed.stored, ACT_SAVE))
		return W_FORBIDDEN;
	enum werr e = load_choices(w, &ed);
	if (e != W_OK)
		return e;
	/* A reporter with a byline starts with it. */
	if (w->session->user.author_id) {
		ed.a.author_ids[0] = w->session->user.author_id;
		ed.a.nauthors = 1;
	}
	from_stored(w, &ed);
	restore_autosave(w, req, &ed, 0);
	return render_editor(w, req, resp, &ed, 200);
}

/* Loads article :id into ed for the editor; W_NOTFOUND for a bad id. */
static enum werr
load_editor(struct worker *w, struct req *req, struct editor *ed)
{
	memset(ed, 0, sizeof *ed);
	enum werr e = admin_article_get(w, req, &ed->stored);
	if (e != W_OK)
		return e;
	ed->a = ed->stored;
	return load_choices(w, ed);
}

enum werr
admin_article_edit(struct worker *w, struct req *req, struct resp *resp)
{
	struct editor ed;
	enum werr e = load_editor(w, req, &ed);
	if (e != W_OK)
		return e;
	/* A reporter may look at their own story after submitting it (the
	 * form is then read-only), never at anyone else's. */
	const struct user *me = &w->session->user;
	if (!admin_article_may(w, &ed.stored, ACT_SAVE) &&
	    !(me->id && ed.stored.created_by == me->id))
		return W_FORBIDDEN;
	from_stored(w, &ed);
	ed.version = ed.stored.version;
	ed.locked_view = !admin_article_may(w, &ed.stored, ACT_SAVE);
	if (!ed.locked_view) {
		/* Opening counts as editing for a while, script or not. */
		e = db_presence_touch(w->db, ed.stored.id, me->id, req->now,
				      PRESENCE_OPEN_TTL);
		if (e != W_OK)
			fprintf(stderr, "warta: presence: %s\n", werr_str(e));
		restore_autosave(w, req, &ed, ed.stored.id);
	}
	return render_editor(w, req, resp, &ed, 200);
}

/* The 409 page: the stored article changed since the form was opened on
 * ed->version (or, with reload, between loading it and writing). The form
 * keeps what this user typed and now carries the stored version, so
 * saving it again is "keep mine"; the panel shows theirs. */
static enum werr
conflict(struct worker *w, struct req *req, struct resp *resp,
	 struct editor *ed, bool reload)
{
	if (reload) {
		enum werr e = db_admin_article_load(w->db, &w->arena,
						    ed->stored.id,
						    &ed->stored);
		if (e != W_OK)
			return e;
	}
	ed->conflict = true;
	ed->base_version = ed->version;
	ed->version = ed->stored.version;
	/* Its content stays; its state is what is stored now. */
	ed->a.status = ed->stored.status;
	ed->a.published_at = ed->stored.published_at;
	ed->nerrs = 0;
	return render_editor(w, req, resp, ed, 409);
}

/* Refuses (an error beside the field) to make public a story that shows
 * a picture without alt text: its featured one (unless the form gives the
 * alt text now) or one of its [[foto:ID]] lines. */
static enum werr
alt_check(struct worker *w, struct editor *ed, const struct admin_save *s)
{
	if (ed->a.status != ST_PUBLISHED && ed->a.status != ST_SCHEDULED)
		return W_OK;
	int64_t ids[1 + ADMIN_MAX_FOTOS];
	size_t n = 0;
	bool featured_alt = s->image_alt && *admin_trim(w, s->image_alt);
	bool featured = ed->a.image_id || s->picture;
	if (featured && !featured_alt) {
		if (!ed->a.image_id || s->picture) {
			/* A new upload has no alt text yet. */
			bad(ed, "image_alt", "Isi teks alternatif foto utama "
					     "sebelum berita ditayangkan.");
		} else {
			ids[n++] = ed->a.image_id;
		}
	}
	struct buf html;
	buf_init(&html);
	enum werr e = markdown_render(ed->a.body_md, strlen(ed->a.body_md),
				      &html);
	if (e == W_OK)
		e = buf_err(&html);
	if (e == W_OK)
		n += markdown_foto_markers(buf_cstr(&html), ids + n,
					   ADMIN_MAX_FOTOS);
	buf_fini(&html);
	int64_t missing = 0;
	if (e == W_OK)
		e = db_media_alt_missing(w->db, ids, n, &missing);
	if (e == W_OK && missing) {
		if (missing == ed->a.image_id && featured && !featured_alt)
			bad(ed, "image_alt", "Isi teks alternatif foto utama "
					     "sebelum berita ditayangkan.");
		else
			bad(ed, "body",
			    arena_printf(&w->arena,
					 "Foto %lld belum punya teks "
					 "alternatif; isi di Pustaka media "
					 "sebelum berita ditayangkan.",
					 (long long)missing));
	}
	return e;
}

/* The save of the editor form, for a new article or a stored one. */
static enum werr
submit(struct worker *w, struct req *req, struct resp *resp,
       struct editor *ed)
{
	const struct user *me = &w->session->user;
	ed->act = article_action_parse(form_get(&req->form, "action"));
	if (ed->act == ACT__MAX)
		return W_INVAL;
	/* Role and ownership, on the stored record, before anything. */
	if (!admin_article_may(w, &ed->stored, ACT_SAVE) ||
	    !admin_article_may(w, &ed->stored, ed->act))
		return W_FORBIDDEN;

	/* The version the form was opened on; a new article has none. */
	if (!ed->is_new) {
		ed->version = admin_id(form_get(&req->form, "version"));
		if (!ed->version)
			return W_INVAL;
	}
	ed->act_name = form_get(&req->form, "action");

	read_form(w, req, ed);
	if (!ed->is_new && ed->version != ed->stored.version)
		return conflict(w, req, resp, ed, false);
	const char *why, *field;
	struct admin_save s = {.user_id = me->id,
			       .addr = req->remote_addr,
			       .now = req->now,
			       .act = ed->act,
			       .version = ed->version};

	if (ed->act == ACT_DELETE) {
		struct admin_article probe = ed->stored;
		if (db_admin_article_apply(&probe, ACT_DELETE, me->id,
					   req->now, 0, NULL, &why,
					   &field) != W_OK) {
			/* Only this message: the content is not the point. */
			ed->nerrs = 0;
			bad(ed, field, why);
			return render_editor(w, req, resp, ed, 422);
		}
		enum werr e = db_admin_article_delete(w->db, ed->stored.id, &s);
		if (e == W_STALE)
			return conflict(w, req, resp, ed, true);
		if (e == W_CONFLICT) {
			ed->nerrs = 0;
			bad(ed, "action", "Hanya draf yang dapat dihapus.");
			return render_editor(w, req, resp, ed, 422);
		}
		return e != W_OK ? e
				 : admin_article_done(w, resp, &ed->stored,
						      ACT_DELETE, false);
	}

	if (*ed->correction) {
		struct admin_article probe = ed->stored;
		if (ed->is_new ||
		    db_admin_article_apply(&probe, ACT_CORRECT, me->id,
					   req->now, 0, NULL, &why,
					   &field) != W_OK)
			bad(ed, "correction", "Koreksi hanya untuk berita "
					      "yang sudah tayang.");
		s.correction = ed->correction;
	}
	if (ed->nerrs == 0 &&
	    db_admin_article_apply(&ed->a, ed->act, me->id, req->now, ed->when,
				   ed->reason, &why, &field) != W_OK)
		bad(ed, field, why);
	if (ed->nerrs > 0)
		return render_editor(w, req, resp, ed, 422);

	/* Everything else is valid: only now is a new picture decoded and
	 * written, and its files go again if the save fails. */
	struct admin_picture pic;
	bool made = false;
	enum werr e;
	if (ed->pic_file) {
		const char *refused;
		e = admin_picture_make(w, ed->pic_file, &pic, &made, &refused);
		if (e != W_OK)
			return e;
		if (refused) {
			bad(ed, "image", refused);
			return render_editor(w, req, resp, ed, 422);
		}
		s.picture = &pic;
	} else if (ed->remove_image) {
		ed->a.image_id = 0;
	}
	/* The alt text typed beside the featured picture is the picture's
	 * own (the library's), saved with the story. */
	s.image_alt = ed->image_alt;
	if ((e = alt_check(w, ed, &s)) != W_OK)
		return e;
	if (ed->nerrs > 0) {
		if (made)
			imgproc_discard(w->app->media_dir, &pic.pic);
		return render_editor(w, req, resp, ed, 422);
	}
	bool created = ed->a.id == 0;
	e = db_admin_article_save(w->db, &ed->a, &s);
	if (e != W_OK && made)
		imgproc_discard(w->app->media_dir, &pic.pic);
	if (e == W_STALE) {
		/* Someone saved between our load and our write. */
		ed->a.id = ed->stored.id;
		return conflict(w, req, resp, ed, true);
	}
	if (e == W_CONFLICT) {
		/* Taken between the check and the save. */
		bad(ed, "slug", "Slug sudah dipakai berita lain.");
		return render_editor(w, req, resp, ed, 422);
	}
	if (e != W_OK)
		return e;
	/* Saved: the autosave it grew from is history. */
	e = db_autosave_drop(w->db, me->id, created ? 0 : ed->a.id);
	if (e != W_OK)
		fprintf(stderr, "warta: autosave: %s\n", werr_str(e));
	return admin_article_done(w, resp, &ed->a, ed->act, created);
}

enum werr
admin_article_create(struct worker *w, struct req *req, struct resp *resp)
{
	struct editor ed;
	memset(&ed, 0, sizeof ed);
	ed.is_new = true;
	/* What it will be saved as unless an action says otherwise; the
	 * stored side stays "no status" ("Baru" when shown again). */
	ed.a.status = ST_DRAFT;
	ed.stored.status = ST__MAX;
	enum werr e = load_choices(w, &ed);
	if (e != W_OK)
		return e;
	return submit(w, req, resp, &ed);
}

enum werr
admin_article_update(struct worker *w, struct req *req, struct resp *resp)
{
	struct editor ed;
	enum werr e = load_editor(w, req, &ed);
	if (e != W_OK)
		return e;
	return submit(w, req, resp, &ed);
}

enum werr
admin_article_correct(struct worker *w, struct req *req, struct resp *resp)
{
	struct editor ed;
	enum werr e = load_editor(w, req, &ed);
	if (e != W_OK)
		return e;
	if (!admin_article_may(w, &ed.stored, ACT_CORRECT))
		return W_FORBIDDEN;
	from_stored(w, &ed);
	ed.version = ed.stored.version;
	ed.correction = admin_trim(w, form_get(&req->form, "correction"));
	const char *why, *field;
	struct admin_article probe = ed.stored;
	if (!*ed.correction)
		bad(&ed, "correction", "Isi catatan koreksi.");
	else if (strlen(ed.correction) > MAX_NOTE)
		bad(&ed, "correction", "Catatan koreksi terlalu panjang.");
	else if (db_admin_article_apply(&probe, ACT_CORRECT,
					w->session->user.id, req->now, 0, NULL,
					&why, &field) != W_OK)
		bad(&ed, field, why);
	if (ed.nerrs > 0)
		return render_editor(w, req, resp, &ed, 422);
	/* Only a note is added, so the version just loaded is the base: a
	 * save in between is a 409 to try again, never overwritten. */
	struct admin_save s = {.user_id = w->session->user.id,
			       .addr = req->remote_addr,
			       .now = req->now,
			       .act = ACT_CORRECT,
			       .correction = ed.correction,
			       .version = ed.stored.version};
	e = db_admin_article_save(w->db, &ed.a, &s);
	if (e != W_OK)
		return e;
	return admin_article_done(w, resp, &ed.a, ACT_CORRECT, false);
}

/* ---- the preview: the reader's page built from the form ---- */

/* The reader's record of what the editor holds: sections, bylines and
 * tags resolved to what they will be, the body rendered. */
static enum werr
preview_article(struct worker *w, const struct req *req,
		const struct editor *ed, struct article *art)
{
	const struct admin_article *a = &ed->a;
	memset(art, 0, sizeof *art);
	art->id = ed->stored.id;
	art->slug = a->slug && *a->slug ? a->slug : "pratinjau";
	art->title = a->title;
	art->lead = a->lead;
	art->dateline = a->dateline;
	art->body_md = a->body_md;
	art->status = a->status;
	art->published_at = ed->stored.published_at ? ed->stored.published_at
						    : req->now;
	art->updated_at = art->created_at = art->published_at;
	art->unpublish_reason = "";
	for (size_t i = 0; i < ed->nsecs; i++)
		if (ed->secs[i].id == a->section_id)
			art->section = ed->secs[i];
	art->authors = arena_alloc(&w->arena, (a->nauthors + 1) *
						      sizeof *art->authors);
	art->tags = arena_alloc(&w->arena, (a->ntags + 1) * sizeof *art->tags);
	if (!art->authors || !art->tags)
		return W_NOMEM;
	for (size_t i = 0; i < a->nauthors; i++)
		for (size_t k = 0; k < ed->nauthors; k++)
			if (ed->authors[k].id == a->author_ids[i])
				art->authors[art->nauthors++] = ed->authors[k];
	for (size_t i = 0; i < a->ntags; i++) {
		char s[101];
		if (slug_from(a->tags[i], s, sizeof s) == 0)
			continue;
		struct tag *t = &art->tags[art->ntags++];
		t->name = a->tags[i];
		t->slug = arena_strdup(&w->arena, s);
		if (!t->slug)
			return W_NOMEM;
	}
	struct buf html;
	buf_init(&html);
	enum werr e = markdown_render(a->body_md, strlen(a->body_md), &html);
	if (e == W_OK)
		e = buf_err(&html);
	if (e == W_OK) {
		art->body_html = arena_strndup(&w->arena, buf_cstr(&html),
					       html.len);
		if (!art->body_html)
			e = W_NOMEM;
	}
	buf_fini(&html);
	return e;
}

/* POST /admin/preview (a new story) and /admin/articles/:id/preview: the
 * whole editor form, as its "Pratinjau" button sends it to a new tab. */
enum werr
admin_preview(struct worker *w, struct req *req, struct resp *resp)
{
	struct editor ed;
	memset(&ed, 0, sizeof ed);
	enum werr e;
	if (req_param(req, "id")) {
		e = load_editor(w, req, &ed);
		if (e != W_OK)
			return e;
		const struct user *me = &w->session->user;
		if (!admin_article_may(w, &ed.stored, ACT_SAVE) &&
		    !(me->id && ed.stored.created_by == me->id))
			return W_FORBIDDEN;
	} else {
		ed.is_new = true;
		ed.a.status = ST_DRAFT;
		ed.stored.status = ST__MAX;
		e = load_choices(w, &ed);
		if (e != W_OK)
			return e;
	}
	/* Whatever is wrong with the form, show what it would look like:
	 * the save is where mistakes are refused. */
	read_form(w, req, &ed);
	struct article art;
	e = preview_article(w, req, &ed, &art);
	if (e != W_OK)
		return e;
	struct article_list related = {0};
	struct article_extras x;
	if (ed.stored.id) {
		e = db_articles_related(w->db, &w->arena, &art, req->now, 5,
					&related);
		if (e == W_OK)
			e = db_admin_article_extras(w->db, &w->arena,
						    ed.stored.id, &x);
		if (e != W_OK)
			return e;
		if (ed.remove_image)
			x.image_name = "";
	} else {
		memset(&x, 0, sizeof x);
		x.image_name = x.image_mime = x.editor_name = "";
	}
	x.image_caption = ed.a.image_caption;
	x.image_credit = ed.a.image_credit;
	/* The picture the form shows: the stored one, or one picked from the
	 * library (a file chosen but not yet sent cannot be shown). */
	struct media_item m;
	if (ed.remove_image || !ed.a.image_id) {
		x.image_name = "";
		memset(&x.photo, 0, sizeof x.photo);
	} else if (db_media_get(w->db, &w->arena, ed.a.image_id, &m) == W_OK) {
		page_foto_photo(&m, &x.photo);
		x.image_name = m.name;
		if (*x.image_caption)
			x.photo.caption = x.image_caption;
		if (*x.image_credit)
			x.photo.credit = x.image_credit;
		if (!*x.photo.alt)
			x.photo.alt = x.photo.caption;
	}
	return page_article_render(w, req, resp, &art, &related, &x, true);
}
