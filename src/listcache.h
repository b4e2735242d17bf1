/* listcache.h - article lists a worker keeps across requests while the
 * site does not change: the article page's side column and related
 * stories, the same for every reader of a story (or of a section) and,
 * with their bylines, half the work of the page.
 *
 * The cache is valid for one site change stamp (cache_site_changed()):
 * any save, publication time passing or admin action empties it. A
 * stamp from the current second is never trusted, as a change later in
 * that second would leave it as it is; nothing is kept then. Each worker
 * (thread) has its own: no locks. */
#ifndef WARTA_LISTCACHE_H
#define WARTA_LISTCACHE_H

#include <stdint.h>

#include "arena.h"
#include "model.h"

#define LISTCACHE_MAX 256 /* lists kept; a full cache keeps what it has */

enum listcache_kind {
	LISTCACHE_LATEST,  /* key 0 */
	LISTCACHE_SECTION, /* key: the section */
	LISTCACHE_RELATED, /* key: the story */
};

struct listcache;

/* The cache *lc (made on first use) emptied unless it holds lists of
 * stamp; NULL when nothing may be kept at now (stamp <= 0, stamp >= now,
 * out of memory). */
struct listcache *listcache_at(struct listcache **lc, int64_t stamp,
			       int64_t now);

/* The kept list kind/key, or NULL (also for a NULL lc). Its items and
 * strings belong to the cache: copy the items before changing them. */
const struct article_list *listcache_get(const struct listcache *lc,
					 enum listcache_kind kind, int64_t key);

/* Where to read a list that listcache_put() is to keep: the cache's own
 * arena, or NULL when lc is NULL or full (read into the request's arena
 * then, and do not put). */
struct arena *listcache_arena(struct listcache *lc);

/* Keeps l (read into listcache_arena(lc)) as kind/key. */
void listcache_put(struct listcache *lc, enum listcache_kind kind,
		   int64_t key, const struct article_list *l);

void listcache_free(struct listcache *lc);

#endif
