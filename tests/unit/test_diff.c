/* test_diff.c - the line diff: edits at the start, middle and end, CRLF,
 * empty texts, and the size bound that keeps huge inputs linear. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diff.h"

/* The diff of a and b as "=x|-y|+z|", for comparing in one string. */
static const char *
show(struct arena *ar, const char *a, const char *b, int *exact)
{
	struct diff_line *d;
	size_t n;
	assert_int_equal(diff_lines(ar, a, b, &d, &n, exact), W_OK);
	static char out[4096];
	size_t k = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		char op = d[i].op == DIFF_SAME ? '=' :
			  d[i].op == DIFF_DEL  ? '-' : '+';
		k += (size_t)snprintf(out + k, sizeof out - k, "%c%.*s|", op,
				      (int)d[i].len, d[i].s);
		assert_true(k < sizeof out);
	}
	return out;
}

static void
test_edits(void **state)
{
	(void)state;
	struct arena ar;
	arena_init(&ar);
	int exact;
	assert_string_equal(show(&ar, "a\nb\nc\n", "a\nb\nc\n", &exact),
			    "=a|=b|=c|");
	assert_int_equal(exact, 1);
	assert_string_equal(show(&ar, "a\nb\nc", "a\nB\nc", NULL),
			    "=a|-b|+B|=c|");
	assert_string_equal(show(&ar, "a\nb\nc", "x\na\nb\nc", NULL),
			    "+x|=a|=b|=c|");
	assert_string_equal(show(&ar, "a\nb\nc", "a\nb", NULL),
			    "=a|=b|-c|");
	/* The LCS keeps the longest run: b and d survive. */
	assert_string_equal(show(&ar, "a\nb\nc\nd\ne", "b\nx\nd\ny", NULL),
			    "-a|=b|-c|+x|=d|-e|+y|");
	/* Moved paragraph: one side kept, the other removed and added. */
	assert_string_equal(show(&ar, "p1\np2\np3", "p3\np1\np2", NULL),
			    "+p3|=p1|=p2|-p3|");
	arena_fini(&ar);
}

static void
test_edges(void **state)
{
	(void)state;
	struct arena ar;
	arena_init(&ar);
	assert_string_equal(show(&ar, "", "", NULL), "");
	assert_string_equal(show(&ar, NULL, "x", NULL), "+x|");
	assert_string_equal(show(&ar, "x\ny\n", "", NULL), "-x|-y|");
	/* CRLF from a textarea equals LF from the database. */
	assert_string_equal(show(&ar, "a\r\nb\r\n", "a\nb", NULL), "=a|=b|");
	/* Blank lines are lines. */
	assert_string_equal(show(&ar, "a\n\nb", "a\nb", NULL), "=a|-|=b|");
	/* Markup passes through untouched: escaping is the page's job. */
	assert_string_equal(show(&ar, "<script>", "<b>\"'", NULL),
			    "-<script>|+<b>\"'|");
	arena_fini(&ar);
}

/* n lines "L<i>" with every k-th one changed to "M<i>". */
static char *
lines(size_t n, size_t k)
{
	char *s = malloc(n * 16 + 1);
	assert_non_null(s);
	size_t p = 0;
	for (size_t i = 0; i < n; i++)
		p += (size_t)sprintf(s + p, "%c%zu\n",
				     k && i % k == 0 ? 'M' : 'L', i);
	s[p] = '\0';
	return s;
}

static void
test_bound(void **state)
{
	(void)state;
	struct arena ar;
	arena_init(&ar);
	struct diff_line *d;
	size_t n;
	int exact;
	/* 900 x 900 middle lines: within the bound, exact. */
	char *a = lines(900, 0), *b = lines(900, 3);
	assert_int_equal(diff_lines(&ar, a, b, &d, &n, &exact), W_OK);
	assert_int_equal(exact, 1);
	size_t del = 0, add = 0;
	for (size_t i = 0; i < n; i++) {
		del += d[i].op == DIFF_DEL;
		add += d[i].op == DIFF_ADD;
	}
	assert_int_equal(del, 300);
	assert_int_equal(add, 300);
	free(a);
	free(b);
	/* 20,000 lines each, changed throughout: far over the bound, so the
	 * middle is replaced wholesale, fast, and still complete. */
	a = lines(20000, 0);
	b = lines(20000, 7);
	assert_int_equal(diff_lines(&ar, a, b, &d, &n, &exact), W_OK);
	assert_int_equal(exact, 0);
	size_t same = 0;
	del = add = 0;
	for (size_t i = 0; i < n; i++) {
		same += d[i].op == DIFF_SAME;
		del += d[i].op == DIFF_DEL;
		add += d[i].op == DIFF_ADD;
	}
	assert_int_equal(same + del, 20000);
	assert_int_equal(same + add, 20000);
	/* Lines 0 and 19999 both changed: no common ends, so all of a's
	 * lines go first, then all of b's. */
	assert_int_equal(d[0].op, DIFF_DEL);
	assert_int_equal(d[n - 1].op, DIFF_ADD);
	assert_int_equal(same, 0);
	free(a);
	free(b);
	/* A huge text with one change in the middle: the ends carry it. */
	a = lines(200000, 0);
	b = strdup(a);
	assert_non_null(b);
	char *mid = strstr(b, "\nL100000\n");
	assert_non_null(mid);
	mid[1] = 'X';
	assert_int_equal(diff_lines(&ar, a, b, &d, &n, &exact), W_OK);
	assert_int_equal(exact, 1);
	assert_int_equal(n, 200001);
	free(a);
	free(b);
	arena_fini(&ar);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edits),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_bound),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
