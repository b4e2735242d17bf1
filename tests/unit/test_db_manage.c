/* test_db_manage.c - the management data layer: sections, tags and authors
 * (validation, derived slugs, conflicts, "in use"), accounts, settings all
 * or none, the audit log's filters and keyset pages, and query plans. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "auth.h"
#include "db_manage.h"
#include "db_site.h"
#include "migrate.h"
#include "fixture.h"

struct fx {
	struct db *db;
	struct arena a;
};

static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof *fx);
	assert_non_null(fx);
	fx->db = fixture_db();
	arena_init(&fx->a);
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

static enum werr
save(struct fx *fx, enum db_manage_kind k, int64_t id,
     struct db_manage_item_input *in, int64_t *out, struct db_manage_errs *errs)
{
	memset(errs, 0, sizeof *errs);
	return db_manage_item_save(fx->db, &fx->a, k, id, in, out, errs);
}

static void
test_errs(void **state)
{
	(void)state;
	struct db_manage_errs errs = {0};
	db_manage_err(&errs, "name", "first");
	db_manage_err(&errs, "name", "second");
	assert_int_equal(errs.n, 1);
	assert_string_equal(db_manage_err_get(&errs, "name"), "first");
	assert_null(db_manage_err_get(&errs, "slug"));
	static const char *const f[] = {"a", "b", "c", "d", "e",
					"f", "g", "h", "i", "j"};
	for (size_t i = 0; i < 10; i++)
		db_manage_err(&errs, f[i], "x");
	assert_int_equal(errs.n, DB_MANAGE_MAX_ERRS);
	assert_null(db_manage_err_get(&errs, "j"));
}

static void
test_section_create(void **state)
{
	struct fx *fx = *state;
	struct db_manage_errs errs;
	int64_t id = 0;
	struct db_manage_item_input in = {
	    .name = "Pilkada Banten 2024",
	    .description = "Liputan pemilihan.\nDari Serang.",
	    .position = 7,
	};
	assert_int_equal(save(fx, MK_SECTION, 0, &in, &id, &errs), W_OK);
	assert_int_equal(errs.n, 0);
	assert_true(id > 0);
	/* The derived slug is handed back for the form. */
	assert_string_equal(in.slug, "pilkada-banten-2024");

	struct db_manage_item it;
	assert_int_equal(
	    db_manage_item_get(fx->db, &fx->a, MK_SECTION, id, &it), W_OK);
	assert_int_equal(it.id, id);
	assert_string_equal(it.slug, "pilkada-banten-2024");
	assert_string_equal(it.name, "Pilkada Banten 2024");
	assert_string_equal(it.description, "Liputan pemilihan.\nDari Serang.");
	assert_string_equal(it.initials, "");
	assert_int_equal(it.position, 7);
	assert_int_equal(it.uses, 0);

	/* The same slug again, derived or typed: a conflict, nothing added. */
	int64_t before = fixture_count(fx->db, "SELECT count(*) FROM sections");
	struct db_manage_item_input again = {.name = "Pilkada  Banten 2024!"};
	assert_int_equal(save(fx, MK_SECTION, 0, &again, NULL, &errs),
			 W_CONFLICT);
	assert_string_equal(db_manage_err_get(&errs, "slug"),
			    "Slug sudah dipakai.");
	assert_string_equal(again.slug, "pilkada-banten-2024");
	assert_int_equal(fixture_count(fx->db,
	    "SELECT count(*) FROM sections"), before);

	/* Update: rename keeps the id; moving onto a taken slug is refused. */
	struct db_manage_item_input other = {.name = "Olahraga Lokal",
					     .slug = "olahraga-lokal"};
	int64_t oid = 0;
	assert_int_equal(save(fx, MK_SECTION, 0, &other, &oid, &errs), W_OK);
	struct db_manage_item_input mv = {.name = "Olahraga",
					  .slug = "pilkada-banten-2024"};
	assert_int_equal(save(fx, MK_SECTION, oid, &mv, NULL, &errs),
			 W_CONFLICT);
	assert_non_null(db_manage_err_get(&errs, "slug"));
	mv.slug = "olahraga";
	int64_t got = 0;
	assert_int_equal(save(fx, MK_SECTION, oid, &mv, &got, &errs), W_OK);
	assert_int_equal(got, oid);
	assert_int_equal(
	    db_manage_item_get(fx->db, &fx->a, MK_SECTION, oid, &it), W_OK);
	assert_string_equal(it.slug, "olahraga");
	assert_string_equal(it.name, "Olahraga");
	assert_int_equal(save(fx, MK_SECTION, 999999, &mv, NULL, &errs),
			 W_NOTFOUND);
	assert_int_equal(
	    db_manage_item_get(fx->db, &fx->a, MK_SECTION, 999999, &it),
	    W_NOTFOUND);
}

