/* db_search.c - full-text search: reader input to a safe FTS5 expression,
 * the ranked query, and highlighted snippets made safe HTML. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "db_article.h"
#include "db_search.h"
#include "search_rank.h"
#include "utf8.h"

/* A phrase's document count is estimated from at most this many of its
 * newest matches (db_search_docs). */
#define DOCS_SAMPLE 128
/* A last word longer than the prefix indexes (sql/003_search.sql: two and
 * three characters) is searched as the words it begins, up to this many;
 * a prefix of more words keeps FTS5's own prefix query. */
#define PREFIX_TERMS_MAX 64

/* ?1 the expression, ?2 now, ?3 a section slug or NULL, ?4 and ?5 the
 * time bounds, ?6 the row limit, ?7 the offset and ?8 the number of
 * candidates.
 *
 * Ranking: the candidates are the newest ?8 matches that pass the filters,
 * newest by article id (the order stories enter the archive), which FTS5
 * walks from its end and stops at: "cand" reads no more than that however
 * common the word. They are ranked by BM25 (warta_rank(), search_rank.h;
 * title, lead, body weighted 10, 4, 1) with the document counts ?9 that
 * db_search_docs() estimated, ties newest first, and the page is cut from
 * that order. A rare word has fewer matches than candidates and is ranked
 * in full; a word on most stories ranks its newest SEARCH_CANDIDATES,
 * which is every result a reader can page to. Every page costs the same. (bm25() would count every match of each word first.)
 *
 * The filters are read from the covering index articles_search, keyed by
 * the rowid FTS5 gives, rather than from rows whose long bodies sit on
 * overflow pages before those columns. Then only the page's rows are
 * loaded, each matched again by rowid for its highlights (snippet() and
 * highlight() re-read and re-tokenize a whole article). CROSS JOIN keeps
 * the FTS5 table outermost. The status term repeats what the index already
 * guarantees (and lets the partial index be used), so a row the triggers
 * somehow missed still cannot leak a draft. char(1) and char(2) are
 * SEARCH_MARK_OPEN and SEARCH_MARK_CLOSE. */
static const char SQL_SEARCH[] =
	"WITH cand (id, score, published_at) AS ("
	" SELECT a.id, warta_rank(articles_fts, ?9, 10.0, 4.0, 1.0),"
	" a.published_at"
	" FROM articles_fts CROSS JOIN articles a INDEXED BY articles_search"
	" ON a.id = articles_fts.rowid"
	" WHERE articles_fts MATCH ?1"
	" AND a.status IN ('scheduled', 'published') AND a.published_at <= ?2"
	" AND (?3 IS NULL OR"
	" a.section_id = (SELECT id FROM sections WHERE slug = ?3))"
	" AND a.published_at >= ?4 AND a.published_at < ?5"
	" ORDER BY articles_fts.rowid DESC LIMIT ?8),"
	" hits (id, score, published_at) AS ("
	" SELECT id, score, published_at FROM cand"
	" ORDER BY score, published_at DESC, id DESC LIMIT ?6 OFFSET ?7)"
	" SELECT a.id, a.slug, a.title, a.lead, a.published_at, a.updated_at,"
	" a.status, s.id, s.slug, s.name,"
	" highlight(articles_fts, 0, char(1), char(2)),"
	" highlight(articles_fts, 1, char(1), char(2)),"
	" snippet(articles_fts, 2, char(1), char(2), '\xE2\x80\xA6', 24), "
	DB_PHOTO_COLS
	" FROM hits CROSS JOIN articles a ON a.id = hits.id"
	" JOIN sections s ON s.id = a.section_id" DB_PHOTO_JOIN
	" CROSS JOIN articles_fts ON articles_fts.rowid = hits.id"
	" WHERE articles_fts MATCH ?1"
	" ORDER BY hits.score, hits.published_at DESC, a.id DESC";

/* True when cp belongs inside a word. ASCII is exact; beyond it, every
 * character counts as a letter except the punctuation, symbol and space
 * blocks below. A mistake here costs only a split: every word is quoted,
 * and unicode61 splits a quoted string again by its own rules. */
