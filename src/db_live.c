/* db_live.c - live blogs, their updates and revisions in SQLite. */
#include <string.h>

#include "db_admin.h"
#include "db_article.h"
#include "db_live.h"
#include "markdown.h"

static const char SQL_GET[] =
	"SELECT article_id, started_at, coalesce(ended_at, 0), version,"
	" changed_at FROM live_blogs WHERE article_id = ?1";

static const char SQL_ARTICLE_EXISTS[] =
	"SELECT id FROM articles WHERE id = ?1";

/* A new live blog, or a closed one reopened: coverage starts again only
 * for a new one. */
static const char SQL_OPEN[] =
	"INSERT INTO live_blogs (article_id, started_at, changed_at)"
	" VALUES (?1, ?2, ?2) ON CONFLICT (article_id) DO UPDATE SET"
	" ended_at = NULL, version = version + 1, changed_at = ?2";

static const char SQL_CLOSE[] =
	"UPDATE live_blogs SET ended_at = max(?2, started_at),"
	" version = version + 1, changed_at = ?2"
	" WHERE article_id = ?1 AND ended_at IS NULL";

/* Bumps the version for a change to an update; the new version is read
 * back with SQL_GET. */
static const char SQL_BUMP[] =
	"UPDATE live_blogs SET version = version + 1, changed_at = ?2"
	" WHERE article_id = ?1";

/* The file a picture is shown by: a legacy upload's own, a processed
 * picture's JPEG at most 960 px wide (which every width has). */
#define MEDIA_FILE                                                             \
	"coalesce(CASE WHEN m.pkey IS NULL THEN m.name ELSE m.pkey || '-w' ||" \
	" min(m.width, 960) || '.jpg' END, '')"
#define UPDATE_COLS                                                            \
	"u.id, u.article_id, u.posted_at, u.body_md, u.body_html,"            \
	" coalesce(u.image_id, 0), " MEDIA_FILE ","                             \
	" coalesce(u.author_id, 0), coalesce(au.name, us.name, ''),"          \
	" coalesce(u.user_id, 0), u.version, u.deleted, u.created_at,"        \
	" u.updated_at, COALESCE(m.id, 0), m.pkey, m.name,"                   \
	" COALESCE(m.width, 0), COALESCE(m.height, 0),"                      \
	" COALESCE(m.focal_x, 500), COALESCE(m.focal_y, 500), m.alt,"        \
	" m.caption, m.credit"
/* The column of UPDATE_COLS where the picture's (db_photo_row) start. */
#define UPDATE_PHOTO 14
#define UPDATE_JOINS                                                           \
	" LEFT JOIN media m ON m.id = u.image_id"                             \
	" LEFT JOIN authors au ON au.id = u.author_id"                        \
	" LEFT JOIN users us ON us.id = u.user_id"

static const char SQL_SHOWN[] =
	"SELECT " UPDATE_COLS " FROM live_updates u INDEXED BY"
	" live_updates_shown" UPDATE_JOINS
	" WHERE u.article_id = ?1 AND u.deleted = 0"
	" ORDER BY u.posted_at DESC, u.id DESC LIMIT ?2";

static const char SQL_CHANGES[] =
	"SELECT " UPDATE_COLS " FROM live_updates u INDEXED BY"
	" live_updates_version" UPDATE_JOINS
	" WHERE u.article_id = ?1 AND u.version > ?2"
	" ORDER BY u.version, u.id LIMIT ?3";

static const char SQL_UPDATE_GET[] =
	"SELECT " UPDATE_COLS " FROM live_updates u" UPDATE_JOINS
	" WHERE u.id = ?1";

static const char SQL_INSERT[] =
	"INSERT INTO live_updates (article_id, posted_at, body_md, body_html,"
	" image_id, author_id, user_id, version, created_at, updated_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)";

static const char SQL_EDIT[] =
	"UPDATE live_updates SET posted_at = ?2, body_md = ?3, body_html = ?4,"
	" image_id = ?5, version = ?6, updated_at = ?7"
	" WHERE id = ?1 AND deleted = 0";

