/* cache.c - validators, conditional requests and Cache-Control for the
 * reader side. */
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "cache.h"
#include "datefmt.h"

/* Optional whitespace (RFC 9110 OWS). */
static const char *
ows(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

bool
cache_etag_match(const char *list, const char *etag)
{
	if (!list || !etag)
		return false;
	const char *p = ows(list);
	if (*p == '*')
		return *ows(p + 1) == '\0';
	size_t n = strlen(etag);
	bool match = false;
	/* #entity-tag: elements separated by commas with OWS; empty
	 * elements are allowed by the list syntax (RFC 9110 5.6.1). */
	for (;;) {
		while (*p == ',' || *p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			return match;
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		if (*p != '"')
			return false;
		const char *close = strchr(p + 1, '"');
		if (!close)
			return false;
		/* etagc excludes '"', spaces, DEL and controls; anything
		 * else, commas included, is part of the tag. */
		for (const char *q = p + 1; q < close; q++)
			if ((unsigned char)*q < 0x21 || *q == 0x7F)
				return false;
		size_t len = (size_t)(close - p) + 1;
		if (len == n && memcmp(p, etag, n) == 0)
			match = true;
		p = ows(close + 1);
		if (*p != ',' && *p != '\0')
			return false;
	}
}

bool
cache_not_modified(const char *if_none_match, const char *if_modified_since,
		   const char *etag, int64_t last_modified, int64_t now)
{
	/* RFC 9110 13.2.2: If-None-Match takes precedence, and when it is
	 * present If-Modified-Since is not evaluated at all. */
	if (if_none_match)
		return cache_etag_match(if_none_match, etag);
	if (!if_modified_since || last_modified <= 0)
		return false;
	int64_t since = datefmt_parse_http(if_modified_since);
	/* A date in the future cannot come from us; it would make every
	 * later change look old. */
	if (since < 0 || since > now)
		return false;
	return last_modified <= since;
}

enum werr
cache_site_changed(struct db *db, int64_t now, int64_t *out)
{
	/* Each sub-select reads one entry of an index (articles_updated,
	 * articles_live, the audit log's rowid). INDEXED BY, as in
	 * db_article.c: the planner would otherwise pick articles_status
	 * and sort, and a dropped index fails loudly at prepare time. */
	static const char sql[] =
	    "SELECT max("
	    "coalesce((SELECT updated_at FROM articles"
	    " INDEXED BY articles_updated"
	    " ORDER BY updated_at DESC, id DESC LIMIT 1), 0),"
	    "coalesce((SELECT published_at FROM articles"
	    " INDEXED BY articles_live"
	    " WHERE status IN ('scheduled', 'published')"
	    " AND published_at <= ?1"
	    " ORDER BY published_at DESC, id DESC LIMIT 1), 0),"
	    "coalesce((SELECT created_at FROM audit_log"
	    " ORDER BY id DESC LIMIT 1), 0))";
	*out = 0;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	if (sqlite3_bind_int64(st, 1, now) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW)
		e = db_fail(db, "reading the site's last change");
	else
		*out = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return e;
}

enum werr
cache_site_stamp(struct worker *w, const struct req *req, int64_t *out)
{
	if (!w->stamp_read) {
		enum werr e = cache_site_changed(w->db, req->now, &w->stamp);
		if (e != W_OK) {
			*out = 0;
			return e;
		}
		w->stamp_read = true;
	}
	*out = w->stamp;
	return W_OK;
}

static bool
has_header(const struct resp *resp, const char *name)
{
	for (size_t i = 0; i < resp->nheaders; i++)
		if (strcasecmp(resp->headers[i].key, name) == 0)
			return true;
	return false;
}

/* The newest of the page's own changes, the site's last change and the
 * start of today in the site's zone, clamped to now. */
static int64_t
last_modified(struct worker *w, const struct req *req, int64_t own)
{
	int64_t t = own, site = 0;
	/* Without the site's stamp the page's own is still a valid, if
	 * less cautious, answer: log and go on. */
	if (cache_site_stamp(w, req, &site) == W_OK && site > t)
		t = site;
	struct local_date d;
	datefmt_local(req->now, w->site.tz_offset, &d);
	int64_t midnight =
	    datefmt_from_local(d.year, d.month, d.day, 0, 0, w->site.tz_offset);
	if (midnight > t)
		t = midnight;
	return t > req->now ? req->now : t;
}

void
cache_validate(struct worker *w, const struct req *req, struct resp *resp)
{
	if (resp->status != 200 || resp->fd >= 0 ||
	    (req->method != METHOD_GET && req->method != METHOD_HEAD))
		return;
	/* A validator, not a secret: SipHash with a fixed key, 128 bits,
	 * the same in every process and across restarts, at a third of
	 * BLAKE2b's cost over a whole page. */
	static const unsigned char key[crypto_shorthash_siphashx24_KEYBYTES] =
	    "warta etag key.";
	unsigned char h[crypto_shorthash_siphashx24_BYTES];
	char hex[2 * sizeof h + 1];
	crypto_shorthash_siphashx24(h,
				    (const unsigned char *)resp->body.data,
				    resp->body.len, key);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	const char *etag = arena_printf(req->arena, "\"%s\"", hex);
	if (!etag)
		return;
	resp->last_modified = last_modified(w, req, resp->last_modified);
	char date[40];
	datefmt_http(resp->last_modified, date, sizeof date);
	const char *lm = arena_strdup(req->arena, date);

	/* A 304 must carry the ETag and Cache-Control the 200 would have
	 * (RFC 9110 15.4.5), so they are added before deciding. */
	resp_header(resp, "ETag", etag);
	if (lm)
		resp_header(resp, "Last-Modified", lm);
	if (!has_header(resp, "Cache-Control"))
		resp_header(resp, "Cache-Control", CACHE_PUBLIC);
	if (cache_not_modified(req_header(req, "if-none-match"),
			       req_header(req, "if-modified-since"), etag,
			       resp->last_modified, req->now)) {
		resp->status = 304;
		buf_reset(&resp->body);
	}
}

const char *
cache_control_for(int status, bool admin)
{
	if (admin)
		return CACHE_NONE;
	switch (status) {
	case 200:
	case 304:
		return CACHE_PUBLIC;
	case 301:
	case 404:
	case 410:
		return CACHE_SHORT;
	default:
		return CACHE_NONE;
	}
}
