/* search_rank.h - warta_rank(), the FTS5 ranking function of search.
 *
 * FTS5's bm25() counts, once per query, every document that holds each
 * phrase (for its IDF), which walks the whole index entry of a common word:
 * the cost of a search grew with the archive. warta_rank() is the same
 * BM25 over the same per-row figures (how often each phrase occurs in each
 * column, the row's length against the average, the row count, all read
 * from FTS5 cheaply) but takes each phrase's document count from its
 * caller, who estimates it from a bounded walk (db_search.c). Used as
 *
 *     warta_rank(articles_fts, DOCS, W0, W1, ...)
 *
 * where DOCS is a blob of doubles, one per phrase of the MATCH expression in
 * the order they appear, and Wn the weight of column n (1.0 when left
 * out). Like bm25() the result is negative, better matches lower, so that
 * ORDER BY it ascending puts the best first. */
#ifndef WARTA_SEARCH_RANK_H
#define WARTA_SEARCH_RANK_H

#include <sqlite3.h>

#include "werr.h"

/* The most phrases a query may have; more are ranked as if absent. */
#define SEARCH_RANK_PHRASES 96

/* BM25 of one row: tf[i] the weighted occurrences of phrase i in the row,
 * docs[i] the number of rows holding it (clamped to 0..rows), len the
 * row's length in tokens and avg the average row length, rows the number
 * of rows. IDF is Lucene's, ln(1 + (rows - docs + 0.5) / (docs + 0.5)),
 * which stays positive for a word on most rows (FTS5's drops to nearly
 * nothing there, so a title holding a common word would count for
 * nothing). k1 = 1.2, b = 0.75 as in bm25(). Returns minus the score. */
double search_rank_score(const double *tf, const double *docs, int n,
			 double len, double avg, double rows);

/* Registers warta_rank() on db through FTS5's API. */
enum werr search_rank_register(sqlite3 *db) WUNUSED;

#endif
