/* db_feed.c - the queries behind the feeds and the sitemaps: newest articles
 * with bodies, bylines and tags; months; a month's URLs; the news window;
 * the taxonomy pages with their last change. */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "datefmt.h"
#include "db_archive.h"
#include "db_article.h"
#include "db_feed.h"

/* As in db_article.c: the partial indexes of sql/001_core.sql are used only
 * when the query repeats their WHERE term word for word, and without
 * statistics the planner would rather take the admin's articles_status
 * index (an equality on status) and sort every public article. So the
 * queries name their index, and those driven by a join table reach articles
 * only by rowid (NOT INDEXED). */
#define PUBLIC "a.status IN ('scheduled', 'published') AND a.published_at <= ?1"
#define NEWEST " ORDER BY a.published_at DESC, a.id DESC"

/* Columns of a feed entry, in the order read_entry() reads them. */
#define ENTRY_COLS                                                           \
	"a.id, a.slug, a.title, a.lead, a.body_html, a.published_at,"        \
	" a.updated_at, s.id, s.slug, s.name, " DB_PHOTO_COLS
#define ENTRY_PHOTO_COL 10
/* The section and the picture, each by its primary key. */
#define JOIN_SECTIONS                                                        \
	" JOIN sections s ON s.id = a.section_id" DB_PHOTO_JOIN

/* Feeds bind ?1 now, ?2 the row limit and ?3 the section, tag or author. */
static const char SQL_FEED_ALL[] =
	"SELECT " ENTRY_COLS " FROM articles a INDEXED BY articles_live"
	JOIN_SECTIONS " WHERE " PUBLIC NEWEST " LIMIT ?2";

static const char SQL_FEED_SECTION[] =
	"SELECT " ENTRY_COLS " FROM articles a INDEXED BY articles_live_section"
	JOIN_SECTIONS " WHERE a.section_id = ?3 AND " PUBLIC NEWEST
	" LIMIT ?2";

/* A tag's or an author's newest from its timeline (sql/006_scale.sql),
 * as the listings in db_article.c do. */
static const char SQL_FEED_TAG[] =
	"SELECT " ENTRY_COLS " FROM tag_timeline t"
	" CROSS JOIN articles a ON a.id = t.article_id" JOIN_SECTIONS
	" WHERE t.tag_id = ?3 AND t.live_at <= ?1"
	" AND a.status IN ('scheduled', 'published')"
	" ORDER BY t.live_at DESC, t.article_id DESC LIMIT ?2";

static const char SQL_FEED_AUTHOR[] =
	"SELECT " ENTRY_COLS " FROM author_timeline w"
	" CROSS JOIN articles a ON a.id = w.article_id" JOIN_SECTIONS
	" WHERE w.author_id = ?3 AND w.live_at <= ?1"
	" AND a.status IN ('scheduled', 'published')"
	" ORDER BY w.live_at DESC, w.article_id DESC LIMIT ?2";

static const char *const feed_sql[] = {
	[FEED_ALL] = SQL_FEED_ALL,
	[FEED_SECTION] = SQL_FEED_SECTION,
	[FEED_TAG] = SQL_FEED_TAG,
	[FEED_AUTHOR] = SQL_FEED_AUTHOR,
};
static_assert(sizeof feed_sql / sizeof feed_sql[0] == FEED__MAX,
	      "one feed query per scope");

/* Columns of a sitemap URL, in the order read_url() reads them. A
 * month's sitemap leaves the title out (sitemaps carry none), so that it
 * reads the covering index articles_sitemap alone. */
#define URL_COLS "a.id, a.slug, a.title, a.published_at, a.updated_at"
#define URL_COLS_NO_TITLE "a.id, a.slug, '', a.published_at, a.updated_at"
#define URL_NCOLS 5

/* [?1, ?2): the month, its end cut at now + 1 by the caller, so that one
 * range of the index is read; ?3 the row limit, ?4 the rows to skip (a
 * part of a long month: at most one month's entries of the covering
 * index, walked without reading a table row). */
static const char SQL_MONTH[] =
	"SELECT " URL_COLS_NO_TITLE " FROM articles a INDEXED BY"
	" articles_sitemap WHERE a.status IN ('scheduled', 'published')"
	" AND a.published_at >= ?1 AND a.published_at < ?2" NEWEST
	" LIMIT ?3 OFFSET ?4";

