/* db_admin_article.c - saving articles from the editor (one transaction
 * with revision and audit row), the rules for each action, revisions,
 * corrections and the admin listing. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "db_admin_article.h"
#include "markdown.h"
#include "slug.h"

#define LIST_MAX 200
#define QUERY_WORDS 8
#define AUTHORS_MAX 1000

/* ---- actions and who may take them ---- */

static const struct {
	const char *button; /* the form's value, NULL for non-buttons */
	const char *audit;
} actions[] = {
	[ACT_SAVE] = {"draft", "article.save"},
	[ACT_SUBMIT] = {"submit", "article.submit"},
	[ACT_PUBLISH] = {"publish", "article.publish"},
	[ACT_SCHEDULE] = {"schedule", "article.schedule"},
	[ACT_UNPUBLISH] = {"unpublish", "article.unpublish"},
	[ACT_DELETE] = {"delete", "article.delete"},
	[ACT_RESTORE] = {NULL, "article.restore"},
	[ACT_CORRECT] = {NULL, "article.correct"},
};
_Static_assert(sizeof actions / sizeof actions[0] == ACT__MAX,
	       "one row per action");

enum article_action
article_action_parse(const char *name)
{
	if (!name)
		return ACT__MAX;
	if (strcmp(name, "save") == 0)
		return ACT_SAVE;
	for (int i = 0; i < ACT__MAX; i++)
		if (actions[i].button && strcmp(name, actions[i].button) == 0)
			return (enum article_action)i;
	return ACT__MAX;
}

const char *
article_action_audit(enum article_action act, bool created)
{
	if ((unsigned)act >= ACT__MAX)
		return "article.unknown";
	if (created && act == ACT_SAVE)
		return "article.create";
	return actions[act].audit;
}

/* The permission an action needs besides being allowed to touch the
 * article at all; PERM__MAX when none. */
static enum perm
action_perm(enum article_action act)
{
	switch (act) {
	case ACT_SUBMIT:
		return PERM_ARTICLE_SUBMIT;
	case ACT_PUBLISH:
	case ACT_SCHEDULE:
		return PERM_ARTICLE_PUBLISH;
	case ACT_UNPUBLISH:
		return PERM_ARTICLE_UNPUBLISH;
	case ACT_DELETE:
		return PERM_ARTICLE_DELETE;
	case ACT_RESTORE:
		return PERM_REVISION_RESTORE;
	case ACT_SAVE:
	case ACT_CORRECT:
	case ACT__MAX:
		break;
	}
	return PERM__MAX;
}

bool
db_admin_article_may(enum role role, int64_t user_id,
		     const struct admin_article *a, enum article_action act)
{
	if ((unsigned)act >= ACT__MAX || !role_can(role, PERM_ARTICLE_WRITE))
		return false;
	/* Ownership is checked on the stored record the caller loaded, never
	 * on anything the form says. A new article is its author's own. */
	bool touch = role_can(role, PERM_ARTICLE_EDIT_ANY) || a->id == 0 ||
		     (user_id != 0 && a->created_by == user_id &&
		      a->status == ST_DRAFT);
	if (!touch)
		return false;
	enum perm p = action_perm(act);
	return p == PERM__MAX || role_can(role, p);
}

/* Public now, or was until it was taken down: its first publication
 * date is history and a re-publication keeps it. */
static bool
was_public(const struct admin_article *a, int64_t now)
{
	return (a->status == ST_PUBLISHED || a->status == ST_SCHEDULED ||
		a->status == ST_UNPUBLISHED) &&
	       a->published_at != 0 && a->published_at <= now;
}

static bool
is_public(const struct admin_article *a, int64_t now)
{
	return (a->status == ST_PUBLISHED || a->status == ST_SCHEDULED) &&
	       a->published_at != 0 && a->published_at <= now;
}

static bool
blank(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return false;
	return true;
}

static enum werr
refuse(const char **why, const char **field, const char *w, const char *f)
{
	*why = w;
	*field = f;
	return W_INVAL;
}

enum werr
db_admin_article_apply(struct admin_article *a, enum article_action act,
		       int64_t user_id, int64_t now, int64_t when,
		       const char *reason, const char **why,
		       const char **field)
{
	*why = NULL;
	*field = NULL;
	switch (act) {
	case ACT_SAVE:
	case ACT_RESTORE:
		if ((unsigned)a->status >= ST__MAX)
			a->status = ST_DRAFT;
		return W_OK;
	case ACT_SUBMIT:
		if (a->status != ST_DRAFT)
			return refuse(why, field,
				      "Hanya draf yang dapat diajukan untuk "
				      "diperiksa.", "action");
		a->status = ST_REVIEW;
		return W_OK;
	case ACT_PUBLISH:
		if (!was_public(a, now))
			a->published_at = now;
		a->status = ST_PUBLISHED;
		a->editor_id = user_id;
		a->unpublished_at = 0;
		a->unpublish_reason = "";
		return W_OK;
	case ACT_SCHEDULE:
		if (is_public(a, now))
			return refuse(why, field,
				      "Berita ini sudah tayang; jadwal tidak "
				      "dapat diubah.", "schedule");
		if (a->status == ST_UNPUBLISHED)
			return refuse(why, field,
				      "Berita yang dicabut tidak dapat "
				      "dijadwalkan; terbitkan kembali bila "
				      "perlu.", "schedule");
		if (when <= now)
			return refuse(why, field,
				      "Waktu tayang harus di masa depan.",
				      "schedule");
		a->status = ST_SCHEDULED;
		a->published_at = when;
		a->editor_id = user_id;
		return W_OK;
	case ACT_UNPUBLISH:
		if (!is_public(a, now))
			return refuse(why, field,
				      "Hanya berita yang sedang tayang yang "
				      "dapat dicabut.", "action");
		if (blank(reason))
			return refuse(why, field,
				      "Alasan pencabutan wajib diisi.",
				      "unpublish_reason");
		a->status = ST_UNPUBLISHED;
		a->unpublished_at = now;
		a->unpublish_reason = reason;
		return W_OK;
	case ACT_DELETE:
		if (a->id == 0 || a->status != ST_DRAFT)
			return refuse(why, field,
				      "Hanya draf yang dapat dihapus; berita "
				      "yang sudah tayang dicabut, bukan "
				      "dihapus.", "action");
		return W_OK;
	case ACT_CORRECT:
		if (!was_public(a, now))
			return refuse(why, field,
				      "Koreksi hanya untuk berita yang sudah "
				      "tayang.", "correction");
		return W_OK;
	case ACT__MAX:
		break;
	}
	return refuse(why, field, "Tindakan tidak dikenal.", "action");
}