static const char SQL_DELETE[] =
	"UPDATE live_updates SET deleted = 1, version = ?2, updated_at = ?3"
	" WHERE id = ?1 AND deleted = 0";

static const char SQL_ADD_MEDIA[] =
	"INSERT INTO media (name, mime, size, user_id, created_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5)";

static const char SQL_REVISION[] =
	"INSERT INTO live_update_revisions (update_id, user_id, action,"
	" created_at, snapshot)"
	" SELECT u.id, ?2, ?3, ?4, json_object('id', u.id,"
	" 'article_id', u.article_id, 'posted_at', u.posted_at,"
	" 'body_md', u.body_md, 'image', (SELECT m.name FROM media m"
	" WHERE m.id = u.image_id), 'author_id', u.author_id,"
	" 'deleted', u.deleted, 'updated_at', u.updated_at)"
	" FROM live_updates u WHERE u.id = ?1";

static const char SQL_REVISIONS[] =
	"SELECT r.id, r.created_at, r.action, coalesce(us.name, ''),"
	" coalesce(json_extract(r.snapshot, '$.body_md'), '')"
	" FROM live_update_revisions r LEFT JOIN users us ON us.id = r.user_id"
	" WHERE r.update_id = ?1 ORDER BY r.id DESC LIMIT ?2";

#define LINK_COLS                                                              \
	"a.id, a.slug, a.title, a.published_at, l.started_at,"                \
	" coalesce(l.ended_at, 0)"
#define LINK_PUBLIC                                                            \
	" a.status IN ('scheduled', 'published') AND a.published_at <= ?1"

static const char SQL_OPEN_LINKS[] =
	"SELECT " LINK_COLS " FROM live_blogs l INDEXED BY live_blogs_open"
	" JOIN articles a ON a.id = l.article_id"
	" WHERE l.ended_at IS NULL AND" LINK_PUBLIC
	" ORDER BY l.started_at DESC, l.article_id DESC LIMIT ?2";

/* The newest started first; a story not public yet is passed over, but
 * only among the newest few, so the walk stays short. */
static const char SQL_LATEST_LINK[] =
	"SELECT " LINK_COLS " FROM (SELECT article_id, started_at, ended_at"
	" FROM live_blogs INDEXED BY live_blogs_started"
	" ORDER BY started_at DESC, article_id DESC LIMIT 20) l"
	" JOIN articles a ON a.id = l.article_id WHERE" LINK_PUBLIC
	" ORDER BY l.ended_at IS NOT NULL, l.started_at DESC,"
	" l.article_id DESC LIMIT 1";

static enum werr
blog_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct live_blog *b = out;
	b->article_id = sqlite3_column_int64(st, 0);
	b->started_at = sqlite3_column_int64(st, 1);
	b->ended_at = sqlite3_column_int64(st, 2);
	b->version = sqlite3_column_int64(st, 3);
	b->changed_at = sqlite3_column_int64(st, 4);
	return W_OK;
}

static enum werr
update_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct live_update *u = out;
	u->id = sqlite3_column_int64(st, 0);
	u->article_id = sqlite3_column_int64(st, 1);
	u->posted_at = sqlite3_column_int64(st, 2);
	u->image_id = sqlite3_column_int64(st, 5);
	u->author_id = sqlite3_column_int64(st, 7);
	u->user_id = sqlite3_column_int64(st, 9);
	u->version = sqlite3_column_int64(st, 10);
	u->deleted = sqlite3_column_int(st, 11) != 0;
	u->created_at = sqlite3_column_int64(st, 12);
	u->updated_at = sqlite3_column_int64(st, 13);
	bool ok = db_col(st, 3, a, &u->body_md) &&
		  db_col(st, 4, a, &u->body_html) &&
		  db_col(st, 6, a, &u->image_name) &&
		  db_col(st, 8, a, &u->author) &&
		  db_photo_row(st, UPDATE_PHOTO, a, &u->photo);
	return ok ? W_OK : W_NOMEM;
}

