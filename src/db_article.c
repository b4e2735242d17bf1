/* db_article.c - articles for the reader pages: single articles with their
 * bylines and tags, keyset-paged public listings, related articles. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "db_article.h"
#include "markdown.h"

/* The most items one listing call returns, whatever limit asks: it bounds
 * the arena allocation and the byline matching below. */
#define LIST_MAX 500

/* Every query below that lists public articles says exactly
 * "a.status IN ('scheduled', 'published')": SQLite uses a partial index only
 * when its WHERE term appears in the query's WHERE, and the articles_live*
 * indexes of sql/001_core.sql are written with this term.
 *
 * Without statistics the planner prefers an equality on status to a range
 * on time, and would pick the admin's articles_status index and then sort
 * every public article to find the newest ten. So the listings name their
 * index (INDEXED BY, which fails at prepare time rather than silently
 * scanning if the index goes away), and the ones driven by a tag, an author
 * or a set of ids reach articles only through its rowid (NOT INDEXED). */
#define PUBLIC "a.status IN ('scheduled', 'published') AND a.published_at <= ?1"

/* The columns of a card (what listings carry), in the order read_card()
 * reads them, the picture last; the full record adds the two bodies. */
#define CARD_COLS                                                            \
	"a.id, a.slug, a.title, a.lead, a.dateline, a.status, "              \
	"a.published_at, a.updated_at, a.created_at, a.featured, "           \
	"a.unpublish_reason, s.id, s.slug, s.name, s.description, "          \
	DB_PHOTO_COLS
#define CARD_PHOTO_COL 15
#define CARD_NCOLS (CARD_PHOTO_COL + DB_PHOTO_NCOLS)
#define FULL_COLS CARD_COLS ", a.body_md, a.body_html"

/* Every query of cards joins the section and the picture. */
#define JOIN_SECTIONS                                                        \
	" JOIN sections s ON s.id = a.section_id" DB_PHOTO_JOIN
#define FROM_ARTICLES " FROM articles a" JOIN_SECTIONS

/* Listings bind ?1 and ?2 the keyset bound, ?3 the row limit and ?4 the
 * section, tag or author. The bound is one pair, the smaller of the cursor
 * and (now, any id): (published_at, id) < (now, INT64_MAX) is
 * published_at <= now, so one range on the index reads exactly the page's
 * rows whatever the cursor or the clock (a separate "published_at <= now"
 * would be the range's bound instead, and a deep cursor would walk from
 * today). The row-value comparison keeps articles that share a
 * publication second in id order across pages. */
#define KEYSET                                                               \
	" AND (a.published_at, a.id) < (?1, ?2)"                             \
	" ORDER BY a.published_at DESC, a.id DESC LIMIT ?3"

static const char SQL_LATEST[] =
	"SELECT " CARD_COLS " FROM articles a INDEXED BY articles_live"
	JOIN_SECTIONS " WHERE a.status IN ('scheduled', 'published')" KEYSET;

static const char SQL_BY_SECTION[] =
	"SELECT " CARD_COLS " FROM articles a INDEXED BY articles_live_section"
	JOIN_SECTIONS " WHERE a.section_id = ?4"
	" AND a.status IN ('scheduled', 'published')" KEYSET;

/* A tag's or an author's stories come newest first from tag_timeline or
 * author_timeline (sql/006_scale.sql), which hold a story's time while it
 * is public-able: only the page's rows of articles are read. The status
 * is checked again on the row, so a link the triggers somehow missed
 * cannot show a draft. */
#define LINK_KEYSET(l)                                                       \
	" AND (" l ".live_at, " l ".article_id) < (?1, ?2)"                 \
	" AND a.status IN ('scheduled', 'published')"                        \
	" ORDER BY " l ".live_at DESC, " l ".article_id DESC LIMIT ?3"

static const char SQL_BY_TAG[] =
	"SELECT " CARD_COLS " FROM tag_timeline t"
	" CROSS JOIN articles a ON a.id = t.article_id" JOIN_SECTIONS
	" WHERE t.tag_id = ?4" LINK_KEYSET("t");

