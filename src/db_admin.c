/* db_admin.c - the admin's article lists (the dashboard's and the
 * filtered listing) and audit-log rows. */
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "db_admin.h"

#define LIST_MAX 200
#define QUERY_WORDS 8

#define COLS                                                                   \
	"SELECT a.id, a.slug, a.title, a.status, s.id, s.slug, s.name,"        \
	" ifnull(a.published_at, 0), a.updated_at, a.created_at"
#define FROM " FROM articles a JOIN sections s ON s.id = a.section_id"

/* Each list reads an index that matches its WHERE and ORDER BY:
 * articles_created_by and articles_status for drafts and reviews. A
 * scheduled article keeps that status after its time has come (nothing
 * rewrites it), so that status alone would grow to every story ever
 * scheduled: the list reads the partial articles_live index from now on
 * instead, named so the planner cannot pick the status index and sort. */
static const char SQL_DRAFTS[] =
    COLS FROM " WHERE a.created_by = ?1 AND a.status = 'draft'"
	      " ORDER BY a.updated_at DESC, a.id DESC LIMIT ?3";
static const char SQL_REVIEW_ALL[] =
    COLS FROM " WHERE a.status = 'review'"
	      " ORDER BY a.updated_at DESC, a.id DESC LIMIT ?3";
static const char SQL_REVIEW_OWN[] =
    COLS FROM " WHERE a.created_by = ?1 AND a.status = 'review'"
	      " ORDER BY a.updated_at DESC, a.id DESC LIMIT ?3";
static const char SQL_SCHEDULED[] =
    COLS " FROM articles a INDEXED BY articles_live"
	 " JOIN sections s ON s.id = a.section_id"
	 " WHERE a.status IN ('scheduled', 'published')"
	 " AND a.published_at > ?2 AND a.status = 'scheduled'"
	 " AND (?1 = 0 OR a.created_by = ?1)"
	 " ORDER BY a.published_at, a.id LIMIT ?3";

static const char SQL_AUDIT_ADD[] =
    "INSERT INTO audit_log (user_id, action, article_id, detail, addr,"
    " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

/* A db_row_fn for a row of COLS into a struct article. */
static enum werr
dash_row(sqlite3_stmt *st, struct arena *a, void *row)
{
	struct article *it = row;
	memset(it, 0, sizeof *it);
	it->id = sqlite3_column_int64(st, 0);
	it->status =
	    article_status_parse((const char *)sqlite3_column_text(st, 3));
	it->section.id = sqlite3_column_int64(st, 4);
	it->published_at = sqlite3_column_int64(st, 7);
	it->updated_at = sqlite3_column_int64(st, 8);
	it->created_at = sqlite3_column_int64(st, 9);
	bool ok = db_col(st, 1, a, &it->slug) && db_col(st, 2, a, &it->title) &&
		  db_col(st, 5, a, &it->section.slug) &&
		  db_col(st, 6, a, &it->section.name);
	return ok ? W_OK : W_NOMEM;
}

enum werr
db_admin_dash(struct db *db, struct arena *a, enum dash which,
	      int64_t created_by, int64_t now, size_t limit,
	      struct article_list *out)
{
	const char *sql;

	memset(out, 0, sizeof *out);
	switch (which) {
	case DASH_DRAFTS:
		sql = SQL_DRAFTS;
		break;
	case DASH_REVIEW:
		sql = created_by ? SQL_REVIEW_OWN : SQL_REVIEW_ALL;
		break;
	case DASH_SCHEDULED:
		sql = SQL_SCHEDULED;
		break;
	default:
		return W_INVAL;
	}
	if ((which == DASH_DRAFTS && created_by <= 0) || limit == 0 ||
	    limit > 1000)
		return W_INVAL;
	out->items = arena_alloc(a, limit * sizeof *out->items);
	if (!out->items)
		return W_NOMEM;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, created_by);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 3, (int64_t)limit + 1);
	return db_rows(db, st, a, dash_row, out->items, sizeof *out->items,
		       limit, &out->n, &out->more, sql);
}

enum werr
db_audit_add(struct db *db, int64_t user_id, const char *action,
	     int64_t article_id, const char *detail, const char *addr,
	     int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, SQL_AUDIT_ADD);
	if (!st)
		return W_DB;
	enum werr e;
	db_bind_opt(st, 1, user_id > 0 ? user_id : 0);
	db_bind_opt(st, 3, article_id > 0 ? article_id : 0);
	sqlite3_bind_int64(st, 6, now);
	if ((e = db_bind_text(db, st, 2, action)) != W_OK ||
	    (e = db_bind_text(db, st, 4, detail)) != W_OK ||
	    (e = db_bind_text(db, st, 5, addr)) != W_OK)
		return e;
	return db_exec(db, st, SQL_AUDIT_ADD);
}

/* --- the admin listing ------------------------------------------------ */

#define ADM_COLS                                                               \
	"a.id, a.title, a.slug, a.status, s.name, COALESCE(u.name, ''),"       \
	" a.created_by, a.published_at, a.updated_at, a.version"
#define ADM_JOINS                                                              \
	" JOIN sections s ON s.id = a.section_id"                              \
	" LEFT JOIN users u ON u.id = a.created_by"

