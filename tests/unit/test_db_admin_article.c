/* test_db_admin_article.c - the editor's data layer: a save is one
 * transaction with a complete JSON revision and an audit row, and a failed
 * save writes nothing; who may do what; status changes; deletion;
 * restoring a revision; the admin listing's filters, keyset paging and
 * indexes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "db_admin.h"
#include "db_admin_article.h"
#include "db_admin_revision.h"
#include "migrate.h"
#include "fixture.h"

#define NOW 1732158900 /* 2024-11-21 03:15 UTC, 10:15 WIB */
#define EDITOR 1
#define REPORTER 2
#define OTHER 3

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
		"INSERT INTO sections (id, slug, name) VALUES"
		" (1, 'daerah', 'Daerah'), (2, 'politik', 'Politik');"
		"INSERT INTO authors (id, slug, name, initials) VALUES"
		" (1, 'ana', 'Ana', 'An'), (2, 'budi', 'Budi', 'Bd'),"
		" (3, 'citra', 'Citra', 'Ct');"
		"INSERT INTO tags (id, slug, name) VALUES (1, 'kpu', 'KPU');"
		"INSERT INTO users (id, email, name, role, author_id,"
		" password_hash, created_at) VALUES"
		" (1, 'ed@x', 'Edi Redaktur', 'editor', 2, 'x', 0),"
		" (2, 'rep@x', 'Rina Reporter', 'reporter', NULL, 'x', 0),"
		" (3, 'oth@x', 'Oki', 'reporter', NULL, 'x', 0);"
		"INSERT INTO articles (id, slug, title, status, section_id,"
		" published_at, updated_at, created_at) VALUES"
		" (100, 'berita-lama', 'Berita lama', 'published', 1,"
		" 1700000000, 1700000000, 1700000000);");
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

/* A draft by the reporter with two authors, two tags (one new), a pick
 * and no image. */
static void
sample(struct admin_article *a)
{
	memset(a, 0, sizeof *a);
	a->title = "Rekapitulasi suara <b>Tangerang</b> \"selesai\"";
	a->slug = "rekapitulasi-suara-tangerang";
	a->lead = "Lead 'kutipan'";
	a->dateline = "Tangerang";
	a->body_md = "Paragraf *satu*.\n\n<script>alert(1)</script>\n";
	a->section_id = 1;
	a->status = ST__MAX;
	a->author_ids[0] = 3;
	a->author_ids[1] = 1;
	a->nauthors = 2;
	a->tags[0] = "KPU";
	a->tags[1] = "Pilkada Serentak";
	a->ntags = 2;
	a->picks[0] = "berita-lama";
	a->picks[1] = "tidak-ada";
	a->npicks = 2;
	a->image_caption = "";
	a->image_credit = "";
	a->unpublish_reason = "";
}

static struct admin_save
saver(int64_t user, enum article_action act, int64_t now)
{
	return (struct admin_save){.user_id = user, .addr = "192.0.2.7",
				   .now = now, .act = act};
}

static int64_t
rows(struct fx *fx)
{
	/* Everything a save may touch, in one number. */
	return fixture_count(fx->db,
	    "SELECT (SELECT count(*) FROM articles) * 1000000"
	    " + (SELECT count(*) FROM revisions) * 10000"
	    " + (SELECT count(*) FROM audit_log) * 1000"
	    " + (SELECT count(*) FROM tags) * 100"
	    " + (SELECT count(*) FROM media) * 10"
	    " + (SELECT count(*) FROM article_authors)"
	    " + (SELECT count(*) FROM corrections)"
	    " + (SELECT count(*) FROM article_tags)");
}