static const char SQL_BY_AUTHOR[] =
	"SELECT " CARD_COLS " FROM author_timeline w"
	" CROSS JOIN articles a ON a.id = w.article_id" JOIN_SECTIONS
	" WHERE w.author_id = ?4" LINK_KEYSET("w");

static const char SQL_FEATURED[] =
	"SELECT " CARD_COLS " FROM articles a INDEXED BY articles_live_featured"
	JOIN_SECTIONS " WHERE " PUBLIC
	" AND a.featured = 1 ORDER BY a.published_at DESC, a.id DESC LIMIT 1";

static const char SQL_BY_SLUG[] = "SELECT " FULL_COLS FROM_ARTICLES
				  " WHERE a.slug = ?1";

static const char SQL_BY_ID[] = "SELECT " FULL_COLS FROM_ARTICLES
				" WHERE a.id = ?1";

static const char SQL_PUBLIC_BY_SLUG[] =
	"SELECT a.id, a.slug, a.title, a.status, a.published_at, "
	DB_PHOTO_COLS " FROM articles a" DB_PHOTO_JOIN
	" WHERE a.slug = ?2 AND " PUBLIC;

/* The editor's picks (?2 the article) that are public, in order. */
static const char SQL_PICKS[] =
	"SELECT " CARD_COLS " FROM article_related r"
	" JOIN articles a NOT INDEXED ON a.id = r.related_id" JOIN_SECTIONS
	" WHERE r.article_id = ?2 AND " PUBLIC
	" ORDER BY r.position, r.related_id LIMIT ?3";

/* The newest public articles of tag ?1 at now ?2, at most ?3: the related
 * stories are the newest of these across the article's tags. Each is a
 * short range of tag_timeline (sql/006_scale.sql), however big the tag or
 * the archive, where walking all public articles newest first until enough
 * share a tag would read far on an old story with rare tags. */
static const char SQL_TAG_NEWEST[] =
	"SELECT t.article_id, t.live_at FROM tag_timeline t"
	" WHERE t.tag_id = ?1 AND t.live_at <= ?2"
	" ORDER BY t.live_at DESC, t.article_id DESC LIMIT ?3";

/* The card of article ?2 if it is public at ?1: the related stories, one
 * key lookup each in the order sharing() found them. An IN list of their
 * ids would cost a temporary table and a sort, several times the lookups
 * themselves. */
static const char SQL_CARD_OF[] =
	"SELECT " CARD_COLS FROM_ARTICLES " WHERE a.id = ?2 AND " PUBLIC;

/* The byline of one article (?1): its position first, as the rows come
 * in key order and are put in the editor's order by byline_order(). One
 * primary-key range per card: an IN list of the page's ids, or an ORDER
 * BY here, costs SQLite a temporary table and a sorter each, several
 * times the lookups themselves. */
static const char SQL_AUTHORS_OF[] =
	"SELECT w.position, u.id, u.slug, u.name, u.initials, u.bio"
	" FROM article_authors w JOIN authors u ON u.id = w.author_id"
	" WHERE w.article_id = ?1";

/* Tags (article, id, slug, name, description) of one article (?1), and
 * of a page of them (?1 a JSON array of ids), in the editor's order. */
static const char SQL_TAGS_OF[] =
	"SELECT t.article_id, g.id, g.slug, g.name, g.description"
	" FROM article_tags t JOIN tags g ON g.id = t.tag_id"
	" WHERE t.article_id = ?1 ORDER BY t.position, g.id";

static const char SQL_TAGS_OF_MANY[] =
	"SELECT t.article_id, g.id, g.slug, g.name, g.description"
	" FROM article_tags t JOIN tags g ON g.id = t.tag_id"
	" WHERE t.article_id IN (SELECT value FROM json_each(?1))"
	" ORDER BY t.article_id, t.position, g.id";

static const char SQL_MISSING_HTML[] =
	"SELECT id FROM articles WHERE body_html = '' AND body_md <> ''";
