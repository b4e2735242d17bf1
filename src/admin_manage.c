/* admin_manage.c - the management pages: sections, tags, authors,
 * accounts, site settings and the audit log. */
#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "admin.h"
#include "admin_manage.h"
#include "auth.h"
#include "datefmt.h"
#include "db_manage.h"
#include "db_site.h"
#include "page.h"
#include "slug.h"

#define TAX_PAGE 50
#define USER_PAGE 50
#define AUDIT_PAGE 50
#define ACTION_MAX 100 /* bytes of an ?aksi= filter */

/* --- shared ------------------------------------------------------------ */

static enum werr
need(const struct worker *w, enum perm p)
{
	if (!w->session || !role_can(w->session->user.role, p))
		return W_FORBIDDEN;
	return W_OK;
}

/* The value of form field name without surrounding blanks, "" when
 * absent; in the worker's arena (NULL when out of memory). */
static const char *
field(struct worker *w, const struct req *req, const char *name)
{
	const char *s = form_get(&req->form, name);
	if (!s)
		return "";
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	size_t n = strlen(s);
	while (n > 0 && strchr(" \t\r\n", s[n - 1]))
		n--;
	return arena_strndup(&w->arena, s, n);
}

/* Percent-encodes s for a query value. */
static const char *
qenc(struct worker *w, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(s);
	char *out = arena_alloc(&w->arena, 3 * n + 1);
	if (!out)
		return NULL;
	char *d = out;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c)) {
			*d++ = (char)c;
		} else {
			*d++ = '%';
			*d++ = hex[c >> 4];
			*d++ = hex[c & 15];
		}
	}
	*d = '\0';
	return out;
}

/* Puts each field's message under "err" (for {{err.FIELD}}) and a summary
 * under "alert". */
static void
put_errs(struct tobj *ctx, const struct db_manage_errs *errs)
{
	if (!errs || errs->n == 0)
		return;
	struct tobj *err = tobj_obj(ctx, "err");
	for (size_t i = 0; i < errs->n; i++)
		tobj_str(err, errs->e[i].field, errs->e[i].msg);
	tobj_str(ctx, "alert",
		 "Periksa isian yang ditandai; belum ada yang "
		 "disimpan.");
}

/* Writes the audit row of a change made inside the transaction the
 * caller opened, and commits both; rolls back when anything failed. */
static enum werr
finish(struct worker *w, const struct req *req, enum werr e, const char *action,
       const char *detail)
{
	if (e == W_OK)
		e = admin_audit(w, req, action, 0, detail);
	if (e == W_OK)
		e = db_commit(w->db);
	if (e != W_OK)
		db_rollback(w->db);
	return e;
}

/* True for the errors a form shows beside its fields. */
static bool
form_error(enum werr e)
{
	return e == W_INVAL || e == W_CONFLICT;
}

/* "21/11/2024 10:15:07 WIB": the audit log wants the seconds. */
static const char *
time_full(struct worker *w, int64_t t)
{
	struct local_date d;
	datefmt_local(t, w->site.tz_offset, &d);
	return arena_printf(&w->arena, "%02d/%02d/%04d %02d:%02d:%02d %s",
			    d.day, d.month, d.year, d.hour, d.min, d.sec,
			    w->site.tz_abbr);
}

/* --- sections, tags, authors ------------------------------------------ */

static const struct kind {
	const char *base;	 /* the admin list */
	const char *public_base; /* the reader page, + slug */
	const char *title;	 /* the list page's title */
	const char *noun;	 /* in sentences */
	const char *action;	 /* the audit action's prefix */
	const char *desc_label;
} kinds[] = {
    [MK_SECTION] = {"/admin/sections", "/kanal/", "Kanal", "kanal", "section",
		    "Deskripsi"},
    [MK_TAG] = {"/admin/tags", "/tag/", "Tag", "tag", "tag", "Deskripsi"},
    [MK_AUTHOR] = {"/admin/authors", "/penulis/", "Penulis", "penulis",
		   "author", "Bio"},
};
static_assert(sizeof kinds / sizeof kinds[0] == MK__MAX, "every kind");

