/* check.h - `warta check`: whether a newsroom's database and media are
 * whole. */
#ifndef WARTA_CHECK_H
#define WARTA_CHECK_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdio.h>

#include "werr.h"

struct check_report {
	size_t problems;    /* lines written to out */
	size_t media_rows;  /* pictures the database knows */
	size_t media_files; /* files found in the media directory */
};

/* Checks the database sq (opened read-write: the FTS5 check is an INSERT
 * that writes nothing) and the media directory media_dir, writing one line
 * per problem to out:
 *   "integrity: ..."      PRAGMA integrity_check (page and index damage)
 *   "foreign key: ..."    PRAGMA foreign_key_check
 *   "search index: ..."   FTS5 'integrity-check' of articles_fts, and
 *                         the articles it holds against the public ones
 *   "media missing: ..."  a picture of the database without its file
 *   "media orphan: ..."   a file in media_dir no picture names
 * Hidden files (an upload being written) and subdirectories are not
 * media. Fills r. W_IO (with err) only when media_dir cannot be read; a
 * damaged database is a problem reported, not an error. Reads every page:
 * seconds per gigabyte. */
enum werr check_run(sqlite3 *sq, const char *media_dir, FILE *out,
		    struct check_report *r, char *err, size_t errlen) WUNUSED;

#endif