/* Every filter, applied to whatever the index gives: ?1 status (NULL:
 * any), ?2 section (0: any), ?3 byline author (0: any), ?4 a JSON array of
 * LIKE patterns, each already escaped, that must all match the title. */
#define ADM_FILTER                                                             \
	" AND (?1 IS NULL OR a.status = ?1)"                                   \
	" AND (?2 = 0 OR a.section_id = ?2)"                                   \
	" AND (?3 = 0 OR EXISTS (SELECT 1 FROM article_authors f"              \
	" WHERE f.article_id = a.id AND f.author_id = ?3))"                    \
	" AND NOT EXISTS (SELECT 1 FROM json_each(?4) q"                       \
	" WHERE a.title NOT LIKE q.value ESCAPE '\\')"

/* ?5, ?6 the cursor; ?7 the row limit. */
#define ADM_KEYSET                                                             \
	" AND (a.updated_at, a.id) < (?5, ?6)"                                 \
	" ORDER BY a.updated_at DESC, a.id DESC LIMIT ?7"

/* One statement per index that can drive the listing, chosen by the most
 * selective filter present; the others are checked row by row. The index
 * is named because, without statistics, SQLite would otherwise happily
 * walk articles_updated for a status filter (see db_article.c). */
static const char SQL_ADM_STATUS[] =
    "SELECT " ADM_COLS " FROM articles a INDEXED BY articles_status" ADM_JOINS
    " WHERE a.status = ?1" ADM_FILTER ADM_KEYSET;

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
    "SELECT " ADM_COLS " FROM articles a INDEXED BY articles_updated" ADM_JOINS
    " WHERE 1" ADM_FILTER ADM_KEYSET;

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
		for (;
		     *q && *q != ' ' && *q != '\t' && *q != '\r' && *q != '\n';
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

/* Fills items' authors ("Ana, Budi") with one query. */
static enum werr
bylines(struct db *db, struct arena *a, struct admin_row *items, size_t n)
{
	if (n == 0)
		return W_OK;
	sqlite3_stmt *st = db_stmt(db, SQL_ADM_BYLINES);
	if (!st)
		return W_DB;
	struct buf names;
	buf_init(&names);
	enum werr e = db_bind_ids(db, st, 1, a, &items->id, n, sizeof *items);
	if (e != W_OK)
		goto out;
	int rc;
	int64_t cur = 0;
	/* Rows come grouped by article: join each group's names. */
	for (;;) {
		rc = sqlite3_step(st);
		int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
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
	sqlite3_reset(st);
	buf_fini(&names);
	return e;
}

/* A db_row_fn for a row of ADM_COLS into a struct admin_row. */
static enum werr
admin_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct admin_row *r = out;
	r->id = sqlite3_column_int64(st, 0);
	r->status =
	    article_status_parse((const char *)sqlite3_column_text(st, 3));
	r->created_by = sqlite3_column_int64(st, 6);
	r->published_at = sqlite3_column_int64(st, 7);
	r->updated_at = sqlite3_column_int64(st, 8);
	r->version = sqlite3_column_int64(st, 9);
	r->authors = "";
	bool ok = db_col(st, 1, a, &r->title) && db_col(st, 2, a, &r->slug) &&
		  db_col(st, 4, a, &r->section) &&
		  db_col(st, 5, a, &r->creator);
	return ok ? W_OK : W_NOMEM;
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
	const char *sql = by_status	  ? SQL_ADM_STATUS
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
		e = db_bind_text(db, st, 1, article_status_name(f->status));
	else
		sqlite3_bind_null(st, 1);
	if (e == W_OK)
		e = db_bind_text(db, st, 4, buf_cstr(&words));
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
	e = db_rows(db, st, a, admin_row, out->items, sizeof *out->items, limit,
		    &out->n, &out->more, "admin listing");
	st = NULL; /* reset by db_rows */
	if (e != W_OK)
		goto out;
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

/* The agenda: from now on along articles_archive (published_at, status),
 * where only scheduled stories can lie in the future, so the walk reads
 * just those. The IN term repeats the partial index's own condition, which
 * SQLite needs to see verbatim to use it. */
static const char SQL_ADM_SCHEDULED[] =
    "SELECT " ADM_COLS " FROM articles a INDEXED BY articles_archive"
    ADM_JOINS " WHERE a.published_at > ?1"
    " AND a.status IN ('scheduled', 'published')"
    " AND a.status = 'scheduled'"
    " ORDER BY a.published_at, a.id LIMIT ?2";

enum werr
db_admin_scheduled(struct db *db, struct arena *a, int64_t now, size_t limit,
		   struct admin_row **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (limit == 0)
		return W_OK;
	sqlite3_stmt *st = db_stmt(db, SQL_ADM_SCHEDULED);
	if (!st)
		return W_DB;
	struct admin_row *rows = arena_alloc(a, limit * sizeof *rows);
	if (!rows)
		return W_NOMEM;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, (int64_t)limit);
	enum werr e = db_rows(db, st, a, admin_row, rows, sizeof *rows, limit,
			      n, NULL, "listing the agenda");
	if (e == W_OK)
		*out = rows;
	return e;
}
