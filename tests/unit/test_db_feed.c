/* test_db_feed.c - the feed and sitemap queries against a hand-made
 * newsroom: feed scopes and limits, bylines and tags without N+1, the 48-hour
 * news window, month boundaries at midnight WIB, taxonomy pages, and that
 * every query reads an index. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "datefmt.h"
#include "db_feed.h"
#include "migrate.h"
#include "fixture.h"

/* 2024-11-21 10:00:00 WIB. */
#define NOW 1732158000
#define HOUR 3600
#define DAY 86400
#define WIB 25200
#define WITA 28800
#define NBASE 60 /* ids 1..60 are public */

#define HOSTILE_TITLE "<script>alert(\"x&y\")</script> 'O'Neil'"

struct fx {
	struct db *db;
	struct arena a;
};

/* The base articles: one an hour from 30 days before NOW, so none is in
 * the news window. */
static int64_t
base_time(int id)
{
	return NOW - 30 * DAY + (int64_t)id * HOUR;
}

static void
add_article(struct db *db, int id, const char *status, int64_t published_at,
	    int64_t updated_at, int section)
{
	static const char sql[] =
		"INSERT INTO articles (id, slug, title, lead, body_md,"
		" body_html, status, section_id, published_at, updated_at,"
		" created_at) VALUES (?1, 'artikel-' || ?1, 'Judul ' || ?1,"
		" 'Lead ' || ?1, 'Isi', '<p>Isi ' || ?1 || '</p>', ?2, ?3,"
		" ?4, ?5, 1)";
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_int(st, 1, id);
	sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, section);
	if (published_at)
		sqlite3_bind_int64(st, 4, published_at);
	sqlite3_bind_int64(st, 5, updated_at);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

static void
add_link(struct db *db, const char *table, int article, int other, int position)
{
	char sql[128];
	snprintf(sql, sizeof sql, "INSERT INTO %s VALUES (%d, %d, %d)", table,
		 article, other, position);
	fixture_exec(db, sql);
}

/* Ids 1..60 public, odd in section 1 and even in section 2; every one by
 * Ani, the even ones by Budi first; Banjir on multiples of 3, Pilkada on
 * multiples of 5 (first when both). Ids 61..65 are hidden and carry Citra,
 * Sepi and section 3, which nothing public carries. */
static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof *fx);
	fx->db = fixture_db();
	arena_init(&fx->a);
	fixture_exec(fx->db,
		"INSERT INTO sections (id, slug, name, position) VALUES"
		" (1, 'daerah', 'Daerah', 2), (2, 'ekonomi', 'Ekonomi', 1),"
		" (3, 'kosong', 'Kosong', 0);"
		"INSERT INTO authors (id, slug, name, initials) VALUES"
		" (1, 'ani', 'Ani Rahma', 'ani'), (2, 'budi', 'Budi', 'bud'),"
		" (3, 'citra', 'Citra', 'cit');"
		"INSERT INTO tags (id, slug, name) VALUES (1, 'banjir',"
		" 'Banjir'), (2, 'pilkada', 'Pilkada'), (3, 'sepi', 'Sepi');");
	fixture_exec(fx->db, "BEGIN");
	for (int id = 1; id <= NBASE; id++) {
		int64_t t = base_time(id);
		add_article(fx->db, id, id % 7 ? "published" : "scheduled", t,
			    id == 59 ? NOW - 5 : t + 600, id % 2 ? 1 : 2);
		add_link(fx->db, "article_authors", id, 1, 1);
		if (id % 2 == 0)
			add_link(fx->db, "article_authors", id, 2, 0);
		if (id % 3 == 0)
			add_link(fx->db, "article_tags", id, 1, 1);
		if (id % 5 == 0)
			add_link(fx->db, "article_tags", id, 2, 0);
	}
	static const struct {
		const char *status;
		int64_t published_at;
	} hidden[] = {
		{"draft", 0},
		{"review", 0},
		{"scheduled", NOW + 1},
		{"unpublished", NOW - 2 * HOUR},
		{"draft", NOW - HOUR}, /* published once, back to draft */
	};
	for (int i = 0; i < 5; i++) {
		int id = NBASE + 1 + i;
		add_article(fx->db, id, hidden[i].status,
			    hidden[i].published_at, NOW, i == 4 ? 3 : 1);
		add_link(fx->db, "article_authors", id, 1, 0);
		add_link(fx->db, "article_authors", id, 3, 1);
		add_link(fx->db, "article_tags", id, 1, 0);
		add_link(fx->db, "article_tags", id, 3, 1);
	}
	fixture_exec(fx->db, "COMMIT");
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;
	arena_fini(&fx->a);
	db_close(fx->db);
	free(fx);
	return 0;
}

