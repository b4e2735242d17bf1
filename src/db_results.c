/* db_results.c - regions, candidate pairs and results entries in SQLite. */
#include <stdio.h>
#include <string.h>

#include "db_admin.h"
#include "db_results.h"
#include "slug.h"

static const char *const kind_names[REGION__MAX] = {
	[REGION_PROVINSI] = "provinsi",
	[REGION_KABUPATEN] = "kabupaten",
	[REGION_KOTA] = "kota",
};
static const char *const kind_labels[REGION__MAX] = {
	[REGION_PROVINSI] = "Provinsi",
	[REGION_KABUPATEN] = "Kabupaten",
	[REGION_KOTA] = "Kota",
};
static const char *const source_names[SOURCE__MAX] = {
	[SOURCE_KPU] = "kpu",
	[SOURCE_QUICK] = "quick",
};

const char *
region_kind_name(enum region_kind k)
{
	return (unsigned)k < REGION__MAX ? kind_names[k] : NULL;
}

const char *
region_kind_label(enum region_kind k)
{
	return (unsigned)k < REGION__MAX ? kind_labels[k] : NULL;
}

enum region_kind
region_kind_parse(const char *s)
{
	for (int k = 0; s && k < REGION__MAX; k++)
		if (strcmp(s, kind_names[k]) == 0)
			return (enum region_kind)k;
	return REGION__MAX;
}

const char *
result_source_name(enum result_source s)
{
	return (unsigned)s < SOURCE__MAX ? source_names[s] : NULL;
}

enum result_source
result_source_parse(const char *s)
{
	for (int k = 0; s && k < SOURCE__MAX; k++)
		if (strcmp(s, source_names[k]) == 0)
			return (enum result_source)k;
	return SOURCE__MAX;
}

#define REGION_COLS                                                            \
	"r.id, r.slug, r.name, r.kind, coalesce(r.tag_id, 0),"                \
	" coalesce(t.slug, ''), coalesce(t.name, ''), r.in_news, r.changed_at"
#define REGION_FROM " FROM regions r LEFT JOIN tags t ON t.id = r.tag_id"

static const char SQL_REGION_BY_SLUG[] =
	"SELECT " REGION_COLS REGION_FROM " WHERE r.slug = ?1";
static const char SQL_REGION_BY_ID[] =
	"SELECT " REGION_COLS REGION_FROM " WHERE r.id = ?1";
static const char SQL_REGIONS_ALL[] =
	"SELECT " REGION_COLS " FROM regions r INDEXED BY regions_name"
	" LEFT JOIN tags t ON t.id = r.tag_id ORDER BY r.name, r.id LIMIT ?1";
static const char SQL_REGIONS_NEWS[] =
	"SELECT " REGION_COLS " FROM regions r INDEXED BY regions_in_news"
	" LEFT JOIN tags t ON t.id = r.tag_id WHERE r.in_news = 1"
	" ORDER BY r.name, r.id LIMIT ?1";
static const char SQL_REGION_INSERT[] =
	"INSERT INTO regions (slug, name, kind, tag_id, in_news, changed_at)"
	" VALUES (?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_REGION_UPDATE[] =
	"UPDATE regions SET slug = ?2, name = ?3, kind = ?4, tag_id = ?5,"
	" in_news = ?6, changed_at = ?7 WHERE id = ?1";
static const char SQL_REGION_TOUCH[] =
	"UPDATE regions SET changed_at = max(changed_at, ?2) WHERE id = ?1";

#define CAND_COLS                                                              \
	"c.id, c.region_id, c.number, c.names, c.coalition,"                  \
	" coalesce(c.photo_id, 0),"                                          \
	" coalesce(CASE WHEN m.pkey IS NULL THEN m.name ELSE m.pkey || '-w' ||" \
	" min(m.width, 960) || '.jpg' END, '')"
static const char SQL_CANDIDATES[] =
	"SELECT " CAND_COLS " FROM candidates c"
	" LEFT JOIN media m ON m.id = c.photo_id"
	" WHERE c.region_id = ?1 ORDER BY c.number LIMIT ?2";
static const char SQL_CAND_COUNT[] =
	"SELECT count(*) FROM candidates WHERE region_id = ?1";
static const char SQL_CAND_GET[] =
	"SELECT coalesce(photo_id, 0) FROM candidates"
	" WHERE id = ?1 AND region_id = ?2";
static const char SQL_CAND_INSERT[] =
	"INSERT INTO candidates (region_id, number, names, coalition, photo_id)"
	" VALUES (?2, ?3, ?4, ?5, ?6)";
