/* model.h - the newsroom's records as the pages see them.
 *
 * Strings are NUL-terminated UTF-8 copied out of SQLite into the arena the
 * loading function was given; they live as long as that arena. */
#ifndef WARTA_MODEL_H
#define WARTA_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct author {
	int64_t id;
	const char *slug;
	const char *name;
	const char *initials; /* sign-off, e.g. "Ars" */
	const char *bio;
};

struct section {
	int64_t id;
	const char *slug;
	const char *name;
	const char *description;
};

struct tag {
	int64_t id;
	const char *slug;
	const char *name;
	const char *description;
};

/* A picture of the media library (sql/007_media.sql) as the pages show
 * it; id 0 is none. A row without a key is a legacy upload, served as it
 * was stored under /media/NAME; one with a key has the renditions that
 * picture.h names. */
struct photo {
	int64_t id;
	const char *key;     /* media.pkey; NULL or "" for a legacy upload */
	const char *name;    /* media.name: the stored file of a legacy one */
	int width, height;   /* of the original; 0 when unknown (legacy) */
	int fx, fy;	     /* focal point in thousandths */
	const char *alt;     /* "" when the newsroom gave none */
	const char *caption; /* the story's override, else the library's */
	const char *credit;  /* likewise, "Foto: ANTARA/Nama" */
};

enum article_status {
	ST_DRAFT,
	ST_REVIEW,
	ST_SCHEDULED,
	ST_PUBLISHED,
	ST_UNPUBLISHED,
	ST__MAX
};

/* "draft", "review", ... and back; article_status_parse returns ST__MAX for
 * an unknown name. */
const char *article_status_name(enum article_status st);
enum article_status article_status_parse(const char *name);

struct article {
	int64_t id;
	const char *slug;
	const char *title;
	const char *lead;
	const char *dateline; /* city, e.g. "Tangerang" */
	const char *body_md;  /* only filled by db_article_by_slug/_by_id */
	const char *body_html;
	enum article_status status;
	struct section section;
	int64_t published_at; /* 0 when never published */
	int64_t updated_at;
	int64_t created_at;
	bool featured;
	const char *unpublish_reason;
	struct author *authors; /* in byline order */
	size_t nauthors;
	struct tag *tags;
	size_t ntags;
	struct photo photo; /* the featured picture; photo.id 0: none */
};

/* Keyset position in a newest-first listing: items strictly older than
 * (time, id). A zero cursor means "from the newest". */
struct cursor {
	int64_t time;
	int64_t id;
};

/* A page of a listing. Items carry id, slug, title, lead, section,
 * published_at, updated_at, featured and authors; not bodies or tags. */
struct article_list {
	struct article *items;
	size_t n;
	bool more;	    /* there are older items */
	struct cursor next; /* cursor for the next page when more */
};

/* The rule every public query and page shares: an article with status st
 * and publication time published_at (0: none) is on the site at now when
 * it is scheduled or published and that time has come. A scheduled article
 * goes public by itself, with no job to run. Pure. */
bool article_status_public(enum article_status st, int64_t published_at,
			   int64_t now);

/* True when a reader may see a at time now (article_status_public). */
bool article_is_public(const struct article *a, int64_t now);

#endif
