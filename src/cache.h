/* cache.h - HTTP caching of reader responses: the validators (a strong
 * ETag, Last-Modified), conditional GET and HEAD (RFC 9110 section 13) and
 * the Cache-Control policy that docs/nginx.conf's micro-cache relies on. */
#ifndef WARTA_CACHE_H
#define WARTA_CACHE_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "db.h"
#include "http.h"

/* Cache-Control of reader pages, feeds and sitemaps. nginx honours max-age
 * as the lifetime of its micro-cache (5 s), so a publication shows
 * everywhere within about 5 s at nginx plus 5 s in a browser; while one
 * request refreshes an expired entry, others get the stale copy (the
 * stale-while-revalidate window) instead of piling onto warta. */
#define CACHE_PUBLIC "public, max-age=5, stale-while-revalidate=30"
/* Of 301, 404 and 410 answers to reader URLs: short, so that a scheduled
 * article's URL turns from 404 into the story within seconds. */
#define CACHE_SHORT "public, max-age=5"
/* Of everything else: admin pages and errors that must not be kept. */
#define CACHE_NONE "no-store"

/* True when the If-None-Match field value list matches etag (a quoted
 * entity tag such as "\"abc\"") by the weak comparison RFC 9110 requires
 * for If-None-Match: "W/" prefixes are ignored, "*" matches anything, a
 * list of tags matches when any member does, and quoted tags may hold
 * commas. A malformed list never matches (the server then sends the full
 * response, which is always safe). Thread-safe. */
bool cache_etag_match(const char *list, const char *etag);

/* True when a GET or HEAD with these request fields (each NULL when
 * absent) may be answered 304 for a representation with this ETag and
 * last_modified (0: unknown). If-None-Match, when present, decides alone;
 * otherwise If-Modified-Since counts only when it is a valid HTTP date not
 * later than now and last_modified is known. */
bool cache_not_modified(const char *if_none_match,
			const char *if_modified_since, const char *etag,
			int64_t last_modified, int64_t now);

/* The newest change anywhere on the site at time now: the latest article
 * save, the latest publication time that has passed (a scheduled story
 * appearing), and the latest admin action in the audit log (a renamed
 * section, a deleted article). 0 for an empty site. */
enum werr cache_site_changed(struct db *db, int64_t now, int64_t *out) WUNUSED;

/* cache_site_changed() for w's request at req->now, read from the
 * database at most once per request. */
enum werr cache_site_stamp(struct worker *w, const struct req *req,
			   int64_t *out) WUNUSED;

/* For a cacheable 200 answer to a GET or HEAD: adds the strong ETag (a
 * hash of the body), Last-Modified and CACHE_PUBLIC (unless the handler
 * set a Cache-Control), and turns the response into a 304 with an empty
 * body when the request's validators match. Last-Modified is the newest
 * of what the handler reported (page_touch), the site's last change and
 * the start of the local day (the masthead shows the date), never later
 * than now: a page can change when an article elsewhere is unpublished,
 * and its own timestamps would not show that. Does nothing for other
 * methods or responses. */
void cache_validate(struct worker *w, const struct req *req, struct resp *resp);

/* The Cache-Control a response without one gets: CACHE_NONE for admin
 * routes; for reader URLs CACHE_PUBLIC for a 200 or 304, CACHE_SHORT for
 * 301, 404 and 410, CACHE_NONE for any other status. Static string. */
const char *cache_control_for(int status, bool admin);

#endif