static const char SQL_BODY_MD[] = "SELECT body_md FROM articles WHERE id = ?1";
static const char SQL_SET_HTML[] =
	"UPDATE articles SET body_html = ?2 WHERE id = ?1";

bool
db_photo_row(sqlite3_stmt *st, int i, struct arena *a, struct photo *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, i);
	p->width = sqlite3_column_int(st, i + 3);
	p->height = sqlite3_column_int(st, i + 4);
	p->fx = sqlite3_column_int(st, i + 5);
	p->fy = sqlite3_column_int(st, i + 6);
	return db_col(st, i + 1, a, &p->key) && db_col(st, i + 2, a, &p->name) &&
	       db_col(st, i + 7, a, &p->alt) &&
	       db_col(st, i + 8, a, &p->caption) &&
	       db_col(st, i + 9, a, &p->credit);
}

/* Reads a row of CARD_COLS (and the bodies when full) into out. */
static enum werr
read_row(sqlite3_stmt *st, struct arena *a, bool full, struct article *out)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(st, 0);
	const unsigned char *status = sqlite3_column_text(st, 5);
	out->status = article_status_parse((const char *)status);
	out->published_at = sqlite3_column_int64(st, 6);
	out->updated_at = sqlite3_column_int64(st, 7);
	out->created_at = sqlite3_column_int64(st, 8);
	out->featured = sqlite3_column_int(st, 9) != 0;
	out->section.id = sqlite3_column_int64(st, 11);
	bool ok = db_col(st, 1, a, &out->slug) &&
		  db_col(st, 2, a, &out->title) &&
		  db_col(st, 3, a, &out->lead) &&
		  db_col(st, 4, a, &out->dateline) &&
		  db_col(st, 10, a, &out->unpublish_reason) &&
		  db_col(st, 12, a, &out->section.slug) &&
		  db_col(st, 13, a, &out->section.name) &&
		  db_col(st, 14, a, &out->section.description) &&
		  db_photo_row(st, CARD_PHOTO_COL, a, &out->photo);
	if (ok && full)
		ok = db_col(st, CARD_NCOLS, a, &out->body_md) &&
		     db_col(st, CARD_NCOLS + 1, a, &out->body_html);
	return ok ? W_OK : W_NOMEM;
}

/* db_row_fn readers of a row of CARD_COLS, or of FULL_COLS. */
static enum werr
card_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	return read_row(st, a, false, out);
}

static enum werr
full_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	return read_row(st, a, true, out);
}

/* A db_row_fn for a byline row (article, id, slug, name, initials, bio)
 * into a struct author. */
static enum werr
author_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct author *u = out;
	u->id = sqlite3_column_int64(st, 1);
	bool ok = db_col(st, 2, a, &u->slug) && db_col(st, 3, a, &u->name) &&
		  db_col(st, 4, a, &u->initials) && db_col(st, 5, a, &u->bio);
	return ok ? W_OK : W_NOMEM;
}

/* A db_row_fn for a tag row (article, id, slug, name, description) into a
 * struct tag. */
static enum werr
tag_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct tag *t = out;
	t->id = sqlite3_column_int64(st, 1);
	bool ok = db_col(st, 2, a, &t->slug) && db_col(st, 3, a, &t->name) &&
		  db_col(st, 4, a, &t->description);
	return ok ? W_OK : W_NOMEM;
}

/* Steps st (bound) for rows whose first column is the article they belong
 * to: the rest of each row is read by fn into an array of size-byte
 * records (*out, in the arena), the articles into *owner; *n rows. Resets
 * st. */
static enum werr
children(struct db *db, struct arena *a, sqlite3_stmt *st, db_row_fn fn,
	 size_t size, void **out, int64_t **owner, size_t *n)
{
	unsigned char *all = NULL;
	int64_t *own = NULL;
	size_t cap = 0, ocap = 0;
	enum werr e = W_OK;
	int rc;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		all = arena_grow(a, all, *n, &cap, size);
		own = arena_grow(a, own, *n, &ocap, sizeof *own);
		if (!all || !own) {
			e = W_NOMEM;
			goto out;
		}
		own[*n] = sqlite3_column_int64(st, 0);
		if ((e = fn(st, a, all + *n * size)) != W_OK)
			goto out;
		(*n)++;
	}
	if (rc != SQLITE_DONE)
		e = db_fail(db, sqlite3_sql(st));
