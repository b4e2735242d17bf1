/* listcache.c - article lists kept across a worker's requests. */
#include <stdlib.h>

#include "listcache.h"

struct listcache {
	struct arena arena; /* every kept list and its strings */
	int64_t stamp;
	size_t n;
	struct {
		enum listcache_kind kind;
		int64_t key;
		struct article_list list;
	} e[LISTCACHE_MAX];
};

struct listcache *
listcache_at(struct listcache **lc, int64_t stamp, int64_t now)
{
	if (stamp <= 0 || stamp >= now)
		return NULL;
	if (!*lc) {
		*lc = calloc(1, sizeof **lc);
		if (!*lc)
			return NULL;
		arena_init(&(*lc)->arena);
		(*lc)->stamp = stamp;
	}
	if ((*lc)->stamp != stamp) {
		arena_reset(&(*lc)->arena);
		(*lc)->stamp = stamp;
		(*lc)->n = 0;
	}
	return *lc;
}

const struct article_list *
listcache_get(const struct listcache *lc, enum listcache_kind kind,
	      int64_t key)
{
	for (size_t i = 0; lc && i < lc->n; i++)
		if (lc->e[i].kind == kind && lc->e[i].key == key)
			return &lc->e[i].list;
	return NULL;
}

struct arena *
listcache_arena(struct listcache *lc)
{
	return lc && lc->n < LISTCACHE_MAX ? &lc->arena : NULL;
}

void
listcache_put(struct listcache *lc, enum listcache_kind kind, int64_t key,
	      const struct article_list *l)
{
	if (!lc || lc->n >= LISTCACHE_MAX)
		return;
	lc->e[lc->n].kind = kind;
	lc->e[lc->n].key = key;
	lc->e[lc->n].list = *l;
	lc->n++;
}

void
listcache_free(struct listcache *lc)
{
	if (!lc)
		return;
	arena_fini(&lc->arena);
	free(lc);
}
