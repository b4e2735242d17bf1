/* test_db_media.c - the picture library's data: add finds by key, the
 * list pages by (created_at, id) and searches captions and credits (a LIKE
 * wildcard is plain text), edits, deletion refused while a public story
 * shows the picture, alt texts missing, and the plan of the list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "db_media.h"
#include "fixture.h"

static struct picture
pic(const char *key, int w, int h)
{
	struct picture p = {.width = w, .height = h, .fx = 500, .fy = 500};
	memcpy(p.key, key, PICTURE_KEY_LEN + 1);
	return p;
}

/* Adds a picture at time t with caption and credit; returns its id. */
static int64_t
add(struct db *db, const char *key, int64_t t, const char *caption,
    const char *credit)
{
	struct picture p = pic(key, 800, 600);
	int64_t id;
	bool created;
	assert_int_equal(db_media_add(db, &p, 1234, 0, t, &id, &created),
			 W_OK);
	assert_true(created);
	assert_int_equal(db_media_update(db, id, caption, credit, "", 500,
					 500, t),
			 W_OK);
	return id;
}

static void
test_add_find_list(void **state)
{
	(void)state;
	struct db *db = fixture_db();
	struct arena a;
	arena_init(&a);
	int64_t one = add(db, "0000000000000001", 100, "Kotak suara tiba",
			  "Foto: Warta/Ani");
	int64_t two = add(db, "0000000000000002", 200, "Antrean 100% warga",
			  "Foto: ANTARA/Budi");
	int64_t three = add(db, "0000000000000003", 200, "Rapat pleno",
			    "Ilustrasi: Warta");

	/* The same key again: the same row, not a new one. */
	struct picture p = pic("0000000000000001", 1, 1);
	int64_t id;
	bool created;
	assert_int_equal(db_media_add(db, &p, 1, 0, 300, &id, &created),
			 W_OK);
	assert_false(created);
	assert_int_equal(id, one);
	assert_int_equal(db_media_by_key(db, "0000000000000002", &id), W_OK);
	assert_int_equal(id, two);
	assert_int_equal(db_media_by_key(db, "00000000000000ff", &id),
			 W_NOTFOUND);
	p.key[0] = 'X';
	assert_int_equal(db_media_add(db, &p, 1, 0, 300, &id, &created),
			 W_INVAL);

	/* Newest first, ties by id; pages by (time, id). */
	struct media_item *items;
	size_t n;
	bool more;
	assert_int_equal(db_media_list(db, &a, "", 0, 0, 2, &items, &n, &more),
			 W_OK);
	assert_int_equal(n, 2);
	assert_true(more);
	assert_int_equal(items[0].id, three);
	assert_int_equal(items[1].id, two);
	assert_string_equal(items[1].pic.key, "0000000000000002");
	assert_int_equal(items[1].pic.width, 800);
	assert_int_equal(db_media_list(db, &a, "", items[1].created_at,
				       items[1].id, 2, &items, &n, &more),
			 W_OK);
	assert_int_equal(n, 1);
	assert_false(more);
	assert_int_equal(items[0].id, one);

	/* Search: caption or credit, anywhere, case as SQLite's LIKE; % is
	 * a character, not a wildcard. */
	assert_int_equal(db_media_list(db, &a, "warta", 0, 0, 10, &items, &n,
				       &more),
			 W_OK);
	assert_int_equal(n, 2);
	assert_int_equal(db_media_list(db, &a, "100%", 0, 0, 10, &items, &n,
				       &more),
			 W_OK);
	assert_int_equal(n, 1);
	assert_int_equal(items[0].id, two);
	assert_int_equal(db_media_list(db, &a, "0%", 0, 0, 10, &items, &n,
				       &more),
			 W_OK);
	assert_int_equal(n, 1);

	/* Edits: the focal point stays in range. */
	assert_int_equal(db_media_update(db, one, "a", "b", "c", 1001, 0, 9),
			 W_INVAL);
	assert_int_equal(db_media_update(db, 999, "a", "b", "c", 1, 0, 9),
			 W_NOTFOUND);
	struct media_item m;
	assert_int_equal(db_media_update(db, one, "a", "b", "c", 1000, 0, 9),
			 W_OK);
	assert_int_equal(db_media_get(db, &a, one, &m), W_OK);
	assert_string_equal(m.alt, "c");
	assert_int_equal(m.pic.fx, 1000);
	assert_int_equal(m.pic.fy, 0);

	/* The library's listing walks its index, never sorts. */
	char plan[2048];
	fixture_plan(db,
		     "SELECT id FROM media m WHERE (100 = 0 OR"
		     " (m.created_at, m.id) < (100, 5))"
		     " ORDER BY m.created_at DESC, m.id DESC LIMIT 31",
		     plan, sizeof plan);
	assert_non_null(strstr(plan, "media_created"));
	assert_null(strstr(plan, "TEMP B-TREE"));
	arena_fini(&a);
	db_close(db);
}

