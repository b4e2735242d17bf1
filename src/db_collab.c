/* db_collab.c - presence and autosaves in SQLite (sql/004_collab.sql). */
#include <string.h>

#include "db_collab.h"

static const char SQL_PRESENCE_PURGE[] =
	"DELETE FROM presence WHERE until <= ?1";
static const char SQL_PRESENCE_TOUCH[] =
	"INSERT INTO presence (article_id, user_id, since, until)"
	" VALUES (?1, ?2, ?3, ?3 + ?4)"
	" ON CONFLICT (article_id, user_id) DO UPDATE SET"
	"  since = CASE WHEN until > ?3 THEN since ELSE ?3 END,"
	"  until = ?3 + ?4";
static const char SQL_PRESENCE_LEAVE[] =
	"DELETE FROM presence WHERE article_id = ?1 AND user_id = ?2";
static const char SQL_PRESENCE_OF[] =
	"SELECT p.article_id, p.user_id, u.name, p.since"
	" FROM json_each(?1) j JOIN presence p ON p.article_id = j.value"
	" JOIN users u ON u.id = p.user_id"
	" WHERE p.until > ?2 AND p.user_id <> ?3"
	" ORDER BY p.article_id, p.since, p.user_id LIMIT ?4";

static const char SQL_AUTOSAVE_PUT[] =
	"INSERT INTO autosaves (user_id, article_id, version, saved_at,"
	" title, slug, lead, dateline, body_md, tags, picks)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
	" ON CONFLICT (user_id, article_id) DO UPDATE SET"
	"  version = excluded.version, saved_at = excluded.saved_at,"
	"  title = excluded.title, slug = excluded.slug,"
	"  lead = excluded.lead, dateline = excluded.dateline,"
	"  body_md = excluded.body_md, tags = excluded.tags,"
	"  picks = excluded.picks";
static const char SQL_AUTOSAVE_GET[] =
	"SELECT version, saved_at, title, slug, lead, dateline, body_md, tags,"
	" picks FROM autosaves WHERE user_id = ?1 AND article_id = ?2";
static const char SQL_AUTOSAVE_DROP[] =
	"DELETE FROM autosaves WHERE user_id = ?1 AND article_id = ?2";

/* Runs sql with ?1 and ?2 bound to two ids. */
static enum werr
run2(struct db *db, const char *sql, int64_t a, int64_t b)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	return db_exec(db, st, sql);
}

enum werr
db_presence_touch(struct db *db, int64_t article_id, int64_t user_id,
		  int64_t now, int64_t ttl)
{
	sqlite3_stmt *st = db_stmt(db, SQL_PRESENCE_PURGE);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, now);
	enum werr e = db_exec(db, st, "forgetting old presences");
	if (e != W_OK)
		return e;
	st = db_stmt(db, SQL_PRESENCE_TOUCH);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_int64(st, 3, now);
	sqlite3_bind_int64(st, 4, ttl);
	return db_exec(db, st, "noting a presence");
}

enum werr
db_presence_leave(struct db *db, int64_t article_id, int64_t user_id)
{
	return run2(db, SQL_PRESENCE_LEAVE, article_id, user_id);
}

/* A db_row_fn for SQL_PRESENCE_OF into a struct presence. */
static enum werr
presence_row(sqlite3_stmt *st, struct arena *a, void *row)
{
	struct presence *p = row;
	p->article_id = sqlite3_column_int64(st, 0);
	p->user_id = sqlite3_column_int64(st, 1);
	p->since = sqlite3_column_int64(st, 3);
	return db_col(st, 2, a, &p->name) ? W_OK : W_NOMEM;
}

enum werr
db_presence_of(struct db *db, struct arena *a, const int64_t *ids,
	       size_t nids, size_t stride, int64_t user_id, int64_t now,
	       size_t max, struct presence **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (nids == 0 || max == 0)
		return W_OK;
	sqlite3_stmt *st = db_stmt(db, SQL_PRESENCE_OF);
	if (!st)
		return W_DB;
	struct presence *items = arena_alloc(a, max * sizeof *items);
	if (!items)
		return W_NOMEM;
	enum werr e = db_bind_ids(db, st, 1, a, ids, nids, stride);
	if (e != W_OK)
		return e;
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 3, user_id);
	sqlite3_bind_int64(st, 4, (int64_t)max);
	e = db_rows(db, st, a, presence_row, items, sizeof *items, max, n,
		    NULL, "listing presences");
	if (e == W_OK)
		*out = items;
	return e;
}

enum werr
db_autosave_put(struct db *db, int64_t user_id, int64_t article_id,
		const struct autosave *s)
{
	sqlite3_stmt *st = db_stmt(db, SQL_AUTOSAVE_PUT);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_int64(st, 2, article_id);
	sqlite3_bind_int64(st, 3, s->version);
	sqlite3_bind_int64(st, 4, s->saved_at);
	enum werr e;
	if ((e = db_bind_text(db, st, 5, s->title)) != W_OK ||
	    (e = db_bind_text(db, st, 6, s->slug)) != W_OK ||
	    (e = db_bind_text(db, st, 7, s->lead)) != W_OK ||
	    (e = db_bind_text(db, st, 8, s->dateline)) != W_OK ||
	    (e = db_bind_text(db, st, 9, s->body_md)) != W_OK ||
	    (e = db_bind_text(db, st, 10, s->tags)) != W_OK ||
	    (e = db_bind_text(db, st, 11, s->picks)) != W_OK) {
		sqlite3_reset(st);
		return e;
	}
	return db_exec(db, st, "keeping an autosave");
}

/* A db_row_fn for SQL_AUTOSAVE_GET into a struct autosave. */
static enum werr
autosave_row(sqlite3_stmt *st, struct arena *a, void *row)
{
	struct autosave *s = row;
	s->version = sqlite3_column_int64(st, 0);
	s->saved_at = sqlite3_column_int64(st, 1);
	bool ok = db_col(st, 2, a, &s->title) && db_col(st, 3, a, &s->slug) &&
		  db_col(st, 4, a, &s->lead) &&
		  db_col(st, 5, a, &s->dateline) &&
		  db_col(st, 6, a, &s->body_md) && db_col(st, 7, a, &s->tags) &&
		  db_col(st, 8, a, &s->picks);
	return ok ? W_OK : W_NOMEM;
}

enum werr
db_autosave_get(struct db *db, struct arena *a, int64_t user_id,
		int64_t article_id, struct autosave *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, SQL_AUTOSAVE_GET);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_int64(st, 2, article_id);
	return db_one(db, st, a, autosave_row, out, "reading an autosave");
}

enum werr
db_autosave_drop(struct db *db, int64_t user_id, int64_t article_id)
{
	return run2(db, SQL_AUTOSAVE_DROP, user_id, article_id);
}
