/* db_media.c - the picture library (db_media.h). */
#include <stdio.h>
#include <string.h>

#include "db_admin.h"
#include "db_media.h"

#define ITEM_COLS                                                          \
	"m.id, m.name, coalesce(m.pkey, ''), m.width, m.height, m.focal_x," \
	" m.focal_y, m.caption, m.credit, m.alt, coalesce(u.name, '')," \
	" m.created_at, m.updated_at," \
	" (SELECT count(*) FROM article_media x WHERE x.media_id = m.id)," \
	" coalesce((SELECT group_concat(t.title, ' · ') FROM" \
	" (SELECT a.title FROM article_media x JOIN articles a" \
	" ON a.id = x.article_id WHERE x.media_id = m.id" \
	" ORDER BY a.id DESC LIMIT 3) t), ''), coalesce(m.user_id, 0)" \
	" FROM media m LEFT JOIN users u ON u.id = m.user_id"

static const char SQL_BY_KEY[] = "SELECT id FROM media WHERE pkey = ?1";
/* The name column is NOT NULL UNIQUE from 002: a keyed picture's name is
 * its key (no file has that name; its files are the renditions). */
static const char SQL_ADD[] =
	"INSERT INTO media (name, mime, size, user_id, created_at, pkey,"
	" width, height, focal_x, focal_y, updated_at)"
	" VALUES (?1, 'image/jpeg', ?2, ?3, ?4, ?1, ?5, ?6, ?7, ?8, ?4)"
	" ON CONFLICT DO NOTHING";
static const char SQL_GET[] = "SELECT " ITEM_COLS " WHERE m.id = ?1";
/* Keyset on (created_at, id), the media_created index; the search is a
 * scan of the library's captions and credits, which stays small. */
static const char SQL_LIST[] =
	"SELECT " ITEM_COLS
	" WHERE (?1 = 0 OR (m.created_at, m.id) < (?1, ?2))"
	" AND (?3 = '' OR m.caption LIKE ?4 ESCAPE '\\'"
	" OR m.credit LIKE ?4 ESCAPE '\\')"
	" ORDER BY m.created_at DESC, m.id DESC LIMIT ?5";
static const char SQL_USES[] =
	"SELECT a.id, a.title, a.status,"
	" a.status IN ('published', 'scheduled')"
	" FROM article_media x JOIN articles a ON a.id = x.article_id"
	" WHERE x.media_id = ?1"
	" ORDER BY a.status IN ('published', 'scheduled') DESC, a.id DESC"
	" LIMIT ?2";
static const char SQL_UPDATE[] =
	"UPDATE media SET caption = ?2, credit = ?3, alt = ?4, focal_x = ?5,"
	" focal_y = ?6, updated_at = ?7 WHERE id = ?1";
static const char SQL_PUBLIC_USE[] =
	"SELECT EXISTS (SELECT 1 FROM article_media x JOIN articles a"
	" ON a.id = x.article_id WHERE x.media_id = ?1"
	" AND a.status IN ('published', 'scheduled'))";
static const char SQL_DROP_USES[] =
	"DELETE FROM article_media WHERE media_id = ?1";
static const char SQL_DELETE[] = "DELETE FROM media WHERE id = ?1";
static const char SQL_ALT_MISSING[] =
	"SELECT m.id FROM media m JOIN json_each(?1) j ON j.value = m.id"
	" WHERE trim(m.alt) = '' LIMIT 1";

