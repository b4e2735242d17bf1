/* admin_manage.h - the management pages of the admin: sections, tags and
 * authors (PERM_TAXONOMY, admin_taxonomy.c), accounts (PERM_USERS,
 * admin_users.c), site settings (PERM_SETTINGS) and the audit log
 * (PERM_AUDIT) (admin_manage.c).
 *
 * All are ROUTE_ADMIN routes, so admin_gate() has checked the session, the
 * Origin and the CSRF token of a POST before they run. Each handler checks
 * its own permission, for GET and POST alike, and answers W_FORBIDDEN
 * without it. A change and its audit row are written in one transaction;
 * success answers 303 to a page with ?ok=CODE (POST-redirect-GET); bad
 * input re-renders the form with each message beside its field and what
 * was typed (never a password) kept, as a 400 (409 for a slug or an email
 * already taken) that changed nothing. */
#ifndef WARTA_ADMIN_MANAGE_H
#define WARTA_ADMIN_MANAGE_H

#include "app.h"
#include "tpl.h"

struct db_manage_errs;

/* Sections, tags and authors, told apart by the path: under
 * /admin/sections, /admin/tags or /admin/authors.
 * /admin/KIND - GET lists them (keyset by slug, ?setelah=SLUG) with a form
 * to add one; POST adds one.
 * /admin/KIND/:id - GET shows the edit form; POST saves it.
 * POST /admin/KIND/:id/delete - deletes one that nothing uses; one in use
 * re-renders its edit page with a 409 and a message. */
enum werr admin_taxonomy_list(struct worker *w, struct req *req,
			      struct resp *resp);
enum werr admin_taxonomy_item(struct worker *w, struct req *req,
			      struct resp *resp);
enum werr admin_taxonomy_delete(struct worker *w, struct req *req,
				struct resp *resp);

/* GET /admin/users - the accounts, keyset by id (?setelah=ID). */
enum werr admin_users(struct worker *w, struct req *req, struct resp *resp);
/* GET|POST /admin/users/new - a new account. An empty password field makes
 * a random one, shown once on the page that answers. */
enum werr admin_user_new(struct worker *w, struct req *req, struct resp *resp);
/* GET|POST /admin/users/:id - email, name, role, byline. */
enum werr admin_user(struct worker *w, struct req *req, struct resp *resp);
/* POST /admin/users/:id/disable and /enable. Disabling ends the account's
 * sessions; nobody disables themself (403). */
enum werr admin_user_disable(struct worker *w, struct req *req,
			     struct resp *resp);
enum werr admin_user_enable(struct worker *w, struct req *req,
			    struct resp *resp);
/* POST /admin/users/:id/password - a new password, typed or random (shown
 * once); another account's sessions end with it. */
enum werr admin_user_password(struct worker *w, struct req *req,
			      struct resp *resp);

/* GET|POST /admin/settings - site name, tagline, base URL, time zone,
 * language; read per request, so a change shows without a restart. */
enum werr admin_settings(struct worker *w, struct req *req, struct resp *resp);

/* GET /admin/audit - the audit log, newest first, keyset by id
 * (?sebelum=ID), filtered by ?pengguna=USER_ID and ?aksi=ACTION. */
enum werr admin_audit_log(struct worker *w, struct req *req, struct resp *resp);

/* Shared by the management pages. */

/* Puts each field's message of errs (may be NULL) under "err" in ctx, for
 * {{err.FIELD}}, and a summary under "alert"; nothing when there is none. */
void admin_manage_errs(struct tobj *ctx, const struct db_manage_errs *errs);

/* True for the errors a form shows beside its fields (W_INVAL,
 * W_CONFLICT): the page is drawn again, not an error page. */
bool admin_manage_form_error(enum werr e);

#endif
