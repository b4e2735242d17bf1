/* arena.h - per-request memory: allocate freely, release all at once.
 *
 * Allocations live until arena_reset() or arena_fini(); nothing is freed
 * piecemeal. Blocks are kept across resets so a warm worker allocates
 * nothing from the system. Not thread-safe: one arena per worker. */
#ifndef WARTA_ARENA_H
#define WARTA_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;  /* block being filled */
	struct arena_block *spare; /* emptied blocks kept for reuse */
};

void arena_init(struct arena *a);
/* Frees every block. */
void arena_fini(struct arena *a);
/* Forgets every allocation, keeping the blocks. */
void arena_reset(struct arena *a);

/* Returns n zeroed bytes aligned for any type, or NULL when out of memory. */
void *arena_alloc(struct arena *a, size_t n);
/* Copies s (n bytes) and NUL-terminates it; NULL when out of memory. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The concatenation of the strings up to the NULL that ends the list
 * (so no part may be NULL); NULL when out of memory. The cheap way
 * to build a URL from fixed parts, where a format would be parsed anew on
 * every call. */
char *arena_cat(struct arena *a, ...) __attribute__((sentinel));

/* Makes room for element n of arr, an array in a of *cap elements of size
 * bytes whose first n are in use (arr may be NULL when *cap is 0). Returns
 * arr itself while n < *cap; otherwise a copy of those n elements with
 * room for twice as many (at least ARENA_GROW_MIN), and *cap updated.
 * NULL when out of memory or when the size would overflow; arr and *cap
 * are then unchanged. The outgrown copy stays in the arena until its
 * reset: the price of not knowing a count ahead. */
void *arena_grow(struct arena *a, void *arr, size_t n, size_t *cap,
		 size_t size);
#define ARENA_GROW_MIN 16

#endif