static void
test_save_creates_revision(void **state)
{
	struct fx *fx = *state;
	struct admin_article a;
	sample(&a);
	const char *why, *field;
	assert_int_equal(db_admin_article_apply(&a, ACT_SAVE, REPORTER, NOW, 0,
						NULL, &why, &field),
			 W_OK);
	assert_int_equal(a.status, ST_DRAFT);
	struct admin_media img = {"0123456789abcdef0123456789abcdef.png",
				  "image/png", 1234, 0};
	struct admin_save s = saver(REPORTER, ACT_SAVE, NOW);
	s.image = &img;
	assert_int_equal(db_admin_article_save(fx->db, &a, &s), W_OK);
	assert_true(a.id > 100);
	assert_int_equal(a.created_by, REPORTER);
	assert_int_equal(a.created_at, NOW);
	assert_int_equal(a.updated_at, NOW);
	assert_true(a.image_id > 0);

	char buf[4096], q[512];
	snprintf(q, sizeof q,
		 "SELECT body_html || '|' || status || '|' || created_by"
		 " || '|' || image_id FROM articles WHERE id = %lld",
		 (long long)a.id);
	snprintf(buf, sizeof buf, "<p>Paragraf <em>satu</em>.</p>\n"
				  "<!-- raw HTML omitted -->\n|draft|2|%lld",
		 (long long)a.image_id);
	char got[4096];
	assert_string_equal(fixture_text(fx->db, q, got, sizeof got), buf);
	/* The new tag exists, made with slug_from. */
	assert_string_equal(fixture_text(fx->db,
				"SELECT name FROM tags WHERE slug ="
				" 'pilkada-serentak'",
				got, sizeof got),
			    "Pilkada Serentak");

	/* One revision with the whole article. */
	snprintf(q, sizeof q,
		 "SELECT count(*) FROM revisions WHERE article_id = %lld"
		 " AND user_id = 2 AND created_at = %d",
		 (long long)a.id, NOW);
	assert_int_equal(fixture_count(fx->db, q), 1);
	static const struct {
		const char *path, *want;
	} snap[] = {
		{"$.title", "Rekapitulasi suara <b>Tangerang</b> \"selesai\""},
		{"$.slug", "rekapitulasi-suara-tangerang"},
		{"$.lead", "Lead 'kutipan'"},
		{"$.dateline", "Tangerang"},
		{"$.body_md",
		 "Paragraf *satu*.\n\n<script>alert(1)</script>\n"},
		{"$.section", "daerah"},
		{"$.status", "draft"},
		{"$.created_at", "1732158900"},
		{"$.updated_at", "1732158900"},
		{"$.featured", "0"},
		{"$.authors",
		 "[{\"id\":3,\"slug\":\"citra\",\"name\":\"Citra\"},"
		 "{\"id\":1,\"slug\":\"ana\",\"name\":\"Ana\"}]"},
		{"$.tags", "[\"KPU\",\"Pilkada Serentak\"]"},
		{"$.picks", "[\"berita-lama\"]"},
		{"$.image.name", "0123456789abcdef0123456789abcdef.png"},
		{"$.image.mime", "image/png"},
		{"$.image_caption", ""},
		{"$.corrections", "[]"},
		{"$.published_at", "(null)"},
	};
	for (size_t i = 0; i < sizeof snap / sizeof snap[0]; i++) {
		snprintf(q, sizeof q,
			 "SELECT json_extract(snapshot, '%s') FROM revisions"
			 " WHERE article_id = %lld",
			 snap[i].path, (long long)a.id);
		assert_string_equal(fixture_text(fx->db, q, got, sizeof got),
				    snap[i].want);
	}
	snprintf(q, sizeof q,
		 "SELECT json_type(snapshot, '$.featured') || json_type("
		 "snapshot, '$.authors') || json_type(snapshot, '$.image')"
		 " FROM revisions WHERE article_id = %lld",
		 (long long)a.id);
	assert_string_equal(fixture_text(fx->db, q, got, sizeof got),
			    "falsearrayobject");
	snprintf(q, sizeof q,
		 "SELECT action || '|' || user_id || '|' || detail || '|' ||"
		 " addr FROM audit_log WHERE article_id = %lld",
		 (long long)a.id);
	assert_string_equal(fixture_text(fx->db, q, got, sizeof got),
			    "article.create|2|rekapitulasi-suara-tangerang|"
			    "192.0.2.7");

	/* The editor's update: a second revision, creator unchanged. */
	struct admin_article b;
	assert_int_equal(db_admin_article_load(fx->db, &fx->a, a.id, &b),
			 W_OK);
	assert_string_equal(b.title, a.title);
	assert_string_equal(b.image_name, img.name);
	assert_int_equal(b.nauthors, 2);
	assert_int_equal(b.author_ids[0], 3);
	assert_int_equal(b.author_ids[1], 1);
	assert_int_equal(b.ntags, 2);
	assert_string_equal(b.tags[1], "Pilkada Serentak");
	assert_int_equal(b.npicks, 1);
	assert_string_equal(b.picks[0], "berita-lama");
	b.title = "Judul baru";
	b.ntags = 1;
	assert_int_equal(db_admin_article_apply(&b, ACT_PUBLISH, EDITOR,
						NOW + 60, 0, NULL, &why,
						&field),
			 W_OK);
	s = saver(EDITOR, ACT_PUBLISH, NOW + 60);
	assert_int_equal(db_admin_article_save(fx->db, &b, &s), W_OK);
	snprintf(q, sizeof q,
		 "SELECT title || '|' || status || '|' || published_at || '|'"
		 " || editor_id || '|' || created_by || '|' || updated_at"
		 " FROM articles WHERE id = %lld",
		 (long long)a.id);
	assert_string_equal(fixture_text(fx->db, q, got, sizeof got),
			    "Judul baru|published|1732158960|1|2|1732158960");
	snprintf(q, sizeof q,
		 "SELECT json_extract(snapshot, '$.tags') || json_extract("
		 "snapshot, '$.editor_id') FROM revisions WHERE article_id ="
		 " %lld ORDER BY id DESC LIMIT 1",
		 (long long)a.id);
	assert_string_equal(fixture_text(fx->db, q, got, sizeof got),
	    "[\"KPU\"]1");
	assert_int_equal(fixture_count(fx->db,
	    "SELECT count(*) FROM audit_log WHERE"
	    " action = 'article.publish'"),
	    1);
}

