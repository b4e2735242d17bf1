/* db_admin_article.c - saving articles from the editor (one transaction
 * with revision and audit row), the rules for each action, revisions,
 * corrections and the admin listing. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "db_admin.h"
#include "db_admin_article.h"
#include "db_media.h"
#include "markdown.h"
#include "slug.h"


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

bool
db_admin_article_live(const struct admin_article *a, int64_t now)
{
	return article_status_public(a->status, a->published_at, now);
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
		if (db_admin_article_live(a, now))
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
		if (!db_admin_article_live(a, now))
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

/* ---- load ---- */

static const char SQL_LOAD[] =
	"SELECT a.id, a.slug, a.title, a.lead, a.dateline, a.body_md,"
	" a.section_id, a.status, a.published_at, a.unpublished_at,"
	" a.unpublish_reason, a.featured, a.image_id, m.name,"
	" a.image_caption, a.image_credit, a.created_by, a.editor_id,"
	" a.created_at, a.updated_at, a.version, coalesce(m.pkey, ''),"
	" m.width, m.height, m.focal_x, m.focal_y"
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

/* Runs sql, one of the SQL_LOAD_* lists of article id (?1), for at most
 * max rows (?2) read by fn into items (size-byte records). */
static enum werr
load_list(struct db *db, struct arena *a, const char *sql, int64_t id,
	  size_t max, db_row_fn fn, void *items, size_t size, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (int64_t)max);
	return db_rows(db, st, a, fn, items, size, max, n, NULL, sql);
}

/* A db_row_fn for a row of SQL_LOAD into a struct admin_article. */
static enum werr
article_row(sqlite3_stmt *st, struct arena *a, void *row)
{
	struct admin_article *out = row;
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
	out->version = sqlite3_column_int64(st, 20);
	const char *key = (const char *)sqlite3_column_text(st, 21);
	if (key && picture_key_valid(key)) {
		memcpy(out->image_pic.key, key, sizeof out->image_pic.key);
		out->image_pic.width = sqlite3_column_int(st, 22);
		out->image_pic.height = sqlite3_column_int(st, 23);
		out->image_pic.fx = sqlite3_column_int(st, 24);
		out->image_pic.fy = sqlite3_column_int(st, 25);
	}
	bool ok = db_col(st, 1, a, &out->slug) &&
		  db_col(st, 2, a, &out->title) &&
		  db_col(st, 3, a, &out->lead) &&
		  db_col(st, 4, a, &out->dateline) &&
		  db_col(st, 5, a, &out->body_md) &&
		  db_col(st, 10, a, &out->unpublish_reason) &&
		  db_col(st, 13, a, &out->image_name) &&
		  db_col(st, 14, a, &out->image_caption) &&
		  db_col(st, 15, a, &out->image_credit);
	return ok ? W_OK : W_NOMEM;
}

enum werr
db_admin_article_load(struct db *db, struct arena *a, int64_t id,
		      struct admin_article *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, SQL_LOAD);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	enum werr e = db_one(db, st, a, article_row, out, "loading an article");
	if (e == W_OK)
		e = load_list(db, a, SQL_LOAD_AUTHORS, id, ADMIN_MAX_AUTHORS,
			      db_row_id, out->author_ids,
			      sizeof out->author_ids[0], &out->nauthors);
	if (e == W_OK)
		e = load_list(db, a, SQL_LOAD_TAGS, id, ADMIN_MAX_TAGS,
			      db_row_text, out->tags, sizeof out->tags[0],
			      &out->ntags);
	if (e == W_OK)
		e = load_list(db, a, SQL_LOAD_PICKS, id, ADMIN_MAX_PICKS,
			      db_row_text, out->picks, sizeof out->picks[0],
			      &out->npicks);
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
	" image_id = ?16, image_caption = ?17, image_credit = ?18,"
	" version = version + 1"
	" WHERE id = ?1 AND (?21 = 0 OR version = ?21)";

