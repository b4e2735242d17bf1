/* db_user.c - accounts, sessions and sign-in throttling in SQLite. */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "db_user.h"

static const char SQL_USER_ADD[] =
    "INSERT INTO users (email, name, role, author_id, password_hash,"
    " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char SQL_USER_BY_EMAIL[] =
    "SELECT id, email, name, role, ifnull(author_id, 0), disabled,"
    " password_hash FROM users WHERE email = ?1";
static const char SQL_USER_BY_ID[] =
    "SELECT id, email, name, role, ifnull(author_id, 0), disabled,"
    " password_hash FROM users WHERE id = ?1";
/* The UNIQUE index on email (COLLATE NOCASE) gives the order. */
static const char SQL_USERS_ALL[] =
    "SELECT id, email, name, role, ifnull(author_id, 0), disabled,"
    " '' FROM users ORDER BY email";
static const char SQL_USER_SET_HASH[] =
    "UPDATE users SET password_hash = ?2 WHERE id = ?1";
static const char SQL_USER_SET_DISABLED[] =
    "UPDATE users SET disabled = ?2 WHERE id = ?1";

static const char SQL_SESSION_ADD[] =
    "INSERT INTO sessions (id_hash, user_id, csrf, created_at, seen_at,"
    " addr) VALUES (?1, ?2, ?3, ?4, ?4, ?5)";
static const char SQL_SESSION_GET[] =
    "SELECT s.csrf, s.created_at, s.seen_at, u.id, u.email, u.name,"
    " u.role, ifnull(u.author_id, 0), u.disabled"
    " FROM sessions s JOIN users u ON u.id = s.user_id"
    " WHERE s.id_hash = ?1";
static const char SQL_SESSION_TOUCH[] =
    "UPDATE sessions SET seen_at = ?2 WHERE id_hash = ?1";
static const char SQL_SESSION_DELETE[] =
    "DELETE FROM sessions WHERE id_hash = ?1";
static const char SQL_SESSIONS_DELETE_USER[] =
    "DELETE FROM sessions WHERE user_id = ?1";
static const char SQL_SESSIONS_PURGE[] =
    "DELETE FROM sessions WHERE seen_at <= ?1 OR created_at <= ?2";

static const char SQL_LOGIN_GET[] =
    "SELECT failures, locked_until, last_at FROM login_failures"
    " WHERE key = ?1";
/* A row past the window counts as none: the count starts again. */
static const char SQL_LOGIN_FAIL[] =
    "INSERT INTO login_failures (key, failures, locked_until, last_at)"
    " VALUES (?1, 1, 0, ?2)"
    " ON CONFLICT (key) DO UPDATE SET"
    "  failures = CASE WHEN last_at <= ?2 - ?3 THEN 1"
    "   ELSE failures + 1 END,"
    "  locked_until = CASE WHEN last_at <= ?2 - ?3 THEN 0"
    "   ELSE locked_until END,"
    "  last_at = ?2"
    " RETURNING failures";
static const char SQL_LOGIN_LOCK[] =
    "UPDATE login_failures SET locked_until = ?2 WHERE key = ?1";
/* Only the lock this attempt set goes: a later one belongs to others. */
static const char SQL_LOGIN_RELEASE[] =
    "UPDATE login_failures SET failures = MAX(failures - 1, 0),"
    " locked_until = CASE WHEN locked_until = ?2 THEN 0"
    "  ELSE locked_until END"
    " WHERE key = ?1";
static const char SQL_LOGIN_CLEAR[] =
    "DELETE FROM login_failures WHERE key = ?1";

enum werr
db_user_add(struct db *db, const char *email, const char *name, enum role role,
	    int64_t author_id, const char *password_hash, int64_t now,
	    int64_t *id)
{
	const char *rname = role_name(role);
	if (!rname)
		return W_INVAL;
	sqlite3_stmt *st = db_stmt(db, SQL_USER_ADD);
	if (!st)
		return W_DB;
	if (sqlite3_bind_text(st, 1, email, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 3, rname, -1, SQLITE_STATIC) ||
	    (author_id > 0 ? sqlite3_bind_int64(st, 4, author_id)
			   : sqlite3_bind_null(st, 4)) ||
	    sqlite3_bind_text(st, 5, password_hash, -1, SQLITE_STATIC) ||
	    sqlite3_bind_int64(st, 6, now)) {
		sqlite3_reset(st);
		return db_fail(db, "binding a new user");
	}
	enum werr e = db_exec(db, st, SQL_USER_ADD);
	if (e == W_OK && id)
		*id = sqlite3_last_insert_rowid(db_sqlite(db));
	return e;
}

/* Copies the user in the current row of st (columns id, email, name, role,
 * author_id, disabled, password_hash) into out. */
