/* test_db_article.c - article queries against a small hand-made newsroom:
 * visibility, keyset paging with ties, bylines, related articles, and
 * that every listing uses an index. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "db_article.h"
#include "db_taxonomy.h"
#include "migrate.h"
#include "fixture.h"

#define NOW 1700000000
#define NPUBLIC 25 /* ids 1..25 are public */
#define NALL 31

/* The fixture: ids 1..25 are public, with some sharing a second so that
 * pages break inside a tie; 26..31 are everything that must stay hidden,
 * each placed in section 1, tag 1 and author 1's byline and featured, so
 * that any listing leaking them shows it. */
static int64_t
pub_time(int id)
{
	if (id == 25)
		return NOW; /* public from this very second */
	return NOW - 100000 + (id / 3) * 10;
}

static const struct {
	int id;
	const char *status;
	int64_t published_at; /* 0: NULL */
} hidden[] = {
	{26, "draft", 0},
	{27, "review", 0},
	{28, "scheduled", NOW + 1},
	{29, "unpublished", NOW - 50000},
	{30, "published", NOW + 50},
	{31, "draft", NOW - 40000}, /* published once, back to draft */
};

static int
section_of(int id)
{
	return id > NPUBLIC || id % 2 ? 1 : 2;
}

static bool
has_tag1(int id)
{
	return id > NPUBLIC || id % 3 == 0;
}

static bool
by_author2(int id)
{
	return id > NPUBLIC || id % 2 == 0 || id == 1;
}

struct fx {
	struct db *db;
	struct arena a;
};

static void
insert_article(struct db *db, int id, const char *status, int64_t t,
	       bool featured)
{
	char sql[512], pub[32] = "NULL";
	if (t)
		snprintf(pub, sizeof pub, "%lld", (long long)t);
	snprintf(sql, sizeof sql,
		 "INSERT INTO articles (id, slug, title, lead, body_md,"
		 " status, section_id, published_at, updated_at, created_at,"
		 " featured) VALUES (%d, 'artikel-%d', 'Judul %d',"
		 " 'Lead %d', 'Isi %d', '%s', %d, %s, %d, %d, %d)",
		 id, id, id, id, id, status, section_of(id), pub, NOW - 1000,
		 NOW - 200000, featured);
	fixture_exec(db, sql);
	snprintf(sql, sizeof sql,
		 "INSERT INTO article_authors VALUES (%d, 1, 1)", id);
	fixture_exec(db, sql);
	if (by_author2(id)) {
		snprintf(sql, sizeof sql,
			 "INSERT INTO article_authors VALUES (%d, 2, 2)", id);
		fixture_exec(db, sql);
	}
	if (has_tag1(id)) {
		snprintf(sql, sizeof sql,
			 "INSERT INTO article_tags VALUES (%d, 1, 1)", id);
		fixture_exec(db, sql);
	}
}

static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof *fx);
	fx->db = fixture_db();
	arena_init(&fx->a);
	fixture_exec(fx->db,
		"INSERT INTO sections (id, slug, name, position) VALUES"
		" (1, 'daerah', 'Daerah', 2), (2, 'ekonomi', 'Ekonomi', 1),"
		" (3, 'olahraga', 'Olahraga', 1);"
		"INSERT INTO authors (id, slug, name, initials, bio) VALUES"
		" (1, 'ani', 'Ani Rahma', 'ani', 'Wartawan'),"
		" (2, 'budi', 'Budi Santoso', 'bud', ''),"
		" (3, 'citra', 'Citra <Dewi> \"O''Neil\"', 'cit', '');"
		"INSERT INTO tags (id, slug, name) VALUES (1, 'banjir',"
		" 'Banjir'), (2, 'khusus', 'Khusus'), (3, 'pilkada',"
		" 'Pilkada');");
	for (int id = 1; id <= NPUBLIC; id++)
		insert_article(fx->db, id, id % 4 ? "published" : "scheduled",
			       pub_time(id), id == 5 || id == 20);
	for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++)
		insert_article(fx->db, hidden[i].id, hidden[i].status,
			       hidden[i].published_at, true);
	/* Article 1: a byline of three out of id order, two tags, picks
	 * mixing public and hidden articles; tag 2 shared with 2, 3, 4, 10
	 * and the hidden 26 and 29. */
	fixture_exec(fx->db,
		"UPDATE article_authors SET position = 1 WHERE article_id = 1;"
		"INSERT INTO article_authors VALUES (1, 3, 0);"
		"INSERT INTO article_tags VALUES (1, 3, 0), (1, 2, 1),"
		" (2, 2, 0), (3, 2, 0), (4, 2, 0), (10, 2, 0), (26, 2, 0),"
		" (29, 2, 0);"
		"INSERT INTO article_related VALUES (1, 28, 0), (1, 10, 1),"
		" (1, 26, 2), (1, 4, 3);"
		"UPDATE articles SET dateline = 'Tangerang',"
		" body_html = '<p>Isi 1</p>' WHERE id = 1;");
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

