/* fe_cgi.h - the CGI front end: a web server runs warta once per request;
 * the request comes from the environment and standard input, the response
 * goes to standard output (RFC 3875), through the same struct req, struct
 * resp and app_handle() as the other front ends.
 *
 * The pieces are separate so that tests can drive them without a server:
 * fe_cgi_read() and fe_cgi_write() take the environment and descriptors as
 * arguments and touch no process state. */
#ifndef WARTA_FE_CGI_H
#define WARTA_FE_CGI_H

#include <stdbool.h>

#include "app.h"

/* Value of the variable name in envp (a NULL-terminated "NAME=value"
 * array), or NULL. */
const char *fe_cgi_env(char *const *envp, const char *name);

/* Fills req, after worker_begin(), from the CGI environment envp and the
 * body on descriptor in, with the checks the other front ends make: the
 * target is SCRIPT_NAME (the mount point, or app->prefix when not NULL) plus
 * PATH_INFO and QUERY_STRING, strictly decoded; the body is exactly
 * CONTENT_LENGTH bytes (W_TOOBIG past REQ_MAX_BODY, read all the same and
 * dropped), and a malformed length or a short body is W_INVAL. Failures are left in
 * req->body_err (and req->path NULL for the target) for app_handle() to
 * answer, as the other front ends do. */
void fe_cgi_read(const struct app *app, char *const *envp, int in,
		 struct req *req);

/* Writes resp to descriptor out in the CGI response form: a "Status:"
 * line, the headers, Content-Length, a blank line, and the body (none for
 * HEAD, 204 and 304), from resp->body or, when resp->fd >= 0, from that
 * file, which it closes. 0 when all of it was written, -1 otherwise. */
int fe_cgi_write(struct resp *resp, int out);

/* Writes a plain-text 503 to out: what a CGI program that cannot start
 * (no database, no templates) answers, so the server shows that instead
 * of a malformed response. */
void fe_cgi_unavailable(int out);

/* Answers one request with worker w (its database open, its app complete):
 * fe_cgi_read(), app_handle(), fe_cgi_write(). 0 when the response was
 * sent, 1 when writing it failed. */
int fe_cgi_run(struct worker *w, char *const *envp, int in, int out);

/* True when argv[1..argc) is what a web server made of QUERY_STRING qs:
 * RFC 3875 4.4 lets it pass a query without '=' as '+'-separated,
 * percent-decoded arguments (Apache does). Such arguments come from the
 * visitor and must never be read as options. */
bool fe_cgi_argv_from_query(int argc, char *const *argv, const char *qs);

#endif