out:
	sqlite3_reset(st);
	if (e != W_OK)
		*n = 0;
	*out = all;
	*owner = own;
	return e;
}

/* The rows of article id in owner[0..n), which the queries return grouped
 * by article: their number, and the first of them in *first. */
static size_t
run_of(const int64_t *owner, size_t n, int64_t id, size_t *first)
{
	size_t i = 0;
	while (i < n && owner[i] != id)
		i++;
	*first = i;
	while (i < n && owner[i] == id)
		i++;
	return i - *first;
}

/* Runs sql, which takes the JSON array of the ids of items[0..n) as ?1,
 * into children() (n > 0). */
static enum werr
children_of(struct db *db, struct arena *a, const char *sql,
	    const struct article *items, size_t n, db_row_fn fn, size_t size,
	    void **out, int64_t **owner, size_t *total)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	enum werr e = db_bind_ids(db, st, 1, a, &items->id, n, sizeof *items);
	if (e != W_OK)
		return e;
	return children(db, a, st, fn, size, out, owner, total);
}

/* Sorts a byline's n authors (a handful) by position, then id. */
static void
byline_order(struct author *au, int64_t *pos, size_t n)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && (pos[j - 1] > pos[j] ||
					     (pos[j - 1] == pos[j] &&
					      au[j - 1].id > au[j].id));
		     j--) {
			struct author t = au[j];
			au[j] = au[j - 1];
			au[j - 1] = t;
			int64_t p = pos[j];
			pos[j] = pos[j - 1];
			pos[j - 1] = p;
		}
}

enum werr
db_article_bylines(struct db *db, struct arena *a, struct article *items,
		   size_t n)
{
	if (n == 0)
		return W_OK;
	sqlite3_stmt *st = db_stmt(db, SQL_AUTHORS_OF);
	if (!st)
		return W_DB;
	for (size_t k = 0; k < n; k++) {
		void *rows;
		int64_t *pos;
		sqlite3_bind_int64(st, 1, items[k].id);
		enum werr e = children(db, a, st, author_row,
				       sizeof(struct author), &rows, &pos,
				       &items[k].nauthors);
		if (e != W_OK)
			return e;
		items[k].authors = items[k].nauthors ? rows : NULL;
		byline_order(items[k].authors, pos, items[k].nauthors);
	}
	return W_OK;
}

enum werr
db_article_tags(struct db *db, struct arena *a, struct article *items,
		size_t n)
{
	void *rows;
	int64_t *owner;
	size_t total;
	if (n == 0)
		return W_OK;
	enum werr e = children_of(db, a, SQL_TAGS_OF_MANY, items, n, tag_row,
				  sizeof(struct tag), &rows, &owner, &total);
	struct tag *all = rows;
	for (size_t k = 0; e == W_OK && k < n; k++) {
		size_t first;
		items[k].ntags = run_of(owner, total, items[k].id, &first);
		items[k].tags = items[k].ntags ? &all[first] : NULL;
	}
	return e;
}

/* Fills art's tags in the editor's order. One article's tags are read by
 * its key, without the JSON array db_article_tags() binds. */
static enum werr
load_tags(struct db *db, struct arena *a, struct article *art)
{
	sqlite3_stmt *st = db_stmt(db, SQL_TAGS_OF);
	if (!st)
		return W_DB;
	void *rows;
	int64_t *owner;
	sqlite3_bind_int64(st, 1, art->id);
	enum werr e = children(db, a, st, tag_row, sizeof(struct tag), &rows,
			       &owner, &art->ntags);
	art->tags = e == W_OK ? rows : NULL;
	return e;
}

