/* test_slug.c - slugs from headlines and slug validation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "slug.h"

/* slug_from into a roomy buffer; checks that the length returned is the
 * length written. */
static void
expect(const char *in, const char *want)
{
	char out[256];
	size_t n;

	memset(out, 'X', sizeof out);
	n = slug_from(in, out, sizeof out);
	assert_string_equal(out, want);
	assert_int_equal(n, strlen(want));
}

static void
test_ascii(void **state)
{
	(void)state;
	expect("Banjir Rob Landa Pesisir Utara Jakarta",
	       "banjir-rob-landa-pesisir-utara-jakarta");
	expect("  KPU: Hasil Pilkada 2024 -- Resmi!  ",
	       "kpu-hasil-pilkada-2024-resmi");
	expect("a___b...c", "a-b-c");
	expect("---", "");
	expect("", "");
	expect("<script>alert(\"x\")</script>", "script-alert-x-script");
	expect("Tab\tand\nnewline", "tab-and-newline");
}

static void
test_apostrophes(void **state)
{
	(void)state;
	expect("Salat Jum'at di Masjid", "salat-jumat-di-masjid");
	expect("Jum\xe2\x80\x99" "at", "jumat");       /* U+2019 */
	expect("Jum\xe2\x80\x98" "at", "jumat");       /* U+2018 */
	expect("Jum\xca\xbc" "at", "jumat");           /* U+02BC */
	expect("'Kutipan' kata", "kutipan-kata");
	expect("rock ' n ' roll", "rock-n-roll");
	expect("\"Dua\" 'tanda'", "dua-tanda");
}

static void
test_transliteration(void **state)
{
	(void)state;
	/* Latin-1 Supplement, lower and upper case. */
	expect("\xc3\xa0\xc3\xa1\xc3\xa2\xc3\xa3\xc3\xa4\xc3\xa5", "aaaaaa");
	expect("\xc3\x80\xc3\x81\xc3\x82\xc3\x83\xc3\x84\xc3\x85", "aaaaaa");
	expect("\xc3\xa6 \xc3\x86", "ae-ae");
	expect("\xc3\xa7\xc3\x87", "cc");
	expect("\xc3\xa8\xc3\xa9\xc3\xaa\xc3\xab\xc3\x89", "eeeee");
	expect("\xc3\xac\xc3\xad\xc3\xae\xc3\xaf\xc3\x8e", "iiiii");
	expect("\xc3\xb1\xc3\x91", "nn");
	expect("\xc3\xb2\xc3\xb3\xc3\xb4\xc3\xb5\xc3\xb6\xc3\xb8\xc3\x98",
	       "ooooooo");
	expect("\xc3\xb9\xc3\xba\xc3\xbb\xc3\xbc\xc3\x9c", "uuuuu");
	expect("\xc3\xbd\xc3\xbf\xc3\x9d", "yyy");
	expect("Stra\xc3\x9f" "e", "strasse");
	/* Latin Extended-A. */
	expect("\xc5\x93uvre \xc5\x92", "oeuvre-oe");
	expect("\xc5\x81\xc3\xb3\xc4\x91\xc5\xba", "lodz");
	expect("\xc5\xa0koda \xc4\x8c" "esk\xc3\xa1", "skoda-ceska");
	expect("\xc4\x9e\xc4\xb1" "da \xc5\x9e\xc4\xb0", "gida-si");
	expect("Caf\xc3\xa9 Mont\xc3\xa9r\xc3\xa9" "al", "cafe-montereal");
	/* Not letters: × ÷, other scripts, emoji and symbols separate. */
	expect("3\xc3\x97" "4\xc3\xb7" "2", "3-4-2");
	expect("Berita \xe4\xb8\xad\xe6\x96\x87 Hari Ini", "berita-hari-ini");
	expect("\xf0\x9f\x94\xa5 Viral \xf0\x9f\x94\xa5", "viral");
	expect("50\xe2\x82\xac / 100%", "50-100");
}

