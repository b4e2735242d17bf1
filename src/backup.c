/* backup.c - online backup of the database and the media, with a manifest
 * of hashes; and restore, which checks everything before it writes. */
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "backup.h"

#define HASH_BYTES 32 /* BLAKE2b-256 */
#define HEX_LEN (2 * HASH_BYTES)
#define PATH_MAX_LEN 4096
/* Pages per online backup step: about 1 MiB of 4 KiB pages, a few
 * milliseconds of reading with nothing locked in between. */
#define STEP_PAGES 256
/* Restarts (a write landing between two steps makes SQLite start over)
 * before the rest is copied in one step. */
#define MAX_RESTARTS 3
#define MANIFEST_MAGIC "warta-backup 1"

static void
fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* snprintf into out (PATH_MAX_LEN); false when the result was cut. */
static bool
path_of(char *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool
path_of(char *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(out, PATH_MAX_LEN, fmt, ap);
	va_end(ap);
	return n >= 0 && n < PATH_MAX_LEN;
}

static bool
exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0 || errno != ENOENT;
}

/* A name a backup carries: not hidden, no slash, no control bytes. Names
 * outside this (never made by warta) are left out of backups. */
static bool
plain_name(const char *name)
{
	if (!name[0] || name[0] == '.')
		return false;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p == '/')
			return false;
	return true;
}

/* Syncs a directory, so that the links made in it survive a power cut. */
static void
sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Syncs the directory holding path. */
static void
sync_dir_of(const char *path)
{
	char dir[PATH_MAX_LEN];
	const char *slash = strrchr(path, '/');
	if (!slash)
		strcpy(dir, ".");
	else if (slash == path)
		strcpy(dir, "/");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	sync_dir(dir);
}

static void
to_hex(const unsigned char h[HASH_BYTES], char hex[HEX_LEN + 1])
{
	sodium_bin2hex(hex, HEX_LEN + 1, h, HASH_BYTES);
}

/* Streams from fd_in to fd_out (or nowhere when fd_out < 0), hashing. */
static enum werr
stream(int fd_in, int fd_out, char hex[HEX_LEN + 1], uint64_t *size,
       const char *what, char *err, size_t errlen)
{
	crypto_generichash_state st;
	unsigned char h[HASH_BYTES];
	static_assert(HASH_BYTES >= crypto_generichash_BYTES_MIN,
		      "BLAKE2b output size");
	char chunk[1 << 16];
	uint64_t total = 0;

	crypto_generichash_init(&st, NULL, 0, HASH_BYTES);
	for (;;) {
		ssize_t n = read(fd_in, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			fail(err, errlen, "%s: %s", what, strerror(errno));
			return W_IO;
		}
		if (n == 0)
			break;
		crypto_generichash_update(&st, (unsigned char *)chunk,
					  (size_t)n);
		total += (uint64_t)n;
		for (ssize_t off = 0; fd_out >= 0 && off < n;) {
			ssize_t w = write(fd_out, chunk + off, (size_t)(n - off));
			if (w < 0 && errno == EINTR)
				continue;
			if (w < 0) {
				fail(err, errlen, "writing the copy of %s: %s",
				     what, strerror(errno));
				return W_IO;
			}
			off += w;
		}
	}
	crypto_generichash_final(&st, h, HASH_BYTES);
	to_hex(h, hex);
	*size = total;
	return W_OK;
}

enum werr
backup_hash_file(const char *path, char hex[65], uint64_t *size, char *err,
		 size_t errlen)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0) {
		fail(err, errlen, "%s: %s", path, strerror(errno));
		return W_IO;
	}
	enum werr e = stream(fd, -1, hex, size, path, err, errlen);
	close(fd);
	return e;
}

/* Copies src to dst, which must not exist, through a hidden temporary file
 * in dst's directory that is synced and then linked into place (so dst is
 * never half-written, and an existing dst is never replaced). The copy
 * keeps src's permission bits: a database stays private, a picture stays
 * readable by the web server's group. Gives the copy's hash and size. */