/* The whole record: row, bylines, tags; three queries in all. */
static enum werr
load_full(struct db *db, struct arena *a, sqlite3_stmt *st,
	  struct article *out)
{
	enum werr e = db_one(db, st, a, full_row, out, sqlite3_sql(st));
	if (e == W_OK)
		e = db_article_bylines(db, a, out, 1);
	if (e == W_OK)
		e = load_tags(db, a, out);
	return e;
}

enum werr
db_article_by_slug(struct db *db, struct arena *a, const char *slug,
		   struct article *out)
{
	sqlite3_stmt *st = db_stmt(db, SQL_BY_SLUG);
	if (!st)
		return W_DB;
	enum werr e = db_bind_text(db, st, 1, slug);
	if (e != W_OK)
		return e;
	return load_full(db, a, st, out);
}

enum werr
db_article_by_id(struct db *db, struct arena *a, int64_t id,
		 struct article *out)
{
	sqlite3_stmt *st = db_stmt(db, SQL_BY_ID);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	return load_full(db, a, st, out);
}

enum werr
db_article_featured(struct db *db, struct arena *a, int64_t now,
		    struct article *out)
{
	sqlite3_stmt *st = db_stmt(db, SQL_FEATURED);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, now);
	enum werr e = db_one(db, st, a, card_row, out, sqlite3_sql(st));
	if (e == W_OK)
		e = db_article_bylines(db, a, out, 1);
	return e;
}

static size_t
clamp(size_t limit)
{
	return limit < LIST_MAX ? limit : LIST_MAX;
}

/* Steps st (already bound) for up to limit cards appended to items[*n..];
 * *more (may be NULL) tells whether a further row came. */
static enum werr
collect(struct db *db, struct arena *a, sqlite3_stmt *st, size_t limit,
	struct article *items, size_t *n, bool *more)
{
	size_t got;
	enum werr e = db_rows(db, st, a, card_row, items + *n, sizeof *items,
			      limit, &got, more, sqlite3_sql(st));
	*n += got;
	return e;
}

/* Runs a keyset listing (see KEYSET); key binds ?4 when has_key. */
static enum werr
list(struct db *db, struct arena *a, const char *sql, bool has_key,
     int64_t key, int64_t now, const struct cursor *before, size_t limit,
     struct article_list *out)
{
	memset(out, 0, sizeof *out);
	limit = clamp(limit);
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	/* From the newest: everything public at now; from a cursor, only
	 * what is older than both. */
	int64_t t = now, id = INT64_MAX;
	if (before && (before->time || before->id) &&
	    (before->time < t || (before->time == t && before->id < id))) {
		t = before->time;
		id = before->id;
	}
	sqlite3_bind_int64(st, 1, t);
	sqlite3_bind_int64(st, 2, id);
	/* One row more than asked tells whether there is an older page. */
	sqlite3_bind_int64(st, 3, (int64_t)limit + 1);
	if (has_key)
		sqlite3_bind_int64(st, 4, key);

	out->items = arena_alloc(a, (limit ? limit : 1) * sizeof *out->items);
	if (!out->items) {
		sqlite3_reset(st);
		return W_NOMEM;
	}
	enum werr e = collect(db, a, st, limit, out->items, &out->n,
			      &out->more);
	if (e == W_OK)
		e = db_article_bylines(db, a, out->items, out->n);
	if (e != W_OK) {
		memset(out, 0, sizeof *out);
		return e;
	}
	if (out->more && out->n > 0) {
		const struct article *last = &out->items[out->n - 1];
		out->next = (struct cursor){last->published_at, last->id};
	}
	return W_OK;
}

enum werr
db_articles_latest(struct db *db, struct arena *a, int64_t now,
		   const struct cursor *before, size_t limit,
		   struct article_list *out)
{
	return list(db, a, SQL_LATEST, false, 0, now, before, limit, out);
}

enum werr
db_articles_by_section(struct db *db, struct arena *a, int64_t section_id,
		       int64_t now, const struct cursor *before, size_t limit,
		       struct article_list *out)
{
	return list(db, a, SQL_BY_SECTION, true, section_id, now, before,
		    limit, out);
}