static const char SQL_CAND_UPDATE[] =
	"UPDATE candidates SET number = ?3, names = ?4, coalition = ?5,"
	" photo_id = ?6 WHERE id = ?1 AND region_id = ?2";
static const char SQL_CAND_DELETE[] =
	"DELETE FROM candidates WHERE id = ?1 AND region_id = ?2";
static const char SQL_ADD_MEDIA[] =
	"INSERT INTO media (name, mime, size, user_id, created_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5)";

static const char SQL_RESULT_INSERT[] =
	"INSERT INTO results (region_id, source, pollster, data_in, margin,"
	" counted_at, created_at, user_id, note) VALUES (?1, ?2, ?3, ?4, ?5,"
	" ?6, ?7, ?8, ?9)";
static const char SQL_NUMBER_INSERT[] =
	"INSERT INTO result_numbers (result_id, candidate_id, value)"
	" SELECT ?1, id, ?3 FROM candidates WHERE id = ?2 AND region_id = ?4";

#define RESULT_COLS                                                            \
	"x.id, x.region_id, x.source, x.pollster, coalesce(x.data_in, 0),"    \
	" coalesce(x.margin, 0), x.counted_at, x.created_at,"                 \
	" coalesce(u.name, ''), x.note"
static const char SQL_HISTORY[] =
	"SELECT " RESULT_COLS " FROM results x INDEXED BY results_region"
	" LEFT JOIN users u ON u.id = x.user_id"
	" WHERE x.region_id = ?1 ORDER BY x.id DESC LIMIT ?2";
/* The newest entry per source: one probe of results_latest per (source,
 * pollster) group, then the rows. KPU ('kpu' < 'quick') first. */
static const char SQL_LATEST[] =
	"SELECT " RESULT_COLS " FROM (SELECT max(id) AS id FROM results"
	" INDEXED BY results_latest WHERE region_id = ?1"
	" GROUP BY source, pollster) l"
	" JOIN results x ON x.id = l.id LEFT JOIN users u ON u.id = x.user_id"
	" ORDER BY x.source, x.id DESC LIMIT ?2";
static const char SQL_NUMBERS[] =
	"SELECT candidate_id, value FROM result_numbers WHERE result_id = ?1"
	" LIMIT ?2";

static enum werr
region_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct region *r = out;
	const char *kind = NULL;
	r->id = sqlite3_column_int64(st, 0);
	r->tag_id = sqlite3_column_int64(st, 4);
	r->in_news = sqlite3_column_int(st, 7) != 0;
	r->changed_at = sqlite3_column_int64(st, 8);
	bool ok = db_col(st, 1, a, &r->slug) && db_col(st, 2, a, &r->name) &&
		  db_col(st, 3, a, &kind) && db_col(st, 5, a, &r->tag_slug) &&
		  db_col(st, 6, a, &r->tag_name);
	if (ok)
		r->kind = region_kind_parse(kind);
	return ok ? W_OK : W_NOMEM;
}

static enum werr
candidate_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct candidate *c = out;
	c->id = sqlite3_column_int64(st, 0);
	c->region_id = sqlite3_column_int64(st, 1);
	c->number = sqlite3_column_int(st, 2);
	c->photo_id = sqlite3_column_int64(st, 5);
	bool ok = db_col(st, 3, a, &c->names) &&
		  db_col(st, 4, a, &c->coalition) &&
		  db_col(st, 6, a, &c->photo_name);
	return ok ? W_OK : W_NOMEM;
}

static enum werr
result_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct result_entry *r = out;
	const char *source = NULL;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->region_id = sqlite3_column_int64(st, 1);
	r->data_in = sqlite3_column_int(st, 4);
	r->margin = sqlite3_column_int(st, 5);
	r->counted_at = sqlite3_column_int64(st, 6);
	r->created_at = sqlite3_column_int64(st, 7);
	bool ok = db_col(st, 2, a, &source) && db_col(st, 3, a, &r->pollster) &&
		  db_col(st, 8, a, &r->user_name) && db_col(st, 9, a, &r->note);
	if (ok)
		r->source = result_source_parse(source);
	return ok ? W_OK : W_NOMEM;
}

static enum werr
one_region(struct db *db, struct arena *a, const char *sql, sqlite3_stmt *st,
	   struct region *out)
{
	return st ? db_one(db, st, a, region_row, out, sql) : W_DB;
}

