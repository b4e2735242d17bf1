/* app.h - the application: start-up state shared read-only by all workers,
 * per-thread worker state, and the single entry point both front ends call. */
#ifndef WARTA_APP_H
#define WARTA_APP_H

#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "http.h"

struct tpl_set;
struct db;
struct session;
struct metrics;
struct shm;
struct imgproc;
struct listcache;

/* Read-only once serving starts; shared by every thread. */
struct app {
	const char *db_path;
	const char *static_dir;	/* served at /static/ by the embedded server */
	const char *media_dir;	/* uploaded images, served at /media/ */
	const char *templates_dir;
	const char *prefix; /* the mount point given by --prefix (mount.h),
			       "" for the host's root; NULL when not given:
			       the host's root, or SCRIPT_NAME for CGI */
	const struct tpl_set *tpl;
	bool sync_full; /* every connection with synchronous=FULL */
	/* Shared by every worker process (shm.h): counters that must add up
	 * across processes, such as metrics. NULL outside `warta serve`
	 * (unit tests), so users check. */
	struct shm *shm;
	/* Operations (monitor.c): the request counters every worker updates
	 * (metrics.h: in shm's metrics area under `warta serve`; NULL: none
	 * kept), the token that opens /healthz and /metrics to non-loopback
	 * clients (NULL: loopback only), and the free space /healthz wants on
	 * the database's and the media's file systems. */
	struct metrics *metrics;
	const char *monitor_token;
	uint64_t min_free_bytes;
	/* Pictures (imgproc.h): the helper, its limits and the process's
	 * one processing slot; the slot is the only thing in it that
	 * changes, and a semaphore needs no lock. NULL: uploads fail. */
	struct imgproc *pictures;
};

/* Site settings, read from the database per request (cheap: one prepared
 * statement) so that an admin's change shows without a restart. */
struct site {
	const char *name;     /* "Warta" */
	const char *base_url; /* "http://127.0.0.1:8080", no trailing slash:
				 the public address of the site's home, the
				 mount point included */
	const char *base_url_setting; /* base_url as the admin set it */
	const char *root;     /* the request's mount point ("" or "/berita") */
	const char *tagline;
	const char *timezone; /* IANA name, e.g. "Asia/Jakarta" */
	const char *tz_abbr;  /* "WIB", "WITA" or "WIT" */
	int tz_offset;	      /* seconds east of UTC */
	const char *lang;     /* "id" or "en" */
};

/* The most open live blogs the menu names and cards mark. */
#define WORKER_LIVE_MAX 8

/* Per-thread state: never shared, so nothing in it needs a lock. */
struct worker {
	const struct app *app;
	struct db *db;
	struct arena arena; /* reset after every request */
	struct buf scratch; /* page body before it goes into the layout */
	struct site site;   /* loaded at the start of each request */
	struct session *session; /* admin routes: the signed-in user or NULL */
	/* Open live blogs with public stories, for the menu and the LIVE
	 * labels of cards; loaded by page_ctx() (page_live.c), emptied for
	 * every request. */
	int64_t live_open[WORKER_LIVE_MAX];
	size_t nlive_open;
	/* The site's change stamp for this request, read once
	 * (cache_site_stamp()); stamp_read says whether it was. */
	int64_t stamp;
	bool stamp_read;
	/* Article lists kept across requests while the stamp stays the same
	 * (listcache.h); NULL until used. */
	struct listcache *lists;
};

/* Opens the worker's own database connection. The worker must be freed with
 * worker_free(), from any thread, once its thread is done. NULL on failure
 * (logged). */
struct worker *worker_new(const struct app *app);
void worker_free(struct worker *w);

/* Prepares req/resp for a new request: resets the arena and the response
 * body, fills req->now and req->arena. Front ends call this first. */
void worker_begin(struct worker *w, struct req *req, struct resp *resp);

/* Handles one request: routes it, runs the handler, renders errors as pages
 * in the site layout. Always leaves a complete response in resp. Logs one
 * line to stderr. Thread-safe as long as each thread passes its own worker. */
void app_handle(struct worker *w, struct req *req, struct resp *resp);

/* The number of routes, and the pattern of route i ("/kanal/:slug"; static
 * storage): the labels of the metrics' route slots. A request no route
 * matched counts in slot app_route_count(). */
size_t app_route_count(void);
const char *app_route_pattern(size_t i);

#endif
