/* test_db_live.c - live blogs in the database: open and close, posting to
 * open blogs only, versions that move with every change, edits and
 * deletions as tombstones with revisions and audit rows, the changes a
 * poll reads, the public links, rendering the demo's bodies, and the
 * indexes every listing uses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "db_live.h"
#include "fixture.h"

#define NOW 1732694700 /* 2024-11-27 08:05 UTC, 15:05 WIB */

struct fx {
	struct db *db;
	struct arena a;
};

static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof *fx);
	fx->db = fixture_db();
	arena_init(&fx->a);
	fixture_exec(fx->db,
		"INSERT INTO sections (id, slug, name) VALUES (1, 'pilkada',"
		" 'Pilkada');"
		"INSERT INTO authors (id, slug, name, initials) VALUES"
		" (1, 'ana', 'Ana Wartawan', 'An');"
		"INSERT INTO users (id, email, name, role, author_id,"
		" password_hash, created_at) VALUES"
		" (1, 'ed@x', 'Edi Redaktur', 'editor', 1, 'x', 0),"
		" (2, 'rep@x', 'Rina Reporter', 'reporter', NULL, 'x', 0);"
		"INSERT INTO articles (id, slug, title, status, section_id,"
		" published_at, updated_at, created_at) VALUES"
		" (10, 'langsung', 'Langsung', 'published', 1, 1732600000,"
		" 1732600000, 1732600000),"
		" (11, 'draf', 'Draf', 'draft', 1, NULL, 1732600000,"
		" 1732600000),"
		" (12, 'lama', 'Lama', 'published', 1, 1700000000, 1700000000,"
		" 1700000000);");
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

static const struct live_who ED = {1, "127.0.0.1", NOW};
static const struct live_who REP = {2, "127.0.0.2", NOW + 60};

static int64_t
post(struct fx *fx, int64_t article, const char *md, int64_t at,
     const struct live_who *who)
{
	struct live_update u = {.article_id = article, .posted_at = at,
				.body_md = md, .author_id = 1};
	assert_int_equal(db_live_post(fx->db, &u, NULL, who), W_OK);
	assert_true(u.id > 0);
	return u.id;
}

static void
test_open_close(void **state)
{
	struct fx *fx = *state;
	struct live_blog b;
	assert_int_equal(db_live_get(fx->db, 10, &b), W_NOTFOUND);
	assert_int_equal(db_live_open(fx->db, 999, &ED), W_NOTFOUND);
	assert_int_equal(db_live_close(fx->db, 10, &ED), W_NOTFOUND);
	assert_int_equal(db_live_open(fx->db, 10, &ED), W_OK);
	assert_int_equal(db_live_open(fx->db, 10, &ED), W_CONFLICT);
	assert_int_equal(db_live_get(fx->db, 10, &b), W_OK);
	assert_int_equal(b.started_at, NOW);
	assert_int_equal(b.ended_at, 0);
	int64_t v = b.version;
	struct live_who later = ED;
	later.now = NOW + 3600;
	assert_int_equal(db_live_close(fx->db, 10, &later), W_OK);
	assert_int_equal(db_live_close(fx->db, 10, &later), W_CONFLICT);
	assert_int_equal(db_live_get(fx->db, 10, &b), W_OK);
	assert_int_equal(b.ended_at, NOW + 3600);
	assert_true(b.version > v);
	/* Reopening keeps the coverage start. */
	assert_int_equal(db_live_open(fx->db, 10, &later), W_OK);
	assert_int_equal(db_live_get(fx->db, 10, &b), W_OK);
	assert_int_equal(b.started_at, NOW);
	assert_int_equal(b.ended_at, 0);
	assert_int_equal(fixture_count(fx->db, "SELECT count(*) FROM audit_log"
				       " WHERE action = 'live.open'"), 2);
	assert_int_equal(fixture_count(fx->db, "SELECT count(*) FROM audit_log"
				       " WHERE action = 'live.close'"), 1);
}

