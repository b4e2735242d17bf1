/* req.c - the request and response helpers both front ends share: strict
 * decoding of the request target, body collection, header lookup. */
#include <string.h>

#include "http.h"
#include "mount.h"
#include "utf8.h"

/* Body storage asked for when the length is not known in advance. */
#define BODY_FIRST_CHUNK 4096


/* True when s[0..n) holds a control character: C0, DEL, or C1 (which in
 * valid UTF-8 is C2 80 to C2 9F). Nothing the site serves needs one in a
 * path or a query, and they are a favourite of log and header injection. */
static bool
has_control(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f)
			return true;
		if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] < 0xa0)
			return true;
	}
	return false;
}

void
req_set_method(struct req *req, const char *name)
{
	static const char *const names[] = {
		[METHOD_GET] = "GET",
		[METHOD_HEAD] = "HEAD",
		[METHOD_POST] = "POST",
	};
	req->method = METHOD_OTHER;
	for (int m = 0; name && m < METHOD_OTHER; m++)
		if (strcmp(name, names[m]) == 0)
			req->method = (enum method)m;
	req->method_name = arena_strdup(req->arena, name ? name : "-");
}

/* Percent-decodes s[0..n) into the arena, turning '+' into a space when
 * plus is set (query strings only: in a path '+' is itself). W_INVAL for a
 * '%' not followed by two hex digits, or for a result that is not valid
 * UTF-8 or holds a NUL or a control character. */
static enum werr
decode(struct arena *a, const char *s, size_t n, bool plus, const char **out,
       size_t *outlen)
{
	char *d = arena_alloc(a, n + 1);
	size_t j = 0;

	if (!d)
		return W_NOMEM;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%') {
			int hi, lo;
			if (n - i < 3 || (hi = form_hex(s[i + 1])) < 0 ||
			    (lo = form_hex(s[i + 2])) < 0)
				return W_INVAL;
			d[j++] = (char)(hi << 4 | lo);
			i += 2;
		} else if (plus && s[i] == '+') {
			d[j++] = ' ';
		} else {
			d[j++] = s[i];
		}
	}
	d[j] = '\0';
	if (!utf8_valid(d, j) || has_control(d, j))
		return W_INVAL;
	*out = d;
	if (outlen)
		*outlen = j;
	return W_OK;
}

/* Splits the query string s[0..n) into req->query. */
static enum werr
parse_query(struct req *req, const char *s, size_t n)
{
	const char *end = s + n;
	enum werr e;

	while (s < end) {
		const char *amp = memchr(s, '&', (size_t)(end - s));
		const char *stop = amp ? amp : end;
		if (stop == s) {
			/* "a&&b", a leading or a trailing '&'. */
			s = stop + 1;
			continue;
		}
		if (req->nquery == REQ_MAX_QUERY)
			return W_INVAL;
		const char *eq = memchr(s, '=', (size_t)(stop - s));
		const char *kend = eq ? eq : stop;
		const char *vbeg = eq ? eq + 1 : stop;
		struct kv *kv = &req->query[req->nquery];
		e = decode(req->arena, s, (size_t)(kend - s), true, &kv->key,
			   NULL);
		if (e != W_OK)
			return e;
		e = decode(req->arena, vbeg, (size_t)(stop - vbeg), true,
			   &kv->val, &kv->vlen);
		if (e != W_OK)
			return e;
		req->nquery++;
		s = stop + 1;
	}
	return W_OK;
}

/* On failure req->path is left NULL and the query empty, which is how the
 * application recognises a target it must refuse. */
enum werr
req_set_uri(struct req *req, const char *uri)
{
	enum werr e;
	size_t n = strnlen(uri, REQ_MAX_URI + 1);

	req->path = NULL;
	req->nquery = 0;
	if (n > REQ_MAX_URI)
		return W_TOOBIG;
	if (uri[0] != '/')
		return W_INVAL;
	req->uri = arena_strndup(req->arena, uri, n);
	if (!req->uri)
		return W_NOMEM;
	const char *q = memchr(uri, '?', n);
	size_t plen = q ? (size_t)(q - uri) : n;
	const char *path;
	e = decode(req->arena, uri, plen, false, &path, NULL);
	if (e != W_OK)
		return e;
	if (q) {
		e = parse_query(req, q + 1, n - plen - 1);
		if (e != W_OK) {
			req->nquery = 0;
			return e;
		}
	}
	req->path = path;
	return W_OK;
}

