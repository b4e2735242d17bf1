/* router.h - the route table: plain data matched against a path.
 *
 * A pattern is a sequence of /-separated segments; a segment ":name"
 * captures one non-empty segment into req->params, "pre:name.suf" captures
 * the non-empty middle of a segment that starts with "pre" and ends with
 * ".suf" (the name runs to the first dot), anything else must match
 * exactly. A trailing "*name" captures the rest of the path (one or more
 * segments). */
#ifndef WARTA_ROUTER_H
#define WARTA_ROUTER_H

#include "http.h"

struct worker;

typedef enum werr (*handler_fn)(struct worker *w, struct req *req,
				struct resp *resp);

enum route_flag {
	ROUTE_ADMIN = 1 << 0,  /* staff pages: session, CSRF, no-store */
	ROUTE_PUBLIC = 1 << 1, /* with ROUTE_ADMIN: reachable signed out */
	ROUTE_MONITOR = 1 << 2, /* operators' pages: no-store, no site needed */
};

struct route {
	unsigned methods; /* M_GET | M_HEAD | ... */
	const char *pattern;
	handler_fn handler;
	unsigned flags;
};

/* Finds the route for req->path and req->method in table (n entries). On
 * success fills req->params and returns the route. When the path matches but
 * the method does not, sets *allowed to the union of methods the path accepts
 * and returns NULL; when nothing matches, *allowed is 0. */
const struct route *router_match(const struct route *table, size_t n,
				 struct req *req, unsigned *allowed);

/* Writes the methods in mask as an Allow header value, e.g. "GET, HEAD". */
const char *router_allow(unsigned mask);

#endif