static void
test_validation(void **state)
{
	struct fx *fx = *state;
	struct db_manage_errs errs;
	int64_t before = fixture_count(fx->db, "SELECT count(*) FROM tags");

	struct db_manage_item_input in = {.name = ""};
	assert_int_equal(save(fx, MK_TAG, 0, &in, NULL, &errs), W_INVAL);
	assert_string_equal(db_manage_err_get(&errs, "name"),
			    "Nama wajib diisi.");
	/* No slug message beside an empty name: one problem, one message. */
	assert_null(db_manage_err_get(&errs, "slug"));

	char longname[102];
	memset(longname, 'a', 101);
	longname[101] = '\0';
	in = (struct db_manage_item_input){.name = longname};
	assert_int_equal(save(fx, MK_TAG, 0, &in, NULL, &errs), W_INVAL);
	assert_non_null(db_manage_err_get(&errs, "name"));
	longname[100] = '\0';
	in = (struct db_manage_item_input){.name = longname};
	assert_int_equal(save(fx, MK_TAG, 0, &in, NULL, &errs), W_OK);

	/* 100 two-byte characters are 100 characters. */
	char accents[201];
	for (int i = 0; i < 100; i++)
		memcpy(accents + 2 * i, "\xc3\xa9", 2);
	accents[200] = '\0';
	in = (struct db_manage_item_input){.name = accents};
	assert_int_equal(save(fx, MK_TAG, 0, &in, NULL, &errs), W_OK);
	assert_int_equal(strlen(in.slug), 100);

	static const char *const bad_names[] = {
	    "tab\there",	 "line\nbreak",	  "\x7f",
	    "c1 \xc2\x85",	 "bad \xff utf8", "truncated \xe2\x82",
	    "overlong \xc0\xaf",
	};
	for (size_t i = 0; i < sizeof bad_names / sizeof bad_names[0]; i++) {
		in = (struct db_manage_item_input){.name = bad_names[i],
						   .slug = "ok"};
		assert_int_equal(save(fx, MK_TAG, 0, &in, NULL, &errs),
				 W_INVAL);
		assert_non_null(db_manage_err_get(&errs, "name"));
	}

	static const char *const bad_slugs[] = {
	    "Besar",	"dua  kata", "-awal", "akhir-", "dua--strip",
	    "<script>", "a'b",	     "a\"b",  "ü",
	};
	for (size_t i = 0; i < sizeof bad_slugs / sizeof bad_slugs[0]; i++) {
		in = (struct db_manage_item_input){.name = "Nama",
						   .slug = bad_slugs[i]};
		assert_int_equal(save(fx, MK_TAG, 0, &in, NULL, &errs),
				 W_INVAL);
		assert_non_null(db_manage_err_get(&errs, "slug"));
		assert_null(db_manage_err_get(&errs, "name"));
	}

	/* Nothing to make a slug from. */
	in = (struct db_manage_item_input){.name = "!!! ???"};
	assert_int_equal(save(fx, MK_TAG, 0, &in, NULL, &errs), W_INVAL);
	assert_non_null(db_manage_err_get(&errs, "slug"));

	char longdesc[1002];
	memset(longdesc, 'd', 1001);
	longdesc[1001] = '\0';
	in = (struct db_manage_item_input){.name = "Deskripsi",
					   .description = longdesc};
	assert_int_equal(save(fx, MK_TAG, 0, &in, NULL, &errs), W_INVAL);
	assert_non_null(db_manage_err_get(&errs, "description"));
	in.description = "nul\x01";
	assert_int_equal(save(fx, MK_TAG, 0, &in, NULL, &errs), W_INVAL);

	/* Several problems at once, each beside its field. */
	in = (struct db_manage_item_input){
	    .name = "", .slug = "X", .description = longdesc};
	assert_int_equal(save(fx, MK_TAG, 0, &in, NULL, &errs), W_INVAL);
	assert_int_equal(errs.n, 3);

	/* Markup is text: stored as typed, escaped by the templates. */
	in = (struct db_manage_item_input){
	    .name = "<script>alert('x')</script> \"q\"",
	    .description = "<b>&amp;</b>"};
	int64_t id;
	assert_int_equal(save(fx, MK_TAG, 0, &in, &id, &errs), W_OK);
	assert_string_equal(in.slug, "script-alert-x-script-q");
	struct db_manage_item it;
	assert_int_equal(db_manage_item_get(fx->db, &fx->a, MK_TAG, id, &it),
			 W_OK);
	assert_string_equal(it.name, "<script>alert('x')</script> \"q\"");
	assert_string_equal(it.description, "<b>&amp;</b>");
	assert_int_equal(fixture_count(fx->db,
	    "SELECT count(*) FROM tags"), before + 3);

	/* Authors need initials of 1 to 8 characters. */
	in = (struct db_manage_item_input){.name = "Ari Setiawan"};
	assert_int_equal(save(fx, MK_AUTHOR, 0, &in, NULL, &errs), W_INVAL);
	assert_string_equal(db_manage_err_get(&errs, "initials"),
			    "Inisial wajib diisi, 1 sampai 8 karakter.");
	in.initials = "ABCDEFGHI";
	assert_int_equal(save(fx, MK_AUTHOR, 0, &in, NULL, &errs), W_INVAL);
	in.initials = "ÀBCDEFGH";
	in.description = "Wartawan di Serang.";
	assert_int_equal(save(fx, MK_AUTHOR, 0, &in, &id, &errs), W_OK);
	assert_int_equal(db_manage_item_get(fx->db, &fx->a, MK_AUTHOR, id, &it),
			 W_OK);
	assert_string_equal(it.initials, "ÀBCDEFGH");
	assert_string_equal(it.description, "Wartawan di Serang.");
	assert_string_equal(it.slug, "ari-setiawan");

	/* Sections have a position in 0..9999. */
	in = (struct db_manage_item_input){.name = "Posisi", .position = -1};
	assert_int_equal(save(fx, MK_SECTION, 0, &in, NULL, &errs), W_INVAL);
	assert_non_null(db_manage_err_get(&errs, "position"));
	in.position = 10000;
	assert_int_equal(save(fx, MK_SECTION, 0, &in, NULL, &errs), W_INVAL);
	in.position = 9999;
	assert_int_equal(save(fx, MK_SECTION, 0, &in, NULL, &errs), W_OK);

	assert_int_equal(save(fx, MK__MAX, 0, &in, NULL, &errs), W_INVAL);
}