/* "" is 0; otherwise digits only, -1 for anything else or past the
 * limit, which the check then reports beside the field. */
static int64_t
position_parse(const char *s)
{
	int64_t v = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
		if (v > DB_MANAGE_POSITION_MAX)
			return -1;
	}
	return v;
}

static enum werr
tax_read(struct worker *w, const struct req *req,
	 struct db_manage_item_input *in)
{
	const char *pos = field(w, req, "position");
	in->name = field(w, req, "name");
	in->slug = field(w, req, "slug");
	in->description = field(w, req, "description");
	in->initials = field(w, req, "initials");
	if (!in->name || !in->slug || !in->description || !in->initials || !pos)
		return W_NOMEM;
	in->position = position_parse(pos);
	return W_OK;
}

/* The kind's labels, for both templates. */
static void
tax_kind_ctx(struct tobj *ctx, enum db_manage_kind k)
{
	tobj_str(ctx, "base", kinds[k].base);
	tobj_str(ctx, "heading", kinds[k].title);
	tobj_str(ctx, "noun", kinds[k].noun);
	tobj_str(ctx, "desc_label", kinds[k].desc_label);
	tobj_bool(ctx, "is_section", k == MK_SECTION);
	tobj_bool(ctx, "is_author", k == MK_AUTHOR);
}

/* The form's values: what was typed (req is the POST), or the stored
 * item. */
static void
tax_form_ctx(struct worker *w, struct tobj *ctx, const char *action,
	     const struct req *post, const struct db_manage_item_input *in,
	     const struct db_manage_item *it, const struct db_manage_errs *errs)
{
	struct tobj *f = tobj_obj(ctx, "form");
	tobj_str(f, "action", action);
	if (post && in) {
		tobj_str(f, "name", in->name);
		tobj_str(f, "slug", in->slug);
		tobj_str(f, "description", in->description);
		tobj_str(f, "initials", in->initials);
		tobj_str(f, "position", field(w, post, "position"));
	} else if (it) {
		tobj_str(f, "name", it->name);
		tobj_str(f, "slug", it->slug);
		tobj_str(f, "description", it->description);
		tobj_str(f, "initials", it->initials);
		tobj_int(f, "position", it->position);
	}
	put_errs(ctx, errs);
}

/* The list page with the form to add one (post, in and errs set when a
 * POST is re-rendered). */
static enum werr
tax_list_page(struct worker *w, struct req *req, struct resp *resp,
	      enum db_manage_kind k, int status, const struct req *post,
	      const struct db_manage_item_input *in,
	      const struct db_manage_errs *errs)
{
	const char *after = req_query(req, "setelah");
	if (after && !slug_valid(after))
		return W_INVAL;
	struct db_manage_item *items;
	size_t n;
	bool more;
	enum werr e = db_manage_items(w->db, &w->arena, k, after, TAX_PAGE,
				      &items, &n, &more);
	if (e != W_OK)
		return e;
	struct tobj *ctx = admin_ctx(w, req, kinds[k].title);
	if (!ctx)
		return W_NOMEM;
	tax_kind_ctx(ctx, k);
	struct tlist *list = tobj_list(ctx, "items");
	for (size_t i = 0; i < n; i++) {
		struct tobj *o = tlist_add(list);
		tobj_str(o, "name", items[i].name);
		tobj_str(o, "slug", items[i].slug);
		tobj_str(o, "initials", items[i].initials);
		tobj_int(o, "position", items[i].position);
		tobj_int(o, "uses", items[i].uses);
		tobj_str(o, "url",
			 arena_printf(&w->arena, "%s%s", kinds[k].public_base,
				      items[i].slug));
		tobj_str(o, "edit_url",
			 arena_printf(&w->arena, "%s/%" PRId64, kinds[k].base,
				      items[i].id));
	}
	tobj_bool(ctx, "has_items", n > 0);
	if (more)
		tobj_str(ctx, "next",
			 arena_printf(&w->arena, "%s?setelah=%s", kinds[k].base,
				      items[n - 1].slug));
	if (after)
		tobj_str(ctx, "first", kinds[k].base);
	tax_form_ctx(w, ctx, kinds[k].base, post, in, NULL, errs);
	return admin_render(w, resp, status, "admin_taxonomy", ctx);
}

