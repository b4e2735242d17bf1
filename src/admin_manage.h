/* admin_manage.h - the management pages of the admin: sections, tags and
 * authors (PERM_TAXONOMY), accounts (PERM_USERS), site settings
 * (PERM_SETTINGS) and the audit log (PERM_AUDIT).
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

/* GET lists (keyset by slug, ?setelah=SLUG) with a form to add one; POST
 * adds one. */
enum werr admin_sections(struct worker *w, struct req *req, struct resp *resp);
enum werr admin_tags(struct worker *w, struct req *req, struct resp *resp);
enum werr admin_authors(struct worker *w, struct req *req, struct resp *resp);

/* /admin/KIND/:id - GET shows the edit form; POST saves it. */
enum werr admin_section(struct worker *w, struct req *req, struct resp *resp);
enum werr admin_tag(struct worker *w, struct req *req, struct resp *resp);
enum werr admin_author(struct worker *w, struct req *req, struct resp *resp);

/* POST /admin/KIND/:id/delete - deletes one that nothing uses; one in use
 * re-renders its edit page with a 409 and a message. */
enum werr admin_section_delete(struct worker *w, struct req *req,
			       struct resp *resp);
enum werr admin_tag_delete(struct worker *w, struct req *req,
			   struct resp *resp);
enum werr admin_author_delete(struct worker *w, struct req *req,
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

#endif