/* ---- helpers ---- */

/* A step that must finish with SQLITE_DONE; maps constraint failures to
 * the errors the save promises. Resets st. */
static enum werr
done(struct db *db, sqlite3_stmt *st, const char *what)
{
	enum werr e = W_OK;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE) {
		int ext = sqlite3_extended_errcode(db_sqlite(db));
		if (ext == SQLITE_CONSTRAINT_UNIQUE ||
		    ext == SQLITE_CONSTRAINT_PRIMARYKEY)
			e = W_CONFLICT;
		else if ((ext & 0xff) == SQLITE_CONSTRAINT)
			e = W_INVAL;
		else
			e = db_fail(db, what);
	}
	sqlite3_reset(st);
	return e;
}

static enum werr
bind_text(struct db *db, sqlite3_stmt *st, int i, const char *s)
{
	if (sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_STATIC) !=
	    SQLITE_OK)
		return db_fail(db, "binding text");
	return W_OK;
}

/* Binds v, or NULL when it is 0 (an optional reference or time). */
static void
bind_opt(sqlite3_stmt *st, int i, int64_t v)
{
	if (v)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static bool
text(sqlite3_stmt *st, int i, struct arena *a, const char **dst)
{
	*dst = db_col_text(st, i, a);
	return *dst != NULL;
}

/* ---- load ---- */

static const char SQL_LOAD[] =
	"SELECT a.id, a.slug, a.title, a.lead, a.dateline, a.body_md,"
	" a.section_id, a.status, a.published_at, a.unpublished_at,"
	" a.unpublish_reason, a.featured, a.image_id, m.name,"
	" a.image_caption, a.image_credit, a.created_by, a.editor_id,"
	" a.created_at, a.updated_at"
	" FROM articles a LEFT JOIN media m ON m.id = a.image_id"
	" WHERE a.id = ?1";

static const char SQL_LOAD_AUTHORS[] =
	"SELECT author_id FROM article_authors WHERE article_id = ?1"
	" ORDER BY position, author_id LIMIT ?2";

static const char SQL_LOAD_TAGS[] =
	"SELECT g.name FROM article_tags t JOIN tags g ON g.id = t.tag_id"
	" WHERE t.article_id = ?1 ORDER BY t.position, g.id LIMIT ?2";

static const char SQL_LOAD_PICKS[] =
	"SELECT a.slug FROM article_related r"
	" JOIN articles a ON a.id = r.related_id"
	" WHERE r.article_id = ?1 ORDER BY r.position, r.related_id LIMIT ?2";

/* Runs a one-column list query for article id into ids or strs. */
static enum werr
load_list(struct db *db, struct arena *a, const char *sql, int64_t id,
	  size_t max, int64_t *ids, const char **strs, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	*n = 0;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (int64_t)max);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		if (ids) {
			ids[*n] = sqlite3_column_int64(st, 0);
		} else if (!text(st, 0, a, &strs[*n])) {
			e = W_NOMEM;
			goto out;
		}
		(*n)++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		e = db_fail(db, sql);
out:
	sqlite3_reset(st);
	return e;
}

enum werr
db_admin_article_load(struct db *db, struct arena *a, int64_t id,
		      struct admin_article *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, SQL_LOAD);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		e = W_NOTFOUND;
		goto out;
	}
	if (rc != SQLITE_ROW) {
		e = db_fail(db, "loading an article");
		goto out;
	}
	out->id = sqlite3_column_int64(st, 0);
	out->section_id = sqlite3_column_int64(st, 6);
	out->status = article_status_parse(
		(const char *)sqlite3_column_text(st, 7));
	out->published_at = sqlite3_column_int64(st, 8);
	out->unpublished_at = sqlite3_column_int64(st, 9);
	out->featured = sqlite3_column_int(st, 11) != 0;
	out->image_id = sqlite3_column_int64(st, 12);
	out->created_by = sqlite3_column_int64(st, 16);
	out->editor_id = sqlite3_column_int64(st, 17);
	out->created_at = sqlite3_column_int64(st, 18);
	out->updated_at = sqlite3_column_int64(st, 19);
	if (!text(st, 1, a, &out->slug) || !text(st, 2, a, &out->title) ||
	    !text(st, 3, a, &out->lead) || !text(st, 4, a, &out->dateline) ||
	    !text(st, 5, a, &out->body_md) ||
	    !text(st, 10, a, &out->unpublish_reason) ||
	    !text(st, 13, a, &out->image_name) ||
	    !text(st, 14, a, &out->image_caption) ||
	    !text(st, 15, a, &out->image_credit))
		e = W_NOMEM;
out:
	sqlite3_reset(st);
	if (e == W_OK)
		e = load_list(db, a, SQL_LOAD_AUTHORS, id, ADMIN_MAX_AUTHORS,
			      out->author_ids, NULL, &out->nauthors);
	if (e == W_OK)
		e = load_list(db, a, SQL_LOAD_TAGS, id, ADMIN_MAX_TAGS, NULL,
			      out->tags, &out->ntags);
	if (e == W_OK)
		e = load_list(db, a, SQL_LOAD_PICKS, id, ADMIN_MAX_PICKS, NULL,
			      out->picks, &out->npicks);
	return e;
}

/* ---- save ---- */

/* ?1 id (UPDATE), ?2..?18 the editable columns, ?19 created_by and ?20
 * created_at (INSERT). */
#define ART_SET_COLS                                                         \
	"slug, title, lead, dateline, body_md, body_html, status, section_id," \
	" published_at, updated_at, featured, unpublish_reason,"             \
	" unpublished_at, editor_id, image_id, image_caption, image_credit"