/* Public ids matching pred, newest first by (published_at, id). */
static size_t
expected(bool (*pred)(int), int *ids)
{
	size_t n = 0;
	for (int id = 1; id <= NPUBLIC; id++)
		if (!pred || pred(id))
			ids[n++] = id;
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0; j--) {
			int64_t ta = pub_time(ids[j - 1]);
			int64_t tb = pub_time(ids[j]);
			if (ta > tb || (ta == tb && ids[j - 1] > ids[j]))
				break;
			int x = ids[j];
			ids[j] = ids[j - 1];
			ids[j - 1] = x;
		}
	return n;
}

typedef enum werr list_fn(struct db *, struct arena *, int64_t, int64_t,
			  const struct cursor *, size_t,
			  struct article_list *);

static enum werr
latest(struct db *db, struct arena *a, int64_t key, int64_t now,
       const struct cursor *c, size_t limit, struct article_list *out)
{
	(void)key;
	return db_articles_latest(db, a, now, c, limit, out);
}

/* Pages through a listing 10 at a time and checks it returns exactly the
 * expected ids, each once, in order, with correct cursors. */
static void
check_listing(struct fx *fx, list_fn *fn, int64_t key, const int *want,
	      size_t nwant)
{
	struct cursor c = {0, 0};
	size_t seen = 0;
	for (int page = 0;; page++) {
		struct article_list l;
		assert_int_equal(fn(fx->db, &fx->a, key, NOW, &c, 10, &l),
				 W_OK);
		assert_true(l.n <= 10);
		for (size_t i = 0; i < l.n; i++) {
			assert_true(seen < nwant);
			assert_int_equal(l.items[i].id, want[seen]);
			assert_int_equal(l.items[i].published_at,
					 pub_time(want[seen]));
			assert_true(l.items[i].nauthors >= 1);
			assert_int_equal(l.items[i].authors[0].id,
					 want[seen] == 1 ? 3 : 1);
			seen++;
		}
		if (!l.more) {
			assert_int_equal(l.next.time, 0);
			break;
		}
		assert_int_equal(l.n, 10);
		assert_int_equal(l.next.time, l.items[9].published_at);
		assert_int_equal(l.next.id, l.items[9].id);
		c = l.next;
		assert_true(page < 10);
	}
	assert_int_equal(seen, nwant);
}

static bool
in_section1(int id)
{
	return section_of(id) == 1;
}

static bool
in_section2(int id)
{
	return section_of(id) == 2;
}

static enum werr
by_section(struct db *db, struct arena *a, int64_t key, int64_t now,
	   const struct cursor *c, size_t limit, struct article_list *out)
{
	return db_articles_by_section(db, a, key, now, c, limit, out);
}

static enum werr
by_tag(struct db *db, struct arena *a, int64_t key, int64_t now,
       const struct cursor *c, size_t limit, struct article_list *out)
{
	return db_articles_by_tag(db, a, key, now, c, limit, out);
}

static enum werr
by_author(struct db *db, struct arena *a, int64_t key, int64_t now,
	  const struct cursor *c, size_t limit, struct article_list *out)
{
	return db_articles_by_author(db, a, key, now, c, limit, out);
}

static bool
tag2(int id)
{
	return (id >= 1 && id <= 4) || id == 10;
}