static void
test_failed_save_writes_nothing(void **state)
{
	struct fx *fx = *state;
	struct admin_article a;
	sample(&a);
	a.status = ST_DRAFT;
	struct admin_save s = saver(REPORTER, ACT_SAVE, NOW);
	assert_int_equal(db_admin_article_save(fx->db, &a, &s), W_OK);
	int64_t before = rows(fx);

	/* The same slug again, with a new tag and an image that would be
	 * recorded first: all rolled back. */
	struct admin_article b;
	sample(&b);
	b.status = ST_DRAFT;
	b.tags[1] = "Tag Yang Baru";
	struct admin_media img = {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.jpg",
				  "image/jpeg", 9, 0};
	s.image = &img;
	assert_int_equal(db_admin_article_save(fx->db, &b, &s), W_CONFLICT);
	assert_int_equal(b.id, 0);
	assert_int_equal(rows(fx), before);

	/* Each invalid part: nothing written either. */
	sample(&b);
	b.status = ST_DRAFT;
	b.slug = "lain";
	b.section_id = 99;
	assert_int_equal(db_admin_article_save(fx->db, &b, &s), W_INVAL);
	b.section_id = 1;
	b.author_ids[1] = 99;
	assert_int_equal(db_admin_article_save(fx->db, &b, &s), W_INVAL);
	b.author_ids[1] = 1;
	b.nauthors = 0;
	assert_int_equal(db_admin_article_save(fx->db, &b, &s), W_INVAL);
	b.nauthors = 2;
	b.title = "";
	assert_int_equal(db_admin_article_save(fx->db, &b, &s), W_INVAL);
	b.title = "Judul";
	b.tags[0] = "!!!";
	assert_int_equal(db_admin_article_save(fx->db, &b, &s), W_INVAL);
	b.tags[0] = "KPU";
	static const char *const bad_slugs[] = {
		"", "Huruf-Besar", "-awal", "akhir-", "dua--strip",
		"<script>", "sp asi", "\xC3\xA9t\xC3\xA9", "\xff\xfe",
	};
	for (size_t i = 0; i < sizeof bad_slugs / sizeof bad_slugs[0]; i++) {
		b.slug = bad_slugs[i];
		assert_int_equal(db_admin_article_save(fx->db, &b, &s),
				 W_INVAL);
	}
	b.slug = NULL;
	assert_int_equal(db_admin_article_save(fx->db, &b, &s), W_INVAL);
	assert_int_equal(rows(fx), before);
	assert_int_equal(b.id, 0);

	/* Updating a missing article. */
	b.slug = "lain";
	b.id = 9999;
	assert_int_equal(db_admin_article_save(fx->db, &b, &s), W_NOTFOUND);
	assert_int_equal(rows(fx), before);

	/* The connection is usable afterwards: no transaction left. */
	assert_true(sqlite3_get_autocommit(db_sqlite(fx->db)));
	b.id = 0;
	assert_int_equal(db_admin_article_save(fx->db, &b, &s), W_OK);
}