static enum werr
copy_file(const char *src, const char *dst, char hex[HEX_LEN + 1],
	  uint64_t *size, char *err, size_t errlen)
{
	char tmp[PATH_MAX_LEN];
	const char *slash = strrchr(dst, '/');
	int dlen = slash ? (int)(slash - dst + 1) : 0;
	if (!path_of(tmp, "%.*s.%s.XXXXXX", dlen, dst, dst + dlen)) {
		fail(err, errlen, "%s: path too long", dst);
		return W_INVAL;
	}
	int in = open(src, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (in < 0) {
		fail(err, errlen, "%s: %s", src, strerror(errno));
		return W_IO;
	}
	int out = mkstemp(tmp);
	if (out < 0) {
		fail(err, errlen, "%s: %s", tmp, strerror(errno));
		close(in);
		return W_IO;
	}
	struct stat st;
	enum werr e = W_OK;
	if (fstat(in, &st) != 0) {
		fail(err, errlen, "%s: %s", src, strerror(errno));
		e = W_IO;
	}
	if (e == W_OK)
		e = stream(in, out, hex, size, src, err, errlen);
	close(in);
	if (e == W_OK &&
	    (fchmod(out, st.st_mode & 0777) != 0 || fsync(out) != 0)) {
		fail(err, errlen, "%s: %s", tmp, strerror(errno));
		e = W_IO;
	}
	if (close(out) != 0 && e == W_OK) {
		fail(err, errlen, "%s: %s", tmp, strerror(errno));
		e = W_IO;
	}
	if (e == W_OK && link(tmp, dst) != 0) {
		fail(err, errlen, "%s: %s", dst, strerror(errno));
		e = W_IO;
	}
	unlink(tmp);
	return e;
}

/* SQLite's online backup of the database at src into the new file at dst,
 * which then leaves WAL mode (a backup is one self-contained file) and
 * must pass quick_check. */
static enum werr
copy_db(const char *src, const char *dst, struct backup_stats *stats,
	char *err, size_t errlen)
{
	sqlite3 *from = NULL, *to = NULL;
	sqlite3_backup *b = NULL;
	enum werr e = W_DB;
	int rc;

	if (sqlite3_open_v2(src, &from, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		fail(err, errlen, "%s: %s", src,
		     from ? sqlite3_errmsg(from) : "out of memory");
		goto out;
	}
	sqlite3_busy_timeout(from, 5000);
	if (sqlite3_open_v2(dst, &to,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK) {
		fail(err, errlen, "%s: %s", dst,
		     to ? sqlite3_errmsg(to) : "out of memory");
		goto out;
	}
	b = sqlite3_backup_init(to, "main", from, "main");
	if (!b) {
		fail(err, errlen, "%s: %s", dst, sqlite3_errmsg(to));
		goto out;
	}
	int last = -1, busy = 0, pages = STEP_PAGES;
	for (;;) {
		rc = sqlite3_backup_step(b, pages);
		if (rc == SQLITE_DONE)
			break;
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
			/* A writer holds the file for a moment: wait a
			 * little, up to about ten seconds in all. */
			if (++busy > 500)
				break;
			sqlite3_sleep(20);
			continue;
		}
		if (rc != SQLITE_OK)
			break;
		int left = sqlite3_backup_remaining(b);
		if (last >= 0 && left > last && ++stats->restarts >= MAX_RESTARTS)
			pages = -1;
		last = left;
	}
	rc = sqlite3_backup_finish(b);
	b = NULL;
	if (rc != SQLITE_OK) {
		fail(err, errlen, "backing up %s: %s", src, sqlite3_errstr(rc));
		goto out;
	}
	char *msg = NULL;
	if (sqlite3_exec(to, "PRAGMA journal_mode = DELETE", NULL, NULL,
			 &msg) != SQLITE_OK) {
		fail(err, errlen, "%s: %s", dst, msg ? msg : "journal_mode");
		sqlite3_free(msg);
		goto out;
	}
	sqlite3_stmt *st = NULL;
	rc = sqlite3_prepare_v2(to, "PRAGMA quick_check", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	bool ok = rc == SQLITE_ROW &&
		  strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
	sqlite3_finalize(st);
	if (!ok) {
		fail(err, errlen, "the copy of %s fails quick_check: is %s "
				  "damaged? (warta check tells)", src, src);
		goto out;
	}
	e = W_OK;
out:
	sqlite3_close(to);
	sqlite3_close(from);
	return e;
}

/* Removes what a failed backup made: the files it wrote into the media
 * copy, that directory, and the database copy. */
static void
undo_backup(const char *dest, bool db, bool media_dir)
{
	char p[PATH_MAX_LEN];
	if (media_dir && path_of(p, "%s.media", dest)) {
		DIR *d = opendir(p);
		struct dirent *de;
		char f[PATH_MAX_LEN];
		while (d && (de = readdir(d)))
			if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..") &&
			    path_of(f, "%s/%s", p, de->d_name))
				unlink(f);
		if (d)
			closedir(d);
		rmdir(p);
	}
	if (db)
		unlink(dest);
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

enum werr
backup_run(const char *db_path, const char *media_dir, const char *dest,
	   struct backup_stats *stats, char *err, size_t errlen)
{
	char media_to[PATH_MAX_LEN], manifest[PATH_MAX_LEN], tmp[PATH_MAX_LEN];
	char src[PATH_MAX_LEN], dst[PATH_MAX_LEN], hex[HEX_LEN + 1];
	struct dirent **names = NULL;
	int n = 0;
	FILE *mf = NULL;
	bool made_db = false, made_media = false;
	enum werr e = W_IO;
	uint64_t size;

	memset(stats, 0, sizeof *stats);
	if (!path_of(media_to, "%s.media", dest) ||
	    !path_of(manifest, "%s.manifest", dest) ||
	    !path_of(tmp, "%s.part.XXXXXX", dest)) {
		fail(err, errlen, "%s: path too long", dest);
		return W_INVAL;
	}
	const char *taken[] = {dest, media_to, manifest};
	for (size_t i = 0; i < 3; i++) {
		if (exists(taken[i])) {
			fail(err, errlen, "%s already exists: a backup never "
					  "overwrites", taken[i]);
			return W_CONFLICT;
		}
	}
	n = scandir(media_dir, &names, NULL, by_name);
	if (n < 0) {
		fail(err, errlen, "--media %s: %s", media_dir, strerror(errno));
		return W_IO;
	}

	/* The database first: the media copied after it holds every file
	 * the copy can refer to. */
	int fd = mkstemp(tmp);
	if (fd < 0) {
		fail(err, errlen, "%s: %s", tmp, strerror(errno));
		goto out;
	}
	close(fd);
	e = copy_db(db_path, tmp, stats, err, errlen);
	if (e == W_OK)
		e = backup_hash_file(tmp, hex, &stats->db_bytes, err, errlen);
	if (e == W_OK && link(tmp, dest) != 0) {
		fail(err, errlen, "%s: %s", dest, strerror(errno));
		e = W_IO;
	}
	unlink(tmp);
	if (e != W_OK)
		goto out;
	made_db = true;

	e = W_IO;
	if (!path_of(tmp, "%s.manifest.part.XXXXXX", dest) ||
	    (fd = mkstemp(tmp)) < 0) {
		fail(err, errlen, "%s: %s", tmp, strerror(errno));
		goto out;
	}
	if (!(mf = fdopen(fd, "w"))) {
		fail(err, errlen, "%s: %s", tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		goto out;
	}
	fprintf(mf, "%s\n%s %llu db\n", MANIFEST_MAGIC, hex,
		(unsigned long long)stats->db_bytes);
	if (mkdir(media_to, 0755) != 0) {
		fail(err, errlen, "%s: %s", media_to, strerror(errno));
		goto out;
	}
	made_media = true;
	for (int i = 0; i < n; i++) {
		struct stat st;
		const char *name = names[i]->d_name;
		if (!plain_name(name) || !path_of(src, "%s/%s", media_dir, name))
			continue;
		if (lstat(src, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		if (!path_of(dst, "%s/%s", media_to, name)) {
			fail(err, errlen, "%s/%s: path too long", media_to, name);
			goto out;
		}
		if (copy_file(src, dst, hex, &size, err, errlen) != W_OK)
			goto out;
		fprintf(mf, "%s %llu media/%s\n", hex,
			(unsigned long long)size, name);
		stats->media_files++;
		stats->media_bytes += size;
	}
	sync_dir(media_to);
	if (fflush(mf) != 0 || fsync(fileno(mf)) != 0) {
		fail(err, errlen, "%s: %s", tmp, strerror(errno));
		goto out;
	}
	if (link(tmp, manifest) != 0) {
		fail(err, errlen, "%s: %s", manifest, strerror(errno));
		goto out;
	}
	sync_dir_of(manifest);
	e = W_OK;
out:
	if (mf) {
		fclose(mf);
		unlink(tmp);
	}
	if (e != W_OK)
		undo_backup(dest, made_db, made_media);
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return e;
}

/* One line of a manifest. */
struct entry {
	char hex[HEX_LEN + 1];
	uint64_t size;
	char *name; /* "db" or "media/NAME"; owned */
};

static void
entries_free(struct entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

/* Reads and validates src.manifest into *out (n entries, the database
 * first). */
static enum werr
read_manifest(const char *src, struct entry **out, size_t *nout, char *err,
	      size_t errlen)
{
	char path[PATH_MAX_LEN], line[PATH_MAX_LEN + 128];
	struct entry *v = NULL;
	size_t n = 0, cap = 0, lineno = 1;
	enum werr e = W_INVAL;

	if (!path_of(path, "%s.manifest", src)) {
		fail(err, errlen, "%s: path too long", src);
		return W_INVAL;
	}
	FILE *f = fopen(path, "r");
	if (!f) {
		fail(err, errlen, "%s: %s (not a complete backup)", path,
		     strerror(errno));
		return W_IO;
	}
	if (!fgets(line, sizeof line, f) ||
	    strcmp(line, MANIFEST_MAGIC "\n") != 0) {
		fail(err, errlen, "%s: not a warta backup manifest", path);
		goto out;
	}
	while (fgets(line, sizeof line, f)) {
		lineno++;
		size_t len = strlen(line);
		char *sp1 = strchr(line, ' ');
		char *sp2 = sp1 ? strchr(sp1 + 1, ' ') : NULL;
		char *end = NULL;
		if (len == 0 || line[len - 1] != '\n' || !sp2 ||
		    sp1 - line != HEX_LEN)
			goto bad;
		line[len - 1] = '\0';
		*sp1 = *sp2 = '\0';
		for (const char *p = line; *p; p++)
			if (!strchr("0123456789abcdef", *p))
				goto bad;
		errno = 0;
		unsigned long long size = strtoull(sp1 + 1, &end, 10);
		if (errno || *end || end == sp1 + 1 || sp1[1] == '-')
			goto bad;
		const char *name = sp2 + 1;
		bool db = strcmp(name, "db") == 0;
		if (db != (n == 0) ||
		    (!db && (strncmp(name, "media/", 6) != 0 ||
			     !plain_name(name + 6))))
			goto bad;
		if (n == cap) {
			size_t ncap = cap ? 2 * cap : 64;
			struct entry *nv = realloc(v, ncap * sizeof *v);
			if (!nv) {
				fail(err, errlen, "out of memory");
				e = W_NOMEM;
				goto out;
			}
			v = nv;
			cap = ncap;
		}
		memcpy(v[n].hex, line, HEX_LEN + 1);
		v[n].size = size;
		v[n].name = strdup(name);
		if (!v[n].name) {
			fail(err, errlen, "out of memory");
			e = W_NOMEM;
			goto out;
		}
		n++;
	}
	if (ferror(f) || n == 0) {
		fail(err, errlen, "%s: %s", path,
		     n ? strerror(errno) : "no database listed");
		goto out;
	}
	*out = v;
	*nout = n;
	v = NULL;
	n = 0;
	e = W_OK;
	goto out;
bad:
	fail(err, errlen, "%s:%zu: not \"HASH SIZE db|media/NAME\"", path,
	     lineno);
out:
	entries_free(v, n);
	fclose(f);
	return e;
}

/* The path in the backup src of manifest entry name. */
static bool
backup_path(char *out, const char *src, const char *name)
{
	return strcmp(name, "db") == 0 ? path_of(out, "%s", src)
				       : path_of(out, "%s.%s", src, name);
}

enum werr
backup_restore(const char *src, const char *db_path, const char *media_dir,
	       struct backup_stats *stats, char *err, size_t errlen)
{
	struct entry *v = NULL;
	size_t n = 0;
	char path[PATH_MAX_LEN], target[PATH_MAX_LEN], hex[HEX_LEN + 1];
	uint64_t size;
	enum werr e;

	memset(stats, 0, sizeof *stats);
	e = read_manifest(src, &v, &n, err, errlen);
	if (e != W_OK)
		return e;
	e = W_CONFLICT;
	const char *suffixes[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < 4; i++) {
		if (!path_of(path, "%s%s", db_path, suffixes[i]))
			goto toolong;
		if (exists(path)) {
			fail(err, errlen, "%s exists: restore never replaces "
					  "a database (move it aside first)",
			     path);
			goto out;
		}
	}
	/* Check everything before writing anything. */
	for (size_t i = 0; i < n; i++) {
		if (!backup_path(path, src, v[i].name))
			goto toolong;
		e = backup_hash_file(path, hex, &size, err, errlen);
		if (e != W_OK)
			goto out;
		if (size != v[i].size || strcmp(hex, v[i].hex) != 0) {
			fail(err, errlen, "%s differs from its manifest: the "
					  "backup is damaged", path);
			e = W_INVAL;
			goto out;
		}
		if (i == 0)
			continue;
		if (!path_of(target, "%s/%s", media_dir, v[i].name + 6))
			goto toolong;
		if (!exists(target))
			continue;
		e = backup_hash_file(target, hex, &size, err, errlen);
		if (e != W_OK)
			goto out;
		if (strcmp(hex, v[i].hex) != 0) {
			fail(err, errlen, "%s exists and differs from the "
					  "backup's copy", target);
			e = W_CONFLICT;
			goto out;
		}
	}

	/* The media first, so that a failure leaves no database behind. */
	if (n > 1 && mkdir(media_dir, 0755) != 0 && errno != EEXIST) {
		fail(err, errlen, "--media %s: %s", media_dir, strerror(errno));
		e = W_IO;
		goto out;
	}
	for (size_t i = 1; i < n; i++) {
		if (!backup_path(path, src, v[i].name) ||
		    !path_of(target, "%s/%s", media_dir, v[i].name + 6))
			goto toolong;
		if (exists(target))
			continue;
		e = copy_file(path, target, hex, &size, err, errlen);
		if (e != W_OK)
			goto out;
		stats->media_files++;
		stats->media_bytes += size;
	}
	if (n > 1)
		sync_dir(media_dir);
	e = copy_file(src, db_path, hex, &stats->db_bytes, err, errlen);
	if (e != W_OK)
		goto out;
	if (strcmp(hex, v[0].hex) != 0) {
		/* Changed between the check and the copy. */
		unlink(db_path);
		fail(err, errlen, "%s changed while it was restored", src);
		e = W_IO;
		goto out;
	}
	sync_dir_of(db_path);
	e = W_OK;
	goto out;
toolong:
	fail(err, errlen, "%s: path too long", src);
	e = W_INVAL;
out:
	entries_free(v, n);
	return e;
}
