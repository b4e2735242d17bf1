/* db_plan.h - the query plans of the reader's listing, archive, sitemap and
 * search statements, as SQLite chose them on a given database: what the
 * hidden `warta explain` prints for the scale test (tests/http/
 * test_scale_plans.py) to judge. */
#ifndef WARTA_DB_PLAN_H
#define WARTA_DB_PLAN_H

#include <stdint.h>

#include "buf.h"
#include "db.h"
#include "werr.h"

/* Runs every reader listing, archive, sitemap, feed and search query once
 * on db (a fresh connection: nothing else prepared on it) with keys taken
 * from the data (the most used tag, author and section, the oldest month
 * and its first day, a deep cursor, a common word and a page deep in its
 * results), at now in the zone offset; then appends to out, for each
 * statement db holds, a line "SQL <text>" and one line "PLAN <detail>" per
 * row of its EXPLAIN QUERY PLAN. Leaves db's statements prepared. W_DB
 * when a query fails, W_NOMEM when out cannot grow. */
enum werr db_plan_reader(struct db *db, int64_t now, int offset,
			 struct buf *out) WUNUSED;

#endif
