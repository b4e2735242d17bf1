/* app.c - the route table, per-thread workers, and app_handle(): the one
 * place where a request becomes a response, whichever front end sent it. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "admin.h"
#include "admin_articles.h"
#include "admin_library.h"
#include "admin_election.h"
#include "admin_manage.h"
#include "app.h"
#include "cache.h"
#include "datefmt.h"
#include "db.h"
#include "db_site.h"
#include "listcache.h"
#include "metrics.h"
#include "monitor.h"
#include "mount.h"
#include "page.h"
#include "page_archive.h"
#include "page_feed.h"
#include "page_live.h"
#include "page_results.h"
#include "page_search.h"
#include "router.h"

static const struct route routes[] = {
	{M_GET | M_HEAD, "/", page_home, 0},
	{M_GET | M_HEAD, "/kanal/:slug", page_section, 0},
	{M_GET | M_HEAD, "/tag/:slug", page_tag, 0},
	{M_GET | M_HEAD, "/penulis/:slug", page_author, 0},
	/* Feeds, sitemaps and robots.txt (page_feed.c, page_sitemap.c). */
	{M_GET | M_HEAD, "/feed.xml", page_feed, 0},
	{M_GET | M_HEAD, "/atom.xml", page_feed, 0},
	{M_GET | M_HEAD, "/kanal/:slug/feed.xml", page_feed, 0},
	{M_GET | M_HEAD, "/kanal/:slug/atom.xml", page_feed, 0},
	{M_GET | M_HEAD, "/tag/:slug/feed.xml", page_feed, 0},
	{M_GET | M_HEAD, "/tag/:slug/atom.xml", page_feed, 0},
	{M_GET | M_HEAD, "/penulis/:slug/feed.xml", page_feed, 0},
	{M_GET | M_HEAD, "/penulis/:slug/atom.xml", page_feed, 0},
	{M_GET | M_HEAD, "/sitemap.xml", page_sitemap_index, 0},
	{M_GET | M_HEAD, "/sitemap-pages.xml", page_sitemap_pages, 0},
	{M_GET | M_HEAD, "/sitemap-news.xml", page_sitemap_news, 0},
	{M_GET | M_HEAD, "/sitemap-:month.xml", page_sitemap_month, 0},
	{M_GET | M_HEAD, "/robots.txt", page_robots, 0},
	{M_GET | M_HEAD, "/static/*path", page_static, 0},
	{M_GET | M_HEAD, "/cari", page_search, 0},
	/* Election night (page_live.c, page_results.c, admin_live.c,
	 * admin_results.c); before the article pattern. */
	{M_GET | M_HEAD, "/langsung/:id.json", page_live_poll, 0},
	{M_GET | M_HEAD, "/pilkada", page_regions, 0},
	{M_GET | M_HEAD, "/pilkada/:slug", page_region, 0},
	{M_GET | M_HEAD, "/admin/articles/:id/live", admin_live_page,
	 ROUTE_ADMIN},
	{M_POST, "/admin/articles/:id/live/open", admin_live_open,
	 ROUTE_ADMIN},
	{M_POST, "/admin/articles/:id/live/close", admin_live_close,
	 ROUTE_ADMIN},
	{M_POST, "/admin/articles/:id/live", admin_live_post, ROUTE_ADMIN},
	{M_GET | M_HEAD | M_POST, "/admin/live/:uid", admin_live_update,
	 ROUTE_ADMIN},
	{M_POST, "/admin/live/:uid/delete", admin_live_delete, ROUTE_ADMIN},
	{M_GET | M_HEAD | M_POST, "/admin/pilkada", admin_regions,
	 ROUTE_ADMIN},
	{M_GET | M_HEAD | M_POST, "/admin/pilkada/:id", admin_region,
	 ROUTE_ADMIN},
	{M_POST, "/admin/pilkada/:id/paslon", admin_pair_add, ROUTE_ADMIN},
	{M_POST, "/admin/pilkada/:id/paslon/:pid", admin_pair_edit,
	 ROUTE_ADMIN},
	{M_POST, "/admin/pilkada/:id/paslon/:pid/delete", admin_pair_delete,
	 ROUTE_ADMIN},
	{M_POST, "/admin/pilkada/:id/hasil", admin_result_add, ROUTE_ADMIN},
	/* The archive; before the article pattern, which /arsip/Y/M/D
	 * would match. */
	{M_GET | M_HEAD, "/arsip", page_archive, 0},
	{M_GET | M_HEAD, "/arsip/:y/:m", page_archive_month, 0},
	{M_GET | M_HEAD, "/arsip/:y/:m/:d", page_archive_day, 0},
	/* The admin; before the article pattern, which any four segments
	 * would match. */
	{M_GET | M_HEAD, "/admin", admin_home, ROUTE_ADMIN},
	{M_GET | M_HEAD, "/admin/login", admin_login_get,
	 ROUTE_ADMIN | ROUTE_PUBLIC},
	{M_POST, "/admin/login", admin_login_post, ROUTE_ADMIN | ROUTE_PUBLIC},
	{M_POST, "/admin/logout", admin_logout, ROUTE_ADMIN},
	/* One's own account (admin_account.c). */
	{M_GET | M_HEAD, "/admin/account", admin_account, ROUTE_ADMIN},
	{M_POST, "/admin/account/password", admin_account_password,
	 ROUTE_ADMIN},
	{M_POST, "/admin/account/sessions/end", admin_account_end,
	 ROUTE_ADMIN},
	/* Management pages (admin_manage.c); each checks its permission. */
	{M_GET | M_HEAD | M_POST, "/admin/sections", admin_taxonomy_list,
	 ROUTE_ADMIN},
	{M_GET | M_HEAD | M_POST, "/admin/sections/:id", admin_taxonomy_item,
	 ROUTE_ADMIN},
	{M_POST, "/admin/sections/:id/delete", admin_taxonomy_delete,
	 ROUTE_ADMIN},
	{M_GET | M_HEAD | M_POST, "/admin/tags", admin_taxonomy_list,
	 ROUTE_ADMIN},
	{M_GET | M_HEAD | M_POST, "/admin/tags/:id", admin_taxonomy_item,
	 ROUTE_ADMIN},
	{M_POST, "/admin/tags/:id/delete", admin_taxonomy_delete, ROUTE_ADMIN},
	{M_GET | M_HEAD | M_POST, "/admin/authors", admin_taxonomy_list,
	 ROUTE_ADMIN},
	{M_GET | M_HEAD | M_POST, "/admin/authors/:id", admin_taxonomy_item,
	 ROUTE_ADMIN},
	{M_POST, "/admin/authors/:id/delete", admin_taxonomy_delete,
	 ROUTE_ADMIN},
	{M_GET | M_HEAD, "/admin/users", admin_users, ROUTE_ADMIN},
	{M_GET | M_HEAD | M_POST, "/admin/users/new", admin_user_new,
	 ROUTE_ADMIN},
	{M_GET | M_HEAD | M_POST, "/admin/users/:id", admin_user, ROUTE_ADMIN},
	{M_POST, "/admin/users/:id/disable", admin_user_disable, ROUTE_ADMIN},
	{M_POST, "/admin/users/:id/enable", admin_user_enable, ROUTE_ADMIN},
	{M_POST, "/admin/users/:id/password", admin_user_password,
	 ROUTE_ADMIN},
	{M_GET | M_HEAD | M_POST, "/admin/settings", admin_settings,
	 ROUTE_ADMIN},
	{M_GET | M_HEAD, "/admin/audit", admin_audit_log, ROUTE_ADMIN},
	/* Several editors at once (admin_collab.c, admin_bulk.c): presence,
	 * autosave, the full-page preview, bulk actions, the agenda; before
	 * the editor's /admin/articles/:id, which "bulk" would match. */
	{M_POST, "/admin/articles/new/autosave", admin_autosave, ROUTE_ADMIN},
	{M_POST, "/admin/articles/new/autosave/discard",
	 admin_autosave_discard, ROUTE_ADMIN},
	{M_POST, "/admin/articles/bulk", admin_articles_bulk, ROUTE_ADMIN},
	{M_GET | M_HEAD, "/admin/agenda", admin_agenda, ROUTE_ADMIN},
	{M_POST, "/admin/articles/:id/presence", admin_presence_beat,
	 ROUTE_ADMIN},
	{M_POST, "/admin/articles/:id/autosave", admin_autosave, ROUTE_ADMIN},
	{M_POST, "/admin/articles/:id/autosave/discard",
	 admin_autosave_discard, ROUTE_ADMIN},
	{M_POST, "/admin/articles/:id/preview", admin_preview, ROUTE_ADMIN},
	/* The article editor (admin_articles.c); each checks role and
	 * ownership on the stored article. */
	{M_GET | M_HEAD, "/admin/articles", admin_articles_list, ROUTE_ADMIN},
	{M_POST, "/admin/articles", admin_article_create, ROUTE_ADMIN},
	{M_GET | M_HEAD, "/admin/articles/new", admin_article_new,
	 ROUTE_ADMIN},
	{M_POST, "/admin/articles/:id", admin_article_update, ROUTE_ADMIN},
	{M_GET | M_HEAD, "/admin/articles/:id/edit", admin_article_edit,
	 ROUTE_ADMIN},
	{M_POST, "/admin/articles/:id/correction", admin_article_correct,
	 ROUTE_ADMIN},
	{M_GET | M_HEAD, "/admin/articles/:id/revisions",
	 admin_article_revisions, ROUTE_ADMIN},
	{M_POST, "/admin/articles/:id/revisions/:rev/restore",
	 admin_article_restore, ROUTE_ADMIN},
	{M_POST, "/admin/preview", admin_preview, ROUTE_ADMIN},
	/* The media library (admin_library.c). */
	{M_GET | M_HEAD | M_POST, "/admin/media", admin_library, ROUTE_ADMIN},
	{M_GET | M_HEAD | M_POST, "/admin/media/:id", admin_library_item,
	 ROUTE_ADMIN},
	{M_POST, "/admin/media/:id/delete", admin_library_delete,
	 ROUTE_ADMIN},
	/* Uploaded images (admin_media.c); nginx serves them itself. */
	{M_GET | M_HEAD, "/media/:name", page_media, 0},
	/* Operations (monitor.c): loopback or a token only, never cached. */
	{M_GET | M_HEAD, "/healthz", monitor_healthz, ROUTE_MONITOR},
	{M_GET | M_HEAD, "/metrics", monitor_metrics, ROUTE_MONITOR},
	{M_GET | M_HEAD, "/:y/:m/:d/:slug", page_article, 0},
};
#define NROUTES (sizeof routes / sizeof routes[0])
/* One metrics slot per route and one for requests no route matched. */
static_assert(NROUTES < METRICS_ROUTES, "raise METRICS_ROUTES");

