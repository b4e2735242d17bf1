/* admin.c - what every /admin page shares: the session gate with its CSRF
 * and Origin checks, the admin page context and layout, redirects, the
 * audit log. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "admin.h"
#include "auth.h"
#include "db_admin.h"
#include "db_user.h"
#include "page.h"
#include "router.h"

/* Fixed messages for ?ok=CODE: the query selects one, it never supplies
 * text, so a crafted link cannot put words in the admin's mouth. */
static const struct {
	const char *code, *text;
} flashes[] = {
    {"saved", "Perubahan tersimpan."},
    {"created", "Berhasil dibuat."},
    {"submitted", "Artikel dikirim ke redaktur untuk ditinjau."},
    {"published", "Artikel diterbitkan."},
    {"scheduled", "Artikel dijadwalkan terbit."},
    {"unpublished", "Artikel ditarik dari situs."},
    {"deleted", "Berhasil dihapus."},
    {"restored", "Revisi dipulihkan."},
    {"corrected", "Catatan koreksi ditambahkan."},
    {"user_added", "Akun dibuat."},
    {"user_disabled", "Akun dinonaktifkan."},
    {"user_enabled", "Akun diaktifkan kembali."},
    {"password", "Kata sandi diganti."},
    {"settings", "Pengaturan situs tersimpan."},
    {"logout", "Anda telah keluar."},
    {"password_own", "Kata sandi diganti; sesi Anda yang lain berakhir."},
    {"session_ended", "Sesi itu diakhiri."},
    {"bulk", "Tindakan massal selesai untuk semua berita yang dipilih."},
    /* Election night (admin_live.c, admin_results.c). */
    {"live_opened", "Liputan langsung dibuka."},
    {"live_closed", "Liputan langsung ditutup."},
    {"live_posted", "Pembaruan terkirim."},
    {"live_saved", "Pembaruan tersimpan."},
    {"live_deleted", "Pembaruan dihapus."},
    {"region_saved", "Daerah tersimpan."},
    {"pair_saved", "Pasangan calon tersimpan."},
    {"pair_deleted", "Pasangan calon dihapus."},
    {"results_added", "Data hasil ditambahkan."},
    /* The media library (admin_library.c). */
    {"uploaded", "Foto diunggah dan diolah."},
};

const char *
admin_cookie(struct worker *w, const struct req *req, const char *name)
{
	const char *p = req_header(req, "cookie");
	size_t nlen = strlen(name);

	if (!p)
		return NULL;
	/* "a=1; b=2": pairs separated by ';' and optional spaces. */
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == ';')
			p++;
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '=')
			return arena_strndup(&w->arena, p + nlen + 1,
					     len - nlen - 1);
		p += len;
	}
	return NULL;
}

/* Finds the live session named by the request's cookie, if any. */
static enum werr
load_session(struct worker *w, const struct req *req)
{
	const char *token = admin_cookie(w, req, ADMIN_COOKIE);
	char hash[AUTH_TOKEN_HASH_LEN];

	w->session = NULL;
	if (!auth_token_valid(token))
		return W_OK;
	auth_token_hash(token, hash);
	struct session *s = arena_alloc(&w->arena, sizeof *s);
	if (!s)
		return W_NOMEM;
	enum werr e = db_session_get(w->db, &w->arena, hash, req->now, s);
	if (e == W_NOTFOUND)
		return W_OK;
	if (e == W_OK) {
		s->id_hash = arena_strdup(&w->arena, hash);
		if (!s->id_hash)
			return W_NOMEM;
		w->session = s;
	}
	return e;
}

/* True when origin ("scheme://host[:port]", as browsers send it) names
 * scheme and host (a Host header value, "host[:port]"). ASCII case is
 * ignored, and so is a port that is the scheme's default, which a Host
 * header may spell out and an Origin never does. */