static bool
word_char(uint32_t cp)
{
	static const struct {
		uint32_t lo, hi;
	} seps[] = {
		{0x0080, 0x00A9}, {0x00AB, 0x00B4}, {0x00B6, 0x00B9},
		{0x00BB, 0x00BF}, {0x00D7, 0x00D7}, {0x00F7, 0x00F7},
		{0x2000, 0x206F}, {0x20A0, 0x20CF}, {0x2190, 0x2BFF},
		{0x2E00, 0x2E7F}, {0x3000, 0x303F}, {0xFE10, 0xFE1F},
		{0xFE30, 0xFE6F}, {0xFEFF, 0xFEFF}, {0xFF00, 0xFF0F},
		{0xFF1A, 0xFF20}, {0xFF3B, 0xFF40}, {0xFF5B, 0xFF65},
		{0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF},
	};
	if (cp < 0x80)
		return isalnum((int)cp) != 0;
	for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++)
		if (cp >= seps[i].lo && cp <= seps[i].hi)
			return false;
	return true;
}

const char *
db_search_expr(struct arena *a, const char *input)
{
	struct {
		size_t start, len, chars;
	} words[SEARCH_WORDS_MAX];
	size_t nwords = 0, n = strlen(input), i = 0, chars = 0;
	bool in_word = false;

	while (i < n && chars < SEARCH_INPUT_MAX) {
		uint32_t cp = 0;
		size_t len = utf8_decode(input + i, n - i, &cp);
		/* An invalid byte is one separating character. */
		bool wc = len > 0 && word_char(cp);
		if (len == 0)
			len = 1;
		if (wc && !in_word) {
			if (nwords == SEARCH_WORDS_MAX)
				break;
			words[nwords].start = i;
			words[nwords].len = 0;
			words[nwords].chars = 0;
			nwords++;
		}
		if (wc) {
			words[nwords - 1].len += len;
			words[nwords - 1].chars++;
		}
		in_word = wc;
		i += len;
		chars++;
	}

	/* Each word as an FTS5 string: in quotes, any quote doubled (words
	 * hold none today; the quoting must not depend on that). */
	size_t cap = 1;
	for (size_t k = 0; k < nwords; k++)
		cap += 2 * words[k].len + 4;
	char *out = arena_alloc(a, cap);
	if (!out)
		return NULL;
	char *p = out;
	for (size_t k = 0; k < nwords; k++) {
		if (k)
			*p++ = ' ';
		*p++ = '"';
		for (size_t j = 0; j < words[k].len; j++) {
			char c = input[words[k].start + j];
			if (c == '"')
				*p++ = '"';
			*p++ = c;
		}
		*p++ = '"';
		if (k + 1 == nwords && words[k].chars >= 2)
			*p++ = '*';
	}
	*p = '\0';
	return out;
}

/* The HTML being built by db_search_html(): whitespace is collapsed and a
 * mark is opened only before the first character it holds, so that text
 * dropped as Markdown never leaves an empty <mark></mark>. */
struct out {
	struct buf b;
	bool space;   /* whitespace seen since the last character */
	bool pending; /* a mark opens before the next character */
	bool open;    /* a <mark> is open */
};

/* Appends the visible text p[0..n), HTML-escaped unless it is a literal
 * the code wrote. */
static void
put(struct out *o, const char *p, size_t n, bool escape)
{
	if (o->space && o->b.len)
		buf_putc(&o->b, ' ');
	o->space = false;
	if (o->pending) {
		buf_puts(&o->b, "<mark>");
		o->pending = false;
		o->open = true;
	}
	if (escape)
		buf_html(&o->b, p, n);
	else
		buf_append(&o->b, p, n);
}

/* True for a byte of a slug or of the text around one in a marker
 * (letters, digits, '-', ':'), or a highlight mark inside it. */
static bool
slug_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
	       c == ':' || c == SEARCH_MARK_OPEN || c == SEARCH_MARK_CLOSE;
}

#define MARKER "baca-juga:"

/* The length of the rest of a [[baca-juga:slug]] marker at p (n bytes, the
 * part after "[[") that runs to the end of a snippet without its "]]": the
 * marker's name, or a piece of it, up to the end, or the name and a slug.
 * 0 when p is anything else. */
static size_t
marker_cut(const char *p, size_t n)
{
	size_t m = strlen(MARKER), k = 0;
	if (n < m)
		return memcmp(p, MARKER, n) == 0 ? n : 0;
	if (memcmp(p, MARKER, m) != 0)
		return 0;
	for (k = m; k < n && slug_byte(p[k]); k++)
		;
	return k == n ? n : 0;
}

/* The length of the end of a marker that a snippet begins inside of, at
 * its first visible character p (n bytes): a run of slug bytes closed by
 * "]]" ("survei-dilarang]]"); 0 when p starts anything else. */