static void
test_latest_pages(void **state)
{
	struct fx *fx = *state;
	int want[NALL];
	size_t n = expected(NULL, want);
	assert_int_equal(n, 25);
	/* The fixture must really put a tie across the first page break. */
	assert_int_equal(pub_time(want[9]), pub_time(want[10]));
	assert_int_equal(want[0], 25);
	check_listing(fx, latest, 0, want, n);

	/* A NULL cursor is "from the newest" too. */
	struct article_list l;
	assert_int_equal(db_articles_latest(fx->db, &fx->a, NOW, NULL, 3, &l),
			 W_OK);
	assert_int_equal(l.n, 3);
	assert_true(l.more);
	assert_int_equal(l.items[0].id, 25);

	/* One second earlier, article 25 is not public yet. */
	assert_int_equal(db_articles_latest(fx->db, &fx->a, NOW - 1, NULL, 3,
					    &l),
			 W_OK);
	assert_int_equal(l.items[0].id, want[1]);

	/* Limit 0: nothing, but there is more. */
	assert_int_equal(db_articles_latest(fx->db, &fx->a, NOW, NULL, 0, &l),
			 W_OK);
	assert_int_equal(l.n, 0);
	assert_true(l.more);

	/* Past the oldest: an empty page. */
	struct cursor c = {1, 1};
	assert_int_equal(db_articles_latest(fx->db, &fx->a, NOW, &c, 10, &l),
			 W_OK);
	assert_int_equal(l.n, 0);
	assert_false(l.more);

	/* Every page size walks the same sequence. */
	for (size_t size = 1; size <= 26; size++) {
		struct cursor cur = {0, 0};
		size_t seen = 0;
		do {
			assert_int_equal(db_articles_latest(fx->db, &fx->a,
							    NOW, &cur, size,
							    &l),
					 W_OK);
			for (size_t i = 0; i < l.n; i++)
				assert_int_equal(l.items[i].id, want[seen++]);
			cur = l.next;
		} while (l.more);
		assert_int_equal(seen, 25);
	}
}

static void
test_filtered_listings(void **state)
{
	struct fx *fx = *state;
	int want[NALL];
	size_t n = expected(in_section1, want);
	check_listing(fx, by_section, 1, want, n);
	n = expected(in_section2, want);
	check_listing(fx, by_section, 2, want, n);
	check_listing(fx, by_section, 3, want, 0);
	check_listing(fx, by_section, 999, want, 0);

	n = expected(has_tag1, want);
	assert_int_equal(n, 8);
	check_listing(fx, by_tag, 1, want, n);
	n = expected(tag2, want);
	assert_int_equal(n, 5);
	check_listing(fx, by_tag, 2, want, n);
	check_listing(fx, by_tag, 999, want, 0);

	n = expected(NULL, want);
	check_listing(fx, by_author, 1, want, n);
	n = expected(by_author2, want);
	check_listing(fx, by_author, 2, want, n);
	int one[] = {1};
	check_listing(fx, by_author, 3, one, 1);
}

static void
test_section_fields(void **state)
{
	struct fx *fx = *state;
	struct article_list l;
	assert_int_equal(db_articles_by_section(fx->db, &fx->a, 2, NOW, NULL,
						1, &l),
			 W_OK);
	assert_int_equal(l.n, 1);
	const struct article *it = &l.items[0];
	assert_int_equal(it->id, 24);
	assert_string_equal(it->slug, "artikel-24");
	assert_string_equal(it->title, "Judul 24");
	assert_string_equal(it->lead, "Lead 24");
	assert_string_equal(it->section.slug, "ekonomi");
	assert_string_equal(it->section.name, "Ekonomi");
	assert_int_equal(it->status, ST_SCHEDULED);
	assert_int_equal(it->updated_at, NOW - 1000);
	assert_int_equal(it->created_at, NOW - 200000);
	assert_false(it->featured);
	assert_null(it->body_md);
	assert_int_equal(it->ntags, 0);
	assert_int_equal(it->nauthors, 2);
	assert_string_equal(it->authors[0].name, "Ani Rahma");
	assert_string_equal(it->authors[1].slug, "budi");
	assert_true(article_is_public(it, NOW));
}