enum werr
db_region_by_slug(struct db *db, struct arena *a, const char *slug,
		  struct region *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, SQL_REGION_BY_SLUG);
	if (!st)
		return W_DB;
	enum werr e = db_bind_text(db, st, 1, slug);
	return e == W_OK ? one_region(db, a, SQL_REGION_BY_SLUG, st, out) : e;
}

enum werr
db_region_by_id(struct db *db, struct arena *a, int64_t id, struct region *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, SQL_REGION_BY_ID);
	if (st)
		sqlite3_bind_int64(st, 1, id);
	return one_region(db, a, SQL_REGION_BY_ID, st, out);
}

enum werr
db_regions(struct db *db, struct arena *a, bool in_news_only, size_t max,
	   struct region **out, size_t *n)
{
	const char *sql = in_news_only ? SQL_REGIONS_NEWS : SQL_REGIONS_ALL;
	if (max > RESULTS_MAX_REGIONS)
		max = RESULTS_MAX_REGIONS;
	*n = 0;
	*out = arena_alloc(a, (max ? max : 1) * sizeof **out);
	if (!*out)
		return W_NOMEM;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, (int64_t)max);
	return db_rows(db, st, a, region_row, *out, sizeof **out, max, n, NULL,
		       sql);
}

/* Ends a transaction: audit row and COMMIT on success, else ROLLBACK. */
static enum werr
finish(struct db *db, enum werr e, const struct live_who *who,
       const char *action, const char *detail)
{
	if (e == W_OK)
		e = db_audit_add(db, who->user_id, action, 0, detail, who->addr,
				 who->now);
	if (e == W_OK)
		e = db_commit(db);
	if (e != W_OK)
		db_rollback(db);
	return e;
}

/* Moves region id's changed_at to now (never back). */
static enum werr
touch(struct db *db, int64_t id, int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, SQL_REGION_TOUCH);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, now);
	return db_exec_changed(db, st, SQL_REGION_TOUCH);
}

enum werr
db_region_save(struct db *db, struct region *r, const struct live_who *who)
{
	if (!r->slug || !slug_valid(r->slug) || !r->name || !*r->name ||
	    !region_kind_name(r->kind))
		return W_INVAL;
	enum werr e = db_begin(db);
	if (e != W_OK)
		return e;
	const char *sql = r->id ? SQL_REGION_UPDATE : SQL_REGION_INSERT;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st) {
		e = W_DB;
	} else {
		if (r->id)
			sqlite3_bind_int64(st, 1, r->id);
		db_bind_opt(st, 5, r->tag_id);
		sqlite3_bind_int(st, 6, r->in_news ? 1 : 0);
		sqlite3_bind_int64(st, 7, who->now);
		if ((e = db_bind_text(db, st, 2, r->slug)) == W_OK &&
		    (e = db_bind_text(db, st, 3, r->name)) == W_OK &&
		    (e = db_bind_text(db, st, 4, region_kind_name(r->kind))) ==
			    W_OK)
			e = r->id ? db_exec_changed(db, st, sql)
				  : db_exec(db, st, sql);
	}
	bool created = !r->id;
	if (e == W_OK && created)
		r->id = sqlite3_last_insert_rowid(db_sqlite(db));
	e = finish(db, e, who, created ? "region.add" : "region.edit", r->slug);
	if (e != W_OK && created)
		r->id = 0;
	if (e == W_OK)
		r->changed_at = who->now;
	return e;
}

enum werr
db_candidates(struct db *db, struct arena *a, int64_t region_id,
	      struct candidate **out, size_t *n)
{
	*n = 0;
	*out = arena_alloc(a, RESULTS_MAX_PAIRS * sizeof **out);
	if (!*out)
		return W_NOMEM;
	sqlite3_stmt *st = db_stmt(db, SQL_CANDIDATES);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, region_id);
	sqlite3_bind_int64(st, 2, RESULTS_MAX_PAIRS);
	return db_rows(db, st, a, candidate_row, *out, sizeof **out,
		       RESULTS_MAX_PAIRS, n, NULL, SQL_CANDIDATES);
}

static enum werr
add_media(struct db *db, const struct admin_media *m,
	  const struct live_who *who, int64_t *id)
{
	/* A processed picture is recorded already. */
	if (m->id) {
		*id = m->id;
		return W_OK;
	}
	sqlite3_stmt *st = db_stmt(db, SQL_ADD_MEDIA);
	if (!st)
		return W_DB;
	enum werr e;
	if ((e = db_bind_text(db, st, 1, m->name)) != W_OK ||
	    (e = db_bind_text(db, st, 2, m->mime)) != W_OK)
		return e;
	sqlite3_bind_int64(st, 3, (int64_t)m->size);
	db_bind_opt(st, 4, who->user_id);
	sqlite3_bind_int64(st, 5, who->now);
	e = db_exec(db, st, SQL_ADD_MEDIA);
	if (e == W_OK)
		*id = sqlite3_last_insert_rowid(db_sqlite(db));
	return e;
}