/* ?2: the start of the window (exclusive); ?3 the row limit. With the
 * picture, whose row is read by its primary key: two days of news are a
 * few dozen rows. */
static const char SQL_NEWS[] =
	"SELECT " URL_COLS ", " DB_PHOTO_COLS " FROM articles a INDEXED BY"
	" articles_live" DB_PHOTO_JOIN " WHERE " PUBLIC
	" AND a.published_at > ?2" NEWEST " LIMIT ?3";

/* The taxonomy pages that list something, each with its newest story's
 * publication time: the first entry of a listing index per section, tag
 * and author, never the stories themselves. (ORDER BY ... LIMIT 1 rather
 * than max(): with the range on the time SQLite's min/max shortcut does
 * not apply, and max() would read the whole range.) ?2 and ?3 (LIMIT,
 * OFFSET) pick the rows of the table, listing something or not, so that a
 * part of the page sitemap is a range of each table's order known from
 * the counts alone (SQL_PAGES_COUNT); the empty ones are dropped after. */
static const char SQL_PAGES_SECTIONS[] =
	"SELECT slug, m FROM (SELECT s.slug,"
	" (SELECT a.published_at FROM articles a"
	" INDEXED BY articles_live_section WHERE a.section_id = s.id"
	" AND a.status IN ('scheduled', 'published')"
	" AND a.published_at <= ?1"
	" ORDER BY a.published_at DESC, a.id DESC LIMIT 1) AS m"
	" FROM sections s ORDER BY s.position, s.name, s.id"
	" LIMIT ?2 OFFSET ?3) WHERE m IS NOT NULL";

static const char SQL_PAGES_TAGS[] =
	"SELECT slug, m FROM (SELECT g.slug,"
	" (SELECT t.live_at FROM tag_timeline t WHERE t.tag_id = g.id"
	" AND t.live_at <= ?1 ORDER BY t.live_at DESC LIMIT 1) AS m"
	" FROM tags g ORDER BY g.slug LIMIT ?2 OFFSET ?3)"
	" WHERE m IS NOT NULL";

static const char SQL_PAGES_AUTHORS[] =
	"SELECT slug, m FROM (SELECT u.slug,"
	" (SELECT w.live_at FROM author_timeline w WHERE w.author_id = u.id"
	" AND w.live_at <= ?1 ORDER BY w.live_at DESC LIMIT 1) AS m"
	" FROM authors u ORDER BY u.slug LIMIT ?2 OFFSET ?3)"
	" WHERE m IS NOT NULL";

/* The rows of the three tables: each count(*) walks the table's smallest
 * index, a few thousand entries at most. */
static const char SQL_PAGES_COUNT[] =
	"SELECT (SELECT count(*) FROM sections),"
	" (SELECT count(*) FROM tags), (SELECT count(*) FROM authors)";

int64_t
db_feed_changed(int64_t published_at, int64_t updated_at)
{
	return updated_at > published_at ? updated_at : published_at;
}

/* A db_row_fn for a row of ENTRY_COLS into a struct article. */
static enum werr
read_entry(sqlite3_stmt *st, struct arena *a, void *row)
{
	struct article *out = row;
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(st, 0);
	out->published_at = sqlite3_column_int64(st, 5);
	out->updated_at = sqlite3_column_int64(st, 6);
	out->section.id = sqlite3_column_int64(st, 7);
	/* Only public articles reach a feed; the query says which. */
	out->status = ST_PUBLISHED;
	bool ok = db_col(st, 1, a, &out->slug) &&
		  db_col(st, 2, a, &out->title) &&
		  db_col(st, 3, a, &out->lead) &&
		  db_col(st, 4, a, &out->body_html) &&
		  db_col(st, 8, a, &out->section.slug) &&
		  db_col(st, 9, a, &out->section.name) &&
		  db_photo_row(st, ENTRY_PHOTO_COL, a, &out->photo);
	return ok ? W_OK : W_NOMEM;
}

