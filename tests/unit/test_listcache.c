/* test_listcache.c - lists kept while the site's stamp holds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "listcache.h"

#define NOW 1733300000

/* A one-story list read into arena a, as a db_articles_* call would. */
static struct article_list
one(struct arena *a, int64_t id)
{
	struct article_list l = {0};
	l.items = arena_alloc(a, sizeof *l.items);
	assert_non_null(l.items);
	memset(l.items, 0, sizeof *l.items);
	l.items[0].id = id;
	l.items[0].title = arena_strdup(a, "Judul");
	l.n = 1;
	return l;
}

static void
test_kept_while_stamp_holds(void **state)
{
	struct listcache *lc = NULL;
	(void)state;

	struct listcache *c = listcache_at(&lc, NOW - 10, NOW);
	assert_non_null(c);
	assert_null(listcache_get(c, LISTCACHE_LATEST, 0));
	struct article_list l = one(listcache_arena(c), 7);
	listcache_put(c, LISTCACHE_LATEST, 0, &l);
	l = one(listcache_arena(c), 8);
	listcache_put(c, LISTCACHE_SECTION, 3, &l);

	c = listcache_at(&lc, NOW - 10, NOW + 5);
	const struct article_list *got = listcache_get(c, LISTCACHE_LATEST, 0);
	assert_non_null(got);
	assert_int_equal(got->items[0].id, 7);
	assert_string_equal(got->items[0].title, "Judul");
	assert_int_equal(listcache_get(c, LISTCACHE_SECTION, 3)->items[0].id,
			 8);
	/* Kind and key both count. */
	assert_null(listcache_get(c, LISTCACHE_SECTION, 4));
	assert_null(listcache_get(c, LISTCACHE_RELATED, 3));

	/* Any change on the site empties it. */
	c = listcache_at(&lc, NOW - 3, NOW);
	assert_non_null(c);
	assert_null(listcache_get(c, LISTCACHE_LATEST, 0));
	listcache_free(lc);
}

static void
test_untrusted_stamps(void **state)
{
	struct listcache *lc = NULL;
	(void)state;

	/* A change in this very second could be followed by another with the
	 * same stamp: nothing is kept. Nor for an empty site. */
	assert_null(listcache_at(&lc, NOW, NOW));
	assert_null(listcache_at(&lc, NOW + 1, NOW));
	assert_null(listcache_at(&lc, 0, NOW));
	assert_null(lc);
	assert_null(listcache_get(NULL, LISTCACHE_LATEST, 0));
	assert_null(listcache_arena(NULL));
	listcache_put(NULL, LISTCACHE_LATEST, 0, NULL);
	listcache_free(NULL);
}

static void
test_full_cache_keeps_what_it_has(void **state)
{
	struct listcache *lc = NULL;
	(void)state;

	struct listcache *c = listcache_at(&lc, NOW - 1, NOW);
	for (int64_t k = 0; k < LISTCACHE_MAX; k++) {
		struct arena *a = listcache_arena(c);
		assert_non_null(a);
		struct article_list l = one(a, k);
		listcache_put(c, LISTCACHE_RELATED, k, &l);
	}
	assert_null(listcache_arena(c));
	assert_int_equal(listcache_get(c, LISTCACHE_RELATED, 0)->items[0].id,
			 0);
	assert_int_equal(listcache_get(c, LISTCACHE_RELATED, LISTCACHE_MAX - 1)
				 ->items[0]
				 .id,
			 LISTCACHE_MAX - 1);
	listcache_free(lc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kept_while_stamp_holds),
		cmocka_unit_test(test_untrusted_stamps),
		cmocka_unit_test(test_full_cache_keeps_what_it_has),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
