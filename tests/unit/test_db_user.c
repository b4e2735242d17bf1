/* test_db_user.c - accounts, sessions and throttle rows in a fresh
 * in-memory database: uniqueness whatever the case, hostile values, the
 * idle and absolute expiry at their exact edges, seen_at written at most
 * once a minute, disabling and password changes ending sessions, the
 * growing lock, and the indexes the lookups use. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "auth.h"
#include "db_user.h"
#include "migrate.h"
#include "fixture.h"

#define NOW 1700000000
#define HASH "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"

struct fx {
	struct db *db;
	struct arena a;
};

static int64_t
count(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t n = -1;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL),
			 SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof *fx);
	assert_non_null(fx);
	assert_int_equal(auth_init(), W_OK);
	fx->db = fixture_db();
	arena_init(&fx->a);
	fixture_exec(fx->db, "INSERT INTO authors (id, slug, name, initials)"
			     " VALUES (7, 'rina', 'Rina', 'rin')");
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

static int64_t
add(struct fx *fx, const char *email, enum role role)
{
	int64_t id = 0;
	assert_int_equal(
	    db_user_add(fx->db, email, "Nama", role, 0, HASH, NOW, &id), W_OK);
	assert_true(id > 0);
	return id;
}

static void
test_add_and_load(void **state)
{
	struct fx *fx = *state;
	int64_t id = 0;
	struct user u;
	const char *hash = NULL;

	assert_int_equal(db_user_add(fx->db, "rina@warta.test",
				     "Rina \"<script>\" O'Neil", ROLE_EDITOR, 7,
				     HASH, NOW, &id),
			 W_OK);
	assert_int_equal(
	    db_user_by_email(fx->db, &fx->a, "RINA@Warta.TEST", &u, &hash),
	    W_OK);
	assert_int_equal(u.id, id);
	assert_string_equal(u.email, "rina@warta.test");
	assert_string_equal(u.name, "Rina \"<script>\" O'Neil");
	assert_int_equal(u.role, ROLE_EDITOR);
	assert_int_equal(u.author_id, 7);
	assert_false(u.disabled);
	assert_string_equal(hash, HASH);

	memset(&u, 0, sizeof u);
	assert_int_equal(db_user_by_id(fx->db, &fx->a, id, &u), W_OK);
	assert_string_equal(u.email, "rina@warta.test");
	assert_int_equal(db_user_by_id(fx->db, &fx->a, id + 1, &u), W_NOTFOUND);
	assert_int_equal(
	    db_user_by_email(fx->db, &fx->a, "tidak@ada", &u, NULL),
	    W_NOTFOUND);
	/* No byline: author_id 0, stored as NULL. */
	int64_t id2 = add(fx, "tanpa@warta.test", ROLE_REPORTER);
	assert_int_equal(db_user_by_id(fx->db, &fx->a, id2, &u), W_OK);
	assert_int_equal(u.author_id, 0);
	assert_int_equal(count(fx->db, "SELECT count(*) FROM users WHERE"
				       " author_id IS NULL"),
			 1);
}

static void
test_add_refused(void **state)
{
	struct fx *fx = *state;
	int64_t id = 0;

	add(fx, "rina@warta.test", ROLE_EDITOR);
	/* The same email in another case is the same account. */
	assert_int_equal(db_user_add(fx->db, "Rina@WARTA.test", "Lain",
				     ROLE_REPORTER, 0, HASH, NOW, &id),
			 W_CONFLICT);
	assert_int_equal(
	    db_user_add(fx->db, "", "Kosong", ROLE_REPORTER, 0, HASH, NOW, &id),
	    W_INVAL);
	assert_int_equal(
	    db_user_add(fx->db, "a@b.c", "", ROLE_REPORTER, 0, HASH, NOW, &id),
	    W_INVAL);
	assert_int_equal(
	    db_user_add(fx->db, "a@b.c", "A", ROLE__MAX, 0, HASH, NOW, &id),
	    W_INVAL);
	assert_int_equal(db_user_add(fx->db, "a@b.c", "A", (enum role) - 1, 0,
				     HASH, NOW, &id),
			 W_INVAL);
	/* A byline that does not exist. */
	assert_int_equal(db_user_add(fx->db, "a@b.c", "A", ROLE_REPORTER, 99,
				     HASH, NOW, &id),
			 W_INVAL);
	assert_int_equal(count(fx->db, "SELECT count(*) FROM users"), 1);
	/* The statement is reusable after each failure. */
	add(fx, "a@b.c", ROLE_ADMIN);
}

