/* arena.c - bump allocator over a chain of blocks. */
#include <stdalign.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define BLOCK_SIZE (64 * 1024)

struct arena_block {
	struct arena_block *next;
	size_t size; /* usable bytes in data */
	size_t used;
	alignas(max_align_t) unsigned char data[];
};

void
arena_init(struct arena *a)
{
	a->head = NULL;
	a->spare = NULL;
}

static void
free_chain(struct arena_block *b)
{
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
}

void
arena_fini(struct arena *a)
{
	free_chain(a->head);
	free_chain(a->spare);
	arena_init(a);
}

void
arena_reset(struct arena *a)
{
	/* Standard-size blocks go back to the spare list; oversized ones are
	 * returned to the system so one huge request does not pin memory. */
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		if (b->size == BLOCK_SIZE) {
			b->used = 0;
			b->next = a->spare;
			a->spare = b;
		} else {
			free(b);
		}
		b = next;
	}
	a->head = NULL;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	const size_t align = alignof(max_align_t);
	if (n > SIZE_MAX - align)
		return NULL;
	n = (n + align - 1) & ~(align - 1);
	struct arena_block *b = a->head;
	if (!b || b->size - b->used < n) {
		if (n <= BLOCK_SIZE && a->spare) {
			b = a->spare;
			a->spare = b->next;
		} else {
			size_t size = n > BLOCK_SIZE ? n : BLOCK_SIZE;
			if (size > SIZE_MAX - sizeof *b)
				return NULL;
			b = malloc(sizeof *b + size);
			if (!b)
				return NULL;
			b->size = size;
			b->used = 0;
		}
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	if (n == SIZE_MAX)
		return NULL;
	char *p = arena_alloc(a, n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_cat(struct arena *a, ...)
{
	va_list ap;
	size_t len = 0;
	const char *s;

	va_start(ap, a);
	while ((s = va_arg(ap, const char *)) != NULL)
		len += strlen(s);
	va_end(ap);
	char *out = arena_alloc(a, len + 1);
	if (!out)
		return NULL;
	char *p = out;
	va_start(ap, a);
	while ((s = va_arg(ap, const char *)) != NULL) {
		size_t n = strlen(s);
		memcpy(p, s, n);
		p += n;
	}
	va_end(ap);
	*p = '\0';
	return out;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	const size_t align = alignof(max_align_t);

	/* Format straight into the free end of the current block: most
	 * strings fit, and then the format runs once instead of twice. */
	struct arena_block *b = a->head;
	if (b && b->used < b->size) {
		char *p = (char *)b->data + b->used;
		size_t room = b->size - b->used;
		va_start(ap, fmt);
		int n = vsnprintf(p, room, fmt, ap);
		va_end(ap);
		if (n < 0)
			return NULL;
		if ((size_t)n < room) {
			b->used += ((size_t)n + 1 + align - 1) & ~(align - 1);
			if (b->used > b->size)
				b->used = b->size;
			return p;
		}
	}
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *p = arena_alloc(a, (size_t)n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void *
arena_grow(struct arena *a, void *arr, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return arr;
	size_t ncap = *cap ? *cap : ARENA_GROW_MIN / 2;
	if (size == 0 || ncap > SIZE_MAX / 2 / size)
		return NULL;
	ncap *= 2;
	void *p = arena_alloc(a, ncap * size);
	if (!p)
		return NULL;
	if (n)
		memcpy(p, arr, n * size);
	*cap = ncap;
	return p;
}