static bool
origin_is(const char *origin, const char *scheme, const char *host)
{
	size_t sl = strlen(scheme);
	if (!host || !*host || strncasecmp(origin, scheme, sl) != 0 ||
	    strncmp(origin + sl, "://", 3) != 0)
		return false;
	origin += sl + 3;
	const char *dflt = strcmp(scheme, "https") == 0 ? ":443" : ":80";
	size_t ol = strlen(origin), hl = strlen(host), dl = strlen(dflt);
	if (ol > dl && strcmp(origin + ol - dl, dflt) == 0)
		ol -= dl;
	if (hl > dl && strcmp(host + hl - dl, dflt) == 0)
		hl -= dl;
	return ol == hl && strncasecmp(origin, host, ol) == 0;
}

/* True when the request carries no Origin header, or one naming the
 * address the request itself reached (its scheme and Host, or what
 * FastCGI says of it: req->server_host; so that the admin works at
 * 127.0.0.1, localhost or a LAN name alike), or the site's
 * base URL (a proxy that rewrites Host). A browser sends Origin with every
 * cross-site POST, so this stops forged forms even before the CSRF token
 * is looked at: a page elsewhere cannot choose the Host its victim's
 * browser sends. */
static bool
origin_ok(const struct worker *w, const struct req *req)
{
	const char *origin = req_header(req, "origin");
	if (!origin)
		return true;
	const char *host = req->server_host;
	if (!host)
		host = req_header(req, "host");
	if (origin_is(origin, req->https ? "https" : "http", host))
		return true;
	const char *base = w->site.base_url;
	const char *sep = strstr(base, "://");
	if (!sep)
		return false;
	size_t n = strcspn(sep + 3, "/") + (size_t)(sep + 3 - base);
	return strlen(origin) == n && strncasecmp(origin, base, n) == 0;
}

/* True when the form's csrf field matches the session's token, or, on a
 * route reachable signed out (the sign-in form), the double-submit
 * cookie the form was served with. */
static bool
csrf_ok(struct worker *w, const struct req *req, bool public)
{
	const char *token = form_get(&req->form, "csrf");

	if (!token || !*token)
		return false;
	if (w->session && auth_equal(token, w->session->csrf))
		return true;
	if (public) {
		const char *c = admin_cookie(w, req, ADMIN_LOGIN_COOKIE);
		return auth_token_valid(c) && auth_equal(token, c);
	}
	return false;
}

/* "/admin/login?next=" and the request target percent-encoded. */
static const char *
login_url(struct worker *w, const struct req *req)
{
	const char *next = admin_qenc(w, req->uri ? req->uri : req->path);
	return next ? arena_printf(&w->arena, "/admin/login?next=%s", next)
		    : NULL;
}

/* Why a POST was refused, for the 403 page. */
static const char DENY_ORIGIN[] =
	"Formulir ini dikirim dari alamat lain, bukan dari halaman redaksi "
	"situs ini. Demi keamanan, perubahan hanya diterima dari halaman "
	"redaksi sendiri. Buka halaman redaksi langsung, lalu coba lagi.";
static const char DENY_TOKEN[] =
	"Token keamanan formulir tidak cocok. Biasanya halaman sudah terlalu "
	"lama terbuka, atau Anda keluar lalu masuk lagi di tab lain. Muat "
	"ulang halaman, lalu kirim lagi.";
static const char DENY_LOGIN_TOKEN[] =
	"Formulir masuk sudah kedaluwarsa atau browser menolak cookie. Muat "
	"ulang halaman masuk, pastikan cookie diizinkan, lalu coba lagi.";
static const char DENY_SESSION[] =
	"Sesi Anda sudah berakhir atau Anda belum masuk. Masuk lagi, lalu "
	"ulangi tindakan ini.";