static void
test_feed_all(void **state)
{
	struct fx *fx = *state;
	struct article_list l;
	assert_int_equal(db_feed_articles(fx->db, &fx->a, FEED_ALL, 0, NOW,
					  FEED_MAX, &l),
			 W_OK);
	assert_int_equal(l.n, 50);
	for (size_t i = 0; i < l.n; i++)
		assert_int_equal(l.items[i].id, NBASE - (int64_t)i);

	const struct article *a60 = &l.items[0];
	assert_string_equal(a60->slug, "artikel-60");
	assert_string_equal(a60->title, "Judul 60");
	assert_string_equal(a60->lead, "Lead 60");
	assert_string_equal(a60->body_html, "<p>Isi 60</p>");
	assert_string_equal(a60->section.slug, "ekonomi");
	assert_string_equal(a60->section.name, "Ekonomi");
	assert_int_equal(a60->published_at, base_time(60));
	assert_int_equal(a60->updated_at, base_time(60) + 600);
	/* Byline order, then the editor's tag order. */
	assert_int_equal(a60->nauthors, 2);
	assert_string_equal(a60->authors[0].slug, "budi");
	assert_string_equal(a60->authors[1].name, "Ani Rahma");
	assert_int_equal(a60->ntags, 2);
	assert_string_equal(a60->tags[0].slug, "pilkada");
	assert_string_equal(a60->tags[1].name, "Banjir");

	const struct article *a59 = &l.items[1];
	assert_int_equal(a59->nauthors, 1);
	assert_string_equal(a59->authors[0].slug, "ani");
	assert_int_equal(a59->ntags, 0);
	assert_null(a59->tags);
	assert_string_equal(a59->section.slug, "daerah");
	assert_int_equal(a59->updated_at, NOW - 5);

	const struct article *a57 = &l.items[3];
	assert_int_equal(a57->ntags, 1);
	assert_string_equal(a57->tags[0].slug, "banjir");

	/* A larger limit is cut to FEED_MAX; a smaller one is kept. */
	assert_int_equal(db_feed_articles(fx->db, &fx->a, FEED_ALL, 0, NOW,
					  1000, &l),
			 W_OK);
	assert_int_equal(l.n, FEED_MAX);
	assert_int_equal(db_feed_articles(fx->db, &fx->a, FEED_ALL, 0, NOW, 3,
					  &l),
			 W_OK);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.items[2].id, 58);
	assert_int_equal(db_feed_articles(fx->db, &fx->a, FEED_ALL, 0, NOW, 0,
					  &l),
			 W_OK);
	assert_int_equal(l.n, 0);

	/* Nothing is public before the first article. */
	assert_int_equal(db_feed_articles(fx->db, &fx->a, FEED_ALL, 0,
					  base_time(1) - 1, FEED_MAX, &l),
			 W_OK);
	assert_int_equal(l.n, 0);
	/* At an article's time it is in. */
	assert_int_equal(db_feed_articles(fx->db, &fx->a, FEED_ALL, 0,
					  base_time(7), FEED_MAX, &l),
			 W_OK);
	assert_int_equal(l.n, 7);
	assert_int_equal(l.items[0].id, 7);

	assert_int_equal(db_feed_articles(fx->db, &fx->a, FEED__MAX, 0, NOW,
					  FEED_MAX, &l),
			 W_INVAL);
	assert_int_equal(l.n, 0);
}

/* Checks that l holds exactly the public ids in 1..60 for which want()
 * is true, newest first. */
static void
assert_ids(const struct article_list *l, bool (*want)(int))
{
	size_t k = 0;
	for (int id = NBASE; id >= 1; id--) {
		if (!want(id))
			continue;
		assert_true(k < l->n);
		assert_int_equal(l->items[k].id, id);
		k++;
	}
	assert_int_equal(l->n, k);
}