static const char SQL_CREATED[] =
	"SELECT created_at, version FROM articles WHERE id = ?1";

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

/* The pictures a story shows (article_media): its featured one and its
 * inline ones, those that exist. */
static const char SQL_DEL_USES[] =
	"DELETE FROM article_media WHERE article_id = ?1";
static const char SQL_ADD_USES[] =
	"INSERT OR IGNORE INTO article_media (media_id, article_id)"
	" SELECT m.id, ?1 FROM media m JOIN json_each(?2) j ON j.value = m.id";

static const char SQL_ADD_CORRECTION[] =
	"INSERT INTO corrections (article_id, body, user_id, created_at)"
	" VALUES (?1, ?2, ?3, ?4)";

/* The whole stored article, as JSON built by SQLite from the rows just
 * written. A scalar subquery loses the JSON subtype of what it returns,
 * so each nested array goes back through json() to stay an array rather
 * than become a string; the inner ORDER BY feeds json_group_array in
 * byline and editor order (SQLite 3.40 has no ORDER BY inside an
 * aggregate). */
#define REVISION_OF(user, at)                                               \
	"INSERT INTO revisions (article_id, user_id, created_at, version," \
	" snapshot)" \
	" SELECT a.id, " user ", " at ", a.version, json_object(" \
	"'id', a.id, 'title', a.title, 'slug', a.slug, 'lead', a.lead," \
	" 'dateline', a.dateline, 'body_md', a.body_md," \
	" 'section_id', a.section_id, 'section', s.slug," \
	" 'status', a.status, 'published_at', a.published_at," \
	" 'created_at', a.created_at, 'updated_at', a.updated_at," \
	" 'unpublished_at', a.unpublished_at," \
	" 'unpublish_reason', a.unpublish_reason," \
	" 'featured', json(CASE a.featured WHEN 1 THEN 'true' ELSE 'false'" \
	" END)," \
	" 'created_by', a.created_by, 'editor_id', a.editor_id," \
	" 'authors', json((SELECT json_group_array(json_object('id', x.id," \
	" 'slug', x.slug, 'name', x.name)) FROM (SELECT u.id, u.slug, u.name" \
	" FROM article_authors w JOIN authors u ON u.id = w.author_id" \
	" WHERE w.article_id = ?1 ORDER BY w.position, u.id) x))," \
	" 'tags', json((SELECT json_group_array(x.name) FROM (SELECT g.name" \
	" FROM article_tags t JOIN tags g ON g.id = t.tag_id" \
	" WHERE t.article_id = ?1 ORDER BY t.position, g.id) x))," \
	" 'picks', json((SELECT json_group_array(x.slug) FROM (SELECT p.slug" \
	" FROM article_related r JOIN articles p ON p.id = r.related_id" \
	" WHERE r.article_id = ?1 ORDER BY r.position, r.related_id) x))," \
	" 'image', json((SELECT json_object('id', m.id, 'name', m.name," \
	" 'mime', m.mime) FROM media m WHERE m.id = a.image_id))," \
	" 'image_caption', a.image_caption, 'image_credit', a.image_credit," \
	" 'corrections', json((SELECT json_group_array(json_object('body'," \
	" x.body, 'created_at', x.created_at)) FROM (SELECT c.body," \
	" c.created_at FROM corrections c WHERE c.article_id = ?1" \
	" ORDER BY c.created_at, c.id) x)))" \
	" FROM articles a JOIN sections s ON s.id = a.section_id" \
	" WHERE a.id = ?1"

static const char SQL_REVISION[] = REVISION_OF("?2", "?3");

/* A story that predates the editor (demo data, an import) has no
 * revision: before its first change, its stored state becomes one, so
 * that its history, and the conflict page's "what changed since the
 * version you opened", start where it did. */
static const char SQL_REVISION_BASE[] =
	REVISION_OF("NULL", "a.updated_at")
	" AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.article_id = ?1)";

