/* mount.c - serving the site below a path prefix: checking, stripping and
 * re-applying the mount point. */
#include <string.h>

#include "mount.h"

static bool
seg_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	       c == '~';
}

bool
mount_valid(const char *root)
{
	size_t n = strlen(root);
	if (n == 0)
		return true;
	if (n > MOUNT_MAX || root[0] != '/' || root[n - 1] == '/')
		return false;
	for (size_t i = 1; i < n; i++) {
		if (root[i] == '/') {
			if (root[i - 1] == '/')
				return false;
		} else if (!seg_char(root[i])) {
			return false;
		}
	}
	/* "." and ".." segments would let the prefix name another place
	 * than it spells. */
	for (const char *s = root; s; s = strchr(s + 1, '/')) {
		size_t len = strcspn(s + 1, "/");
		if ((len == 1 && s[1] == '.') ||
		    (len == 2 && s[1] == '.' && s[2] == '.'))
			return false;
	}
	return true;
}

bool
mount_normalise(const char *s, char *out)
{
	size_t n = strnlen(s, MOUNT_MAX + 2);
	out[0] = '\0';
	if (n > MOUNT_MAX + 1)
		return false;
	if (n > 0 && s[n - 1] == '/')
		n--;
	memcpy(out, s, n);
	out[n] = '\0';
	if (mount_valid(out))
		return true;
	out[0] = '\0';
	return false;
}

const char *
mount_strip(const char *root, const char *path)
{
	size_t n = strlen(root);
	if (strncmp(path, root, n) != 0)
		return NULL;
	if (path[n] != '\0' && path[n] != '/' && path[n] != '?')
		return NULL;
	return path + n;
}

bool
mount_of_cgi(const char *prefix, const char *script_name, char *out)
{
	if (prefix)
		return mount_normalise(prefix, out);
	return mount_normalise(script_name ? script_name : "", out);
}

/* True when the n bytes before an '=' at name+n are an attribute whose
 * value is a URL. */
static bool
url_attr(const char *name, size_t n)
{
	static const char *const names[] = {"href", "src", "action",
					    "formaction", "poster"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i]) == n && memcmp(name, names[i], n) == 0)
			return true;
	return n > 5 && memcmp(name, "data-", 5) == 0;
}

/* True when p[0..end) starts a root-relative URL: "/" but not "//" (nor
 * "/\", which browsers read as "//"). */
static bool
root_relative(const char *p, const char *end)
{
	return p < end && p[0] == '/' &&
	       (p + 1 == end || (p[1] != '/' && p[1] != '\\'));
}

void
mount_html(const char *root, const char *html, size_t n, struct buf *out)
{
	const char *p = html, *end = html + n, *done = html;
	size_t rlen = strlen(root);

	if (rlen == 0) {
		buf_append(out, html, n);
		return;
	}
	while ((p = memchr(p, '=', (size_t)(end - p))) != NULL) {
		const char *eq = p++;
		if (p >= end || *p != '"')
			continue;
		const char *name = eq;
		while (name > html &&
		       ((name[-1] >= 'a' && name[-1] <= 'z') ||
			(name[-1] >= 'A' && name[-1] <= 'Z') ||
			(name[-1] >= '0' && name[-1] <= '9') || name[-1] == '-'))
			name--;
		if (name == eq || name == html ||
		    (name[-1] != ' ' && name[-1] != '\n' && name[-1] != '\t'))
			continue;
		size_t nlen = (size_t)(eq - name);
		const char *v = p + 1;
		if (nlen == 6 && memcmp(name, "srcset", 6) == 0) {
			/* "a.jpg 1x, /b.jpg 2x": every candidate after a
			 * comma is a URL of its own. */
			const char *q = v;
			bool start = true;
			for (; q < end && *q != '"'; q++) {
				if (start && root_relative(q, end)) {
					buf_append(out, done, (size_t)(q - done));
					buf_append(out, root, rlen);
					done = q;
				}
				if (*q == ',')
					start = true;
				else if (*q != ' ' && *q != '\n' && *q != '\t')
					start = false;
			}
			p = q;
			continue;
		}
		if (url_attr(name, nlen) && root_relative(v, end)) {
			buf_append(out, done, (size_t)(v - done));
			buf_append(out, root, rlen);
			done = v;
		}
	}
	buf_append(out, done, (size_t)(end - done));
}