static enum werr
user_row(sqlite3_stmt *st, struct arena *a, struct user *out, const char **hash)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(st, 0);
	out->email = db_col_text(st, 1, a);
	out->name = db_col_text(st, 2, a);
	out->role = role_parse((const char *)sqlite3_column_text(st, 3));
	out->author_id = sqlite3_column_int64(st, 4);
	out->disabled = sqlite3_column_int(st, 5) != 0;
	if (!out->email || !out->name)
		return W_NOMEM;
	if (hash) {
		*hash = db_col_text(st, 6, a);
		if (!*hash)
			return W_NOMEM;
	}
	return W_OK;
}

static enum werr
user_one(struct db *db, sqlite3_stmt *st, struct arena *a, struct user *out,
	 const char **hash, const char *what)
{
	enum werr e;
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		e = user_row(st, a, out, hash);
	else if (rc == SQLITE_DONE)
		e = W_NOTFOUND;
	else
		e = db_fail(db, what);
	sqlite3_reset(st);
	return e;
}

enum werr
db_user_by_email(struct db *db, struct arena *a, const char *email,
		 struct user *out, const char **hash)
{
	sqlite3_stmt *st = db_stmt(db, SQL_USER_BY_EMAIL);
	if (!st)
		return W_DB;
	if (sqlite3_bind_text(st, 1, email, -1, SQLITE_STATIC))
		return db_fail(db, "binding an email");
	return user_one(db, st, a, out, hash, SQL_USER_BY_EMAIL);
}

enum werr
db_user_by_id(struct db *db, struct arena *a, int64_t id, struct user *out)
{
	sqlite3_stmt *st = db_stmt(db, SQL_USER_BY_ID);
	if (!st)
		return W_DB;
	if (sqlite3_bind_int64(st, 1, id))
		return db_fail(db, "binding a user id");
	return user_one(db, st, a, out, NULL, SQL_USER_BY_ID);
}

enum werr
db_users_all(struct db *db, struct arena *a, struct user **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, SQL_USERS_ALL);
	size_t cap = 16;
	enum werr e = W_OK;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return W_DB;
	struct user *v = arena_alloc(a, cap * sizeof *v);
	if (!v) {
		e = W_NOMEM;
		goto out;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			/* Newsrooms have tens of accounts: doubling in the
			 * arena wastes little. */
			struct user *bigger =
			    arena_alloc(a, 2 * cap * sizeof *v);
			if (!bigger) {
				e = W_NOMEM;
				goto out;
			}
			memcpy(bigger, v, cap * sizeof *v);
			v = bigger;
			cap *= 2;
		}
		e = user_row(st, a, &v[*n], NULL);
		if (e != W_OK)
			goto out;
		(*n)++;
	}
	if (rc != SQLITE_DONE)
		e = db_fail(db, SQL_USERS_ALL);
	else
		*out = v;
out:
	if (e != W_OK)
		*n = 0;
	sqlite3_reset(st);
	return e;
}

/* Runs st (an UPDATE of users with ?1 = id, already bound with ?2) and
 * then ends the account's sessions, in one transaction. */
static enum werr
update_and_logout(struct db *db, sqlite3_stmt *st, int64_t id, bool logout,
		  const char *what)
{
	enum werr e = db_begin(db);
	if (e != W_OK)
		return e;
	e = db_exec_changed(db, st, what);
	if (e == W_OK && logout)
		e = db_sessions_delete_user(db, id);
	if (e == W_OK)
		e = db_commit(db);
	if (e != W_OK)
		db_rollback(db);
	return e;
}

enum werr
db_user_set_password(struct db *db, int64_t id, const char *hash)
{
	sqlite3_stmt *st = db_stmt(db, SQL_USER_SET_HASH);
	if (!st)
		return W_DB;
	if (sqlite3_bind_int64(st, 1, id) ||
	    sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC))
		return db_fail(db, "binding a password hash");
	return update_and_logout(db, st, id, true, SQL_USER_SET_HASH);
}

enum werr
db_user_set_disabled(struct db *db, int64_t id, bool disabled)
{
	sqlite3_stmt *st = db_stmt(db, SQL_USER_SET_DISABLED);
	if (!st)
		return W_DB;
	if (sqlite3_bind_int64(st, 1, id) ||
	    sqlite3_bind_int(st, 2, disabled ? 1 : 0))
		return db_fail(db, "binding a user id");
	return update_and_logout(db, st, id, disabled, SQL_USER_SET_DISABLED);
}