static void
test_may(void **state)
{
	(void)state;
	struct admin_article fresh = {0}, own = {0}, other = {0};
	own.id = 5;
	own.created_by = REPORTER;
	own.status = ST_DRAFT;
	other = own;
	other.created_by = OTHER;
	struct admin_article own_review = own;
	own_review.status = ST_REVIEW;
	struct admin_article own_pub = own;
	own_pub.status = ST_PUBLISHED;
	struct admin_article orphan = own;
	orphan.created_by = 0;

	/* A reporter: their own drafts, new articles, submit only. */
	assert_true(db_admin_article_may(ROLE_REPORTER, REPORTER, &fresh,
					 ACT_SAVE));
	assert_true(db_admin_article_may(ROLE_REPORTER, REPORTER, &fresh,
					 ACT_SUBMIT));
	assert_true(db_admin_article_may(ROLE_REPORTER, REPORTER, &own,
					 ACT_SAVE));
	assert_true(db_admin_article_may(ROLE_REPORTER, REPORTER, &own,
					 ACT_SUBMIT));
	static const enum article_action never[] = {
		ACT_PUBLISH, ACT_SCHEDULE, ACT_UNPUBLISH, ACT_DELETE,
		ACT_RESTORE,
	};
	for (size_t i = 0; i < sizeof never / sizeof never[0]; i++) {
		assert_false(db_admin_article_may(ROLE_REPORTER, REPORTER,
						  &own, never[i]));
		assert_false(db_admin_article_may(ROLE_REPORTER, REPORTER,
						  &fresh, never[i]));
	}
	for (int act = 0; act < ACT__MAX; act++) {
		assert_false(db_admin_article_may(ROLE_REPORTER, REPORTER,
						  &other, act));
		assert_false(db_admin_article_may(ROLE_REPORTER, REPORTER,
						  &own_review, act));
		assert_false(db_admin_article_may(ROLE_REPORTER, REPORTER,
						  &own_pub, act));
		/* Nobody owns an article without a creator, even user 0. */
		assert_false(db_admin_article_may(ROLE_REPORTER, 0, &orphan,
						  act));
		/* Editors and admins: everything on anything. */
		assert_true(db_admin_article_may(ROLE_EDITOR, EDITOR, &other,
						 act));
		assert_true(db_admin_article_may(ROLE_ADMIN, 77, &own_pub,
						 act));
		/* Unknown roles: nothing. */
		assert_false(db_admin_article_may(ROLE__MAX, REPORTER, &own,
						  act));
		assert_false(db_admin_article_may((enum role)-1, REPORTER,
						  &own, act));
	}
	assert_false(db_admin_article_may(ROLE_EDITOR, EDITOR, &own, ACT__MAX));
	assert_false(db_admin_article_may(ROLE_EDITOR, EDITOR, &own,
					  (enum article_action)-1));

	assert_int_equal(article_action_parse("draft"), ACT_SAVE);
	assert_int_equal(article_action_parse("save"), ACT_SAVE);
	assert_int_equal(article_action_parse("publish"), ACT_PUBLISH);
	assert_int_equal(article_action_parse("unpublish"), ACT_UNPUBLISH);
	assert_int_equal(article_action_parse("Publish"), ACT__MAX);
	assert_int_equal(article_action_parse("restore"), ACT__MAX);
	assert_int_equal(article_action_parse(""), ACT__MAX);
	assert_int_equal(article_action_parse(NULL), ACT__MAX);
	assert_string_equal(article_action_audit(ACT_SAVE, true),
			    "article.create");
	assert_string_equal(article_action_audit(ACT_SAVE, false),
			    "article.save");
	assert_string_equal(article_action_audit(ACT_SCHEDULE, false),
			    "article.schedule");
}