static void
test_featured(void **state)
{
	struct fx *fx = *state;
	struct article art;
	assert_int_equal(db_article_featured(fx->db, &fx->a, NOW, &art),
			 W_OK);
	assert_int_equal(art.id, 20);
	assert_true(art.featured);
	assert_int_equal(art.nauthors, 2);
	assert_int_equal(db_article_featured(fx->db, &fx->a,
					     pub_time(20) - 1, &art),
			 W_OK);
	assert_int_equal(art.id, 5);
	assert_int_equal(db_article_featured(fx->db, &fx->a, pub_time(5) - 1,
					     &art),
			 W_NOTFOUND);
}

static void
test_by_slug(void **state)
{
	struct fx *fx = *state;
	struct article art;
	assert_int_equal(db_article_by_slug(fx->db, &fx->a, "artikel-1", &art),
			 W_OK);
	assert_int_equal(art.id, 1);
	assert_string_equal(art.title, "Judul 1");
	assert_string_equal(art.dateline, "Tangerang");
	assert_string_equal(art.body_md, "Isi 1");
	assert_string_equal(art.body_html, "<p>Isi 1</p>");
	assert_int_equal(art.status, ST_PUBLISHED);
	assert_string_equal(art.section.slug, "daerah");
	assert_string_equal(art.unpublish_reason, "");
	/* Byline order is position, not id. */
	assert_int_equal(art.nauthors, 3);
	assert_int_equal(art.authors[0].id, 3);
	assert_string_equal(art.authors[0].name, "Citra <Dewi> \"O'Neil\"");
	assert_int_equal(art.authors[1].id, 1);
	assert_string_equal(art.authors[1].initials, "ani");
	assert_string_equal(art.authors[1].bio, "Wartawan");
	assert_int_equal(art.authors[2].id, 2);
	assert_int_equal(art.ntags, 2);
	assert_string_equal(art.tags[0].slug, "pilkada");
	assert_string_equal(art.tags[1].slug, "khusus");

	struct article by_id;
	assert_int_equal(db_article_by_id(fx->db, &fx->a, 1, &by_id), W_OK);
	assert_string_equal(by_id.slug, "artikel-1");
	assert_int_equal(by_id.nauthors, 3);
	assert_int_equal(by_id.ntags, 2);

	/* Any status: the page decides what a reader may see. */
	assert_int_equal(db_article_by_slug(fx->db, &fx->a, "artikel-26",
					    &art),
			 W_OK);
	assert_int_equal(art.status, ST_DRAFT);
	assert_int_equal(art.published_at, 0);
	assert_false(article_is_public(&art, NOW));
	assert_int_equal(db_article_by_slug(fx->db, &fx->a, "artikel-28",
					    &art),
			 W_OK);
	assert_int_equal(art.status, ST_SCHEDULED);
	assert_false(article_is_public(&art, NOW));
	assert_true(article_is_public(&art, NOW + 1));

	assert_int_equal(db_article_by_slug(fx->db, &fx->a, "tidak-ada", &art),
			 W_NOTFOUND);
	assert_int_equal(db_article_by_id(fx->db, &fx->a, 999, &art),
			 W_NOTFOUND);
	const char *hostile[] = {
		"' OR '1'='1", "artikel-1' --", "\"artikel-1\"",
		"<script>alert(1)</script>", "artikel-1\xff", "artikel-",
		"",
	};
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++)
		assert_int_equal(db_article_by_slug(fx->db, &fx->a, hostile[i],
						    &art),
				 W_NOTFOUND);
	char big[5000];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(db_article_by_slug(fx->db, &fx->a, big, &art),
			 W_NOTFOUND);
}

static void
test_public_by_slug(void **state)
{
	struct fx *fx = *state;
	struct article art;
	assert_int_equal(db_article_public_by_slug(fx->db, &fx->a,
						   "artikel-25", NOW, &art),
			 W_OK);
	assert_int_equal(art.id, 25);
	assert_string_equal(art.title, "Judul 25");
	assert_int_equal(art.published_at, NOW);
	assert_int_equal(db_article_public_by_slug(fx->db, &fx->a,
						   "artikel-25", NOW - 1, &art),
			 W_NOTFOUND);
	for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++) {
		char slug[32];
		snprintf(slug, sizeof slug, "artikel-%d", hidden[i].id);
		assert_int_equal(db_article_public_by_slug(fx->db, &fx->a, slug,
							   NOW, &art),
				 W_NOTFOUND);
	}
	assert_int_equal(db_article_public_by_slug(fx->db, &fx->a,
						   "' OR 1=1 --", NOW, &art),
			 W_NOTFOUND);
}