enum werr
db_feed_articles(struct db *db, struct arena *a, enum feed_scope scope,
		 int64_t key, int64_t now, size_t limit,
		 struct article_list *out)
{
	memset(out, 0, sizeof *out);
	if ((unsigned)scope >= FEED__MAX)
		return W_INVAL;
	if (limit > FEED_MAX)
		limit = FEED_MAX;
	if (limit == 0)
		return W_OK;
	struct article *items = arena_alloc(a, limit * sizeof *items);
	if (!items)
		return W_NOMEM;
	sqlite3_stmt *st = db_stmt(db, feed_sql[scope]);
	if (!st)
		return W_DB;
	size_t n;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, (int64_t)limit);
	if (scope != FEED_ALL)
		sqlite3_bind_int64(st, 3, key);
	enum werr e = db_rows(db, st, a, read_entry, items, sizeof *items,
			      limit, &n, NULL, "loading a feed");
	if (e == W_OK)
		e = db_article_bylines(db, a, items, n);
	if (e == W_OK)
		e = db_article_tags(db, a, items, n);
	if (e == W_OK) {
		out->items = items;
		out->n = n;
	}
	return e;
}

enum werr
db_feed_months(struct db *db, struct arena *a, int64_t now, int offset,
	       struct feed_month **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct archive_count *c;
	size_t nc;
	enum werr e = db_archive_months(db, a, offset, now, &c, &nc);
	if (e != W_OK || nc == 0)
		return e;
	*out = arena_alloc(a, nc * sizeof **out);
	if (!*out)
		return W_NOMEM;
	for (size_t i = 0; i < nc; i++)
		(*out)[i] = (struct feed_month){c[i].year, c[i].month,
						(size_t)c[i].count,
						c[i].newest};
	*n = nc;
	return W_OK;
}

/* Steps st (bound) for up to limit rows of URL_COLS into *out. */
static enum werr
urls(struct db *db, struct arena *a, sqlite3_stmt *st, size_t limit,
     struct feed_url **out, size_t *n)
{
	enum werr e = W_OK;
	size_t cap = 0;
	int rc = SQLITE_DONE;
	while (*n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = arena_grow(a, *out, *n, &cap, sizeof **out);
		if (!*out) {
			e = W_NOMEM;
			goto out;
		}
		struct feed_url *u = &(*out)[*n];
		u->id = sqlite3_column_int64(st, 0);
		u->published_at = sqlite3_column_int64(st, 3);
		u->updated_at = sqlite3_column_int64(st, 4);
		memset(&u->photo, 0, sizeof u->photo);
		if (!db_col(st, 1, a, &u->slug) ||
		    !db_col(st, 2, a, &u->title) ||
		    (sqlite3_column_count(st) > URL_NCOLS &&
		     !db_photo_row(st, URL_NCOLS, a, &u->photo))) {
			e = W_NOMEM;
			goto out;
		}
		(*n)++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		e = db_fail(db, sqlite3_sql(st));
out:
	sqlite3_reset(st);
	if (e != W_OK) {
		*out = NULL;
		*n = 0;
	}
	return e;
}

enum werr
db_feed_month(struct db *db, struct arena *a, int64_t now, int year,
	      int month, int offset, size_t limit, struct feed_url **out,
	      size_t *n)
{
	return db_feed_month_range(db, a, now, year, month, offset, 0, limit,
				   out, n);
}

enum werr
db_feed_month_range(struct db *db, struct arena *a, int64_t now, int year,
		    int month, int offset, size_t skip, size_t limit,
		    struct feed_url **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (year < 1 || year > 9998 || month < 1 || month > 12)
		return W_NOTFOUND;
	int64_t from = datefmt_from_local(year, month, 1, 0, 0, offset);
	int64_t to = month == 12
			     ? datefmt_from_local(year + 1, 1, 1, 0, 0, offset)
			     : datefmt_from_local(year, month + 1, 1, 0, 0,
						  offset);
	if (from < 0 || to < 0)
		return W_NOTFOUND;
	if (limit > SITEMAP_MAX)
		limit = SITEMAP_MAX;
	/* No month holds more rows than this; a larger skip finds nothing
	 * without asking. */
	if (skip > SITEMAP_SKIP_MAX)
		return W_OK;
	if (to > now)
		to = now + 1; /* now < INT64_MAX: it is a clock reading */
	sqlite3_stmt *st = db_stmt(db, SQL_MONTH);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	sqlite3_bind_int64(st, 3, (int64_t)limit);
	sqlite3_bind_int64(st, 4, (int64_t)skip);
	return urls(db, a, st, limit, out, n);
}

enum werr
db_feed_news(struct db *db, struct arena *a, int64_t now, size_t limit,
	     struct feed_url **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (limit > NEWS_MAX)
		limit = NEWS_MAX;
	sqlite3_stmt *st = db_stmt(db, SQL_NEWS);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, now - NEWS_WINDOW);
	sqlite3_bind_int64(st, 3, (int64_t)limit);
	return urls(db, a, st, limit, out, n);
}