/* The edit page of it (post, in and errs set when a POST is
 * re-rendered; alert for a refused delete). */
static enum werr
tax_edit_page(struct worker *w, struct req *req, struct resp *resp,
	      enum db_manage_kind k, int status,
	      const struct db_manage_item *it, const struct req *post,
	      const struct db_manage_item_input *in,
	      const struct db_manage_errs *errs, const char *alert)
{
	struct tobj *ctx = admin_ctx(
	    w, req,
	    arena_printf(&w->arena, "%s: %s", kinds[k].title, it->name));
	if (!ctx)
		return W_NOMEM;
	tax_kind_ctx(ctx, k);
	const char *self =
	    arena_printf(&w->arena, "%s/%" PRId64, kinds[k].base, it->id);
	struct tobj *item = tobj_obj(ctx, "item");
	tobj_str(item, "name", it->name);
	tobj_int(item, "uses", it->uses);
	tobj_bool(item, "deletable", it->uses == 0);
	tobj_str(
	    item, "url",
	    arena_printf(&w->arena, "%s%s", kinds[k].public_base, it->slug));
	tobj_str(item, "delete_url",
		 arena_printf(&w->arena, "%s/delete", self));
	tax_form_ctx(w, ctx, self, post, in, it, errs);
	if (alert)
		tobj_str(ctx, "alert", alert);
	return admin_render(w, resp, status, "admin_taxonomy_edit", ctx);
}

static const char *
tax_detail(struct worker *w, const struct db_manage_item_input *in)
{
	return arena_printf(&w->arena, "%s (%s)", in->name, in->slug);
}

/* GET: the list; POST: add one. */
static enum werr
tax_list(struct worker *w, struct req *req, struct resp *resp,
	 enum db_manage_kind k)
{
	enum werr e = need(w, PERM_TAXONOMY);
	if (e != W_OK)
		return e;
	if (req->method != METHOD_POST)
		return tax_list_page(w, req, resp, k, 200, NULL, NULL, NULL);

	struct db_manage_item_input in;
	struct db_manage_errs errs = {0};
	int64_t id = 0;
	e = tax_read(w, req, &in);
	if (e == W_OK)
		e = db_manage_item_check(&w->arena, k, &in, &errs);
	if (e == W_OK) {
		e = db_begin(w->db);
		if (e == W_OK)
			e = finish(
			    w, req,
			    db_manage_item_save(w->db, &w->arena, k, 0, &in,
						&id, &errs),
			    arena_printf(&w->arena, "%s.add", kinds[k].action),
			    tax_detail(w, &in));
	}
	if (e == W_OK)
		return admin_redirect(
		    resp,
		    arena_printf(&w->arena, "%s?ok=created", kinds[k].base));
	if (!form_error(e))
		return e;
	return tax_list_page(w, req, resp, k, werr_status(e), req, &in, &errs);
}

/* The item named by the :id route parameter. */
static enum werr
tax_load(struct worker *w, const struct req *req, enum db_manage_kind k,
	 struct db_manage_item *it)
{
	int64_t id = admin_id(req_param(req, "id"));
	if (!id)
		return W_NOTFOUND;
	return db_manage_item_get(w->db, &w->arena, k, id, it);
}

/* GET: the edit form; POST: save it. */
static enum werr
tax_item(struct worker *w, struct req *req, struct resp *resp,
	 enum db_manage_kind k)
{
	struct db_manage_item it;
	enum werr e = need(w, PERM_TAXONOMY);
	if (e == W_OK)
		e = tax_load(w, req, k, &it);
	if (e != W_OK)
		return e;
	if (req->method != METHOD_POST)
		return tax_edit_page(w, req, resp, k, 200, &it, NULL, NULL,
				     NULL, NULL);