static void
test_list(void **state)
{
	struct fx *fx = *state;
	struct user *v;
	size_t n;

	assert_int_equal(db_users_all(fx->db, &fx->a, &v, &n), W_OK);
	assert_int_equal(n, 0);
	/* More than the first array holds, in scrambled order. */
	for (int i = 0; i < 40; i++) {
		char email[32];
		snprintf(email, sizeof email, "u%02d@w.test", (i * 7) % 40);
		add(fx, email, (enum role)(i % 3));
	}
	assert_int_equal(db_users_all(fx->db, &fx->a, &v, &n), W_OK);
	assert_int_equal(n, 40);
	for (size_t i = 0; i < n; i++) {
		char email[32];
		snprintf(email, sizeof email, "u%02zu@w.test", i);
		assert_string_equal(v[i].email, email);
		assert_true((unsigned)v[i].role < ROLE__MAX);
	}
}

static void
test_session_roundtrip(void **state)
{
	struct fx *fx = *state;
	int64_t uid = add(fx, "rina@warta.test", ROLE_REPORTER);
	char tok[AUTH_TOKEN_LEN], hash[AUTH_TOKEN_HASH_LEN];
	struct session s;

	auth_token_new(tok);
	auth_token_hash(tok, hash);
	assert_int_equal(
	    db_session_add(fx->db, hash, uid, "CSRF", "10.0.0.1", NOW), W_OK);
	assert_int_equal(db_session_get(fx->db, &fx->a, hash, NOW, &s), W_OK);
	assert_string_equal(s.csrf, "CSRF");
	assert_int_equal(s.user.id, uid);
	assert_string_equal(s.user.email, "rina@warta.test");
	assert_int_equal(s.user.role, ROLE_REPORTER);
	/* Only the hash is stored. */
	assert_int_equal(count(fx->db, "SELECT count(*) FROM sessions"), 1);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(fx->db),
					    "SELECT id_hash FROM sessions", -1,
					    &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), hash);
	assert_string_not_equal((const char *)sqlite3_column_text(st, 0), tok);
	sqlite3_finalize(st);

	/* The token itself, or anything else, finds nothing. */
	assert_int_equal(db_session_get(fx->db, &fx->a, tok, NOW, &s),
			 W_NOTFOUND);
	assert_int_equal(db_session_get(fx->db, &fx->a, "' OR 1=1 --", NOW, &s),
			 W_NOTFOUND);
	assert_int_equal(db_session_get(fx->db, &fx->a, "", NOW, &s),
			 W_NOTFOUND);

	/* The same id twice is refused. */
	assert_int_equal(db_session_add(fx->db, hash, uid, "X", "", NOW),
			 W_CONFLICT);
	assert_int_equal(db_session_delete(fx->db, hash), W_OK);
	assert_int_equal(db_session_get(fx->db, &fx->a, hash, NOW, &s),
			 W_NOTFOUND);
	/* Deleting what is gone is fine. */
	assert_int_equal(db_session_delete(fx->db, hash), W_OK);
}

static int64_t
seen_at(struct fx *fx)
{
	return count(fx->db, "SELECT seen_at FROM sessions");
}

