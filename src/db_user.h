/* db_user.h - accounts, sign-in sessions and sign-in throttling rows.
 *
 * Every function takes a connection (one thread's) and, when it returns
 * strings, an arena they are copied into. Emails compare without regard to
 * ASCII case (the column is COLLATE NOCASE). None of these functions opens
 * a transaction unless it says so; callers that change several rows
 * together wrap them in db_begin()/db_commit(). */
#ifndef WARTA_DB_USER_H
#define WARTA_DB_USER_H

#include "admin.h"
#include "db.h"

/* Seconds between two seen_at updates of one session: a session used on
 * every click is written at most once a minute. */
#define DB_SESSION_TOUCH 60

/* A key's failures are forgotten once its last one is this old. */
#define DB_LOGIN_WINDOW (24 * 3600)
/* A session's public name: the first 16 hex digits of its id's hash, and
 * a NUL. Enough to tell one user's sessions apart; useless for signing in
 * (the cookie holds the id, whose hash this only begins). */
#define DB_SESSION_HANDLE_LEN 17

/* Adds an account. email must already be trimmed (it is stored as given);
 * author_id 0 means no byline; password_hash is an Argon2id string.
 * W_CONFLICT when the email is taken (whatever its case), W_INVAL when a
 * value breaks a constraint (empty email or name, an author that does not
 * exist), W_DB otherwise. *id (may be NULL) gets the new id. */
enum werr db_user_add(struct db *db, const char *email, const char *name,
		      enum role role, int64_t author_id,
		      const char *password_hash, int64_t now,
		      int64_t *id) WUNUSED;

/* Loads the account with this email (any case) into out, and its password
 * hash into *hash when hash is not NULL. Disabled accounts are returned
 * too, with out->disabled set. W_NOTFOUND when there is none. */
enum werr db_user_by_email(struct db *db, struct arena *a, const char *email,
			   struct user *out, const char **hash) WUNUSED;
enum werr db_user_by_id(struct db *db, struct arena *a, int64_t id,
			struct user *out) WUNUSED;

/* Every account, ordered by email. *out is an array of *n users in a. */
enum werr db_users_all(struct db *db, struct arena *a, struct user **out,
		       size_t *n) WUNUSED;

/* Replaces the password hash of account id and ends all its sessions, in
 * one transaction (the caller must not hold one). W_NOTFOUND when there is
 * no such account. */
enum werr db_user_set_password(struct db *db, int64_t id,
			       const char *hash) WUNUSED;

/* Disables (or enables again) account id; disabling also ends all its
 * sessions. One transaction (the caller must not hold one). W_NOTFOUND
 * when there is no such account. */
enum werr db_user_set_disabled(struct db *db, int64_t id,
			       bool disabled) WUNUSED;

/* Stores a new session: the hash of its id (auth_token_hash), its account,
 * its CSRF token, the client address, created_at = seen_at = now. */
enum werr db_session_add(struct db *db, const char *id_hash, int64_t user_id,
			 const char *csrf, const char *addr,
			 int64_t now) WUNUSED;

/* Loads the live session whose id hashes to id_hash into out (strings in
 * a). W_NOTFOUND when there is none, when it is past its idle
 * (ADMIN_IDLE after seen_at) or absolute (ADMIN_ABSOLUTE after created_at)
 * expiry, in which case the row is deleted, or when its account is
 * disabled. A live session seen DB_SESSION_TOUCH seconds ago or more gets
 * seen_at = now. */
enum werr db_session_get(struct db *db, struct arena *a, const char *id_hash,
			 int64_t now, struct session *out) WUNUSED;

/* Deletes one session (nothing when there is none): sign-out. */
enum werr db_session_delete(struct db *db, const char *id_hash) WUNUSED;

/* Deletes every session of account user_id. */
enum werr db_sessions_delete_user(struct db *db, int64_t user_id) WUNUSED;

/* Deletes every expired session at time now. */
enum werr db_sessions_purge(struct db *db, int64_t now) WUNUSED;

/* The throttle row of key ("email:x", "addr:1.2.3.4"): *failures and
 * *locked_until, both 0 when there is no row or its last failure is older
 * than DB_LOGIN_WINDOW. */
enum werr db_login_get(struct db *db, const char *key, int64_t now,
		       int64_t *failures, int64_t *locked_until) WUNUSED;

/* Records one more failure for key at now and locks it until now +
 * auth_throttle_delay(failures) once past the free failures. A row whose
 * last failure is older than DB_LOGIN_WINDOW starts again from 1. Two
 * statements: call inside a transaction. *locked_until (may be NULL) gets
 * the new lock (0 for none). */
enum werr db_login_fail(struct db *db, const char *key, int64_t now,
			int64_t *locked_until) WUNUSED;

/* Takes back one failure that db_login_fail() recorded for an attempt
 * that then succeeded: failures - 1, and the lock that call set
 * (locked_until, its output; 0 for none) lifted unless a later failure
 * replaced it. */
enum werr db_login_release(struct db *db, const char *key,
			   int64_t locked_until) WUNUSED;

/* Forgets key's failures: a successful sign-in. */
enum werr db_login_clear(struct db *db, const char *key) WUNUSED;

/* One of an account's live sessions, as its owner sees them. */
struct db_session_info {
	char handle[DB_SESSION_HANDLE_LEN]; /* names it for db_session_end */
	int64_t created_at;
	int64_t seen_at;
	const char *addr;
	bool current; /* the session whose id hashes to the caller's */
};

/* The live sessions of user_id at now (not past either expiry), most
 * recently seen first, at most max; current_hash marks the caller's own.
 * *out is an array of *n in a. */
enum werr db_sessions_of(struct db *db, struct arena *a, int64_t user_id,
			 const char *current_hash, int64_t now, size_t max,
			 struct db_session_info **out, size_t *n) WUNUSED;

/* Ends the session of user_id named by handle (see db_session_info), never
 * another account's. W_NOTFOUND when user_id has no such session. */
enum werr db_session_end(struct db *db, int64_t user_id,
			 const char *handle) WUNUSED;

/* Replaces the password hash of account id and ends every session of it
 * but keep_hash (the one in use). Two statements: call inside a
 * transaction. W_NOTFOUND when there is no such account. */
enum werr db_user_password_keep(struct db *db, int64_t id, const char *hash,
				const char *keep_hash) WUNUSED;

#endif