static enum werr
revision_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct live_revision *r = out;
	r->id = sqlite3_column_int64(st, 0);
	r->created_at = sqlite3_column_int64(st, 1);
	bool ok = db_col(st, 2, a, &r->action) &&
		  db_col(st, 3, a, &r->user_name) &&
		  db_col(st, 4, a, &r->body_md);
	return ok ? W_OK : W_NOMEM;
}

static enum werr
link_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct live_link *l = out;
	l->article_id = sqlite3_column_int64(st, 0);
	l->published_at = sqlite3_column_int64(st, 3);
	l->started_at = sqlite3_column_int64(st, 4);
	l->ended_at = sqlite3_column_int64(st, 5);
	bool ok = db_col(st, 1, a, &l->slug) && db_col(st, 2, a, &l->title);
	return ok ? W_OK : W_NOMEM;
}

/* Binds id to ?1 of sql and returns the statement; NULL on failure. */
static sqlite3_stmt *
stmt_id(struct db *db, const char *sql, int64_t id)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (st)
		sqlite3_bind_int64(st, 1, id);
	return st;
}

enum werr
db_live_get(struct db *db, int64_t article_id, struct live_blog *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = stmt_id(db, SQL_GET, article_id);
	return st ? db_one(db, st, NULL, blog_row, out, SQL_GET) : W_DB;
}

/* Ends a transaction begun with db_begin(): the audit row and COMMIT
 * when e is W_OK, else (or when those fail) ROLLBACK. */
static enum werr
finish(struct db *db, enum werr e, const struct live_who *who,
       const char *action, int64_t article_id, const char *detail)
{
	if (e == W_OK)
		e = db_audit_add(db, who->user_id, action, article_id, detail,
				 who->addr, who->now);
	if (e == W_OK)
		e = db_commit(db);
	if (e != W_OK)
		db_rollback(db);
	return e;
}

enum werr
db_live_open(struct db *db, int64_t article_id, const struct live_who *who)
{
	enum werr e = db_begin(db);
	if (e != W_OK)
		return e;
	int64_t id;
	struct live_blog b;
	sqlite3_stmt *st = stmt_id(db, SQL_ARTICLE_EXISTS, article_id);
	e = st ? db_one(db, st, NULL, db_row_id, &id, SQL_ARTICLE_EXISTS)
	       : W_DB;
	if (e == W_OK) {
		e = db_live_get(db, article_id, &b);
		if (e == W_OK && b.ended_at == 0)
			e = W_CONFLICT;
		else if (e == W_NOTFOUND || e == W_OK)
			e = W_OK;
	}
	if (e == W_OK) {
		st = stmt_id(db, SQL_OPEN, article_id);
		if (!st)
			e = W_DB;
		else {
			sqlite3_bind_int64(st, 2, who->now);
			e = db_exec(db, st, SQL_OPEN);
		}
	}
	return finish(db, e, who, "live.open", article_id, "");
}

enum werr
db_live_close(struct db *db, int64_t article_id, const struct live_who *who)
{
	enum werr e = db_begin(db);
	if (e != W_OK)
		return e;
	struct live_blog b;
	e = db_live_get(db, article_id, &b);
	if (e == W_OK && b.ended_at)
		e = W_CONFLICT;
	if (e == W_OK) {
		sqlite3_stmt *st = stmt_id(db, SQL_CLOSE, article_id);
		if (!st)
			e = W_DB;
		else {
			sqlite3_bind_int64(st, 2, who->now);
			e = db_exec_changed(db, st, SQL_CLOSE);
		}
	}
	return finish(db, e, who, "live.close", article_id, "");
}

static size_t
cap(size_t max)
{
	return max > DB_LIVE_PAGE ? DB_LIVE_PAGE : max;
}