enum werr
admin_gate(struct worker *w, struct req *req, struct resp *resp,
	   unsigned route_flags, bool *done, const char **why)
{
	bool public = (route_flags & ROUTE_PUBLIC) != 0;

	*done = false;
	*why = NULL;
	enum werr e = load_session(w, req);
	if (e != W_OK)
		return e;
	if (req->method != METHOD_GET && req->method != METHOD_HEAD) {
		/* Every state change is a POST that proves it comes from one
		 * of our own pages. */
		if (!origin_ok(w, req))
			*why = DENY_ORIGIN;
		else if (!w->session && !public)
			*why = DENY_SESSION;
		else if (!csrf_ok(w, req, public))
			*why = w->session ? DENY_TOKEN : DENY_LOGIN_TOKEN;
		return *why ? W_FORBIDDEN : W_OK;
	}
	if (w->session || public)
		return W_OK;
	const char *to = login_url(w, req);
	if (!to)
		return W_NOMEM;
	e = admin_redirect(resp, to);
	*done = e == W_OK;
	return e;
}

void
admin_denied(struct worker *w, const struct req *req, struct resp *resp,
	     const char *why)
{
	struct tobj *ctx = admin_ctx(w, req, "Akses ditolak");
	if (ctx && !why && w->session)
		why = arena_printf(&w->arena,
				   "Peran Anda (%s) tidak mengizinkan membuka "
				   "halaman ini atau melakukan tindakan ini. "
				   "Bila perlu, minta redaktur atau admin.",
				   role_label(w->session->user.role));
	if (ctx) {
		tobj_str(ctx, "why", why ? why : DENY_SESSION);
		tobj_bool(ctx, "login", !w->session);
	}
	if (!ctx || admin_render(w, resp, 403, "admin_denied", ctx) != W_OK)
		page_error(w, req, resp, W_FORBIDDEN);
}

/* Marks in nav the area the path belongs to, for aria-current. */
static void
nav_current(struct tobj *nav, const char *path)
{
	static const struct {
		const char *prefix, *key;
	} areas[] = {
	    {"/admin/articles/new", "new"},  {"/admin/articles", "articles"},
	    {"/admin/sections", "sections"}, {"/admin/tags", "tags"},
	    {"/admin/authors", "authors"},   {"/admin/users", "users"},
	    {"/admin/settings", "settings"}, {"/admin/audit", "audit"},
	    {"/admin/account", "account"}, {"/admin/agenda", "agenda"},
	    {"/admin/pilkada", "pilkada"}, {"/admin/media", "media"},
	};

	if (!path)
		return;
	if (strcmp(path, "/admin") == 0 || strcmp(path, "/admin/") == 0) {
		tobj_bool(nav, "home", true);
		return;
	}
	for (size_t i = 0; i < sizeof areas / sizeof areas[0]; i++) {
		size_t n = strlen(areas[i].prefix);
		if (strncmp(path, areas[i].prefix, n) == 0 &&
		    (path[n] == '\0' || path[n] == '/')) {
			tobj_bool(nav, areas[i].key, true);
			return;
		}
	}
}

struct tobj *
admin_ctx(struct worker *w, const struct req *req, const char *title)
{
	struct tobj *ctx = tobj_new(&w->arena);
	if (!ctx)
		return NULL;
	page_site(w, ctx);
	tobj_str(ctx, "title", title);
	tobj_str(ctx, "path", req->path);
	nav_current(tobj_obj(ctx, "nav"), req->path);

	const struct session *s = w->session;
	if (s) {
		enum role r = s->user.role;
		tobj_bool(ctx, "signed_in", true);
		tobj_str(ctx, "csrf", s->csrf);
		struct tobj *u = tobj_obj(ctx, "user");
		if (u) {
			tobj_str(u, "name", s->user.name);
			tobj_str(u, "email", s->user.email);
			tobj_str(u, "role", role_name(r));
			tobj_str(u, "role_label", role_label(r));
		}
		tobj_bool(ctx, "can_publish",
			  role_can(r, PERM_ARTICLE_PUBLISH));
		tobj_bool(ctx, "can_taxonomy", role_can(r, PERM_TAXONOMY));
		tobj_bool(ctx, "can_users", role_can(r, PERM_USERS));
		tobj_bool(ctx, "can_settings", role_can(r, PERM_SETTINGS));
		tobj_bool(ctx, "can_audit", role_can(r, PERM_AUDIT));
		tobj_bool(ctx, "can_results", role_can(r, PERM_RESULTS));
	}

	const char *ok = req_query(req, "ok");
	for (size_t i = 0; ok && i < sizeof flashes / sizeof flashes[0]; i++)
		if (strcmp(ok, flashes[i].code) == 0)
			tobj_str(ctx, "flash", flashes[i].text);
	return ctx;
}