static void
test_session_idle(void **state)
{
	struct fx *fx = *state;
	int64_t uid = add(fx, "rina@warta.test", ROLE_REPORTER);
	struct session s;

	assert_int_equal(db_session_add(fx->db, "h1", uid, "c", "", NOW), W_OK);
	/* Within a minute nothing is written. */
	assert_int_equal(db_session_get(fx->db, &fx->a, "h1", NOW + 59, &s),
			 W_OK);
	assert_int_equal(seen_at(fx), NOW);
	/* From a minute on, seen_at follows. */
	assert_int_equal(db_session_get(fx->db, &fx->a, "h1", NOW + 60, &s),
			 W_OK);
	assert_int_equal(seen_at(fx), NOW + 60);
	/* The last second of the idle window still works ... */
	int64_t t = NOW + 60 + ADMIN_IDLE - 1;
	assert_int_equal(db_session_get(fx->db, &fx->a, "h1", t, &s), W_OK);
	assert_int_equal(seen_at(fx), t);
	/* ... and 12 hours after the last use it is over, and deleted. */
	assert_int_equal(
	    db_session_get(fx->db, &fx->a, "h1", t + ADMIN_IDLE, &s),
	    W_NOTFOUND);
	assert_int_equal(count(fx->db, "SELECT count(*) FROM sessions"), 0);
}

static void
test_session_absolute(void **state)
{
	struct fx *fx = *state;
	int64_t uid = add(fx, "rina@warta.test", ROLE_REPORTER);
	struct session s;
	int64_t t;

	assert_int_equal(db_session_add(fx->db, "h1", uid, "c", "", NOW), W_OK);
	/* Used every few hours, it still ends after 7 days. */
	for (t = NOW + 3600; t < NOW + ADMIN_ABSOLUTE; t += 6 * 3600)
		assert_int_equal(db_session_get(fx->db, &fx->a, "h1", t, &s),
				 W_OK);
	assert_int_equal(
	    db_session_get(fx->db, &fx->a, "h1", NOW + ADMIN_ABSOLUTE - 1, &s),
	    W_OK);
	assert_int_equal(
	    db_session_get(fx->db, &fx->a, "h1", NOW + ADMIN_ABSOLUTE, &s),
	    W_NOTFOUND);
	assert_int_equal(count(fx->db, "SELECT count(*) FROM sessions"), 0);
}

static void
test_session_purge(void **state)
{
	struct fx *fx = *state;
	int64_t uid = add(fx, "rina@warta.test", ROLE_REPORTER);

	fixture_exec(fx->db, "INSERT INTO sessions (id_hash, user_id, csrf,"
			     " created_at, seen_at) VALUES"
			     " ('live', 1, 'c', 1700000000, 1700000000),"
			     " ('idle', 1, 'c', 1700000000, 1699956800),"
			     " ('old', 1, 'c', 1699395200, 1700000000)");
	(void)uid;
	assert_int_equal(db_sessions_purge(fx->db, NOW), W_OK);
	assert_int_equal(count(fx->db, "SELECT count(*) FROM sessions"), 1);
	assert_int_equal(count(fx->db, "SELECT count(*) FROM sessions WHERE"
				       " id_hash = 'live'"),
			 1);
}