static size_t
marker_tail(const char *p, size_t n)
{
	size_t k = 0;
	while (k < n && slug_byte(p[k]))
		k++;
	if (k == 0 || k + 2 > n || p[k] != ']' || p[k + 1] != ']')
		return 0;
	return k + 2;
}

/* Bytes of Markdown syntax to drop at s[i] (0: none). *link_end is the ']'
 * of a link whose "(url)" is to be dropped when the scan reaches it. */
static size_t
md_skip(const char *s, size_t n, size_t i, bool line_start,
	const char **link_end)
{
	const char *p = s + i;
	if (p == *link_end) {
		*link_end = NULL;
		const char *close = memchr(p, ')', n - i);
		return close ? (size_t)(close - p) + 1 : 1;
	}
	if (p[0] == '[' && p[1] == '[') {
		const char *close = strstr(p + 2, "]]");
		if (close)
			return (size_t)(close - p) + 2;
		/* A BACA JUGA marker that the snippet cut short. */
		size_t k = marker_cut(p + 2, n - i - 2);
		return k ? k + 2 : 2;
	}
	if (p[0] == '[' && !*link_end) {
		/* "[text](url)" on one line: drop the '[' now and
		 * "](url)" when the scan gets there. */
		size_t k = 1;
		while (i + k < n && p[k] != ']' && p[k] != '[' && p[k] != '\n')
			k++;
		if (i + k + 1 < n && p[k] == ']' && p[k + 1] == '(') {
			const char *close = memchr(p + k, ')', n - i - k);
			const char *nl = memchr(p + k, '\n', n - i - k);
			if (close && (!nl || close < nl)) {
				*link_end = p + k;
				return 1;
			}
		}
		return 0;
	}
	if (p[0] != '\0' && strchr("*_`#", p[0]))
		return 1;
	if (p[0] == '>' && line_start)
		return 1;
	return 0;
}

const char *
db_search_html(struct arena *a, const char *s, bool markdown)
{
	struct out o = {.space = false};
	const char *link_end = NULL, *res = NULL;
	size_t n = strlen(s), i = 0, tail_at = 0, tail_len = 0;
	bool line_start = true;

	buf_init(&o.b);
	/* A snippet that starts inside a BACA JUGA marker (after snippet()'s
	 * ellipsis) drops the marker's end with it. */
	if (markdown) {
		size_t start = strncmp(s, "\xE2\x80\xA6", 3) == 0 ? 3 : 0;
		tail_at = start;
		tail_len = marker_tail(s + start, n - start);
	}
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (tail_len && i == tail_at) {
			i += tail_len;
			continue;
		}
		if (markdown) {
			size_t skip = md_skip(s, n, i, line_start, &link_end);
			if (skip) {
				i += skip;
				continue;
			}
			if (c == '\\' && i + 1 < n &&
			    ispunct((unsigned char)s[i + 1])) {
				/* An escaped character is text, not syntax. */
				put(&o, s + i + 1, 1, true);
				line_start = false;
				i += 2;
				continue;
			}
		}
		if (c == SEARCH_MARK_OPEN) {
			if (!o.open)
				o.pending = true;
			i++;
		} else if (c == SEARCH_MARK_CLOSE) {
			if (o.pending)
				o.pending = false;
			else if (o.open)
				buf_puts(&o.b, "</mark>");
			o.open = false;
			i++;
		} else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			o.space = true;
			if (c == '\n')
				line_start = true;
			i++;
		} else if (c < 0x20 || c == 0x7F) {
			i++;
		} else if (c < 0x80) {
			put(&o, s + i, 1, true);
			line_start = false;
			i++;
		} else {
			uint32_t cp = 0;
			size_t len = utf8_decode(s + i, n - i, &cp);
			if (len == 0)
				put(&o, "\xEF\xBF\xBD", 3, false);
			else if (cp >= 0xA0)
				put(&o, s + i, len, false);
			/* C1 controls (U+0080..U+009F) are dropped. */
			line_start = false;
			i += len ? len : 1;
		}
	}
	if (o.open)
		buf_puts(&o.b, "</mark>");
	if (buf_err(&o.b) == W_OK)
		res = arena_strndup(a, buf_cstr(&o.b), o.b.len);
	buf_fini(&o.b);
	return res;
}

void
db_search_filter_init(struct search_filter *f)
{
	f->section = NULL;
	f->from = INT64_MIN;
	f->until = INT64_MAX;
}