static void
test_invalid_utf8(void **state)
{
	/* Malformed bytes separate like unknown characters; nothing of them
	 * reaches the slug. */
	(void)state;
	expect("a\xff" "b", "a-b");
	expect("a\xc3", "a");
	expect("\xc0\xafx", "x");
	expect("x\xed\xa0\x80y", "x-y");
	expect("\xe2\x82", "");
	expect("\x80\x80\x80", "");
}

static void
test_cut_at_word(void **state)
{
	char out[12];

	(void)state;
	/* 11 bytes of room. */
	assert_int_equal(slug_from("satu dua tiga empat", out, sizeof out), 8);
	assert_string_equal(out, "satu-dua");
	/* Fits exactly. */
	assert_int_equal(slug_from("satu dua ti", out, sizeof out), 11);
	assert_string_equal(out, "satu-dua-ti");
	/* The next word would start right at the edge. */
	assert_int_equal(slug_from("satu dua ti ga", out, sizeof out), 11);
	assert_string_equal(out, "satu-dua-ti");
	/* A cut multi-letter transliteration is still a cut word. */
	assert_int_equal(slug_from("satu dua ta\xc3\x9f", out, sizeof out),
			 8);
	assert_string_equal(out, "satu-dua");
	/* One word longer than the room is cut where it is. */
	assert_int_equal(slug_from("Pemberhentiansementara", out, sizeof out),
			 11);
	assert_string_equal(out, "pemberhenti");

	assert_int_equal(slug_from("ab", out, 1), 0);
	assert_string_equal(out, "");
	assert_int_equal(slug_from("ab cd", out, 3), 2);
	assert_string_equal(out, "ab");
	assert_int_equal(slug_from("a bc", out, 3), 1);
	assert_string_equal(out, "a");
	assert_int_equal(slug_from("ab", out, 0), 0);
}

static void
test_oversized(void **state)
{
	char in[4096], out[101];

	(void)state;
	for (size_t i = 0; i < sizeof in - 1; i++)
		in[i] = i % 7 == 6 ? ' ' : 'k';
	in[sizeof in - 1] = '\0';
	assert_int_equal(slug_from(in, out, sizeof out), 97);
	assert_true(slug_valid(out));
	assert_int_equal(out[96], 'k');
}

static void
test_valid(void **state)
{
	char s[102];

	(void)state;
	assert_true(slug_valid("a"));
	assert_true(slug_valid("banjir-rob-2024"));
	assert_true(slug_valid("0"));
	assert_false(slug_valid(NULL));
	assert_false(slug_valid(""));
	assert_false(slug_valid("-a"));
	assert_false(slug_valid("a-"));
	assert_false(slug_valid("-"));
	assert_false(slug_valid("a--b"));
	assert_false(slug_valid("Banjir"));
	assert_false(slug_valid("a b"));
	assert_false(slug_valid("a_b"));
	assert_false(slug_valid("a/b"));
	assert_false(slug_valid("a.b"));
	assert_false(slug_valid("caf\xc3\xa9"));
	assert_false(slug_valid("x<script>"));
	assert_false(slug_valid("x\"y"));
	assert_false(slug_valid("x'y"));

	memset(s, 'a', 100);
	s[100] = '\0';
	assert_true(slug_valid(s));
	s[100] = 'a';
	s[101] = '\0';
	assert_false(slug_valid(s));
}

static void
test_from_is_valid(void **state)
{
	/* Whatever comes out of slug_from is either empty or valid. */
	static const char *const in[] = {
		"Banjir!", "  --  ", "a - - b", "\xc3\x9f\xc3\x9f",
		"Jum'at---Berkah", "\xff\xfe", "x", "Z\xc3\x97Z",
	};
	char out[101];

	(void)state;
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		size_t n = slug_from(in[i], out, sizeof out);
		assert_true(n == 0 ? out[0] == '\0' : slug_valid(out));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_apostrophes),
		cmocka_unit_test(test_transliteration),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_cut_at_word),
		cmocka_unit_test(test_oversized),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_from_is_valid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