	struct db_manage_item_input in;
	struct db_manage_errs errs = {0};
	e = tax_read(w, req, &in);
	if (e == W_OK)
		e = db_manage_item_check(&w->arena, k, &in, &errs);
	if (e == W_OK) {
		e = db_begin(w->db);
		if (e == W_OK)
			e = finish(w, req,
				   db_manage_item_save(w->db, &w->arena, k,
						       it.id, &in, NULL, &errs),
				   arena_printf(&w->arena, "%s.update",
						kinds[k].action),
				   tax_detail(w, &in));
	}
	if (e == W_OK)
		return admin_redirect(
		    resp, arena_printf(&w->arena, "%s/%" PRId64 "?ok=saved",
				       kinds[k].base, it.id));
	if (!form_error(e))
		return e;
	return tax_edit_page(w, req, resp, k, werr_status(e), &it, req, &in,
			     &errs, NULL);
}

static enum werr
tax_delete(struct worker *w, struct req *req, struct resp *resp,
	   enum db_manage_kind k)
{
	struct db_manage_item it;
	enum werr e = need(w, PERM_TAXONOMY);
	if (e == W_OK)
		e = tax_load(w, req, k, &it);
	if (e != W_OK)
		return e;
	e = db_begin(w->db);
	if (e == W_OK)
		e = finish(
		    w, req, db_manage_item_delete(w->db, k, it.id),
		    arena_printf(&w->arena, "%s.delete", kinds[k].action),
		    arena_printf(&w->arena, "%s (%s)", it.name, it.slug));
	if (e == W_OK)
		return admin_redirect(
		    resp,
		    arena_printf(&w->arena, "%s?ok=deleted", kinds[k].base));
	if (e != W_CONFLICT)
		return e;
	return tax_edit_page(w, req, resp, k, 409, &it, NULL, NULL, NULL,
			     arena_printf(&w->arena,
					  "Tidak dapat dihapus: %s ini masih "
					  "dipakai (%" PRId64 ").",
					  kinds[k].noun, it.uses));
}

enum werr
admin_sections(struct worker *w, struct req *req, struct resp *resp)
{
	return tax_list(w, req, resp, MK_SECTION);
}

enum werr
admin_tags(struct worker *w, struct req *req, struct resp *resp)
{
	return tax_list(w, req, resp, MK_TAG);
}

enum werr
admin_authors(struct worker *w, struct req *req, struct resp *resp)
{
	return tax_list(w, req, resp, MK_AUTHOR);
}

enum werr
admin_section(struct worker *w, struct req *req, struct resp *resp)
{
	return tax_item(w, req, resp, MK_SECTION);
}

enum werr
admin_tag(struct worker *w, struct req *req, struct resp *resp)
{
	return tax_item(w, req, resp, MK_TAG);
}

enum werr
admin_author(struct worker *w, struct req *req, struct resp *resp)
{
	return tax_item(w, req, resp, MK_AUTHOR);
}

enum werr
admin_section_delete(struct worker *w, struct req *req, struct resp *resp)
{
	return tax_delete(w, req, resp, MK_SECTION);
}

enum werr
admin_tag_delete(struct worker *w, struct req *req, struct resp *resp)
{
	return tax_delete(w, req, resp, MK_TAG);
}

enum werr
admin_author_delete(struct worker *w, struct req *req, struct resp *resp)
{
	return tax_delete(w, req, resp, MK_AUTHOR);
}

/* --- accounts ---------------------------------------------------------- */

