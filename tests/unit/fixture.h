/* fixture.h - shared support for the unit tests that need a database. */
#ifndef WARTA_TEST_FIXTURE_H
#define WARTA_TEST_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"

/*
 * Every function here runs inside a cmocka test (or its setup) and fails
 * that test on any error, so callers check nothing; none of them is
 * meant for code under test.
 */

/* A fresh in-memory database with every migration applied; the caller
 * closes it with db_close(). */
struct db *fixture_db(void);

/* Runs sql (one or more statements, no parameters) on db. */
void fixture_exec(struct db *db, const char *sql);

/* The first column of the first row of sql as an integer; sql must
 * return a row. */
int64_t fixture_count(struct db *db, const char *sql);

/* The first column of the first row of sql as text, "(null)" for NULL,
 * copied into out (len bytes, truncated); returns out. */
const char *fixture_text(struct db *db, const char *sql, char *out,
    size_t len);

/* The detail column of EXPLAIN QUERY PLAN sql, one line per row, into
 * out (len bytes); fails if it does not fit. */
void fixture_plan(struct db *db, const char *sql, char *out, size_t len);

#endif
