/* router.c - matches a request path against the const route table. */
#include <string.h>

#include "router.h"

/* Length of the segment starting at s (up to '/' or the end). */
static size_t
seglen(const char *s)
{
	return strcspn(s, "/");
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
		if (*p == ':') {
			if (sl == 0 || req->nparams == REQ_MAX_PARAMS)
				return false;
			char *v = arena_strndup(req->arena, s, sl);
			char *k = arena_strndup(req->arena, p + 1, pl - 1);
			if (!v || !k)
				return false;
			req->params[req->nparams++] =
				(struct kv){.key = k, .val = v, .vlen = sl};
		} else if (pl != sl || memcmp(p, s, pl) != 0) {
			return false;
		}
		p += pl, s += sl;
	}
}

const struct route *
router_match(const struct route *table, size_t n, struct req *req,
	     unsigned *allowed)
{
	*allowed = 0;
	unsigned mbit = 1u << req->method;
	for (size_t i = 0; i < n; i++) {
		if (!match(table[i].pattern, req->path, req))
			continue;
		if (table[i].methods & mbit)
			return &table[i];
		*allowed |= table[i].methods;
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