static bool
odd(int id)
{
	return id % 2 == 1;
}

static bool
even(int id)
{
	return id % 2 == 0;
}

static bool
by3(int id)
{
	return id % 3 == 0;
}

static void
test_feed_scopes(void **state)
{
	struct fx *fx = *state;
	struct article_list l;
	assert_int_equal(db_feed_articles(fx->db, &fx->a, FEED_SECTION, 1, NOW,
					  FEED_MAX, &l),
			 W_OK);
	assert_ids(&l, odd);
	assert_int_equal(db_feed_articles(fx->db, &fx->a, FEED_TAG, 1, NOW,
					  FEED_MAX, &l),
			 W_OK);
	assert_ids(&l, by3);
	/* Bylines are whole even in a feed chosen by one author. */
	assert_int_equal(db_feed_articles(fx->db, &fx->a, FEED_AUTHOR, 2, NOW,
					  FEED_MAX, &l),
			 W_OK);
	assert_ids(&l, even);
	assert_int_equal(l.items[0].nauthors, 2);
	assert_string_equal(l.items[0].authors[1].slug, "ani");

	/* Section 3, tag 3 and Citra have only hidden articles. */
	assert_int_equal(db_feed_articles(fx->db, &fx->a, FEED_SECTION, 3, NOW,
					  FEED_MAX, &l),
			 W_OK);
	assert_int_equal(l.n, 0);
	assert_int_equal(db_feed_articles(fx->db, &fx->a, FEED_TAG, 3, NOW,
					  FEED_MAX, &l),
			 W_OK);
	assert_int_equal(l.n, 0);
	assert_int_equal(db_feed_articles(fx->db, &fx->a, FEED_AUTHOR, 3, NOW,
					  FEED_MAX, &l),
			 W_OK);
	assert_int_equal(l.n, 0);
	/* An author with 60 articles still gives 50. */
	assert_int_equal(db_feed_articles(fx->db, &fx->a, FEED_AUTHOR, 1, NOW,
					  FEED_MAX, &l),
			 W_OK);
	assert_int_equal(l.n, FEED_MAX);
	assert_int_equal(l.items[FEED_MAX - 1].id, 11);
}

