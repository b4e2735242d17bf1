/* search_rank.c - warta_rank(): BM25 from per-row figures and document
 * counts its caller estimated, so that ranking a row never walks the
 * index entry of a word. */
#include <math.h>
#include <string.h>

#include "search_rank.h"

#define K1 1.2
#define B 0.75
#define COLUMNS_MAX 8

double
search_rank_score(const double *tf, const double *docs, int n, double len,
		  double avg, double rows)
{
	double score = 0.0;
	if (avg <= 0.0)
		avg = 1.0;
	double norm = K1 * (1.0 - B + B * len / avg);
	for (int i = 0; i < n; i++) {
		if (tf[i] <= 0.0)
			continue;
		double d = docs[i] < 0.0 ? 0.0 : docs[i] > rows ? rows : docs[i];
		double idf = log(1.0 + (rows - d + 0.5) / (d + 0.5));
		score += idf * tf[i] * (K1 + 1.0) / (tf[i] + norm);
	}
	return -score;
}

/* The FTS5 auxiliary function; see search_rank.h for its arguments. */
static void
rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
     int nval, sqlite3_value **val)
{
	double tf[SEARCH_RANK_PHRASES] = {0}, docs[SEARCH_RANK_PHRASES];
	double w[COLUMNS_MAX];
	int nphrase = api->xPhraseCount(fts), ncol = api->xColumnCount(fts);
	if (nphrase > SEARCH_RANK_PHRASES)
		nphrase = SEARCH_RANK_PHRASES;
	if (ncol > COLUMNS_MAX)
		ncol = COLUMNS_MAX;

	/* A phrase without a count is taken to be rare: it weighs as much
	 * as a phrase can, and the query still ranks. */
	const void *blob = nval > 0 ? sqlite3_value_blob(val[0]) : NULL;
	int given = blob ? sqlite3_value_bytes(val[0]) / (int)sizeof(double)
			 : 0;
	for (int i = 0; i < nphrase; i++) {
		docs[i] = 0.0;
		if (i < given)
			memcpy(&docs[i], (const char *)blob + i * sizeof(double),
			       sizeof(double));
		if (!isfinite(docs[i]))
			docs[i] = 0.0;
	}
	for (int c = 0; c < ncol; c++)
		w[c] = c + 1 < nval ? sqlite3_value_double(val[c + 1]) : 1.0;

	sqlite3_int64 rows = 0, total = 0;
	int len = 0, ninst = 0;
	int rc = api->xRowCount(fts, &rows);
	if (rc == SQLITE_OK)
		rc = api->xColumnTotalSize(fts, -1, &total);
	if (rc == SQLITE_OK)
		rc = api->xColumnSize(fts, -1, &len);
	if (rc == SQLITE_OK)
		rc = api->xInstCount(fts, &ninst);
	for (int i = 0; rc == SQLITE_OK && i < ninst; i++) {
		int p = 0, c = 0, off = 0;
		rc = api->xInst(fts, i, &p, &c, &off);
		if (rc == SQLITE_OK && p >= 0 && p < nphrase && c >= 0 &&
		    c < ncol)
			tf[p] += w[c];
	}
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	double avg = rows > 0 ? (double)total / (double)rows : 1.0;
	sqlite3_result_double(ctx, search_rank_score(tf, docs, nphrase,
						     (double)len, avg,
						     (double)rows));
}

/* FTS5's API for db: "SELECT fts5(?1)" hands it out through a pointer
 * binding. NULL when FTS5 is missing. */
static fts5_api *
fts5_api_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr",
				     NULL);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return api;
}

enum werr
search_rank_register(sqlite3 *db)
{
	fts5_api *api = fts5_api_of(db);
	if (!api || api->iVersion < 2)
		return W_DB;
	if (api->xCreateFunction(api, "warta_rank", NULL, rank, NULL) !=
	    SQLITE_OK)
		return W_DB;
	return W_OK;
}
