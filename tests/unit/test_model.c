/* test_model.c - status names and the one rule of what is public. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "model.h"

static void
test_status_names(void **state)
{
	for (int i = 0; i < ST__MAX; i++)
		assert_int_equal(article_status_parse(article_status_name(i)),
				 i);
	assert_string_equal(article_status_name(ST_UNPUBLISHED),
			    "unpublished");
	assert_int_equal(article_status_parse(NULL), ST__MAX);
	assert_int_equal(article_status_parse("Published"), ST__MAX);
	assert_int_equal(article_status_parse("<script>"), ST__MAX);
	assert_string_equal(article_status_name(ST__MAX), "unknown");
}

static void
test_public(void **state)
{
	const int64_t now = 1700000000;
	/* Published or scheduled, once the time has come. */
	assert_true(article_status_public(ST_PUBLISHED, now - 1, now));
	assert_true(article_status_public(ST_PUBLISHED, now, now));
	assert_true(article_status_public(ST_SCHEDULED, now, now));
	assert_false(article_status_public(ST_SCHEDULED, now + 1, now));
	/* No time (NULL in the database) is never public, as in SQL. */
	assert_false(article_status_public(ST_PUBLISHED, 0, now));
	/* The other statuses never are. */
	assert_false(article_status_public(ST_DRAFT, now - 1, now));
	assert_false(article_status_public(ST_REVIEW, now - 1, now));
	assert_false(article_status_public(ST_UNPUBLISHED, now - 1, now));
	assert_false(article_status_public(ST__MAX, now - 1, now));

	struct article a = {.status = ST_SCHEDULED, .published_at = now};
	assert_true(article_is_public(&a, now));
	assert_false(article_is_public(&a, now - 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_names),
		cmocka_unit_test(test_public),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