static void
set_title(struct db *db, int id, const char *title)
{
	static const char sql[] =
		"UPDATE articles SET title = ?2 WHERE id = ?1";
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_int(st, 1, id);
	sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

static void
test_hostile_text(void **state)
{
	struct fx *fx = *state;
	struct article_list l;
	struct feed_url *u;
	size_t n;
	/* Text comes back byte for byte: escaping is the template's job. */
	set_title(fx->db, 60, HOSTILE_TITLE);
	set_title(fx->db, 59, "O'Neil\x01\xff");
	fixture_exec(fx->db, "UPDATE articles SET published_at = 1732154400"
			     " WHERE id = 60");
	assert_int_equal(db_feed_articles(fx->db, &fx->a, FEED_ALL, 0, NOW, 2,
					  &l),
			 W_OK);
	assert_string_equal(l.items[0].title, HOSTILE_TITLE);
	assert_string_equal(l.items[1].title, "O'Neil\x01\xff");
	assert_int_equal(db_feed_news(fx->db, &fx->a, NOW, NEWS_MAX, &u, &n),
			 W_OK);
	assert_int_equal(n, 1);
	assert_string_equal(u[0].title, HOSTILE_TITLE);
	assert_int_equal(u[0].id, 60);
}

static void
add_news(struct db *db, int id, const char *status, int64_t t)
{
	add_article(db, id, status, t, t, 1);
}

static void
test_news_window(void **state)
{
	struct fx *fx = *state;
	struct feed_url *u;
	size_t n;
	add_news(fx->db, 101, "published", NOW - HOUR);
	add_news(fx->db, 102, "published", NOW - 49 * HOUR);
	add_news(fx->db, 103, "scheduled", NOW + HOUR);
	add_news(fx->db, 104, "published", NOW - NEWS_WINDOW);
	add_news(fx->db, 105, "scheduled", NOW - NEWS_WINDOW + 1);
	add_news(fx->db, 106, "published", NOW);
	add_news(fx->db, 107, "draft", NOW - 100);
	add_news(fx->db, 108, "unpublished", NOW - 100);
	assert_int_equal(db_feed_news(fx->db, &fx->a, NOW, NEWS_MAX, &u, &n),
			 W_OK);
	assert_int_equal(n, 3);
	assert_int_equal(u[0].id, 106);
	assert_int_equal(u[1].id, 101);
	assert_int_equal(u[2].id, 105);
	assert_string_equal(u[1].slug, "artikel-101");
	assert_string_equal(u[1].title, "Judul 101");
	assert_int_equal(u[1].published_at, NOW - HOUR);

	/* Two hours later the scheduled ones (103 and the fixture's 63) are
	 * due and 105 has aged out. */
	assert_int_equal(db_feed_news(fx->db, &fx->a, NOW + 2 * HOUR,
				      NEWS_MAX, &u, &n),
			 W_OK);
	assert_int_equal(n, 4);
	assert_int_equal(u[0].id, 103);
	assert_int_equal(u[1].id, NBASE + 3);
	assert_int_equal(u[2].id, 106);
	assert_int_equal(u[3].id, 101);

	/* The limit holds, newest first, and is capped at NEWS_MAX. */
	assert_int_equal(db_feed_news(fx->db, &fx->a, NOW, 1, &u, &n), W_OK);
	assert_int_equal(n, 1);
	assert_int_equal(u[0].id, 106);
	fixture_exec(fx->db, "BEGIN");
	for (int i = 0; i < NEWS_MAX + 5; i++)
		add_news(fx->db, 1000 + i, "published", NOW - 2 * HOUR - i);
	fixture_exec(fx->db, "COMMIT");
	assert_int_equal(db_feed_news(fx->db, &fx->a, NOW, NEWS_MAX + 100, &u,
				      &n),
			 W_OK);
	assert_int_equal(n, NEWS_MAX);
	assert_int_equal(u[NEWS_MAX - 1].id, 1000 + NEWS_MAX - 3);
}

/* Leaves only the month fixture: four articles around midnight WIB at the
 * ends of September and October 2024, and hidden ones. */
static void
month_fixture(struct db *db)
{
	fixture_exec(db, "DELETE FROM articles");
	/* 2024-10-31 16:59:59 UTC = 23:59:59 WIB on 31 October; scheduled,
	 * last edited before it went out. */
	add_article(db, 201, "scheduled", 1730393999, 1730393000, 1);
	/* 2024-10-31 17:00:00 UTC = 00:00 WIB on 1 November; edited later. */
	add_article(db, 202, "published", 1730394000, 1730400000, 1);
	/* 2024-09-30 17:00:00 UTC = 00:00 WIB on 1 October. */
	add_article(db, 203, "scheduled", 1727715600, 1727700000, 2);
	/* 2024-09-30 16:59:59 UTC = 23:59:59 WIB on 30 September. */
	add_article(db, 204, "published", 1727715599, 1727800000, 2);
	add_article(db, 205, "draft", 1730394000, NOW, 1);
	add_article(db, 206, "scheduled", NOW + 1, NOW, 1);
}

static void
test_months(void **state)
{
	struct fx *fx = *state;
	struct feed_month *m;
	size_t n;
	month_fixture(fx->db);
	assert_int_equal(db_feed_months(fx->db, &fx->a, NOW, WIB, &m, &n),
			 W_OK);
	assert_int_equal(n, 3);
	assert_int_equal(m[0].year, 2024);
	assert_int_equal(m[0].month, 11);
	assert_int_equal(m[0].count, 1);
	assert_int_equal(m[0].lastmod, 1730400000);
	assert_int_equal(m[1].month, 10);
	assert_int_equal(m[1].count, 2);
	/* 201 counts by its publication, later than its last edit. */
	assert_int_equal(m[1].lastmod, 1730393999);
	assert_int_equal(m[2].month, 9);
	assert_int_equal(m[2].count, 1);
	assert_int_equal(m[2].lastmod, 1727800000);

	/* An hour east, 201 is already in November and 204 in October: the
	 * months are kept in the site's zone, and a new zone counts again. */
	fixture_exec(fx->db, "UPDATE settings SET value = 'Asia/Makassar'"
			     " WHERE key = 'timezone'");
	assert_int_equal(db_feed_months(fx->db, &fx->a, NOW, WITA, &m, &n),
			 W_OK);
	assert_int_equal(n, 2);
	assert_int_equal(m[0].month, 11);
	assert_int_equal(m[0].count, 2);
	assert_int_equal(m[1].month, 10);
	assert_int_equal(m[1].count, 2);
	fixture_exec(fx->db, "UPDATE settings SET value = 'Asia/Jakarta'"
			     " WHERE key = 'timezone'");

	/* Before 202 was published, November has nothing. */
	assert_int_equal(db_feed_months(fx->db, &fx->a, 1730393999, WIB, &m,
					&n),
			 W_OK);
	assert_int_equal(n, 2);
	assert_int_equal(m[0].month, 10);

	fixture_exec(fx->db, "DELETE FROM articles");
	assert_int_equal(db_feed_months(fx->db, &fx->a, NOW, WIB, &m, &n),
			 W_OK);
	assert_int_equal(n, 0);
	assert_null(m);
}

static void
test_month_urls(void **state)
{
	struct fx *fx = *state;
	struct feed_url *u;
	size_t n;
	month_fixture(fx->db);
	assert_int_equal(db_feed_month(fx->db, &fx->a, NOW, 2024, 10, WIB,
				       SITEMAP_MAX, &u, &n),
			 W_OK);
	assert_int_equal(n, 2);
	assert_int_equal(u[0].id, 201);
	assert_int_equal(u[1].id, 203);
	assert_string_equal(u[1].slug, "artikel-203");
	assert_int_equal(u[1].published_at, 1727715600);
	assert_int_equal(u[1].updated_at, 1727700000);
	assert_int_equal(u[0].updated_at, 1730393000);
	assert_int_equal(db_feed_month(fx->db, &fx->a, NOW, 2024, 11, WIB,
				       SITEMAP_MAX, &u, &n),
			 W_OK);
	assert_int_equal(n, 1);
	assert_int_equal(u[0].id, 202);
	assert_int_equal(db_feed_month(fx->db, &fx->a, NOW, 2024, 9, WIB,
				       SITEMAP_MAX, &u, &n),
			 W_OK);
	assert_int_equal(n, 1);
	assert_int_equal(u[0].id, 204);
	/* December wraps to January of the next year. */
	add_article(fx->db, 207, "published", 1735664400, 1735664400, 1);
	assert_int_equal(db_feed_month(fx->db, &fx->a, 1735664400, 2024, 12,
				       WIB, SITEMAP_MAX, &u, &n),
			 W_OK);
	assert_int_equal(n, 0);
	assert_int_equal(db_feed_month(fx->db, &fx->a, 1735664400, 2025, 1,
				       WIB, SITEMAP_MAX, &u, &n),
			 W_OK);
	assert_int_equal(n, 1);
	/* The limit, and months that do not exist. */
	assert_int_equal(db_feed_month(fx->db, &fx->a, NOW, 2024, 10, WIB, 1,
				       &u, &n),
			 W_OK);
	assert_int_equal(n, 1);
	assert_int_equal(u[0].id, 201);
	/* A part: from the skip + 1st, newest first; nothing past the
	 * month's rows or SITEMAP_SKIP_MAX. */
	assert_int_equal(db_feed_month_range(fx->db, &fx->a, NOW, 2024, 10,
					     WIB, 1, 5, &u, &n),
			 W_OK);
	assert_int_equal(n, 1);
	assert_int_equal(u[0].id, 203);
	assert_int_equal(db_feed_month_range(fx->db, &fx->a, NOW, 2024, 10,
					     WIB, 2, 5, &u, &n),
			 W_OK);
	assert_int_equal(n, 0);
	assert_int_equal(db_feed_month_range(fx->db, &fx->a, NOW, 2024, 10,
					     WIB, SITEMAP_SKIP_MAX + 1, 5, &u,
					     &n),
			 W_OK);
	assert_int_equal(n, 0);
	assert_int_equal(db_feed_month_range(fx->db, &fx->a, NOW, 2024, 10,
					     WIB, SIZE_MAX, SIZE_MAX, &u, &n),
			 W_OK);
	assert_int_equal(n, 0);
	static const int bad[][2] = {{2024, 0}, {2024, 13}, {0, 1},
				     {9999, 12}, {-1, 5}, {2024, -1}};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(db_feed_month(fx->db, &fx->a, NOW, bad[i][0],
					       bad[i][1], WIB, SITEMAP_MAX,
					       &u, &n),
				 W_NOTFOUND);
		assert_int_equal(n, 0);
	}
}

