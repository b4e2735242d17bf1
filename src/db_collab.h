/* db_collab.h - several editors on one story: who has which story open in
 * the editor (presence), and each user's autosave of the form they are
 * typing in, which is never a revision and never public.
 *
 * Every function takes the worker's connection; records returned live in
 * the arena given. One connection, one thread. */
#ifndef WARTA_DB_COLLAB_H
#define WARTA_DB_COLLAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

/* Opening the editor counts as editing for this long, JavaScript or not;
 * a heartbeat (static/admin.js, every PRESENCE_BEAT_EVERY seconds) keeps
 * it for PRESENCE_BEAT_TTL from each beat, so a closed tab is soon gone. */
#define PRESENCE_OPEN_TTL (5 * 60)
#define PRESENCE_BEAT_TTL 90
#define PRESENCE_BEAT_EVERY 30

/* One user with a story open. */
struct presence {
	int64_t article_id;
	int64_t user_id;
	const char *name; /* the account's name */
	int64_t since;	  /* when they opened it */
};

/* user_id has article_id open at now, for ttl more seconds: the opening
 * (PRESENCE_OPEN_TTL) or a heartbeat (PRESENCE_BEAT_TTL). since stays
 * while the presence is live, else starts at now. Also forgets presences
 * that have expired. W_INVAL when the article or user does not exist. */
enum werr db_presence_touch(struct db *db, int64_t article_id,
			    int64_t user_id, int64_t now, int64_t ttl) WUNUSED;

/* user_id closed article_id (nothing when it was not open). */
enum werr db_presence_leave(struct db *db, int64_t article_id,
			    int64_t user_id) WUNUSED;

/* Who else than user_id has any of the n articles ids open at now, each
 * article's in order of opening; at most max. *out is an array of *n in
 * a. One query, by the primary key. */
enum werr db_presence_of(struct db *db, struct arena *a, const int64_t *ids,
			 size_t nids, size_t stride, int64_t user_id,
			 int64_t now, size_t max, struct presence **out,
			 size_t *n) WUNUSED;

/* A user's autosave of the editor form: its text fields as typed. */
struct autosave {
	int64_t version;  /* the version the form was opened on (0: new) */
	int64_t saved_at;
	const char *title;
	const char *slug;
	const char *lead;
	const char *dateline;
	const char *body_md;
	const char *tags;
	const char *picks;
};

/* Keeps s as user_id's autosave of article_id (0: their new story not
 * saved yet), replacing the one before. */
enum werr db_autosave_put(struct db *db, int64_t user_id, int64_t article_id,
			  const struct autosave *s) WUNUSED;

/* user_id's autosave of article_id; W_NOTFOUND when there is none. No one
 * else's is ever returned. */
enum werr db_autosave_get(struct db *db, struct arena *a, int64_t user_id,
			  int64_t article_id, struct autosave *out) WUNUSED;

/* Forgets user_id's autosave of article_id (nothing when there is none):
 * after a save, or when they discard it. */
enum werr db_autosave_drop(struct db *db, int64_t user_id,
			   int64_t article_id) WUNUSED;

#endif