/* The count of pairs in region id, or its stored photo for pair cid. */
static enum werr
scalar(struct db *db, const char *sql, int64_t a1, int64_t a2, int64_t *out)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, a1);
	if (a2)
		sqlite3_bind_int64(st, 2, a2);
	return db_one(db, st, NULL, db_row_id, out, sql);
}

enum werr
db_candidate_save(struct db *db, struct candidate *c,
		  const struct admin_media *photo, bool remove_photo,
		  const struct live_who *who)
{
	if (!c->names || !*c->names || c->number < 1 || c->number > 99)
		return W_INVAL;
	enum werr e = db_begin(db);
	if (e != W_OK)
		return e;
	int64_t count = 0, photo_id = 0;
	if (c->id)
		e = scalar(db, SQL_CAND_GET, c->id, c->region_id, &photo_id);
	else if ((e = scalar(db, SQL_CAND_COUNT, c->region_id, 0, &count)) ==
			 W_OK &&
		 count >= RESULTS_MAX_PAIRS)
		e = W_INVAL;
	if (remove_photo)
		photo_id = 0;
	if (e == W_OK && photo)
		e = add_media(db, photo, who, &photo_id);
	const char *sql = c->id ? SQL_CAND_UPDATE : SQL_CAND_INSERT;
	sqlite3_stmt *st = e == W_OK ? db_stmt(db, sql) : NULL;
	if (e == W_OK && !st)
		e = W_DB;
	if (e == W_OK) {
		sqlite3_bind_int64(st, 1, c->id);
		sqlite3_bind_int64(st, 2, c->region_id);
		sqlite3_bind_int(st, 3, c->number);
		db_bind_opt(st, 6, photo_id);
		if ((e = db_bind_text(db, st, 4, c->names)) == W_OK &&
		    (e = db_bind_text(db, st, 5, c->coalition)) == W_OK)
			e = c->id ? db_exec_changed(db, st, sql)
				  : db_exec(db, st, sql);
	}
	bool created = !c->id;
	if (e == W_OK && created)
		c->id = sqlite3_last_insert_rowid(db_sqlite(db));
	if (e == W_OK)
		e = touch(db, c->region_id, who->now);
	char detail[64];
	snprintf(detail, sizeof detail, "region %lld: %d",
		 (long long)c->region_id, c->number);
	e = finish(db, e, who, created ? "paslon.add" : "paslon.edit", detail);
	if (e != W_OK && created)
		c->id = 0;
	if (e == W_OK)
		c->photo_id = photo_id;
	return e;
}

enum werr
db_candidate_delete(struct db *db, int64_t region_id, int64_t id,
		    const struct live_who *who)
{
	enum werr e = db_begin(db);
	if (e != W_OK)
		return e;
	sqlite3_stmt *st = db_stmt(db, SQL_CAND_DELETE);
	if (!st) {
		e = W_DB;
	} else {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, region_id);
		e = db_exec_changed(db, st, SQL_CAND_DELETE);
	}
	if (e == W_OK)
		e = touch(db, region_id, who->now);
	char detail[64];
	snprintf(detail, sizeof detail, "region %lld: pair %lld",
		 (long long)region_id, (long long)id);
	return finish(db, e, who, "paslon.delete", detail);
}

/* W_OK when ids[0..n) are exactly the pairs of region id, each once. */
static enum werr
same_pairs(struct db *db, struct arena *a, const struct result_entry *r)
{
	struct candidate *c;
	size_t n;
	enum werr e = db_candidates(db, a, r->region_id, &c, &n);
	if (e != W_OK)
		return e;
	if (n == 0 || n != r->n)
		return W_INVAL;
	for (size_t i = 0; i < n; i++) {
		size_t hits = 0;
		for (size_t k = 0; k < r->n; k++)
			hits += r->candidate_ids[k] == c[i].id;
		if (hits != 1)
			return W_INVAL;
	}
	return W_OK;
}