enum werr
admin_render(struct worker *w, struct resp *resp, int status, const char *name,
	     struct tobj *ctx)
{
	/* Staff pages are private: never a validator, never a 304. */
	resp->cacheable = false;
	return page_render_in(w, resp, status, "admin_layout", name, ctx);
}

enum werr
admin_redirect(struct resp *resp, const char *path)
{
	/* Only local paths: "//host" would leave the site. */
	if (!path || path[0] != '/' || path[1] == '/' || path[1] == '\\')
		return W_INVAL;
	for (const char *p = path; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return W_INVAL;
	resp->status = 303;
	resp_header(resp, "Location", path);
	buf_reset(&resp->body);
	resp->content_type = NULL;
	resp->cacheable = false;
	return W_OK;
}

enum werr
admin_audit(struct worker *w, const struct req *req, const char *action,
	    int64_t article_id, const char *detail)
{
	int64_t uid = w->session ? w->session->user.id : 0;
	enum werr e = db_audit_add(w->db, uid, action, article_id, detail,
				   req->remote_addr, req->now);
	if (e != W_OK)
		fprintf(stderr, "warta: audit %s: %s\n", action, werr_str(e));
	return e;
}

int64_t
admin_id(const char *s)
{
	int64_t v = 0;

	/* Digits only, no sign, no leading zero: one spelling per id. */
	if (!s || *s < '1' || *s > '9')
		return 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		int d = *s - '0';
		if (v > (INT64_MAX - d) / 10)
			return 0;
		v = v * 10 + d;
	}
	return v;
}

enum werr
admin_need(const struct worker *w, enum perm p)
{
	if (!w->session || !role_can(w->session->user.role, p))
		return W_FORBIDDEN;
	return W_OK;
}

static bool
space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

const char *
admin_trim(struct worker *w, const char *s)
{
	if (!s)
		return "";
	while (space(*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && space(s[n - 1]))
		n--;
	const char *t = arena_strndup(&w->arena, s, n);
	return t ? t : "";
}

const char *
admin_form(struct worker *w, const struct req *req, const char *name)
{
	return admin_trim(w, form_get(&req->form, name));
}

const char *
admin_qenc(struct worker *w, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = arena_alloc(&w->arena, 3 * strlen(s) + 1);
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

const char *
admin_status_label(enum article_status st)
{
	static const char *const labels[ST__MAX] = {
	    [ST_DRAFT] = "Draf",
	    [ST_REVIEW] = "Menunggu tinjauan",
	    [ST_SCHEDULED] = "Terjadwal",
	    [ST_PUBLISHED] = "Terbit",
	    [ST_UNPUBLISHED] = "Dicabut",
	};
	return (unsigned)st < ST__MAX ? labels[st] : "Baru";
}

enum werr
admin_finish(struct worker *w, const struct req *req, enum werr e,
	     const char *action, int64_t article_id, const char *detail)
{
	if (e == W_OK)
		e = admin_audit(w, req, action, article_id, detail);
	if (e == W_OK)
		e = db_commit(w->db);
	if (e != W_OK)
		db_rollback(w->db);
	return e;
}