static void
test_disable_and_passwd_end_sessions(void **state)
{
	struct fx *fx = *state;
	int64_t a = add(fx, "a@w.test", ROLE_EDITOR);
	int64_t b = add(fx, "b@w.test", ROLE_EDITOR);
	struct session s;
	struct user u;
	const char *hash;

	assert_int_equal(db_session_add(fx->db, "a1", a, "c", "", NOW), W_OK);
	assert_int_equal(db_session_add(fx->db, "a2", a, "c", "", NOW), W_OK);
	assert_int_equal(db_session_add(fx->db, "b1", b, "c", "", NOW), W_OK);

	assert_int_equal(db_user_set_disabled(fx->db, a, true), W_OK);
	assert_int_equal(db_session_get(fx->db, &fx->a, "a1", NOW, &s),
			 W_NOTFOUND);
	assert_int_equal(db_session_get(fx->db, &fx->a, "b1", NOW, &s), W_OK);
	assert_int_equal(count(fx->db, "SELECT count(*) FROM sessions"), 1);
	assert_int_equal(db_user_by_id(fx->db, &fx->a, a, &u), W_OK);
	assert_true(u.disabled);

	/* A session row that survived somehow still does not let a
	 * disabled account in. */
	fixture_exec(fx->db, "INSERT INTO sessions (id_hash, user_id, csrf,"
			     " created_at, seen_at) VALUES ('a3', 1, 'c',"
			     " 1700000000, 1700000000)");
	assert_int_equal(db_session_get(fx->db, &fx->a, "a3", NOW, &s),
			 W_NOTFOUND);
	assert_int_equal(db_user_set_disabled(fx->db, a, false), W_OK);
	assert_int_equal(db_session_get(fx->db, &fx->a, "a3", NOW, &s), W_OK);

	assert_int_equal(db_user_set_password(fx->db, b, "$argon2id$baru"),
			 W_OK);
	assert_int_equal(db_session_get(fx->db, &fx->a, "b1", NOW, &s),
			 W_NOTFOUND);
	assert_int_equal(
	    db_user_by_email(fx->db, &fx->a, "b@w.test", &u, &hash), W_OK);
	assert_string_equal(hash, "$argon2id$baru");

	assert_int_equal(db_user_set_password(fx->db, 999, "x"), W_NOTFOUND);
	assert_int_equal(db_user_set_disabled(fx->db, 999, true), W_NOTFOUND);
	/* Nothing left open. */
	assert_true(sqlite3_get_autocommit(db_sqlite(fx->db)));
}

static void
test_throttle(void **state)
{
	struct fx *fx = *state;
	int64_t failures, until, lock;
	const char *key = "email:rina@warta.test";

	assert_int_equal(db_login_get(fx->db, key, NOW, &failures, &until),
			 W_OK);
	assert_int_equal(failures, 0);
	assert_int_equal(until, 0);
	/* Five free failures ... */
	for (int i = 1; i <= 4; i++) {
		assert_int_equal(db_login_fail(fx->db, key, NOW + i, &lock),
				 W_OK);
		assert_int_equal(lock, 0);
	}
	/* ... the fifth locks for 2 s, then each doubles up to 15 min. */
	int64_t want[] = {2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		int64_t t = NOW + 10 + (int64_t)i;
		assert_int_equal(db_login_fail(fx->db, key, t, &lock), W_OK);
		assert_int_equal(lock, t + want[i]);
		assert_int_equal(
		    db_login_get(fx->db, key, t, &failures, &until), W_OK);
		assert_int_equal(failures, 5 + (int64_t)i);
		assert_int_equal(until, t + want[i]);
	}
	/* Other keys are untouched. */
	assert_int_equal(
	    db_login_get(fx->db, "addr:10.0.0.1", NOW, &failures, &until),
	    W_OK);
	assert_int_equal(failures, 0);

	/* Success forgets. */
	assert_int_equal(db_login_clear(fx->db, key), W_OK);
	assert_int_equal(db_login_get(fx->db, key, NOW, &failures, &until),
			 W_OK);
	assert_int_equal(failures, 0);
	assert_int_equal(count(fx->db, "SELECT count(*) FROM login_failures"),
			 0);
	assert_int_equal(db_login_clear(fx->db, key), W_OK);
}

