/* db_live.h - live blogs: a story opened as live coverage, its
 * timestamped updates, their revisions, and what readers poll.
 *
 * Every change (open, close, post, edit, delete) is one transaction that
 * also writes its audit-log row and, for updates, a revision; each bumps
 * the blog's version, which the reader's poll names ("what changed after
 * version N"). Every function takes the worker's connection; records live
 * in the arena given. One connection, one thread. */
#ifndef WARTA_DB_LIVE_H
#define WARTA_DB_LIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "db_admin_article.h"

struct live_blog {
	int64_t article_id;
	int64_t started_at;
	int64_t ended_at; /* 0 while open */
	int64_t version;
	int64_t changed_at;
};

struct live_update {
	int64_t id;
	int64_t article_id;
	int64_t posted_at;
	const char *body_md;
	const char *body_html;
	int64_t image_id;	/* 0: none */
	const char *image_name; /* its media file name, "" when none */
	struct photo photo;	/* the picture as pages show it; id 0: none */
	int64_t author_id;	/* 0: none */
	const char *author;	/* byline name, or the account name; "" */
	int64_t user_id;	/* who posted it; 0: gone */
	int64_t version;
	bool deleted;
	int64_t created_at;
	int64_t updated_at;
};

/* Who changes a live blog, when, and from where (for the audit log). */
struct live_who {
	int64_t user_id;
	const char *addr;
	int64_t now;
};

/* The most updates one page shows. */
#define DB_LIVE_PAGE 200

/* The live blog of article id; W_NOTFOUND when it is not one. */
enum werr db_live_get(struct db *db, int64_t article_id,
		      struct live_blog *out) WUNUSED;

/* Makes article id a live blog (coverage starting now) or reopens a
 * closed one; logs "live.open". W_NOTFOUND when no such article;
 * W_CONFLICT when it is already open. */
enum werr db_live_open(struct db *db, int64_t article_id,
		       const struct live_who *who) WUNUSED;

/* Closes live blog id (coverage ends now); logs "live.close". W_NOTFOUND
 * when it is not a live blog, W_CONFLICT when already closed. */
enum werr db_live_close(struct db *db, int64_t article_id,
			const struct live_who *who) WUNUSED;

/* The shown updates of a live blog, newest first (posted_at, id), at
 * most max (capped at DB_LIVE_PAGE). */
enum werr db_live_updates(struct db *db, struct arena *a, int64_t article_id,
			  size_t max, struct live_update **out,
			  size_t *n) WUNUSED;

/* The updates changed after version since (deleted ones included, as
 * tombstones), in version order, at most max (capped at DB_LIVE_PAGE);
 * *more tells whether further changes exist. */
enum werr db_live_changes(struct db *db, struct arena *a, int64_t article_id,
			  int64_t since, size_t max, struct live_update **out,
			  size_t *n, bool *more) WUNUSED;

/* Update id, deleted or not; W_NOTFOUND when there is none. */
enum werr db_live_update_get(struct db *db, struct arena *a, int64_t id,
			     struct live_update *out) WUNUSED;

/* Posts u (article_id, posted_at, body_md, author_id; the image when
 * image is non-NULL, as a new media row) to an OPEN live blog, renders its
 * Markdown, writes revision and audit row "live.post"; u->id and the
 * stored fields are filled in. W_NOTFOUND: not a live blog; W_CONFLICT:
 * closed; W_INVAL: empty text. Nothing is written on error. */
enum werr db_live_post(struct db *db, struct live_update *u,
		       const struct admin_media *image,
		       const struct live_who *who) WUNUSED;

/* Saves the text, time and (when image is non-NULL) a new picture of
 * stored update u->id (remove_image drops the picture); "live.edit".
 * Closed blogs may still be corrected. W_NOTFOUND for a deleted or
 * missing update, W_INVAL for empty text. */
enum werr db_live_edit(struct db *db, struct live_update *u,
		       const struct admin_media *image, bool remove_image,
		       const struct live_who *who) WUNUSED;

/* Deletes update id (a tombstone; its text stays in its revisions);
 * "live.delete". W_NOTFOUND for a missing or already deleted update. */
enum werr db_live_delete(struct db *db, int64_t id,
			 const struct live_who *who) WUNUSED;

struct live_revision {
	int64_t id;
	int64_t created_at;
	const char *action;    /* "live.post", "live.edit", "live.delete" */
	const char *user_name; /* "" when the account is gone */
	const char *body_md;   /* the text in that revision */
};

/* Revisions of update id, newest first, at most max. */
enum werr db_live_revisions(struct db *db, struct arena *a, int64_t id,
			    size_t max, struct live_revision **out,
			    size_t *n) WUNUSED;

/* A public live blog as the menu and the home page link it. */
struct live_link {
	int64_t article_id;
	const char *slug;
	const char *title;
	int64_t published_at;
	int64_t started_at;
	int64_t ended_at; /* 0 while open */
};

/* The open live blogs whose story is public at now, newest coverage
 * first, at most max. */
enum werr db_live_open_links(struct db *db, struct arena *a, int64_t now,
			     size_t max, struct live_link **out,
			     size_t *n) WUNUSED;

/* The newest live blog whose story is public at now, open or closed
 * (among the newest 20 started). W_NOTFOUND when there is none. */
enum werr db_live_latest_link(struct db *db, struct arena *a, int64_t now,
			      struct live_link *out) WUNUSED;

/* Renders the Markdown of every update whose body_html is empty (the demo
 * newsroom's, loaded as SQL), inside the caller's transaction. */
enum werr db_live_render_missing(struct db *db) WUNUSED;

#endif