enum werr
req_set_root(struct req *req, const char *root)
{
	if (!root || !*root || !req->path)
		return W_OK;
	/* Even a target outside answers at the mount point: its error page
	 * links there. */
	req->root = arena_strdup(req->arena, root);
	if (!req->root) {
		req->root = "";
		return W_NOMEM;
	}
	const char *path = mount_strip(root, req->path);
	/* The prefix reads the same encoded or not (mount_valid()), so the
	 * raw target starts with it exactly when the decoded path does. */
	const char *uri = req->uri ? mount_strip(root, req->uri) : NULL;
	if (!path || !uri) {
		req->path = NULL;
		req->nquery = 0;
		return W_NOTFOUND;
	}
	if (*uri != '/')
		uri = arena_printf(req->arena, "/%s", uri);
	if (!uri)
		return W_NOMEM;
	req->path = *path ? path : "/";
	req->uri = uri;
	return W_OK;
}

/* Replaces the body storage with cap bytes, keeping what was received.
 * The old storage stays in the arena until the request ends: wasteful only
 * when the length was not announced, and then at most as much again. */
static enum werr
body_reserve(struct req *req, size_t cap)
{
	char *p = arena_alloc(req->arena, cap);

	if (!p)
		return W_NOMEM;
	if (req->body_len)
		memcpy(p, req->body, req->body_len);
	p[req->body_len] = '\0';
	req->body = p;
	req->body_cap = cap;
	return W_OK;
}

enum werr
req_body_begin(struct req *req, int64_t content_length)
{
	req->body = NULL;
	req->body_len = 0;
	req->body_cap = 0;
	if (req->body_err != W_OK)
		return req->body_err;
	if (content_length > (int64_t)REQ_MAX_BODY) {
		req->body_err = W_TOOBIG;
		return req->body_err;
	}
	/* A POSTed form streams into the form parser, so a large upload
	 * is never held twice; any other body is kept raw. */
	const char *ct = req_header(req, "content-type");
	if (req->method == METHOD_POST && ct) {
		enum werr fe = W_OK;
		req->form_parser = form_parser_new(req->arena, ct,
						   &form_default_limits, &fe);
		if (req->form_parser)
			return W_OK;
		if (fe != W_UNSUPPORTED) {
			req->body_err = fe;
			return req->body_err;
		}
	}
	size_t cap =
	    content_length >= 0 ? (size_t)content_length + 1 : BODY_FIRST_CHUNK;
	req->body_err = body_reserve(req, cap);
	return req->body_err;
}

enum werr
req_body_feed(struct req *req, const char *p, size_t n)
{
	if (req->body_err != W_OK)
		return req->body_err;
	if (req->form_parser) {
		req->body_err = form_parser_feed(req->form_parser, p, n);
		return req->body_err;
	}
	if (!req->body) {
		/* A front end that skipped begin: treat as unknown length. */
		req->body_err = body_reserve(req, BODY_FIRST_CHUNK);
		if (req->body_err != W_OK)
			return req->body_err;
	}
	if (n > REQ_MAX_BODY - req->body_len) {
		req->body_err = W_TOOBIG;
		return req->body_err;
	}
	if (req->body_cap - req->body_len <= n) {
		size_t want = req->body_len + n + 1;
		size_t cap = req->body_cap * 2;
		if (cap < want)
			cap = want;
		if (cap > (size_t)REQ_MAX_BODY + 1)
			cap = (size_t)REQ_MAX_BODY + 1;
		req->body_err = body_reserve(req, cap);
		if (req->body_err != W_OK)
			return req->body_err;
	}
	/* The storage is ours (body_reserve); body is const only for the
	 * application's sake. */
	char *dst = (char *)req->body;
	memcpy(dst + req->body_len, p, n);
	req->body_len += n;
	dst[req->body_len] = '\0';
	return W_OK;
}

enum werr
req_body_end(struct req *req)
{
	struct form_parser *fp = req->form_parser;

	/* The parser lives in the arena: dropping the pointer frees it. */
	req->form_parser = NULL;
	if (fp && req->body_err == W_OK)
		req->body_err = form_parser_finish(fp, &req->form);
	return req->body_err;
}

