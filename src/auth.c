/* auth.c - password hashing, random tokens and sign-in throttling. */
#include "auth.h"

#include <assert.h>
#include <string.h>

#include <sodium.h>

#include "utf8.h"

#define TOKEN_BYTES 32
#define TOKEN_CHARS (AUTH_TOKEN_LEN - 1)
#define TOKEN_VARIANT sodium_base64_VARIANT_URLSAFE_NO_PADDING
#define TOKEN_HASH_BYTES 32

/* The longest lock-out, and the first one. */
#define THROTTLE_MAX 900
#define THROTTLE_FIRST 2

/* Interactive limits (2 passes, 64 MiB): Warta runs on a small VPS where
 * sign-in is interactive and a few workers may hash at the same time; the
 * sensitive limits (1 GiB, seconds per hash) would let a handful of
 * sign-in attempts exhaust the machine's memory. */
#define PW_OPSLIMIT crypto_pwhash_OPSLIMIT_INTERACTIVE
#define PW_MEMLIMIT crypto_pwhash_MEMLIMIT_INTERACTIVE

static_assert(AUTH_HASH_LEN == crypto_pwhash_STRBYTES,
	      "AUTH_HASH_LEN must match libsodium");
static_assert(sodium_base64_ENCODED_LEN(TOKEN_BYTES, TOKEN_VARIANT) ==
		  AUTH_TOKEN_LEN,
	      "AUTH_TOKEN_LEN must fit 32 bytes of base64url plus NUL");
static_assert(AUTH_TOKEN_HASH_LEN == TOKEN_HASH_BYTES * 2 + 1,
	      "AUTH_TOKEN_HASH_LEN must fit the hex digest plus NUL");
static_assert(TOKEN_HASH_BYTES >= crypto_generichash_BYTES_MIN &&
		  TOKEN_HASH_BYTES <= crypto_generichash_BYTES_MAX,
	      "BLAKE2b output length out of range");

/* Letters and digits that cannot be mistaken for one another when read
 * aloud or copied from paper: no 0/O, no 1/l/I. */
static const char pw_alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ"
				  "abcdefghijkmnopqrstuvwxyz"
				  "23456789";

enum werr
auth_init(void)
{
	/* 1 means already initialised, which is fine. */
	if (sodium_init() < 0)
		return W_NOMEM;
	return W_OK;
}

/* The byte length of pw when it is acceptable as a password, or
 * AUTH_PASSWORD_MAX + 1 when it is not. strnlen keeps a hostile
 * megabyte-long input from being scanned past the limit. */
static size_t
pw_length(const char *pw)
{
	size_t n, chars = 0;

	if (pw == NULL)
		return AUTH_PASSWORD_MAX + 1;
	n = strnlen(pw, AUTH_PASSWORD_MAX + 1);
	if (n > AUTH_PASSWORD_MAX || !utf8_valid(pw, n))
		return AUTH_PASSWORD_MAX + 1;
	/* The input is valid UTF-8, so each byte that is not a continuation
	 * byte starts exactly one code point. */
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)pw[i] & 0xC0) != 0x80)
			chars++;
	if (chars < AUTH_PASSWORD_MIN)
		return AUTH_PASSWORD_MAX + 1;
	return n;
}

enum werr
auth_password_hash(const char *pw, char out[AUTH_HASH_LEN])
{
	size_t n = pw_length(pw);

	if (n > AUTH_PASSWORD_MAX)
		return W_INVAL;
	/* With valid limits, the only way crypto_pwhash_str fails is that
	 * Argon2id cannot allocate its memory. */
	if (crypto_pwhash_str(out, pw, n, PW_OPSLIMIT, PW_MEMLIMIT) != 0)
		return W_NOMEM;
	return W_OK;
}

bool
auth_password_check(const char *hash, const char *pw)
{
	size_t n;

	if (hash == NULL || pw == NULL)
		return false;
	/* Anything over the limit could never have been hashed, so it cannot
	 * match; refusing early also keeps hostile inputs cheap. */
	n = strnlen(pw, AUTH_PASSWORD_MAX + 1);
	if (n > AUTH_PASSWORD_MAX)
		return false;
	/* The stored hash must be a string that fits libsodium's buffer;
	 * verify reads it as such. */
	if (strnlen(hash, AUTH_HASH_LEN) >= AUTH_HASH_LEN)
		return false;
	return crypto_pwhash_str_verify(hash, pw, n) == 0;
}