static void
test_in_use(void **state)
{
	struct fx *fx = *state;
	struct db_manage_errs errs;
	int64_t sec, tag, au, spare_sec, spare_tag, spare_au, linked;
	struct db_manage_item_input in = {.name = "Dipakai"};
	assert_int_equal(save(fx, MK_SECTION, 0, &in, &sec, &errs), W_OK);
	in = (struct db_manage_item_input){.name = "Dipakai"};
	assert_int_equal(save(fx, MK_TAG, 0, &in, &tag, &errs), W_OK);
	in = (struct db_manage_item_input){.name = "Dipakai", .initials = "Dp"};
	assert_int_equal(save(fx, MK_AUTHOR, 0, &in, &au, &errs), W_OK);
	in = (struct db_manage_item_input){.name = "Cadangan"};
	assert_int_equal(save(fx, MK_SECTION, 0, &in, &spare_sec, &errs), W_OK);
	in = (struct db_manage_item_input){.name = "Cadangan"};
	assert_int_equal(save(fx, MK_TAG, 0, &in, &spare_tag, &errs), W_OK);
	in =
	    (struct db_manage_item_input){.name = "Cadangan", .initials = "Cd"};
	assert_int_equal(save(fx, MK_AUTHOR, 0, &in, &spare_au, &errs), W_OK);
	in = (struct db_manage_item_input){.name = "Akun", .initials = "Ak"};
	assert_int_equal(save(fx, MK_AUTHOR, 0, &in, &linked, &errs), W_OK);

	char sql[512];
	snprintf(sql, sizeof sql,
		 "INSERT INTO articles (id, slug, title, section_id,"
		 " updated_at, created_at) VALUES (1, 'a', 'A', %lld, 1, 1);"
		 "INSERT INTO article_tags VALUES (1, %lld, 0);"
		 "INSERT INTO article_authors VALUES (1, %lld, 0);"
		 "INSERT INTO users (email, name, role, author_id,"
		 " password_hash, created_at) VALUES ('a@b.id', 'A',"
		 " 'reporter', %lld, 'x', 1);",
		 (long long)sec, (long long)tag, (long long)au,
		 (long long)linked);
	fixture_exec(fx->db, sql);

	struct db_manage_item it;
	assert_int_equal(
	    db_manage_item_get(fx->db, &fx->a, MK_SECTION, sec, &it), W_OK);
	assert_int_equal(it.uses, 1);
	assert_int_equal(
	    db_manage_item_get(fx->db, &fx->a, MK_AUTHOR, linked, &it), W_OK);
	assert_int_equal(it.uses, 1);

	assert_int_equal(db_manage_item_delete(fx->db, MK_SECTION, sec),
			 W_CONFLICT);
	assert_int_equal(db_manage_item_delete(fx->db, MK_TAG, tag),
			 W_CONFLICT);
	assert_int_equal(db_manage_item_delete(fx->db, MK_AUTHOR, au),
			 W_CONFLICT);
	/* An author linked to an account is in use too. */
	assert_int_equal(db_manage_item_delete(fx->db, MK_AUTHOR, linked),
			 W_CONFLICT);
	assert_int_equal(fixture_count(fx->db,
	    "SELECT count(*) FROM sections WHERE"
	    " slug = 'dipakai'"),
	    1);
	assert_int_equal(fixture_count(fx->db,
	    "SELECT count(*) FROM users WHERE"
	    " author_id IS NOT NULL"),
	    1);

	assert_int_equal(db_manage_item_delete(fx->db, MK_SECTION, spare_sec),
			 W_OK);
	assert_int_equal(db_manage_item_delete(fx->db, MK_TAG, spare_tag),
			 W_OK);
	assert_int_equal(db_manage_item_delete(fx->db, MK_AUTHOR, spare_au),
			 W_OK);
	assert_int_equal(
	    db_manage_item_get(fx->db, &fx->a, MK_TAG, spare_tag, &it),
	    W_NOTFOUND);
	assert_int_equal(db_manage_item_delete(fx->db, MK_TAG, spare_tag),
			 W_NOTFOUND);
	/* No savepoint is left open behind any of these. */
	assert_true(sqlite3_get_autocommit(db_sqlite(fx->db)));

	/* Once the article is gone, the tag can go. */
	fixture_exec(fx->db, "DELETE FROM articles WHERE id = 1");
	assert_int_equal(db_manage_item_delete(fx->db, MK_TAG, tag), W_OK);
}