enum werr
db_session_add(struct db *db, const char *id_hash, int64_t user_id,
	       const char *csrf, const char *addr, int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, SQL_SESSION_ADD);
	if (!st)
		return W_DB;
	if (sqlite3_bind_text(st, 1, id_hash, -1, SQLITE_STATIC) ||
	    sqlite3_bind_int64(st, 2, user_id) ||
	    sqlite3_bind_text(st, 3, csrf, -1, SQLITE_STATIC) ||
	    sqlite3_bind_int64(st, 4, now) ||
	    sqlite3_bind_text(st, 5, addr ? addr : "", -1, SQLITE_STATIC))
		return db_fail(db, "binding a session");
	return db_exec(db, st, SQL_SESSION_ADD);
}

/* Runs a statement whose ?1 is the text key and ?2 (when has2) an
 * integer. */
static enum werr
exec_key(struct db *db, const char *sql, const char *key, bool has2, int64_t v2)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	if (sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC) ||
	    (has2 && sqlite3_bind_int64(st, 2, v2)))
		return db_fail(db, "binding a key");
	return db_exec(db, st, sql);
}

enum werr
db_session_get(struct db *db, struct arena *a, const char *id_hash, int64_t now,
	       struct session *out)
{
	sqlite3_stmt *st = db_stmt(db, SQL_SESSION_GET);
	enum werr e = W_OK;
	int64_t created = 0, seen = 0;
	bool disabled = false;

	memset(out, 0, sizeof *out);
	if (!st)
		return W_DB;
	if (sqlite3_bind_text(st, 1, id_hash, -1, SQLITE_STATIC))
		return db_fail(db, "binding a session");
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		e = W_NOTFOUND;
	} else if (rc != SQLITE_ROW) {
		e = db_fail(db, SQL_SESSION_GET);
	} else {
		out->csrf = db_col_text(st, 0, a);
		created = sqlite3_column_int64(st, 1);
		seen = sqlite3_column_int64(st, 2);
		out->user.id = sqlite3_column_int64(st, 3);
		out->user.email = db_col_text(st, 4, a);
		out->user.name = db_col_text(st, 5, a);
		out->user.role =
		    role_parse((const char *)sqlite3_column_text(st, 6));
		out->user.author_id = sqlite3_column_int64(st, 7);
		disabled = sqlite3_column_int(st, 8) != 0;
		out->user.disabled = disabled;
		if (!out->csrf || !out->user.email || !out->user.name)
			e = W_NOMEM;
	}
	sqlite3_reset(st);
	if (e != W_OK)
		return e;

	if (now - seen >= ADMIN_IDLE || now - created >= ADMIN_ABSOLUTE) {
		/* Gone for good: drop it now rather than at the next purge. */
		e = db_session_delete(db, id_hash);
		return e == W_OK ? W_NOTFOUND : e;
	}
	if (disabled)
		return W_NOTFOUND;
	if (now - seen >= DB_SESSION_TOUCH)
		return exec_key(db, SQL_SESSION_TOUCH, id_hash, true, now);
	return W_OK;
}

enum werr
db_session_delete(struct db *db, const char *id_hash)
{
	return exec_key(db, SQL_SESSION_DELETE, id_hash, false, 0);
}

enum werr
db_sessions_delete_user(struct db *db, int64_t user_id)
{
	sqlite3_stmt *st = db_stmt(db, SQL_SESSIONS_DELETE_USER);
	if (!st)
		return W_DB;
	if (sqlite3_bind_int64(st, 1, user_id))
		return db_fail(db, "binding a user id");
	return db_exec(db, st, SQL_SESSIONS_DELETE_USER);
}

enum werr
db_sessions_purge(struct db *db, int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, SQL_SESSIONS_PURGE);
	if (!st)
		return W_DB;
	if (sqlite3_bind_int64(st, 1, now - ADMIN_IDLE) ||
	    sqlite3_bind_int64(st, 2, now - ADMIN_ABSOLUTE))
		return db_fail(db, "binding a time");
	return db_exec(db, st, SQL_SESSIONS_PURGE);
}

enum werr
db_login_get(struct db *db, const char *key, int64_t now, int64_t *failures,
	     int64_t *locked_until)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LOGIN_GET);
	enum werr e = W_OK;

	*failures = 0;
	*locked_until = 0;
	if (!st)
		return W_DB;
	if (sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC))
		return db_fail(db, "binding a key");
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (sqlite3_column_int64(st, 2) > now - DB_LOGIN_WINDOW) {
			*failures = sqlite3_column_int64(st, 0);
			*locked_until = sqlite3_column_int64(st, 1);
		}
	} else if (rc != SQLITE_DONE) {
		e = db_fail(db, SQL_LOGIN_GET);
	}
	sqlite3_reset(st);
	return e;
}

