/* db_archive.c - public articles counted by local month and day, and one
 * local day's articles, for the archive pages. */
#include <stdint.h>
#include <string.h>

#include "datefmt.h"
#include "db_archive.h"
#include "db_article.h"

/* The most articles one day page lists, whatever limit asks: one more
 * than this must stay within db_articles_latest()'s own cap. */
#define DAY_MAX 200

/* Both counts read only the covering index articles_archive (see
 * sql/003_search.sql), named so that a missing index fails at prepare
 * time instead of scanning the table. ?1 is now and ?2 the zone offset:
 * adding it before strftime() gives the local calendar date. */
static const char SQL_MONTHS[] =
	"SELECT CAST(strftime('%Y%m', a.published_at + ?2, 'unixepoch')"
	" AS INTEGER) AS ym, count(*), max(a.published_at)"
	" FROM articles a INDEXED BY articles_archive"
	" WHERE a.status IN ('scheduled', 'published') AND a.published_at <= ?1"
	" GROUP BY ym ORDER BY ym DESC";

/* ?3 and ?4 bound the month: [local first day, next month's). */
static const char SQL_DAYS[] =
	"SELECT CAST(strftime('%d', a.published_at + ?2, 'unixepoch')"
	" AS INTEGER) AS d, count(*), max(a.published_at)"
	" FROM articles a INDEXED BY articles_archive"
	" WHERE a.status IN ('scheduled', 'published') AND a.published_at <= ?1"
	" AND a.published_at >= ?3 AND a.published_at < ?4"
	" GROUP BY d ORDER BY d DESC";

/* Steps st (bound) collecting (key, count, newest) rows into *out; split
 * turns a key into the entry's date fields and rejects a key strftime()
 * could not make (a time outside the years 0000-9999). */
static enum werr
collect(struct db *db, struct arena *a, sqlite3_stmt *st,
	bool (*split)(int64_t key, struct archive_count *c),
	struct archive_count **out, size_t *n)
{
	enum werr e = W_OK;
	struct archive_count *items = NULL;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct archive_count c = {0};
		if (sqlite3_column_type(st, 0) == SQLITE_NULL ||
		    !split(sqlite3_column_int64(st, 0), &c))
			continue;
		c.count = sqlite3_column_int64(st, 1);
		c.newest = sqlite3_column_int64(st, 2);
		items = arena_grow(a, items, *n, &cap, sizeof *items);
		if (!items) {
			e = W_NOMEM;
			goto out;
		}
		items[(*n)++] = c;
	}
	if (rc != SQLITE_DONE)
		e = db_fail(db, sqlite3_sql(st));
out:
	sqlite3_reset(st);
	*out = items;
	if (e != W_OK) {
		*out = NULL;
		*n = 0;
	}
	return e;
}

static bool
split_month(int64_t ym, struct archive_count *c)
{
	c->year = (int)(ym / 100);
	c->month = (int)(ym % 100);
	return c->year >= 1 && c->year <= 9999 && c->month >= 1 &&
	       c->month <= 12;
}

static bool
split_day(int64_t d, struct archive_count *c)
{
	c->day = (int)d;
	return d >= 1 && d <= 31;
}

enum werr
db_archive_months(struct db *db, struct arena *a, int offset, int64_t now,
		  struct archive_count **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(db, SQL_MONTHS);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int(st, 2, offset);
	return collect(db, a, st, split_month, out, n);
}

enum werr
db_archive_days(struct db *db, struct arena *a, int year, int month,
		int offset, int64_t now, struct archive_count **out,
		size_t *n)
{
	*out = NULL;
	*n = 0;
	int64_t start = datefmt_from_local(year, month, 1, 0, 0, offset);
	if (start == -1)
		return W_NOTFOUND;
	int64_t end = month == 12
			      ? datefmt_from_local(year + 1, 1, 1, 0, 0, offset)
			      : datefmt_from_local(year, month + 1, 1, 0, 0,
						   offset);
	if (end == -1)
		end = INT64_MAX; /* December 9999 */
	sqlite3_stmt *st = db_stmt(db, SQL_DAYS);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int(st, 2, offset);
	sqlite3_bind_int64(st, 3, start);
	sqlite3_bind_int64(st, 4, end);
	enum werr e = collect(db, a, st, split_day, out, n);
	for (size_t i = 0; e == W_OK && i < *n; i++) {
		(*out)[i].year = year;
		(*out)[i].month = month;
	}
	return e;
}

enum werr
db_archive_day(struct db *db, struct arena *a, int year, int month, int day,
	       int offset, int64_t now, const struct cursor *before,
	       size_t limit, struct article_list *out)
{
	memset(out, 0, sizeof *out);
	int64_t start = datefmt_from_local(year, month, day, 0, 0, offset);
	if (start == -1)
		return W_NOTFOUND;
	if (limit > DAY_MAX)
		limit = DAY_MAX;
	if (limit == 0)
		limit = 1;

	/* The newest-first listing from the day's end (or from the cursor
	 * when it is earlier) is a range on articles_live that stops after
	 * limit + 1 rows; the rows from before the day are cut off here. */
	struct cursor from = {start + 86400, 0};
	if (before && (before->time || before->id) &&
	    (before->time < from.time ||
	     (before->time == from.time && before->id < from.id)))
		from = *before;
	enum werr e = db_articles_latest(db, a, now, &from, limit + 1, out);
	if (e != W_OK)
		return e;
	size_t n = 0;
	while (n < out->n && out->items[n].published_at >= start)
		n++;
	out->more = n > limit;
	if (out->more) {
		n = limit;
		out->next.time = out->items[n - 1].published_at;
		out->next.id = out->items[n - 1].id;
	} else {
		memset(&out->next, 0, sizeof out->next);
	}
	out->n = n;
	return W_OK;
}
