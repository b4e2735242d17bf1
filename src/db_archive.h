/* db_archive.h - the archive: public articles counted by local month and
 * day, and one local day's articles.
 *
 * "Local" is the site's zone, given as offset (seconds east of UTC, as in
 * struct site); Indonesia has no daylight saving time, so a day is always
 * [local midnight, +86400). "Public" is as in db_article.h. */
#ifndef WARTA_DB_ARCHIVE_H
#define WARTA_DB_ARCHIVE_H

#include <stdint.h>

#include "db.h"
#include "model.h"

/* A local month (day is 0) or day holding public articles. */
struct archive_count {
	int year, month, day;
	int64_t count;
	/* The latest change among them: a publication, an edit, or a story
	 * leaving the period (kept at write time, sql/006_scale.sql). */
	int64_t newest;
};

/* Every local month with public articles at now, newest first, into *out
 * (n entries, in a; NULL when n is 0). Reads one row per month of the
 * counts kept at write time, and today's entries of the index. */
enum werr db_archive_months(struct db *db, struct arena *a, int offset,
			    int64_t now, struct archive_count **out,
			    size_t *n) WUNUSED;

/* The days of local month year-month with public articles at now, newest
 * first, into *out as above; n is 0 for a month without any. Reads one row
 * per day of the counts kept at write time (and today's entries). W_NOTFOUND
 * for a month that does not exist (month outside 1-12, year outside
 * 1-9999). */
enum werr db_archive_days(struct db *db, struct arena *a, int year,
			  int month, int offset, int64_t now,
			  struct archive_count **out, size_t *n) WUNUSED;

/* The public articles of local day year-month-day, newest first: at most
 * limit (clamped to 1-200) of them older than *before (NULL or zero: from
 * the day's end), as db_articles_latest() gives them (with bylines);
 * out->more and out->next page within the day only. W_NOTFOUND for a
 * date that does not exist (2024-02-30). */
enum werr db_archive_day(struct db *db, struct arena *a, int year, int month,
			 int day, int offset, int64_t now,
			 const struct cursor *before, size_t limit,
			 struct article_list *out) WUNUSED;

#endif