enum werr
db_login_fail(struct db *db, const char *key, int64_t now,
	      int64_t *locked_until)
{
	sqlite3_stmt *st = db_stmt(db, SQL_LOGIN_FAIL);
	enum werr e = W_OK;
	int64_t failures = 0;

	if (locked_until)
		*locked_until = 0;
	if (!st)
		return W_DB;
	if (sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC) ||
	    sqlite3_bind_int64(st, 2, now) ||
	    sqlite3_bind_int64(st, 3, DB_LOGIN_WINDOW))
		return db_fail(db, "binding a key");
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		failures = sqlite3_column_int64(st, 0);
	else
		e = db_fail(db, SQL_LOGIN_FAIL);
	sqlite3_reset(st);
	if (e != W_OK)
		return e;
	int64_t delay = auth_throttle_delay(failures);
	if (delay == 0)
		return W_OK;
	e = exec_key(db, SQL_LOGIN_LOCK, key, true, now + delay);
	if (e == W_OK && locked_until)
		*locked_until = now + delay;
	return e;
}

enum werr
db_login_release(struct db *db, const char *key, int64_t locked_until)
{
	/* -1 matches no lock: there was none to lift. */
	return exec_key(db, SQL_LOGIN_RELEASE, key, true,
			locked_until ? locked_until : -1);
}

enum werr
db_login_clear(struct db *db, const char *key)
{
	return exec_key(db, SQL_LOGIN_CLEAR, key, false, 0);
}

/* ---- a user's own sessions ---- */

static const char SQL_SESSIONS_OF[] =
    "SELECT substr(id_hash, 1, 16), created_at, seen_at, addr,"
    " id_hash = ?2 FROM sessions"
    " WHERE user_id = ?1 AND seen_at > ?3 AND created_at > ?4"
    " ORDER BY seen_at DESC, id_hash LIMIT ?5";
/* sessions_user finds the user's few rows; the prefix picks one. */
static const char SQL_SESSION_END[] =
    "DELETE FROM sessions WHERE user_id = ?1 AND substr(id_hash, 1, 16) = ?2";
static const char SQL_SESSIONS_END_OTHERS[] =
    "DELETE FROM sessions WHERE user_id = ?1 AND id_hash <> ?2";

/* A db_row_fn for SQL_SESSIONS_OF into a struct db_session_info. */
static enum werr
session_row(sqlite3_stmt *st, struct arena *a, void *row)
{
	struct db_session_info *out = row;
	const char *h = (const char *)sqlite3_column_text(st, 0);
	snprintf(out->handle, sizeof out->handle, "%s", h ? h : "");
	out->created_at = sqlite3_column_int64(st, 1);
	out->seen_at = sqlite3_column_int64(st, 2);
	out->current = sqlite3_column_int(st, 4) != 0;
	return db_col(st, 3, a, &out->addr) ? W_OK : W_NOMEM;
}

enum werr
db_sessions_of(struct db *db, struct arena *a, int64_t user_id,
	       const char *current_hash, int64_t now, size_t max,
	       struct db_session_info **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_stmt(db, SQL_SESSIONS_OF);
	if (!st)
		return W_DB;
	struct db_session_info *items = arena_alloc(a, max * sizeof *items);
	if (!items)
		return W_NOMEM;
	enum werr e = db_bind_text(db, st, 2, current_hash);
	if (e != W_OK)
		return e;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_int64(st, 3, now - ADMIN_IDLE);
	sqlite3_bind_int64(st, 4, now - ADMIN_ABSOLUTE);
	sqlite3_bind_int64(st, 5, (int64_t)max);
	e = db_rows(db, st, a, session_row, items, sizeof *items, max, n, NULL,
		    "listing sessions");
	if (e == W_OK)
		*out = items;
	return e;
}

enum werr
db_session_end(struct db *db, int64_t user_id, const char *handle)
{
	if (!handle || strlen(handle) != DB_SESSION_HANDLE_LEN - 1)
		return W_NOTFOUND;
	sqlite3_stmt *st = db_stmt(db, SQL_SESSION_END);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, user_id);
	enum werr e = db_bind_text(db, st, 2, handle);
	return e != W_OK ? e : db_exec_changed(db, st, "ending a session");
}

enum werr
db_user_password_keep(struct db *db, int64_t id, const char *hash,
		      const char *keep_hash)
{
	sqlite3_stmt *st = db_stmt(db, SQL_USER_SET_HASH);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	enum werr e = db_bind_text(db, st, 2, hash);
	if (e == W_OK)
		e = db_exec_changed(db, st, "changing a password");
	if (e != W_OK)
		return e;
	st = db_stmt(db, SQL_SESSIONS_END_OTHERS);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	e = db_bind_text(db, st, 2, keep_hash);
	return e != W_OK ? e : db_exec(db, st, "ending other sessions");
}