enum werr
db_articles_by_tag(struct db *db, struct arena *a, int64_t tag_id,
		   int64_t now, const struct cursor *before, size_t limit,
		   struct article_list *out)
{
	return list(db, a, SQL_BY_TAG, true, tag_id, now, before, limit, out);
}

enum werr
db_articles_by_author(struct db *db, struct arena *a, int64_t author_id,
		      int64_t now, const struct cursor *before, size_t limit,
		      struct article_list *out)
{
	return list(db, a, SQL_BY_AUTHOR, true, author_id, now, before, limit,
		    out);
}

/* Appends up to limit of art's public picks to out, in order. */
static enum werr
picks(struct db *db, struct arena *a, int64_t art_id, int64_t now,
      size_t limit, struct article_list *out)
{
	sqlite3_stmt *st = db_stmt(db, SQL_PICKS);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, art_id);
	sqlite3_bind_int64(st, 3, (int64_t)limit);
	return collect(db, a, st, limit, out->items, &out->n, NULL);
}

/* A story of a tag's timeline: its key, newest first. */
struct entry {
	int64_t time, id;
};

static bool
newer(const struct entry *x, const struct entry *y)
{
	return x->time > y->time || (x->time == y->time && x->id > y->id);
}

/* Keeps best[0..*n) the newest distinct entries, at most cap, when e is
 * one of them: an insertion into a short sorted array. */
static void
keep(struct entry *best, size_t *n, size_t cap, struct entry e)
{
	for (size_t i = 0; i < *n; i++)
		if (best[i].id == e.id)
			return;
	size_t i = *n;
	while (i > 0 && newer(&e, &best[i - 1]))
		i--;
	if (i >= cap)
		return;
	size_t last = *n < cap ? *n : cap - 1;
	memmove(&best[i + 1], &best[i], (last - i) * sizeof *best);
	best[i] = e;
	if (*n < cap)
		(*n)++;
}

/* Appends up to limit of the newest public articles sharing a tag with art,
 * other than art and what out already holds (its picks). */
static enum werr
sharing(struct db *db, struct arena *a, const struct article *art,
	int64_t now, size_t limit, struct article_list *out)
{
	/* Every article kept outranks all but at most limit - 1 others,
	 * art and the picks: within each tag it is among the first
	 * limit + 1 + out->n. */
	size_t per_tag = limit + 1 + out->n;
	struct entry *best = arena_alloc(a, limit * sizeof *best);
	if (!best)
		return W_NOMEM;
	size_t nbest = 0;
	sqlite3_stmt *st = db_stmt(db, SQL_TAG_NEWEST);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	for (size_t t = 0; e == W_OK && t < art->ntags; t++) {
		sqlite3_bind_int64(st, 1, art->tags[t].id);
		sqlite3_bind_int64(st, 2, now);
		sqlite3_bind_int64(st, 3, (int64_t)per_tag);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			struct entry en = {sqlite3_column_int64(st, 1),
					   sqlite3_column_int64(st, 0)};
			bool skip = en.id == art->id;
			for (size_t k = 0; !skip && k < out->n; k++)
				skip = out->items[k].id == en.id;
			if (!skip)
				keep(best, &nbest, limit, en);
		}
		if (rc != SQLITE_DONE)
			e = db_fail(db, "related stories");
		sqlite3_reset(st);
	}
	if (e != W_OK || nbest == 0)
		return e;
	st = db_stmt(db, SQL_CARD_OF);
	if (!st)
		return W_DB;
	/* best is newest first already; each was public at now. */
	for (size_t i = 0; e == W_OK && i < nbest; i++) {
		sqlite3_bind_int64(st, 1, now);
		sqlite3_bind_int64(st, 2, best[i].id);
		e = collect(db, a, st, 1, out->items, &out->n, NULL);
	}
	return e;
}