/* Reads one result row of SQL_SEARCH into h. */
static enum werr
read_hit(sqlite3_stmt *st, struct arena *a, struct search_hit *h)
{
	memset(h, 0, sizeof *h);
	struct article *art = &h->art;
	art->id = sqlite3_column_int64(st, 0);
	art->published_at = sqlite3_column_int64(st, 4);
	art->updated_at = sqlite3_column_int64(st, 5);
	art->status =
		article_status_parse((const char *)sqlite3_column_text(st, 6));
	art->section.id = sqlite3_column_int64(st, 7);
	art->slug = db_col_text(st, 1, a);
	art->title = db_col_text(st, 2, a);
	art->lead = db_col_text(st, 3, a);
	art->dateline = "";
	art->unpublish_reason = "";
	art->section.slug = db_col_text(st, 8, a);
	art->section.name = db_col_text(st, 9, a);
	art->section.description = "";
	if (!db_photo_row(st, 13, a, &art->photo))
		return W_NOMEM;

	const char *title = (const char *)sqlite3_column_text(st, 10);
	const char *lead = (const char *)sqlite3_column_text(st, 11);
	const char *body = (const char *)sqlite3_column_text(st, 12);
	h->title_html = db_search_html(a, title ? title : "", false);
	/* The passage of the body around the matches tells the reader the
	 * most; when only the title or the lead matched, the lead (which
	 * sums the story up) is shown instead, and the body's opening words
	 * only for an article without a lead. */
	if (body && strchr(body, SEARCH_MARK_OPEN))
		h->snippet_html = db_search_html(a, body, true);
	else if (lead && *lead)
		h->snippet_html = db_search_html(a, lead, false);
	else
		h->snippet_html = db_search_html(a, body ? body : "", true);

	if (!art->slug || !art->title || !art->lead || !art->section.slug ||
	    !art->section.name || !h->title_html || !h->snippet_html)
		return W_NOMEM;
	return W_OK;
}

/* The query as run: each phrase on its own (for its document count) and
 * the MATCH expression joining them, in the same order. */
struct query {
	const char *phrase[SEARCH_RANK_PHRASES];
	size_t n;
	const char *match;
	bool none; /* a prefix that no indexed word begins: nothing matches */
};

/* ?1 the lowest word, ?2 the first string above every word of the prefix.
 * The "instance" vocabulary yields a word's first occurrence without
 * counting the rest, so each step is a seek. */
static const char SQL_TERM[] =
	"SELECT term FROM articles_vocab WHERE term >= ?1 AND term < ?2"
	" LIMIT 1";

/* The words of the index that begin with prefix (ASCII, lowercase), up to
 * PREFIX_TERMS_MAX + 1 of them, into terms; their number in *n. */
static enum werr
prefix_terms(struct db *db, struct arena *a, const char *prefix,
	     const char **terms, size_t *n)
{
	size_t len = strlen(prefix);
	char *lo = arena_alloc(a, len + 2), *hi = arena_strndup(a, prefix, len);
	if (!lo || !hi)
		return W_NOMEM;
	hi[len - 1]++; /* an ASCII letter or digit: no carry */
	memcpy(lo, prefix, len + 1);
	size_t lolen = len;
	*n = 0;
	sqlite3_stmt *st = db_stmt(db, SQL_TERM);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	while (*n <= PREFIX_TERMS_MAX) {
		sqlite3_reset(st);
		if (sqlite3_bind_text(st, 1, lo, (int)lolen, SQLITE_STATIC) !=
			    SQLITE_OK ||
		    sqlite3_bind_text(st, 2, hi, (int)len, SQLITE_STATIC) !=
			    SQLITE_OK) {
			e = db_fail(db, "binding a prefix");
			break;
		}
		int rc = sqlite3_step(st);
		if (rc == SQLITE_DONE)
			break;
		if (rc != SQLITE_ROW) {
			e = db_fail(db, "listing a prefix's words");
			break;
		}
		const char *t = (const char *)sqlite3_column_text(st, 0);
		size_t tlen = (size_t)sqlite3_column_bytes(st, 0);
		char *copy = t ? arena_strndup(a, t, tlen) : NULL;
		/* The next seek starts just past this word: no word holds a
		 * control character, so t + "\x01" is the least string above
		 * it and below its longer neighbours. */
		char *next = copy ? arena_alloc(a, tlen + 2) : NULL;
		if (!next) {
			e = W_NOMEM;
			break;
		}
		memcpy(next, copy, tlen);
		next[tlen] = '\x01';
		next[tlen + 1] = '\0';
		terms[(*n)++] = copy;
		lo = next;
		lolen = tlen + 1;
	}
	sqlite3_reset(st);
	return e;
}