size_t
app_route_count(void)
{
	return NROUTES;
}

const char *
app_route_pattern(size_t i)
{
	return i < NROUTES ? routes[i].pattern : NULL;
}

static bool
has_header(const struct resp *resp, const char *name)
{
	for (size_t i = 0; i < resp->nheaders; i++)
		if (strcasecmp(resp->headers[i].key, name) == 0)
			return true;
	return false;
}

/* Puts the request's mount point into the site: the base URL names the
 * home at the mount point, unless the admin already wrote it in. */
static enum werr
site_mount(struct worker *w, const struct req *req)
{
	struct site *s = &w->site;
	size_t nb = strlen(s->base_url), nr = strlen(req->root);

	s->base_url_setting = s->base_url;
	s->root = req->root;
	if (nr == 0 || (nb >= nr && strcmp(s->base_url + nb - nr, req->root) == 0))
		return W_OK;
	s->base_url = arena_printf(&w->arena, "%s%s", s->base_url, req->root);
	return s->base_url ? W_OK : W_NOMEM;
}

/* Handlers redirect to site paths ("/admin"); the browser needs them
 * below the mount point. */
static void
mount_location(struct worker *w, struct resp *resp)
{
	if (!*w->site.root)
		return;
	for (size_t i = 0; i < resp->nheaders; i++) {
		struct kv *h = &resp->headers[i];
		if (strcasecmp(h->key, "Location") != 0 || h->val[0] != '/' ||
		    h->val[1] == '/')
			continue;
		const char *v = arena_printf(&w->arena, "%s%s", w->site.root,
					     h->val);
		if (v)
			h->val = v;
	}
}