static enum werr
item_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct media_item *m = out;
	const char *key = (const char *)sqlite3_column_text(st, 2);
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(st, 0);
	if (key && picture_key_valid(key))
		memcpy(m->pic.key, key, sizeof m->pic.key);
	m->pic.width = sqlite3_column_int(st, 3);
	m->pic.height = sqlite3_column_int(st, 4);
	m->pic.fx = sqlite3_column_int(st, 5);
	m->pic.fy = sqlite3_column_int(st, 6);
	m->created_at = sqlite3_column_int64(st, 11);
	m->updated_at = sqlite3_column_int64(st, 12);
	m->nused = sqlite3_column_int64(st, 13);
	m->user_id = sqlite3_column_int64(st, 15);
	bool ok = db_col(st, 1, a, &m->name) && db_col(st, 7, a, &m->caption) &&
		  db_col(st, 8, a, &m->credit) && db_col(st, 9, a, &m->alt) &&
		  db_col(st, 10, a, &m->uploader) &&
		  db_col(st, 14, a, &m->used_titles);
	return ok ? W_OK : W_NOMEM;
}

static enum werr
use_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct media_use *u = out;
	u->id = sqlite3_column_int64(st, 0);
	u->public = sqlite3_column_int(st, 3) != 0;
	bool ok = db_col(st, 1, a, &u->title) && db_col(st, 2, a, &u->status);
	return ok ? W_OK : W_NOMEM;
}

enum werr
db_media_by_key(struct db *db, const char *key, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, SQL_BY_KEY);
	if (!st)
		return W_DB;
	enum werr e = db_bind_text(db, st, 1, key);
	if (e != W_OK)
		return e;
	return db_one(db, st, NULL, db_row_id, id, "finding a picture");
}

enum werr
db_media_add(struct db *db, const struct picture *p, size_t size,
	     int64_t user_id, int64_t now, int64_t *id, bool *created)
{
	*created = false;
	if (!picture_key_valid(p->key))
		return W_INVAL;
	sqlite3_stmt *st = db_stmt(db, SQL_ADD);
	if (!st)
		return W_DB;
	enum werr e = db_bind_text(db, st, 1, p->key);
	if (e != W_OK)
		return e;
	sqlite3_bind_int64(st, 2, (int64_t)size);
	db_bind_opt(st, 3, user_id);
	sqlite3_bind_int64(st, 4, now);
	sqlite3_bind_int(st, 5, p->width);
	sqlite3_bind_int(st, 6, p->height);
	sqlite3_bind_int(st, 7, p->fx);
	sqlite3_bind_int(st, 8, p->fy);
	if ((e = db_exec(db, st, "recording a picture")) != W_OK)
		return e;
	*created = sqlite3_changes(db_sqlite(db)) == 1;
	return db_media_by_key(db, p->key, id);
}

enum werr
db_media_get(struct db *db, struct arena *a, int64_t id,
	     struct media_item *out)
{
	sqlite3_stmt *st = db_stmt(db, SQL_GET);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	return db_one(db, st, a, item_row, out, "loading a picture");
}

/* q as a LIKE pattern matching it anywhere, its wildcards escaped. */
static const char *
like(struct arena *a, const char *q)
{
	size_t n = strlen(q);
	char *out = arena_alloc(a, 2 * n + 3);
	if (!out)
		return NULL;
	char *p = out;
	*p++ = '%';
	for (; *q; q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			*p++ = '\\';
		*p++ = *q;
	}
	*p++ = '%';
	*p = '\0';
	return out;
}

enum werr
db_media_list(struct db *db, struct arena *a, const char *q,
	      int64_t before_t, int64_t before_id, size_t max,
	      struct media_item **items, size_t *n, bool *more)
{
	*items = NULL;
	*n = 0;
	if (!q)
		q = "";
	const char *pat = like(a, q);
	*items = arena_alloc(a, (max ? max : 1) * sizeof **items);
	if (!pat || !*items)
		return W_NOMEM;
	sqlite3_stmt *st = db_stmt(db, SQL_LIST);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, before_t);
	sqlite3_bind_int64(st, 2, before_id);
	enum werr e;
	if ((e = db_bind_text(db, st, 3, q)) != W_OK ||
	    (e = db_bind_text(db, st, 4, pat)) != W_OK)
		return e;
	sqlite3_bind_int64(st, 5, (int64_t)max + 1);
	return db_rows(db, st, a, item_row, *items, sizeof **items, max, n,
		       more, "listing pictures");
}