static void
test_throttle_window(void **state)
{
	struct fx *fx = *state;
	int64_t failures, until, lock;
	const char *key = "addr:10.0.0.1";

	for (int i = 0; i < 7; i++)
		assert_int_equal(db_login_fail(fx->db, key, NOW, &lock), W_OK);
	assert_int_equal(lock, NOW + 8);
	/* A day later the old failures are forgotten ... */
	int64_t later = NOW + DB_LOGIN_WINDOW;
	assert_int_equal(db_login_get(fx->db, key, later, &failures, &until),
			 W_OK);
	assert_int_equal(failures, 0);
	assert_int_equal(until, 0);
	/* ... and the next failure counts from one, without a lock. */
	assert_int_equal(db_login_fail(fx->db, key, later, &lock), W_OK);
	assert_int_equal(lock, 0);
	assert_int_equal(db_login_get(fx->db, key, later, &failures, &until),
			 W_OK);
	assert_int_equal(failures, 1);
	assert_int_equal(until, 0);
	/* One second less than a day keeps counting. */
	assert_int_equal(
	    db_login_fail(fx->db, key, later + DB_LOGIN_WINDOW - 1, &lock),
	    W_OK);
	assert_int_equal(db_login_get(fx->db, key, later + DB_LOGIN_WINDOW - 1,
				      &failures, &until),
			 W_OK);
	assert_int_equal(failures, 2);
	/* Hostile keys are only data. */
	const char *evil = "email:'); DROP TABLE users; --\xff<script>";
	assert_int_equal(db_login_fail(fx->db, evil, NOW, NULL), W_OK);
	assert_int_equal(db_login_get(fx->db, evil, NOW, &failures, &until),
			 W_OK);
	assert_int_equal(failures, 1);
	assert_int_equal(count(fx->db, "SELECT count(*) FROM users"), 0);
}

static void
test_query_plans(void **state)
{
	struct fx *fx = *state;
	struct user u, *v;
	struct session s;
	size_t n;
	int64_t f, l;

	/* Prepare every statement on the connection, then read their SQL
	 * back from SQLite, so the plans are of the queries as they are. */
	int64_t id = add(fx, "a@w.test", ROLE_ADMIN);
	assert_int_equal(db_user_by_email(fx->db, &fx->a, "a@w.test", &u, NULL),
			 W_OK);
	assert_int_equal(db_user_by_id(fx->db, &fx->a, id, &u), W_OK);
	assert_int_equal(db_users_all(fx->db, &fx->a, &v, &n), W_OK);
	assert_int_equal(db_session_add(fx->db, "h", id, "c", "", NOW), W_OK);
	assert_int_equal(db_session_get(fx->db, &fx->a, "h", NOW + 100, &s),
			 W_OK);
	assert_int_equal(db_sessions_delete_user(fx->db, id), W_OK);
	assert_int_equal(db_session_delete(fx->db, "h"), W_OK);
	assert_int_equal(db_login_fail(fx->db, "k", NOW, NULL), W_OK);
	assert_int_equal(db_login_get(fx->db, "k", NOW, &f, &l), W_OK);
	assert_int_equal(db_login_clear(fx->db, "k"), W_OK);

	int checked = 0;
	for (sqlite3_stmt *st = sqlite3_next_stmt(db_sqlite(fx->db), NULL); st;
	     st = sqlite3_next_stmt(db_sqlite(fx->db), st)) {
		const char *sql = sqlite3_sql(st);
		char p[2048];
		if (strncmp(sql, "INSERT", 6) == 0 || !strstr(sql, "WHERE") ||
		    strstr(sql, "seen_at <= ?1"))
			continue;
		fixture_plan(fx->db, sql, p, sizeof p);
		/* Every lookup goes through a key or an index. */
		if (!(strstr(p, "USING INDEX") ||
		      strstr(p, "USING COVERING INDEX") ||
		      strstr(p, "USING INTEGER PRIMARY KEY") ||
		      strstr(p, "USING PRIMARY KEY")))
			fail_msg("no index for %s:\n%s", sql, p);
		checked++;
	}
	assert_true(checked >= 8);

	/* The list reads the email index in order: no sort step. */
	char p[2048];
	fixture_plan(fx->db,
	    "SELECT id, email FROM users ORDER BY email", p, sizeof p);
	assert_null(strstr(p, "TEMP B-TREE"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_add_and_load, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_add_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_list, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_session_roundtrip, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_session_idle, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_session_absolute, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_session_purge, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(
		test_disable_and_passwd_end_sessions, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_throttle, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_throttle_window, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_query_plans, setup, teardown),
	};
	return cmocka_run_group_tests(tests, 0, 0);
}
