/* diff.h - a line diff for showing people what changed in a text: the
 * conflict page's "what the other editor changed".
 *
 * Lines end at '\n'; a '\r' before it (browsers send textareas with CRLF)
 * is not part of the line. Common leading and trailing lines are matched
 * first; the lines between are diffed by longest common subsequence when
 * the table fits DIFF_MAX_CELLS, and otherwise shown as all removed then
 * all added, so that the cost stays bounded whatever the input. */
#ifndef WARTA_DIFF_H
#define WARTA_DIFF_H

#include <stddef.h>

#include "arena.h"
#include "werr.h"

/* The most LCS cells (lines of a times lines of b, after the common ends
 * are taken off) diffed line by line: about 2 MB of table, a few ms. */
#define DIFF_MAX_CELLS (1000u * 1000u)

enum diff_op {
	DIFF_SAME,
	DIFF_DEL, /* only in a */
	DIFF_ADD, /* only in b */
};

struct diff_line {
	enum diff_op op;
	const char *s; /* points into a or b; not NUL-terminated */
	size_t len;
};

/* Diffs text a against text b (NUL-terminated; NULL counts as "") into
 * *out, an array of *n lines in ar, in reading order: every line of a
 * (as SAME or DEL) and of b (as SAME or ADD), deletions before additions
 * where both happen at one place. *exact is set false (may be NULL) when
 * the middle was too big for the LCS table. W_NOMEM when memory runs out.
 * Thread-safe; the lines point into a and b, which must outlive them. */
enum werr diff_lines(struct arena *ar, const char *a, const char *b,
		     struct diff_line **out, size_t *n, int *exact) WUNUSED;

#endif