static void
test_delete_and_alt(void **state)
{
	(void)state;
	struct db *db = fixture_db();
	struct arena a;
	arena_init(&a);
	int64_t shown = add(db, "00000000000000a1", 10, "Dipakai", "");
	int64_t draft = add(db, "00000000000000a2", 11, "Di draf", "");
	fixture_exec(db,
		     "INSERT INTO sections (id, slug, name) VALUES (1, 's', 'S');"
		     "INSERT INTO articles (id, slug, title, lead, dateline,"
		     " body_md, body_html, status, section_id, published_at,"
		     " created_at, updated_at) VALUES"
		     " (1, 'terbit', 'Berita terbit', '', '', '', '',"
		     " 'published', 1, 5, 5, 5),"
		     " (2, 'draf', 'Berita draf', '', '', '', '', 'draft', 1,"
		     " NULL, 5, 5);");
	char sql[256];
	snprintf(sql, sizeof sql,
		 "INSERT INTO article_media VALUES (%lld, 1), (%lld, 2);"
		 "UPDATE articles SET image_id = %lld WHERE id = 2;",
		 (long long)shown, (long long)draft, (long long)draft);
	fixture_exec(db, sql);

	struct media_use *uses;
	size_t n;
	assert_int_equal(db_media_uses(db, &a, shown, 10, &uses, &n), W_OK);
	assert_int_equal(n, 1);
	assert_string_equal(uses[0].title, "Berita terbit");
	assert_true(uses[0].public);

	/* A published story shows it: refused, nothing changes. */
	struct media_item gone;
	assert_int_equal(db_media_delete(db, &a, shown, 0, "", 20, &gone),
			 W_CONFLICT);
	assert_int_equal(fixture_count(db, "SELECT count(*) FROM media"), 2);
	assert_int_equal(fixture_count(db, "SELECT count(*) FROM article_media"),
			 2);
	/* A draft's picture goes, and the draft loses it. */
	assert_int_equal(db_media_delete(db, &a, draft, 0, "", 20, &gone),
			 W_OK);
	assert_string_equal(gone.pic.key, "00000000000000a2");
	assert_int_equal(fixture_count(db, "SELECT count(*) FROM media"), 1);
	assert_int_equal(fixture_count(db, "SELECT count(*) FROM article_media"
					   " WHERE article_id = 2"),
			 0);
	assert_int_equal(fixture_count(db, "SELECT count(*) FROM articles"
					   " WHERE image_id IS NOT NULL"),
			 0);
	assert_int_equal(fixture_count(db, "SELECT count(*) FROM audit_log"
					   " WHERE action = 'media.delete'"),
			 1);
	assert_int_equal(db_media_delete(db, &a, draft, 0, "", 20, &gone),
			 W_NOTFOUND);

	/* Alt texts: the first picture without one; unknown ids skipped. */
	int64_t ids[] = {999, shown}, missing;
	assert_int_equal(db_media_alt_missing(db, ids, 2, &missing), W_OK);
	assert_int_equal(missing, shown);
	assert_int_equal(db_media_update(db, shown, "", "", "Teks", 500, 500,
					 30),
			 W_OK);
	assert_int_equal(db_media_alt_missing(db, ids, 2, &missing), W_OK);
	assert_int_equal(missing, 0);
	assert_int_equal(db_media_alt_missing(db, ids, 0, &missing), W_OK);
	arena_fini(&a);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_find_list),
		cmocka_unit_test(test_delete_and_alt),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
