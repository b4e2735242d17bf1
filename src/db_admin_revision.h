/* db_admin_revision.h - an article's history: the revisions that
 * db_admin_article_save() writes, listed for the editor and restored.
 *
 * Every function takes the worker's connection; records returned live in
 * the arena given. One connection, one thread. */
#ifndef WARTA_DB_ADMIN_REVISION_H
#define WARTA_DB_ADMIN_REVISION_H

#include "db_admin_article.h"

struct admin_revision {
	int64_t id;
	int64_t created_at;
	const char *user_name; /* "" when the account is gone */
	const char *title;     /* the title in that revision */
	const char *status;    /* the status name in that revision */
};

/* The newest revisions of article id first, at most max (the list ends
 * there: the oldest are rarely wanted). */
enum werr db_admin_revisions(struct db *db, struct arena *a, int64_t id,
			     size_t max, struct admin_revision **out,
			     size_t *n) WUNUSED;

/* Overwrites the content of *art (title, slug, lead, dateline, body,
 * section, featured, authors, tags, picks, image, caption, credit) with
 * revision rev of article art->id; status, times and people stay. Parts
 * that no longer exist are left as they are (a deleted section or image)
 * or skipped (a deleted author, unless none is left). W_NOTFOUND when the
 * revision is not one of this article's. */
enum werr db_admin_revision_apply(struct db *db, struct arena *a, int64_t rev,
				  struct admin_article *art) WUNUSED;

/* What the conflict page compares of one saved version of an article. */
struct admin_snapshot {
	const char *title;
	const char *lead;
	const char *body_md;
	const char *tags;      /* names joined with ", " */
	const char *status;    /* the status name */
	const char *user_name; /* who saved it; "" when unknown */
	int64_t created_at;
};

/* The revision that saved version of article id (the newest such, should
 * a restore have repeated one). W_NOTFOUND when there is none: a version
 * older than revisions' version column, or a deleted article. */
enum werr db_admin_revision_at(struct db *db, struct arena *a, int64_t id,
			       int64_t version,
			       struct admin_snapshot *out) WUNUSED;

#endif
