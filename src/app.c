/* app.c - the route table, per-thread workers, and app_handle(): the one
 * place where a request becomes a response, whichever front end sent it. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "app.h"
#include "datefmt.h"
#include "db.h"
#include "db_site.h"
#include "page.h"
#include "router.h"

static const struct route routes[] = {
	{M_GET | M_HEAD, "/", page_home, 0},
	{M_GET | M_HEAD, "/kanal/:slug", page_section, 0},
	{M_GET | M_HEAD, "/tag/:slug", page_tag, 0},
	{M_GET | M_HEAD, "/penulis/:slug", page_author, 0},
	{M_GET | M_HEAD, "/static/*path", page_static, 0},
	{M_GET | M_HEAD, "/:y/:m/:d/:slug", page_article, 0},
};

static bool
has_header(const struct resp *resp, const char *name)
{
	for (size_t i = 0; i < resp->nheaders; i++)
		if (strcasecmp(resp->headers[i].key, name) == 0)
			return true;
	return false;
}

/* True when the If-None-Match list holds etag (or is "*"); weak
 * validators compare by their opaque part, as RFC 9110 asks for GET. */
static bool
etag_listed(const char *list, const char *etag)
{
	size_t n = strlen(etag);
	const char *p = list;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (*p == '*')
			return true;
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		if (strncmp(p, etag, n) == 0 &&
		    (p[n] == '\0' || p[n] == ',' || p[n] == ' '))
			return true;
		while (*p && *p != ',')
			p++;
	}
	return false;
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
	memset(req, 0, sizeof *req);
	req->started_us = monotonic_us();
	req->arena = &w->arena;
	req->now = (int64_t)time(NULL);
	req->method = METHOD_OTHER;
	struct buf body = resp->body;
	buf_reset(&body);
	memset(resp, 0, sizeof *resp);
	resp->body = body;
	resp->fd = -1;
	resp->status = 200;
}

/* The validators of a cacheable page: a strong ETag hashing the body and
 * the Last-Modified its handler reported. A request whose If-None-Match
 * (or, without one, If-Modified-Since) still matches gets a 304 with no
 * body. */
static void
conditional(const struct req *req, struct resp *resp)
{
	unsigned char h[16];
	char hex[33];
	crypto_generichash(h, sizeof h, (const unsigned char *)resp->body.data,
			   resp->body.len, NULL, 0);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	const char *etag = arena_printf(req->arena, "\"%s\"", hex);
	if (!etag)
		return;
	resp_header(resp, "ETag", etag);
	if (!has_header(resp, "Cache-Control"))
		resp_header(resp, "Cache-Control", "public, max-age=10");
	char date[40] = "";
	if (resp->last_modified > 0) {
		datefmt_http(resp->last_modified, date, sizeof date);
		const char *lm = arena_strdup(req->arena, date);
		if (lm)
			resp_header(resp, "Last-Modified", lm);
	}

	bool fresh = false;
	const char *inm = req_header(req, "if-none-match");
	const char *ims = req_header(req, "if-modified-since");
	if (inm) {
		fresh = etag_listed(inm, etag);
	} else if (ims && resp->last_modified > 0) {
		int64_t since = datefmt_parse_http(ims);
		fresh = since >= 0 && resp->last_modified <= since;
	}
	if (fresh) {
		resp->status = 304;
		buf_reset(&resp->body);
	}
}

/* Headers every response carries. */
static void
common_headers(struct resp *resp, unsigned flags)
{
	resp_header(resp, "X-Content-Type-Options", "nosniff");
	resp_header(resp, "Referrer-Policy", "strict-origin-when-cross-origin");
	if (flags & ROUTE_ADMIN) {
		resp_header(resp, "Cache-Control", "no-store");
		resp_header(resp, "Content-Security-Policy",
			    "default-src 'self'; img-src 'self' data:; "
			    "object-src 'none'; base-uri 'none'; "
			    "form-action 'self'; frame-ancestors 'none'");
	} else {
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

	resp->head = req->method == METHOD_HEAD;
	e = db_site_load(w->db, &w->arena, &w->site);
	if (e != W_OK)
		goto out;
	if (!req->path) {
		/* The front end could not accept the request target. */
		e = req->body_err == W_TOOBIG ? W_URILONG
		    : req->body_err != W_OK   ? req->body_err
					      : W_INVAL;
		goto out;
	}
	unsigned allowed;
	route = router_match(routes, sizeof routes / sizeof routes[0], req,
			     &allowed);
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
	e = route->handler(w, req, resp);
	if (e == W_OK && resp->cacheable && resp->status == 200 &&
	    resp->fd < 0)
		conditional(req, resp);
out:
	if (e != W_OK) {
		if (resp->fd >= 0) {
			close(resp->fd);
			resp->fd = -1;
		}
		page_error(w, req, resp, e);
	}
	common_headers(resp, route ? route->flags : 0);
	uint64_t bytes = resp->fd >= 0 ? resp->fd_size : resp->body.len;
	fprintf(stderr, "%s %s %d %llu %lldus\n",
		req->method_name ? req->method_name : "-",
		req->path ? req->path : "(bad target)", resp->status,
		(unsigned long long)bytes,
		(long long)(monotonic_us() - req->started_us));
}