/* A story's picture comes with it from every query: the media row's key,
 * size, focal point and alt, the story's caption and credit over the
 * library's; a legacy upload keeps its name and no key; none is id 0. */
static void
test_photo(void **state)
{
	struct fx *fx = *state;
	fixture_exec(fx->db,
		"INSERT INTO media (id, name, mime, size, created_at, pkey,"
		" width, height, focal_x, focal_y, caption, credit, alt)"
		" VALUES (7, 'a.jpg', 'image/jpeg', 1, 0, '0123456789abcdef',"
		" 4000, 3000, 250, 750, 'Pustaka', 'Foto: Pustaka', 'Alt <x>'),"
		" (8, 'lama.png', 'image/png', 1, 0, NULL, 0, 0, 500, 500, '',"
		" '', '');"
		"UPDATE articles SET image_id = 7, image_caption = 'Cerita'"
		" WHERE id = 25;"
		"UPDATE articles SET image_id = 7 WHERE id = 24;"
		"UPDATE articles SET image_id = 8 WHERE id = 23;");
	struct article_list l;
	assert_int_equal(db_articles_latest(fx->db, &fx->a, NOW, NULL, 4, &l),
			 W_OK);
	assert_int_equal(l.items[0].id, 25);
	const struct photo *p = &l.items[0].photo;
	assert_int_equal(p->id, 7);
	assert_string_equal(p->key, "0123456789abcdef");
	assert_string_equal(p->name, "a.jpg");
	assert_int_equal(p->width, 4000);
	assert_int_equal(p->height, 3000);
	assert_int_equal(p->fx, 250);
	assert_int_equal(p->fy, 750);
	assert_string_equal(p->alt, "Alt <x>");
	assert_string_equal(p->caption, "Cerita");
	assert_string_equal(p->credit, "Foto: Pustaka");
	for (size_t i = 1; i < l.n; i++) {
		p = &l.items[i].photo;
		if (l.items[i].id == 24) {
			assert_string_equal(p->caption, "Pustaka");
		} else if (l.items[i].id == 23) {
			assert_int_equal(p->id, 8);
			assert_string_equal(p->key, "");
			assert_string_equal(p->name, "lama.png");
			assert_int_equal(p->width, 0);
		} else {
			assert_int_equal(p->id, 0);
			assert_string_equal(p->key, "");
			assert_string_equal(p->alt, "");
		}
	}
	struct article art;
	assert_int_equal(db_article_by_slug(fx->db, &fx->a, "artikel-25", &art),
			 W_OK);
	assert_int_equal(art.photo.id, 7);
	assert_string_equal(art.photo.caption, "Cerita");
	assert_int_equal(db_article_public_by_slug(fx->db, &fx->a,
						   "artikel-24", NOW, &art),
			 W_OK);
	assert_int_equal(art.photo.id, 7);
	assert_int_equal(art.photo.fy, 750);
	assert_int_equal(db_article_by_slug(fx->db, &fx->a, "artikel-1", &art),
			 W_OK);
	assert_int_equal(art.photo.id, 0);
}

