/* db.c - per-thread SQLite connections and their prepared-statement cache. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "search_rank.h"

/* One cache slot: the SQL text's address and its statement. */
struct slot {
	const char *sql;
	sqlite3_stmt *st;
};

struct db {
	sqlite3 *sq;
	struct slot *slots; /* open addressing, linear probing */
	size_t cap;	    /* a power of two */
	size_t n;
};

#define CACHE_MIN 256

struct db *
db_open(const char *path, bool create, char *err, size_t errlen)
{
	/* NOMUTEX: a connection never leaves its worker thread, so SQLite's
	 * per-connection mutex would only cost time. */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	if (create)
		flags |= SQLITE_OPEN_CREATE;

	struct db *db = calloc(1, sizeof *db);
	if (!db) {
		snprintf(err, errlen, "%s: out of memory", path);
		return NULL;
	}
	int rc = sqlite3_open_v2(path, &db->sq, flags, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", path,
			 db->sq ? sqlite3_errmsg(db->sq) : sqlite3_errstr(rc));
		goto fail;
	}
	sqlite3_extended_result_codes(db->sq, 1);
	/* The timeout goes first so that switching to WAL, which needs a
	 * lock, waits for another process instead of failing. */
	rc = sqlite3_busy_timeout(db->sq, 5000);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db->sq,
				  "PRAGMA journal_mode = WAL;"
				  "PRAGMA foreign_keys = ON;"
				  "PRAGMA synchronous = NORMAL;",
				  NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", path, sqlite3_errmsg(db->sq));
		goto fail;
	}
	/* Search ranks with it (db_search.c); every connection may search. */
	if (search_rank_register(db->sq) != W_OK) {
		snprintf(err, errlen, "%s: cannot register warta_rank() with"
			 " FTS5", path);
		goto fail;
	}
	db->slots = calloc(CACHE_MIN, sizeof *db->slots);
	if (!db->slots) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto fail;
	}
	db->cap = CACHE_MIN;
	return db;
fail:
	sqlite3_close(db->sq);
	free(db);
	return NULL;
}

void
db_close(struct db *db)
{
	if (!db)
		return;
	for (size_t i = 0; i < db->cap; i++)
		sqlite3_finalize(db->slots[i].st);
	free(db->slots);
	/* Every statement db_stmt made is finalized; one still open was
	 * prepared elsewhere and leaks, so say so. */
	if (sqlite3_close(db->sq) != SQLITE_OK)
		fprintf(stderr, "warta: db: close: %s\n",
			sqlite3_errmsg(db->sq));
	free(db);
}

sqlite3 *
db_sqlite(struct db *db)
{
	return db->sq;
}

static size_t
hash(const char *p)
{
	/* Strings are at least byte-aligned and usually sit close together
	 * in .rodata; mixing with a multiplicative constant spreads them. */
	uint64_t h = (uint64_t)(uintptr_t)p * UINT64_C(0x9e3779b97f4a7c15);
	return (size_t)(h >> 32);
}

/* The slot holding sql, or the empty slot where it belongs. */
static struct slot *
find(struct slot *slots, size_t cap, const char *sql)
{
	size_t i = hash(sql) & (cap - 1);
	while (slots[i].sql && slots[i].sql != sql)
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

/* Doubles the table; false when out of memory (the old one stays). */
static bool
grow(struct db *db)
{
	size_t cap = db->cap * 2;
	struct slot *slots = calloc(cap, sizeof *slots);
	if (!slots)
		return false;
	for (size_t i = 0; i < db->cap; i++)
		if (db->slots[i].sql)
			*find(slots, cap, db->slots[i].sql) = db->slots[i];
	free(db->slots);
	db->slots = slots;
	db->cap = cap;
	return true;
}

sqlite3_stmt *
db_stmt(struct db *db, const char *sql)
{
	struct slot *s = find(db->slots, db->cap, sql);
	if (s->sql) {
		sqlite3_reset(s->st);
		sqlite3_clear_bindings(s->st);
		return s->st;
	}
	/* Keep the load at most one half so that probes stay short. */
	if ((db->n + 1) * 2 > db->cap) {
		if (!grow(db)) {
			fprintf(stderr, "warta: sql: out of memory: %.60s\n",
				sql);
			return NULL;
		}
		s = find(db->slots, db->cap, sql);
	}
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(db->sq, sql, -1, SQLITE_PREPARE_PERSISTENT,
				    &st, NULL);
	if (rc != SQLITE_OK || !st) {
		fprintf(stderr, "warta: sql: %s: %.60s\n",
			rc != SQLITE_OK ? sqlite3_errmsg(db->sq)
					: "empty statement",
			sql);
		sqlite3_finalize(st);
		return NULL;
	}
	s->sql = sql;
	s->st = st;
	db->n++;
	return st;
}

/* Runs a statement that returns no rows. */
static enum werr
run(struct db *db, const char *sql)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	/* The message must be read before the reset replaces it. */
	enum werr e = sqlite3_step(st) == SQLITE_DONE ? W_OK : db_fail(db, sql);
	sqlite3_reset(st);
	return e;
}