static const char SQL_INSERT[] =
	"INSERT INTO articles (" ART_SET_COLS ", created_by, created_at)"
	" VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
	" ?15, ?16, ?17, ?18, ?19, ?20)";

static const char SQL_UPDATE[] =
	"UPDATE articles SET slug = ?2, title = ?3, lead = ?4, dateline = ?5,"
	" body_md = ?6, body_html = ?7, status = ?8, section_id = ?9,"
	" published_at = ?10, updated_at = ?11, featured = ?12,"
	" unpublish_reason = ?13, unpublished_at = ?14, editor_id = ?15,"
	" image_id = ?16, image_caption = ?17, image_credit = ?18"
	" WHERE id = ?1";

static const char SQL_CREATED[] =
	"SELECT created_at FROM articles WHERE id = ?1";

static const char SQL_DEL_AUTHORS[] =
	"DELETE FROM article_authors WHERE article_id = ?1";
static const char SQL_DEL_TAGS[] =
	"DELETE FROM article_tags WHERE article_id = ?1";
static const char SQL_DEL_PICKS[] =
	"DELETE FROM article_related WHERE article_id = ?1";

/* A repeated author keeps its first place. */
static const char SQL_ADD_AUTHOR[] =
	"INSERT INTO article_authors (article_id, author_id, position)"
	" VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING";

static const char SQL_NEW_TAG[] =
	"INSERT INTO tags (slug, name) VALUES (?1, ?2)"
	" ON CONFLICT (slug) DO NOTHING";

static const char SQL_ADD_TAG[] =
	"INSERT INTO article_tags (article_id, tag_id, position)"
	" SELECT ?1, id, ?3 FROM tags WHERE slug = ?2"
	" ON CONFLICT DO NOTHING";

/* The article itself and unknown slugs give no row, so nothing. */
static const char SQL_ADD_PICK[] =
	"INSERT INTO article_related (article_id, related_id, position)"
	" SELECT ?1, id, ?3 FROM articles WHERE slug = ?2 AND id <> ?1"
	" ON CONFLICT DO NOTHING";

static const char SQL_ADD_MEDIA[] =
	"INSERT INTO media (name, mime, size, user_id, created_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5)";

static const char SQL_ADD_CORRECTION[] =
	"INSERT INTO corrections (article_id, body, user_id, created_at)"
	" VALUES (?1, ?2, ?3, ?4)";

/* The whole stored article, as JSON built by SQLite from the rows just
 * written. A scalar subquery loses the JSON subtype of what it returns,
 * so each nested array goes back through json() to stay an array rather
 * than become a string; the inner ORDER BY feeds json_group_array in
 * byline and editor order (SQLite 3.40 has no ORDER BY inside an
 * aggregate). */
static const char SQL_REVISION[] =
	"INSERT INTO revisions (article_id, user_id, created_at, snapshot)"
	" SELECT a.id, ?2, ?3, json_object("
	"'id', a.id, 'title', a.title, 'slug', a.slug, 'lead', a.lead,"
	" 'dateline', a.dateline, 'body_md', a.body_md,"
	" 'section_id', a.section_id, 'section', s.slug,"
	" 'status', a.status, 'published_at', a.published_at,"
	" 'created_at', a.created_at, 'updated_at', a.updated_at,"
	" 'unpublished_at', a.unpublished_at,"
	" 'unpublish_reason', a.unpublish_reason,"
	" 'featured', json(CASE a.featured WHEN 1 THEN 'true' ELSE 'false'"
	" END),"
	" 'created_by', a.created_by, 'editor_id', a.editor_id,"
	" 'authors', json((SELECT json_group_array(json_object('id', x.id,"
	" 'slug', x.slug, 'name', x.name)) FROM (SELECT u.id, u.slug, u.name"
	" FROM article_authors w JOIN authors u ON u.id = w.author_id"
	" WHERE w.article_id = ?1 ORDER BY w.position, u.id) x)),"
	" 'tags', json((SELECT json_group_array(x.name) FROM (SELECT g.name"
	" FROM article_tags t JOIN tags g ON g.id = t.tag_id"
	" WHERE t.article_id = ?1 ORDER BY t.position, g.id) x)),"
	" 'picks', json((SELECT json_group_array(x.slug) FROM (SELECT p.slug"
	" FROM article_related r JOIN articles p ON p.id = r.related_id"
	" WHERE r.article_id = ?1 ORDER BY r.position, r.related_id) x)),"
	" 'image', json((SELECT json_object('id', m.id, 'name', m.name,"
	" 'mime', m.mime) FROM media m WHERE m.id = a.image_id)),"
	" 'image_caption', a.image_caption, 'image_credit', a.image_credit,"
	" 'corrections', json((SELECT json_group_array(json_object('body',"
	" x.body, 'created_at', x.created_at)) FROM (SELECT c.body,"
	" c.created_at FROM corrections c WHERE c.article_id = ?1"
	" ORDER BY c.created_at, c.id) x)))"
	" FROM articles a JOIN sections s ON s.id = a.section_id"
	" WHERE a.id = ?1";

static const char SQL_AUDIT[] =
	"INSERT INTO audit_log (user_id, action, article_id, detail, addr,"
	" created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

/* Binds the columns shared by SQL_INSERT and SQL_UPDATE. */
static enum werr
bind_article(struct db *db, sqlite3_stmt *st, const struct admin_article *a,
	     const char *html, int64_t now)
{
	enum werr e;
	if ((e = bind_text(db, st, 2, a->slug)) != W_OK ||
	    (e = bind_text(db, st, 3, a->title)) != W_OK ||
	    (e = bind_text(db, st, 4, a->lead)) != W_OK ||
	    (e = bind_text(db, st, 5, a->dateline)) != W_OK ||
	    (e = bind_text(db, st, 6, a->body_md)) != W_OK ||
	    (e = bind_text(db, st, 7, html)) != W_OK ||
	    (e = bind_text(db, st, 8, article_status_name(a->status))) !=
		    W_OK ||
	    (e = bind_text(db, st, 13, a->unpublish_reason)) != W_OK ||
	    (e = bind_text(db, st, 17, a->image_caption)) != W_OK ||
	    (e = bind_text(db, st, 18, a->image_credit)) != W_OK)
		return e;
	sqlite3_bind_int64(st, 9, a->section_id);
	bind_opt(st, 10, a->published_at);
	sqlite3_bind_int64(st, 11, now);
	sqlite3_bind_int(st, 12, a->featured ? 1 : 0);
	bind_opt(st, 14, a->unpublished_at);
	bind_opt(st, 15, a->editor_id);
	bind_opt(st, 16, a->image_id);
	return W_OK;
}

