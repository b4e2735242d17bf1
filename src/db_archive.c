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

/* The counts come from archive_days and archive_months, which triggers
 * keep in every writing transaction (sql/006_scale.sql), keyed by the local
 * date as a number (YYYYMMDD, YYYYMM). Those rows count scheduled stories
 * from the moment they are saved, so only the days before today are taken
 * from them; today is counted here from the covering index articles_sitemap
 * up to now: a day's worth of entries at most. */
static const char SQL_MONTHS[] =
	"SELECT month, n, lastmod FROM archive_months"
	" WHERE month < ?1 AND n > 0 ORDER BY month DESC";

/* [?1, ?2) bounds the day keys. */
static const char SQL_DAYS[] =
	"SELECT day, n, lastmod FROM archive_days"
	" WHERE day >= ?1 AND day < ?2 AND n > 0 ORDER BY day DESC";

static const char SQL_DAYS_SUM[] =
	"SELECT count(*), sum(n), max(lastmod) FROM archive_days"
	" WHERE day >= ?1 AND day < ?2 AND n > 0";

/* [?1, ?2]: today's start and now. */
static const char SQL_TODAY[] =
	"SELECT count(*), count(*), max(max(a.published_at, a.updated_at))"
	" FROM articles a INDEXED BY articles_sitemap"
	" WHERE a.status IN ('scheduled', 'published')"
	" AND a.published_at >= ?1 AND a.published_at <= ?2";

/* The local calendar at now: today's key, its month's, today's start. */
struct today {
	struct local_date d;
	int64_t day_key, month_key, start;
};

static bool
today_of(int64_t now, int offset, struct today *t)
{
	datefmt_local(now, offset, &t->d);
	t->month_key = (int64_t)t->d.year * 100 + t->d.month;
	t->day_key = t->month_key * 100 + t->d.day;
	t->start = datefmt_from_local(t->d.year, t->d.month, t->d.day, 0, 0,
				      offset);
	return t->start != -1;
}

/* Runs SQL_TODAY or SQL_DAYS_SUM (bound) for one count and latest change,
 * added to *c. */
static enum werr
sum(struct db *db, sqlite3_stmt *st, struct archive_count *c)
{
	enum werr e = W_OK;
	if (sqlite3_step(st) != SQLITE_ROW)
		e = db_fail(db, sqlite3_sql(st));
	else if (sqlite3_column_int64(st, 0) > 0) {
		c->count += sqlite3_column_int64(st, 1);
		int64_t t = sqlite3_column_int64(st, 2);
		if (t > c->newest)
			c->newest = t;
	}
	sqlite3_reset(st);
	return e;
}

/* Today's articles up to now into *c. */
static enum werr
count_today(struct db *db, const struct today *t, int64_t now,
	    struct archive_count *c)
{
	sqlite3_stmt *st = db_stmt(db, SQL_TODAY);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, t->start);
	sqlite3_bind_int64(st, 2, now);
	return sum(db, st, c);
}

/* Appends c to items (*n of them, capacity *cap) when it counts any. */
static enum werr
push(struct arena *a, struct archive_count **items, size_t *n, size_t *cap,
     const struct archive_count *c)
{
	if (c->count <= 0)
		return W_OK;
	*items = arena_grow(a, *items, *n, cap, sizeof **items);
	if (!*items)
		return W_NOMEM;
	(*items)[(*n)++] = *c;
	return W_OK;
}

/* Steps st (bound) for (key, count, latest change) rows appended to
 * items; split turns a key into the entry's date fields and rejects one
 * that is no date. */
static enum werr
collect(struct db *db, struct arena *a, sqlite3_stmt *st,
	bool (*split)(int64_t key, struct archive_count *c),
	struct archive_count **items, size_t *n, size_t *cap)
{
	enum werr e = W_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct archive_count c = {0};
		if (!split(sqlite3_column_int64(st, 0), &c))
			continue;
		c.count = sqlite3_column_int64(st, 1);
		c.newest = sqlite3_column_int64(st, 2);
		if ((e = push(a, items, n, cap, &c)) != W_OK)
			goto out;
	}
	if (rc != SQLITE_DONE)
		e = db_fail(db, sqlite3_sql(st));
out:
	sqlite3_reset(st);
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
split_day(int64_t key, struct archive_count *c)
{
	if (!split_month(key / 100, c))
		return false;
	c->day = (int)(key % 100);
	return c->day >= 1 && c->day <= 31;
}

enum werr
db_archive_months(struct db *db, struct arena *a, int offset, int64_t now,
		  struct archive_count **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct today t;
	if (!today_of(now, offset, &t))
		return W_OK; /* a clock outside the calendar: nothing public */
	struct archive_count cur = {.year = t.d.year, .month = t.d.month};
	size_t cap = 0;
	enum werr e = count_today(db, &t, now, &cur);
	sqlite3_stmt *st = NULL;
	if (e == W_OK && !(st = db_stmt(db, SQL_DAYS_SUM)))
		e = W_DB;
	if (e == W_OK) {
		sqlite3_bind_int64(st, 1, t.month_key * 100);
		sqlite3_bind_int64(st, 2, t.day_key);
		e = sum(db, st, &cur);
	}
	if (e == W_OK)
		e = push(a, out, n, &cap, &cur);
	if (e == W_OK && !(st = db_stmt(db, SQL_MONTHS)))
		e = W_DB;
	if (e == W_OK) {
		sqlite3_bind_int64(st, 1, t.month_key);
		e = collect(db, a, st, split_month, out, n, &cap);
	}
	if (e != W_OK) {
		*out = NULL;
		*n = 0;
	}
	return e;
}

enum werr
db_archive_days(struct db *db, struct arena *a, int year, int month,
		int offset, int64_t now, struct archive_count **out,
		size_t *n)
{
	*out = NULL;
	*n = 0;
	if (datefmt_from_local(year, month, 1, 0, 0, offset) == -1)
		return W_NOTFOUND;
	struct today t;
	if (!today_of(now, offset, &t))
		return W_OK;
	int64_t ym = (int64_t)year * 100 + month;
	if (ym > t.month_key)
		return W_OK; /* only scheduled stories can be there */
	size_t cap = 0;
	int64_t until = (ym + 1) * 100;
	enum werr e = W_OK;
	if (ym == t.month_key) {
		struct archive_count c = {.year = year, .month = month,
					  .day = t.d.day};
		until = t.day_key;
		e = count_today(db, &t, now, &c);
		if (e == W_OK)
			e = push(a, out, n, &cap, &c);
	}
	sqlite3_stmt *st = NULL;
	if (e == W_OK && !(st = db_stmt(db, SQL_DAYS)))
		e = W_DB;
	if (e == W_OK) {
		sqlite3_bind_int64(st, 1, ym * 100);
		sqlite3_bind_int64(st, 2, until);
		e = collect(db, a, st, split_day, out, n, &cap);
	}
	if (e != W_OK) {
		*out = NULL;
		*n = 0;
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