static void
test_apply(void **state)
{
	(void)state;
	const char *why, *field;
	struct admin_article a = {0};
	a.id = 7;
	a.status = ST_DRAFT;
	a.unpublish_reason = "";

	/* Nothing to unpublish, delete is fine, a past schedule is not. */
	assert_int_equal(db_admin_article_apply(&a, ACT_UNPUBLISH, EDITOR, NOW,
						0, "alasan", &why, &field),
			 W_INVAL);
	assert_string_equal(field, "action");
	assert_int_equal(db_admin_article_apply(&a, ACT_DELETE, EDITOR, NOW, 0,
						NULL, &why, &field),
			 W_OK);
	assert_int_equal(db_admin_article_apply(&a, ACT_SCHEDULE, EDITOR, NOW,
						NOW, NULL, &why, &field),
			 W_INVAL);
	assert_string_equal(field, "schedule");
	assert_string_equal(why, "Waktu tayang harus di masa depan.");
	assert_int_equal(a.status, ST_DRAFT);
	assert_int_equal(db_admin_article_apply(&a, ACT_CORRECT, EDITOR, NOW, 0,
						NULL, &why, &field),
			 W_INVAL);
	assert_string_equal(field, "correction");

	/* Schedule, then publish early: the time becomes now. */
	assert_int_equal(db_admin_article_apply(&a, ACT_SCHEDULE, EDITOR, NOW,
						NOW + 3, NULL, &why, &field),
			 W_OK);
	assert_int_equal(a.status, ST_SCHEDULED);
	assert_int_equal(a.published_at, NOW + 3);
	assert_int_equal(a.editor_id, EDITOR);
	assert_int_equal(db_admin_article_apply(&a, ACT_SCHEDULE, EDITOR, NOW,
						NOW + 60, NULL, &why, &field),
			 W_OK);
	assert_int_equal(a.published_at, NOW + 60);
	assert_int_equal(db_admin_article_apply(&a, ACT_PUBLISH, OTHER, NOW, 0,
						NULL, &why, &field),
			 W_OK);
	assert_int_equal(a.status, ST_PUBLISHED);
	assert_int_equal(a.published_at, NOW);
	assert_int_equal(a.editor_id, OTHER);
	assert_int_equal(db_admin_article_apply(&a, ACT_SCHEDULE, EDITOR,
						NOW + 5, NOW + 100, NULL, &why,
						&field),
			 W_INVAL);
	assert_int_equal(db_admin_article_apply(&a, ACT_SUBMIT, EDITOR, NOW, 0,
						NULL, &why, &field),
			 W_INVAL);
	assert_int_equal(db_admin_article_apply(&a, ACT_DELETE, EDITOR, NOW, 0,
						NULL, &why, &field),
			 W_INVAL);
	assert_int_equal(a.status, ST_PUBLISHED);

	/* Unpublish needs a reason that is not blank. */
	assert_int_equal(db_admin_article_apply(&a, ACT_UNPUBLISH, EDITOR,
						NOW + 10, 0, " \t\r\n", &why,
						&field),
			 W_INVAL);
	assert_string_equal(field, "unpublish_reason");
	assert_int_equal(db_admin_article_apply(&a, ACT_UNPUBLISH, EDITOR,
						NOW + 10, 0, NULL, &why,
						&field),
			 W_INVAL);
	assert_int_equal(db_admin_article_apply(&a, ACT_UNPUBLISH, EDITOR,
						NOW + 10, 0, "Hak jawab", &why,
						&field),
			 W_OK);
	assert_int_equal(a.status, ST_UNPUBLISHED);
	assert_int_equal(a.unpublished_at, NOW + 10);
	assert_string_equal(a.unpublish_reason, "Hak jawab");
	assert_int_equal(db_admin_article_apply(&a, ACT_SCHEDULE, EDITOR,
						NOW + 20, NOW + 100, NULL, &why,
						&field),
			 W_INVAL);

	/* Re-publication keeps the first date and clears the takedown. */
	assert_int_equal(db_admin_article_apply(&a, ACT_PUBLISH, EDITOR,
						NOW + 500, 0, NULL, &why,
						&field),
			 W_OK);
	assert_int_equal(a.published_at, NOW);
	assert_int_equal(a.unpublished_at, 0);
	assert_string_equal(a.unpublish_reason, "");

	/* Submit: drafts only. */
	struct admin_article d = {0};
	d.status = ST__MAX;
	assert_int_equal(db_admin_article_apply(&d, ACT_SAVE, REPORTER, NOW, 0,
						NULL, &why, &field),
			 W_OK);
	assert_int_equal(d.status, ST_DRAFT);
	assert_int_equal(db_admin_article_apply(&d, ACT_SUBMIT, REPORTER, NOW,
						0, NULL, &why, &field),
			 W_OK);
	assert_int_equal(d.status, ST_REVIEW);
	assert_int_equal(db_admin_article_apply(&d, ACT__MAX, REPORTER, NOW, 0,
						NULL, &why, &field),
			 W_INVAL);
	assert_int_equal(d.status, ST_REVIEW);
	assert_int_equal(d.published_at, 0);
}

static void
test_delete(void **state)
{
	struct fx *fx = *state;
	struct admin_article a;
	sample(&a);
	a.status = ST_DRAFT;
	struct admin_save s = saver(EDITOR, ACT_SAVE, NOW);
	assert_int_equal(db_admin_article_save(fx->db, &a, &s), W_OK);
	s.act = ACT_DELETE;
	assert_int_equal(db_admin_article_delete(fx->db, 100, &s), W_CONFLICT);
	assert_int_equal(db_admin_article_delete(fx->db, 12345, &s),
			 W_NOTFOUND);
	assert_int_equal(fixture_count(fx->db,
	    "SELECT count(*) FROM audit_log WHERE"
	    " action = 'article.delete'"),
	    0);
	assert_int_equal(db_admin_article_delete(fx->db, a.id, &s), W_OK);
	char q[256];
	snprintf(q, sizeof q,
		 "SELECT (SELECT count(*) FROM articles WHERE id = %lld) +"
		 " (SELECT count(*) FROM revisions WHERE article_id = %lld)",
		 (long long)a.id, (long long)a.id);
	assert_int_equal(fixture_count(fx->db, q), 0);
	snprintf(q, sizeof q,
		 "SELECT count(*) FROM audit_log WHERE action ="
		 " 'article.delete' AND article_id = %lld AND detail ="
		 " 'rekapitulasi-suara-tangerang'",
		 (long long)a.id);
	assert_int_equal(fixture_count(fx->db, q), 1);
	int64_t id;
	assert_int_equal(db_admin_article_id_by_slug(fx->db, a.slug, &id),
			 W_NOTFOUND);
	assert_int_equal(db_admin_article_id_by_slug(fx->db, "berita-lama",
						     &id),
			 W_OK);
	assert_int_equal(id, 100);
}