/* Runs a statement binding ?1 to id only. */
static enum werr
run_id(struct db *db, const char *sql, int64_t id)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	return done(db, st, sql);
}

static enum werr
save_row(struct db *db, struct admin_article *a, const struct admin_save *s,
	 const char *html)
{
	bool create = a->id == 0;
	sqlite3_stmt *st = db_stmt(db, create ? SQL_INSERT : SQL_UPDATE);
	if (!st)
		return W_DB;
	enum werr e = bind_article(db, st, a, html, s->now);
	if (e != W_OK) {
		sqlite3_reset(st);
		return e;
	}
	if (create) {
		bind_opt(st, 19, s->user_id);
		sqlite3_bind_int64(st, 20, s->now);
	} else {
		sqlite3_bind_int64(st, 1, a->id);
	}
	e = done(db, st, "saving an article");
	if (e != W_OK)
		return e;
	if (create) {
		a->id = sqlite3_last_insert_rowid(db_sqlite(db));
		a->created_by = s->user_id;
		a->created_at = s->now;
		return W_OK;
	}
	if (sqlite3_changes(db_sqlite(db)) == 0)
		return W_NOTFOUND;
	/* The caller's record may not have come from load. */
	st = db_stmt(db, SQL_CREATED);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, a->id);
	if (sqlite3_step(st) == SQLITE_ROW)
		a->created_at = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return W_OK;
}

static enum werr
save_authors(struct db *db, const struct admin_article *a)
{
	if (a->nauthors == 0)
		return W_INVAL; /* a byline is not optional */
	enum werr e = run_id(db, SQL_DEL_AUTHORS, a->id);
	for (size_t i = 0; e == W_OK && i < a->nauthors; i++) {
		sqlite3_stmt *st = db_stmt(db, SQL_ADD_AUTHOR);
		if (!st)
			return W_DB;
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_int64(st, 2, a->author_ids[i]);
		sqlite3_bind_int64(st, 3, (int64_t)i);
		e = done(db, st, "adding an author");
	}
	/* An unknown author is a foreign key failure: bad input, not a
	 * clash. */
	return e == W_CONFLICT ? W_INVAL : e;
}

static enum werr
save_tags(struct db *db, const struct admin_article *a)
{
	enum werr e = run_id(db, SQL_DEL_TAGS, a->id);
	for (size_t i = 0; e == W_OK && i < a->ntags; i++) {
		char slug[101];
		if (slug_from(a->tags[i], slug, sizeof slug) == 0)
			return W_INVAL;
		sqlite3_stmt *st = db_stmt(db, SQL_NEW_TAG);
		if (!st)
			return W_DB;
		if ((e = bind_text(db, st, 1, slug)) != W_OK ||
		    (e = bind_text(db, st, 2, a->tags[i])) != W_OK) {
			sqlite3_reset(st);
			return e;
		}
		if ((e = done(db, st, "creating a tag")) != W_OK)
			return e == W_CONFLICT ? W_INVAL : e;
		st = db_stmt(db, SQL_ADD_TAG);
		if (!st)
			return W_DB;
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_int64(st, 3, (int64_t)i);
		if ((e = bind_text(db, st, 2, slug)) != W_OK) {
			sqlite3_reset(st);
			return e;
		}
		e = done(db, st, "tagging an article");
	}
	return e == W_CONFLICT ? W_INVAL : e;
}

static enum werr
save_picks(struct db *db, const struct admin_article *a)
{
	enum werr e = run_id(db, SQL_DEL_PICKS, a->id);
	for (size_t i = 0; e == W_OK && i < a->npicks; i++) {
		sqlite3_stmt *st = db_stmt(db, SQL_ADD_PICK);
		if (!st)
			return W_DB;
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_int64(st, 3, (int64_t)i);
		if ((e = bind_text(db, st, 2, a->picks[i])) != W_OK) {
			sqlite3_reset(st);
			return e;
		}
		e = done(db, st, "adding a pick");
	}
	return e == W_CONFLICT ? W_INVAL : e;
}

static enum werr
save_media(struct db *db, const struct admin_media *m,
	   const struct admin_save *s, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, SQL_ADD_MEDIA);
	if (!st)
		return W_DB;
	enum werr e;
	if ((e = bind_text(db, st, 1, m->name)) != W_OK ||
	    (e = bind_text(db, st, 2, m->mime)) != W_OK) {
		sqlite3_reset(st);
		return e;
	}
	sqlite3_bind_int64(st, 3, (int64_t)m->size);
	bind_opt(st, 4, s->user_id);
	sqlite3_bind_int64(st, 5, s->now);
	e = done(db, st, "recording an image");
	if (e == W_OK)
		*id = sqlite3_last_insert_rowid(db_sqlite(db));
	/* A name clash cannot be the user's doing. */
	return e == W_CONFLICT ? W_DB : e;
}

static enum werr
save_correction(struct db *db, int64_t id, const struct admin_save *s)
{
	sqlite3_stmt *st = db_stmt(db, SQL_ADD_CORRECTION);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	enum werr e = bind_text(db, st, 2, s->correction);
	if (e != W_OK) {
		sqlite3_reset(st);
		return e;
	}
	bind_opt(st, 3, s->user_id);
	sqlite3_bind_int64(st, 4, s->now);
	return done(db, st, "adding a correction");
}

static enum werr
save_revision(struct db *db, int64_t id, const struct admin_save *s)
{
	sqlite3_stmt *st = db_stmt(db, SQL_REVISION);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	bind_opt(st, 2, s->user_id);
	sqlite3_bind_int64(st, 3, s->now);
	enum werr e = done(db, st, "writing a revision");
	if (e == W_OK && sqlite3_changes(db_sqlite(db)) != 1)
		e = db_fail(db, "writing a revision: no row");
	return e;
}

