/* test_role.c - the permission table, cell by cell, and role names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "role.h"

/* The policy written out again by hand, as a reviewer would read it, so a
 * change to either copy fails here. Columns: write, submit, edit any,
 * publish, unpublish, delete, revision restore, taxonomy, users, settings,
 * audit, live post, live manage, results, media upload, media edit any,
 * media delete. */
static const int expected[ROLE__MAX][PERM__MAX] = {
	/*               wr sub any pub unp del rev tax usr set aud lp lm re mu me md */
	[ROLE_REPORTER] = {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0},
	[ROLE_EDITOR]   = {1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1},
	[ROLE_ADMIN]    = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
};

static void
test_table(void **state)
{
	(void)state;
	/* The column order above must be the enum's. */
	assert_int_equal(PERM__MAX, 17);
	assert_int_equal(PERM_ARTICLE_WRITE, 0);
	assert_int_equal(PERM_ARTICLE_SUBMIT, 1);
	assert_int_equal(PERM_ARTICLE_EDIT_ANY, 2);
	assert_int_equal(PERM_ARTICLE_PUBLISH, 3);
	assert_int_equal(PERM_ARTICLE_UNPUBLISH, 4);
	assert_int_equal(PERM_ARTICLE_DELETE, 5);
	assert_int_equal(PERM_REVISION_RESTORE, 6);
	assert_int_equal(PERM_TAXONOMY, 7);
	assert_int_equal(PERM_USERS, 8);
	assert_int_equal(PERM_SETTINGS, 9);
	assert_int_equal(PERM_AUDIT, 10);
	assert_int_equal(PERM_LIVE_POST, 11);
	assert_int_equal(PERM_LIVE_MANAGE, 12);
	assert_int_equal(PERM_RESULTS, 13);
	assert_int_equal(PERM_MEDIA_UPLOAD, 14);
	assert_int_equal(PERM_MEDIA_EDIT_ANY, 15);
	assert_int_equal(PERM_MEDIA_DELETE, 16);
	assert_int_equal(ROLE__MAX, 3);

	for (int r = 0; r < ROLE__MAX; r++)
		for (int p = 0; p < PERM__MAX; p++)
			if (role_can((enum role)r, (enum perm)p) !=
			    (expected[r][p] != 0))
				fail_msg("role %d, perm %d: want %d", r, p,
					 expected[r][p]);
}

static void
test_spot_checks(void **state)
{
	(void)state;
	/* The rules the newsroom cares most about, spelled out. */
	assert_false(role_can(ROLE_REPORTER, PERM_ARTICLE_PUBLISH));
	assert_false(role_can(ROLE_REPORTER, PERM_ARTICLE_EDIT_ANY));
	assert_false(role_can(ROLE_REPORTER, PERM_USERS));
	assert_true(role_can(ROLE_EDITOR, PERM_ARTICLE_PUBLISH));
	assert_true(role_can(ROLE_EDITOR, PERM_TAXONOMY));
	assert_false(role_can(ROLE_EDITOR, PERM_USERS));
	assert_false(role_can(ROLE_EDITOR, PERM_SETTINGS));
	assert_false(role_can(ROLE_EDITOR, PERM_AUDIT));
	assert_true(role_can(ROLE_ADMIN, PERM_USERS));
	/* Reporters post to live blogs; only editors run them and the
	 * results desk. */
	assert_true(role_can(ROLE_REPORTER, PERM_LIVE_POST));
	assert_false(role_can(ROLE_REPORTER, PERM_LIVE_MANAGE));
	assert_false(role_can(ROLE_REPORTER, PERM_RESULTS));
	assert_true(role_can(ROLE_EDITOR, PERM_LIVE_MANAGE));
	assert_true(role_can(ROLE_EDITOR, PERM_RESULTS));
}

static void
test_unknown(void **state)
{
	(void)state;
	for (int p = 0; p < PERM__MAX; p++) {
		assert_false(role_can(ROLE__MAX, (enum perm)p));
		assert_false(role_can((enum role)-1, (enum perm)p));
		assert_false(role_can((enum role)1000, (enum perm)p));
	}
	for (int r = 0; r < ROLE__MAX; r++) {
		assert_false(role_can((enum role)r, PERM__MAX));
		assert_false(role_can((enum role)r, (enum perm)-1));
	}
	assert_null(role_name(ROLE__MAX));
	assert_null(role_name((enum role)-1));
	assert_null(role_label(ROLE__MAX));
	assert_null(role_label((enum role)-1));
}

static void
test_names(void **state)
{
	(void)state;
	assert_string_equal(role_name(ROLE_REPORTER), "reporter");
	assert_string_equal(role_name(ROLE_EDITOR), "editor");
	assert_string_equal(role_name(ROLE_ADMIN), "admin");
	assert_string_equal(role_label(ROLE_REPORTER), "Reporter");
	assert_string_equal(role_label(ROLE_EDITOR), "Redaktur");
	assert_string_equal(role_label(ROLE_ADMIN), "Admin");

	for (int r = 0; r < ROLE__MAX; r++)
		assert_int_equal(role_parse(role_name((enum role)r)), r);

	assert_int_equal(role_parse(NULL), ROLE__MAX);
	assert_int_equal(role_parse(""), ROLE__MAX);
	assert_int_equal(role_parse("Admin"), ROLE__MAX);
	assert_int_equal(role_parse("ADMIN"), ROLE__MAX);
	assert_int_equal(role_parse("admin "), ROLE__MAX);
	assert_int_equal(role_parse(" admin"), ROLE__MAX);
	assert_int_equal(role_parse("admi"), ROLE__MAX);
	assert_int_equal(role_parse("administrator"), ROLE__MAX);
	assert_int_equal(role_parse("Redaktur"), ROLE__MAX);
	assert_int_equal(role_parse("superuser"), ROLE__MAX);
	assert_int_equal(role_parse("<script>admin</script>"), ROLE__MAX);
	assert_int_equal(role_parse("admin\"'"), ROLE__MAX);
	assert_int_equal(role_parse("\xff" "admin"), ROLE__MAX);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_spot_checks),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
