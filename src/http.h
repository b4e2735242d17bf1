/* http.h - the request and response that both front ends fill and consume.
 *
 * fe_http.c (libmicrohttpd) and fe_fcgi.c (libfcgi) translate their
 * protocol into a struct req, call app_handle(), and send the struct resp
 * back. Nothing else in Warta knows which front end is talking. */
#ifndef WARTA_HTTP_H
#define WARTA_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "form.h"

enum method {
	METHOD_GET,
	METHOD_HEAD,
	METHOD_POST,
	METHOD_OTHER,
	METHOD__MAX
};
#define M_GET (1u << METHOD_GET)
#define M_HEAD (1u << METHOD_HEAD)
#define M_POST (1u << METHOD_POST)

/* A decoded name/value pair. Both are NUL-terminated, valid UTF-8, and
 * allocated in the request's arena. */
struct kv {
	const char *key;
	const char *val;
	size_t vlen;
};

#define REQ_MAX_PARAMS 8
#define REQ_MAX_HEADERS 32
#define REQ_MAX_QUERY 32

/* Limits the front ends enforce before the application sees a request. */
#define REQ_MAX_URI 4096
#define REQ_MAX_BODY (10u * 1024 * 1024)

struct req {
	enum method method;
	const char *method_name; /* as sent, e.g. "PUT" */
	const char *uri;	 /* raw request target, e.g. "/cari?q=a%20b",
				    below the mount point */
	const char *path;	 /* percent-decoded, valid UTF-8, no NUL, below
				    the mount point */
	const char *root;	 /* the mount point ("" or "/berita", see
				    mount.h), never NULL */
	struct kv query[REQ_MAX_QUERY];
	size_t nquery;
	struct kv params[REQ_MAX_PARAMS]; /* captured by the router */
	size_t nparams;
	struct kv headers[REQ_MAX_HEADERS]; /* lower-case names */
	size_t nheaders;
	const char *remote_addr;
	bool https;
	/* The address the request reached, "host[:port]", as FastCGI tells
	 * it: HTTP_HOST (or SERVER_NAME without one) with SERVER_PORT added
	 * when it has no port and SERVER_PORT is not the scheme's default
	 * (nginx passes $host, which drops the port). NULL from the HTTP
	 * front end, whose Host header says it. */
	const char *server_host;
	const char *body; /* raw body of a POST, NUL-terminated; or NULL */
	size_t body_len;
	size_t body_cap;
	enum werr body_err; /* first error while receiving the body */
	struct form_parser *form_parser; /* while a form body streams in */
	struct form form; /* a POSTed form once complete; empty otherwise */
	int64_t now; /* Unix time when the request arrived */
	int64_t started_us; /* monotonic microseconds at arrival, for the log */
	struct arena *arena;
};

/* Sets req->method from the method's name as sent (NULL: none) and keeps
 * the name, copied into the request's arena ("-" for none), for the log.
 * Front ends call this. */
void req_set_method(struct req *req, const char *name);

/* Parses uri into req->path and req->query. W_INVAL for a malformed escape,
 * invalid UTF-8, a NUL, or too many query fields. Front ends call this. */
enum werr req_set_uri(struct req *req, const char *uri) WUNUSED;

/* Moves a request whose target is set (req_set_uri()) below the mount
 * point root, which must be mount_valid() (mount.h): req->path and
 * req->uri lose the prefix, req->root keeps it. The bare mount point
 * ("/berita", "/berita?x") is the site's home. W_NOTFOUND, with path NULL,
 * when the target is not below root (req->root is root all the same: the
 * error page links below it). Front ends call this. */
enum werr req_set_root(struct req *req, const char *root) WUNUSED;

/* Body streaming, called by the front ends as bytes arrive: begin once
 * (content_length is -1 when unknown), feed each chunk, end once. Each
 * returns the first error seen (W_TOOBIG past REQ_MAX_BODY); after an error
 * the rest of the body is ignored and app_handle() answers with it. */
enum werr req_body_begin(struct req *req, int64_t content_length);
enum werr req_body_feed(struct req *req, const char *p, size_t n);
enum werr req_body_end(struct req *req);

/* Records a header (name is lower-cased into the arena). One past
 * REQ_MAX_HEADERS is not recorded and sets req->body_err to W_HEADERS (if
 * no error came first), which app_handle() answers with a 431 whatever the
 * path. Front ends call this before req_body_begin(). */
void req_add_header(struct req *req, const char *name, const char *val);

/* Sets req->server_host from name (the CGI variable HTTP_HOST, or
 * SERVER_NAME without one) and SERVER_PORT (either may be NULL): name as
 * it is when it carries a port, else with ":port" unless that is the
 * scheme's default (nginx passes HTTP_HOST as $host, without the port);
 * call after setting req->https. */
void req_set_server_host(struct req *req, const char *name,
			 const char *port);

/* Records the CGI variable "NAME=value" (CGI, FastCGI) as a header when
 * it carries one: HTTP_USER_AGENT becomes user-agent; CONTENT_TYPE and
 * CONTENT_LENGTH, which the CGI convention strips of their HTTP_ prefix,
 * too, unless empty. Others, and names past REQ_CGI_NAME_MAX, are
 * ignored. */
#define REQ_CGI_NAME_MAX 128
void req_add_cgi_param(struct req *req, const char *param);

/* Header value by lower-case name, or NULL. Borrowed for the request. */
const char *req_header(const struct req *req, const char *name);
/* Query value by name, or NULL (the first when repeated). */
const char *req_query(const struct req *req, const char *name);
/* Route parameter by name, or NULL. */
const char *req_param(const struct req *req, const char *name);

#define RESP_MAX_HEADERS 16

struct resp {
	int status;
	const char *content_type; /* static or arena */
	struct kv headers[RESP_MAX_HEADERS];
	size_t nheaders;
	struct buf body; /* owned by the worker, reset per request */
	int fd;		 /* when >= 0, send fd_size bytes of this file instead of
			    body; the front end closes it */
	uint64_t fd_size;
	bool head; /* HEAD: send headers (and Content-Length) only */
	int64_t last_modified; /* newest change in what built the page, or 0 */
	bool cacheable; /* a public GET page: app.c adds ETag, Last-Modified,
			   Cache-Control and answers conditional requests */
};

/* Adds a response header; name and val must outlive the response (static or
 * arena). Extra headers past RESP_MAX_HEADERS are dropped. */
void resp_header(struct resp *resp, const char *name, const char *val);

/* Returns the reason phrase for an HTTP status ("Not Found"). */
const char *http_reason(int status);

#endif