enum werr
db_live_updates(struct db *db, struct arena *a, int64_t article_id,
		size_t max, struct live_update **out, size_t *n)
{
	max = cap(max);
	*n = 0;
	*out = arena_alloc(a, (max ? max : 1) * sizeof **out);
	if (!*out)
		return W_NOMEM;
	memset(*out, 0, (max ? max : 1) * sizeof **out);
	sqlite3_stmt *st = stmt_id(db, SQL_SHOWN, article_id);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 2, (int64_t)max);
	return db_rows(db, st, a, update_row, *out, sizeof **out, max, n, NULL,
		       SQL_SHOWN);
}

enum werr
db_live_changes(struct db *db, struct arena *a, int64_t article_id,
		int64_t since, size_t max, struct live_update **out, size_t *n,
		bool *more)
{
	max = cap(max);
	*n = 0;
	*more = false;
	*out = arena_alloc(a, (max + 1) * sizeof **out);
	if (!*out)
		return W_NOMEM;
	memset(*out, 0, (max + 1) * sizeof **out);
	sqlite3_stmt *st = stmt_id(db, SQL_CHANGES, article_id);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 2, since);
	sqlite3_bind_int64(st, 3, (int64_t)max + 1);
	return db_rows(db, st, a, update_row, *out, sizeof **out, max, n, more,
		       SQL_CHANGES);
}

enum werr
db_live_update_get(struct db *db, struct arena *a, int64_t id,
		   struct live_update *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = stmt_id(db, SQL_UPDATE_GET, id);
	return st ? db_one(db, st, a, update_row, out, SQL_UPDATE_GET) : W_DB;
}

/* Bumps the version of live blog article_id and reads the new one. */
static enum werr
bump(struct db *db, int64_t article_id, int64_t now, int64_t *version)
{
	sqlite3_stmt *st = stmt_id(db, SQL_BUMP, article_id);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 2, now);
	enum werr e = db_exec_changed(db, st, SQL_BUMP);
	struct live_blog b;
	if (e == W_OK)
		e = db_live_get(db, article_id, &b);
	if (e == W_OK)
		*version = b.version;
	return e;
}

/* Records image as a media row; *id gets its id (0 when image is NULL). */
static enum werr
add_media(struct db *db, const struct admin_media *image,
	  const struct live_who *who, int64_t *id)
{
	*id = 0;
	if (!image)
		return W_OK;
	if (image->id) {
		*id = image->id;
		return W_OK;
	}
	sqlite3_stmt *st = db_stmt(db, SQL_ADD_MEDIA);
	if (!st)
		return W_DB;
	enum werr e;
	if ((e = db_bind_text(db, st, 1, image->name)) != W_OK ||
	    (e = db_bind_text(db, st, 2, image->mime)) != W_OK)
		return e;
	sqlite3_bind_int64(st, 3, (int64_t)image->size);
	db_bind_opt(st, 4, who->user_id);
	sqlite3_bind_int64(st, 5, who->now);
	e = db_exec(db, st, SQL_ADD_MEDIA);
	if (e == W_OK)
		*id = sqlite3_last_insert_rowid(db_sqlite(db));
	return e;
}

static enum werr
revision(struct db *db, int64_t id, const struct live_who *who,
	 const char *action)
{
	sqlite3_stmt *st = stmt_id(db, SQL_REVISION, id);
	if (!st)
		return W_DB;
	db_bind_opt(st, 2, who->user_id);
	sqlite3_bind_int64(st, 4, who->now);
	enum werr e = db_bind_text(db, st, 3, action);
	return e == W_OK ? db_exec(db, st, SQL_REVISION) : e;
}

/* The Markdown of body as HTML, in a; W_INVAL when body is blank. */
static enum werr
render(struct arena *a, const char *body, const char **html)
{
	size_t n = body ? strlen(body) : 0;
	size_t i = 0;
	while (i < n && strchr(" \t\r\n", body[i]))
		i++;
	if (i == n)
		return W_INVAL;
	struct buf b;
	buf_init(&b);
	enum werr e = markdown_render(body, n, &b);
	if (e == W_OK)
		e = buf_err(&b);
	if (e == W_OK) {
		*html = arena_strndup(a, buf_cstr(&b), b.len);
		if (!*html)
			e = W_NOMEM;
	}
	buf_fini(&b);
	return e;
}