static void
test_related(void **state)
{
	struct fx *fx = *state;
	struct article art;
	assert_int_equal(db_article_by_slug(fx->db, &fx->a, "artikel-1", &art),
			 W_OK);
	struct article_list l;
	/* Public picks in the editor's order (10, 4; not 28 nor 26), then the
	 * newest sharing a tag (3, then 2), never 1 itself or hidden 26/29. */
	const int want[] = {10, 4, 3, 2};
	for (size_t limit = 0; limit <= 6; limit++) {
		assert_int_equal(db_articles_related(fx->db, &fx->a, &art, NOW,
						     limit, &l),
				 W_OK);
		size_t n = limit < 4 ? limit : 4;
		assert_int_equal(l.n, n);
		assert_false(l.more);
		for (size_t i = 0; i < n; i++) {
			assert_int_equal(l.items[i].id, want[i]);
			assert_true(l.items[i].nauthors >= 1);
			assert_int_equal(l.items[i].authors[0].id, 1);
		}
	}
	/* Article 10 has no picks and only tag 2, shared with 1..4; 3 and 4
	 * tie on time, so the higher id comes first. */
	assert_false(has_tag1(10));
	assert_int_equal(db_article_by_id(fx->db, &fx->a, 10, &art), W_OK);
	assert_int_equal(db_articles_related(fx->db, &fx->a, &art, NOW, 10,
					     &l),
			 W_OK);
	const int want10[] = {4, 3, 2, 1};
	assert_int_equal(l.n, 4);
	for (size_t i = 0; i < l.n; i++)
		assert_int_equal(l.items[i].id, want10[i]);
	/* A hidden article has public relations too, never itself: 26 has
	 * tags 1 and 2, and the newest public articles with tag 1 are these;
	 * an article sharing both tags appears once. */
	assert_int_equal(db_article_by_id(fx->db, &fx->a, 26, &art), W_OK);
	assert_int_equal(db_articles_related(fx->db, &fx->a, &art, NOW, 3,
					     &l),
			 W_OK);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.items[0].id, 24);
	assert_int_equal(l.items[1].id, 21);
	assert_int_equal(l.items[2].id, 18);
	assert_int_equal(db_articles_related(fx->db, &fx->a, &art, NOW, 100,
					     &l),
			 W_OK);
	assert_int_equal(l.n, 12); /* 3, 6, ..., 24 and 1, 2, 4, 10 */
}

static void
test_taxonomy(void **state)
{
	struct fx *fx = *state;
	struct section sec;
	struct tag tag;
	struct author au;
	assert_int_equal(db_section_by_slug(fx->db, &fx->a, "ekonomi", &sec),
			 W_OK);
	assert_int_equal(sec.id, 2);
	assert_string_equal(sec.name, "Ekonomi");
	assert_string_equal(sec.description, "");
	assert_int_equal(db_tag_by_slug(fx->db, &fx->a, "pilkada", &tag),
			 W_OK);
	assert_int_equal(tag.id, 3);
	assert_string_equal(tag.name, "Pilkada");
	assert_int_equal(db_author_by_slug(fx->db, &fx->a, "citra", &au),
			 W_OK);
	assert_int_equal(au.id, 3);
	assert_string_equal(au.name, "Citra <Dewi> \"O'Neil\"");
	assert_string_equal(au.initials, "cit");
	const char *bad[] = {"", "Ekonomi", "ekonomi ", "' OR 1=1 --",
			     "<script>", "\xff"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(db_section_by_slug(fx->db, &fx->a, bad[i],
						    &sec),
				 W_NOTFOUND);
		assert_int_equal(db_tag_by_slug(fx->db, &fx->a, bad[i], &tag),
				 W_NOTFOUND);
		assert_int_equal(db_author_by_slug(fx->db, &fx->a, bad[i],
						   &au),
				 W_NOTFOUND);
	}
	/* Home-page order: position, then name. */
	struct section *all;
	size_t n;
	assert_int_equal(db_sections_all(fx->db, &fx->a, &all, &n), W_OK);
	assert_int_equal(n, 3);
	assert_string_equal(all[0].slug, "ekonomi");
	assert_string_equal(all[1].slug, "olahraga");
	assert_string_equal(all[2].slug, "daerah");
}

