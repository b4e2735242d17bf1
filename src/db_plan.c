/* db_plan.c - every reader query run once, then its plan read back. */
#include <string.h>

#include "arena.h"
#include "db_archive.h"
#include "db_article.h"
#include "db_feed.h"
#include "db_plan.h"
#include "db_search.h"
#include "model.h"

/* Keys to run the queries with: the biggest of each kind, because a plan
 * that reads more than it shows hurts most there. The sub-selects scan;
 * they run once, on the caller's data, and are finalized before the plans
 * are read, so they are not among the statements judged. */
static const char SQL_KEYS[] =
	"SELECT (SELECT tag_id FROM tag_timeline GROUP BY tag_id"
	" ORDER BY count(*) DESC LIMIT 1),"
	" (SELECT author_id FROM author_timeline GROUP BY author_id"
	" ORDER BY count(*) DESC LIMIT 1),"
	" (SELECT section_id FROM articles GROUP BY section_id"
	" ORDER BY count(*) DESC LIMIT 1),"
	" (SELECT min(day) FROM archive_days WHERE n > 0),"
	" (SELECT published_at FROM articles WHERE status = 'published'"
	" ORDER BY published_at LIMIT 1 OFFSET"
	" (SELECT count(*) / 2 FROM articles)),"
	" (SELECT id FROM articles WHERE status = 'published' LIMIT 1)";

struct keys {
	int64_t tag, author, section, day, mid, article;
};

static enum werr
keys(struct db *db, struct keys *k)
{
	sqlite3_stmt *st;
	memset(k, 0, sizeof *k);
	if (sqlite3_prepare_v2(db_sqlite(db), SQL_KEYS, -1, &st, NULL) !=
	    SQLITE_OK)
		return db_fail(db, "choosing keys");
	enum werr e = W_OK;
	if (sqlite3_step(st) == SQLITE_ROW) {
		k->tag = sqlite3_column_int64(st, 0);
		k->author = sqlite3_column_int64(st, 1);
		k->section = sqlite3_column_int64(st, 2);
		k->day = sqlite3_column_int64(st, 3);
		k->mid = sqlite3_column_int64(st, 4);
		k->article = sqlite3_column_int64(st, 5);
		if (k->day == 0)
			k->day = 20240101; /* nothing counted: any real day */
	} else {
		e = db_fail(db, "choosing keys");
	}
	sqlite3_finalize(st);
	return e;
}

/* Runs the queries; each result only has to succeed. */
static enum werr
run(struct db *db, struct arena *a, const struct keys *k, int64_t now,
    int offset)
{
	struct article_list l;
	struct archive_count *c;
	struct feed_month *m;
	struct feed_url *u;
	struct feed_page *p;
	struct search_page sp;
	struct article art;
	size_t n;
	/* A cursor half way back: deep pages must read only their rows. */
	struct cursor deep = {k->mid, INT64_MAX};
	int y = (int)(k->day / 10000), mo = (int)(k->day / 100 % 100),
	    d = (int)(k->day % 100);
	enum werr e;
	if ((e = db_articles_latest(db, a, now, &deep, 20, &l)) != W_OK ||
	    (e = db_articles_by_section(db, a, k->section, now, &deep, 20,
					&l)) != W_OK ||
	    (e = db_articles_by_tag(db, a, k->tag, now, &deep, 20, &l)) !=
		    W_OK ||
	    (e = db_articles_by_author(db, a, k->author, now, NULL, 20, &l)) !=
		    W_OK)
		return e;
	e = db_article_featured(db, a, now, &art);
	if (e != W_OK && e != W_NOTFOUND)
		return e;
	if ((e = db_archive_months(db, a, offset, now, &c, &n)) != W_OK ||
	    (e = db_archive_days(db, a, y, mo, offset, now, &c, &n)) != W_OK ||
	    (e = db_archive_day(db, a, y, mo, d, offset, now, NULL, 30, &l)) !=
		    W_OK ||
	    (e = db_feed_months(db, a, now, offset, &m, &n)) != W_OK ||
	    (e = db_feed_month(db, a, now, y, mo, offset, SITEMAP_MAX, &u,
			       &n)) != W_OK ||
	    (e = db_feed_month_range(db, a, now, y, mo, offset, SITEMAP_PART,
				     SITEMAP_PART, &u, &n)) != W_OK ||
	    (e = db_feed_pages_range(db, a, now, SITEMAP_PART, SITEMAP_PART,
				     &p, &n)) != W_OK ||
	    (e = db_feed_news(db, a, now, NEWS_MAX, &u, &n)) != W_OK ||
	    (e = db_feed_pages(db, a, now, &p, &n)) != W_OK)
		return e;
	for (int s = 0; s < FEED__MAX; s++) {
		int64_t key = s == FEED_SECTION ? k->section
			      : s == FEED_TAG	 ? k->tag
						 : k->author;
		if ((e = db_feed_articles(db, a, s, key, now, FEED_MAX, &l)) !=
		    W_OK)
			return e;
	}
	if ((e = db_article_by_id(db, a, k->article, &art)) == W_OK)
		e = db_articles_related(db, a, &art, now, 6, &l);
	if (e != W_OK && e != W_NOTFOUND)
		return e;
	/* A common word (searched as itself), then a prefix of words on
	 * fewer stories than the candidates (listed from the vocabulary). */
	struct search_filter f;
	db_search_filter_init(&f);
	const char *expr = db_search_expr(a, "warga");
	if (!expr)
		return W_NOMEM;
	e = db_search(db, a, expr, &f, now, SEARCH_PAGES_MAX / 2, &sp);
	if (e == W_OK && !(expr = db_search_expr(a, "zzzq")))
		e = W_NOMEM;
	if (e == W_OK)
		e = db_search(db, a, expr, &f, now, 1, &sp);
	return e;
}

/* Appends st's SQL and plan to out. */
static enum werr
explain(struct db *db, const char *sql, struct buf *out)
{
	sqlite3_stmt *st;
	struct buf q;
	buf_init(&q);
	buf_puts(&q, "EXPLAIN QUERY PLAN ");
	buf_puts(&q, sql);
	enum werr e = buf_err(&q);
	if (e == W_OK && sqlite3_prepare_v2(db_sqlite(db), buf_cstr(&q), -1,
					    &st, NULL) != SQLITE_OK)
		e = db_fail(db, "explaining a query");
	buf_fini(&q);
	if (e != W_OK)
		return e;
	buf_puts(out, "SQL ");
	buf_puts(out, sql);
	buf_putc(out, '\n');
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 3);
		buf_puts(out, "PLAN ");
		buf_puts(out, d ? d : "");
		buf_putc(out, '\n');
	}
	sqlite3_finalize(st);
	return buf_err(out);
}

enum werr
db_plan_reader(struct db *db, int64_t now, int offset, struct buf *out)
{
	struct arena a;
	struct keys k;
	arena_init(&a);
	enum werr e = keys(db, &k);
	if (e == W_OK)
		e = run(db, &a, &k, now, offset);
	arena_fini(&a);
	for (sqlite3_stmt *st = sqlite3_next_stmt(db_sqlite(db), NULL);
	     e == W_OK && st; st = sqlite3_next_stmt(db_sqlite(db), st))
		e = explain(db, sqlite3_sql(st), out);
	return e;
}