void
db_keep_wal(struct db *db)
{
	int on = 1;
	sqlite3_db_config(db->sq, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	sqlite3_file_control(db->sq, "main", SQLITE_FCNTL_PERSIST_WAL, &on);
}

void
db_idle(struct db *db)
{
	for (sqlite3_stmt *st = sqlite3_next_stmt(db->sq, NULL); st;
	     st = sqlite3_next_stmt(db->sq, st))
		if (sqlite3_stmt_busy(st))
			sqlite3_reset(st);
	if (!sqlite3_get_autocommit(db->sq)) {
		fprintf(stderr, "warta: db: a transaction was left open; "
				"rolling it back\n");
		sqlite3_exec(db->sq, "ROLLBACK", NULL, NULL, NULL);
	}
}

static const char SQL_SYNC_FULL[] = "PRAGMA synchronous = FULL";

enum werr
db_synchronous_full(struct db *db)
{
	return run(db, SQL_SYNC_FULL);
}

static const char SQL_BEGIN[] = "BEGIN IMMEDIATE";
static const char SQL_COMMIT[] = "COMMIT";
static const char SQL_ROLLBACK[] = "ROLLBACK";

enum werr
db_begin(struct db *db)
{
	return run(db, SQL_BEGIN);
}

enum werr
db_commit(struct db *db)
{
	return run(db, SQL_COMMIT);
}

static const char SQL_READ_BEGIN[] = "BEGIN";

enum werr
db_read_begin(struct db *db)
{
	return run(db, SQL_READ_BEGIN);
}

void
db_read_end(struct db *db)
{
	if (!sqlite3_get_autocommit(db->sq) && run(db, SQL_COMMIT) != W_OK)
		db_rollback(db);
}

void
db_rollback(struct db *db)
{
	/* SQLite rolls back by itself after some errors (SQLITE_FULL,
	 * SQLITE_IOERR, ...); a second ROLLBACK would only log noise. */
	if (sqlite3_get_autocommit(db->sq))
		return;
	/* A failure is logged by run(); the caller is already handling
	 * another error and has nothing more to do about this one. */
	(void)run(db, SQL_ROLLBACK);
}

enum werr
db_exec(struct db *db, sqlite3_stmt *st, const char *what)
{
	enum werr e = W_OK;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		/* Extended codes are on (db_open), so rc says which
		 * constraint failed. */
		if (rc == SQLITE_CONSTRAINT_UNIQUE ||
		    rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			e = W_CONFLICT;
		else if ((rc & 0xff) == SQLITE_CONSTRAINT)
			e = W_INVAL;
		else
			e = db_fail(db, what);
	}
	sqlite3_reset(st);
	return e;
}

enum werr
db_exec_changed(struct db *db, sqlite3_stmt *st, const char *what)
{
	enum werr e = db_exec(db, st, what);
	if (e == W_OK && sqlite3_changes(db->sq) == 0)
		e = W_NOTFOUND;
	return e;
}

enum werr
db_bind_text(struct db *db, sqlite3_stmt *st, int i, const char *s)
{
	if (sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_STATIC) !=
	    SQLITE_OK)
		return db_fail(db, "binding text");
	return W_OK;
}

enum werr
db_bind_ids(struct db *db, sqlite3_stmt *st, int i, struct arena *a,
	    const int64_t *ids, size_t n, size_t stride)
{
	/* At most 20 digits, a sign and a comma per id, and the brackets. */
	if (n > (SIZE_MAX - 3) / 22)
		return W_NOMEM;
	char *json = arena_alloc(a, n * 22 + 3);
	if (!json)
		return W_NOMEM;
	size_t len = 0;
	json[len++] = '[';
	for (size_t k = 0; k < n; k++) {
		const int64_t *id =
			(const int64_t *)((const char *)ids + k * stride);
		len += (size_t)sprintf(json + len, "%s%lld", k ? "," : "",
				       (long long)*id);
	}
	json[len++] = ']';
	json[len] = '\0';
	return db_bind_text(db, st, i, json);
}

void
db_bind_opt(sqlite3_stmt *st, int i, int64_t v)
{
	/* Binding an integer or NULL to a valid index cannot fail. */
	if (v)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

const char *
db_col_text(sqlite3_stmt *st, int i, struct arena *a)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return "";
	const unsigned char *s = sqlite3_column_text(st, i);
	if (!s)
		return NULL; /* not NULL in the row, so out of memory */
	return arena_strndup(a, (const char *)s,
			     (size_t)sqlite3_column_bytes(st, i));
}

enum werr
db_fail(struct db *db, const char *what)
{
	fprintf(stderr, "warta: db: %.60s: %s\n", what,
		sqlite3_errmsg(db->sq));
	return W_DB;
}

bool
db_col(sqlite3_stmt *st, int i, struct arena *a, const char **dst)
{
	*dst = db_col_text(st, i, a);
	return *dst != NULL;
}

enum werr
db_row_id(sqlite3_stmt *st, struct arena *a, void *out)
{
	*(int64_t *)out = sqlite3_column_int64(st, 0);
	return W_OK;
}

enum werr
db_row_text(sqlite3_stmt *st, struct arena *a, void *out)
{
	return db_col(st, 0, a, out) ? W_OK : W_NOMEM;
}

enum werr
db_one(struct db *db, sqlite3_stmt *st, struct arena *a, db_row_fn fn,
       void *out, const char *what)
{
	enum werr e;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		e = fn(st, a, out);
	else if (rc == SQLITE_DONE)
		e = W_NOTFOUND;
	else
		e = db_fail(db, what);
	sqlite3_reset(st);
	return e;
}

enum werr
db_rows(struct db *db, sqlite3_stmt *st, struct arena *a, db_row_fn fn,
	void *items, size_t size, size_t limit, size_t *n, bool *more,
	const char *what)
{
	enum werr e = W_OK;
	int rc;
	*n = 0;
	if (more)
		*more = false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == limit) {
			if (more)
				*more = true;
			break;
		}
		e = fn(st, a, (unsigned char *)items + *n * size);
		if (e != W_OK)
			goto out;
		(*n)++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		e = db_fail(db, what);
out:
	sqlite3_reset(st);
	if (e != W_OK)
		*n = 0;
	return e;
}
