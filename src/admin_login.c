/* admin_login.c - signing in and out of the admin: the sign-in form with
 * its double-submit CSRF cookie, password checks with throttling, session
 * cookies, and server-side sign-out. */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "auth.h"
#include "db_user.h"

/* The one answer to a wrong email or a wrong password: which of the two
 * was wrong is exactly what an attacker wants to learn. */
#define LOGIN_FAILED "Email atau kata sandi salah."

/* Emails longer than this cannot be stored (RFC 5321 path limit). */
#define EMAIL_MAX 254
/* The longest ?next= path kept. */
#define NEXT_MAX 2000

/* "; Secure" when the site is served over https: the browser then never
 * sends the cookie over plain HTTP. */
static const char *
secure_flag(const struct worker *w)
{
	return strncmp(w->site.base_url, "https://", 8) == 0 ? "; Secure" : "";
}

/* The session cookie's path: the whole site at its mount point. */
static const char *
cookie_path(const struct worker *w)
{
	return *w->site.root ? w->site.root : "/";
}

/* True when next is a local admin path safe to redirect to after signing
 * in: "/admin" or below, no "//" (a scheme-relative URL elsewhere), no
 * backslash (which browsers read as '/'), no control characters. */
static bool
next_ok(const char *next)
{
	if (!next || strncmp(next, "/admin", 6) != 0)
		return false;
	if (next[6] != '\0' && next[6] != '/' && next[6] != '?')
		return false;
	if (strlen(next) > NEXT_MAX || strstr(next, "//"))
		return false;
	for (const char *p = next; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '\\')
			return false;
	return true;
}

/* The sign-in form's CSRF token: the one in the request's cookie when it
 * has a valid one, else a new one sent back in a cookie. */
static const char *
login_token(struct worker *w, const struct req *req, struct resp *resp)
{
	const char *c = admin_cookie(w, req, ADMIN_LOGIN_COOKIE);
	if (auth_token_valid(c))
		return c;
	char tok[AUTH_TOKEN_LEN];
	auth_token_new(tok);
	const char *t = arena_strdup(&w->arena, tok);
	const char *cookie =
	    arena_printf(&w->arena,
			 "%s=%s; Path=%s/admin/login; HttpOnly; SameSite=Lax; "
			 "Max-Age=86400%s",
			 ADMIN_LOGIN_COOKIE, tok, w->site.root, secure_flag(w));
	if (!t || !cookie)
		return NULL;
	resp_header(resp, "Set-Cookie", cookie);
	return t;
}

/* Renders the sign-in form with status, keeping the typed email (never
 * the password). */
static enum werr
form_page(struct worker *w, const struct req *req, struct resp *resp,
	  int status, const char *email, const char *next, const char *error,
	  bool locked)
{
	const char *token = login_token(w, req, resp);
	struct tobj *ctx = admin_ctx(w, req, "Masuk");
	if (!token || !ctx)
		return W_NOMEM;
	/* Not "csrf": a signed-in user's page keeps that for sign-out. */
	tobj_str(ctx, "login_csrf", token);
	tobj_str(ctx, "email", email);
	if (next_ok(next))
		tobj_str(ctx, "next", next);
	tobj_str(ctx, "error", error);
	tobj_bool(ctx, "locked", locked);
	return admin_render(w, resp, status, "admin_login", ctx);
}

enum werr
admin_login_get(struct worker *w, struct req *req, struct resp *resp)
{
	const char *next = req_query(req, "next");

	if (w->session)
		return admin_redirect(resp, next_ok(next) ? next : "/admin");
	return form_page(w, req, resp, 200, NULL, next, NULL, false);
}

/* A lower-cased copy of the trimmed email (ASCII letters only: the
 * column's NOCASE collation folds just those), or NULL when it is empty,
 * too long or out of memory. */
static const char *
email_norm(struct worker *w, const char *s)
{
	if (!s)
		return NULL;
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0 || n > EMAIL_MAX)
		return NULL;
	char *e = arena_strndup(&w->arena, s, n);
	for (char *p = e; p && *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return e;
}