static void
test_pages(void **state)
{
	struct fx *fx = *state;
	struct db_manage_errs errs;
	static const char *const names[] = {"Gamma", "Alpha", "Epsilon", "Beta",
					    "Delta", "Zeta",  "Eta"};
	int64_t base = fixture_count(fx->db, "SELECT count(*) FROM tags");
	for (size_t i = 0; i < 7; i++) {
		struct db_manage_item_input in = {.name = names[i]};
		assert_int_equal(save(fx, MK_TAG, 0, &in, NULL, &errs), W_OK);
	}
	/* Walk every page by slug and collect the slugs: all present, once,
	 * in order. */
	const char *after = NULL;
	const char *prev = "";
	size_t seen = 0, pages = 0;
	bool more = true;
	while (more) {
		struct db_manage_item *items;
		size_t n;
		assert_int_equal(db_manage_items(fx->db, &fx->a, MK_TAG, after,
						 3, &items, &n, &more),
				 W_OK);
		assert_true(n <= 3);
		assert_true(more ? n == 3 : true);
		for (size_t i = 0; i < n; i++) {
			assert_true(strcmp(items[i].slug, prev) > 0);
			prev = items[i].slug;
		}
		seen += n;
		pages++;
		if (n)
			after = items[n - 1].slug;
	}
	assert_int_equal(seen, (size_t)base + 7);
	assert_int_equal(pages, ((size_t)base + 7 + 2) / 3);

	struct db_manage_item *items;
	size_t n;
	assert_int_equal(db_manage_items(fx->db, &fx->a, MK_TAG, "zzz", 3,
					 &items, &n, &more),
			 W_OK);
	assert_int_equal(n, 0);
	assert_false(more);
}

static struct db_manage_user_input
user_in(const char *email, const char *name, const char *role)
{
	return (struct db_manage_user_input){
	    .email = email, .name = name, .role = role};
}

