/* db_results.h - the results desk: regions holding an election, their
 * candidate pairs (paslon) and results entries (the KPU real count or a
 * pollster's quick count), kept as history with the newest shown.
 *
 * Every change is one transaction with its audit-log row and moves the
 * region's changed_at, so pages showing its results change their
 * validators. Records live in the arena given; one connection, one
 * thread. */
#ifndef WARTA_DB_RESULTS_H
#define WARTA_DB_RESULTS_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "db_admin_article.h"
#include "db_live.h"

/* The most pairs a region has; the most regions a list returns. */
#define RESULTS_MAX_PAIRS 12
#define RESULTS_MAX_REGIONS 200

enum region_kind { REGION_PROVINSI, REGION_KABUPATEN, REGION_KOTA, REGION__MAX };

/* "provinsi", "kabupaten", "kota" and back (REGION__MAX when unknown);
 * the label is "Provinsi", "Kabupaten", "Kota". Static storage. */
const char *region_kind_name(enum region_kind k);
const char *region_kind_label(enum region_kind k);
enum region_kind region_kind_parse(const char *s);

struct region {
	int64_t id; /* 0: not saved yet */
	const char *slug;
	const char *name;
	enum region_kind kind;
	int64_t tag_id; /* its stories' tag; 0: none */
	const char *tag_slug; /* filled by loads; "" when none */
	const char *tag_name;
	bool in_news;
	int64_t changed_at;
};

struct candidate {
	int64_t id; /* 0: not saved yet */
	int64_t region_id;
	int number;
	const char *names;
	const char *coalition;
	int64_t photo_id;	/* 0: none */
	const char *photo_name; /* filled by loads; "" when none */
};

enum result_source { SOURCE_KPU, SOURCE_QUICK, SOURCE__MAX };

/* "kpu", "quick" and back (SOURCE__MAX when unknown). */
const char *result_source_name(enum result_source s);
enum result_source result_source_parse(const char *s);

struct result_entry {
	int64_t id;
	int64_t region_id;
	enum result_source source;
	const char *pollster; /* quick count: the pollster; "" for KPU */
	int data_in;	      /* KPU: data in, hundredths of a percent */
	int margin;	      /* quick count: margin of error, same unit */
	int64_t counted_at;   /* the time the source gives */
	const char *note;     /* shown with the numbers; "" for none */
	int64_t created_at;
	const char *user_name; /* who entered it; "" when gone */
	/* Per pair: votes (KPU) or hundredths of a percent (quick count). */
	int64_t candidate_ids[RESULTS_MAX_PAIRS];
	int64_t values[RESULTS_MAX_PAIRS];
	size_t n;
};

enum werr db_region_by_slug(struct db *db, struct arena *a, const char *slug,
			    struct region *out) WUNUSED;
enum werr db_region_by_id(struct db *db, struct arena *a, int64_t id,
			  struct region *out) WUNUSED;

/* Regions by name, all or only those in the news, at most max (capped at
 * RESULTS_MAX_REGIONS). */
enum werr db_regions(struct db *db, struct arena *a, bool in_news_only,
		     size_t max, struct region **out, size_t *n) WUNUSED;

/* Inserts (r->id 0) or updates region r; logs "region.add" or
 * "region.edit". W_CONFLICT: slug taken; W_INVAL: a constraint (empty
 * name, bad slug, unknown kind or tag); W_NOTFOUND: no region r->id. */
enum werr db_region_save(struct db *db, struct region *r,
			 const struct live_who *who) WUNUSED;

/* The pairs of region id by number (at most RESULTS_MAX_PAIRS). */
enum werr db_candidates(struct db *db, struct arena *a, int64_t region_id,
			struct candidate **out, size_t *n) WUNUSED;

/* Inserts or updates pair c (photo, when non-NULL, as a new media row;
 * remove_photo drops it); logs "paslon.add"/"paslon.edit". W_CONFLICT:
 * the number is taken in the region; W_INVAL: a constraint, or the region
 * already has RESULTS_MAX_PAIRS pairs; W_NOTFOUND: no pair c->id in
 * c->region_id. */
enum werr db_candidate_save(struct db *db, struct candidate *c,
			    const struct admin_media *photo, bool remove_photo,
			    const struct live_who *who) WUNUSED;

/* Deletes pair id of region region_id with its numbers; "paslon.delete". */
enum werr db_candidate_delete(struct db *db, int64_t region_id, int64_t id,
			      const struct live_who *who) WUNUSED;

/* Adds entry r to region r->region_id: one number per pair of the region
 * (r->candidate_ids must name exactly the region's pairs); logs
 * "results.add". W_INVAL for a wrong pair set or a failed constraint
 * (KPU: data_in 0..10000, no pollster; quick count: a pollster, margin
 * 0..10000; a quick count's percentages may not add up to over 100%).
 * r->id is set. */
enum werr db_result_add(struct db *db, struct result_entry *r,
			const struct live_who *who) WUNUSED;

/* The newest entry of each source of region id (the KPU real count
 * first, then quick counts newest first), at most max. */
enum werr db_results_latest(struct db *db, struct arena *a, int64_t region_id,
			    size_t max, struct result_entry **out,
			    size_t *n) WUNUSED;

/* Every entry of region id, newest first, at most max. */
enum werr db_results_history(struct db *db, struct arena *a, int64_t region_id,
			     size_t max, struct result_entry **out,
			     size_t *n) WUNUSED;

#endif
