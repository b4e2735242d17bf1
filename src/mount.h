/* mount.h - the mount point: a site served below a path prefix
 * ("/berita") as well as at the root of its host.
 *
 * The application works in site paths ("/kanal/politik"): routes,
 * templates and handlers never see the prefix. The front ends strip it on
 * the way in (req_set_root() in http.h); on the way out app.c and page.c put
 * it back in front of every root-relative URL of an HTML page, of a
 * Location header and of the absolute URLs built from the base URL. Doing
 * it at those few edges, rather than in each of the hundred places that
 * write a link, keeps every link a template or a story body adds correct
 * under any mount point without anyone having to remember. */
#ifndef WARTA_MOUNT_H
#define WARTA_MOUNT_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Longest mount point accepted. */
#define MOUNT_MAX 256

/* True when root is a usable mount point: "" (the host's root) or "/"
 * followed by segments of letters, digits and "-._~", separated by single
 * '/', without a trailing '/': "/berita", "/situs/berita". Those characters
 * read the same percent-encoded or not, so the prefix can be compared with
 * the raw request target as well as the decoded path. */
bool mount_valid(const char *root);

/* Normalises a mount point given by an operator or a web server (a
 * --prefix, SCRIPT_NAME): "/" and "" become "", one trailing '/' goes.
 * Writes the result into out (at least MOUNT_MAX + 1 bytes) and returns
 * true when it is mount_valid(); false otherwise (out is then "").  */
bool mount_normalise(const char *s, char *out);

/* When path lies under root ("/berita/x" or "/berita" under "/berita"),
 * returns the rest ("/x", or "" for the bare mount point); NULL when it
 * does not. root must be mount_valid(); "" matches every path. The result
 * points into path. */
const char *mount_strip(const char *root, const char *path);

/* The mount point of a CGI request, into out (MOUNT_MAX + 1 bytes):
 * prefix, normalised, when the operator gave one (not NULL; "" or "/" is
 * the host's root); else SCRIPT_NAME (RFC 3875 makes it the program's own
 * path, which lighttpd's alias and Apache's ScriptAlias set to the mount
 * point), normalised; NULL is "". False when the one chosen is not a
 * usable mount point (out is then ""). */
bool mount_of_cgi(const char *prefix, const char *script_name, char *out);

/* Appends html to out with root put in front of every root-relative URL
 * ("/x", not "//host/x") that starts the value of a double-quoted href,
 * src, action, formaction, poster or data-* attribute, or any candidate of
 * a srcset. Attribute values our templates write are escaped, so '="/'
 * appears only where a template or cmark starts an attribute. With root ""
 * html is appended unchanged. */
void mount_html(const char *root, const char *html, size_t n,
		struct buf *out);

#endif