/* Each hidden article, at every time that matters, in no listing. */
static void
test_hidden_everywhere(void **state)
{
	struct fx *fx = *state;
	int64_t times[] = {NOW, NOW - 1, NOW - 45000};
	for (size_t t = 0; t < sizeof times / sizeof times[0]; t++) {
		struct article_list ls[6];
		struct article art, feat;
		assert_int_equal(db_articles_latest(fx->db, &fx->a, times[t],
						    NULL, 100, &ls[0]),
				 W_OK);
		assert_int_equal(db_articles_by_section(fx->db, &fx->a, 1,
							times[t], NULL, 100,
							&ls[1]),
				 W_OK);
		assert_int_equal(db_articles_by_tag(fx->db, &fx->a, 1,
						    times[t], NULL, 100,
						    &ls[2]),
				 W_OK);
		assert_int_equal(db_articles_by_author(fx->db, &fx->a, 1,
						       times[t], NULL, 100,
						       &ls[3]),
				 W_OK);
		assert_int_equal(db_article_by_id(fx->db, &fx->a, 1, &art),
				 W_OK);
		assert_int_equal(db_articles_related(fx->db, &fx->a, &art,
						     times[t], 100, &ls[4]),
				 W_OK);
		assert_int_equal(db_article_featured(fx->db, &fx->a, times[t],
						     &feat),
				 W_OK);
		ls[5] = (struct article_list){&feat, 1, false, {0, 0}};
		for (size_t k = 0; k < 6; k++) {
			assert_false(ls[k].more);
			for (size_t i = 0; i < ls[k].n; i++) {
				const struct article *it = &ls[k].items[i];
				assert_true(it->id <= NPUBLIC);
				assert_true(it->published_at <= times[t]);
				assert_true(article_is_public(it, times[t]));
			}
		}
	}
}

static void
test_query_plans(void **state)
{
	struct fx *fx = *state;
	struct article_list l;
	struct article art;
	/* Prepare every listing statement on the connection. */
	assert_int_equal(db_articles_latest(fx->db, &fx->a, NOW, NULL, 5, &l),
			 W_OK);
	assert_int_equal(db_articles_by_section(fx->db, &fx->a, 1, NOW, NULL,
						5, &l),
			 W_OK);
	assert_int_equal(db_articles_by_tag(fx->db, &fx->a, 1, NOW, NULL, 5,
					    &l),
			 W_OK);
	assert_int_equal(db_articles_by_author(fx->db, &fx->a, 1, NOW, NULL,
					       5, &l),
			 W_OK);
	assert_int_equal(db_article_featured(fx->db, &fx->a, NOW, &art), W_OK);
	assert_int_equal(db_article_by_id(fx->db, &fx->a, 1, &art), W_OK);
	assert_int_equal(db_articles_related(fx->db, &fx->a, &art, NOW, 10,
					     &l),
			 W_OK);

	/* The statements are db.c's; read their SQL back from SQLite so the
	 * test checks the queries as they are, not copies. */
	int checked = 0;
	for (sqlite3_stmt *st = sqlite3_next_stmt(db_sqlite(fx->db), NULL);
	     st; st = sqlite3_next_stmt(db_sqlite(fx->db), st)) {
		const char *sql = sqlite3_sql(st);
		bool listing = strstr(sql, "a.published_at DESC") ||
			       strstr(sql, ".live_at DESC");
		bool lookup = strstr(sql, "FROM articles a") &&
			      (strstr(sql, "a.slug = ?") ||
			       strstr(sql, "a.id = ?"));
		bool byline = strstr(sql, "article_authors w") != NULL;
		if (!listing && !lookup && !byline &&
		    !strstr(sql, "article_related r"))
			continue;
		char p[2048];
		fixture_plan(fx->db, sql, p, sizeof p);
		/* Every step searches by an index or a key... */
		for (char *line = p; *line;) {
			char *nl = strchr(line, '\n');
			*nl = '\0';
			if (strncmp(line, "SCAN ", 5) == 0 &&
			    !strstr(line, "VIRTUAL TABLE"))
				assert_non_null(strstr(line, "USING"));
			line = nl + 1;
		}
		fixture_plan(fx->db, sql, p, sizeof p);
		assert_true(strstr(p, "USING INDEX") ||
			    strstr(p, "USING COVERING INDEX") ||
			    strstr(p, "USING INTEGER PRIMARY KEY") ||
			    strstr(p, "USING PRIMARY KEY"));
		/* ... and the public listings use their partial index. */
		if (listing && strstr(sql, "featured = 1"))
			assert_non_null(strstr(p, "articles_live_featured"));
		else if (listing && strstr(sql, "a.section_id = ?"))
			assert_non_null(strstr(p, "articles_live_section"));
		else if (listing && strstr(sql, "_timeline"))
			/* A tag's or an author's stories: their timeline by
			 * its key, in order, each row by id. */
			assert_true(strstr(p, "SEARCH t USING PRIMARY KEY "
					      "(tag_id=?") ||
				    strstr(p, "SEARCH w USING PRIMARY KEY "
					      "(author_id=?"));
		else if (listing && !strstr(sql, "JOIN articles a") &&
			 !strstr(sql, "a.id IN"))
			assert_non_null(strstr(p, "INDEX articles_live "));
		/* A search by status alone walks every published story. */
		assert_null(strstr(p, "(status=?)"));
		/* Only a page of ids (json_each) may be sorted; a byline is
		 * one key range, sorted by the caller. */
		if (listing && !strstr(sql, "json_each"))
			assert_null(strstr(p, "TEMP B-TREE"));
		if (byline) {
			assert_non_null(strstr(p, "SEARCH w USING PRIMARY KEY "
						  "(article_id=?)"));
			assert_null(strstr(p, "TEMP B-TREE"));
		}
		checked++;
	}
	/* latest, section, tag, author, featured, a tag's newest and the
	 * cards of the related, picks, by id, bylines; tags-of is not an
	 * articles query. */
	assert_int_equal(checked, 10);
}