static void
test_revisions_restore(void **state)
{
	struct fx *fx = *state;
	struct admin_article a;
	sample(&a);
	a.status = ST_DRAFT;
	struct admin_save s = saver(REPORTER, ACT_SAVE, NOW);
	assert_int_equal(db_admin_article_save(fx->db, &a, &s), W_OK);

	struct admin_article b = a;
	b.title = "Judul kedua";
	b.slug = "judul-kedua";
	b.author_ids[0] = 2;
	b.nauthors = 1;
	b.ntags = 0;
	b.npicks = 0;
	b.featured = true;
	s = saver(EDITOR, ACT_SAVE, NOW + 10);
	assert_int_equal(db_admin_article_save(fx->db, &b, &s), W_OK);

	struct admin_revision *revs;
	size_t n;
	assert_int_equal(db_admin_revisions(fx->db, &fx->a, a.id, 10, &revs,
					    &n),
			 W_OK);
	assert_int_equal(n, 2);
	assert_string_equal(revs[0].title, "Judul kedua");
	assert_string_equal(revs[0].user_name, "Edi Redaktur");
	assert_int_equal(revs[0].created_at, NOW + 10);
	assert_string_equal(revs[1].title, a.title);
	assert_string_equal(revs[1].user_name, "Rina Reporter");
	assert_string_equal(revs[1].status, "draft");

	/* Another article's revision id is not this one's. */
	struct admin_article cur;
	assert_int_equal(db_admin_article_load(fx->db, &fx->a, a.id, &cur),
			 W_OK);
	struct admin_article other = cur;
	other.id = 100;
	assert_int_equal(db_admin_revision_apply(fx->db, &fx->a, revs[1].id,
						 &other),
			 W_NOTFOUND);

	/* A deleted author is skipped, the rest comes back. */
	fixture_exec(fx->db, "DELETE FROM authors WHERE id = 3");
	assert_int_equal(db_admin_revision_apply(fx->db, &fx->a, revs[1].id,
						 &cur),
			 W_OK);
	assert_string_equal(cur.title, a.title);
	assert_string_equal(cur.slug, "rekapitulasi-suara-tangerang");
	assert_string_equal(cur.body_md, a.body_md);
	assert_false(cur.featured);
	assert_int_equal(cur.nauthors, 1);
	assert_int_equal(cur.author_ids[0], 1);
	assert_int_equal(cur.ntags, 2);
	assert_string_equal(cur.tags[1], "Pilkada Serentak");
	assert_int_equal(cur.npicks, 1);
	assert_int_equal(cur.status, ST_DRAFT);
	s = saver(EDITOR, ACT_RESTORE, NOW + 20);
	assert_int_equal(db_admin_article_save(fx->db, &cur, &s), W_OK);
	assert_int_equal(db_admin_revisions(fx->db, &fx->a, a.id, 10, &revs,
					    &n),
			 W_OK);
	assert_int_equal(n, 3);
	assert_string_equal(revs[0].title, a.title);
	assert_int_equal(fixture_count(fx->db,
	    "SELECT count(*) FROM audit_log WHERE"
	    " action = 'article.restore'"),
	    1);
	assert_int_equal(db_admin_revisions(fx->db, &fx->a, a.id, 1, &revs,
					    &n),
			 W_OK);
	assert_int_equal(n, 1);
}

static void
test_corrections_extras(void **state)
{
	struct fx *fx = *state;
	struct admin_article a;
	sample(&a);
	a.status = ST_DRAFT;
	const char *why, *field;
	struct admin_media img = {"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.webp",
				  "image/webp", 10, 0};
	struct admin_save s = saver(EDITOR, ACT_PUBLISH, NOW);
	s.image = &img;
	a.image_caption = "Petugas <menghitung> \"suara\"";
	a.image_credit = "Foto: Ana";
	assert_int_equal(db_admin_article_apply(&a, ACT_PUBLISH, EDITOR, NOW, 0,
						NULL, &why, &field),
			 W_OK);
	assert_int_equal(db_admin_article_save(fx->db, &a, &s), W_OK);

	s = saver(EDITOR, ACT_CORRECT, NOW + 600);
	s.correction = "Jumlah TPS 120, bukan 210.";
	assert_int_equal(db_admin_article_save(fx->db, &a, &s), W_OK);
	s.now = NOW + 1200;
	s.correction = " \n ";
	assert_int_equal(db_admin_article_save(fx->db, &a, &s), W_OK);

	struct article_extras x;
	assert_int_equal(db_admin_article_extras(fx->db, &fx->a, a.id, &x),
			 W_OK);
	assert_string_equal(x.image_name, img.name);
	assert_string_equal(x.image_mime, "image/webp");
	assert_string_equal(x.image_caption, "Petugas <menghitung> \"suara\"");
	assert_string_equal(x.image_credit, "Foto: Ana");
	/* The editor's linked byline name, not the account name. */
	assert_string_equal(x.editor_name, "Budi");
	assert_int_equal(x.ncorrections, 1);
	assert_string_equal(x.corrections[0].body,
			    "Jumlah TPS 120, bukan 210.");
	assert_int_equal(x.corrections[0].created_at, NOW + 600);

	fixture_exec(fx->db, "UPDATE users SET author_id = NULL WHERE id = 1");
	assert_int_equal(db_admin_article_extras(fx->db, &fx->a, a.id, &x),
			 W_OK);
	assert_string_equal(x.editor_name, "Edi Redaktur");
	assert_int_equal(db_admin_article_extras(fx->db, &fx->a, 100, &x),
			 W_OK);
	assert_string_equal(x.editor_name, "");
	assert_string_equal(x.image_name, "");
	assert_int_equal(x.ncorrections, 0);
	assert_int_equal(db_admin_article_extras(fx->db, &fx->a, 999, &x),
			 W_NOTFOUND);

	char q[256], got[512];
	snprintf(q, sizeof q,
		 "SELECT json_extract(snapshot, '$.corrections[0].body')"
		 " FROM revisions WHERE article_id = %lld ORDER BY id DESC"
		 " LIMIT 1",
		 (long long)a.id);
	assert_string_equal(fixture_text(fx->db, q, got, sizeof got),
			    "Jumlah TPS 120, bukan 210.");
}

