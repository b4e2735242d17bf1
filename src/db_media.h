/* db_media.h - the picture library: media rows (sql/007_media.sql), what
 * the newsroom writes about them, and which stories show them
 * (article_media, kept by db_admin_article_save). */
#ifndef WARTA_DB_MEDIA_H
#define WARTA_DB_MEDIA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "db.h"
#include "picture.h"

/* One picture of the library. A legacy upload (before 007) has an empty
 * pic.key and its file is name. */
struct media_item {
	int64_t id;
	const char *name;
	struct picture pic;
	const char *caption, *credit, *alt;
	const char *uploader; /* the account's name, "" when gone */
	int64_t user_id;      /* the uploader's account, 0 when gone */
	int64_t created_at, updated_at;
	int64_t nused;	      /* stories that show it */
	const char *used_titles; /* up to three of them, " · " between */
};

/* A story that shows a picture. */
struct media_use {
	int64_t id;
	const char *title, *status;
	bool public; /* published or scheduled: the picture must stay */
};

/* The id of the picture with this key; W_NOTFOUND when none. */
enum werr db_media_by_key(struct db *db, const char *key, int64_t *id)
	WUNUSED;

/* Records a processed picture (p's key, size and focal point, the upload's
 * size in bytes) or finds the one with its key: *id is the row either
 * way, *created tells which. */
enum werr db_media_add(struct db *db, const struct picture *p, size_t size,
		       int64_t user_id, int64_t now, int64_t *id,
		       bool *created) WUNUSED;

/* Loads picture id; W_NOTFOUND when none. Text in a. */
enum werr db_media_get(struct db *db, struct arena *a, int64_t id,
		       struct media_item *out) WUNUSED;

/* The library, newest first, after the keyset position (before_t,
 * before_id) (0, 0: from the start), narrowed to pictures whose caption or
 * credit contains q (NULL or "": all); up to max items in *items (in a),
 * *more when there are further ones. */
enum werr db_media_list(struct db *db, struct arena *a, const char *q,
			int64_t before_t, int64_t before_id, size_t max,
			struct media_item **items, size_t *n,
			bool *more) WUNUSED;

/* The stories that show picture id, up to max, public ones first. */
enum werr db_media_uses(struct db *db, struct arena *a, int64_t id,
			size_t max, struct media_use **uses,
			size_t *n) WUNUSED;

/* Saves what the newsroom writes about picture id, and its focal point.
 * W_NOTFOUND when there is none. */
enum werr db_media_update(struct db *db, int64_t id, const char *caption,
			  const char *credit, const char *alt, int fx, int fy,
			  int64_t now) WUNUSED;

/* Deletes picture id in one transaction, unless a public story (published
 * or scheduled) shows it: then W_CONFLICT and nothing changes. Drafts that
 * showed it lose it (their featured picture is cleared; an inline
 * [[foto:ID]] of theirs shows nothing). *out gets the deleted row (for
 * removing its files and the audit), in a. */
enum werr db_media_delete(struct db *db, struct arena *a, int64_t id,
			  int64_t user_id, const char *addr, int64_t now,
			  struct media_item *out) WUNUSED;

/* Whether any of the n pictures ids (a story's featured and inline ones)
 * has an empty alt text; *missing gets the first such id. Unknown ids are
 * skipped. */
enum werr db_media_alt_missing(struct db *db, const int64_t *ids, size_t n,
			       int64_t *missing) WUNUSED;

#endif
