/* db_search.h - full-text search over public articles (SQLite FTS5).
 *
 * sql/003_search.sql keeps an FTS5 index of the articles whose status is
 * scheduled or published (title, lead, body_md; unicode61 with diacritics
 * removed), updated by triggers in the same transaction as each write.
 * What a reader types never reaches FTS5 as syntax: db_search_expr() turns
 * it into quoted words. */
#ifndef WARTA_DB_SEARCH_H
#define WARTA_DB_SEARCH_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "model.h"

#define SEARCH_INPUT_MAX 200 /* characters of the query that are read */
#define SEARCH_WORDS_MAX 12  /* words of the query that are searched */
#define SEARCH_PAGE_SIZE 10  /* results per page */
#define SEARCH_PAGES_MAX 50  /* pages a reader can reach */
/* Matches ranked per search: the newest this many (db_search), which is
 * every result a reader can page to. Ranking each costs a few
 * microseconds (its row's length and occurrences), so no more. */
#define SEARCH_CANDIDATES (SEARCH_PAGE_SIZE * SEARCH_PAGES_MAX)

/* The highlight markers db_search() puts around matched words in titles
 * and snippets before db_search_html() turns them into <mark>. Control
 * characters, so no text a reader or an editor writes can forge one. */
#define SEARCH_MARK_OPEN '\x01'
#define SEARCH_MARK_CLOSE '\x02'

/* The FTS5 expression for input, what a reader typed: its first
 * SEARCH_INPUT_MAX characters are split into words (runs of letters and
 * digits; everything else separates, and invalid UTF-8 too), the first
 * SEARCH_WORDS_MAX words are each quoted as an FTS5 string ("pemilu") and
 * joined by spaces (every word must match), and the last word, when it has
 * two characters or more, matches as a prefix ("pemil"*). One-letter words
 * are not prefixes: "a*" would merge the postings of every word in "a".
 * Returns "" when input has no word; NULL when out of memory. The result
 * lives in a. Thread-safe. */
const char *db_search_expr(struct arena *a, const char *input);

/* s as HTML for tobj_html(): every character escaped (& < > " '), the
 * marker pairs turned into <mark>..</mark> (always balanced: a stray close
 * is dropped and an open mark is closed at the end), other control
 * characters except tab and newline dropped, invalid UTF-8 replaced by
 * U+FFFD. When markdown is true, s is a snippet of a Markdown body and the
 * cheap parts of its syntax are dropped first: emphasis and code marks
 * (* _ `), heading marks (#), backslash escapes, the URL of a link
 * "[text](url)" (the text stays) and [[baca-juga:slug]] lines. Returns
 * NULL when out of memory; the result lives in a. */
const char *db_search_html(struct arena *a, const char *s, bool markdown);

/* Narrows a search. from/until bound published_at (from <= t < until). */
struct search_filter {
	const char *section; /* a section slug, or NULL for every section */
	int64_t from;
	int64_t until;
};

/* No bounds: every section, every time. */
void db_search_filter_init(struct search_filter *f);

struct search_hit {
	/* Card fields: id, slug, title, lead, published_at, updated_at,
	 * section, photo. No bylines, tags or bodies. */
	struct article art;
	const char *title_html;	  /* the title, matched words marked */
	const char *snippet_html; /* the passage of the body around the
				     matches, or else the lead, marked */
};

struct search_page {
	struct search_hit *items;
	size_t n;
	bool more; /* a next page exists and is within SEARCH_PAGES_MAX */
};

/* One page (1..SEARCH_PAGES_MAX) of SEARCH_PAGE_SIZE public articles
 * (published_at <= now) matching expr, an expression from
 * db_search_expr() (never anything else), within f. The candidates are
 * the newest SEARCH_CANDIDATES matches within f (newest by article id, the
 * order stories enter the archive); they are ranked by BM25 (warta_rank())
 * with the title weighing 10, the lead 4 and the body 1, ties to the
 * newest. A word on
 * fewer stories is ranked in full. So the cost of any page is bounded
 * however common the word and however deep the page. Paged by
 * LIMIT/OFFSET within the candidates: a rank is not a stable key to seek
 * from, and the candidates bound the rows skipped. An empty expr gives an
 * empty page. W_INVAL for a page out of range. Records live in a. */
enum werr db_search(struct db *db, struct arena *a, const char *expr,
		    const struct search_filter *f, int64_t now,
		    unsigned page, struct search_page *out) WUNUSED;

#endif