/* Binds the columns shared by SQL_INSERT and SQL_UPDATE. */
static enum werr
bind_article(struct db *db, sqlite3_stmt *st, const struct admin_article *a,
	     const char *html, int64_t now)
{
	enum werr e;
	if ((e = db_bind_text(db, st, 2, a->slug)) != W_OK ||
	    (e = db_bind_text(db, st, 3, a->title)) != W_OK ||
	    (e = db_bind_text(db, st, 4, a->lead)) != W_OK ||
	    (e = db_bind_text(db, st, 5, a->dateline)) != W_OK ||
	    (e = db_bind_text(db, st, 6, a->body_md)) != W_OK ||
	    (e = db_bind_text(db, st, 7, html)) != W_OK ||
	    (e = db_bind_text(db, st, 8, article_status_name(a->status))) !=
		    W_OK ||
	    (e = db_bind_text(db, st, 13, a->unpublish_reason)) != W_OK ||
	    (e = db_bind_text(db, st, 17, a->image_caption)) != W_OK ||
	    (e = db_bind_text(db, st, 18, a->image_credit)) != W_OK)
		return e;
	sqlite3_bind_int64(st, 9, a->section_id);
	db_bind_opt(st, 10, a->published_at);
	sqlite3_bind_int64(st, 11, now);
	sqlite3_bind_int(st, 12, a->featured ? 1 : 0);
	db_bind_opt(st, 14, a->unpublished_at);
	db_bind_opt(st, 15, a->editor_id);
	db_bind_opt(st, 16, a->image_id);
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
	return db_exec(db, st, sql);
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
	if (e != W_OK)
		return e;
	if (create) {
		db_bind_opt(st, 19, s->user_id);
		sqlite3_bind_int64(st, 20, s->now);
	} else {
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_int64(st, 21, s->version);
	}
	e = create ? db_exec(db, st, "saving an article")
		   : db_exec_changed(db, st, "saving an article");
	if (e != W_OK && e != W_NOTFOUND)
		return e;
	if (create) {
		a->id = sqlite3_last_insert_rowid(db_sqlite(db));
		a->created_by = s->user_id;
		a->created_at = s->now;
		a->version = 1;
		return W_OK;
	}
	/* The caller's record may not have come from load; and no row
	 * changed means either no article or another version. */
	st = db_stmt(db, SQL_CREATED);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, a->id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		a->created_at = sqlite3_column_int64(st, 0);
		a->version = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, "reading a saved article");
	if (e == W_NOTFOUND)
		return rc == SQLITE_ROW ? W_STALE : W_NOTFOUND;
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
		e = db_exec(db, st, "adding an author");
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
		if ((e = db_bind_text(db, st, 1, slug)) != W_OK ||
		    (e = db_bind_text(db, st, 2, a->tags[i])) != W_OK)
			return e;
		if ((e = db_exec(db, st, "creating a tag")) != W_OK)
			return e == W_CONFLICT ? W_INVAL : e;
		st = db_stmt(db, SQL_ADD_TAG);
		if (!st)
			return W_DB;
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_int64(st, 3, (int64_t)i);
		if ((e = db_bind_text(db, st, 2, slug)) != W_OK)
			return e;
		e = db_exec(db, st, "tagging an article");
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
		if ((e = db_bind_text(db, st, 2, a->picks[i])) != W_OK)
			return e;
		e = db_exec(db, st, "adding a pick");
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
	if ((e = db_bind_text(db, st, 1, m->name)) != W_OK ||
	    (e = db_bind_text(db, st, 2, m->mime)) != W_OK)
		return e;
	sqlite3_bind_int64(st, 3, (int64_t)m->size);
	db_bind_opt(st, 4, s->user_id);
	sqlite3_bind_int64(st, 5, s->now);
	e = db_exec(db, st, "recording an image");
	if (e == W_OK)
		*id = sqlite3_last_insert_rowid(db_sqlite(db));
	/* A name clash cannot be the user's doing. */
	return e == W_CONFLICT ? W_DB : e;
}

