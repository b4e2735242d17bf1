/* admin_users.c - the management pages of accounts: the list, a new
 * account, the edit form, disabling and enabling, and new passwords. */
#include <inttypes.h>
#include <string.h>

#include <sodium.h>

#include "admin.h"
#include "admin_manage.h"
#include "auth.h"
#include "db_manage.h"
#include "page.h"

#define USER_PAGE 50

static void
user_read(struct worker *w, const struct req *req,
	  struct db_manage_user_input *in, struct db_manage_errs *errs)
{
	in->email = admin_form(w, req, "email");
	in->name = admin_form(w, req, "name");
	in->role = admin_form(w, req, "role");
	const char *author = admin_form(w, req, "author_id");
	in->author_id = *author ? admin_id(author) : 0;
	if (*author && !in->author_id) {
		db_manage_err(errs, "author_id", "Penulis tidak ditemukan.");
		in->author_id = -1;
	}
}

/* The form's values and its role and byline choices. */
static enum werr
user_form_ctx(struct worker *w, struct tobj *ctx,
	      const struct db_manage_user_input *in)
{
	struct tobj *f = tobj_obj(ctx, "form");
	tobj_str(f, "email", in->email);
	tobj_str(f, "name", in->name);
	struct tlist *roles = tobj_list(ctx, "roles");
	for (int r = 0; r < ROLE__MAX; r++) {
		struct tobj *o = tlist_add(roles);
		tobj_str(o, "value", role_name((enum role)r));
		tobj_str(o, "label", role_label((enum role)r));
		tobj_bool(o, "selected",
			  in->role &&
			      strcmp(in->role, role_name((enum role)r)) == 0);
	}
	/* A newsroom has tens of bylines; the first page of them is the
	 * whole list in practice. */
	struct db_manage_item *authors;
	size_t n;
	bool more;
	enum werr e = db_manage_items(w->db, &w->arena, MK_AUTHOR, NULL, 500,
				      &authors, &n, &more);
	if (e != W_OK)
		return e;
	struct tlist *al = tobj_list(ctx, "authors");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_add(al);
		tobj_int(o, "id", authors[i].id);
		tobj_str(o, "name", authors[i].name);
		tobj_bool(o, "selected", authors[i].id == in->author_id);
	}
	return W_OK;
}

/* The new-account form, or the edit page of u. new_password is a random
 * password to show once; alert a refusal. */
static enum werr
user_page(struct worker *w, struct req *req, struct resp *resp, int status,
	  const struct db_manage_user *u, const struct db_manage_user_input *in,
	  const struct db_manage_errs *errs, const char *new_password,
	  const char *alert)
{
	struct db_manage_user_input stored = {0};
	if (u && !in) {
		stored.email = u->u.email;
		stored.name = u->u.name;
		stored.role = role_name(u->u.role);
		stored.author_id = u->u.author_id;
		in = &stored;
	} else if (!in) {
		stored.role = role_name(ROLE_REPORTER);
		in = &stored;
	}
	struct tobj *ctx = admin_ctx(w, req, u ? u->u.name : "Akun baru");
	if (!ctx)
		return W_NOMEM;
	enum werr e = user_form_ctx(w, ctx, in);
	if (e != W_OK)
		return e;
	if (u) {
		const char *self =
		    arena_printf(&w->arena, "/admin/users/%" PRId64, u->u.id);
		struct tobj *o = tobj_obj(ctx, "account");
		tobj_str(o, "name", u->u.name);
		tobj_str(o, "email", u->u.email);
		tobj_str(o, "action", self);
		tobj_str(o, "password_url",
			 arena_printf(&w->arena, "%s/password", self));
		tobj_str(o, "disable_url",
			 arena_printf(&w->arena, "%s/disable", self));
		tobj_str(o, "enable_url",
			 arena_printf(&w->arena, "%s/enable", self));
		tobj_bool(o, "disabled", u->u.disabled);
		tobj_bool(o, "self", u->u.id == w->session->user.id);
		tobj_str(o, "created", page_date_short(w, u->created_at));
	} else {
		tobj_bool(ctx, "is_new", true);
	}
	tobj_str(ctx, "new_password", new_password);
	admin_manage_errs(ctx, errs);
	if (alert)
		tobj_str(ctx, "alert", alert);
	return admin_render(w, resp, status, "admin_user_edit", ctx);
}