enum werr
db_media_uses(struct db *db, struct arena *a, int64_t id, size_t max,
	      struct media_use **uses, size_t *n)
{
	*n = 0;
	*uses = arena_alloc(a, (max ? max : 1) * sizeof **uses);
	if (!*uses)
		return W_NOMEM;
	sqlite3_stmt *st = db_stmt(db, SQL_USES);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (int64_t)max);
	return db_rows(db, st, a, use_row, *uses, sizeof **uses, max, n, NULL,
		       "listing a picture's stories");
}

enum werr
db_media_update(struct db *db, int64_t id, const char *caption,
		const char *credit, const char *alt, int fx, int fy,
		int64_t now)
{
	if (fx < 0 || fx > PICTURE_FOCAL_MAX || fy < 0 ||
	    fy > PICTURE_FOCAL_MAX)
		return W_INVAL;
	sqlite3_stmt *st = db_stmt(db, SQL_UPDATE);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	enum werr e;
	if ((e = db_bind_text(db, st, 2, caption)) != W_OK ||
	    (e = db_bind_text(db, st, 3, credit)) != W_OK ||
	    (e = db_bind_text(db, st, 4, alt)) != W_OK)
		return e;
	sqlite3_bind_int(st, 5, fx);
	sqlite3_bind_int(st, 6, fy);
	sqlite3_bind_int64(st, 7, now);
	return db_exec_changed(db, st, "saving a picture");
}

static enum werr
run_id(struct db *db, const char *sql, int64_t id, const char *what)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	return db_exec(db, st, what);
}

enum werr
db_media_delete(struct db *db, struct arena *a, int64_t id, int64_t user_id,
		const char *addr, int64_t now, struct media_item *out)
{
	enum werr e = db_begin(db);
	if (e != W_OK)
		return e;
	/* Checked inside the transaction: no story can take the picture
	 * public between the check and the delete. */
	e = db_media_get(db, a, id, out);
	int64_t in_use = 0;
	if (e == W_OK) {
		sqlite3_stmt *st = db_stmt(db, SQL_PUBLIC_USE);
		if (!st)
			e = W_DB;
		else {
			sqlite3_bind_int64(st, 1, id);
			e = db_one(db, st, NULL, db_row_id, &in_use,
				   "checking a picture's stories");
		}
	}
	if (e == W_OK && in_use)
		e = W_CONFLICT;
	if (e == W_OK)
		e = run_id(db, SQL_DROP_USES, id, "deleting a picture");
	if (e == W_OK)
		e = run_id(db, SQL_DELETE, id, "deleting a picture");
	if (e == W_OK) {
		const char *what = arena_printf(a, "picture %lld %s",
						(long long)id,
						out->pic.key[0] ? out->pic.key
								: out->name);
		e = what ? db_audit_add(db, user_id, "media.delete", 0, what,
					addr, now)
			 : W_NOMEM;
	}
	if (e == W_OK)
		e = db_commit(db);
	if (e != W_OK)
		db_rollback(db);
	return e;
}

enum werr
db_media_alt_missing(struct db *db, const int64_t *ids, size_t n,
		     int64_t *missing)
{
	struct arena a;
	*missing = 0;
	if (n == 0)
		return W_OK;
	sqlite3_stmt *st = db_stmt(db, SQL_ALT_MISSING);
	if (!st)
		return W_DB;
	arena_init(&a);
	enum werr e = db_bind_ids(db, st, 1, &a, ids, n, sizeof ids[0]);
	if (e == W_OK) {
		e = db_one(db, st, NULL, db_row_id, missing,
			   "checking alt texts");
		if (e == W_NOTFOUND)
			e = W_OK;
	}
	sqlite3_reset(st);
	arena_fini(&a);
	return e;
}