static enum werr
user_read(struct worker *w, const struct req *req,
	  struct db_manage_user_input *in, struct db_manage_errs *errs)
{
	in->email = field(w, req, "email");
	in->name = field(w, req, "name");
	in->role = field(w, req, "role");
	const char *author = field(w, req, "author_id");
	if (!in->email || !in->name || !in->role || !author)
		return W_NOMEM;
	in->author_id = *author ? admin_id(author) : 0;
	if (*author && !in->author_id) {
		db_manage_err(errs, "author_id", "Penulis tidak ditemukan.");
		in->author_id = -1;
	}
	return W_OK;
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
	put_errs(ctx, errs);
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
	enum werr e = need(w, PERM_USERS);
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
	enum werr e = need(w, PERM_USERS);
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
	e = user_read(w, req, &in, &errs);
	if (e == W_OK) {
		/* Every field's message at once, the password's too. */
		enum werr ce = db_manage_user_check(&in, &errs);
		e = password_from_form(w, req, hash, &shown, &errs);
		if (e == W_OK && (ce != W_OK || errs.n))
			e = W_INVAL;
	}
	if (e == W_OK) {
		e = db_begin(w->db);
		if (e == W_OK)
			e = finish(w, req,
				   db_manage_user_add(w->db, &in, hash,
						      req->now, &id, &errs),
				   "user.add", user_detail(w, &in));
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
	if (!form_error(e))
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
	enum werr e = need(w, PERM_USERS);
	if (e == W_OK)
		e = user_load(w, req, &u);
	if (e != W_OK)
		return e;
	if (req->method != METHOD_POST)
		return user_page(w, req, resp, 200, &u, NULL, NULL, NULL, NULL);

	struct db_manage_user_input in;
	struct db_manage_errs errs = {0};
	e = user_read(w, req, &in, &errs);
	if (e == W_OK && db_manage_user_check(&in, &errs) != W_OK)
		e = W_INVAL;
	if (e == W_OK && errs.n)
		e = W_INVAL;
	if (e == W_OK) {
		e = db_begin(w->db);
		if (e == W_OK)
			e = finish(w, req,
				   db_manage_user_update(w->db,
							 w->session->user.id,
							 u.u.id, &in, &errs),
				   "user.update", user_detail(w, &in));
	}
	if (e == W_OK)
		return admin_redirect(resp, arena_printf(&w->arena,
							 "/admin/users/%" PRId64
							 "?ok=saved",
							 u.u.id));
	if (!form_error(e))
		return e;
	return user_page(w, req, resp, werr_status(e), &u, &in, &errs, NULL,
			 NULL);
}

static enum werr
user_set_disabled(struct worker *w, struct req *req, struct resp *resp,
		  bool disabled)
{
	struct db_manage_user u;
	enum werr e = need(w, PERM_USERS);
	if (e == W_OK)
		e = user_load(w, req, &u);
	if (e != W_OK)
		return e;
	e = db_begin(w->db);
	if (e == W_OK)
		e = finish(w, req,
			   db_manage_user_disable(w->db, w->session->user.id,
						  u.u.id, disabled),
			   disabled ? "user.disable" : "user.enable",
			   u.u.email);
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
	enum werr e = need(w, PERM_USERS);
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
			e = finish(w, req,
				   db_manage_user_password(w->db, u.u.id, hash,
							   revoke),
				   "user.passwd", u.u.email);
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
	if (!form_error(e))
		return e;
	return user_page(w, req, resp, werr_status(e), &u, NULL, &errs, NULL,
			 NULL);
}

/* --- settings ---------------------------------------------------------- */

static const struct {
	const char *value, *label;
} zones[] =
    {
	{"Asia/Jakarta", "WIB (Asia/Jakarta)"},
	{"Asia/Makassar", "WITA (Asia/Makassar)"},
	{"Asia/Jayapura", "WIT (Asia/Jayapura)"},
},
  langs[] = {
      {"id", "Bahasa Indonesia"},
      {"en", "English"},
};

static bool
same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static enum werr
settings_page(struct worker *w, struct req *req, struct resp *resp, int status,
	      const struct db_manage_settings *in,
	      const struct db_manage_errs *errs)
{
	struct tobj *ctx = admin_ctx(w, req, "Pengaturan situs");
	if (!ctx)
		return W_NOMEM;
	struct tobj *f = tobj_obj(ctx, "form");
	tobj_str(f, "site_name", in->site_name);
	tobj_str(f, "tagline", in->tagline);
	tobj_str(f, "base_url", in->base_url);
	struct tlist *zl = tobj_list(ctx, "zones");
	for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
		struct tobj *o = tlist_add(zl);
		tobj_str(o, "value", zones[i].value);
		tobj_str(o, "label", zones[i].label);
		tobj_bool(o, "selected", same(in->timezone, zones[i].value));
	}
	struct tlist *ll = tobj_list(ctx, "langs");
	for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++) {
		struct tobj *o = tlist_add(ll);
		tobj_str(o, "value", langs[i].value);
		tobj_str(o, "label", langs[i].label);
		tobj_bool(o, "selected", same(in->language, langs[i].value));
	}
	put_errs(ctx, errs);
	return admin_render(w, resp, status, "admin_settings", ctx);
}