static void
test_users(void **state)
{
	struct fx *fx = *state;
	struct db_manage_errs errs = {0};
	int64_t admin, rep;
	struct db_manage_user_input in =
	    user_in("redaksi@warta.id", "Admin Redaksi", "admin");
	assert_int_equal(
	    db_manage_user_add(fx->db, &in, "hash-a", 100, &admin, &errs),
	    W_OK);
	in = user_in("rina@warta.id", "Rina <b>", "reporter");
	assert_int_equal(
	    db_manage_user_add(fx->db, &in, "hash-r", 200, &rep, &errs), W_OK);

	struct db_manage_user u;
	assert_int_equal(db_manage_user_get(fx->db, &fx->a, rep, &u), W_OK);
	assert_string_equal(u.u.email, "rina@warta.id");
	assert_string_equal(u.u.name, "Rina <b>");
	assert_int_equal(u.u.role, ROLE_REPORTER);
	assert_int_equal(u.u.author_id, 0);
	assert_false(u.u.disabled);
	assert_int_equal(u.created_at, 200);
	assert_string_equal(u.author_name, "");

	/* The address is unique whatever its case. */
	memset(&errs, 0, sizeof errs);
	in = user_in("RINA@Warta.ID", "Rina Lain", "editor");
	assert_int_equal(db_manage_user_add(fx->db, &in, "h", 1, NULL, &errs),
			 W_CONFLICT);
	assert_string_equal(db_manage_err_get(&errs, "email"),
			    "Email sudah dipakai akun lain.");

	static const char *const bad[] = {
	    "",
	    "rina",
	    "@warta.id",
	    "rina@",
	    "rina@warta",
	    "a@b@c.id",
	    "rina @warta.id",
	    "rina@warta..id",
	    "rina@-warta.id",
	    "rina@warta.id-",
	    ".rina@warta.id",
	    "ri..na@warta.id",
	    "<script>@x.id",
	    "rina@war_ta.id",
	    "\"q\"@warta.id",
	    "rína@warta.id",
	    "rina@warta.id\n",
	    "rina@\xff.id",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&errs, 0, sizeof errs);
		in = user_in(bad[i], "Nama", "editor");
		assert_int_equal(db_manage_user_check(&in, &errs), W_INVAL);
		assert_non_null(db_manage_err_get(&errs, "email"));
		assert_int_equal(errs.n, 1);
	}
	char longmail[300];
	memset(longmail, 'a', 250);
	memcpy(longmail + 250, "@b.id", 6);
	memset(&errs, 0, sizeof errs);
	in = user_in(longmail, "Nama", "editor");
	assert_int_equal(db_manage_user_check(&in, &errs), W_INVAL);
	static const char *const good[] = {"o'brien+pilkada@mail.warta.id",
					   "A.B@x-y.co.id"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		memset(&errs, 0, sizeof errs);
		in = user_in(good[i], "Nama", "editor");
		assert_int_equal(db_manage_user_check(&in, &errs), W_OK);
	}

	memset(&errs, 0, sizeof errs);
	in = user_in("x@warta.id", "", "superuser");
	assert_int_equal(db_manage_user_check(&in, &errs), W_INVAL);
	assert_non_null(db_manage_err_get(&errs, "name"));
	assert_string_equal(db_manage_err_get(&errs, "role"),
			    "Peran tidak dikenal.");
	in = user_in("x@warta.id", "Nama", "Admin");
	memset(&errs, 0, sizeof errs);
	assert_int_equal(db_manage_user_check(&in, &errs), W_INVAL);

	/* An unknown byline is a field error, not a crash or a 500. */
	memset(&errs, 0, sizeof errs);
	in = user_in("x@warta.id", "Nama", "editor");
	in.author_id = 424242;
	assert_int_equal(db_manage_user_add(fx->db, &in, "h", 1, NULL, &errs),
			 W_INVAL);
	assert_string_equal(db_manage_err_get(&errs, "author_id"),
			    "Penulis tidak ditemukan.");
	assert_int_equal(fixture_count(fx->db,
	    "SELECT count(*) FROM users"), 2);

	/* Link a byline. */
	struct db_manage_item_input ai = {.name = "Rina Wati",
					  .initials = "RW"};
	int64_t au;
	assert_int_equal(save(fx, MK_AUTHOR, 0, &ai, &au, &errs), W_OK);
	memset(&errs, 0, sizeof errs);
	in = user_in("rina.wati@warta.id", "Rina Wati", "editor");
	in.author_id = au;
	assert_int_equal(db_manage_user_update(fx->db, admin, rep, &in, &errs),
			 W_OK);
	assert_int_equal(db_manage_user_get(fx->db, &fx->a, rep, &u), W_OK);
	assert_string_equal(u.u.email, "rina.wati@warta.id");
	assert_int_equal(u.u.role, ROLE_EDITOR);
	assert_int_equal(u.u.author_id, au);
	assert_string_equal(u.author_name, "Rina Wati");
	/* Taking the admin's address is a conflict. */
	in.email = "REDAKSI@warta.id";
	assert_int_equal(db_manage_user_update(fx->db, admin, rep, &in, &errs),
			 W_CONFLICT);

	/* An admin cannot change their own role... */
	memset(&errs, 0, sizeof errs);
	in = user_in("redaksi@warta.id", "Admin Baru", "editor");
	assert_int_equal(
	    db_manage_user_update(fx->db, admin, admin, &in, &errs), W_INVAL);
	assert_non_null(db_manage_err_get(&errs, "role"));
	assert_int_equal(db_manage_user_get(fx->db, &fx->a, admin, &u), W_OK);
	assert_int_equal(u.u.role, ROLE_ADMIN);
	assert_string_equal(u.u.name, "Admin Redaksi");
	/* ... but may rename themself. */
	in.role = "admin";
	assert_int_equal(
	    db_manage_user_update(fx->db, admin, admin, &in, &errs), W_OK);
	assert_int_equal(db_manage_user_update(fx->db, admin, 999, &in, &errs),
			 W_NOTFOUND);
	assert_true(sqlite3_get_autocommit(db_sqlite(fx->db)));

	/* Disabling deletes the sessions; nobody disables themself. */
	char sql[512];
	snprintf(sql, sizeof sql,
		 "INSERT INTO sessions (id_hash, user_id, csrf, created_at,"
		 " seen_at) VALUES ('s1', %lld, 'c', 1, 1), ('s2', %lld,"
		 " 'c', 1, 1), ('s3', %lld, 'c', 1, 1)",
		 (long long)rep, (long long)rep, (long long)admin);
	fixture_exec(fx->db, sql);
	assert_int_equal(db_manage_user_disable(fx->db, admin, admin, true),
			 W_FORBIDDEN);
	assert_int_equal(db_manage_user_disable(fx->db, admin, rep, true),
			 W_OK);
	assert_int_equal(db_manage_user_get(fx->db, &fx->a, rep, &u), W_OK);
	assert_true(u.u.disabled);
	assert_int_equal(fixture_count(fx->db,
	    "SELECT count(*) FROM sessions"), 1);
	assert_int_equal(db_manage_user_disable(fx->db, admin, rep, false),
			 W_OK);
	assert_int_equal(db_manage_user_get(fx->db, &fx->a, rep, &u), W_OK);
	assert_false(u.u.disabled);
	assert_int_equal(db_manage_user_disable(fx->db, admin, 999, true),
			 W_NOTFOUND);

	/* A password reset, with and without revoking sessions. */
	fixture_exec(fx->db,
	    "INSERT INTO sessions (id_hash, user_id, csrf, created_at,"
	    " seen_at) SELECT 's4', id, 'c', 1, 1 FROM users WHERE"
	    " email = 'rina.wati@warta.id'");
	assert_int_equal(
	    db_manage_user_password(fx->db, rep, "new-hash", false), W_OK);
	assert_int_equal(fixture_count(fx->db,
	    "SELECT count(*) FROM sessions"), 2);
	assert_int_equal(db_manage_user_password(fx->db, rep, "newer", true),
			 W_OK);
	assert_int_equal(fixture_count(fx->db,
	    "SELECT count(*) FROM sessions"), 1);
	assert_int_equal(fixture_count(fx->db,
	    "SELECT password_hash = 'newer' FROM users"
	    " WHERE email = 'rina.wati@warta.id'"),
	    1);
	assert_int_equal(db_manage_user_password(fx->db, 999, "x", true),
			 W_NOTFOUND);
	assert_int_equal(db_manage_user_password(fx->db, rep, "", true),
			 W_INVAL);

	/* A linked author cannot be deleted. */
	assert_int_equal(db_manage_item_delete(fx->db, MK_AUTHOR, au),
			 W_CONFLICT);

	/* Pages of accounts by id. */
	struct db_manage_user *list;
	size_t n;
	bool more;
	assert_int_equal(
	    db_manage_users(fx->db, &fx->a, 0, 1, &list, &n, &more), W_OK);
	assert_int_equal(n, 1);
	assert_true(more);
	assert_int_equal(list[0].u.id, admin);
	assert_int_equal(
	    db_manage_users(fx->db, &fx->a, admin, 10, &list, &n, &more), W_OK);
	assert_int_equal(n, 1);
	assert_false(more);
	assert_int_equal(list[0].u.id, rep);
	assert_string_equal(list[0].author_name, "Rina Wati");
}