void
auth_password_dummy(const char *pw)
{
	/* Hashing with the same limits costs what verifying costs, without
	 * keeping a precomputed hash in a global. */
	char scratch[AUTH_HASH_LEN];
	size_t n;

	if (pw == NULL)
		pw = "";
	n = strnlen(pw, AUTH_PASSWORD_MAX + 1);
	/* Mirror auth_password_check's early refusal. */
	if (n > AUTH_PASSWORD_MAX)
		return;
	if (crypto_pwhash_str(scratch, pw, n, PW_OPSLIMIT, PW_MEMLIMIT) != 0) {
		/* Out of memory: the real check would have failed the same
		 * way, so there is nothing to equalise. */
	}
	sodium_memzero(scratch, sizeof scratch);
}

void
auth_token_new(char out[AUTH_TOKEN_LEN])
{
	unsigned char bin[TOKEN_BYTES];

	randombytes_buf(bin, sizeof bin);
	sodium_bin2base64(out, AUTH_TOKEN_LEN, bin, sizeof bin, TOKEN_VARIANT);
	sodium_memzero(bin, sizeof bin);
}

bool
auth_token_valid(const char *s)
{
	unsigned char bin[TOKEN_BYTES];
	char again[AUTH_TOKEN_LEN];
	size_t bin_len = 0;
	const char *end = NULL;
	bool ok;

	if (s == NULL || strnlen(s, AUTH_TOKEN_LEN) != TOKEN_CHARS)
		return false;
	ok = sodium_base642bin(bin, sizeof bin, s, TOKEN_CHARS, NULL, &bin_len,
			       &end, TOKEN_VARIANT) == 0 &&
	     bin_len == sizeof bin && end == s + TOKEN_CHARS;
	/* 43 characters carry 258 bits: a last character with its two unused
	 * bits set decodes to the same bytes as a token we issued, and not
	 * every libsodium version refuses it. Encoding again finds it. */
	if (ok) {
		sodium_bin2base64(again, sizeof again, bin, sizeof bin,
				  TOKEN_VARIANT);
		ok = memcmp(again, s, TOKEN_CHARS) == 0;
		sodium_memzero(again, sizeof again);
	}
	sodium_memzero(bin, sizeof bin);
	return ok;
}

void
auth_token_hash(const char *token, char out[AUTH_TOKEN_HASH_LEN])
{
	unsigned char digest[TOKEN_HASH_BYTES];

	if (token == NULL)
		token = "";
	/* Unkeyed BLAKE2b: a session id already has 256 bits of entropy, so
	 * a fast hash is enough to make a leaked table useless. */
	crypto_generichash(digest, sizeof digest, (const unsigned char *)token,
			   strlen(token), NULL, 0);
	sodium_bin2hex(out, AUTH_TOKEN_HASH_LEN, digest, sizeof digest);
}

bool
auth_equal(const char *a, const char *b)
{
	size_t la, lb;

	if (a == NULL || b == NULL)
		return false;
	/* Lengths are not secret (tokens have a fixed length); only the
	 * contents are compared in constant time. */
	la = strlen(a);
	lb = strlen(b);
	if (la != lb)
		return false;
	return sodium_memcmp(a, b, la) == 0;
}

void
auth_password_random(char out[17])
{
	for (size_t i = 0; i < 16; i++)
		out[i] = pw_alphabet[randombytes_uniform(
		    (uint32_t)(sizeof pw_alphabet - 1))];
	out[16] = '\0';
}

int64_t
auth_throttle_delay(int64_t failures)
{
	int64_t delay = THROTTLE_FIRST;

	if (failures < AUTH_FREE_FAILURES)
		return 0;
	/* Double once per failure past the first locked one, stopping at
	 * the cap: at most a handful of iterations whatever the count, and
	 * no shift that could overflow. */
	for (int64_t k = failures - AUTH_FREE_FAILURES;
	     k > 0 && delay < THROTTLE_MAX; k--)
		delay *= 2;
	return delay < THROTTLE_MAX ? delay : THROTTLE_MAX;
}