static void
test_pages(void **state)
{
	struct fx *fx = *state;
	struct feed_page *p;
	size_t n;
	assert_int_equal(db_feed_pages(fx->db, &fx->a, NOW, &p, &n), W_OK);
	assert_int_equal(n, 6);
	/* Sections in home-page order; nothing hidden-only. */
	assert_int_equal(p[0].kind, FEED_SECTION);
	assert_string_equal(p[0].slug, "ekonomi");
	/* lastmod is the newest story's publication, not its edits: one
	 * index seek per page (59 was edited at NOW - 5). */
	assert_int_equal(p[0].lastmod, base_time(60));
	assert_string_equal(p[1].slug, "daerah");
	assert_int_equal(p[1].lastmod, base_time(59));
	assert_int_equal(p[2].kind, FEED_TAG);
	assert_string_equal(p[2].slug, "banjir");
	assert_int_equal(p[2].lastmod, base_time(60));
	assert_string_equal(p[3].slug, "pilkada");
	assert_int_equal(p[4].kind, FEED_AUTHOR);
	assert_string_equal(p[4].slug, "ani");
	assert_int_equal(p[4].lastmod, base_time(60));
	assert_string_equal(p[5].slug, "budi");
	assert_int_equal(p[5].lastmod, base_time(60));

	/* Parts: every row of the three tables in its place, one at a
	 * time, gives the same list; nothing past the last row. */
	size_t rows, got = 0;
	struct feed_page *all = p, *one;
	assert_int_equal(db_feed_pages_count(fx->db, &rows), W_OK);
	assert_true(rows > n);
	for (size_t i = 0; i < rows + 2; i++) {
		size_t k;
		assert_int_equal(db_feed_pages_range(fx->db, &fx->a, NOW, i, 1,
						     &one, &k),
				 W_OK);
		assert_true(k <= 1);
		if (k == 1) {
			assert_true(got < n);
			assert_int_equal(one[0].kind, all[got].kind);
			assert_string_equal(one[0].slug, all[got].slug);
			assert_int_equal(one[0].lastmod, all[got].lastmod);
			got++;
		}
	}
	assert_int_equal(got, n);
	assert_int_equal(db_feed_pages_range(fx->db, &fx->a, NOW, 1, 3, &one,
					     &got),
			 W_OK);
	assert_true(got <= 3);
	assert_int_equal(db_feed_pages_range(fx->db, &fx->a, NOW, SIZE_MAX,
					     SIZE_MAX, &one, &got),
			 W_OK);
	assert_int_equal(got, 0);

	/* A scheduled article's publication counts as its change. */
	fixture_exec(fx->db, "UPDATE articles SET status = 'scheduled',"
			     " published_at = 1732150000, updated_at = 1"
			     " WHERE id = 60");
	assert_int_equal(db_feed_pages(fx->db, &fx->a, NOW, &p, &n), W_OK);
	assert_int_equal(p[0].lastmod, 1732150000);
	/* Before it is due, the page falls back to the rest. */
	assert_int_equal(db_feed_pages(fx->db, &fx->a, 1732149999, &p, &n),
			 W_OK);
	assert_int_equal(p[0].lastmod, base_time(58));
}

