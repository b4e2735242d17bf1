/* db_admin_revision.c - an article's history: the revisions each save
 * wrote (db_admin_article.c), listed, and one brought back into the
 * editor. */
#include <string.h>

#include "db_admin_revision.h"

#define REVISIONS_MAX 200

/* Runs sql, a list about article id (?1; ?2 is arg: a revision, or the row
 * limit), for at most max rows read by fn into items (size-byte
 * records). */
static enum werr
list(struct db *db, struct arena *a, const char *sql, int64_t id,
     int64_t arg, size_t max, db_row_fn fn, void *items, size_t size,
     size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, arg);
	return db_rows(db, st, a, fn, items, size, max, n, NULL, sql);
}

static const char SQL_REVISIONS[] =
	"SELECT r.id, r.created_at, COALESCE(u.name, ''),"
	" json_extract(r.snapshot, '$.title'),"
	" json_extract(r.snapshot, '$.status')"
	" FROM revisions r LEFT JOIN users u ON u.id = r.user_id"
	" WHERE r.article_id = ?1 ORDER BY r.id DESC LIMIT ?2";

/* A db_row_fn for a row of SQL_REVISIONS into a struct admin_revision. */
static enum werr
revision_row(sqlite3_stmt *st, struct arena *a, void *row)
{
	struct admin_revision *r = row;
	r->id = sqlite3_column_int64(st, 0);
	r->created_at = sqlite3_column_int64(st, 1);
	bool ok = db_col(st, 2, a, &r->user_name) &&
		  db_col(st, 3, a, &r->title) && db_col(st, 4, a, &r->status);
	return ok ? W_OK : W_NOMEM;
}

enum werr
db_admin_revisions(struct db *db, struct arena *a, int64_t id, size_t max,
		   struct admin_revision **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (max > REVISIONS_MAX)
		max = REVISIONS_MAX;
	struct admin_revision *r = arena_alloc(a, (max ? max : 1) * sizeof *r);
	if (!r)
		return W_NOMEM;
	enum werr e = list(db, a, SQL_REVISIONS, id, (int64_t)max, max,
			   revision_row, r, sizeof *r, n);
	if (e == W_OK)
		*out = r;
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

/* A db_row_fn for a row of SQL_REV_CONTENT over a struct admin_article:
 * a section that is gone leaves the article's own. */
static enum werr
content_row(sqlite3_stmt *st, struct arena *a, void *row)
{
	struct admin_article *r = row;
	if (sqlite3_column_type(st, 5) != SQLITE_NULL)
		r->section_id = sqlite3_column_int64(st, 5);
	r->featured = sqlite3_column_int(st, 6) != 0;
	r->image_id = sqlite3_column_int64(st, 7);
	bool ok = db_col(st, 0, a, &r->title) && db_col(st, 1, a, &r->slug) &&
		  db_col(st, 2, a, &r->lead) &&
		  db_col(st, 3, a, &r->dateline) &&
		  db_col(st, 4, a, &r->body_md) &&
		  db_col(st, 8, a, &r->image_name) &&
		  db_col(st, 9, a, &r->image_caption) &&
		  db_col(st, 10, a, &r->image_credit);
	return ok ? W_OK : W_NOMEM;
}

enum werr
db_admin_revision_apply(struct db *db, struct arena *a, int64_t rev,
			struct admin_article *art)
{
	struct admin_article r = *art;
	sqlite3_stmt *st = db_stmt(db, SQL_REV_CONTENT);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, art->id);
	sqlite3_bind_int64(st, 2, rev);
	enum werr e = db_one(db, st, a, content_row, &r, "reading a revision");
	if (e != W_OK)
		return e;

	size_t n = 0;
	int64_t ids[ADMIN_MAX_AUTHORS];
	e = list(db, a, SQL_REV_AUTHORS, art->id, rev, ADMIN_MAX_AUTHORS,
		 db_row_id, ids, sizeof ids[0], &n);
	if (e != W_OK)
		return e;
	/* With every author of the revision gone, the byline stays. */
	if (n > 0) {
		memcpy(r.author_ids, ids, n * sizeof ids[0]);
		r.nauthors = n;
	}
	e = list(db, a, SQL_REV_TAGS, art->id, rev, ADMIN_MAX_TAGS, db_row_text,
		 r.tags, sizeof r.tags[0], &r.ntags);
	if (e == W_OK)
		e = list(db, a, SQL_REV_PICKS, art->id, rev, ADMIN_MAX_PICKS,
			 db_row_text, r.picks, sizeof r.picks[0], &r.npicks);
	if (e == W_OK)
		*art = r;
	return e;
}

/* revisions_article narrows to the article's own rows, few enough to
 * filter by version. */
static const char SQL_REVISION_AT[] =
	"SELECT json_extract(r.snapshot, '$.title'),"
	" json_extract(r.snapshot, '$.lead'),"
	" json_extract(r.snapshot, '$.body_md'),"
	" (SELECT group_concat(value, ', ') FROM json_each(r.snapshot,"
	" '$.tags')),"
	" json_extract(r.snapshot, '$.status'), COALESCE(u.name, ''),"
	" r.created_at"
	" FROM revisions r LEFT JOIN users u ON u.id = r.user_id"
	" WHERE r.article_id = ?1 AND r.version = ?2"
	" ORDER BY r.id DESC LIMIT 1";

/* A db_row_fn for SQL_REVISION_AT into a struct admin_snapshot. */
static enum werr
snapshot_row(sqlite3_stmt *st, struct arena *a, void *row)
{
	struct admin_snapshot *s = row;
	s->created_at = sqlite3_column_int64(st, 6);
	bool ok = db_col(st, 0, a, &s->title) && db_col(st, 1, a, &s->lead) &&
		  db_col(st, 2, a, &s->body_md) && db_col(st, 3, a, &s->tags) &&
		  db_col(st, 4, a, &s->status) &&
		  db_col(st, 5, a, &s->user_name);
	return ok ? W_OK : W_NOMEM;
}

enum werr
db_admin_revision_at(struct db *db, struct arena *a, int64_t id,
		     int64_t version, struct admin_snapshot *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, SQL_REVISION_AT);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	return db_one(db, st, a, snapshot_row, out, "a revision by version");
}