static enum werr
audit(struct db *db, const struct admin_save *s, const char *action,
      int64_t id, const char *detail)
{
	sqlite3_stmt *st = db_stmt(db, SQL_AUDIT);
	if (!st)
		return W_DB;
	enum werr e;
	bind_opt(st, 1, s->user_id);
	sqlite3_bind_int64(st, 3, id);
	sqlite3_bind_int64(st, 6, s->now);
	if ((e = bind_text(db, st, 2, action)) != W_OK ||
	    (e = bind_text(db, st, 4, detail)) != W_OK ||
	    (e = bind_text(db, st, 5, s->addr)) != W_OK) {
		sqlite3_reset(st);
		return e;
	}
	return done(db, st, "writing the audit log");
}

enum werr
db_admin_article_save(struct db *db, struct admin_article *art,
		      const struct admin_save *s)
{
	struct admin_article a = *art;
	bool created = a.id == 0;
	if (!a.slug || !slug_valid(a.slug))
		return W_INVAL;
	struct buf html;
	buf_init(&html);
	enum werr e = markdown_render(a.body_md ? a.body_md : "",
				      a.body_md ? strlen(a.body_md) : 0,
				      &html);
	if (e == W_OK)
		e = buf_err(&html);
	if (e != W_OK)
		goto out;
	if ((e = db_begin(db)) != W_OK)
		goto out;
	if (s->image)
		e = save_media(db, s->image, s, &a.image_id);
	if (e == W_OK)
		e = save_row(db, &a, s, buf_cstr(&html));
	if (e == W_OK)
		e = save_authors(db, &a);
	if (e == W_OK)
		e = save_tags(db, &a);
	if (e == W_OK)
		e = save_picks(db, &a);
	if (e == W_OK && !blank(s->correction))
		e = save_correction(db, a.id, s);
	if (e == W_OK)
		e = save_revision(db, a.id, s);
	if (e == W_OK)
		e = audit(db, s, article_action_audit(s->act, created), a.id,
			  a.slug);
	if (e == W_OK)
		e = db_commit(db);
	if (e != W_OK) {
		db_rollback(db);
		goto out;
	}
	a.updated_at = s->now;
	if (s->image)
		a.image_name = s->image->name;
	*art = a;
out:
	buf_fini(&html);
	return e;
}

/* ---- delete ---- */

static const char SQL_STATUS_OF[] =
	"SELECT status, slug FROM articles WHERE id = ?1";
static const char SQL_DELETE[] = "DELETE FROM articles WHERE id = ?1";

enum werr
db_admin_article_delete(struct db *db, int64_t id, const struct admin_save *s)
{
	char slug[128] = "";
	enum werr e = db_begin(db);
	if (e != W_OK)
		return e;
	sqlite3_stmt *st = db_stmt(db, SQL_STATUS_OF);
	if (!st) {
		e = W_DB;
		goto out;
	}
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		/* Checked inside the transaction: nobody publishes it
		 * between the check and the delete. */
		const char *status = (const char *)sqlite3_column_text(st, 0);
		const char *sl = (const char *)sqlite3_column_text(st, 1);
		if (!status || strcmp(status, "draft") != 0)
			e = W_CONFLICT;
		snprintf(slug, sizeof slug, "%s", sl ? sl : "");
	} else {
		e = rc == SQLITE_DONE ? W_NOTFOUND
				      : db_fail(db, "checking a deletion");
	}
	sqlite3_reset(st);
	if (e == W_OK)
		e = run_id(db, SQL_DELETE, id);
	if (e == W_OK)
		e = audit(db, s, "article.delete", id, slug);
	if (e == W_OK)
		e = db_commit(db);
out:
	if (e != W_OK)
		db_rollback(db);
	return e;
}

static const char SQL_ID_BY_SLUG[] = "SELECT id FROM articles WHERE slug = ?1";

enum werr
db_admin_article_id_by_slug(struct db *db, const char *slug, int64_t *id)
{
	*id = 0;
	sqlite3_stmt *st = db_stmt(db, SQL_ID_BY_SLUG);
	if (!st)
		return W_DB;
	enum werr e = bind_text(db, st, 1, slug);
	if (e == W_OK) {
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			*id = sqlite3_column_int64(st, 0);
		else if (rc == SQLITE_DONE)
			e = W_NOTFOUND;
		else
			e = db_fail(db, "article by slug");
	}
	sqlite3_reset(st);
	return e;
}

/* ---- revisions ---- */

static const char SQL_REVISIONS[] =
	"SELECT r.id, r.created_at, COALESCE(u.name, ''),"
	" json_extract(r.snapshot, '$.title'),"
	" json_extract(r.snapshot, '$.status')"
	" FROM revisions r LEFT JOIN users u ON u.id = r.user_id"
	" WHERE r.article_id = ?1 ORDER BY r.id DESC LIMIT ?2";

enum werr
db_admin_revisions(struct db *db, struct arena *a, int64_t id, size_t max,
		   struct admin_revision **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (max > LIST_MAX)
		max = LIST_MAX;
	struct admin_revision *r = arena_alloc(a, (max ? max : 1) * sizeof *r);
	if (!r)
		return W_NOMEM;
	sqlite3_stmt *st = db_stmt(db, SQL_REVISIONS);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (int64_t)max);
	int rc;
	size_t k = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && k < max) {
		r[k].id = sqlite3_column_int64(st, 0);
		r[k].created_at = sqlite3_column_int64(st, 1);
		if (!text(st, 2, a, &r[k].user_name) ||
		    !text(st, 3, a, &r[k].title) ||
		    !text(st, 4, a, &r[k].status)) {
			e = W_NOMEM;
			goto out;
		}
		k++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		e = db_fail(db, "listing revisions");
out:
	sqlite3_reset(st);
	if (e == W_OK) {
		*out = r;
		*n = k;
	}
	return e;
}

/* The content of revision ?2 of article ?1; a section or image that is
 * gone comes back NULL. */
