/* check.c - integrity of the database, its foreign keys, its search index
 * and its media files. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "picture.h"

/* How many lines integrity_check may give: past this the damage is
 * plain, and the rest would only scroll it away. */
#define INTEGRITY_MAX 50

static void
problem(struct check_report *r, FILE *out, const char *kind, const char *fmt,
	...) __attribute__((format(printf, 4, 5)));

static void
problem(struct check_report *r, FILE *out, const char *kind, const char *fmt,
	...)
{
	va_list ap;
	fprintf(out, "%s: ", kind);
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
	fputc('\n', out);
	r->problems++;
}

static const char *
text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? (const char *)s : "NULL";
}

static void
integrity(sqlite3 *sq, FILE *out, struct check_report *r)
{
	sqlite3_stmt *st = NULL;
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA integrity_check(%d)",
		 INTEGRITY_MAX);
	int rc = sqlite3_prepare_v2(sq, sql, -1, &st, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (strcmp(text(st, 0), "ok") != 0)
			problem(r, out, "integrity", "%s", text(st, 0));
		rc = SQLITE_OK;
	}
	if (rc != SQLITE_DONE)
		problem(r, out, "integrity", "%s", sqlite3_errmsg(sq));
	sqlite3_finalize(st);
}

static void
foreign_keys(sqlite3 *sq, FILE *out, struct check_report *r)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(sq, "PRAGMA foreign_key_check", -1, &st,
				    NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		problem(r, out, "foreign key",
			"%s row %s refers to a missing %s row", text(st, 0),
			text(st, 1), text(st, 2));
		rc = SQLITE_OK;
	}
	if (rc != SQLITE_DONE)
		problem(r, out, "foreign key", "%s", sqlite3_errmsg(sq));
	sqlite3_finalize(st);
}

/* Articles the index should hold and does not, or holds and should not:
 * its docsize table has a row per indexed article. (FTS5's own check with
 * rank = 1 cannot tell this: it expects every row of the content table
 * indexed, and articles_fts indexes only the public-able ones.) */
static const char sql_fts_diff[] =
	"SELECT id, 'is public but not in the index' FROM articles "
	"WHERE status IN ('scheduled', 'published') AND id NOT IN "
	"(SELECT id FROM articles_fts_docsize) "
	"UNION ALL "
	"SELECT d.id, 'is in the index but not public' "
	"FROM articles_fts_docsize d WHERE NOT EXISTS (SELECT 1 FROM "
	"articles a WHERE a.id = d.id AND "
	"a.status IN ('scheduled', 'published')) "
	"ORDER BY 1";

static void
search_index(sqlite3 *sq, FILE *out, struct check_report *r)
{
	/* The index's own structure (sql/003_search.sql). */
	char *msg = NULL;
	if (sqlite3_exec(sq,
			 "INSERT INTO articles_fts (articles_fts) "
			 "VALUES ('integrity-check')",
			 NULL, NULL, &msg) != SQLITE_OK)
		problem(r, out, "search index", "%s",
			msg ? msg : sqlite3_errmsg(sq));
	sqlite3_free(msg);

	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(sq, sql_fts_diff, -1, &st, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		problem(r, out, "search index", "article %lld %s",
			(long long)sqlite3_column_int64(st, 0), text(st, 1));
		rc = SQLITE_OK;
	}
	if (rc != SQLITE_DONE)
		problem(r, out, "search index", "%s", sqlite3_errmsg(sq));
	sqlite3_finalize(st);
}

/* True for a file the media directory may hold as a picture. */
static int
media_entry(const struct dirent *de)
{
	return de->d_name[0] != '.';
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* True when file is one of the files of a picture with renditions that
 * the database has: a rendition name (picture.c) or its kept original
 * (KEY.orig), whose key names a row. */
static bool
rendition_of_row(sqlite3 *sq, const char *file)
{
	char key[PICTURE_KEY_LEN + 1];
	if (strlen(file) <= PICTURE_KEY_LEN)
		return false;
	memcpy(key, file, PICTURE_KEY_LEN);
	key[PICTURE_KEY_LEN] = '\0';
	if (!picture_name_valid(file, NULL) &&
	    !(picture_key_valid(key) &&
	      strcmp(file + PICTURE_KEY_LEN, ".orig") == 0))
		return false;
	sqlite3_stmt *st = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(sq, "SELECT 1 FROM media WHERE pkey = ?1", -1,
			       &st, NULL) == SQLITE_OK &&
	    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC) == SQLITE_OK)
		found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

static void
orphan(sqlite3 *sq, struct check_report *r, FILE *out, const char *dir,
       const char *file)
{
	if (!rendition_of_row(sq, file))
		problem(r, out, "media orphan",
			"%s/%s: no picture in the database names it", dir,
			file);
}

/* Walks the pictures (by the file each must have: a legacy upload's own,
 * a processed picture's widest JPEG) and the files (by name) side by
 * side; the other renditions of a picture are not orphans. */
static enum werr
media(sqlite3 *sq, const char *dir, FILE *out, struct check_report *r,
      char *err, size_t errlen)
{
	struct dirent **names = NULL;
	int n = scandir(dir, &names, media_entry, by_name);
	if (n < 0) {
		snprintf(err, errlen, "--media %s: %s", dir, strerror(errno));
		return W_IO;
	}
	/* Only regular files: a subdirectory is not a picture. */
	int k = 0;
	for (int i = 0; i < n; i++) {
		struct stat st;
		char path[4096];
		int len = snprintf(path, sizeof path, "%s/%s", dir,
				   names[i]->d_name);
		if (len > 0 && (size_t)len < sizeof path &&
		    lstat(path, &st) == 0 && S_ISREG(st.st_mode))
			names[k++] = names[i];
		else
			free(names[i]);
	}
	r->media_files = (size_t)k;

	sqlite3_stmt *st = NULL;
	int i = 0, rc = sqlite3_prepare_v2(
		       sq,
		       "SELECT id, CASE WHEN pkey IS NULL THEN name"
		       " ELSE pkey || '-w' || min(width, 1920) || '.jpg' END AS f"
		       " FROM media ORDER BY f",
		       -1, &st, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = text(st, 1);
		r->media_rows++;
		int c = 1;
		while (i < k && (c = strcmp(names[i]->d_name, name)) < 0)
			orphan(sq, r, out, dir, names[i++]->d_name);
		if (c == 0)
			i++;
		else
			problem(r, out, "media missing",
				"%s/%s: the file of picture %lld is gone", dir,
				name, (long long)sqlite3_column_int64(st, 0));
		rc = SQLITE_OK;
	}
	if (rc != SQLITE_DONE)
		problem(r, out, "media missing", "cannot list pictures: %s",
			sqlite3_errmsg(sq));
	else
		while (i < k)
			orphan(sq, r, out, dir, names[i++]->d_name);
	sqlite3_finalize(st);
	for (int j = 0; j < k; j++)
		free(names[j]);
	free(names);
	return W_OK;
}

enum werr
check_run(sqlite3 *sq, const char *media_dir, FILE *out,
	  struct check_report *r, char *err, size_t errlen)
{
	memset(r, 0, sizeof *r);
	integrity(sq, out, r);
	foreign_keys(sq, out, r);
	search_index(sq, out, r);
	return media(sq, media_dir, out, r, err, errlen);
}
