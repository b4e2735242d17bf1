/* metrics.h - request counters for the Prometheus page: lock-free atomics
 * in one flat struct, so that it can live in a worker's own memory or in a
 * region every worker process shares.
 *
 * The struct holds no pointers and only lock-free 64-bit atomics (checked
 * at compile time), so a zeroed struct metrics placed in a MAP_SHARED
 * mapping made before fork() is updated correctly by every process that
 * inherits it. Updates use relaxed ordering: each counter is exact, but a
 * reader may see one request's counters half-updated (its count before its
 * latency), which a scrape tolerates. */
#ifndef WARTA_METRICS_H
#define WARTA_METRICS_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Route slots: one per entry of the route table plus one for requests no
 * route matched (app.c checks its table fits). */
#define METRICS_ROUTES 128

/* The statuses counted by name; any other lands in the "other" slot. */
#define METRICS_STATUS_CODES                                                 \
	200, 301, 302, 303, 304, 400, 403, 404, 405, 409, 410, 413, 414, 415, \
	    422, 429, 431, 500, 502, 503
#define METRICS_STATUSES 21 /* the codes above and "other" */

/* Upper bounds of the latency histogram's buckets, in microseconds; a
 * last, unbounded bucket (+Inf) follows. */
#define METRICS_BUCKET_BOUNDS                                               \
	250, 500, 1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000,    \
	    500000, 1000000, 2500000
#define METRICS_BUCKETS 14 /* the bounds above and +Inf */

struct metrics {
	_Atomic uint64_t requests[METRICS_ROUTES][METRICS_STATUSES];
	_Atomic uint64_t latency[METRICS_BUCKETS]; /* not cumulative */
	_Atomic uint64_t latency_sum_us;
	_Atomic uint64_t not_modified; /* 304s: validators that saved a body */
};

/* Zeroes m, wherever it lives (heap, stack, a shared mapping). Call once,
 * before any process or thread updates it. */
void metrics_init(struct metrics *m);

/* Lays a zeroed struct metrics in area (size bytes, 64-byte aligned, such
 * as shm.h's metrics area) and returns it; NULL when it does not fit. */
struct metrics *metrics_at(void *area, size_t size);

/* A zeroed struct metrics on the heap, for a single-process server; NULL
 * when out of memory. metrics_free(NULL) is a no-op. */
struct metrics *metrics_new(void);
void metrics_free(struct metrics *m);

/* Counts one answered request: route is its slot (0 .. METRICS_ROUTES-1,
 * out-of-range values count in the last slot), status the HTTP status
 * sent, elapsed_us the time spent on it. m may be NULL (no counting).
 * Thread- and process-safe, lock-free. */
void metrics_record(struct metrics *m, size_t route, int status,
		    int64_t elapsed_us);

/* The number of requests counted for (route, status); for tests. */
uint64_t metrics_requests(const struct metrics *m, size_t route, int status);

/* Appends m to out in the Prometheus text exposition format (0.0.4):
 * warta_http_requests_total{route,status} for every non-zero pair, the
 * warta_http_request_duration_seconds histogram and
 * warta_http_not_modified_total.
 * route_names[i] labels slot i (nroutes names; slots past them are
 * labelled "(none)"); label values are escaped as the format requires.
 * Safe while other threads and processes update m. */
void metrics_render(const struct metrics *m, const char *const *route_names,
		    size_t nroutes, struct buf *out);

/* Append one gauge or counter, with its HELP and TYPE lines, to out. */
void metrics_gauge(struct buf *out, const char *name, const char *help,
		   double value);
void metrics_counter(struct buf *out, const char *name, const char *help,
		     uint64_t value);

#endif