void
req_add_header(struct req *req, const char *name, const char *val)
{
	size_t nlen = strlen(name), vlen = strlen(val);

	/* Dropping the 33rd header would be silent and dangerous (a Cookie
	 * or an Origin past it would vanish): the request is refused. */
	if (req->nheaders == REQ_MAX_HEADERS) {
		if (req->body_err == W_OK)
			req->body_err = W_HEADERS;
		return;
	}
	/* struct kv promises valid UTF-8; a header that breaks the promise
	 * is dropped rather than mangled, as no page depends on one. */
	if (!utf8_valid(name, nlen) || !utf8_valid(val, vlen))
		return;
	char *k = arena_strndup(req->arena, name, nlen);
	char *v = arena_strndup(req->arena, val, vlen);
	if (!k || !v)
		return;
	for (char *c = k; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	struct kv *kv = &req->headers[req->nheaders++];
	kv->key = k;
	kv->val = v;
	kv->vlen = vlen;
}

void
req_set_server_host(struct req *req, const char *name, const char *port)
{
	if (!name || !*name)
		return;
	/* "host:port" and "[::1]:port" already say their port. */
	const char *bracket = strrchr(name, ']');
	bool has_port = strchr(bracket ? bracket : name, ':') != NULL;
	bool dflt = !port || !*port ||
		    strcmp(port, req->https ? "443" : "80") == 0;
	req->server_host = has_port || dflt
				   ? arena_strdup(req->arena, name)
				   : arena_printf(req->arena, "%s:%s", name, port);
}

void
req_add_cgi_param(struct req *req, const char *param)
{
	const char *eq = strchr(param, '=');
	const char *name = param;
	char lower[REQ_CGI_NAME_MAX + 1];
	size_t n;

	if (!eq)
		return;
	if (strncmp(param, "HTTP_", 5) == 0)
		name = param + 5;
	else if (strncmp(param, "CONTENT_TYPE=", 13) != 0 &&
		 strncmp(param, "CONTENT_LENGTH=", 15) != 0)
		return;
	n = (size_t)(eq - name);
	/* nginx sends CONTENT_TYPE and CONTENT_LENGTH empty when absent. */
	if (n == 0 || n > REQ_CGI_NAME_MAX || (name == param && !eq[1]))
		return;
	for (size_t i = 0; i < n; i++) {
		char c = name[i];
		if (c == '_')
			c = '-';
		else if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		lower[i] = c;
	}
	lower[n] = '\0';
	req_add_header(req, lower, eq + 1);
}

static const char *
kv_find(const struct kv *kv, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(kv[i].key, key) == 0)
			return kv[i].val;
	return NULL;
}

const char *
req_header(const struct req *req, const char *name)
{
	return kv_find(req->headers, req->nheaders, name);
}

const char *
req_query(const struct req *req, const char *name)
{
	return kv_find(req->query, req->nquery, name);
}

const char *
req_param(const struct req *req, const char *name)
{
	return kv_find(req->params, req->nparams, name);
}

void
resp_header(struct resp *resp, const char *name, const char *val)
{
	if (resp->nheaders == RESP_MAX_HEADERS)
		return;
	struct kv *kv = &resp->headers[resp->nheaders++];
	kv->key = name;
	kv->val = val;
	kv->vlen = strlen(val);
}

static const struct {
	int status;
	const char *reason;
} reasons[] = {
    {200, "OK"},
    {201, "Created"},
    {204, "No Content"},
    {301, "Moved Permanently"},
    {302, "Found"},
    {303, "See Other"},
    {304, "Not Modified"},
    {307, "Temporary Redirect"},
    {308, "Permanent Redirect"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {409, "Conflict"},
    {410, "Gone"},
    {413, "Content Too Large"},
    {414, "URI Too Long"},
    {415, "Unsupported Media Type"},
    {431, "Request Header Fields Too Large"},
    {422, "Unprocessable Content"},
    {429, "Too Many Requests"},
    {500, "Internal Server Error"},
    {503, "Service Unavailable"},
};

const char *
http_reason(int status)
{
	for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
		if (reasons[i].status == status)
			return reasons[i].reason;
	return "Unknown";
}