/* 40 articles: ids 1..40, updated_at in pairs (ties); a multiple of 3 is
 * a draft with author 1 (Ana) before author 2, the rest review or
 * published; odd ids are in section 1. */
static void
listing_fixture(struct fx *fx)
{
	fixture_exec(fx->db, "DELETE FROM articles");
	char sql[512];
	static const char *const st[] = {"draft", "review", "published"};
	for (int i = 1; i <= 40; i++) {
		const char *s = st[i % 3];
		snprintf(sql, sizeof sql,
			 "INSERT INTO articles (id, slug, title, status,"
			 " section_id, published_at, updated_at, created_at,"
			 " created_by) VALUES (%d, 'a-%d', '%s %d', '%s', %d,"
			 " %s, %d, 0, %d)",
			 i, i,
			 i == 7	   ? "Diskon 100% _semua_"
			 : i == 8  ? "Diskon 1000 semua"
			 : i == 9  ? "Back\\slash pemilu"
				   : "Pemilu daerah",
			 i, s, i % 2 ? 1 : 2,
			 strcmp(s, "published") == 0 ? "1700000000" : "NULL",
			 NOW + (i / 2) * 10, i % 2 ? REPORTER : EDITOR);
		fixture_exec(fx->db, sql);
		if (i % 3 == 0) {
			snprintf(sql, sizeof sql,
				 "INSERT INTO article_authors VALUES"
				 " (%d, 1, 0)",
				 i);
			fixture_exec(fx->db, sql);
		}
		snprintf(sql, sizeof sql,
			 "INSERT INTO article_authors VALUES (%d, 2, 1)", i);
		fixture_exec(fx->db, sql);
	}
}

/* Pages through f with page size size; checks order and that the ids
 * seen are exactly those for which want(id) holds. */
static void
walk(struct fx *fx, const struct admin_filter *f, size_t size,
     bool (*want)(int))
{
	struct cursor c = {0};
	int seen[41] = {0};
	int64_t last_t = INT64_MAX, last_id = INT64_MAX;
	for (int page = 0; page < 50; page++) {
		struct admin_list l;
		assert_int_equal(db_admin_articles(fx->db, &fx->a, f, &c, size,
						   &l),
				 W_OK);
		assert_true(l.n <= size);
		for (size_t i = 0; i < l.n; i++) {
			const struct admin_row *r = &l.items[i];
			assert_true(r->id >= 1 && r->id <= 40);
			if (!want((int)r->id))
				fail_msg("id %lld for q %s", (long long)r->id,
					 f->q ? f->q : "-");
			assert_int_equal(seen[r->id], 0);
			seen[r->id] = 1;
			assert_true(r->updated_at < last_t ||
				    (r->updated_at == last_t &&
				     r->id < last_id));
			last_t = r->updated_at;
			last_id = r->id;
		}
		if (!l.more)
			break;
		assert_int_equal(l.next.time, l.items[l.n - 1].updated_at);
		assert_int_equal(l.next.id, l.items[l.n - 1].id);
		c = l.next;
	}
	for (int id = 1; id <= 40; id++)
		assert_int_equal(seen[id], want(id) ? 1 : 0);
}