static void
test_post_order_edit_delete(void **state)
{
	struct fx *fx = *state;
	struct live_update u = {.article_id = 10, .posted_at = NOW,
				.body_md = "Belum dibuka"};
	assert_int_equal(db_live_post(fx->db, &u, NULL, &ED), W_NOTFOUND);
	assert_int_equal(db_live_open(fx->db, 10, &ED), W_OK);
	u.body_md = " \n\t";
	assert_int_equal(db_live_post(fx->db, &u, NULL, &ED), W_INVAL);
	assert_int_equal(fixture_count(fx->db, "SELECT count(*) FROM"
				       " live_updates"), 0);
	int64_t a = post(fx, 10, "Pertama", NOW, &ED);
	int64_t b = post(fx, 10, "Kedua, **tebal**", NOW + 60, &REP);
	int64_t c = post(fx, 10, "Ketiga, waktu sama", NOW + 60, &ED);
	struct live_update *l;
	size_t n;
	assert_int_equal(db_live_updates(fx->db, &fx->a, 10, 10, &l, &n),
			 W_OK);
	assert_int_equal(n, 3);
	/* Newest first; the same minute by id. */
	assert_int_equal(l[0].id, c);
	assert_int_equal(l[1].id, b);
	assert_int_equal(l[2].id, a);
	assert_string_equal(l[1].body_html,
			    "<p>Kedua, <strong>tebal</strong></p>\n");
	assert_string_equal(l[0].author, "Ana Wartawan");
	assert_int_equal(l[1].user_id, 2);

	struct live_blog blog;
	assert_int_equal(db_live_get(fx->db, 10, &blog), W_OK);
	int64_t v = blog.version;
	struct live_update e = l[2];
	e.body_md = "Pertama, dikoreksi";
	struct live_who later = ED;
	later.now = NOW + 120;
	assert_int_equal(db_live_edit(fx->db, &e, NULL, false, &later), W_OK);
	assert_int_equal(db_live_delete(fx->db, b, &later), W_OK);
	assert_int_equal(db_live_delete(fx->db, b, &later), W_NOTFOUND);
	e.id = b;
	assert_int_equal(db_live_edit(fx->db, &e, NULL, false, &later),
			 W_NOTFOUND);
	e.id = a;
	e.body_md = "";
	assert_int_equal(db_live_edit(fx->db, &e, NULL, false, &later),
			 W_INVAL);

	/* What a poll at version v reads: the edit and the tombstone. */
	bool more;
	assert_int_equal(db_live_changes(fx->db, &fx->a, 10, v, 10, &l, &n,
					 &more),
			 W_OK);
	assert_int_equal(n, 2);
	assert_false(more);
	assert_int_equal(l[0].id, a);
	assert_string_equal(l[0].body_md, "Pertama, dikoreksi");
	assert_int_equal(l[1].id, b);
	assert_true(l[1].deleted);
	assert_int_equal(db_live_changes(fx->db, &fx->a, 10, 0, 1, &l, &n,
					 &more),
			 W_OK);
	assert_int_equal(n, 1);
	assert_true(more);
	assert_int_equal(db_live_updates(fx->db, &fx->a, 10, 10, &l, &n),
			 W_OK);
	assert_int_equal(n, 2);

	/* Revisions: post, edit, delete; the deleted text kept. */
	struct live_revision *r;
	assert_int_equal(db_live_revisions(fx->db, &fx->a, b, 10, &r, &n),
			 W_OK);
	assert_int_equal(n, 2);
	assert_string_equal(r[0].action, "live.delete");
	assert_string_equal(r[0].body_md, "Kedua, **tebal**");
	assert_string_equal(r[1].action, "live.post");
	assert_string_equal(r[1].user_name, "Rina Reporter");
	assert_int_equal(fixture_count(fx->db, "SELECT count(*) FROM audit_log"
				       " WHERE action LIKE 'live.%' AND"
				       " article_id = 10"),
			 1 + 3 + 1 + 1);

	/* A closed blog takes no posts but its updates may be fixed. */
	assert_int_equal(db_live_close(fx->db, 10, &later), W_OK);
	u.body_md = "Terlambat";
	assert_int_equal(db_live_post(fx->db, &u, NULL, &ED), W_CONFLICT);
	e.body_md = "Dikoreksi setelah ditutup";
	assert_int_equal(db_live_edit(fx->db, &e, NULL, false, &later), W_OK);
}

static void
test_picture(void **state)
{
	struct fx *fx = *state;
	assert_int_equal(db_live_open(fx->db, 10, &ED), W_OK);
	struct admin_media m = {"0123456789abcdef0123456789abcdef.png",
				"image/png", 120, 0};
	struct live_update u = {.article_id = 10, .posted_at = NOW,
				.body_md = "Dengan foto"};
	assert_int_equal(db_live_post(fx->db, &u, &m, &ED), W_OK);
	struct live_update got;
	assert_int_equal(db_live_update_get(fx->db, &fx->a, u.id, &got), W_OK);
	assert_string_equal(got.image_name, m.name);
	/* An edit keeps it unless told to drop it. */
	assert_int_equal(db_live_edit(fx->db, &got, NULL, false, &ED), W_OK);
	assert_int_equal(db_live_update_get(fx->db, &fx->a, u.id, &got), W_OK);
	assert_string_equal(got.image_name, m.name);
	assert_int_equal(db_live_edit(fx->db, &got, NULL, true, &ED), W_OK);
	assert_int_equal(db_live_update_get(fx->db, &fx->a, u.id, &got), W_OK);
	assert_string_equal(got.image_name, "");
}

