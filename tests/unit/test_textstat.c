/* test_textstat.c - word counts of plain and Markdown text, reading time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "textstat.h"

static void
test_words(void **state)
{
	(void)state;
	assert_int_equal(textstat_words(NULL), 0);
	assert_int_equal(textstat_words(""), 0);
	assert_int_equal(textstat_words("  \n\t "), 0);
	assert_int_equal(textstat_words("satu"), 1);
	assert_int_equal(textstat_words("KPU menetapkan 3 pasangan."), 4);
	/* Markdown markers alone are not words; words inside them are. */
	assert_int_equal(textstat_words("## Subjudul\n\n- **tebal** dan "
					 "*miring*\n\n---"),
			 4);
	assert_int_equal(textstat_words("[tautan](https://contoh.id/a)"), 1);
	/* Non-ASCII letters count: "Surabaya–Malang" is one run. */
	assert_int_equal(textstat_words("Jalan \xC3\xA9t\xC3\xA9 "
					"Surabaya\xE2\x80\x93Malang"),
			 3);
	assert_int_equal(textstat_words("a\r\nb\r\n"), 2);
}

static void
test_minutes(void **state)
{
	(void)state;
	assert_int_equal(textstat_minutes(0), 0);
	assert_int_equal(textstat_minutes(1), 1);
	assert_int_equal(textstat_minutes(TEXTSTAT_WPM), 1);
	assert_int_equal(textstat_minutes(TEXTSTAT_WPM + 1), 2);
	/* 1,000 words of "kata " read in 5 minutes. */
	char *s = malloc(5001);
	assert_non_null(s);
	for (int i = 0; i < 1000; i++)
		memcpy(s + 5 * i, "kata ", 5);
	s[5000] = '\0';
	assert_int_equal(textstat_words(s), 1000);
	assert_int_equal(textstat_minutes(textstat_words(s)), 5);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_minutes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
