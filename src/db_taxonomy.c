/* db_taxonomy.c - sections, tags and authors by slug, and the section list. */
#include <string.h>

#include "db_taxonomy.h"

static const char SQL_SECTION_BY_SLUG[] =
	"SELECT id, slug, name, description FROM sections WHERE slug = ?1";
static const char SQL_TAG_BY_SLUG[] =
	"SELECT id, slug, name, description FROM tags WHERE slug = ?1";
static const char SQL_AUTHOR_BY_SLUG[] =
	"SELECT id, slug, name, initials, bio FROM authors WHERE slug = ?1";
static const char SQL_SECTIONS_ALL[] =
	"SELECT id, slug, name, description FROM sections"
	" ORDER BY position, name, id";

/* Steps st (slug bound as ?1) for one row: its id goes to *id, its text
 * columns 1..ncols-1 to the pointers in cols. W_NOTFOUND for no row. */
static enum werr
by_slug(struct db *db, struct arena *a, const char *sql, const char *slug,
	int64_t *id, const char **cols[], int ncols)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	if (sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC) != SQLITE_OK) {
		e = db_fail(db, "binding a slug");
		goto out;
	}
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		e = W_NOTFOUND;
		goto out;
	}
	if (rc != SQLITE_ROW) {
		e = db_fail(db, sql);
		goto out;
	}
	*id = sqlite3_column_int64(st, 0);
	for (int i = 1; i < ncols; i++) {
		*cols[i - 1] = db_col_text(st, i, a);
		if (!*cols[i - 1]) {
			e = W_NOMEM;
			goto out;
		}
	}
out:
	sqlite3_reset(st);
	return e;
}

enum werr
db_section_by_slug(struct db *db, struct arena *a, const char *slug,
		   struct section *out)
{
	memset(out, 0, sizeof *out);
	const char **cols[] = {&out->slug, &out->name, &out->description};
	return by_slug(db, a, SQL_SECTION_BY_SLUG, slug, &out->id, cols, 4);
}

enum werr
db_tag_by_slug(struct db *db, struct arena *a, const char *slug,
	       struct tag *out)
{
	memset(out, 0, sizeof *out);
	const char **cols[] = {&out->slug, &out->name, &out->description};
	return by_slug(db, a, SQL_TAG_BY_SLUG, slug, &out->id, cols, 4);
}

enum werr
db_author_by_slug(struct db *db, struct arena *a, const char *slug,
		  struct author *out)
{
	memset(out, 0, sizeof *out);
	const char **cols[] = {&out->slug, &out->name, &out->initials,
			       &out->bio};
	return by_slug(db, a, SQL_AUTHOR_BY_SLUG, slug, &out->id, cols, 5);
}

enum werr
db_sections_all(struct db *db, struct arena *a, struct section **out,
		size_t *n)
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
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			/* A newsroom has a handful of sections; doubling in
			 * the arena wastes little. */
			size_t ncap = cap ? cap * 2 : 16;
			struct section *p = arena_alloc(a, ncap * sizeof *p);
			if (!p) {
				e = W_NOMEM;
				goto out;
			}
			if (len)
				memcpy(p, secs, len * sizeof *p);
			secs = p;
			cap = ncap;
		}
		struct section *s = &secs[len];
		s->id = sqlite3_column_int64(st, 0);
		s->slug = db_col_text(st, 1, a);
		s->name = db_col_text(st, 2, a);
		s->description = db_col_text(st, 3, a);
		if (!s->slug || !s->name || !s->description) {
			e = W_NOMEM;
			goto out;
		}
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
