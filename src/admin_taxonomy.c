/* admin_taxonomy.c - the management pages of sections, tags and authors:
 * a list with a form to add one, an edit form, and deletion of one that
 * nothing uses. */
#include <assert.h>
#include <inttypes.h>
#include <string.h>

#include "admin.h"
#include "admin_manage.h"
#include "db_manage.h"
#include "slug.h"

#define TAX_PAGE 50

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

static void
tax_read(struct worker *w, const struct req *req,
	 struct db_manage_item_input *in)
{
	const char *pos = admin_form(w, req, "position");
	in->name = admin_form(w, req, "name");
	in->slug = admin_form(w, req, "slug");
	in->description = admin_form(w, req, "description");
	in->initials = admin_form(w, req, "initials");
	in->position = position_parse(pos);
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
		tobj_str(f, "position", admin_form(w, post, "position"));
	} else if (it) {
		tobj_str(f, "name", it->name);
		tobj_str(f, "slug", it->slug);
		tobj_str(f, "description", it->description);
		tobj_str(f, "initials", it->initials);
		tobj_int(f, "position", it->position);
	}
	admin_manage_errs(ctx, errs);
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

/* The kind whose pages req->path is under: the route table sends only
 * the paths of kinds[].base here. */
static enum werr
kind_of(const struct worker *w, const struct req *req, enum db_manage_kind *k)
{
	for (int i = 0; i < MK__MAX; i++) {
		size_t n = strlen(kinds[i].base);
		if (strncmp(req->path, kinds[i].base, n) == 0 &&
		    (req->path[n] == '\0' || req->path[n] == '/')) {
			*k = (enum db_manage_kind)i;
			return admin_need(w, PERM_TAXONOMY);
		}
	}
	return W_NOTFOUND;
}

enum werr
admin_taxonomy_list(struct worker *w, struct req *req, struct resp *resp)
{
	enum db_manage_kind k;
	enum werr e = kind_of(w, req, &k);
	if (e != W_OK)
		return e;
	if (req->method != METHOD_POST)
		return tax_list_page(w, req, resp, k, 200, NULL, NULL, NULL);

	struct db_manage_item_input in;
	struct db_manage_errs errs = {0};
	int64_t id = 0;
	tax_read(w, req, &in);
	e = db_manage_item_check(&w->arena, k, &in, &errs);
	if (e == W_OK) {
		e = db_begin(w->db);
		if (e == W_OK)
			e = admin_finish(
			    w, req,
			    db_manage_item_save(w->db, &w->arena, k, 0, &in,
						&id, &errs),
			    arena_printf(&w->arena, "%s.add", kinds[k].action),
			    0, tax_detail(w, &in));
	}
	if (e == W_OK)
		return admin_redirect(
		    resp,
		    arena_printf(&w->arena, "%s?ok=created", kinds[k].base));
	if (!admin_manage_form_error(e))
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

enum werr
admin_taxonomy_item(struct worker *w, struct req *req, struct resp *resp)
{
	struct db_manage_item it;
	enum db_manage_kind k;
	enum werr e = kind_of(w, req, &k);
	if (e == W_OK)
		e = tax_load(w, req, k, &it);
	if (e != W_OK)
		return e;
	if (req->method != METHOD_POST)
		return tax_edit_page(w, req, resp, k, 200, &it, NULL, NULL,
				     NULL, NULL);

	struct db_manage_item_input in;
	struct db_manage_errs errs = {0};
	tax_read(w, req, &in);
	e = db_manage_item_check(&w->arena, k, &in, &errs);
	if (e == W_OK) {
		e = db_begin(w->db);
		if (e == W_OK)
			e = admin_finish(w, req,
					 db_manage_item_save(w->db, &w->arena,
							     k, it.id, &in,
							     NULL, &errs),
					 arena_printf(&w->arena, "%s.update",
						      kinds[k].action),
					 0, tax_detail(w, &in));
	}
	if (e == W_OK)
		return admin_redirect(
		    resp, arena_printf(&w->arena, "%s/%" PRId64 "?ok=saved",
				       kinds[k].base, it.id));
	if (!admin_manage_form_error(e))
		return e;
	return tax_edit_page(w, req, resp, k, werr_status(e), &it, req, &in,
			     &errs, NULL);
}

enum werr
admin_taxonomy_delete(struct worker *w, struct req *req, struct resp *resp)
{
	struct db_manage_item it;
	enum db_manage_kind k;
	enum werr e = kind_of(w, req, &k);
	if (e == W_OK)
		e = tax_load(w, req, k, &it);
	if (e != W_OK)
		return e;
	e = db_begin(w->db);
	if (e == W_OK)
		e = admin_finish(
		    w, req, db_manage_item_delete(w->db, k, it.id),
		    arena_printf(&w->arena, "%s.delete", kinds[k].action), 0,
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