/* Reads update id back into u after a change. */
static enum werr
reload(struct db *db, struct arena *a, int64_t id, struct live_update *u)
{
	return db_live_update_get(db, a, id, u);
}

enum werr
db_live_post(struct db *db, struct live_update *u,
	     const struct admin_media *image, const struct live_who *who)
{
	struct arena scratch;
	arena_init(&scratch);
	const char *html = NULL;
	enum werr e = render(&scratch, u->body_md, &html);
	if (e != W_OK)
		goto out;
	if ((e = db_begin(db)) != W_OK)
		goto out;
	struct live_blog b;
	int64_t version = 0, image_id = 0;
	e = db_live_get(db, u->article_id, &b);
	if (e == W_OK && b.ended_at)
		e = W_CONFLICT;
	if (e == W_OK)
		e = add_media(db, image, who, &image_id);
	if (e == W_OK)
		e = bump(db, u->article_id, who->now, &version);
	sqlite3_stmt *st = e == W_OK ? db_stmt(db, SQL_INSERT) : NULL;
	if (e == W_OK && !st)
		e = W_DB;
	if (e == W_OK) {
		sqlite3_bind_int64(st, 1, u->article_id);
		sqlite3_bind_int64(st, 2, u->posted_at);
		db_bind_opt(st, 5, image_id);
		db_bind_opt(st, 6, u->author_id);
		db_bind_opt(st, 7, who->user_id);
		sqlite3_bind_int64(st, 8, version);
		sqlite3_bind_int64(st, 9, who->now);
		if ((e = db_bind_text(db, st, 3, u->body_md)) == W_OK &&
		    (e = db_bind_text(db, st, 4, html)) == W_OK)
			e = db_exec(db, st, SQL_INSERT);
	}
	int64_t id = e == W_OK ? sqlite3_last_insert_rowid(db_sqlite(db)) : 0;
	if (e == W_OK)
		e = revision(db, id, who, "live.post");
	e = finish(db, e, who, "live.post", u->article_id, "");
	if (e == W_OK)
		u->id = id;
out:
	arena_fini(&scratch);
	return e;
}

enum werr
db_live_edit(struct db *db, struct live_update *u,
	     const struct admin_media *image, bool remove_image,
	     const struct live_who *who)
{
	struct arena scratch;
	arena_init(&scratch);
	const char *html = NULL;
	enum werr e = render(&scratch, u->body_md, &html);
	if (e != W_OK)
		goto out;
	if ((e = db_begin(db)) != W_OK)
		goto out;
	struct live_update stored;
	int64_t version = 0, image_id = 0;
	e = reload(db, &scratch, u->id, &stored);
	if (e == W_OK && stored.deleted)
		e = W_NOTFOUND;
	if (e == W_OK)
		e = add_media(db, image, who, &image_id);
	if (e == W_OK && !image && !remove_image)
		image_id = stored.image_id;
	if (e == W_OK)
		e = bump(db, stored.article_id, who->now, &version);
	sqlite3_stmt *st = e == W_OK ? stmt_id(db, SQL_EDIT, u->id) : NULL;
	if (e == W_OK && !st)
		e = W_DB;
	if (e == W_OK) {
		sqlite3_bind_int64(st, 2, u->posted_at);
		db_bind_opt(st, 5, image_id);
		sqlite3_bind_int64(st, 6, version);
		sqlite3_bind_int64(st, 7, who->now);
		if ((e = db_bind_text(db, st, 3, u->body_md)) == W_OK &&
		    (e = db_bind_text(db, st, 4, html)) == W_OK)
			e = db_exec_changed(db, st, SQL_EDIT);
	}
	if (e == W_OK)
		e = revision(db, u->id, who, "live.edit");
	e = finish(db, e, who, "live.edit", stored.article_id, "");
out:
	arena_fini(&scratch);
	return e;
}

