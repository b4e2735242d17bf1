/* test_search_rank.c - the BM25 of warta_rank(): what raises a row and
 * what lowers it, and that counts out of range cannot break it. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "search_rank.h"

#define ROWS 1000.0

static double
one(double tf, double docs, double len)
{
	return search_rank_score(&tf, &docs, 1, len, 100.0, ROWS);
}

static void
test_direction(void **state)
{
	(void)state;
	/* Negative, better lower, like bm25(). */
	assert_true(one(1, 10, 100) < 0.0);
	assert_true(one(0, 10, 100) == 0.0);
	/* More occurrences rank higher, with diminishing returns. */
	assert_true(one(2, 10, 100) < one(1, 10, 100));
	assert_true(one(1, 10, 100) - one(2, 10, 100) <
		    one(0, 10, 100) - one(1, 10, 100));
	/* A rarer word counts more. */
	assert_true(one(1, 5, 100) < one(1, 500, 100));
	/* A shorter row with the same occurrences ranks higher. */
	assert_true(one(1, 10, 50) < one(1, 10, 400));
	/* A word on every row still counts (Lucene's IDF stays > 0). */
	assert_true(one(1, ROWS, 100) < 0.0);
}

static void
test_phrases_add(void **state)
{
	(void)state;
	double tf[2] = {1, 1}, docs[2] = {10, 900};
	double both = search_rank_score(tf, docs, 2, 100, 100, ROWS);
	assert_true(fabs(both - (one(1, 10, 100) + one(1, 900, 100))) <
		    1e-9);
	/* The rare phrase twice beats the common one twice. */
	double rare[2] = {2, 1}, common[2] = {1, 2};
	assert_true(search_rank_score(rare, docs, 2, 100, 100, ROWS) <
		    search_rank_score(common, docs, 2, 100, 100, ROWS));
}

static void
test_out_of_range(void **state)
{
	(void)state;
	/* Counts above the rows are the rows, below zero zero; an empty
	 * index or a zero average never divides by zero. */
	assert_true(one(1, 5 * ROWS, 100) == one(1, ROWS, 100));
	assert_true(one(1, -3, 100) == one(1, 0, 100));
	double tf = 1, docs = 0;
	assert_true(isfinite(search_rank_score(&tf, &docs, 1, 0, 0, 0)));
	assert_true(isfinite(search_rank_score(&tf, &docs, 1, 10, 0, 1)));
	assert_true(search_rank_score(NULL, NULL, 0, 10, 10, 10) == 0.0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_direction),
		cmocka_unit_test(test_phrases_add),
		cmocka_unit_test(test_out_of_range),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