static const char SQL_REV_CONTENT[] =
	"SELECT json_extract(r.snapshot, '$.title'),"
	" json_extract(r.snapshot, '$.slug'),"
	" json_extract(r.snapshot, '$.lead'),"
	" json_extract(r.snapshot, '$.dateline'),"
	" json_extract(r.snapshot, '$.body_md'),"
	" (SELECT s.id FROM sections s"
	" WHERE s.id = json_extract(r.snapshot, '$.section_id')),"
	" json_extract(r.snapshot, '$.featured'),"
	" (SELECT m.id FROM media m"
	" WHERE m.id = json_extract(r.snapshot, '$.image.id')),"
	" (SELECT m.name FROM media m"
	" WHERE m.id = json_extract(r.snapshot, '$.image.id')),"
	" json_extract(r.snapshot, '$.image_caption'),"
	" json_extract(r.snapshot, '$.image_credit')"
	" FROM revisions r WHERE r.id = ?2 AND r.article_id = ?1";

/* Authors of the revision that still exist, in byline order. */
static const char SQL_REV_AUTHORS[] =
	"SELECT u.id FROM revisions r,"
	" json_each(r.snapshot, '$.authors') j"
	" JOIN authors u ON u.id = json_extract(j.value, '$.id')"
	" WHERE r.id = ?2 AND r.article_id = ?1 ORDER BY j.key";

static const char SQL_REV_TAGS[] =
	"SELECT j.value FROM revisions r, json_each(r.snapshot, '$.tags') j"
	" WHERE r.id = ?2 AND r.article_id = ?1 AND j.type = 'text'"
	" ORDER BY j.key";

static const char SQL_REV_PICKS[] =
	"SELECT j.value FROM revisions r, json_each(r.snapshot, '$.picks') j"
	" WHERE r.id = ?2 AND r.article_id = ?1 AND j.type = 'text'"
	" ORDER BY j.key";

/* Runs one of the SQL_REV_* lists into ids or strs (at most max). */
static enum werr
rev_list(struct db *db, struct arena *a, const char *sql, int64_t id,
	 int64_t rev, size_t max, int64_t *ids, const char **strs, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	size_t k = 0;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, rev);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (k == max)
			continue;
		if (ids) {
			ids[k] = sqlite3_column_int64(st, 0);
		} else if (!text(st, 0, a, &strs[k])) {
			e = W_NOMEM;
			goto out;
		}
		k++;
	}
	if (rc != SQLITE_DONE)
		e = db_fail(db, sql);
out:
	sqlite3_reset(st);
	if (e == W_OK)
		*n = k;
	return e;
}

enum werr
db_admin_revision_apply(struct db *db, struct arena *a, int64_t rev,
			struct admin_article *art)
{
	struct admin_article r = *art;
	sqlite3_stmt *st = db_stmt(db, SQL_REV_CONTENT);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	sqlite3_bind_int64(st, 1, art->id);
	sqlite3_bind_int64(st, 2, rev);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		e = rc == SQLITE_DONE ? W_NOTFOUND
				      : db_fail(db, "reading a revision");
		sqlite3_reset(st);
		return e;
	}
	if (!text(st, 0, a, &r.title) || !text(st, 1, a, &r.slug) ||
	    !text(st, 2, a, &r.lead) || !text(st, 3, a, &r.dateline) ||
	    !text(st, 4, a, &r.body_md) || !text(st, 9, a, &r.image_caption) ||
	    !text(st, 10, a, &r.image_credit)) {
		sqlite3_reset(st);
		return W_NOMEM;
	}
	if (sqlite3_column_type(st, 5) != SQLITE_NULL)
		r.section_id = sqlite3_column_int64(st, 5);
	r.featured = sqlite3_column_int(st, 6) != 0;
	r.image_id = sqlite3_column_int64(st, 7);
	if (!text(st, 8, a, &r.image_name)) {
		sqlite3_reset(st);
		return W_NOMEM;
	}
	sqlite3_reset(st);

	size_t n = 0;
	int64_t ids[ADMIN_MAX_AUTHORS];
	e = rev_list(db, a, SQL_REV_AUTHORS, art->id, rev, ADMIN_MAX_AUTHORS,
		     ids, NULL, &n);
	if (e != W_OK)
		return e;
	/* With every author of the revision gone, the byline stays. */
	if (n > 0) {
		memcpy(r.author_ids, ids, n * sizeof ids[0]);
		r.nauthors = n;
	}
	e = rev_list(db, a, SQL_REV_TAGS, art->id, rev, ADMIN_MAX_TAGS, NULL,
		     r.tags, &r.ntags);
	if (e == W_OK)
		e = rev_list(db, a, SQL_REV_PICKS, art->id, rev,
			     ADMIN_MAX_PICKS, NULL, r.picks, &r.npicks);
	if (e == W_OK)
		*art = r;
	return e;
}

/* ---- what the public page adds ---- */

static const char SQL_EXTRAS[] =
	"SELECT COALESCE(m.name, ''), COALESCE(m.mime, ''), a.image_caption,"
	" a.image_credit, COALESCE(au.name, u.name, '')"
	" FROM articles a LEFT JOIN media m ON m.id = a.image_id"
	" LEFT JOIN users u ON u.id = a.editor_id"
	" LEFT JOIN authors au ON au.id = u.author_id"
	" WHERE a.id = ?1";

static const char SQL_CORRECTIONS[] =
	"SELECT body, created_at FROM corrections WHERE article_id = ?1"
	" ORDER BY created_at, id LIMIT 100";

