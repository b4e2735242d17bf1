/* admin_account.c - the signed-in user's own account: a new password
 * (which ends every other session of theirs) and the list of their
 * sessions, each of which they can end. */
#include <sodium.h>
#include <string.h>

#include "admin.h"
#include "auth.h"
#include "db_user.h"
#include "page.h"

#define SESSIONS_MAX 50

/* The account page, with the password form's messages (err may be NULL)
 * and status. */
static enum werr
account_page(struct worker *w, const struct req *req, struct resp *resp,
	     int status, const char *err_current, const char *err_password)
{
	const struct session *me = w->session;
	struct db_session_info *ss;
	size_t n;
	enum werr e = db_sessions_of(w->db, &w->arena, me->user.id,
				     me->id_hash, req->now, SESSIONS_MAX, &ss,
				     &n);
	if (e != W_OK)
		return e;
	struct tobj *ctx = admin_ctx(w, req, "Akun saya");
	if (!ctx)
		return W_NOMEM;
	struct tobj *err = tobj_obj(ctx, "err");
	tobj_str(err, "current", err_current);
	tobj_str(err, "password", err_password);
	struct tlist *l = tobj_list(ctx, "sessions");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_add(l);
		tobj_str(o, "handle", arena_strdup(&w->arena, ss[i].handle));
		tobj_str(o, "created", page_date_short(w, ss[i].created_at));
		tobj_str(o, "seen", page_date_short(w, ss[i].seen_at));
		tobj_str(o, "addr", ss[i].addr[0] ? ss[i].addr : "-");
		tobj_bool(o, "current", ss[i].current);
	}
	tobj_bool(ctx, "others", n > 1);
	return admin_render(w, resp, status, "admin_account", ctx);
}

enum werr
admin_account(struct worker *w, struct req *req, struct resp *resp)
{
	return account_page(w, req, resp, 200, NULL, NULL);
}

/* A wrong current password counts against the account's sign-in
 * throttle, so this form is no way around it. */
static enum werr
record_failure(struct worker *w, const char *key, int64_t now)
{
	enum werr e = db_begin(w->db);
	if (e == W_OK)
		e = db_login_fail(w->db, key, now, NULL);
	if (e == W_OK)
		e = db_commit(w->db);
	if (e != W_OK)
		db_rollback(w->db);
	return e;
}

enum werr
admin_account_password(struct worker *w, struct req *req, struct resp *resp)
{
	const struct session *me = w->session;
	const char *current = form_get(&req->form, "current");
	const char *pw = form_get(&req->form, "password");
	const char *pw2 = form_get(&req->form, "password2");
	const char *key = arena_printf(&w->arena, "email:%s", me->user.email);
	if (!key)
		return W_NOMEM;

	int64_t fails, until;
	enum werr e = db_login_get(w->db, key, req->now, &fails, &until);
	if (e != W_OK)
		return e;
	if (until > req->now)
		return account_page(w, req, resp, 429,
				    "Terlalu banyak percobaan yang salah; "
				    "tunggu beberapa menit.",
				    NULL);
	struct user u;
	const char *stored;
	e = db_user_by_email(w->db, &w->arena, me->user.email, &u, &stored);
	if (e != W_OK)
		return e;
	if (!current || !*current || !auth_password_check(stored, current)) {
		e = record_failure(w, key, req->now);
		if (e != W_OK)
			return e;
		return account_page(w, req, resp, 422,
				    "Kata sandi sekarang salah.", NULL);
	}
	if (!pw || !pw2 || strcmp(pw, pw2) != 0)
		return account_page(w, req, resp, 422, NULL,
				    "Kedua isian kata sandi baru tidak sama.");
	char hash[AUTH_HASH_LEN];
	e = auth_password_hash(pw, hash);
	if (e == W_INVAL)
		return account_page(w, req, resp, 422, NULL,
				    "Kata sandi minimal 10 karakter (paling "
				    "banyak 1024 byte).");
	if (e == W_OK)
		e = db_begin(w->db);
	if (e == W_OK)
		e = admin_finish(w, req,
				 db_user_password_keep(w->db, me->user.id,
						       hash, me->id_hash),
				 "user.passwd_own", 0, me->user.email);
	sodium_memzero(hash, sizeof hash);
	if (e != W_OK)
		return e;
	return admin_redirect(resp, "/admin/account?ok=password_own");
}

enum werr
admin_account_end(struct worker *w, struct req *req, struct resp *resp)
{
	const struct session *me = w->session;
	const char *handle = form_get(&req->form, "session");
	/* This session ends with "Keluar", which also clears its cookie. */
	if (handle && strncmp(handle, me->id_hash, strlen(handle)) == 0)
		return W_INVAL;
	enum werr e = db_begin(w->db);
	if (e == W_OK)
		e = admin_finish(w, req,
				 db_session_end(w->db, me->user.id, handle),
				 "user.session_end", 0, handle);
	if (e != W_OK)
		return e;
	return admin_redirect(resp, "/admin/account?ok=session_ended");
}