/* The settings that differ between two loads, for the audit row. */
static const char *
settings_changed(struct worker *w, const struct site *a, const struct site *b)
{
	const struct {
		const char *key, *x, *y;
	} cmp[] = {
	    {"site_name", a->name, b->name},
	    {"tagline", a->tagline, b->tagline},
	    {"base_url", a->base_url, b->base_url},
	    {"timezone", a->timezone, b->timezone},
	    {"language", a->lang, b->lang},
	};
	const char *out = "";
	for (size_t i = 0; i < sizeof cmp / sizeof cmp[0] && out; i++)
		if (!same(cmp[i].x, cmp[i].y))
			out = arena_printf(&w->arena, "%s%s%s", out,
					   *out ? ", " : "", cmp[i].key);
	return out;
}

enum werr
admin_settings(struct worker *w, struct req *req, struct resp *resp)
{
	enum werr e = need(w, PERM_SETTINGS);
	if (e != W_OK)
		return e;
	struct db_manage_settings in;
	if (req->method != METHOD_POST) {
		in = (struct db_manage_settings){
		    .site_name = w->site.name,
		    .tagline = w->site.tagline,
		    .base_url = w->site.base_url,
		    .timezone = w->site.timezone,
		    .language = w->site.lang,
		};
		return settings_page(w, req, resp, 200, &in, NULL);
	}

	in = (struct db_manage_settings){
	    .site_name = field(w, req, "site_name"),
	    .tagline = field(w, req, "tagline"),
	    .base_url = field(w, req, "base_url"),
	    .timezone = field(w, req, "timezone"),
	    .language = field(w, req, "language"),
	};
	if (!in.site_name || !in.tagline || !in.base_url || !in.timezone ||
	    !in.language)
		return W_NOMEM;
	struct db_manage_errs errs = {0};
	e = db_begin(w->db);
	if (e == W_OK)
		e = db_manage_settings_save(w->db, &in, &errs);
	struct site now;
	if (e == W_OK)
		e = db_site_load(w->db, &w->arena, &now);
	const char *changed =
	    e == W_OK ? settings_changed(w, &w->site, &now) : "";
	if (!changed)
		e = W_NOMEM;
	if (e == W_OK && !*changed) {
		/* Nothing changed, so nothing to audit. */
		e = db_commit(w->db);
		if (e != W_OK)
			db_rollback(w->db);
	} else {
		e = finish(w, req, e, "settings.update", changed);
	}
	if (e == W_OK)
		return admin_redirect(resp, "/admin/settings?ok=settings");
	if (!form_error(e))
		return e;
	return settings_page(w, req, resp, werr_status(e), &in, &errs);
}

/* --- the audit log ----------------------------------------------------- */

/* base + the filters in effect, ending in '?' or '&' for one more. */
static const char *
audit_base(struct worker *w, const struct db_manage_audit_filter *f)
{
	const char *s = "/admin/audit?";
	if (f->user_id)
		s = arena_printf(&w->arena, "%spengguna=%" PRId64 "&", s,
				 f->user_id);
	const char *q = f->action ? qenc(w, f->action) : NULL;
	if (f->action && !q)
		return NULL;
	if (s && q)
		s = arena_printf(&w->arena, "%saksi=%s&", s, q);
	return s;
}

