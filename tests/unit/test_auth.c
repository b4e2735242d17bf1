/* test_auth.c - password hashing, tokens, comparison and throttling. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "auth.h"

#define NTOKENS 1000

static const char b64url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
			     "abcdefghijklmnopqrstuvwxyz0123456789-_";

static int
setup(void **state)
{
	(void)state;
	return auth_init() == W_OK ? 0 : -1;
}

static void
test_hash_and_check(void **state)
{
	char h1[AUTH_HASH_LEN], h2[AUTH_HASH_LEN];
	const char *pw = "kopi tubruk pagi";

	(void)state;
	assert_int_equal(auth_password_hash(pw, h1), W_OK);
	assert_memory_equal(h1, "$argon2id$", 10);
	assert_true(strlen(h1) < AUTH_HASH_LEN);
	assert_true(auth_password_check(h1, pw));
	assert_false(auth_password_check(h1, "kopi tubruk Pagi"));
	assert_false(auth_password_check(h1, "kopi tubruk pagi "));
	assert_false(auth_password_check(h1, ""));
	assert_false(auth_password_check(h1, NULL));
	assert_false(auth_password_check(NULL, pw));
	assert_false(auth_password_check("", pw));
	assert_false(auth_password_check("$argon2id$garbage", pw));

	/* A fresh salt each time: equal passwords, different hashes, both
	 * accepted. */
	assert_int_equal(auth_password_hash(pw, h2), W_OK);
	assert_string_not_equal(h1, h2);
	assert_true(auth_password_check(h2, pw));

	/* Hostile characters are just characters. */
	assert_int_equal(auth_password_hash("<script>'\"&</script>", h2), W_OK);
	assert_true(auth_password_check(h2, "<script>'\"&</script>"));
	assert_false(auth_password_check(h2, "<script>'\"&</script"));

	/* Takes as long as a check; nothing to observe but that it returns
	 * and does not crash on odd input. */
	auth_password_dummy(pw);
	auth_password_dummy(NULL);
}

static void
test_length(void **state)
{
	char h[AUTH_HASH_LEN];
	char pw[AUTH_PASSWORD_MAX + 2];
	/* U+00E9 is two bytes, U+1F525 four: byte counts would let nine of
	 * them through. */
	const char *e9 = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
			 "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";
	const char *e10 = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
			  "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";
	const char *fire9 = "\xf0\x9f\x94\xa5\xf0\x9f\x94\xa5\xf0\x9f\x94\xa5"
			    "\xf0\x9f\x94\xa5\xf0\x9f\x94\xa5\xf0\x9f\x94\xa5"
			    "\xf0\x9f\x94\xa5\xf0\x9f\x94\xa5\xf0\x9f\x94\xa5";

	(void)state;
	memset(h, 'X', sizeof h);
	assert_int_equal(auth_password_hash("", h), W_INVAL);
	assert_int_equal(auth_password_hash("123456789", h), W_INVAL);
	assert_int_equal(auth_password_hash(e9, h), W_INVAL);
	assert_int_equal(auth_password_hash(fire9, h), W_INVAL);
	assert_int_equal(auth_password_hash(NULL, h), W_INVAL);

	assert_int_equal(auth_password_hash(e10, h), W_OK);
	assert_true(auth_password_check(h, e10));
	assert_false(auth_password_check(h, e9));

	/* Exactly the byte limit is accepted, one more is not. */
	memset(pw, 'a', sizeof pw);
	pw[AUTH_PASSWORD_MAX] = '\0';
	assert_int_equal(auth_password_hash(pw, h), W_OK);
	assert_true(auth_password_check(h, pw));
	pw[AUTH_PASSWORD_MAX] = 'a';
	pw[AUTH_PASSWORD_MAX + 1] = '\0';
	assert_int_equal(auth_password_hash(pw, h), W_INVAL);
	assert_false(auth_password_check(h, pw));
	auth_password_dummy(pw);
}