/* Hashes the typed password, or a random one when the field is empty
 * (copied into *shown to be displayed once; NULL otherwise). The typed
 * one is never logged, stored or shown. Slow by design: call it before
 * opening a transaction. */
static enum werr
password_from_form(struct worker *w, const struct req *req,
		   char hash[AUTH_HASH_LEN], const char **shown,
		   struct db_manage_errs *errs)
{
	const char *pw = form_get(&req->form, "password");
	char made[17];
	*shown = NULL;
	if (!pw || !*pw) {
		auth_password_random(made);
		pw = made;
		*shown = arena_strdup(&w->arena, made);
		if (!*shown) {
			sodium_memzero(made, sizeof made);
			return W_NOMEM;
		}
	}
	enum werr e = auth_password_hash(pw, hash);
	sodium_memzero(made, sizeof made);
	if (e == W_INVAL)
		db_manage_err(errs, "password",
			      "Kata sandi minimal 10 karakter (paling banyak "
			      "1024 byte).");
	return e;
}

static const char *
user_detail(struct worker *w, const struct db_manage_user_input *in)
{
	return arena_printf(&w->arena, "%s (%s)", in->email, in->role);
}

enum werr
admin_users(struct worker *w, struct req *req, struct resp *resp)
{
	enum werr e = admin_need(w, PERM_USERS);
	if (e != W_OK)
		return e;
	const char *a = req_query(req, "setelah");
	int64_t after = a ? admin_id(a) : 0;
	if (a && !after)
		return W_INVAL;
	struct db_manage_user *users;
	size_t n;
	bool more;
	e = db_manage_users(w->db, &w->arena, after, USER_PAGE, &users, &n,
			    &more);
	if (e != W_OK)
		return e;
	struct tobj *ctx = admin_ctx(w, req, "Pengguna");
	if (!ctx)
		return W_NOMEM;
	struct tlist *list = tobj_list(ctx, "users");
	for (size_t i = 0; i < n; i++) {
		const struct db_manage_user *u = &users[i];
		struct tobj *o = tlist_add(list);
		tobj_str(o, "name", u->u.name);
		tobj_str(o, "email", u->u.email);
		tobj_str(o, "role", role_label(u->u.role));
		tobj_str(o, "author", u->author_name);
		tobj_bool(o, "disabled", u->u.disabled);
		tobj_str(o, "created", page_date_short(w, u->created_at));
		tobj_str(
		    o, "edit_url",
		    arena_printf(&w->arena, "/admin/users/%" PRId64, u->u.id));
	}
	if (more)
		tobj_str(ctx, "next",
			 arena_printf(&w->arena,
				      "/admin/users?setelah=%" PRId64,
				      users[n - 1].u.id));
	if (a)
		tobj_str(ctx, "first", "/admin/users");
	return admin_render(w, resp, 200, "admin_users", ctx);
}

enum werr
admin_user_new(struct worker *w, struct req *req, struct resp *resp)
{
	enum werr e = admin_need(w, PERM_USERS);
	if (e != W_OK)
		return e;
	if (req->method != METHOD_POST)
		return user_page(w, req, resp, 200, NULL, NULL, NULL, NULL,
				 NULL);

	struct db_manage_user_input in;
	struct db_manage_errs errs = {0};
	char hash[AUTH_HASH_LEN];
	const char *shown = NULL;
	int64_t id = 0;
	user_read(w, req, &in, &errs);
	/* Every field's message at once, the password's too. */
	enum werr ce = db_manage_user_check(&in, &errs);
	e = password_from_form(w, req, hash, &shown, &errs);
	if (e == W_OK && (ce != W_OK || errs.n))
		e = W_INVAL;
	if (e == W_OK) {
		e = db_begin(w->db);
		if (e == W_OK)
			e = admin_finish(w, req,
					 db_manage_user_add(w->db, &in, hash,
							    req->now, &id,
							    &errs),
					 "user.add", 0, user_detail(w, &in));
	}
	sodium_memzero(hash, sizeof hash);
	if (e == W_OK && !shown)
		return admin_redirect(resp, arena_printf(&w->arena,
							 "/admin/users/%" PRId64
							 "?ok=user_added",
							 id));
	if (e == W_OK) {
		/* A random password is shown on this answer only. */
		struct db_manage_user u;
		e = db_manage_user_get(w->db, &w->arena, id, &u);
		if (e != W_OK)
			return e;
		return user_page(w, req, resp, 200, &u, NULL, NULL, shown,
				 NULL);
	}
	if (!admin_manage_form_error(e))
		return e;
	return user_page(w, req, resp, werr_status(e), NULL, &in, &errs, NULL,
			 NULL);
}