static void
test_real_hash(void **state)
{
	struct fx *fx = *state;
	assert_int_equal(auth_init(), W_OK);
	char hash[AUTH_HASH_LEN];
	assert_int_equal(auth_password_hash("kata sandi rahasia", hash), W_OK);
	struct db_manage_errs errs = {0};
	struct db_manage_user_input in = user_in("e@warta.id", "E", "editor");
	int64_t id;
	assert_int_equal(db_manage_user_add(fx->db, &in, hash, 1, &id, &errs),
			 W_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(fx->db),
					    "SELECT password_hash FROM users"
					    " WHERE id = ?1",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const char *stored = (const char *)sqlite3_column_text(st, 0);
	assert_null(strstr(stored, "kata sandi"));
	assert_true(auth_password_check(stored, "kata sandi rahasia"));
	assert_false(auth_password_check(stored, "kata sandi salah!"));
	sqlite3_finalize(st);
}

static void
test_settings(void **state)
{
	struct fx *fx = *state;
	struct db_manage_errs errs = {0};
	struct db_manage_settings in = {
	    .site_name = "Kabar <Banten>",
	    .tagline = "Dari Serang",
	    .base_url = "https://kabar.example.id/",
	    .timezone = "Asia/Jayapura",
	    .language = "en",
	};
	assert_int_equal(db_manage_settings_save(fx->db, &in, &errs), W_OK);
	assert_int_equal(errs.n, 0);
	struct site s;
	assert_int_equal(db_site_load(fx->db, &fx->a, &s), W_OK);
	assert_string_equal(s.name, "Kabar <Banten>");
	assert_string_equal(s.tagline, "Dari Serang");
	assert_string_equal(s.base_url, "https://kabar.example.id");
	assert_string_equal(s.tz_abbr, "WIT");
	assert_string_equal(s.lang, "en");

	/* One bad field: nothing at all is stored. */
	in = (struct db_manage_settings){
	    .site_name = "Nama Baru",
	    .tagline = "baris\nkedua",
	    .base_url = "javascript:alert(1)",
	    .timezone = "Europe/Paris",
	    .language = "fr",
	};
	assert_int_equal(db_manage_settings_save(fx->db, &in, &errs), W_INVAL);
	assert_int_equal(errs.n, 4);
	assert_null(db_manage_err_get(&errs, "site_name"));
	assert_non_null(db_manage_err_get(&errs, "tagline"));
	assert_non_null(db_manage_err_get(&errs, "base_url"));
	assert_string_equal(db_manage_err_get(&errs, "timezone"),
			    "Zona waktu tidak dikenal.");
	assert_non_null(db_manage_err_get(&errs, "language"));
	assert_int_equal(db_site_load(fx->db, &fx->a, &s), W_OK);
	assert_string_equal(s.name, "Kabar <Banten>");
	assert_true(sqlite3_get_autocommit(db_sqlite(fx->db)));

	char longname[102];
	memset(longname, 'n', 101);
	longname[101] = '\0';
	memset(&errs, 0, sizeof errs);
	in = (struct db_manage_settings){.site_name = longname,
					 .tagline = "",
					 .base_url = "http://127.0.0.1:8080",
					 .timezone = "Asia/Makassar",
					 .language = "id"};
	assert_int_equal(db_manage_settings_save(fx->db, &in, &errs), W_INVAL);
	assert_non_null(db_manage_err_get(&errs, "site_name"));
	assert_int_equal(errs.n, 1);
	in.site_name = NULL;
	memset(&errs, 0, sizeof errs);
	assert_int_equal(db_manage_settings_save(fx->db, &in, &errs), W_INVAL);
	in.site_name = "Warta Makassar";
	memset(&errs, 0, sizeof errs);
	assert_int_equal(db_manage_settings_save(fx->db, &in, &errs), W_OK);
	assert_int_equal(db_site_load(fx->db, &fx->a, &s), W_OK);
	assert_string_equal(s.name, "Warta Makassar");
	assert_string_equal(s.tagline, "");
	assert_string_equal(s.tz_abbr, "WITA");

	/* Inside a caller's transaction, a refusal leaves it usable and
	 * the caller's own writes intact. */
	assert_int_equal(db_begin(fx->db), W_OK);
	fixture_exec(fx->db,
	    "INSERT INTO tags (slug, name) VALUES ('dalam', 'Dalam')");
	in.site_name = "";
	memset(&errs, 0, sizeof errs);
	assert_int_equal(db_manage_settings_save(fx->db, &in, &errs), W_INVAL);
	assert_false(sqlite3_get_autocommit(db_sqlite(fx->db)));
	assert_int_equal(db_commit(fx->db), W_OK);
	assert_int_equal(fixture_count(fx->db, "SELECT count(*) FROM tags WHERE"
					       " slug = 'dalam'"),
			 1);
}

static void
test_audit(void **state)
{
	struct fx *fx = *state;
	fixture_exec(fx->db,
	    "INSERT INTO users (id, email, name, role, password_hash,"
	    " created_at) VALUES (1, 'a@w.id', 'Ana', 'admin', 'x', 1),"
	    " (2, 'b@w.id', 'Budi', 'editor', 'x', 1);"
	    "INSERT INTO sections (id, slug, name) VALUES (1, 's', 'S');"
	    "INSERT INTO articles (id, slug, title, section_id,"
	    " updated_at, created_at) VALUES (5, 'a', 'Judul <i>', 1, 1,"
	    " 1);");
	/* 30 rows: users alternate, every third is a publish of article 5,
	 * and row 30 names an article that was deleted. */
	for (int i = 1; i <= 30; i++) {
		char sql[512];
		snprintf(sql, sizeof sql,
			 "INSERT INTO audit_log (id, user_id, action,"
			 " article_id, detail, addr, created_at) VALUES"
			 " (%d, %d, '%s', %s, 'd%d', '10.0.0.%d', %d)",
			 i, i % 2 + 1,
			 i % 3 == 0 ? "article.publish" : "section.save",
			 i == 30 ? "77" : (i % 3 == 0 ? "5" : "NULL"), i, i,
			 1000 + i);
		fixture_exec(fx->db, sql);
	}
	fixture_exec(fx->db,
	    "INSERT INTO audit_log (id, user_id, action, created_at)"
	    " VALUES (31, NULL, 'system.init', 2000)");

	struct db_manage_audit *rows;
	size_t n;
	bool more;
	assert_int_equal(
	    db_manage_audit_list(fx->db, &fx->a, NULL, 0, 10, &rows, &n, &more),
	    W_OK);
	assert_int_equal(n, 10);
	assert_true(more);
	assert_int_equal(rows[0].id, 31);
	assert_int_equal(rows[0].user_id, 0);
	assert_string_equal(rows[0].user_name, "");
	assert_string_equal(rows[0].action, "system.init");
	assert_int_equal(rows[1].id, 30);
	assert_int_equal(rows[1].article_id, 77);
	assert_string_equal(rows[1].article_title, "");
	assert_int_equal(rows[2].id, 29);
	assert_string_equal(rows[2].user_name, "Budi");
	assert_string_equal(rows[2].detail, "d29");
	assert_string_equal(rows[2].addr, "10.0.0.29");
	assert_int_equal(rows[2].created_at, 1029);
	assert_int_equal(rows[4].id, 27);
	assert_int_equal(rows[4].article_id, 5);
	assert_string_equal(rows[4].article_title, "Judul <i>");

	/* Keyset walk: every row once, newest first. */
	int64_t before = 0, last = INT64_MAX;
	size_t total = 0;
	do {
		assert_int_equal(db_manage_audit_list(fx->db, &fx->a, NULL,
						      before, 7, &rows, &n,
						      &more),
				 W_OK);
		for (size_t i = 0; i < n; i++) {
			assert_true(rows[i].id < last);
			last = rows[i].id;
		}
		total += n;
		if (n)
			before = rows[n - 1].id;
	} while (more);
	assert_int_equal(total, 31);

	struct db_manage_audit_filter f = {.user_id = 2};
	assert_int_equal(
	    db_manage_audit_list(fx->db, &fx->a, &f, 0, 100, &rows, &n, &more),
	    W_OK);
	assert_int_equal(n, 15);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(rows[i].user_name, "Budi");
	f = (struct db_manage_audit_filter){.action = "article.publish"};
	assert_int_equal(
	    db_manage_audit_list(fx->db, &fx->a, &f, 0, 100, &rows, &n, &more),
	    W_OK);
	assert_int_equal(n, 10);
	f.user_id = 1;
	assert_int_equal(
	    db_manage_audit_list(fx->db, &fx->a, &f, 0, 100, &rows, &n, &more),
	    W_OK);
	assert_int_equal(n, 5); /* 6, 12, 18, 24, 30 */
	assert_int_equal(rows[0].id, 30);
	assert_int_equal(
	    db_manage_audit_list(fx->db, &fx->a, &f, 15, 100, &rows, &n, &more),
	    W_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].id, 12);
	f = (struct db_manage_audit_filter){.action = "<script>'\""};
	assert_int_equal(
	    db_manage_audit_list(fx->db, &fx->a, &f, 0, 100, &rows, &n, &more),
	    W_OK);
	assert_int_equal(n, 0);
	assert_false(more);
}