static void
test_invalid_utf8(void **state)
{
	char h[AUTH_HASH_LEN];

	(void)state;
	assert_int_equal(auth_password_hash("passwordpass\xff", h), W_INVAL);
	/* Overlong '/'. */
	assert_int_equal(auth_password_hash("abcdefghij\xc0\xaf", h), W_INVAL);
	/* Truncated euro sign at the end. */
	assert_int_equal(auth_password_hash("abcdefghij\xe2\x82", h), W_INVAL);
	/* A UTF-16 surrogate. */
	assert_int_equal(auth_password_hash("abcdefghij\xed\xa0\x80", h),
			 W_INVAL);
	/* A stray continuation byte. */
	assert_int_equal(auth_password_hash("\x80" "abcdefghij", h), W_INVAL);
	/* Above U+10FFFF. */
	assert_int_equal(auth_password_hash("abcdefghij\xf4\x90\x80\x80", h),
			 W_INVAL);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void
test_tokens(void **state)
{
	char(*t)[AUTH_TOKEN_LEN] = calloc(NTOKENS, AUTH_TOKEN_LEN);

	(void)state;
	assert_non_null(t);
	for (size_t i = 0; i < NTOKENS; i++) {
		auth_token_new(t[i]);
		assert_int_equal(strlen(t[i]), 43);
		assert_int_equal(strspn(t[i], b64url), 43);
		assert_true(auth_token_valid(t[i]));
	}
	qsort(t, NTOKENS, AUTH_TOKEN_LEN, cmp_str);
	for (size_t i = 1; i < NTOKENS; i++)
		assert_string_not_equal(t[i - 1], t[i]);
	free(t);
}

static void
test_token_valid(void **state)
{
	char t[AUTH_TOKEN_LEN], bad[AUTH_TOKEN_LEN + 1];

	(void)state;
	auth_token_new(t);
	assert_true(auth_token_valid(t));
	assert_false(auth_token_valid(NULL));
	assert_false(auth_token_valid(""));

	/* One short, one long. */
	memcpy(bad, t, 42);
	bad[42] = '\0';
	assert_false(auth_token_valid(bad));
	memcpy(bad, t, 43);
	bad[43] = 'A';
	bad[44] = '\0';
	assert_false(auth_token_valid(bad));

	/* Characters from standard base64, padding, hostile input. */
	memcpy(bad, t, 44);
	bad[5] = '+';
	assert_false(auth_token_valid(bad));
	bad[5] = '/';
	assert_false(auth_token_valid(bad));
	bad[5] = '=';
	assert_false(auth_token_valid(bad));
	bad[5] = '<';
	assert_false(auth_token_valid(bad));
	bad[5] = '"';
	assert_false(auth_token_valid(bad));
	bad[5] = '\'';
	assert_false(auth_token_valid(bad));
	bad[5] = '\xc3';
	assert_false(auth_token_valid(bad));

	/* 43 characters carry 258 bits; the last two must be zero, so 'A'
	 * ends a token and 'B' never does. */
	memcpy(bad, t, 44);
	bad[42] = 'A';
	assert_true(auth_token_valid(bad));
	bad[42] = 'B';
	assert_false(auth_token_valid(bad));

	assert_true(auth_token_valid(
		"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
	assert_true(auth_token_valid(
		"_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-w"));
	assert_false(auth_token_valid(
		"<script>alert(1)</script>AAAAAAAAAAAAAAAAAA"));
}

static void
test_token_hash(void **state)
{
	char a[AUTH_TOKEN_HASH_LEN], b[AUTH_TOKEN_HASH_LEN];

	(void)state;
	/* BLAKE2b-256 of the empty string, a published test value. */
	auth_token_hash("", a);
	assert_string_equal(a, "0e5751c026e543b2e8ab2eb06099daa1"
			       "d1e5df47778f7787faab45cdf12fe3a8");
	/* BLAKE2b-256("abc"). */
	auth_token_hash("abc", a);
	assert_string_equal(a, "bddd813c634239723171ef3fee98579b"
			       "94964e3bb1cb3e427262c8c068d52319");

	auth_token_hash("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", a);
	auth_token_hash("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", b);
	assert_string_equal(a, b);
	assert_int_equal(strlen(a), 64);
	assert_int_equal(strspn(a, "0123456789abcdef"), 64);
	auth_token_hash("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE", b);
	assert_string_not_equal(a, b);
}

static void
test_equal(void **state)
{
	(void)state;
	assert_true(auth_equal("", ""));
	assert_true(auth_equal("abc", "abc"));
	assert_false(auth_equal("abc", "abd"));
	assert_false(auth_equal("abc", "xbc"));
	assert_false(auth_equal("abc", "ab"));
	assert_false(auth_equal("ab", "abc"));
	assert_false(auth_equal("", "a"));
	assert_false(auth_equal("a", ""));
	assert_false(auth_equal(NULL, "a"));
	assert_false(auth_equal("a", NULL));
	assert_false(auth_equal(NULL, NULL));
	assert_true(auth_equal("<script>\"'", "<script>\"'"));
	assert_false(auth_equal("<script>\"'", "<script>'\""));
}

static void
test_password_random(void **state)
{
	char a[17], b[17];

	(void)state;
	for (int i = 0; i < 200; i++) {
		memset(a, 'X', sizeof a);
		auth_password_random(a);
		assert_int_equal(a[16], '\0');
		assert_int_equal(strlen(a), 16);
		assert_int_equal(strcspn(a, "0O1lI"), 16);
		assert_int_equal(strspn(a, "ABCDEFGHJKLMNPQRSTUVWXYZ"
					   "abcdefghijkmnopqrstuvwxyz"
					   "23456789"),
				 16);
	}
	auth_password_random(a);
	auth_password_random(b);
	assert_string_not_equal(a, b);
	assert_true(strlen(a) >= AUTH_PASSWORD_MIN);
}

static void
test_throttle(void **state)
{
	static const struct {
		int64_t failures, delay;
	} cases[] = {
		{INT64_MIN, 0}, {-1, 0},   {0, 0},	   {1, 0},
		{4, 0},		{5, 2},	   {6, 4},	   {7, 8},
		{8, 16},	{9, 32},   {10, 64},	   {11, 128},
		{12, 256},	{13, 512}, {14, 900},	   {15, 900},
		{64, 900},	{70, 900}, {1000000, 900}, {INT64_MAX, 900},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(auth_throttle_delay(cases[i].failures),
				 cases[i].delay);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash_and_check),
		cmocka_unit_test(test_length),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_token_valid),
		cmocka_unit_test(test_token_hash),
		cmocka_unit_test(test_equal),
		cmocka_unit_test(test_password_random),
		cmocka_unit_test(test_throttle),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