enum werr
db_articles_related(struct db *db, struct arena *a, const struct article *art,
		    int64_t now, size_t limit, struct article_list *out)
{
	memset(out, 0, sizeof *out);
	limit = clamp(limit);
	if (limit == 0)
		return W_OK;
	out->items = arena_alloc(a, limit * sizeof *out->items);
	if (!out->items)
		return W_NOMEM;
	enum werr e = picks(db, a, art->id, now, limit, out);
	/* Without tags nothing can share one: skip the walk. */
	if (e == W_OK && out->n < limit && art->ntags > 0)
		e = sharing(db, a, art, now, limit - out->n, out);
	if (e == W_OK)
		e = db_article_bylines(db, a, out->items, out->n);
	if (e != W_OK)
		memset(out, 0, sizeof *out);
	return e;
}

/* A db_row_fn for a row of SQL_PUBLIC_BY_SLUG into a struct article. */
static enum werr
public_row(sqlite3_stmt *st, struct arena *a, void *row)
{
	struct article *out = row;
	out->id = sqlite3_column_int64(st, 0);
	out->status = article_status_parse(
		(const char *)sqlite3_column_text(st, 3));
	out->published_at = sqlite3_column_int64(st, 4);
	bool ok = db_col(st, 1, a, &out->slug) &&
		  db_col(st, 2, a, &out->title) &&
		  db_photo_row(st, 5, a, &out->photo);
	return ok ? W_OK : W_NOMEM;
}

enum werr
db_article_public_by_slug(struct db *db, struct arena *a, const char *slug,
			  int64_t now, struct article *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, SQL_PUBLIC_BY_SLUG);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, now);
	enum werr e = db_bind_text(db, st, 2, slug);
	if (e != W_OK)
		return e;
	return db_one(db, st, a, public_row, out, "article by slug");
}

/* The ids of articles whose HTML is missing, malloc'd into *ids. Collected
 * before any UPDATE so that the scan never meets rows it has changed. */
static enum werr
missing_ids(struct db *db, int64_t **ids, size_t *n)
{
	*ids = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(db, SQL_MISSING_HTML);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			int64_t *p = realloc(*ids, ncap * sizeof *p);
			if (!p) {
				e = W_NOMEM;
				goto out;
			}
			*ids = p;
			cap = ncap;
		}
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	if (rc != SQLITE_DONE)
		e = db_fail(db, "listing bodies to render");
out:
	sqlite3_reset(st);
	return e;
}

/* Renders and stores the body of article id, reusing html's storage. */
static enum werr
render_one(struct db *db, int64_t id, struct buf *html)
{
	sqlite3_stmt *st = db_stmt(db, SQL_BODY_MD);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		e = db_fail(db, "reading a body");
		goto out;
	}
	const char *md = (const char *)sqlite3_column_text(st, 0);
	size_t len = (size_t)sqlite3_column_bytes(st, 0);
	if (!md) {
		e = W_NOMEM;
		goto out;
	}
	buf_reset(html);
	e = markdown_render(md, len, html);
	if (e == W_OK)
		e = buf_err(html);
	if (e == W_OK && html->len > INT32_MAX)
		e = W_TOOBIG; /* sqlite3_bind_text takes an int */
out:
	sqlite3_reset(st);
	if (e != W_OK)
		return e;

	st = db_stmt(db, SQL_SET_HTML);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_bind_text(st, 2, buf_cstr(html), (int)html->len,
			      SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_DONE)
		e = db_fail(db, "storing a rendered body");
	sqlite3_reset(st);
	return e;
}

enum werr
db_articles_render_missing(struct db *db)
{
	/* Inside a caller's transaction (migrate_demo's) we join it, so that
	 * the load and the rendering commit together; otherwise our own. */
	bool own = sqlite3_get_autocommit(db_sqlite(db));
	int64_t *ids = NULL;
	size_t n = 0;
	struct buf html;
	buf_init(&html);
	enum werr e = W_OK;
	if (own && (e = db_begin(db)) != W_OK)
		return e;
	e = missing_ids(db, &ids, &n);
	for (size_t i = 0; e == W_OK && i < n; i++)
		e = render_one(db, ids[i], &html);
	if (own) {
		if (e == W_OK)
			e = db_commit(db);
		if (e != W_OK)
			db_rollback(db);
	}
	free(ids);
	buf_fini(&html);
	return e;
}