/* Before a password is checked, in one IMMEDIATE transaction: refuse
 * when either key is locked (*until gets the lock), else count the attempt
 * as a failure against both keys. Check and count are one step, so
 * parallel attempts cannot all pass the check before any is counted: of 40
 * at once from one address, AUTH_FREE_FAILURES are checked. A success
 * takes its count back (start_session()); *lock_a gets the lock this
 * attempt set on akey, for that. */
static enum werr
reserve_attempt(struct worker *w, const char *ekey, const char *akey,
		int64_t now, int64_t *until, int64_t *lock_a)
{
	int64_t fails, until_a = 0, until_e = 0;
	enum werr e = db_begin(w->db);

	*until = 0;
	*lock_a = 0;
	if (e != W_OK)
		return e;
	e = db_login_get(w->db, akey, now, &fails, &until_a);
	if (e == W_OK && ekey)
		e = db_login_get(w->db, ekey, now, &fails, &until_e);
	if (e == W_OK) {
		*until = until_a > until_e ? until_a : until_e;
		if (*until > now) {
			db_rollback(w->db);
			return W_OK;
		}
		*until = 0;
	}
	if (e == W_OK && ekey)
		e = db_login_fail(w->db, ekey, now, NULL);
	if (e == W_OK)
		e = db_login_fail(w->db, akey, now, lock_a);
	if (e == W_OK)
		e = db_commit(w->db);
	if (e != W_OK)
		db_rollback(w->db);
	return e;
}

/* Starts a session for user: a fresh id (the old session, if the browser
 * had one, is deleted, so an id planted before sign-in is worthless),
 * the throttle on the account cleared, the sign-in audited. On success
 * w->session is the new session and *token its id for the cookie. */
static enum werr
start_session(struct worker *w, const struct req *req, const struct user *u,
	      const char *ekey, const char *akey, int64_t lock_a,
	      const char **token)
{
	char id[AUTH_TOKEN_LEN], hash[AUTH_TOKEN_HASH_LEN],
	    csrf[AUTH_TOKEN_LEN];
	struct session *s = arena_alloc(&w->arena, sizeof *s);
	const char *old = admin_cookie(w, req, ADMIN_COOKIE);
	enum werr e;

	if (!s)
		return W_NOMEM;
	auth_token_new(id);
	auth_token_new(csrf);
	auth_token_hash(id, hash);
	s->user = *u;
	s->csrf = arena_strdup(&w->arena, csrf);
	s->id_hash = arena_strdup(&w->arena, hash);
	*token = arena_strdup(&w->arena, id);
	if (!s->csrf || !s->id_hash || !*token)
		return W_NOMEM;

	e = db_begin(w->db);
	if (e != W_OK)
		return e;
	e = db_login_clear(w->db, ekey);
	if (e == W_OK)
		e = db_login_release(w->db, akey, lock_a);
	if (e == W_OK && auth_token_valid(old)) {
		char oldhash[AUTH_TOKEN_HASH_LEN];
		auth_token_hash(old, oldhash);
		e = db_session_delete(w->db, oldhash);
	}
	if (e == W_OK)
		e = db_sessions_purge(w->db, req->now);
	if (e == W_OK)
		e = db_session_add(w->db, hash, u->id, s->csrf,
				   req->remote_addr, req->now);
	if (e == W_OK) {
		w->session = s;
		e = admin_audit(w, req, "user.login", 0, NULL);
	}
	if (e == W_OK)
		e = db_commit(w->db);
	if (e != W_OK) {
		db_rollback(w->db);
		w->session = NULL;
	}
	return e;
}