static void
test_query_plans(void **state)
{
	struct fx *fx = *state;
	struct db_manage_item *items;
	struct db_manage_user *users;
	struct db_manage_audit *rows;
	struct db_manage_item it;
	struct db_manage_user u;
	size_t n;
	bool more;
	/* Prepare every read statement on the connection. */
	for (int k = 0; k < MK__MAX; k++) {
		assert_int_equal(db_manage_items(fx->db, &fx->a, k, NULL, 5,
						 &items, &n, &more),
				 W_OK);
		assert_int_equal(db_manage_item_get(fx->db, &fx->a, k, 1, &it),
				 W_NOTFOUND);
	}
	assert_int_equal(
	    db_manage_users(fx->db, &fx->a, 0, 5, &users, &n, &more), W_OK);
	assert_int_equal(db_manage_user_get(fx->db, &fx->a, 1, &u), W_NOTFOUND);
	struct db_manage_audit_filter fs[] = {
	    {0, NULL}, {1, NULL}, {0, "x"}, {1, "x"}};
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(db_manage_audit_list(fx->db, &fx->a, &fs[i], 0,
						      5, &rows, &n, &more),
				 W_OK);

	/* Read the SQL back from SQLite, so the test checks the queries as
	 * they are: no step scans a table, and nothing is sorted by a
	 * temporary b-tree. */
	int checked = 0;
	for (sqlite3_stmt *st = sqlite3_next_stmt(db_sqlite(fx->db), NULL); st;
	     st = sqlite3_next_stmt(db_sqlite(fx->db), st)) {
		const char *sql = sqlite3_sql(st);
		if (strncmp(sql, "SELECT", 6) != 0 || strstr(sql, "settings"))
			continue;
		char p[4096];
		fixture_plan(fx->db, sql, p, sizeof p);
		if (strstr(p, "SCAN ") || strstr(p, "TEMP B-TREE"))
			fail_msg("%s\n%s", sql, p);
		if (strstr(sql, "l.user_id = :user"))
			assert_non_null(strstr(p, "audit_log_"));
		else if (strstr(sql, "l.action = :action"))
			assert_non_null(strstr(p, "audit_log_action"));
		if (strstr(sql, "x.section_id"))
			assert_non_null(strstr(p, "articles_section"));
		if (strstr(sql, "u.author_id = t.id"))
			assert_non_null(strstr(p, "users_author"));
		checked++;
	}
	/* 3 kinds x (page, by id), users page and by id, 4 audit filters:
	 * the item and user by-id lookups count once each per kind. */
	assert_int_equal(checked, 3 * 2 + 2 + 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_errs),
	    cmocka_unit_test_setup_teardown(test_section_create, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_validation, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_in_use, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_pages, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_users, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_real_hash, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_settings, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_audit, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_query_plans, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
