/* monitor.h - the operator's pages: /healthz and /metrics (Prometheus).
 *
 * Neither is public: each answers only a request from a loopback address
 * or one carrying "Authorization: Bearer TOKEN" with the token the operator
 * configured (app->monitor_token); any other gets a plain 404, so that the
 * pages do not show up in a scan. Every answer is Cache-Control: no-store
 * (app.c), so neither nginx nor a browser keeps one. Neither needs the
 * site's settings or templates: they answer while those are broken. */
#ifndef WARTA_MONITOR_H
#define WARTA_MONITOR_H

#include <stdbool.h>

#include "app.h"

/* True when req may read the operator's pages: its remote address is
 * 127.0.0.0/8, ::1 or ::ffff:127.0.0.0/104, or app->monitor_token is set
 * and the Authorization header is exactly "Bearer " and that token
 * (compared in constant time). */
bool monitor_allowed(const struct app *app, const struct req *req);

/* GET /healthz: 200 "ok" when the database answers a query and the file
 * systems of the database and the media directory each have at least
 * app->min_free_bytes available; otherwise 503 "fail". The body, text,
 * has one line per check saying what was found. */
enum werr monitor_healthz(struct worker *w, struct req *req,
			  struct resp *resp);

/* GET /metrics: the counters of app->metrics (see metrics.h), labelled
 * with the route table's patterns, plus gauges: warta_database_bytes (the
 * database file and its WAL) and warta_disk_free_bytes (the database's file
 * system), in the Prometheus text format. */
enum werr monitor_metrics(struct worker *w, struct req *req,
			  struct resp *resp);

#endif
