/* db_article.h - reading articles for the reader pages.
 *
 * Every function takes the worker's connection and an arena; returned
 * records live in that arena. "Public" means status scheduled or published
 * with published_at <= now. Listings are newest first by (published_at, id),
 * paged by keyset (struct cursor), never by OFFSET. */
#ifndef WARTA_DB_ARTICLE_H
#define WARTA_DB_ARTICLE_H

#include "db.h"
#include "model.h"

/* Loads the article with this slug whatever its status, with section,
 * authors (byline order), tags and body. W_NOTFOUND when there is none. */
enum werr db_article_by_slug(struct db *db, struct arena *a, const char *slug,
			     struct article *out) WUNUSED;
enum werr db_article_by_id(struct db *db, struct arena *a, int64_t id,
			   struct article *out) WUNUSED;

/* The newest public featured article; W_NOTFOUND when there is none. */
enum werr db_article_featured(struct db *db, struct arena *a, int64_t now,
			      struct article *out) WUNUSED;

/* Listings of public articles: all, by section, by tag, by author. At most
 * limit items strictly older than *before (NULL or a zero cursor: from the
 * newest); out->more tells whether there are older ones. */
enum werr db_articles_latest(struct db *db, struct arena *a, int64_t now,
			     const struct cursor *before, size_t limit,
			     struct article_list *out) WUNUSED;
enum werr db_articles_by_section(struct db *db, struct arena *a,
				 int64_t section_id, int64_t now,
				 const struct cursor *before, size_t limit,
				 struct article_list *out) WUNUSED;
enum werr db_articles_by_tag(struct db *db, struct arena *a, int64_t tag_id,
			     int64_t now, const struct cursor *before,
			     size_t limit, struct article_list *out) WUNUSED;
enum werr db_articles_by_author(struct db *db, struct arena *a,
				int64_t author_id, int64_t now,
				const struct cursor *before, size_t limit,
				struct article_list *out) WUNUSED;

/* Up to limit public articles related to art (never art itself): its
 * explicit picks in the editor's order first, then the newest sharing a tag
 * with it. */
enum werr db_articles_related(struct db *db, struct arena *a,
			      const struct article *art, int64_t now,
			      size_t limit, struct article_list *out) WUNUSED;

/* The public article with this slug, for a [[baca-juga:slug]] line;
 * W_NOTFOUND when it does not exist or is not public. Fills id, slug, title,
 * published_at and photo. */
enum werr db_article_public_by_slug(struct db *db, struct arena *a,
				    const char *slug, int64_t now,
				    struct article *out) WUNUSED;

/* Fill the authors (byline order; id, slug, name, initials, bio) or the
 * tags (the editor's order; id, slug, name, description) of items[0..n)
 * with one query whatever n. */
enum werr db_article_bylines(struct db *db, struct arena *a,
			     struct article *items, size_t n) WUNUSED;
enum werr db_article_tags(struct db *db, struct arena *a,
			  struct article *items, size_t n) WUNUSED;

/* The columns of an article's featured picture (struct photo), for a
 * query over articles "a" that adds DB_PHOTO_JOIN: the media row is
 * reached by its primary key, one lookup per row the query returns, so a
 * listing stays driven by its own index. The story's caption and credit
 * override the library's. */
#define DB_PHOTO_COLS                                                        \
	"COALESCE(m.id, 0), m.pkey, m.name, COALESCE(m.width, 0),"           \
	" COALESCE(m.height, 0), COALESCE(m.focal_x, 500),"                  \
	" COALESCE(m.focal_y, 500), m.alt,"                                  \
	" COALESCE(NULLIF(a.image_caption, ''), m.caption),"                 \
	" COALESCE(NULLIF(a.image_credit, ''), m.credit)"
#define DB_PHOTO_NCOLS 10
#define DB_PHOTO_JOIN " LEFT JOIN media m ON m.id = a.image_id"

/* Reads the DB_PHOTO_COLS that start at column i of st's row into p
 * (strings in a, "" for none). False only when out of memory. */
bool db_photo_row(sqlite3_stmt *st, int i, struct arena *a, struct photo *p);

/* Renders body_md to body_html (markdown.c) for every article whose
 * body_html is empty, in one transaction. Used by `warta init --demo`. */
enum werr db_articles_render_missing(struct db *db) WUNUSED;

#endif
