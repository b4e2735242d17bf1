/* db_feed.h - what the feeds and sitemaps read: the newest public articles
 * with their bodies, bylines and tags; the months that have articles; one
 * month's articles; the last 48 hours for Google News; the section, tag and
 * author pages with the time each last changed.
 *
 * Every function takes the worker's connection and an arena; records live in
 * that arena. "Public" is what db_article.h means by it: status scheduled or
 * published with published_at <= now. Every query reads a partial index of
 * public articles (or a join table's index) and none runs per article. */
#ifndef WARTA_DB_FEED_H
#define WARTA_DB_FEED_H

#include "db.h"
#include "model.h"

/* Whose articles a feed carries. */
enum feed_scope {
	FEED_ALL,
	FEED_SECTION,
	FEED_TAG,
	FEED_AUTHOR,
	FEED__MAX
};

/* The most entries a feed carries. */
#define FEED_MAX 50

/* Up to limit (at most FEED_MAX) public articles of the scope (key: the
 * section, tag or author id; ignored for FEED_ALL), newest first by
 * (published_at, id). Items carry id, slug, title, lead, body_html, section
 * (id, slug, name), published_at, updated_at, photo, authors in byline order and
 * tags in the editor's order (as db_article_bylines() and db_article_tags()
 * fill them). Three queries whatever the count. out->more and out->next are
 * unused. */
enum werr db_feed_articles(struct db *db, struct arena *a,
			   enum feed_scope scope, int64_t key, int64_t now,
			   size_t limit, struct article_list *out) WUNUSED;

/* When a public article last changed for a reader: its last edit, or its
 * publication when that came later (a scheduled article appears without
 * being edited). */
int64_t db_feed_changed(int64_t published_at, int64_t updated_at);

/* A month that has public articles, by publication date at the site's
 * offset. */
struct feed_month {
	int year, month; /* month 1-12 */
	size_t count;
	/* The latest change among them: a publication, an edit or a story
	 * leaving the month (kept at write time, sql/006_scale.sql). */
	int64_t lastmod;
};

/* Every month with public articles, newest first, into *out (*n of them;
 * NULL and 0 when there are none). offset is the site's zone in seconds
 * east of UTC. db_archive_months(): one row per month. */
enum werr db_feed_months(struct db *db, struct arena *a, int64_t now,
			 int offset, struct feed_month **out, size_t *n)
	WUNUSED;

/* One article of a sitemap. */
struct feed_url {
	int64_t id;
	const char *slug;
	const char *title;
	int64_t published_at;
	int64_t updated_at;
	struct photo photo; /* the news sitemap's only; id 0 elsewhere */
};

/* A sitemap holds at most 50,000 URLs (sitemaps.org). */
#define SITEMAP_MAX 50000

/* Warta's sitemaps hold at most SITEMAP_PART URLs: a longer month, and the
 * page list of a site with more sections, tags and authors, are split into
 * parts of that many (each part's query reads its own rows only, and a
 * file stays a few hundred kilobytes). */
#define SITEMAP_PART 1000

/* Past this many rows no month reaches (a thousand stories an hour). */
#define SITEMAP_SKIP_MAX 1000000

/* The public articles published in year-month at offset (from local
 * midnight on the 1st to local midnight on the 1st of the next month),
 * newest first, at most limit of them. W_NOTFOUND when the month does not
 * exist (month outside 1-12, year outside 1-9998). */
enum werr db_feed_month(struct db *db, struct arena *a, int64_t now,
			int year, int month, int offset, size_t limit,
			struct feed_url **out, size_t *n) WUNUSED;

/* As db_feed_month(), from the skip + 1st of the month's articles (newest
 * first): a part of a long month's sitemap. Nothing past
 * SITEMAP_SKIP_MAX. */
enum werr db_feed_month_range(struct db *db, struct arena *a, int64_t now,
			      int year, int month, int offset, size_t skip,
			      size_t limit, struct feed_url **out, size_t *n)
	WUNUSED;

/* Google News wants articles from the last two days, at most 1,000. */
#define NEWS_WINDOW 172800
#define NEWS_MAX 1000

/* Public articles with published_at in (now - NEWS_WINDOW, now], newest
 * first, at most limit of them. */
enum werr db_feed_news(struct db *db, struct arena *a, int64_t now,
		       size_t limit, struct feed_url **out, size_t *n) WUNUSED;

/* A section, tag or author page that lists at least one public article. */
struct feed_page {
	enum feed_scope kind; /* FEED_SECTION, FEED_TAG or FEED_AUTHOR */
	const char *slug;
	/* The publication time of its newest public article: when its first
	 * page last gained a story. One index seek per page to find. */
	int64_t lastmod;
};

/* Every such page: sections in home-page order, then tags, then authors,
 * each by slug; at most SITEMAP_MAX - 1 of them in all (the sitemap adds
 * the home page). Three queries. */
enum werr db_feed_pages(struct db *db, struct arena *a, int64_t now,
			struct feed_page **out, size_t *n) WUNUSED;

/* How many rows sections, tags and authors have, listing something or
 * not: what the page sitemap is split by. One query of three counts. */
enum werr db_feed_pages_count(struct db *db, size_t *n) WUNUSED;

/* The pages among rows [skip, skip + limit) of the sections, then the
 * tags, then the authors (in db_feed_pages()'s order) that list a public
 * article: a part of the page sitemap, which holds fewer than limit when
 * some of its rows list nothing. At most SITEMAP_MAX - 1. Four queries. */
enum werr db_feed_pages_range(struct db *db, struct arena *a, int64_t now,
			      size_t skip, size_t limit,
			      struct feed_page **out, size_t *n) WUNUSED;

#endif