/* ?1 one phrase, ?2 a limit: how many of its newest matches there are up
 * to the limit, and the oldest of them. FTS5 walks from the end and
 * stops. */
static const char SQL_DOCS[] =
	"SELECT count(*), min(id) FROM (SELECT rowid AS id FROM articles_fts"
	" WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2)";

/* How many of phrase's newest matches there are, up to limit; the oldest
 * of them into *oldest (may be NULL). */
static enum werr
newest_matches(struct db *db, const char *phrase, int limit, int64_t *n,
	       int64_t *oldest)
{
	sqlite3_stmt *st = db_stmt(db, SQL_DOCS);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	if (sqlite3_bind_text(st, 1, phrase, -1, SQLITE_STATIC) != SQLITE_OK)
		e = db_fail(db, "binding a phrase");
	else if (sqlite3_bind_int(st, 2, limit),
		 sqlite3_step(st) != SQLITE_ROW)
		e = db_fail(db, "counting a phrase");
	if (e == W_OK) {
		*n = sqlite3_column_int64(st, 0);
		if (oldest)
			*oldest = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return e;
}

/* An FTS5 string of word: in quotes, any quote doubled. */
static const char *
quoted(struct arena *a, const char *word)
{
	struct buf b;
	buf_init(&b);
	buf_putc(&b, '"');
	for (const char *p = word; *p; p++) {
		if (*p == '"')
			buf_putc(&b, '"');
		buf_putc(&b, *p);
	}
	buf_putc(&b, '"');
	const char *r = buf_err(&b) == W_OK
				? arena_strndup(a, buf_cstr(&b), b.len)
				: NULL;
	buf_fini(&b);
	return r;
}

/* Splits expr, as db_search_expr() writes it ("w1" "w2" "pre"*), into
 * phrases, turns a last prefix longer than the prefix indexes into the
 * indexed words it begins (FTS5 would merge the postings of all of them,
 * every match, before yielding the newest), and joins it all with AND. */
static enum werr
db_search_query(struct db *db, struct arena *a, const char *expr,
		struct query *q)
{
	memset(q, 0, sizeof *q);
	const char *p = expr;
	while (*p) {
		if (*p != '"' || q->n == SEARCH_WORDS_MAX)
			return W_INVAL;
		const char *start = p++;
		for (;;) {
			if (!*p)
				return W_INVAL;
			if (*p == '"' && p[1] == '"') {
				p += 2;
				continue;
			}
			if (*p++ == '"')
				break;
		}
		if (*p == '*')
			p++;
		const char *ph = arena_strndup(a, start, (size_t)(p - start));
		if (!ph)
			return W_NOMEM;
		q->phrase[q->n++] = ph;
		if (*p == ' ')
			p++;
	}
	if (q->n == 0)
		return W_INVAL;

	/* The last phrase: "word"* with an ASCII word of four characters or
	 * more (which unicode61 indexes as that word, lowercase). */
	size_t words = q->n, nterms = 0;
	const char *terms[PREFIX_TERMS_MAX + 1];
	const char *last = q->phrase[q->n - 1];
	size_t len = strlen(last);
	bool ascii = len >= 7 && last[len - 1] == '*';
	for (size_t i = 1; ascii && i + 2 < len; i++)
		ascii = isalnum((unsigned char)last[i]) != 0;
	if (ascii) {
		char *word = arena_strndup(a, last + 1, len - 3);
		if (!word)
			return W_NOMEM;
		for (char *c = word; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		/* A word that is itself on every story a reader can page to
		 * is searched as that word: the longer words it begins
		 * could add nothing reachable, and listing them means
		 * reading through its whole entry in the index (milliseconds
		 * for a word on most of a million stories). */
		const char *exact = quoted(a, word);
		int64_t n = 0;
		if (!exact)
			return W_NOMEM;
		enum werr e = newest_matches(db, exact, SEARCH_CANDIDATES, &n,
					     NULL);
		if (e != W_OK)
			return e;
		if (n >= SEARCH_CANDIDATES) {
			q->phrase[q->n - 1] = exact;
		} else {
			e = prefix_terms(db, a, word, terms, &nterms);
			if (e != W_OK)
				return e;
			if (nterms == 0) {
				q->none = true;
				return W_OK;
			}
			if (nterms > PREFIX_TERMS_MAX)
				nterms = 0; /* FTS5's prefix query, at its cost */
		}
	}
	if (nterms) {
		words--;
		q->n = words;
		for (size_t i = 0; i < nterms; i++)
			if (!(q->phrase[q->n++] = quoted(a, terms[i])))
				return W_NOMEM;
	}

	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < words; i++) {
		if (i)
			buf_puts(&b, " AND ");
		buf_puts(&b, q->phrase[i]);
	}
	if (nterms) {
		buf_puts(&b, words ? " AND (" : "(");
		for (size_t i = words; i < q->n; i++) {
			if (i > words)
				buf_puts(&b, " OR ");
			buf_puts(&b, q->phrase[i]);
		}
		buf_putc(&b, ')');
	}
	enum werr e = buf_err(&b);
	if (e == W_OK && !(q->match = arena_strndup(a, buf_cstr(&b), b.len)))
		e = W_NOMEM;
	buf_fini(&b);
	return e;
}

/* The span of article ids (each a seek). */
static const char SQL_SPAN[] =
	"SELECT (SELECT min(id) FROM articles), (SELECT max(id) FROM articles)";

/* The document count of each phrase of q, for warta_rank(). A phrase with
 * fewer matches than DOCS_SAMPLE is counted; a commoner one is taken to
 * be as dense over the whole archive as among its newest DOCS_SAMPLE
 * matches (ids grow with time, so the ids they span give the density).
 * The estimate is of recent use, which is what the candidates are. */
static enum werr
db_search_docs(struct db *db, const struct query *q, double *docs)
{
	sqlite3_stmt *st = db_stmt(db, SQL_SPAN);
	if (!st)
		return W_DB;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return db_fail(db, "reading the span of ids");
	}
	int64_t lo = sqlite3_column_int64(st, 0), hi = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	enum werr e = W_OK;
	for (size_t i = 0; i < q->n && e == W_OK; i++) {
		int64_t n = 0, oldest = 0;
		e = newest_matches(db, q->phrase[i], DOCS_SAMPLE, &n, &oldest);
		docs[i] = (double)n;
		if (n >= DOCS_SAMPLE && hi > oldest)
			docs[i] = (double)n * (double)(hi - lo + 1) /
				  (double)(hi - oldest + 1);
	}
	return e;
}