static void
test_links(void **state)
{
	struct fx *fx = *state;
	struct live_link *l, one;
	size_t n;
	assert_int_equal(db_live_latest_link(fx->db, &fx->a, NOW, &one),
			 W_NOTFOUND);
	struct live_who early = ED;
	early.now = NOW - 7200;
	assert_int_equal(db_live_open(fx->db, 12, &early), W_OK);
	assert_int_equal(db_live_close(fx->db, 12, &ED), W_OK);
	/* A draft's open live blog is never linked. */
	assert_int_equal(db_live_open(fx->db, 11, &ED), W_OK);
	assert_int_equal(db_live_open_links(fx->db, &fx->a, NOW, 8, &l, &n),
			 W_OK);
	assert_int_equal(n, 0);
	assert_int_equal(db_live_latest_link(fx->db, &fx->a, NOW, &one),
			 W_OK);
	assert_int_equal(one.article_id, 12);
	assert_true(one.ended_at > 0);
	/* An open one wins over a closed one. */
	assert_int_equal(db_live_open(fx->db, 10, &early), W_OK);
	assert_int_equal(db_live_open_links(fx->db, &fx->a, NOW, 8, &l, &n),
			 W_OK);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].article_id, 10);
	assert_string_equal(l[0].slug, "langsung");
	assert_int_equal(db_live_latest_link(fx->db, &fx->a, NOW, &one),
			 W_OK);
	assert_int_equal(one.article_id, 10);
	assert_int_equal(one.ended_at, 0);
}

static void
test_render_missing(void **state)
{
	struct fx *fx = *state;
	assert_int_equal(db_live_open(fx->db, 10, &ED), W_OK);
	fixture_exec(fx->db,
		"INSERT INTO live_updates (article_id, posted_at, body_md,"
		" body_html, version, created_at, updated_at) VALUES"
		" (10, 1, 'Demo *satu*', '', 1, 1, 1),"
		" (10, 2, '[[hasil:banten]]', '', 2, 2, 2);");
	assert_int_equal(db_live_render_missing(fx->db), W_OK);
	char out[200];
	assert_string_equal(fixture_text(fx->db, "SELECT group_concat("
					 "body_html, '|') FROM (SELECT"
					 " body_html FROM live_updates ORDER BY"
					 " id)",
					 out, sizeof out),
			    "<p>Demo <em>satu</em></p>\n|<!--hasil:banten-->\n");
}

/* Every listing reads an index, never a full scan. */
static void
test_plans(void **state)
{
	struct fx *fx = *state;
	struct live_update *l;
	struct live_link *k, one;
	size_t n;
	bool more;
	assert_int_equal(db_live_updates(fx->db, &fx->a, 10, 5, &l, &n), W_OK);
	assert_int_equal(db_live_changes(fx->db, &fx->a, 10, 0, 5, &l, &n,
					 &more),
			 W_OK);
	assert_int_equal(db_live_open_links(fx->db, &fx->a, NOW, 5, &k, &n),
			 W_OK);
	assert_int_equal(db_live_latest_link(fx->db, &fx->a, NOW, &one),
			 W_NOTFOUND);
	static const char *const want[][2] = {
		{"INDEXED BY live_updates_shown", "live_updates_shown"},
		{"INDEXED BY live_updates_version", "live_updates_version"},
		{"INDEXED BY live_blogs_open", "live_blogs_open"},
		{"INDEXED BY live_blogs_started", "live_blogs_started"},
	};
	int checked = 0;
	for (sqlite3_stmt *st = sqlite3_next_stmt(db_sqlite(fx->db), NULL);
	     st; st = sqlite3_next_stmt(db_sqlite(fx->db), st)) {
		const char *sql = sqlite3_sql(st);
		for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
			if (!strstr(sql, want[i][0]))
				continue;
			char p[4096];
			fixture_plan(fx->db, sql, p, sizeof p);
			if (!strstr(p, want[i][1]))
				fail_msg("%s: want %s in:\n%s", sql, want[i][1],
					 p);
			if (strstr(p, "USE TEMP B-TREE FOR ORDER BY") &&
			    i != 3)
				fail_msg("%s: sorts:\n%s", sql, p);
			checked++;
		}
	}
	assert_int_equal(checked, 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_close, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_post_order_edit_delete,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_picture, setup, teardown),
		cmocka_unit_test_setup_teardown(test_links, setup, teardown),
		cmocka_unit_test_setup_teardown(test_render_missing, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_plans, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