enum werr
admin_audit_log(struct worker *w, struct req *req, struct resp *resp)
{
	enum werr e = need(w, PERM_AUDIT);
	if (e != W_OK)
		return e;
	struct db_manage_audit_filter f = {0};
	const char *u = req_query(req, "pengguna");
	const char *b = req_query(req, "sebelum");
	f.action = req_query(req, "aksi");
	if (u && *u && !(f.user_id = admin_id(u)))
		return W_INVAL;
	int64_t before = 0;
	if (b && !(before = admin_id(b)))
		return W_INVAL;
	if (f.action && !*f.action)
		f.action = NULL;
	if (f.action && strlen(f.action) > ACTION_MAX)
		return W_INVAL;

	struct db_manage_audit *rows;
	struct db_manage_user *users;
	size_t n, nusers;
	bool more, more_users;
	e = db_manage_audit_list(w->db, &w->arena, &f, before, AUDIT_PAGE,
				 &rows, &n, &more);
	if (e == W_OK)
		e = db_manage_users(w->db, &w->arena, 0, 500, &users, &nusers,
				    &more_users);
	if (e != W_OK)
		return e;
	struct tobj *ctx = admin_ctx(w, req, "Log audit");
	if (!ctx)
		return W_NOMEM;
	const char *base = audit_base(w, &f);
	if (!base)
		return W_NOMEM;
	tobj_str(ctx, "action", f.action);
	tobj_bool(ctx, "filtered", f.user_id || f.action);
	struct tlist *ul = tobj_list(ctx, "users");
	for (size_t i = 0; i < nusers; i++) {
		struct tobj *o = tlist_add(ul);
		tobj_int(o, "id", users[i].u.id);
		tobj_str(o, "name", users[i].u.name);
		tobj_str(o, "email", users[i].u.email);
		tobj_bool(o, "selected", users[i].u.id == f.user_id);
	}
	struct tlist *list = tobj_list(ctx, "rows");
	for (size_t i = 0; i < n; i++) {
		const struct db_manage_audit *r = &rows[i];
		struct tobj *o = tlist_add(list);
		tobj_int(o, "id", r->id);
		tobj_str(o, "time", time_full(w, r->created_at));
		tobj_str(o, "datetime", page_date_iso(w, r->created_at));
		/* Every key a row's template reads is set, so that none is
		 * looked up in the page around it ("user" is the signed-in
		 * one). */
		tobj_str(o, "who",
			 r->user_id
			     ? (*r->user_name ? r->user_name : "(akun dihapus)")
			     : "sistem");
		if (r->user_id)
			tobj_str(o, "user_url",
				 arena_printf(&w->arena,
					      "/admin/audit?pengguna=%" PRId64,
					      r->user_id));
		const char *q = qenc(w, r->action);
		if (!q)
			return W_NOMEM;
		tobj_str(o, "action", r->action);
		tobj_str(o, "action_url",
			 arena_printf(&w->arena, "/admin/audit?aksi=%s", q));
		if (r->article_id) {
			struct tobj *a = tobj_obj(o, "article");
			tobj_str(a, "label",
				 *r->article_title
				     ? r->article_title
				     : arena_printf(&w->arena,
						    "#%" PRId64 " (dihapus)",
						    r->article_id));
			tobj_str(a, "url",
				 arena_printf(&w->arena,
					      "/admin/articles/%" PRId64
					      "/edit",
					      r->article_id));
		}
		tobj_str(o, "detail", r->detail);
		tobj_str(o, "addr", r->addr);
	}
	if (more)
		tobj_str(ctx, "next",
			 arena_printf(&w->arena, "%ssebelum=%" PRId64, base,
				      rows[n - 1].id));
	if (before)
		tobj_str(ctx, "first",
			 arena_strndup(&w->arena, base, strlen(base) - 1));
	return admin_render(w, resp, 200, "admin_audit", ctx);
}
