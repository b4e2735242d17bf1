/* router.c - matches a request path against the const route table. */
#include <string.h>

#include "router.h"

/* Length of the segment starting at s (up to '/' or the end). */
static size_t
seglen(const char *s)
{
	return strcspn(s, "/");
}

/* Matches one path segment s (sl bytes) against the pattern segment p
 * (pl bytes): literally, or as PREFIX:NAME.SUFFIX, capturing the non-empty
 * middle (NAME runs to the first '.' after the colon). */
static bool
match_segment(const char *p, size_t pl, const char *s, size_t sl,
	      struct req *req)
{
	const char *colon = memchr(p, ':', pl);
	if (!colon)
		return pl == sl && memcmp(p, s, pl) == 0;
	size_t pre = (size_t)(colon - p);
	const char *name = colon + 1;
	const char *dot = memchr(name, '.', pl - pre - 1);
	size_t nl = dot ? (size_t)(dot - name) : pl - pre - 1;
	size_t suf = pl - pre - 1 - nl;
	if (sl <= pre + suf || memcmp(s, p, pre) != 0 ||
	    memcmp(s + sl - suf, name + nl, suf) != 0 ||
	    req->nparams == REQ_MAX_PARAMS)
		return false;
	char *v = arena_strndup(req->arena, s + pre, sl - pre - suf);
	char *k = arena_strndup(req->arena, name, nl);
	if (!v || !k)
		return false;
	req->params[req->nparams++] =
		(struct kv){.key = k, .val = v, .vlen = sl - pre - suf};
	return true;
}

/* Matches path against pattern, capturing into req->params. Both start
 * with '/'. */
static bool
match(const char *pattern, const char *path, struct req *req)
{
	req->nparams = 0;
	const char *p = pattern, *s = path;
	for (;;) {
		if (*p == '\0' || *s == '\0')
			return *p == '\0' && *s == '\0';
		if (*p != '/' || *s != '/')
			return false;
		p++, s++;
		size_t pl = seglen(p), sl = seglen(s);
		if (*p == '*') {
			/* The rest of the path, at least one byte. */
			if (*s == '\0' || req->nparams == REQ_MAX_PARAMS)
				return false;
			req->params[req->nparams++] = (struct kv){
				.key = p + 1, .val = s, .vlen = strlen(s)};
			return true;
		}
		if (!match_segment(p, pl, s, sl, req))
			return false;
		p += pl, s += sl;
	}
}

const struct route *
router_match(const struct route *table, size_t n, struct req *req,
	     unsigned *allowed)
{
	*allowed = 0;
	unsigned mbit = 1u << req->method;
	/* The first pattern that matches names the resource; later entries
	 * count only with that same pattern (its other methods). A GET on
	 * /admin/pilkada/1/hasil is a 405, not a look-up of an article by
	 * the catch-all /:y/:m/:d/:slug. */
	const char *resource = NULL;
	for (size_t i = 0; i < n; i++) {
		if (resource && strcmp(table[i].pattern, resource) != 0)
			continue;
		if (!match(table[i].pattern, req->path, req))
			continue;
		if (table[i].methods & mbit)
			return &table[i];
		*allowed |= table[i].methods;
		resource = table[i].pattern;
	}
	req->nparams = 0;
	return NULL;
}

const char *
router_allow(unsigned mask)
{
	/* Every combination of the three methods, precomputed. */
	static const char *const names[8] = {
		"", "GET", "HEAD", "GET, HEAD",
		"POST", "GET, POST", "HEAD, POST", "GET, HEAD, POST",
	};
	return names[mask & 7];
}
