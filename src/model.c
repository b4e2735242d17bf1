/* model.c - article statuses by name, and who may see an article. */
#include <assert.h>
#include <string.h>

#include "model.h"

/* The names are the values of articles.status in sql/001_core.sql. */
static const char *const names[] = {
	[ST_DRAFT] = "draft",
	[ST_REVIEW] = "review",
	[ST_SCHEDULED] = "scheduled",
	[ST_PUBLISHED] = "published",
	[ST_UNPUBLISHED] = "unpublished",
};
static_assert(sizeof names / sizeof names[0] == ST__MAX, "status names");

const char *
article_status_name(enum article_status st)
{
	return (unsigned)st < ST__MAX ? names[st] : "unknown";
}

enum article_status
article_status_parse(const char *name)
{
	for (int i = 0; i < ST__MAX; i++)
		if (name && strcmp(name, names[i]) == 0)
			return (enum article_status)i;
	return ST__MAX;
}

bool
article_status_public(enum article_status st, int64_t published_at,
		      int64_t now)
{
	/* The same rule as the SQL in db_article.c, where a NULL
	 * published_at (read as 0) compares false. */
	return (st == ST_SCHEDULED || st == ST_PUBLISHED) &&
	       published_at != 0 && published_at <= now;
}

bool
article_is_public(const struct article *a, int64_t now)
{
	return article_status_public(a->status, a->published_at, now);
}
