/* metrics.c - request counters and their Prometheus text rendering. */
#include <assert.h>
#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "metrics.h"
#include "shm.h"

/* A counter in a shared mapping must not fall back to a lock, which
 * would live in one process's memory only. */
static_assert(ATOMIC_LLONG_LOCK_FREE == 2,
	      "64-bit atomics must be lock-free for shared counters");

/* The counters live in shm.h's metrics area under `warta serve`. */
static_assert(sizeof(struct metrics) <= SHM_METRICS_SIZE,
	      "struct metrics must fit in the shared region's metrics area");

static const int status_codes[] = {METRICS_STATUS_CODES};
static_assert(sizeof status_codes / sizeof status_codes[0] + 1 ==
		  METRICS_STATUSES,
	      "METRICS_STATUSES counts the codes and 'other'");

static const int64_t bucket_bounds[] = {METRICS_BUCKET_BOUNDS};
static_assert(sizeof bucket_bounds / sizeof bucket_bounds[0] + 1 ==
		  METRICS_BUCKETS,
	      "METRICS_BUCKETS counts the bounds and +Inf");

#define RELAXED memory_order_relaxed

void
metrics_init(struct metrics *m)
{
	/* All-bits-zero is a valid zero for lock-free atomic integers. */
	memset(m, 0, sizeof *m);
}

struct metrics *
metrics_at(void *area, size_t size)
{
	if (!area || size < sizeof(struct metrics) ||
	    (uintptr_t)area % alignof(struct metrics) != 0)
		return NULL;
	metrics_init(area);
	return area;
}

struct metrics *
metrics_new(void)
{
	struct metrics *m = malloc(sizeof *m);
	if (m)
		metrics_init(m);
	return m;
}

void
metrics_free(struct metrics *m)
{
	free(m);
}

static size_t
status_slot(int status)
{
	for (size_t i = 0; i < METRICS_STATUSES - 1; i++)
		if (status_codes[i] == status)
			return i;
	return METRICS_STATUSES - 1;
}

void
metrics_record(struct metrics *m, size_t route, int status,
	       int64_t elapsed_us)
{
	if (!m)
		return;
	if (route >= METRICS_ROUTES)
		route = METRICS_ROUTES - 1;
	if (elapsed_us < 0)
		elapsed_us = 0;
	size_t b = 0;
	while (b < METRICS_BUCKETS - 1 && elapsed_us > bucket_bounds[b])
		b++;
	atomic_fetch_add_explicit(&m->requests[route][status_slot(status)], 1,
				  RELAXED);
	atomic_fetch_add_explicit(&m->latency[b], 1, RELAXED);
	atomic_fetch_add_explicit(&m->latency_sum_us, (uint64_t)elapsed_us,
				  RELAXED);
	if (status == 304)
		atomic_fetch_add_explicit(&m->not_modified, 1, RELAXED);
}

uint64_t
metrics_requests(const struct metrics *m, size_t route, int status)
{
	if (route >= METRICS_ROUTES)
		route = METRICS_ROUTES - 1;
	return atomic_load_explicit(&m->requests[route][status_slot(status)],
				    RELAXED);
}

/* A label value: backslash, double quote and newline are escaped. */
static void
label(struct buf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\' || *s == '"')
			buf_putc(out, '\\');
		if (*s == '\n') {
			buf_puts(out, "\\n");
			continue;
		}
		buf_putc(out, *s);
	}
}

static void
header(struct buf *out, const char *name, const char *type, const char *help)
{
	buf_printf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

void
metrics_render(const struct metrics *m, const char *const *route_names,
	       size_t nroutes, struct buf *out)
{
	header(out, "warta_http_requests_total", "counter",
	       "Requests answered, by route pattern and status.");
	for (size_t r = 0; r < METRICS_ROUTES; r++) {
		for (size_t s = 0; s < METRICS_STATUSES; s++) {
			uint64_t n =
			    atomic_load_explicit(&m->requests[r][s], RELAXED);
			if (!n)
				continue;
			buf_puts(out, "warta_http_requests_total{route=\"");
			label(out, r < nroutes ? route_names[r] : "(none)");
			if (s < METRICS_STATUSES - 1)
				buf_printf(out, "\",status=\"%d\"} ",
					   status_codes[s]);
			else
				buf_puts(out, "\",status=\"other\"} ");
			buf_printf(out, "%llu\n", (unsigned long long)n);
		}
	}

	/* Buckets are stored apart and summed here: Prometheus wants each
	 * bucket to count everything at or below its bound. */
	header(out, "warta_http_request_duration_seconds", "histogram",
	       "Time warta spent on a request, from arrival to response.");
	uint64_t total = 0;
	for (size_t b = 0; b < METRICS_BUCKETS; b++) {
		total += atomic_load_explicit(&m->latency[b], RELAXED);
		if (b < METRICS_BUCKETS - 1)
			buf_printf(out,
				   "warta_http_request_duration_seconds_bucket"
				   "{le=\"%g\"} %llu\n",
				   (double)bucket_bounds[b] / 1e6,
				   (unsigned long long)total);
		else
			buf_printf(out,
				   "warta_http_request_duration_seconds_bucket"
				   "{le=\"+Inf\"} %llu\n",
				   (unsigned long long)total);
	}
	buf_printf(out, "warta_http_request_duration_seconds_sum %.6f\n",
		   (double)atomic_load_explicit(&m->latency_sum_us, RELAXED) /
		       1e6);
	buf_printf(out, "warta_http_request_duration_seconds_count %llu\n",
		   (unsigned long long)total);

	header(out, "warta_http_not_modified_total", "counter",
	       "Conditional requests answered 304 Not Modified (cache hits).");
	buf_printf(out, "warta_http_not_modified_total %llu\n",
		   (unsigned long long)atomic_load_explicit(&m->not_modified,
							    RELAXED));
}

void
metrics_gauge(struct buf *out, const char *name, const char *help,
	      double value)
{
	header(out, name, "gauge", help);
	buf_printf(out, "%s %.17g\n", name, value);
}

void
metrics_counter(struct buf *out, const char *name, const char *help,
		uint64_t value)
{
	header(out, name, "counter", help);
	buf_printf(out, "%s %llu\n", name, (unsigned long long)value);
}