/* Keeps article_media in step with what the story shows: the featured
 * picture and every [[foto:ID]] line of the rendered body. */
static enum werr
save_uses(struct db *db, const struct admin_article *a, const char *html)
{
	int64_t ids[1 + ADMIN_MAX_FOTOS];
	size_t n = 0;
	if (a->image_id)
		ids[n++] = a->image_id;
	n += markdown_foto_markers(html, ids + n, ADMIN_MAX_FOTOS);
	enum werr e = run_id(db, SQL_DEL_USES, a->id);
	if (e != W_OK || n == 0)
		return e;
	sqlite3_stmt *st = db_stmt(db, SQL_ADD_USES);
	if (!st)
		return W_DB;
	struct arena ar;
	arena_init(&ar);
	sqlite3_bind_int64(st, 1, a->id);
	e = db_bind_ids(db, st, 2, &ar, ids, n, sizeof ids[0]);
	if (e == W_OK)
		e = db_exec(db, st, "recording a story's pictures");
	sqlite3_reset(st);
	arena_fini(&ar);
	return e;
}

static const char SQL_SET_ALT[] =
	"UPDATE media SET alt = ?2, updated_at = ?3 WHERE id = ?1"
	" AND alt IS NOT ?2";

static enum werr
save_alt(struct db *db, int64_t id, const struct admin_save *s)
{
	sqlite3_stmt *st = db_stmt(db, SQL_SET_ALT);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 3, s->now);
	enum werr e = db_bind_text(db, st, 2, s->image_alt);
	return e == W_OK ? db_exec(db, st, "saving an alt text") : e;
}

static enum werr
save_correction(struct db *db, int64_t id, const struct admin_save *s)
{
	sqlite3_stmt *st = db_stmt(db, SQL_ADD_CORRECTION);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	enum werr e = db_bind_text(db, st, 2, s->correction);
	if (e != W_OK)
		return e;
	db_bind_opt(st, 3, s->user_id);
	sqlite3_bind_int64(st, 4, s->now);
	return db_exec(db, st, "adding a correction");
}

static enum werr
save_base_revision(struct db *db, int64_t id)
{
	return run_id(db, SQL_REVISION_BASE, id);
}

static enum werr
save_revision(struct db *db, int64_t id, const struct admin_save *s)
{
	sqlite3_stmt *st = db_stmt(db, SQL_REVISION);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	db_bind_opt(st, 2, s->user_id);
	sqlite3_bind_int64(st, 3, s->now);
	enum werr e = db_exec(db, st, "writing a revision");
	if (e == W_OK && sqlite3_changes(db_sqlite(db)) != 1)
		e = db_fail(db, "writing a revision: no row");
	return e;
}

/* The audit row of a change to article id, inside its transaction. */
static enum werr
audit(struct db *db, const struct admin_save *s, const char *action,
      int64_t id, const char *detail)
{
	return db_audit_add(db, s->user_id, action, id, detail, s->addr,
			    s->now);
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
	if (!created)
		e = save_base_revision(db, a.id);
	if (e == W_OK && s->image)
		e = save_media(db, s->image, s, &a.image_id);
	bool made = false;
	if (e == W_OK && s->picture)
		e = db_media_add(db, &s->picture->pic, s->picture->size,
				 s->user_id, s->now, &a.image_id, &made);
	if (e == W_OK)
		e = save_row(db, &a, s, buf_cstr(&html));
	if (e == W_OK)
		e = save_uses(db, &a, buf_cstr(&html));
	if (e == W_OK && s->image_alt && a.image_id)
		e = save_alt(db, a.image_id, s);
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
	if (s->picture) {
		a.image_name = s->picture->pic.key;
		a.image_pic = s->picture->pic;
	}
	*art = a;
out:
	buf_fini(&html);
	return e;
}

/* ---- delete ---- */