static void
test_query_plans(void **state)
{
	struct fx *fx = *state;
	struct article_list l;
	struct feed_month *m;
	struct feed_url *u;
	struct feed_page *p;
	size_t n;
	/* Prepare every statement of db_feed.c on the connection. */
	for (int s = 0; s < FEED__MAX; s++)
		assert_int_equal(db_feed_articles(fx->db, &fx->a, s, 1, NOW,
						  FEED_MAX, &l),
				 W_OK);
	assert_int_equal(db_feed_months(fx->db, &fx->a, NOW, WIB, &m, &n),
			 W_OK);
	assert_int_equal(db_feed_month(fx->db, &fx->a, NOW, 2024, 10, WIB,
				       SITEMAP_MAX, &u, &n),
			 W_OK);
	assert_int_equal(db_feed_news(fx->db, &fx->a, NOW, NEWS_MAX, &u, &n),
			 W_OK);
	assert_int_equal(db_feed_pages(fx->db, &fx->a, NOW, &p, &n), W_OK);

	/* Read the SQL back from SQLite so that the test checks the queries
	 * as they are. */
	int checked = 0, ranged = 0;
	for (sqlite3_stmt *st = sqlite3_next_stmt(db_sqlite(fx->db), NULL);
	     st; st = sqlite3_next_stmt(db_sqlite(fx->db), st)) {
		const char *sql = sqlite3_sql(st);
		if (!strstr(sql, "articles a") && !strstr(sql, "json_each") &&
		    !strstr(sql, "article_authors w") &&
		    !strstr(sql, "_timeline"))
			continue;
		char pl[2048];
		fixture_plan(fx->db, sql, pl, sizeof pl);
		/* No step scans articles, and none scans another table
		 * without an index but the sections (a handful) for the
		 * sitemap's page list, and a part of that list's rows (a
		 * subquery bounded by its own LIMIT, judged by its lines)... */
		bool keyed = false;
		assert_null(strstr(pl, "SCAN a"));
		for (char *line = pl; *line;) {
			char *nl = strchr(line, '\n');
			*nl = '\0';
			if (strncmp(line, "SCAN ", 5) == 0 &&
			    !strstr(line, "VIRTUAL TABLE") &&
			    strcmp(line, "SCAN s") != 0 &&
			    strncmp(line, "SCAN (subquery-", 15) != 0)
				assert_non_null(strstr(line, "USING"));
			keyed = keyed || strstr(line, "USING INDEX") ||
				strstr(line, "USING COVERING INDEX") ||
				strstr(line, "PRIMARY KEY");
			line = nl + 1;
		}
		assert_true(keyed);
		/* ... the whole-site ones read the public index by a range of
		 * published_at, and the month and news ones bound it on both
		 * sides. */
		fixture_plan(fx->db, sql, pl, sizeof pl);
		if (strstr(sql, "INDEXED BY articles_live ")) {
			assert_non_null(strstr(pl, "INDEX articles_live ("));
			assert_non_null(strstr(pl, "published_at<?"));
		}
		if (strstr(sql, "a.published_at >= ?1 AND") ||
		    strstr(sql, "a.published_at > ?2")) {
			assert_non_null(strstr(pl, "published_at>?"));
			ranged++;
		}
		if (strstr(sql, "articles_live_section"))
			assert_non_null(strstr(pl, "articles_live_section"));
		/* ... a month's URLs and today's count read the covering
		 * index alone; a tag's or an author's stories their
		 * timeline by its key. */
		if (strstr(sql, "articles_sitemap"))
			assert_non_null(strstr(pl, "COVERING INDEX "
						   "articles_sitemap ("));
		if (strstr(sql, "_timeline"))
			assert_non_null(strstr(pl, "_id=?"));
		/* A tag's timeline is in the order the feed wants. */
		if (strstr(sql, "FROM tag_timeline t CROSS JOIN") ||
		    strstr(sql, "FROM author_timeline w CROSS JOIN"))
			assert_null(strstr(pl, "TEMP B-TREE"));
		/* Sorting is for the join-driven feeds and small groups. */
		if (strstr(sql, "INDEXED BY articles_live ") &&
		    !strstr(sql, "GROUP BY"))
			assert_null(strstr(pl, "TEMP B-TREE"));
		checked++;
	}
	/* Four feeds, bylines, tags, today's count, a month, news, three
	 * page lists. */
	assert_int_equal(checked, 12);
	assert_int_equal(ranged, 3); /* a month, news, today's count */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_feed_all, setup, teardown),
		cmocka_unit_test_setup_teardown(test_feed_scopes, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_hostile_text, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_news_window, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_months, setup, teardown),
		cmocka_unit_test_setup_teardown(test_month_urls, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_query_plans, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