/* A tag or an author is public once a public article carries it: drafts,
 * reviews, scheduled-for-later and unpublished articles do not count. One
 * index probe each, never a scan. */
static void
test_taxonomy_public(void **state)
{
	struct fx *fx = *state;
	fixture_exec(fx->db,
		"INSERT INTO tags (id, slug, name) VALUES (4, 'rahasia',"
		" 'Rahasia');"
		"INSERT INTO authors (id, slug, name, initials) VALUES"
		" (4, 'dewi', 'Dewi', 'dw');"
		"INSERT INTO article_tags VALUES (26, 4, 5), (27, 4, 5),"
		" (28, 4, 5), (29, 4, 5), (30, 4, 5), (31, 4, 5);"
		"INSERT INTO article_authors VALUES (26, 4, 5), (28, 4, 5),"
		" (29, 4, 5), (30, 4, 5);");
	assert_int_equal(db_tag_public(fx->db, 1, NOW), W_OK);
	assert_int_equal(db_tag_public(fx->db, 3, NOW), W_OK);
	assert_int_equal(db_tag_public(fx->db, 4, NOW), W_NOTFOUND);
	assert_int_equal(db_tag_public(fx->db, 99, NOW), W_NOTFOUND);
	assert_int_equal(db_author_public(fx->db, 3, NOW), W_OK);
	assert_int_equal(db_author_public(fx->db, 4, NOW), W_NOTFOUND);
	/* Article 28 is scheduled for NOW + 1: public from then on. */
	assert_int_equal(db_tag_public(fx->db, 4, NOW + 1), W_OK);
	assert_int_equal(db_author_public(fx->db, 4, NOW + 1), W_OK);

	int checked = 0;
	for (sqlite3_stmt *st = sqlite3_next_stmt(db_sqlite(fx->db), NULL); st;
	     st = sqlite3_next_stmt(db_sqlite(fx->db), st)) {
		const char *sql = sqlite3_sql(st);
		if (strncmp(sql, "SELECT EXISTS", 13) != 0)
			continue;
		char p[1024];
		fixture_plan(fx->db, sql, p, sizeof p);
		if (!strstr(p, "USING COVERING INDEX article_") ||
		    !strstr(p, "SEARCH a USING INTEGER PRIMARY KEY") ||
		    strstr(p, "SCAN a") || strstr(p, "SCAN t") ||
		    strstr(p, "SCAN w"))
			fail_msg("%s:\n%s", sql, p);
		checked++;
	}
	assert_int_equal(checked, 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_latest_pages, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_filtered_listings, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_section_fields, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_featured, setup, teardown),
		cmocka_unit_test_setup_teardown(test_by_slug, setup, teardown),
		cmocka_unit_test_setup_teardown(test_public_by_slug, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_related, setup, teardown),
		cmocka_unit_test_setup_teardown(test_photo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_taxonomy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_taxonomy_public, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_hidden_everywhere, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_query_plans, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