enum werr
db_live_delete(struct db *db, int64_t id, const struct live_who *who)
{
	enum werr e = db_begin(db);
	if (e != W_OK)
		return e;
	struct arena scratch;
	arena_init(&scratch);
	struct live_update stored;
	int64_t version = 0;
	e = reload(db, &scratch, id, &stored);
	if (e == W_OK && stored.deleted)
		e = W_NOTFOUND;
	if (e == W_OK)
		e = bump(db, stored.article_id, who->now, &version);
	sqlite3_stmt *st = e == W_OK ? stmt_id(db, SQL_DELETE, id) : NULL;
	if (e == W_OK && !st)
		e = W_DB;
	if (e == W_OK) {
		sqlite3_bind_int64(st, 2, version);
		sqlite3_bind_int64(st, 3, who->now);
		e = db_exec_changed(db, st, SQL_DELETE);
	}
	if (e == W_OK)
		e = revision(db, id, who, "live.delete");
	e = finish(db, e, who, "live.delete", stored.article_id, "");
	arena_fini(&scratch);
	return e;
}

enum werr
db_live_revisions(struct db *db, struct arena *a, int64_t id, size_t max,
		  struct live_revision **out, size_t *n)
{
	*n = 0;
	*out = arena_alloc(a, (max ? max : 1) * sizeof **out);
	if (!*out)
		return W_NOMEM;
	sqlite3_stmt *st = stmt_id(db, SQL_REVISIONS, id);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 2, (int64_t)max);
	return db_rows(db, st, a, revision_row, *out, sizeof **out, max, n,
		       NULL, SQL_REVISIONS);
}

enum werr
db_live_open_links(struct db *db, struct arena *a, int64_t now, size_t max,
		   struct live_link **out, size_t *n)
{
	*n = 0;
	*out = arena_alloc(a, (max ? max : 1) * sizeof **out);
	if (!*out)
		return W_NOMEM;
	sqlite3_stmt *st = stmt_id(db, SQL_OPEN_LINKS, now);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 2, (int64_t)max);
	return db_rows(db, st, a, link_row, *out, sizeof **out, max, n, NULL,
		       SQL_OPEN_LINKS);
}

enum werr
db_live_latest_link(struct db *db, struct arena *a, int64_t now,
		    struct live_link *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = stmt_id(db, SQL_LATEST_LINK, now);
	return st ? db_one(db, st, a, link_row, out, SQL_LATEST_LINK) : W_DB;
}

static const char SQL_MISSING[] =
	"SELECT id, body_md FROM live_updates"
	" WHERE id > ?1 AND body_html = '' AND deleted = 0 ORDER BY id LIMIT 1";
static const char SQL_SET_HTML[] =
	"UPDATE live_updates SET body_html = ?2 WHERE id = ?1";

enum werr
db_live_render_missing(struct db *db)
{
	struct arena a;
	arena_init(&a);
	enum werr e = W_OK;
	int64_t last = 0;
	for (;;) {
		sqlite3_stmt *st = stmt_id(db, SQL_MISSING, last);
		if (!st) {
			e = W_DB;
			break;
		}
		struct {
			int64_t id;
			const char *md;
		} row = {0, NULL};
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			row.id = sqlite3_column_int64(st, 0);
			row.md = db_col_text(st, 1, &a);
		}
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			break;
		if (rc != SQLITE_ROW) {
			e = db_fail(db, SQL_MISSING);
			break;
		}
		const char *html = NULL;
		e = row.md ? render(&a, row.md, &html) : W_NOMEM;
		if (e != W_OK)
			break;
		st = stmt_id(db, SQL_SET_HTML, row.id);
		if (!st) {
			e = W_DB;
			break;
		}
		if ((e = db_bind_text(db, st, 2, html)) == W_OK)
			e = db_exec(db, st, SQL_SET_HTML);
		if (e != W_OK)
			break;
		last = row.id;
		arena_reset(&a);
	}
	arena_fini(&a);
	return e;
}
