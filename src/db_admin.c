/* db_admin.c - the dashboard's article lists and audit-log rows. */
#include <string.h>

#include "db_admin.h"

#define COLS                                                                   \
	"SELECT a.id, a.slug, a.title, a.status, s.id, s.slug, s.name,"        \
	" ifnull(a.published_at, 0), a.updated_at, a.created_at"
#define FROM " FROM articles a JOIN sections s ON s.id = a.section_id"

/* Each list reads an index that matches its WHERE and ORDER BY:
 * articles_created_by and articles_status for drafts and reviews. A
 * scheduled article keeps that status after its time has come (nothing
 * rewrites it), so that status alone would grow to every story ever
 * scheduled: the list reads the partial articles_live index from now on
 * instead, named so the planner cannot pick the status index and sort. */
static const char SQL_DRAFTS[] =
    COLS FROM " WHERE a.created_by = ?1 AND a.status = 'draft'"
	      " ORDER BY a.updated_at DESC, a.id DESC LIMIT ?3";
static const char SQL_REVIEW_ALL[] =
    COLS FROM " WHERE a.status = 'review'"
	      " ORDER BY a.updated_at DESC, a.id DESC LIMIT ?3";
static const char SQL_REVIEW_OWN[] =
    COLS FROM " WHERE a.created_by = ?1 AND a.status = 'review'"
	      " ORDER BY a.updated_at DESC, a.id DESC LIMIT ?3";
static const char SQL_SCHEDULED[] =
    COLS " FROM articles a INDEXED BY articles_live"
	 " JOIN sections s ON s.id = a.section_id"
	 " WHERE a.status IN ('scheduled', 'published')"
	 " AND a.published_at > ?2 AND a.status = 'scheduled'"
	 " AND (?1 = 0 OR a.created_by = ?1)"
	 " ORDER BY a.published_at, a.id LIMIT ?3";

static const char SQL_AUDIT_ADD[] =
    "INSERT INTO audit_log (user_id, action, article_id, detail, addr,"
    " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

enum werr
db_admin_dash(struct db *db, struct arena *a, enum dash which,
	      int64_t created_by, int64_t now, size_t limit,
	      struct article_list *out)
{
	const char *sql;
	enum werr e = W_OK;
	int rc;

	memset(out, 0, sizeof *out);
	switch (which) {
	case DASH_DRAFTS:
		sql = SQL_DRAFTS;
		break;
	case DASH_REVIEW:
		sql = created_by ? SQL_REVIEW_OWN : SQL_REVIEW_ALL;
		break;
	case DASH_SCHEDULED:
		sql = SQL_SCHEDULED;
		break;
	default:
		return W_INVAL;
	}
	if ((which == DASH_DRAFTS && created_by <= 0) || limit == 0 ||
	    limit > 1000)
		return W_INVAL;
	out->items = arena_alloc(a, limit * sizeof *out->items);
	if (!out->items)
		return W_NOMEM;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	if (sqlite3_bind_int64(st, 1, created_by) ||
	    sqlite3_bind_int64(st, 2, now) ||
	    sqlite3_bind_int64(st, 3, (int64_t)limit + 1)) {
		e = db_fail(db, "binding a dashboard list");
		goto out;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == limit) {
			out->more = true;
			break;
		}
		struct article *it = &out->items[out->n];
		memset(it, 0, sizeof *it);
		it->id = sqlite3_column_int64(st, 0);
		it->slug = db_col_text(st, 1, a);
		it->title = db_col_text(st, 2, a);
		it->status = article_status_parse(
		    (const char *)sqlite3_column_text(st, 3));
		it->section.id = sqlite3_column_int64(st, 4);
		it->section.slug = db_col_text(st, 5, a);
		it->section.name = db_col_text(st, 6, a);
		it->published_at = sqlite3_column_int64(st, 7);
		it->updated_at = sqlite3_column_int64(st, 8);
		it->created_at = sqlite3_column_int64(st, 9);
		if (!it->slug || !it->title || !it->section.slug ||
		    !it->section.name) {
			e = W_NOMEM;
			goto out;
		}
		out->n++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		e = db_fail(db, sql);
out:
	sqlite3_reset(st);
	if (e != W_OK)
		out->n = 0;
	return e;
}

enum werr
db_audit_add(struct db *db, int64_t user_id, const char *action,
	     int64_t article_id, const char *detail, const char *addr,
	     int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, SQL_AUDIT_ADD);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	if ((user_id > 0 ? sqlite3_bind_int64(st, 1, user_id)
			 : sqlite3_bind_null(st, 1)) ||
	    sqlite3_bind_text(st, 2, action, -1, SQLITE_STATIC) ||
	    (article_id > 0 ? sqlite3_bind_int64(st, 3, article_id)
			    : sqlite3_bind_null(st, 3)) ||
	    sqlite3_bind_text(st, 4, detail ? detail : "", -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 5, addr ? addr : "", -1, SQLITE_STATIC) ||
	    sqlite3_bind_int64(st, 6, now))
		e = db_fail(db, "binding an audit row");
	else if (sqlite3_step(st) != SQLITE_DONE)
		e = db_fail(db, SQL_AUDIT_ADD);
	sqlite3_reset(st);
	return e;
}