static bool
all(int id)
{
	(void)id;
	return true;
}
static bool
drafts(int id)
{
	return id % 3 == 0;
}
static bool
sec1_published(int id)
{
	return id % 2 == 1 && id % 3 == 2;
}
static bool
by_ana(int id)
{
	return id % 3 == 0;
}
static bool
by_ana_sec2(int id)
{
	return id % 3 == 0 && id % 2 == 0;
}
static bool
pemilu_daerah(int id)
{
	return id != 7 && id != 8 && id != 9;
}
static bool
literal_percent(int id)
{
	return id == 7;
}
static bool
backslash(int id)
{
	return id == 9;
}
static bool
none(int id)
{
	(void)id;
	return false;
}

static void
test_listing(void **state)
{
	struct fx *fx = *state;
	listing_fixture(fx);
	struct admin_filter f = {.status = ST__MAX};
	walk(fx, &f, 7, all);
	walk(fx, &f, 1, all);
	walk(fx, &f, 100, all);
	f.status = ST_DRAFT;
	walk(fx, &f, 3, drafts);
	f.status = ST_PUBLISHED;
	f.section_id = 1;
	walk(fx, &f, 2, sec1_published);
	f = (struct admin_filter){.status = ST__MAX, .author_id = 1};
	walk(fx, &f, 4, by_ana);
	f.section_id = 2;
	walk(fx, &f, 4, by_ana_sec2);
	f = (struct admin_filter){.status = ST__MAX, .q = "  pemilu DAERAH "};
	walk(fx, &f, 5, pemilu_daerah);
	/* % and _ match themselves, not anything. */
	f.q = "100%";
	walk(fx, &f, 5, literal_percent);
	f.q = "_semua_";
	walk(fx, &f, 5, literal_percent);
	f.q = "back\\slash";
	walk(fx, &f, 5, backslash);
	f.q = "%";
	walk(fx, &f, 5, literal_percent);
	f.q = "' OR 1=1 --";
	walk(fx, &f, 5, none);
	f.q = "\"]";
	walk(fx, &f, 5, none);
	f.q = "<script> \xff";
	walk(fx, &f, 5, none);

	/* Bylines in order, creators by name. */
	struct admin_list l;
	f = (struct admin_filter){.status = ST__MAX, .author_id = 1};
	assert_int_equal(db_admin_articles(fx->db, &fx->a, &f, NULL, 1, &l),
			 W_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].id, 39);
	assert_string_equal(l.items[0].authors, "Ana, Budi");
	assert_string_equal(l.items[0].creator, "Rina Reporter");
	assert_string_equal(l.items[0].section, "Daerah");
	assert_int_equal(l.items[0].status, ST_DRAFT);
	assert_true(l.more);
}

static void
test_listing_plans(void **state)
{
	struct fx *fx = *state;
	listing_fixture(fx);
	struct admin_list l;
	struct admin_filter fs[] = {
		{.status = ST_REVIEW},
		{.status = ST__MAX, .section_id = 2},
		{.status = ST__MAX, .author_id = 1},
		{.status = ST__MAX, .q = "x"},
	};
	for (size_t i = 0; i < sizeof fs / sizeof fs[0]; i++)
		assert_int_equal(db_admin_articles(fx->db, &fx->a, &fs[i], NULL,
						   5, &l),
				 W_OK);
	/* Read the SQL back from the statements db.c prepared, so that the
	 * plans checked are those of the queries as they are. */
	int checked = 0;
	for (sqlite3_stmt *st = sqlite3_next_stmt(db_sqlite(fx->db), NULL);
	     st; st = sqlite3_next_stmt(db_sqlite(fx->db), st)) {
		const char *sql = sqlite3_sql(st);
		if (!strstr(sql, "ORDER BY a.updated_at DESC"))
			continue;
		char p[4096];
		fixture_plan(fx->db, sql, p, sizeof p);
		const char *want = strstr(sql, "INDEXED BY articles_status")
					   ? "INDEX articles_status "
				   : strstr(sql, "articles_section_updated")
					   ? "INDEX articles_section_updated "
				   : strstr(sql, "article_authors x")
					   ? "INDEX article_authors_author "
					   : "INDEX articles_updated ";
		if (!strstr(p, want))
			fail_msg("%s: want %s in plan:\n%s", sql, want, p);
		/* No step scans a table without an index. */
		for (char *line = p; *line;) {
			char *nl = strchr(line, '\n');
			*nl = '\0';
			if (strncmp(line, "SCAN ", 5) == 0 &&
			    !strstr(line, "VIRTUAL TABLE") &&
			    !strstr(line, "USING"))
				fail_msg("%s: full scan: %s", sql, line);
			line = nl + 1;
		}
		checked++;
	}
	assert_int_equal(checked, 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_save_creates_revision,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_save_writes_nothing,
						setup, teardown),
		cmocka_unit_test(test_may),
		cmocka_unit_test(test_apply),
		cmocka_unit_test_setup_teardown(test_delete, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revisions_restore, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_corrections_extras, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_listing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_listing_plans, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