enum werr
admin_login_post(struct worker *w, struct req *req, struct resp *resp)
{
	const char *raw_email = form_get(&req->form, "email");
	const char *pw = form_get(&req->form, "password");
	const char *next = form_get(&req->form, "next");
	const char *email = email_norm(w, raw_email);
	enum werr e;

	if (!raw_email || !*raw_email || !pw || !*pw)
		return form_page(w, req, resp, 400, raw_email, next,
				 "Isi email dan kata sandi.", false);

	const char *akey = arena_printf(
	    &w->arena, "addr:%s", req->remote_addr ? req->remote_addr : "");
	const char *ekey =
	    email ? arena_printf(&w->arena, "email:%s", email) : NULL;
	if (!akey || (email && !ekey))
		return W_NOMEM;

	/* A locked key refuses even the right password, without checking it:
	 * guessing stops paying while the lock lasts. */
	int64_t until, lock_a;
	e = reserve_attempt(w, ekey, akey, req->now, &until, &lock_a);
	if (e != W_OK)
		return e;
	if (until > req->now) {
		const char *retry = arena_printf(&w->arena, "%lld",
						 (long long)(until - req->now));
		if (retry)
			resp_header(resp, "Retry-After", retry);
		return form_page(w, req, resp, 429, raw_email, next,
				 LOGIN_FAILED, true);
	}

	struct user u;
	const char *hash = NULL;
	bool ok = false;
	e = email ? db_user_by_email(w->db, &w->arena, email, &u, &hash)
		  : W_NOTFOUND;
	if (e == W_OK) {
		/* A disabled account is checked all the same, so that its
		 * answer takes as long as any other. */
		ok = auth_password_check(hash, pw) && !u.disabled;
	} else if (e == W_NOTFOUND) {
		auth_password_dummy(pw);
	} else {
		return e;
	}

	if (!ok) /* counted already, by reserve_attempt() */
		return form_page(w, req, resp, 403, raw_email, next,
				 LOGIN_FAILED, false);

	const char *token;
	e = start_session(w, req, &u, ekey, akey, lock_a, &token);
	if (e != W_OK)
		return e;
	const char *cookie = arena_printf(
	    &w->arena, "%s=%s; Path=%s; HttpOnly; SameSite=Lax; Max-Age=%d%s",
	    ADMIN_COOKIE, token, cookie_path(w), ADMIN_ABSOLUTE,
	    secure_flag(w));
	const char *gone =
	    arena_printf(&w->arena,
			 "%s=; Path=%s/admin/login; HttpOnly; SameSite=Lax; "
			 "Max-Age=0%s",
			 ADMIN_LOGIN_COOKIE, w->site.root, secure_flag(w));
	if (!cookie || !gone)
		return W_NOMEM;
	e = admin_redirect(resp, next_ok(next) ? next : "/admin");
	if (e != W_OK)
		return e;
	resp_header(resp, "Set-Cookie", cookie);
	resp_header(resp, "Set-Cookie", gone);
	return W_OK;
}

enum werr
admin_logout(struct worker *w, struct req *req, struct resp *resp)
{
	const char *token = admin_cookie(w, req, ADMIN_COOKIE);
	char hash[AUTH_TOKEN_HASH_LEN];
	enum werr e;

	/* admin_gate let us in, so the cookie names a live session. The
	 * audit row goes first, while the session still says who it is. */
	if (!auth_token_valid(token))
		return W_FORBIDDEN;
	auth_token_hash(token, hash);
	e = db_begin(w->db);
	if (e != W_OK)
		return e;
	e = admin_audit(w, req, "user.logout", 0, NULL);
	if (e == W_OK)
		e = db_session_delete(w->db, hash);
	if (e == W_OK)
		e = db_commit(w->db);
	if (e != W_OK) {
		db_rollback(w->db);
		return e;
	}
	w->session = NULL;
	const char *cookie = arena_printf(
	    &w->arena, "%s=; Path=%s; HttpOnly; SameSite=Lax; Max-Age=0%s",
	    ADMIN_COOKIE, cookie_path(w), secure_flag(w));
	if (!cookie)
		return W_NOMEM;
	e = admin_redirect(resp, "/admin/login?ok=logout");
	if (e == W_OK)
		resp_header(resp, "Set-Cookie", cookie);
	return e;
}