enum werr
db_result_add(struct db *db, struct result_entry *r,
	      const struct live_who *who)
{
	const char *source = result_source_name(r->source);
	if (!source || r->n > RESULTS_MAX_PAIRS)
		return W_INVAL;
	int64_t sum = 0;
	for (size_t i = 0; i < r->n; i++) {
		if (r->values[i] < 0)
			return W_INVAL;
		sum += r->values[i];
	}
	if (r->source == SOURCE_QUICK && sum > 10000)
		return W_INVAL;
	enum werr e = db_begin(db);
	if (e != W_OK)
		return e;
	struct arena scratch;
	arena_init(&scratch);
	e = same_pairs(db, &scratch, r);
	sqlite3_stmt *st = e == W_OK ? db_stmt(db, SQL_RESULT_INSERT) : NULL;
	if (e == W_OK && !st)
		e = W_DB;
	if (e == W_OK) {
		sqlite3_bind_int64(st, 1, r->region_id);
		if (r->source == SOURCE_KPU) {
			sqlite3_bind_int(st, 4, r->data_in);
		} else {
			sqlite3_bind_int(st, 5, r->margin);
		}
		sqlite3_bind_int64(st, 6, r->counted_at);
		sqlite3_bind_int64(st, 7, who->now);
		db_bind_opt(st, 8, who->user_id);
		if ((e = db_bind_text(db, st, 2, source)) == W_OK &&
		    (e = db_bind_text(db, st, 9, r->note)) == W_OK &&
		    (e = db_bind_text(db, st, 3,
				      r->source == SOURCE_KPU ? ""
							      : r->pollster)) ==
			    W_OK)
			e = db_exec(db, st, SQL_RESULT_INSERT);
	}
	int64_t id = e == W_OK ? sqlite3_last_insert_rowid(db_sqlite(db)) : 0;
	for (size_t i = 0; e == W_OK && i < r->n; i++) {
		st = db_stmt(db, SQL_NUMBER_INSERT);
		if (!st) {
			e = W_DB;
			break;
		}
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, r->candidate_ids[i]);
		sqlite3_bind_int64(st, 3, r->values[i]);
		sqlite3_bind_int64(st, 4, r->region_id);
		e = db_exec_changed(db, st, SQL_NUMBER_INSERT);
		if (e == W_NOTFOUND)
			e = W_INVAL;
	}
	if (e == W_OK)
		e = touch(db, r->region_id, who->now);
	char detail[64];
	snprintf(detail, sizeof detail, "region %lld: %s",
		 (long long)r->region_id, source);
	e = finish(db, e, who, "results.add", detail);
	arena_fini(&scratch);
	if (e == W_OK) {
		r->id = id;
		r->created_at = who->now;
	}
	return e;
}

/* Reads the numbers of each of the n entries. */
static enum werr
numbers(struct db *db, struct result_entry *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st = db_stmt(db, SQL_NUMBERS);
		if (!st)
			return W_DB;
		sqlite3_bind_int64(st, 1, r[i].id);
		sqlite3_bind_int64(st, 2, RESULTS_MAX_PAIRS);
		int rc;
		r[i].n = 0;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (r[i].n == RESULTS_MAX_PAIRS)
				break;
			r[i].candidate_ids[r[i].n] =
				sqlite3_column_int64(st, 0);
			r[i].values[r[i].n] = sqlite3_column_int64(st, 1);
			r[i].n++;
		}
		enum werr e = rc == SQLITE_ROW || rc == SQLITE_DONE
				      ? W_OK
				      : db_fail(db, SQL_NUMBERS);
		sqlite3_reset(st);
		if (e != W_OK)
			return e;
	}
	return W_OK;
}

static enum werr
entries(struct db *db, struct arena *a, const char *sql, int64_t region_id,
	size_t max, struct result_entry **out, size_t *n)
{
	*n = 0;
	*out = arena_alloc(a, (max ? max : 1) * sizeof **out);
	if (!*out)
		return W_NOMEM;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	sqlite3_bind_int64(st, 1, region_id);
	sqlite3_bind_int64(st, 2, (int64_t)max);
	enum werr e = db_rows(db, st, a, result_row, *out, sizeof **out, max,
			      n, NULL, sql);
	return e == W_OK ? numbers(db, *out, *n) : e;
}

enum werr
db_results_latest(struct db *db, struct arena *a, int64_t region_id,
		  size_t max, struct result_entry **out, size_t *n)
{
	return entries(db, a, SQL_LATEST, region_id, max, out, n);
}

enum werr
db_results_history(struct db *db, struct arena *a, int64_t region_id,
		   size_t max, struct result_entry **out, size_t *n)
{
	return entries(db, a, SQL_HISTORY, region_id, max, out, n);
}
