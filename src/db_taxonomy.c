/* db_taxonomy.c - sections, tags and authors by slug, and the lists of them
 * that pages and the editor choose from. */
#include <string.h>

#include "db_taxonomy.h"

static const char SQL_SECTION_BY_SLUG[] =
    "SELECT id, slug, name, description FROM sections WHERE slug = ?1";
static const char SQL_TAG_BY_SLUG[] =
    "SELECT id, slug, name, description FROM tags WHERE slug = ?1";
static const char SQL_AUTHOR_BY_SLUG[] =
    "SELECT id, slug, name, initials, bio FROM authors WHERE slug = ?1";
/* Whether a public article carries the tag or the author: an EXISTS that
 * walks the (tag_id, article_id) index and stops at the first public
 * article, so it costs one probe for any tag in use. The predicate is
 * db_article.c's PUBLIC, the one rule for what readers see. */
static const char SQL_TAG_PUBLIC[] =
    "SELECT EXISTS (SELECT 1 FROM article_tags t"
    " JOIN articles a ON a.id = t.article_id WHERE t.tag_id = ?2"
    " AND a.status IN ('scheduled', 'published') AND a.published_at <= ?1)";
static const char SQL_AUTHOR_PUBLIC[] =
    "SELECT EXISTS (SELECT 1 FROM article_authors w"
    " JOIN articles a ON a.id = w.article_id WHERE w.author_id = ?2"
    " AND a.status IN ('scheduled', 'published') AND a.published_at <= ?1)";
static const char SQL_SECTIONS_ALL[] =
    "SELECT id, slug, name, description FROM sections"
    " ORDER BY position, name, id";
static const char SQL_AUTHORS_ALL[] =
    "SELECT id, slug, name, initials, bio FROM authors ORDER BY slug"
    " LIMIT ?1";
static const char SQL_TAG_NAMES[] =
    "SELECT name FROM tags ORDER BY slug LIMIT ?1";

/* db_row_fn readers of the columns above. */
static enum werr
section_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct section *s = out;
	s->id = sqlite3_column_int64(st, 0);
	bool ok = db_col(st, 1, a, &s->slug) && db_col(st, 2, a, &s->name) &&
		  db_col(st, 3, a, &s->description);
	return ok ? W_OK : W_NOMEM;
}

static enum werr
tag_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct tag *t = out;
	t->id = sqlite3_column_int64(st, 0);
	bool ok = db_col(st, 1, a, &t->slug) && db_col(st, 2, a, &t->name) &&
		  db_col(st, 3, a, &t->description);
	return ok ? W_OK : W_NOMEM;
}

static enum werr
author_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct author *u = out;
	u->id = sqlite3_column_int64(st, 0);
	bool ok = db_col(st, 1, a, &u->slug) && db_col(st, 2, a, &u->name) &&
		  db_col(st, 3, a, &u->initials) && db_col(st, 4, a, &u->bio);
	return ok ? W_OK : W_NOMEM;
}

/* Runs sql for the one row with this slug, read by fn into out. */
static enum werr
by_slug(struct db *db, struct arena *a, const char *sql, const char *slug,
	db_row_fn fn, void *out)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	enum werr e = db_bind_text(db, st, 1, slug);
	if (e != W_OK)
		return e;
	return db_one(db, st, a, fn, out, sql);
}

enum werr
db_section_by_slug(struct db *db, struct arena *a, const char *slug,
		   struct section *out)
{
	memset(out, 0, sizeof *out);
	return by_slug(db, a, SQL_SECTION_BY_SLUG, slug, section_row, out);
}

enum werr
db_tag_by_slug(struct db *db, struct arena *a, const char *slug,
	       struct tag *out)
{
	memset(out, 0, sizeof *out);
	return by_slug(db, a, SQL_TAG_BY_SLUG, slug, tag_row, out);
}

enum werr
db_author_by_slug(struct db *db, struct arena *a, const char *slug,
		  struct author *out)
{
	memset(out, 0, sizeof *out);
	return by_slug(db, a, SQL_AUTHOR_BY_SLUG, slug, author_row, out);
}

/* Runs one of the EXISTS queries above: W_OK or W_NOTFOUND. */
static enum werr
has_public(struct db *db, const char *sql, int64_t id, int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	enum werr e = W_NOTFOUND;

	if (!st)
		return W_DB;
	if (sqlite3_bind_int64(st, 1, now) || sqlite3_bind_int64(st, 2, id))
		return db_fail(db, "binding an id");
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_int(st, 0))
		e = W_OK;
	else if (rc != SQLITE_ROW)
		e = db_fail(db, sql);
	sqlite3_reset(st);
	return e;
}

enum werr
db_tag_public(struct db *db, int64_t tag_id, int64_t now)
{
	return has_public(db, SQL_TAG_PUBLIC, tag_id, now);
}

enum werr
db_author_public(struct db *db, int64_t author_id, int64_t now)
{
	return has_public(db, SQL_AUTHOR_PUBLIC, author_id, now);
}

enum werr
db_sections_all(struct db *db, struct arena *a, struct section **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(db, SQL_SECTIONS_ALL);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	struct section *secs = NULL;
	size_t len = 0, cap = 0;
	int rc;
	/* A newsroom has a handful of sections: no limit, no paging. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		secs = arena_grow(a, secs, len, &cap, sizeof *secs);
		if (!secs) {
			e = W_NOMEM;
			goto out;
		}
		if ((e = section_row(st, a, &secs[len])) != W_OK)
			goto out;
		len++;
	}
	if (rc != SQLITE_DONE) {
		e = db_fail(db, "listing sections");
		goto out;
	}
	*out = secs;
	*n = len;
out:
	sqlite3_reset(st);
	return e;
}

/* Runs sql, which takes the row limit as ?1, for up to max rows read by fn
 * into a new array of size-byte records. */
static enum werr
first_rows(struct db *db, struct arena *a, const char *sql, size_t max,
	   db_row_fn fn, size_t size, void **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	void *items = arena_alloc(a, (max ? max : 1) * size);
	if (!items)
		return W_NOMEM;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, (int64_t)max);
	enum werr e = db_rows(db, st, a, fn, items, size, max, n, NULL, sql);
	if (e == W_OK)
		*out = items;
	return e;
}

enum werr
db_authors_all(struct db *db, struct arena *a, struct author **out, size_t *n)
{
	void *items;
	enum werr e = first_rows(db, a, SQL_AUTHORS_ALL, DB_TAXONOMY_MAX,
				 author_row, sizeof **out, &items, n);
	*out = items;
	return e;
}

enum werr
db_tag_names(struct db *db, struct arena *a, size_t max, const char ***out,
	     size_t *n)
{
	void *items;
	if (max > DB_TAXONOMY_MAX)
		max = DB_TAXONOMY_MAX;
	enum werr e = first_rows(db, a, SQL_TAG_NAMES, max, db_row_text,
				 sizeof **out, &items, n);
	*out = items;
	return e;
}