static enum werr
user_load(struct worker *w, const struct req *req, struct db_manage_user *u)
{
	int64_t id = admin_id(req_param(req, "id"));
	if (!id)
		return W_NOTFOUND;
	return db_manage_user_get(w->db, &w->arena, id, u);
}

enum werr
admin_user(struct worker *w, struct req *req, struct resp *resp)
{
	struct db_manage_user u;
	enum werr e = admin_need(w, PERM_USERS);
	if (e == W_OK)
		e = user_load(w, req, &u);
	if (e != W_OK)
		return e;
	if (req->method != METHOD_POST)
		return user_page(w, req, resp, 200, &u, NULL, NULL, NULL, NULL);

	struct db_manage_user_input in;
	struct db_manage_errs errs = {0};
	user_read(w, req, &in, &errs);
	if (db_manage_user_check(&in, &errs) != W_OK || errs.n)
		e = W_INVAL;
	if (e == W_OK) {
		e = db_begin(w->db);
		if (e == W_OK)
			e = admin_finish(
			    w, req,
			    db_manage_user_update(w->db, w->session->user.id,
						  u.u.id, &in, &errs),
			    "user.update", 0, user_detail(w, &in));
	}
	if (e == W_OK)
		return admin_redirect(resp, arena_printf(&w->arena,
							 "/admin/users/%" PRId64
							 "?ok=saved",
							 u.u.id));
	if (!admin_manage_form_error(e))
		return e;
	return user_page(w, req, resp, werr_status(e), &u, &in, &errs, NULL,
			 NULL);
}

static enum werr
user_set_disabled(struct worker *w, struct req *req, struct resp *resp,
		  bool disabled)
{
	struct db_manage_user u;
	enum werr e = admin_need(w, PERM_USERS);
	if (e == W_OK)
		e = user_load(w, req, &u);
	if (e != W_OK)
		return e;
	e = db_begin(w->db);
	if (e == W_OK)
		e = admin_finish(
		    w, req,
		    db_manage_user_disable(w->db, w->session->user.id, u.u.id,
					   disabled),
		    disabled ? "user.disable" : "user.enable", 0, u.u.email);
	if (e == W_OK)
		return admin_redirect(
		    resp,
		    arena_printf(&w->arena, "/admin/users/%" PRId64 "?ok=%s",
				 u.u.id,
				 disabled ? "user_disabled" : "user_enabled"));
	if (e != W_FORBIDDEN)
		return e;
	return user_page(w, req, resp, 403, &u, NULL, NULL, NULL,
			 "Anda tidak dapat menonaktifkan akun Anda sendiri.");
}

enum werr
admin_user_disable(struct worker *w, struct req *req, struct resp *resp)
{
	return user_set_disabled(w, req, resp, true);
}

enum werr
admin_user_enable(struct worker *w, struct req *req, struct resp *resp)
{
	return user_set_disabled(w, req, resp, false);
}

enum werr
admin_user_password(struct worker *w, struct req *req, struct resp *resp)
{
	struct db_manage_user u;
	enum werr e = admin_need(w, PERM_USERS);
	if (e == W_OK)
		e = user_load(w, req, &u);
	if (e != W_OK)
		return e;
	struct db_manage_errs errs = {0};
	char hash[AUTH_HASH_LEN];
	const char *shown = NULL;
	e = password_from_form(w, req, hash, &shown, &errs);
	if (e == W_OK) {
		/* Another account is signed out everywhere; the admin's own
		 * session, in use right now, stays. */
		bool revoke = u.u.id != w->session->user.id;
		e = db_begin(w->db);
		if (e == W_OK)
			e = admin_finish(w, req,
					 db_manage_user_password(w->db, u.u.id,
								 hash, revoke),
					 "user.passwd", 0, u.u.email);
	}
	sodium_memzero(hash, sizeof hash);
	if (e == W_OK && !shown)
		return admin_redirect(resp, arena_printf(&w->arena,
							 "/admin/users/%" PRId64
							 "?ok=password",
							 u.u.id));
	if (e == W_OK)
		return user_page(w, req, resp, 200, &u, NULL, NULL, shown,
				 NULL);
	if (!admin_manage_form_error(e))
		return e;
	return user_page(w, req, resp, werr_status(e), &u, NULL, &errs, NULL,
			 NULL);
}
