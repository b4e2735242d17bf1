/* test_utf8.c - strict UTF-8 validation and decoding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "utf8.h"

#define VALID(lit) utf8_valid(lit, sizeof(lit) - 1)

static void
test_accepts(void **state)
{
	(void)state;
	assert_true(utf8_valid("", 0));
	assert_true(utf8_valid(NULL, 0));
	assert_true(VALID("Jakarta"));
	assert_true(VALID("Jum\xca\xbc" "at"));            /* U+02BC */
	assert_true(VALID("caf\xc3\xa9"));                 /* é */
	assert_true(VALID("\xc2\x80"));                    /* U+0080 */
	assert_true(VALID("\xdf\xbf"));                    /* U+07FF */
	assert_true(VALID("\xe0\xa0\x80"));                /* U+0800 */
	assert_true(VALID("\xed\x9f\xbf"));                /* U+D7FF */
	assert_true(VALID("\xee\x80\x80"));                /* U+E000 */
	assert_true(VALID("\xef\xbf\xbd"));                /* U+FFFD */
	assert_true(VALID("\xef\xbf\xbf"));                /* U+FFFF */
	assert_true(VALID("\xf0\x90\x80\x80"));            /* U+10000 */
	assert_true(VALID("\xf0\x9f\x87\xae\xf0\x9f\x87\xa9")); /* flag */
	assert_true(VALID("\xf4\x8f\xbf\xbf"));            /* U+10FFFF */
}

static void
test_rejects(void **state)
{
	(void)state;
	assert_false(VALID("a\0b"));                       /* NUL */
	assert_false(VALID("\x80"));                       /* stray */
	assert_false(VALID("\xbf"));
	assert_false(VALID("\xc0\xaf"));                   /* overlong / */
	assert_false(VALID("\xc1\xbf"));
	assert_false(VALID("\xc0\x80"));                   /* overlong NUL */
	assert_false(VALID("\xe0\x80\xaf"));
	assert_false(VALID("\xe0\x9f\xbf"));               /* overlong 7FF */
	assert_false(VALID("\xf0\x80\x80\xaf"));
	assert_false(VALID("\xf0\x8f\xbf\xbf"));           /* overlong FFFF */
	assert_false(VALID("\xed\xa0\x80"));               /* U+D800 */
	assert_false(VALID("\xed\xbf\xbf"));               /* U+DFFF */
	assert_false(VALID("\xed\xa0\xbd\xed\xb2\xa9"));   /* CESU pair */
	assert_false(VALID("\xf4\x90\x80\x80"));           /* U+110000 */
	assert_false(VALID("\xf5\x80\x80\x80"));
	assert_false(VALID("\xf8\x88\x80\x80\x80"));       /* 5 bytes */
	assert_false(VALID("\xfe"));
	assert_false(VALID("\xff"));
	assert_false(VALID("\xc3"));                       /* truncated */
	assert_false(VALID("\xe2\x82"));
	assert_false(VALID("\xf0\x9f\x98"));
	assert_false(VALID("ok\xc3"));
	assert_false(VALID("\xc3(")); /* continuation missing */
	assert_false(VALID("\xe2(\xa1"));
	assert_false(VALID("\xf0\x9f(\x80"));
	assert_false(VALID("\xf0\x9f\x98("));
}

static void
test_length_bound(void **state)
{
	/* Only n bytes are looked at: the é is cut by the length. */
	(void)state;
	assert_true(utf8_valid("ab\xc3\xa9", 2));
	assert_false(utf8_valid("ab\xc3\xa9", 3));
	assert_true(utf8_valid("ab\xc3\xa9", 4));
}

static void
test_text(void **state)
{
	(void)state;
	/* Characters are counted, not bytes: "é" is one. */
	assert_true(utf8_text("Kab\xc3\xa9", 4, 4, false));
	assert_false(utf8_text("Kab\xc3\xa9", 5, 9, false));
	assert_false(utf8_text("abcdef", 1, 5, false));
	assert_true(utf8_text(NULL, 0, 5, false));
	assert_false(utf8_text(NULL, 1, 5, false));
	assert_true(utf8_text("", 0, 5, false));
	/* Hostile text passes untouched: escaping is the template's job. */
	assert_true(utf8_text("<script>\"'</script>", 1, 100, false));
	/* Controls: C0, DEL and C1 never; line breaks only with lines. */
	assert_false(utf8_text("a\x01b", 0, 9, true));
	assert_false(utf8_text("a\x7f", 0, 9, true));
	assert_false(utf8_text("a\xc2\x85", 0, 9, true));
	assert_true(utf8_text("a\xc2\xa0", 0, 9, false)); /* NBSP */
	assert_false(utf8_text("a\nb", 0, 9, false));
	assert_true(utf8_text("a\r\n\tb", 0, 9, true));
	/* Invalid or truncated UTF-8. */
	assert_false(utf8_text("\xc3\x28", 0, 9, true));
	assert_false(utf8_text("ab\xc3", 0, 9, true));
}

static void
test_decode(void **state)
{
	uint32_t cp = 12345;

	(void)state;
	assert_int_equal(utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(utf8_decode("\xc3\xa9x", 3, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(utf8_decode("\xe2\x80\x99", 3, &cp), 3);
	assert_int_equal(cp, 0x2019);
	assert_int_equal(utf8_decode("\xf4\x8f\xbf\xbf", 4, &cp), 4);
	assert_int_equal(cp, 0x10FFFF);
	assert_int_equal(utf8_decode("", 1, &cp), 1);
	assert_int_equal(cp, 0);

	cp = 7;
	assert_int_equal(utf8_decode("x", 0, &cp), 0);
	assert_int_equal(utf8_decode("\xe2\x80\x99", 2, &cp), 0);
	assert_int_equal(utf8_decode("\xed\xa0\x80", 3, &cp), 0);
	assert_int_equal(utf8_decode("\xc0\x80", 2, &cp), 0);
	assert_int_equal(utf8_decode("\xff", 1, &cp), 0);
	assert_int_equal(cp, 7);
}

static void
test_exhaustive_two_byte(void **state)
{
	/* Every two-byte pattern: valid exactly when it is C2-DF followed by
	 * a continuation byte, or two ASCII non-NUL bytes. */
	(void)state;
	for (int a = 0; a < 256; a++) {
		for (int b = 0; b < 256; b++) {
			char s[2] = {(char)a, (char)b};
			bool ascii = a > 0 && a < 0x80 && b > 0 && b < 0x80;
			bool pair = a >= 0xC2 && a <= 0xDF && b >= 0x80 &&
				    b <= 0xBF;
			assert_int_equal(utf8_valid(s, 2), ascii || pair);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accepts),
		cmocka_unit_test(test_rejects),
		cmocka_unit_test(test_length_bound),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_exhaustive_two_byte),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