enum werr
db_admin_article_extras(struct db *db, struct arena *a, int64_t id,
			struct article_extras *out)
{
	memset(out, 0, sizeof *out);
	out->image_name = out->image_mime = out->image_caption =
		out->image_credit = out->editor_name = "";
	sqlite3_stmt *st = db_stmt(db, SQL_EXTRAS);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (!text(st, 0, a, &out->image_name) ||
		    !text(st, 1, a, &out->image_mime) ||
		    !text(st, 2, a, &out->image_caption) ||
		    !text(st, 3, a, &out->image_credit) ||
		    !text(st, 4, a, &out->editor_name))
			e = W_NOMEM;
	} else if (rc == SQLITE_DONE) {
		e = W_NOTFOUND;
	} else {
		e = db_fail(db, "article extras");
	}
	sqlite3_reset(st);
	if (e != W_OK)
		return e;

	st = db_stmt(db, SQL_CORRECTIONS);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	size_t cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->ncorrections == cap) {
			size_t ncap = cap ? cap * 2 : 4;
			struct admin_correction *p =
				arena_alloc(a, ncap * sizeof *p);
			if (!p) {
				e = W_NOMEM;
				goto out;
			}
			if (cap)
				memcpy(p, out->corrections, cap * sizeof *p);
			out->corrections = p;
			cap = ncap;
		}
		struct admin_correction *c =
			&out->corrections[out->ncorrections];
		c->created_at = sqlite3_column_int64(st, 1);
		if (!text(st, 0, a, &c->body)) {
			e = W_NOMEM;
			goto out;
		}
		out->ncorrections++;
	}
	if (rc != SQLITE_DONE)
		e = db_fail(db, "listing corrections");
out:
	sqlite3_reset(st);
	return e;
}

/* ---- the admin listing ---- */

#define ADM_COLS                                                             \
	"a.id, a.title, a.slug, a.status, s.name, COALESCE(u.name, ''),"     \
	" a.created_by, a.published_at, a.updated_at"
#define ADM_JOINS                                                            \
	" JOIN sections s ON s.id = a.section_id"                            \
	" LEFT JOIN users u ON u.id = a.created_by"

/* Every filter, applied to whatever the index gives: ?1 status (NULL:
 * any), ?2 section (0: any), ?3 byline author (0: any), ?4 a JSON array of
 * LIKE patterns, each already escaped, that must all match the title. */
#define ADM_FILTER                                                           \
	" AND (?1 IS NULL OR a.status = ?1)"                                 \
	" AND (?2 = 0 OR a.section_id = ?2)"                                 \
	" AND (?3 = 0 OR EXISTS (SELECT 1 FROM article_authors f"            \
	" WHERE f.article_id = a.id AND f.author_id = ?3))"                  \
	" AND NOT EXISTS (SELECT 1 FROM json_each(?4) q"                     \
	" WHERE a.title NOT LIKE q.value ESCAPE '\\')"

/* ?5, ?6 the cursor; ?7 the row limit. */
#define ADM_KEYSET                                                           \
	" AND (a.updated_at, a.id) < (?5, ?6)"                               \
	" ORDER BY a.updated_at DESC, a.id DESC LIMIT ?7"

/* One statement per index that can drive the listing, chosen by the most
 * selective filter present; the others are checked row by row. The index
 * is named because, without statistics, SQLite would otherwise happily
 * walk articles_updated for a status filter (see db_article.c). */
static const char SQL_ADM_STATUS[] =
	"SELECT " ADM_COLS " FROM articles a INDEXED BY articles_status"
	ADM_JOINS " WHERE a.status = ?1" ADM_FILTER ADM_KEYSET;

static const char SQL_ADM_SECTION[] =
	"SELECT " ADM_COLS " FROM articles a"
	" INDEXED BY articles_section_updated" ADM_JOINS
	" WHERE a.section_id = ?2" ADM_FILTER ADM_KEYSET;

/* By byline: the author's articles come from article_authors_author and
 * only those are sorted. */
static const char SQL_ADM_AUTHOR[] =
	"SELECT " ADM_COLS " FROM article_authors x"
	" JOIN articles a NOT INDEXED ON a.id = x.article_id" ADM_JOINS
	" WHERE x.author_id = ?3" ADM_FILTER ADM_KEYSET;

static const char SQL_ADM_ALL[] =
	"SELECT " ADM_COLS " FROM articles a INDEXED BY articles_updated"
	ADM_JOINS " WHERE 1" ADM_FILTER ADM_KEYSET;

/* Bylines of a page: ?1 a JSON array of article ids. */
static const char SQL_ADM_BYLINES[] =
	"SELECT w.article_id, u.name FROM article_authors w"
	" JOIN authors u ON u.id = w.author_id"
	" WHERE w.article_id IN (SELECT value FROM json_each(?1))"
	" ORDER BY w.article_id, w.position, u.id";

/* Appends the title words of q to b as a JSON array of LIKE patterns
 * "%word%", with \, % and _ escaped so that they match themselves. */
static void
like_words(struct buf *b, const char *q)
{
	size_t n = 0;
	buf_putc(b, '[');
	while (q && *q && n < QUERY_WORDS) {
		while (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n')
			q++;
		if (!*q)
			break;
		struct buf w;
		buf_init(&w);
		buf_putc(&w, '%');
		for (; *q && *q != ' ' && *q != '\t' && *q != '\r' &&
		       *q != '\n';
		     q++) {
			if (*q == '%' || *q == '_' || *q == '\\')
				buf_putc(&w, '\\');
			buf_putc(&w, *q);
		}
		buf_putc(&w, '%');
		if (n++)
			buf_putc(b, ',');
		buf_putc(b, '"');
		if (buf_err(&w) == W_OK)
			buf_json(b, w.data, w.len);
		else
			b->oom = true;
		buf_putc(b, '"');
		buf_fini(&w);
	}
	buf_putc(b, ']');
}

/* Fills items' authors with one query. */
static enum werr
bylines(struct db *db, struct arena *a, struct admin_row *items, size_t n)
{
	if (n == 0)
		return W_OK;
	struct buf ids, names;
	buf_init(&ids);
	buf_init(&names);
	buf_putc(&ids, '[');
	for (size_t i = 0; i < n; i++)
		buf_printf(&ids, "%s%lld", i ? "," : "",
			   (long long)items[i].id);
	buf_putc(&ids, ']');
	enum werr e = buf_err(&ids);
	sqlite3_stmt *st = NULL;
	if (e != W_OK)
		goto out;
	st = db_stmt(db, SQL_ADM_BYLINES);
	if (!st) {
		e = W_DB;
		goto out;
	}
	if ((e = bind_text(db, st, 1, buf_cstr(&ids))) != W_OK)
		goto out;
	int rc;
	int64_t cur = 0;
	/* Rows come grouped by article: join each group's names. */
	for (;;) {
		rc = sqlite3_step(st);
		int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0)
					      : 0;
		if (cur && id != cur) {
			const char *s = arena_strdup(a, buf_cstr(&names));
			if (!s || buf_err(&names) != W_OK) {
				e = W_NOMEM;
				goto out;
			}
			for (size_t i = 0; i < n; i++)
				if (items[i].id == cur)
					items[i].authors = s;
			buf_reset(&names);
		}
		if (rc != SQLITE_ROW)
			break;
		if (id == cur)
			buf_puts(&names, ", ");
		cur = id;
		buf_puts(&names, (const char *)sqlite3_column_text(st, 1));
	}
	if (rc != SQLITE_DONE)
		e = db_fail(db, "listing bylines");
out:
	if (st)
		sqlite3_reset(st);
	buf_fini(&ids);
	buf_fini(&names);
	return e;
}