static int64_t
monotonic_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

struct worker *
worker_new(const struct app *app)
{
	struct worker *w = calloc(1, sizeof *w);
	if (!w) {
		fprintf(stderr, "warta: out of memory\n");
		return NULL;
	}
	char err[256];
	w->app = app;
	w->db = db_open(app->db_path, false, err, sizeof err);
	if (!w->db) {
		fprintf(stderr, "warta: %s\n", err);
		free(w);
		return NULL;
	}
	if (app->sync_full && db_synchronous_full(w->db) != W_OK) {
		db_close(w->db);
		free(w);
		return NULL;
	}
	arena_init(&w->arena);
	buf_init(&w->scratch);
	return w;
}

void
worker_free(struct worker *w)
{
	if (!w)
		return;
	buf_fini(&w->scratch);
	listcache_free(w->lists);
	arena_fini(&w->arena);
	db_close(w->db);
	free(w);
}

void
worker_begin(struct worker *w, struct req *req, struct resp *resp)
{
	db_idle(w->db);
	arena_reset(&w->arena);
	buf_reset(&w->scratch);
	w->session = NULL;
	w->nlive_open = 0;
	w->stamp_read = false;
	memset(req, 0, sizeof *req);
	req->started_us = monotonic_us();
	req->arena = &w->arena;
	/* Not time(): glibc serves it from the coarse clock, which can lag a
	 * whole second behind CLOCK_REALTIME at a second boundary. */
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	req->now = (int64_t)ts.tv_sec;
	req->method = METHOD_OTHER;
	req->root = "";
	struct buf body = resp->body;
	buf_reset(&body);
	memset(resp, 0, sizeof *resp);
	resp->body = body;
	resp->fd = -1;
	resp->status = 200;
}

