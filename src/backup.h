/* backup.h - consistent copies of a newsroom while it serves, and putting
 * one back.
 *
 * A backup of the database FILE written to DEST is three things:
 *   DEST           the database, copied with SQLite's online backup API
 *                  (a self-contained file: rollback journal, no WAL);
 *   DEST.media/    a copy of every file of the media directory;
 *   DEST.manifest  "warta-backup 1", then one line per file,
 *                  "HASH SIZE NAME": BLAKE2b-256 in hex, bytes, and "db"
 *                  or "media/NAME". Written last: a backup without its
 *                  manifest is incomplete.
 * Media files are never rewritten in place (new uploads get new names), so
 * copying them after the database gives every file the copy refers to. */
#ifndef WARTA_BACKUP_H
#define WARTA_BACKUP_H

#include <stddef.h>
#include <stdint.h>

#include "werr.h"

/* What a backup or a restore did, for its one-line report. */
struct backup_stats {
	uint64_t db_bytes;
	size_t media_files;
	uint64_t media_bytes;
	unsigned restarts; /* times a write restarted the online copy */
};

/* Backs up the database db_path (serving or not) and the regular,
 * non-hidden files of media_dir into dest (see above). The database is
 * copied in steps of a few hundred pages, holding no lock between steps,
 * so writers carry on; when writes keep restarting it, the rest is copied
 * in one step, which in WAL mode still blocks no writer. dest, DEST.media
 * and DEST.manifest must not exist: a backup never overwrites. On failure
 * nothing named dest... is left behind, and err holds one line. */
enum werr backup_run(const char *db_path, const char *media_dir,
		     const char *dest, struct backup_stats *stats, char *err,
		     size_t errlen) WUNUSED;

/* Puts the backup src (written by backup_run) back as the database
 * db_path and the media directory media_dir (created when missing). First
 * checks everything: the manifest, every file's size and hash, that
 * db_path, db_path-wal and db_path-shm do not exist (restore never
 * replaces a database: move the old one aside), and that no media file
 * already present differs from the backup's. Only then copies: the
 * database through a temporary file renamed into place, media files
 * missing from media_dir (files already there are kept). On failure err
 * holds one line and the database is not created. Run it with warta
 * stopped. */
enum werr backup_restore(const char *src, const char *db_path,
			 const char *media_dir, struct backup_stats *stats,
			 char *err, size_t errlen) WUNUSED;

/* The BLAKE2b-256 of the file at path, in hex (65 bytes with the NUL),
 * and its size. W_IO with err set when it cannot be read. */
enum werr backup_hash_file(const char *path, char hex[65], uint64_t *size,
			   char *err, size_t errlen) WUNUSED;

#endif