/* Appends the pages of rows [skip, skip + limit) of one taxonomy query's
 * table to *out. */
static enum werr
pages(struct db *db, struct arena *a, const char *sql, enum feed_scope kind,
      int64_t now, size_t skip, size_t limit, struct feed_page **out,
      size_t *n, size_t *cap)
{
	if (limit == 0)
		return W_OK;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, (int64_t)limit);
	sqlite3_bind_int64(st, 3, (int64_t)skip);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = arena_grow(a, *out, *n, cap, sizeof **out);
		if (!*out) {
			e = W_NOMEM;
			goto out;
		}
		struct feed_page *p = &(*out)[*n];
		p->kind = kind;
		p->lastmod = sqlite3_column_int64(st, 1);
		if (!db_col(st, 0, a, &p->slug)) {
			e = W_NOMEM;
			goto out;
		}
		(*n)++;
	}
	if (rc != SQLITE_DONE)
		e = db_fail(db, "listing pages for the sitemap");
out:
	sqlite3_reset(st);
	return e;
}

/* The rows of sections, tags and authors into c. */
static enum werr
table_counts(struct db *db, size_t c[3])
{
	sqlite3_stmt *st = db_stmt(db, SQL_PAGES_COUNT);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	if (sqlite3_step(st) != SQLITE_ROW)
		e = db_fail(db, "counting pages for the sitemap");
	else
		for (int i = 0; i < 3; i++)
			c[i] = (size_t)sqlite3_column_int64(st, i);
	sqlite3_reset(st);
	return e;
}

enum werr
db_feed_pages_count(struct db *db, size_t *n)
{
	size_t c[3];
	enum werr e = table_counts(db, c);
	*n = e == W_OK ? c[0] + c[1] + c[2] : 0;
	return e;
}

enum werr
db_feed_pages_range(struct db *db, struct arena *a, int64_t now,
		    size_t skip, size_t limit, struct feed_page **out,
		    size_t *n)
{
	*out = NULL;
	*n = 0;
	size_t counts[3];
	enum werr e = table_counts(db, counts);
	if (e != W_OK)
		return e;
	static const char *const sql[] = {SQL_PAGES_SECTIONS, SQL_PAGES_TAGS,
					  SQL_PAGES_AUTHORS};
	static const enum feed_scope kind[] = {FEED_SECTION, FEED_TAG,
					       FEED_AUTHOR};
	if (limit > SITEMAP_MAX - 1)
		limit = SITEMAP_MAX - 1;
	size_t cap = 0;
	/* [skip, skip + limit) of the three tables one after the other:
	 * each table gives the part of it that falls in the range. */
	size_t start = 0;
	for (int i = 0; i < 3 && e == W_OK && limit > 0; i++) {
		size_t end = start + counts[i];
		if (skip < end) {
			size_t from = skip > start ? skip - start : 0;
			size_t take = counts[i] - from;
			if (take > limit)
				take = limit;
			e = pages(db, a, sql[i], kind[i], now, from, take, out,
				  n, &cap);
			skip += take;
			limit -= take;
		}
		start = end;
	}
	if (e != W_OK) {
		*out = NULL;
		*n = 0;
	}
	return e;
}

enum werr
db_feed_pages(struct db *db, struct arena *a, int64_t now,
	      struct feed_page **out, size_t *n)
{
	return db_feed_pages_range(db, a, now, 0, SITEMAP_MAX - 1, out, n);
}
