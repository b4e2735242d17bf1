/* monitor.c - /healthz and /metrics, for the operator and nobody else. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include "app.h"
#include "auth.h"
#include "db.h"
#include "metrics.h"
#include "monitor.h"
#include "shm.h"

#define MIB (1024.0 * 1024.0)

static bool
loopback(const char *addr)
{
	unsigned char a[16];

	if (!addr)
		return false;
	if (inet_pton(AF_INET, addr, a) == 1)
		return a[0] == 127;
	if (inet_pton(AF_INET6, addr, a) != 1)
		return false;
	static const unsigned char v6_loopback[16] = {[15] = 1};
	static const unsigned char v4_mapped[12] = {[10] = 0xff, [11] = 0xff};
	if (memcmp(a, v6_loopback, 16) == 0)
		return true;
	return memcmp(a, v4_mapped, 12) == 0 && a[12] == 127;
}

bool
monitor_allowed(const struct app *app, const struct req *req)
{
	if (app->monitor_token) {
		const char *h = req_header(req, "authorization");
		static const char bearer[] = "Bearer ";
		if (h && strncmp(h, bearer, sizeof bearer - 1) == 0 &&
		    auth_equal(h + sizeof bearer - 1, app->monitor_token))
			return true;
	}
	return loopback(req->remote_addr);
}

/* Answers a refused request: the same 404 as any unknown address. */
static enum werr
refuse(struct resp *resp)
{
	resp->status = 404;
	resp->content_type = "text/plain; charset=utf-8";
	buf_puts(&resp->body, "not found\n");
	return buf_err(&resp->body);
}

/* The directory part of path ("." when it has none), in a. */
static const char *
dir_of(struct arena *a, const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return ".";
	if (slash == path)
		return "/";
	return arena_strndup(a, path, (size_t)(slash - path));
}

/* Bytes available to an unprivileged user on the file system holding
 * path; -1 (errno set) when it cannot be told. */
static double
free_bytes(const char *path)
{
	struct statvfs sv;
	if (!path || statvfs(path, &sv) != 0)
		return -1;
	return (double)sv.f_bavail * (double)sv.f_frsize;
}

/* Appends one disk line for dir; false when it is short of space. */
static bool
disk_check(struct buf *out, const char *what, const char *dir, double want)
{
	double have = free_bytes(dir);
	if (have < 0) {
		buf_printf(out, "disk %s: cannot tell (%s)\n", what,
			   strerror(errno));
		return false;
	}
	bool ok = have >= want;
	buf_printf(out, "disk %s: %s, %.0f MiB free (minimum %.0f MiB)\n",
		   what, ok ? "ok" : "LOW", have / MIB, want / MIB);
	return ok;
}

static const char sql_ping[] = "SELECT count(*) FROM settings";

enum werr
monitor_healthz(struct worker *w, struct req *req, struct resp *resp)
{
	const struct app *app = w->app;
	struct buf detail;
	bool ok = true;

	if (!monitor_allowed(app, req))
		return refuse(resp);
	buf_init(&detail);
	sqlite3_stmt *st = db_stmt(w->db, sql_ping);
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
	if (st)
		sqlite3_reset(st);
	if (rc == SQLITE_ROW) {
		buf_puts(&detail, "database: ok\n");
	} else {
		/* The detail stays in the log: it may name files. */
		fprintf(stderr, "warta: /healthz: database: %s\n",
			sqlite3_errmsg(db_sqlite(w->db)));
		buf_puts(&detail, "database: FAILING\n");
		ok = false;
	}
	double want = (double)app->min_free_bytes;
	ok &= disk_check(&detail, "database", dir_of(&w->arena, app->db_path),
			 want);
	if (app->media_dir)
		ok &= disk_check(&detail, "media", app->media_dir, want);

	resp->status = ok ? 200 : 503;
	resp->content_type = "text/plain; charset=utf-8";
	buf_puts(&resp->body, ok ? "ok\n" : "fail\n");
	buf_append(&resp->body, detail.data ? detail.data : "", detail.len);
	enum werr e = buf_err(&detail);
	buf_fini(&detail);
	return e != W_OK ? e : buf_err(&resp->body);
}

/* Bytes of path on disk, 0 when it does not exist. */
static double
file_bytes(const char *path)
{
	struct stat st;
	return path && stat(path, &st) == 0 ? (double)st.st_size : 0;
}

enum werr
monitor_metrics(struct worker *w, struct req *req, struct resp *resp)
{
	const struct app *app = w->app;

	if (!monitor_allowed(app, req))
		return refuse(resp);
	size_t n = app_route_count();
	const char **names = arena_alloc(&w->arena, n * sizeof *names);
	if (!names)
		return W_NOMEM;
	for (size_t i = 0; i < n; i++)
		names[i] = app_route_pattern(i);
	if (app->metrics)
		metrics_render(app->metrics, names, n, &resp->body);
	/* The supervisor's own counters (shm.h). */
	struct shm *shm = app->shm;
	metrics_counter(&resp->body, "warta_workers_restarted_total",
			"Worker processes that died and were replaced.",
			shm ? atomic_load(&shm->workers_restarted) : 0);
	if (shm) {
		metrics_counter(&resp->body, "warta_workers_started_total",
				"Worker processes started, the first ones too.",
				atomic_load(&shm->workers_started));
		metrics_counter(&resp->body, "warta_reloads_total",
				"Reloads (SIGHUP) completed.",
				atomic_load(&shm->reloads));
	}

	const char *wal = arena_printf(&w->arena, "%s-wal", app->db_path);
	metrics_gauge(&resp->body, "warta_database_bytes",
		      "Size of the SQLite database file and its WAL.",
		      file_bytes(app->db_path) + file_bytes(wal));
	double have = free_bytes(dir_of(&w->arena, app->db_path));
	if (have >= 0)
		metrics_gauge(&resp->body, "warta_disk_free_bytes",
			      "Space available on the database's file system.",
			      have);
	resp->status = 200;
	resp->content_type = "text/plain; version=0.0.4; charset=utf-8";
	return buf_err(&resp->body);
}