enum werr
db_admin_articles(struct db *db, struct arena *a, const struct admin_filter *f,
		  const struct cursor *before, size_t limit,
		  struct admin_list *out)
{
	memset(out, 0, sizeof *out);
	if (limit > LIST_MAX)
		limit = LIST_MAX;
	bool by_status = (unsigned)f->status < ST__MAX;
	const char *sql = by_status	   ? SQL_ADM_STATUS
			  : f->section_id ? SQL_ADM_SECTION
			  : f->author_id  ? SQL_ADM_AUTHOR
					  : SQL_ADM_ALL;
	struct buf words;
	buf_init(&words);
	like_words(&words, f->q);
	enum werr e = buf_err(&words);
	sqlite3_stmt *st = NULL;
	if (e != W_OK)
		goto out;
	out->items = arena_alloc(a, (limit ? limit : 1) * sizeof *out->items);
	if (!out->items) {
		e = W_NOMEM;
		goto out;
	}
	st = db_stmt(db, sql);
	if (!st) {
		e = W_DB;
		goto out;
	}
	if (by_status)
		e = bind_text(db, st, 1, article_status_name(f->status));
	else
		sqlite3_bind_null(st, 1);
	if (e == W_OK)
		e = bind_text(db, st, 4, buf_cstr(&words));
	if (e != W_OK)
		goto out;
	sqlite3_bind_int64(st, 2, f->section_id);
	sqlite3_bind_int64(st, 3, f->author_id);
	int64_t t = INT64_MAX, id = INT64_MAX;
	if (before && (before->time || before->id)) {
		t = before->time;
		id = before->id;
	}
	sqlite3_bind_int64(st, 5, t);
	sqlite3_bind_int64(st, 6, id);
	sqlite3_bind_int64(st, 7, (int64_t)limit + 1);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == limit) {
			out->more = true;
			break;
		}
		struct admin_row *r = &out->items[out->n];
		r->id = sqlite3_column_int64(st, 0);
		r->status = article_status_parse(
			(const char *)sqlite3_column_text(st, 3));
		r->created_by = sqlite3_column_int64(st, 6);
		r->published_at = sqlite3_column_int64(st, 7);
		r->updated_at = sqlite3_column_int64(st, 8);
		r->authors = "";
		if (!text(st, 1, a, &r->title) || !text(st, 2, a, &r->slug) ||
		    !text(st, 4, a, &r->section) ||
		    !text(st, 5, a, &r->creator)) {
			e = W_NOMEM;
			goto out;
		}
		out->n++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		e = db_fail(db, "admin listing");
		goto out;
	}
	sqlite3_reset(st);
	st = NULL;
	if (out->more && out->n > 0) {
		const struct admin_row *last = &out->items[out->n - 1];
		out->next = (struct cursor){last->updated_at, last->id};
	}
	e = bylines(db, a, out->items, out->n);
out:
	if (st)
		sqlite3_reset(st);
	buf_fini(&words);
	if (e != W_OK)
		memset(out, 0, sizeof *out);
	return e;
}

/* ---- pickers ---- */

static const char SQL_AUTHORS_ALL[] =
	"SELECT id, slug, name, initials, bio FROM authors ORDER BY slug"
	" LIMIT ?1";

enum werr
db_admin_authors(struct db *db, struct arena *a, struct author **out,
		 size_t *n)
{
	*out = NULL;
	*n = 0;
	struct author *list = arena_alloc(a, AUTHORS_MAX * sizeof *list);
	if (!list)
		return W_NOMEM;
	sqlite3_stmt *st = db_stmt(db, SQL_AUTHORS_ALL);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	size_t k = 0;
	sqlite3_bind_int64(st, 1, AUTHORS_MAX);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && k < AUTHORS_MAX) {
		struct author *u = &list[k];
		u->id = sqlite3_column_int64(st, 0);
		if (!text(st, 1, a, &u->slug) || !text(st, 2, a, &u->name) ||
		    !text(st, 3, a, &u->initials) || !text(st, 4, a, &u->bio)) {
			e = W_NOMEM;
			goto out;
		}
		k++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		e = db_fail(db, "listing authors");
out:
	sqlite3_reset(st);
	if (e == W_OK) {
		*out = list;
		*n = k;
	}
	return e;
}

static const char SQL_TAG_NAMES[] =
	"SELECT name FROM tags ORDER BY slug LIMIT ?1";

enum werr
db_admin_tag_names(struct db *db, struct arena *a, size_t max,
		   const char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (max > AUTHORS_MAX)
		max = AUTHORS_MAX;
	const char **list = arena_alloc(a, (max ? max : 1) * sizeof *list);
	if (!list)
		return W_NOMEM;
	sqlite3_stmt *st = db_stmt(db, SQL_TAG_NAMES);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	size_t k = 0;
	sqlite3_bind_int64(st, 1, (int64_t)max);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && k < max) {
		if (!text(st, 0, a, &list[k])) {
			e = W_NOMEM;
			goto out;
		}
		k++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		e = db_fail(db, "listing tags");
out:
	sqlite3_reset(st);
	if (e == W_OK) {
		*out = list;
		*n = k;
	}
	return e;
}
