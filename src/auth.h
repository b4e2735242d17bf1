/* auth.h - passwords, session and CSRF tokens, sign-in throttling.
 *
 * Passwords are hashed with libsodium's Argon2id (crypto_pwhash_str).
 * Session ids and CSRF tokens are 256 random bits, sent base64url; the
 * server stores only a hash of a session id. auth_init() must have been
 * called (it calls sodium_init) before any other function; all are
 * thread-safe afterwards. */
#ifndef WARTA_AUTH_H
#define WARTA_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "werr.h"

#define AUTH_PASSWORD_MIN 10   /* characters (UTF-8 code points) */
#define AUTH_PASSWORD_MAX 1024 /* bytes */
#define AUTH_HASH_LEN 128      /* crypto_pwhash_STRBYTES */
#define AUTH_TOKEN_LEN 44      /* 43 base64url chars + NUL */
#define AUTH_TOKEN_HASH_LEN 65 /* 64 hex chars + NUL */

/* W_NOMEM when libsodium cannot initialise. */
enum werr auth_init(void) WUNUSED;

/* Hashes pw into out. W_INVAL when pw is shorter than AUTH_PASSWORD_MIN
 * characters, longer than AUTH_PASSWORD_MAX bytes or not valid UTF-8;
 * W_NOMEM when Argon2id cannot get its memory. */
enum werr auth_password_hash(const char *pw, char out[AUTH_HASH_LEN]) WUNUSED;

/* True when pw matches hash. Takes as long as hashing does. */
bool auth_password_check(const char *hash, const char *pw);

/* Checks pw against nothing, taking as long as auth_password_check, so an
 * unknown email costs the same time as a wrong password. */
void auth_password_dummy(const char *pw);

/* A new random token: 32 bytes from randombytes_buf, base64url, no
 * padding. */
void auth_token_new(char out[AUTH_TOKEN_LEN]);

/* True when s looks like a token (43 base64url characters). */
bool auth_token_valid(const char *s);

/* The hex BLAKE2b-256 of a token, the form sessions are stored in. */
void auth_token_hash(const char *token, char out[AUTH_TOKEN_HASH_LEN]);

/* Constant-time comparison of two NUL-terminated strings. */
bool auth_equal(const char *a, const char *b);

/* A random password for a new account: 16 characters from an unambiguous
 * alphabet. */
void auth_password_random(char out[17]);

/* Sign-in throttling: after AUTH_FREE_FAILURES consecutive failures, each
 * further failure locks the key (an account, a client address) for a delay
 * that doubles from 2 s up to 15 minutes. Returns the delay in seconds for
 * the given number of failures (0 while under the threshold). */
#define AUTH_FREE_FAILURES 5
int64_t auth_throttle_delay(int64_t failures);

#endif
