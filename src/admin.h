/* admin.h - what every /admin page shares: the signed-in user, CSRF, the
 * admin layout, form re-rendering, the audit log.
 *
 * app_handle() calls admin_gate() for every route flagged ROUTE_ADMIN
 * before the handler runs. Handlers then find the session in w->session
 * (never NULL inside an admin handler, except on ROUTE_PUBLIC admin routes
 * such as the sign-in page). */
#ifndef WARTA_ADMIN_H
#define WARTA_ADMIN_H

#include "app.h"
#include "form.h"
#include "model.h"
#include "role.h"
#include "tpl.h"

struct user {
	int64_t id;
	const char *email;
	const char *name;
	enum role role;
	int64_t author_id; /* 0 when the account has no byline */
	bool disabled;
};

/* The session of the current request, in the worker's arena. */
struct session {
	struct user user;
	const char *csrf; /* the token forms must send back as "csrf" */
	const char *id_hash; /* auth_token_hash of the cookie: names this
				session among the user's others */
};

#define ADMIN_COOKIE "warta_session"
#define ADMIN_IDLE (12 * 3600)
#define ADMIN_ABSOLUTE (7 * 24 * 3600)

/* Runs before an admin handler. Loads the session from the cookie (expired
 * or revoked ones count as none; a live one has its seen_at bumped). When
 * there is none and the route is not ROUTE_PUBLIC: GET/HEAD get a 303 to
 * /admin/login?next=PATH, other methods a 403. For a POST: an Origin
 * header, when present, must name the address the request itself reached
 * (its scheme and its Host header, or for FastCGI the HTTP_HOST or
 * SERVER_NAME with the SERVER_PORT nginx passes) or the site's base URL, and
 * the form's "csrf" field must equal the session's token (or, without a
 * session, the sign-in form's token) — else W_FORBIDDEN with *why set to
 * which check failed, in plain Indonesian for admin_denied(), and the
 * handler never runs. Returns W_OK to proceed; any other value is the
 * response's error; *done is set when gate already filled resp (a
 * redirect). */
enum werr admin_gate(struct worker *w, struct req *req, struct resp *resp,
		     unsigned route_flags, bool *done,
		     const char **why) WUNUSED;

/* A context for an admin page: the site, the user (name, role label, what
 * they may do as booleans can_publish, can_taxonomy, can_users,
 * can_settings, can_audit), the csrf token, the title, the flash message
 * from ?ok=... NULL when out of memory.
 *
 * Names set: site.{name,tagline,base_url,lang}, title, path, csrf,
 * signed_in, user.{name,email,role,role_label}, can_publish, can_taxonomy,
 * can_users, can_settings, can_audit, can_results, nav.{home,articles,new,
 * sections,tags,authors,users,settings,audit,pilkada,media} (true for the
 * current area), flash.
 * The flash codes a handler may redirect with (?ok=CODE; anything else
 * shows nothing): saved, created, submitted, published, scheduled,
 * unpublished, deleted, restored, corrected, user_added, user_disabled,
 * user_enabled, password, settings, logout, password_own, session_ended,
 * bulk; for election night live_opened, live_closed, live_posted,
 * live_saved, live_deleted, region_saved, pair_saved, pair_deleted,
 * results_added; for the media library uploaded. */
struct tobj *admin_ctx(struct worker *w, const struct req *req,
		       const char *title);

/* The admin's 403 page: "Akses ditolak" and why, in plain Indonesian
 * (why NULL: the signed-in user's role does not allow it). Fills resp;
 * falls back to page_error when rendering fails. */
void admin_denied(struct worker *w, const struct req *req, struct resp *resp,
		  const char *why);

/* Renders template name inside admin_layout into resp->body. */
enum werr admin_render(struct worker *w, struct resp *resp, int status,
		       const char *name, struct tobj *ctx) WUNUSED;

/* A 303 See Other to path (a local path starting with '/'). */
enum werr admin_redirect(struct resp *resp, const char *path) WUNUSED;

/* Appends one audit-log row: who (w->session's user, or none), action, the
 * article (0 for none), a short detail, the client address. Errors are logged
 * and returned. */
enum werr admin_audit(struct worker *w, const struct req *req,
		      const char *action, int64_t article_id,
		      const char *detail) WUNUSED;

/* Parses a positive decimal id; 0 when s is not one. */
int64_t admin_id(const char *s);

/* W_OK when the signed-in user's role grants p, else W_FORBIDDEN. */
enum werr admin_need(const struct worker *w, enum perm p) WUNUSED;

/* s without leading and trailing white space, copied into the worker's
 * arena; "" for NULL (and when out of memory, which then shows as an empty
 * field). */
const char *admin_trim(struct worker *w, const char *s);

/* admin_trim() of the value of form field name ("" when absent). */
const char *admin_form(struct worker *w, const struct req *req,
		       const char *name);

/* s percent-encoded for a URL query value (only RFC 3986's unreserved
 * characters stay as they are), in the worker's arena; NULL when out of
 * memory. */
const char *admin_qenc(struct worker *w, const char *s);

/* The Indonesian label of an article status ("Draf", "Terbit", ...);
 * "Baru" for ST__MAX, an article not saved yet. Static storage. */
const char *admin_status_label(enum article_status st);

/* Ends the transaction a handler opened (db_begin) around a change whose
 * result is e: when e is W_OK, writes the audit row (see admin_audit) and
 * commits; otherwise, or when that fails, rolls back. Returns e, or the
 * error of auditing or committing. */
enum werr admin_finish(struct worker *w, const struct req *req, enum werr e,
		       const char *action, int64_t article_id,
		       const char *detail) WUNUSED;

/* The sign-in form's double-submit CSRF cookie (see admin_login.c). */
#define ADMIN_LOGIN_COOKIE "warta_login"

/* The value of the first cookie called name in the request's Cookie
 * header, copied into the worker's arena; NULL when there is none. */
const char *admin_cookie(struct worker *w, const struct req *req,
			 const char *name);

/* Handlers of the admin core: sign-in and sign-out (admin_login.c), the
 * dashboard (admin_home.c). */
enum werr admin_login_get(struct worker *w, struct req *req, struct resp *resp);
enum werr admin_login_post(struct worker *w, struct req *req,
			   struct resp *resp);
enum werr admin_logout(struct worker *w, struct req *req, struct resp *resp);
enum werr admin_home(struct worker *w, struct req *req, struct resp *resp);

/* The signed-in user's own account (admin_account.c): GET /admin/account
 * shows the password form and the user's sessions; POST
 * /admin/account/password changes the password (the current one must be
 * right; every other session of the user ends); POST
 * /admin/account/sessions/end ends one of the user's other sessions. */
enum werr admin_account(struct worker *w, struct req *req, struct resp *resp);
enum werr admin_account_password(struct worker *w, struct req *req,
				 struct resp *resp);
enum werr admin_account_end(struct worker *w, struct req *req,
			    struct resp *resp);

#endif
