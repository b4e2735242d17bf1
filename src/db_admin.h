/* db_admin.h - the article lists of the admin (the dashboard's short ones
 * and the filtered, paged listing) and the audit log insert. Records live
 * in the arena given. */
#ifndef WARTA_DB_ADMIN_H
#define WARTA_DB_ADMIN_H

#include "db.h"
#include "model.h"

/* Which dashboard list: my drafts, awaiting review, scheduled for later. */
enum dash {
	DASH_DRAFTS,	/* status draft, newest change first */
	DASH_REVIEW,	/* status review, newest change first */
	DASH_SCHEDULED, /* status scheduled and not yet due, soonest first */
	DASH__MAX
};

/* Up to limit articles of list which; only those created by account
 * created_by when it is not 0 (DASH_DRAFTS requires it). Items carry id,
 * slug, title, status, section (id, slug, name), published_at,
 * updated_at and created_at; no authors, tags or bodies. out->more tells
 * whether there were more than limit. W_INVAL for an unknown list or
 * DASH_DRAFTS without created_by. */
enum werr db_admin_dash(struct db *db, struct arena *a, enum dash which,
			int64_t created_by, int64_t now, size_t limit,
			struct article_list *out) WUNUSED;

/* The admin listing's filters; zero values filter nothing. */
struct admin_filter {
	enum article_status status; /* ST__MAX: any */
	int64_t section_id;
	int64_t author_id; /* in the byline */
	const char *q;	   /* words that must all be in the title */
};

struct admin_row {
	int64_t id;
	const char *title;
	const char *slug;
	enum article_status status;
	const char *section;
	const char *authors; /* "Ana, Budi" in byline order */
	const char *creator; /* account name, "" when none */
	int64_t created_by;
	int64_t published_at;
	int64_t updated_at;
	int64_t version; /* for a bulk action based on what the list showed */
};

struct admin_list {
	struct admin_row *items;
	size_t n;
	bool more;	    /* older items follow */
	struct cursor next; /* (updated_at, id) of the last item */
};

/* Articles matching f, most recently changed first, strictly older than
 * *before by (updated_at, id) (NULL or zero: from the newest), at most
 * limit (capped at 200). The title words match case-insensitively for
 * ASCII, as plain text (% and _ are not wildcards), at most 8 of them. */
enum werr db_admin_articles(struct db *db, struct arena *a,
			    const struct admin_filter *f,
			    const struct cursor *before, size_t limit,
			    struct admin_list *out) WUNUSED;

/* The scheduled articles still to come at now, soonest first, at most
 * limit: the agenda. *out is an array of *n in a. */
enum werr db_admin_scheduled(struct db *db, struct arena *a, int64_t now,
			     size_t limit, struct admin_row **out,
			     size_t *n) WUNUSED;

/* Appends one audit-log row. user_id and article_id are 0 for none;
 * detail and addr may be NULL for "". */
enum werr db_audit_add(struct db *db, int64_t user_id, const char *action,
		       int64_t article_id, const char *detail, const char *addr,
		       int64_t now) WUNUSED;

#endif
