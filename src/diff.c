/* diff.c - line diff by longest common subsequence, bounded in size. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"

struct lines {
	const char **s;
	size_t *len;
	size_t n;
};

/* Splits t into lines in ar. "" has no lines; "x" and "x\n" have one. */
static enum werr
split(struct arena *ar, const char *t, struct lines *l)
{
	size_t n = 0;
	for (const char *p = t; *p; p++)
		n += *p == '\n';
	n += *t && t[strlen(t) - 1] != '\n';
	l->n = 0;
	l->s = arena_alloc(ar, (n ? n : 1) * sizeof *l->s);
	l->len = arena_alloc(ar, (n ? n : 1) * sizeof *l->len);
	if (!l->s || !l->len)
		return W_NOMEM;
	const char *p = t;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		l->s[l->n] = p;
		l->len[l->n] = len > 0 && p[len - 1] == '\r' ? len - 1 : len;
		l->n++;
		p += len + (nl != NULL);
	}
	return W_OK;
}

static int
same(const struct lines *a, size_t i, const struct lines *b, size_t j)
{
	return a->len[i] == b->len[j] &&
	       memcmp(a->s[i], b->s[j], a->len[i]) == 0;
}

static void
emit(struct diff_line *out, size_t *k, enum diff_op op, const char *s,
     size_t len)
{
	out[*k] = (struct diff_line){op, s, len};
	(*k)++;
}

enum werr
diff_lines(struct arena *ar, const char *ta, const char *tb,
	   struct diff_line **out, size_t *n, int *exact)
{
	struct lines a, b;
	*out = NULL;
	*n = 0;
	if (exact)
		*exact = 1;
	enum werr e = split(ar, ta ? ta : "", &a);
	if (e == W_OK)
		e = split(ar, tb ? tb : "", &b);
	if (e != W_OK)
		return e;
	struct diff_line *d = arena_alloc(ar, (a.n + b.n + 1) * sizeof *d);
	if (!d)
		return W_NOMEM;
	size_t k = 0;

	/* The common ends cost nothing and are most of an edited text. */
	size_t pre = 0;
	while (pre < a.n && pre < b.n && same(&a, pre, &b, pre))
		pre++;
	size_t suf = 0;
	while (suf < a.n - pre && suf < b.n - pre &&
	       same(&a, a.n - 1 - suf, &b, b.n - 1 - suf))
		suf++;
	for (size_t i = 0; i < pre; i++)
		emit(d, &k, DIFF_SAME, a.s[i], a.len[i]);

	size_t na = a.n - pre - suf, nb = b.n - pre - suf;
	uint16_t *t = NULL;
	/* na * nb <= DIFF_MAX_CELLS keeps min(na, nb), and so every LCS
	 * length, under 65536. */
	if (na && nb && na <= DIFF_MAX_CELLS / nb) {
		t = malloc((na + 1) * (nb + 1) * sizeof *t);
		if (!t)
			return W_NOMEM;
	}
	if (t) {
		/* t[i][j]: LCS length of a's middle from i and b's from j. */
		size_t w = nb + 1;
		for (size_t i = na + 1; i-- > 0;)
			for (size_t j = nb + 1; j-- > 0;) {
				uint16_t v;
				if (i == na || j == nb)
					v = 0;
				else if (same(&a, pre + i, &b, pre + j))
					v = (uint16_t)(t[(i + 1) * w + j + 1] +
						       1);
				else
					v = t[(i + 1) * w + j] >
							    t[i * w + j + 1]
						    ? t[(i + 1) * w + j]
						    : t[i * w + j + 1];
				t[i * w + j] = v;
			}
		size_t i = 0, j = 0;
		while (i < na || j < nb) {
			size_t ai = pre + i, bj = pre + j;
			if (i < na && j < nb && same(&a, ai, &b, bj)) {
				emit(d, &k, DIFF_SAME, a.s[ai], a.len[ai]);
				i++, j++;
			} else if (i < na && (j == nb || t[(i + 1) * w + j] >=
								 t[i * w + j + 1])) {
				emit(d, &k, DIFF_DEL, a.s[ai], a.len[ai]);
				i++;
			} else {
				emit(d, &k, DIFF_ADD, b.s[bj], b.len[bj]);
				j++;
			}
		}
		free(t);
	} else {
		if (na && nb && exact)
			*exact = 0;
		for (size_t i = 0; i < na; i++)
			emit(d, &k, DIFF_DEL, a.s[pre + i], a.len[pre + i]);
		for (size_t j = 0; j < nb; j++)
			emit(d, &k, DIFF_ADD, b.s[pre + j], b.len[pre + j]);
	}
	for (size_t i = a.n - suf; i < a.n; i++)
		emit(d, &k, DIFF_SAME, a.s[i], a.len[i]);
	*out = d;
	*n = k;
	return W_OK;
}