/* Headers every response carries; a reader response without a
 * Cache-Control gets the one cache.c chooses for its status. */
static void
common_headers(struct resp *resp, unsigned flags)
{
	resp_header(resp, "X-Content-Type-Options", "nosniff");
	resp_header(resp, "Referrer-Policy", "strict-origin-when-cross-origin");
	if (flags & ROUTE_MONITOR) {
		resp_header(resp, "Cache-Control", "no-store");
	} else if (flags & ROUTE_ADMIN) {
		resp_header(resp, "Cache-Control", "no-store");
		resp_header(resp, "Content-Security-Policy",
			    "default-src 'self'; img-src 'self' data:; "
			    "object-src 'none'; base-uri 'none'; "
			    "form-action 'self'; frame-ancestors 'none'");
	} else {
		if (!has_header(resp, "Cache-Control"))
			resp_header(resp, "Cache-Control",
				    cache_control_for(resp->status, false));
		resp_header(resp, "Content-Security-Policy",
			    "default-src 'self'; img-src 'self' data:; "
			    "object-src 'none'; base-uri 'none'; "
			    "frame-ancestors 'self'");
	}
}

void
app_handle(struct worker *w, struct req *req, struct resp *resp)
{
	const struct route *route = NULL;
	enum werr e = W_OK;
	const char *denied = NULL; /* why the admin gate refused */

	resp->head = req->method == METHOD_HEAD;
	unsigned allowed = 0;
	if (req->path)
		route = router_match(routes, NROUTES, req, &allowed);
	/* A reader page's queries (settings, the story, lists, bylines)
	 * share one read transaction: one snapshot for the whole page, and
	 * one transaction for SQLite to open and close instead of one per
	 * statement, which was a tenth of an article page. Reader handlers
	 * never write; the admin's manage their own transactions. */
	bool snapshot = route &&
			!(route->flags & (ROUTE_ADMIN | ROUTE_MONITOR)) &&
			db_read_begin(w->db) == W_OK;
	/* The monitor's pages must answer while the settings cannot be
	 * read: telling that is their job. */
	if (!route || !(route->flags & ROUTE_MONITOR)) {
		e = db_site_load(w->db, &w->arena, &w->site);
		/* Even when the settings fail to load: the error page links
		 * home. */
		enum werr em = site_mount(w, req);
		if (e == W_OK)
			e = em;
		if (e != W_OK)
			goto out;
	} else {
		w->site.root = req->root;
	}
	if (!req->path) {
		/* The front end could not accept the request target. */
		e = req->body_err == W_TOOBIG ? W_URILONG
		    : req->body_err != W_OK   ? req->body_err
					      : W_INVAL;
		goto out;
	}
	if (req->body_err == W_HEADERS) {
		e = W_HEADERS;
		goto out;
	}
	if (!route) {
		e = allowed ? W_METHOD : W_NOTFOUND;
		if (allowed)
			resp_header(resp, "Allow", router_allow(allowed));
		goto out;
	}
	if (req->body_err != W_OK) {
		e = req->body_err;
		goto out;
	}
	if (route->flags & ROUTE_ADMIN) {
		/* Session, Origin and CSRF checks before any admin handler. */
		bool done = false;
		e = admin_gate(w, req, resp, route->flags, &done, &denied);
		if (e != W_OK || done)
			goto out;
	}
	e = route->handler(w, req, resp);
	/* Validators and 304s for reader pages and feeds only: admin pages
	 * are no-store whatever their handler rendered them with. */
	if (e == W_OK && resp->cacheable && !(route->flags & ROUTE_ADMIN))
		cache_validate(w, req, resp);
out:
	if (e != W_OK) {
		if (resp->fd >= 0) {
			close(resp->fd);
			resp->fd = -1;
		}
		if (route && (route->flags & ROUTE_MONITOR)) {
			/* No site settings were loaded for the layout. */
			resp->status = werr_status(e);
			resp->content_type = "text/plain; charset=utf-8";
			buf_reset(&resp->body);
			buf_printf(&resp->body, "%s\n", werr_str(e));
		} else if (e == W_FORBIDDEN && route &&
			   (route->flags & ROUTE_ADMIN)) {
			/* Staff get told why, in the admin's own layout. */
			admin_denied(w, req, resp, denied);
		} else {
			page_error(w, req, resp, e);
		}
	}
	if (snapshot)
		db_read_end(w->db);
	mount_location(w, resp);
	common_headers(resp, route ? route->flags : 0);
	uint64_t bytes = resp->fd >= 0 ? resp->fd_size : resp->body.len;
	int64_t elapsed = monotonic_us() - req->started_us;
	metrics_record(w->app->metrics,
		       route ? (size_t)(route - routes) : NROUTES, resp->status,
		       elapsed);
	fprintf(stderr, "%s %s %d %llu %lldus\n",
		req->method_name ? req->method_name : "-",
		req->path ? req->path : "(bad target)", resp->status,
		(unsigned long long)bytes, (long long)elapsed);
}
