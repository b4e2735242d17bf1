/* test_backup.c - backup and restore of a database file and its media:
 * the manifest, refusing to overwrite, and checking before writing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>
#include <sodium.h>

#include "backup.h"
#include "db.h"
#include "fixture.h"
#include "migrate.h"

struct fx {
	char dir[64];
	char db[128], media[128], dest[128];
};

static void
put(const char *path, const char *content)
{
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(content, fp);
	assert_int_equal(fclose(fp), 0);
}

static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "r");
	assert_non_null(fp);
	static char buf[8192];
	size_t n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static bool
exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	char err[256];
	if (!f || sodium_init() < 0)
		return -1;
	strcpy(f->dir, "/tmp/warta-backup-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->db, sizeof f->db, "%s/warta.db", f->dir);
	snprintf(f->media, sizeof f->media, "%s/media", f->dir);
	snprintf(f->dest, sizeof f->dest, "%s/bak.db", f->dir);
	struct db *db = db_open(f->db, true, err, sizeof err);
	assert_non_null(db);
	assert_int_equal(migrate_up(db, NULL, err, sizeof err), W_OK);
	fixture_exec(db, "INSERT INTO sections (id, slug, name) VALUES "
			 "(1, 'politik', 'Politik')");
	db_close(db);
	assert_int_equal(mkdir(f->media, 0755), 0);
	char p[256];
	snprintf(p, sizeof p, "%s/aa.png", f->media);
	put(p, "gambar-a");
	snprintf(p, sizeof p, "%s/bb.jpg", f->media);
	put(p, "gambar-b");
	snprintf(p, sizeof p, "%s/.upload.tmp", f->media); /* not backed up */
	put(p, "half");
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

static void
hash_of(const char *s, char hex[65])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)s, strlen(s),
			   NULL, 0);
	sodium_bin2hex(hex, 65, h, sizeof h);
}