enum werr
db_search(struct db *db, struct arena *a, const char *expr,
	  const struct search_filter *f, int64_t now, unsigned page,
	  struct search_page *out)
{
	memset(out, 0, sizeof *out);
	if (page < 1 || page > SEARCH_PAGES_MAX)
		return W_INVAL;
	if (!expr[0])
		return W_OK;
	out->items = arena_alloc(a, SEARCH_PAGE_SIZE * sizeof *out->items);
	if (!out->items)
		return W_NOMEM;

	struct query q;
	enum werr e = db_search_query(db, a, expr, &q);
	if (e != W_OK || q.none)
		return e;
	double docs[SEARCH_RANK_PHRASES];
	if ((e = db_search_docs(db, &q, docs)) != W_OK)
		return e;

	sqlite3_stmt *st = db_stmt(db, SQL_SEARCH);
	if (!st)
		return W_DB;
	if (sqlite3_bind_text(st, 1, q.match, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_blob(st, 9, docs, (int)(q.n * sizeof *docs),
			      SQLITE_STATIC) != SQLITE_OK ||
	    (f->section && sqlite3_bind_text(st, 3, f->section, -1,
					     SQLITE_STATIC) != SQLITE_OK)) {
		e = db_fail(db, "binding a search");
		goto out;
	}
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 4, f->from);
	sqlite3_bind_int64(st, 5, f->until);
	sqlite3_bind_int(st, 6, SEARCH_PAGE_SIZE + 1);
	sqlite3_bind_int(st, 7, (int)((page - 1) * SEARCH_PAGE_SIZE));
	sqlite3_bind_int(st, 8, SEARCH_CANDIDATES);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == SEARCH_PAGE_SIZE) {
			out->more = page < SEARCH_PAGES_MAX;
			break;
		}
		e = read_hit(st, a, &out->items[out->n]);
		if (e != W_OK)
			goto out;
		out->n++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		e = db_fail(db, "searching articles");
out:
	sqlite3_reset(st);
	return e;
}