static const char SQL_STATUS_OF[] =
	"SELECT status, slug, version FROM articles WHERE id = ?1";
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
		if (s->version &&
		    sqlite3_column_int64(st, 2) != s->version)
			e = W_STALE;
		else if (!status || strcmp(status, "draft") != 0)
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
	enum werr e = db_bind_text(db, st, 1, slug);
	if (e != W_OK)
		return e;
	return db_one(db, st, NULL, db_row_id, id, "article by slug");
}

/* ---- what the public page adds ---- */

static const char SQL_EXTRAS[] =
	/* A picture with renditions (007) is shown by its JPEG at most 960
	 * px wide, which exists for every width (picture_widths()). */
	"SELECT CASE WHEN m.pkey IS NULL THEN COALESCE(m.name, '')"
	" ELSE m.pkey || '-w' || min(m.width, 960) || '.jpg' END,"
	" COALESCE(m.mime, ''), a.image_caption,"
	" a.image_credit, COALESCE(au.name, u.name, ''),"
	" COALESCE(m.id, 0), COALESCE(m.pkey, ''), COALESCE(m.width, 0),"
	" COALESCE(m.height, 0), COALESCE(m.focal_x, 500),"
	" COALESCE(m.focal_y, 500), COALESCE(m.alt, ''), COALESCE(m.name, ''),"
	" COALESCE(m.caption, ''), COALESCE(m.credit, ''),"
	" COALESCE(m.updated_at, 0)"
	" FROM articles a LEFT JOIN media m ON m.id = a.image_id"
	" LEFT JOIN users u ON u.id = a.editor_id"
	" LEFT JOIN authors au ON au.id = u.author_id"
	" WHERE a.id = ?1";

static const char SQL_CORRECTIONS[] =
	"SELECT body, created_at FROM corrections WHERE article_id = ?1"
	" ORDER BY created_at, id LIMIT 100";

/* A db_row_fn for a row of SQL_EXTRAS into a struct article_extras. */
static enum werr
extras_row(sqlite3_stmt *st, struct arena *a, void *row)
{
	struct article_extras *x = row;
	struct photo *p = &x->photo;
	p->id = sqlite3_column_int64(st, 5);
	p->width = sqlite3_column_int(st, 7);
	p->height = sqlite3_column_int(st, 8);
	p->fx = sqlite3_column_int(st, 9);
	p->fy = sqlite3_column_int(st, 10);
	x->photo_updated_at = sqlite3_column_int64(st, 15);
	const char *lib_caption, *lib_credit;
	bool ok = db_col(st, 0, a, &x->image_name) &&
		  db_col(st, 1, a, &x->image_mime) &&
		  db_col(st, 2, a, &x->image_caption) &&
		  db_col(st, 3, a, &x->image_credit) &&
		  db_col(st, 4, a, &x->editor_name) &&
		  db_col(st, 6, a, &p->key) && db_col(st, 11, a, &p->alt) &&
		  db_col(st, 12, a, &p->name) &&
		  db_col(st, 13, a, &lib_caption) &&
		  db_col(st, 14, a, &lib_credit);
	if (ok) {
		/* The story's caption and credit over the library's. */
		p->caption = *x->image_caption ? x->image_caption : lib_caption;
		p->credit = *x->image_credit ? x->image_credit : lib_credit;
		/* An upload from before alt texts: its caption says most. */
		if (!*p->alt)
			p->alt = p->caption;
	}
	return ok ? W_OK : W_NOMEM;
}

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
	sqlite3_bind_int64(st, 1, id);
	enum werr e = db_one(db, st, a, extras_row, out, "article extras");
	if (e != W_OK)
		return e;

	st = db_stmt(db, SQL_CORRECTIONS);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->corrections = arena_grow(a, out->corrections,
					      out->ncorrections, &cap,
					      sizeof *out->corrections);
		if (!out->corrections) {
			out->ncorrections = 0;
			e = W_NOMEM;
			goto out;
		}
		struct admin_correction *c =
			&out->corrections[out->ncorrections];
		c->created_at = sqlite3_column_int64(st, 1);
		if (!db_col(st, 0, a, &c->body)) {
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