static void
test_backup_writes_manifest(void **state)
{
	struct fx *f = *state;
	struct backup_stats st;
	char err[512], p[256], want[1024], ha[65], hb[65], hdb[65];
	uint64_t size;

	assert_int_equal(backup_run(f->db, f->media, f->dest, &st, err,
				    sizeof err),
			 W_OK);
	assert_int_equal(st.media_files, 2);
	assert_int_equal(st.media_bytes, 16);
	snprintf(p, sizeof p, "%s.media/aa.png", f->dest);
	assert_string_equal(slurp(p), "gambar-a");
	snprintf(p, sizeof p, "%s.media/.upload.tmp", f->dest);
	assert_false(exists(p));
	/* The database copy is private whatever the umask. */
	struct stat sb;
	assert_int_equal(stat(f->dest, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(backup_hash_file(f->dest, hdb, &size, err,
					  sizeof err),
			 W_OK);
	assert_int_equal(size, st.db_bytes);
	hash_of("gambar-a", ha);
	hash_of("gambar-b", hb);
	snprintf(want, sizeof want,
		 "warta-backup 1\n%s %llu db\n%s 8 media/aa.png\n"
		 "%s 8 media/bb.jpg\n",
		 hdb, (unsigned long long)size, ha, hb);
	snprintf(p, sizeof p, "%s.manifest", f->dest);
	assert_string_equal(slurp(p), want);

	/* The copy is a database of its own: no WAL, the same schema. */
	char err2[256];
	struct db *db = db_open(f->dest, false, err2, sizeof err2);
	assert_non_null(db);
	assert_int_equal(fixture_count(db, "SELECT count(*) FROM sections"),
			 1);
	db_close(db);

	/* Never over an existing backup. */
	assert_int_equal(backup_run(f->db, f->media, f->dest, &st, err,
				    sizeof err),
			 W_CONFLICT);
	assert_non_null(strstr(err, "already exists"));
}

static void
test_backup_failure_leaves_nothing(void **state)
{
	struct fx *f = *state;
	struct backup_stats st;
	char err[512], p[256];

	/* Not a database: the online backup fails, nothing is left. */
	snprintf(p, sizeof p, "%s/junk.db", f->dir);
	put(p, "this is not an SQLite database, not even close to one....."
	       "..........................................................");
	assert_int_not_equal(backup_run(p, f->media, f->dest, &st, err,
					sizeof err),
			     W_OK);
	assert_false(exists(f->dest));
	snprintf(p, sizeof p, "%s.media", f->dest);
	assert_false(exists(p));
	snprintf(p, sizeof p, "%s.manifest", f->dest);
	assert_false(exists(p));
	/* A missing media directory is an error too. */
	assert_int_equal(backup_run(f->db, "/nonexistent/media", f->dest, &st,
				    err, sizeof err),
			 W_IO);
	assert_false(exists(f->dest));
}

static void
test_restore(void **state)
{
	struct fx *f = *state;
	struct backup_stats st;
	char err[512], target[256], media2[256], p[512];

	assert_int_equal(backup_run(f->db, f->media, f->dest, &st, err,
				    sizeof err),
			 W_OK);
	snprintf(target, sizeof target, "%s/restored.db", f->dir);
	snprintf(media2, sizeof media2, "%s/media2", f->dir);
	assert_int_equal(backup_restore(f->dest, target, media2, &st, err,
					sizeof err),
			 W_OK);
	assert_int_equal(st.media_files, 2);
	snprintf(p, sizeof p, "%s/bb.jpg", media2);
	assert_string_equal(slurp(p), "gambar-b");
	/* Modes come with the files: a private database, pictures as they
	 * were. */
	struct stat sb, orig;
	char o[256];
	snprintf(o, sizeof o, "%s/bb.jpg", f->media);
	assert_int_equal(stat(p, &sb), 0);
	assert_int_equal(stat(o, &orig), 0);
	assert_int_equal(sb.st_mode & 0777, orig.st_mode & 0777);
	assert_int_equal(stat(target, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	struct db *db = db_open(target, false, err, sizeof err);
	assert_non_null(db);
	assert_int_equal(fixture_count(db, "SELECT count(*) FROM sections"),
			 1);
	db_close(db);

	/* Never over an existing database. */
	assert_int_equal(backup_restore(f->dest, target, media2, &st, err,
					sizeof err),
			 W_CONFLICT);
	assert_non_null(strstr(err, "move it aside"));
}

static void
test_restore_checks_before_writing(void **state)
{
	struct fx *f = *state;
	struct backup_stats st;
	char err[512], target[256], media2[256], p[512];

	assert_int_equal(backup_run(f->db, f->media, f->dest, &st, err,
				    sizeof err),
			 W_OK);
	snprintf(target, sizeof target, "%s/restored.db", f->dir);
	snprintf(media2, sizeof media2, "%s/media2", f->dir);

	/* A media file of the backup damaged: nothing is written. */
	snprintf(p, sizeof p, "%s.media/bb.jpg", f->dest);
	put(p, "gambar-X");
	assert_int_equal(backup_restore(f->dest, target, media2, &st, err,
					sizeof err),
			 W_INVAL);
	assert_non_null(strstr(err, "bb.jpg differs from its manifest"));
	assert_false(exists(target));
	assert_false(exists(media2));
	put(p, "gambar-b");

	/* A file already in the media directory with other content. */
	assert_int_equal(mkdir(media2, 0755), 0);
	snprintf(p, sizeof p, "%s/aa.png", media2);
	put(p, "lain");
	assert_int_equal(backup_restore(f->dest, target, media2, &st, err,
					sizeof err),
			 W_CONFLICT);
	assert_non_null(strstr(err, "aa.png exists and differs"));
	assert_false(exists(target));
	/* The same content is kept and not copied again. */
	put(p, "gambar-a");
	assert_int_equal(backup_restore(f->dest, target, media2, &st, err,
					sizeof err),
			 W_OK);
	assert_int_equal(st.media_files, 1);

	/* A stale WAL beside the target blocks a restore. */
	char t2[256];
	snprintf(t2, sizeof t2, "%s/other.db", f->dir);
	snprintf(p, sizeof p, "%s-wal", t2);
	put(p, "stale");
	assert_int_equal(backup_restore(f->dest, t2, media2, &st, err,
					sizeof err),
			 W_CONFLICT);
	assert_false(exists(t2));

	/* A damaged manifest. */
	snprintf(p, sizeof p, "%s.manifest", f->dest);
	put(p, "warta-backup 1\nnothex 12 db\n");
	assert_int_equal(backup_restore(f->dest, t2, media2, &st, err,
					sizeof err),
			 W_INVAL);
	assert_non_null(strstr(err, ".manifest:2:"));
	put(p, "warta-backup 1\n");
	assert_int_not_equal(backup_restore(f->dest, t2, media2, &st, err,
					    sizeof err),
			     W_OK);
	unlink(p);
	assert_int_equal(backup_restore(f->dest, t2, media2, &st, err,
					sizeof err),
			 W_IO);
	assert_non_null(strstr(err, "not a complete backup"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_backup_writes_manifest, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_backup_failure_leaves_nothing,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_restore, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_restore_checks_before_writing,
					    setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
