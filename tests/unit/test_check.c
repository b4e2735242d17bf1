/* test_check.c - what `warta check` finds: damage to the search index,
 * broken foreign keys, missing and orphan media files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "check.h"
#include "fixture.h"

struct fx {
	struct db *db;
	char dir[64];
	char *out;
	size_t outlen;
};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	f->db = fixture_db();
	strcpy(f->dir, "/tmp/warta-check-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	fixture_exec(f->db,
		     "INSERT INTO sections (id, slug, name) VALUES "
		     "(1, 'politik', 'Politik');"
		     "INSERT INTO articles (id, slug, title, lead, body_md, "
		     "status, section_id, published_at, updated_at, "
		     "created_at) VALUES (1, 'debat', 'Debat kandidat', "
		     "'Debat pertama', 'Isi debat.', 'published', 1, 100, "
		     "100, 100);");
	*state = f;
	return 0;
}

static void
write_file(const char *dir, const char *name)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("x", fp);
	fclose(fp);
}

static int
teardown(void **state)
{
	struct fx *f = *state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	db_close(f->db);
	free(f->out);
	free(f);
	return 0;
}

/* Runs the check; returns its report, the lines in f->out. */
static struct check_report
run(struct fx *f)
{
	struct check_report r;
	char err[256];
	free(f->out);
	f->out = NULL;
	FILE *out = open_memstream(&f->out, &f->outlen);
	assert_non_null(out);
	assert_int_equal(check_run(db_sqlite(f->db), f->dir, out, &r, err,
				   sizeof err),
			 W_OK);
	fclose(out);
	return r;
}

static void
test_clean(void **state)
{
	struct fx *f = *state;
	fixture_exec(f->db, "INSERT INTO media (id, name, mime, size, "
			    "created_at) VALUES (1, 'aa.png', 'image/png', 1, "
			    "1)");
	write_file(f->dir, "aa.png");
	/* An upload being written, and a directory: neither is media. */
	write_file(f->dir, ".aa.png.tmp");
	char sub[128];
	snprintf(sub, sizeof sub, "%s/sub", f->dir);
	assert_int_equal(mkdir(sub, 0755), 0);
	struct check_report r = run(f);
	assert_int_equal(r.problems, 0);
	assert_int_equal(r.media_rows, 1);
	assert_int_equal(r.media_files, 1);
	assert_string_equal(f->out, "");
}

static void
test_media_missing_and_orphan(void **state)
{
	struct fx *f = *state;
	fixture_exec(f->db, "INSERT INTO media (id, name, mime, size, "
			    "created_at) VALUES (1, 'bb.png', 'image/png', 1, "
			    "1), (2, 'dd.png', 'image/png', 1, 1), (3, "
			    "'ff.png', 'image/png', 1, 1)");
	write_file(f->dir, "aa.png");
	write_file(f->dir, "bb.png");
	write_file(f->dir, "cc.png");
	write_file(f->dir, "zz.png");
	struct check_report r = run(f);
	assert_int_equal(r.problems, 5);
	assert_int_equal(r.media_rows, 3);
	assert_int_equal(r.media_files, 4);
	char want[1024];
	snprintf(want, sizeof want,
		 "media orphan: %1$s/aa.png: no picture in the database "
		 "names it\n"
		 "media orphan: %1$s/cc.png: no picture in the database "
		 "names it\n"
		 "media missing: %1$s/dd.png: the file of picture 2 is gone\n"
		 "media missing: %1$s/ff.png: the file of picture 3 is gone\n"
		 "media orphan: %1$s/zz.png: no picture in the database "
		 "names it\n",
		 f->dir);
	assert_string_equal(f->out, want);
}

static void
test_pictures(void **state)
{
	struct fx *f = *state;
	/* A processed picture's files are its renditions and its kept
	 * original; its widest JPEG must be there. A rendition whose key no
	 * row has is an orphan. */
	fixture_exec(f->db, "INSERT INTO media (id, name, mime, size, "
			    "created_at, pkey, width, height) VALUES "
			    "(1, '00000000000000a1', 'image/jpeg', 1, 1, "
			    "'00000000000000a1', 2400, 1600), "
			    "(2, '00000000000000b2', 'image/jpeg', 1, 1, "
			    "'00000000000000b2', 700, 500)");
	write_file(f->dir, "00000000000000a1-w1920.jpg");
	write_file(f->dir, "00000000000000a1-w320.webp");
	write_file(f->dir, "00000000000000a1-share-500-500.jpg");
	write_file(f->dir, "00000000000000a1-wide-900-10.jpg");
	write_file(f->dir, "00000000000000a1.orig");
	write_file(f->dir, "00000000000000b2-w320.jpg");
	write_file(f->dir, "00000000000000c3-w320.jpg");
	struct check_report r = run(f);
	assert_int_equal(r.media_rows, 2);
	assert_int_equal(r.media_files, 7);
	char want[1024];
	snprintf(want, sizeof want,
		 "media missing: %1$s/00000000000000b2-w700.jpg: the file of "
		 "picture 2 is gone\n"
		 "media orphan: %1$s/00000000000000c3-w320.jpg: no picture in "
		 "the database names it\n",
		 f->dir);
	assert_string_equal(f->out, want);
	assert_int_equal(r.problems, 2);
}

static void
test_search_index_damage(void **state)
{
	struct fx *f = *state;
	assert_int_equal(run(f).problems, 0);
	/* Words for an article that does not exist, put in behind the
	 * triggers' back. */
	fixture_exec(f->db, "INSERT INTO articles_fts (rowid, title, lead, "
			    "body_md) VALUES (99, 'hantu', 'hantu', 'hantu')");
	struct check_report r = run(f);
	assert_int_equal(r.problems, 1);
	assert_string_equal(f->out, "search index: article 99 is in the "
				    "index but not public\n");
	/* And a public article left out of it. */
	fixture_exec(f->db, "DELETE FROM articles_fts_docsize WHERE id = 99;"
			    "DELETE FROM articles_fts_docsize WHERE id = 1;");
	r = run(f);
	assert_non_null(strstr(f->out, "search index: article 1 is public but "
				       "not in the index\n"));
}

static void
test_foreign_key(void **state)
{
	struct fx *f = *state;
	fixture_exec(f->db, "PRAGMA foreign_keys = OFF;"
			    "UPDATE articles SET section_id = 42 WHERE id = 1;"
			    "PRAGMA foreign_keys = ON");
	struct check_report r = run(f);
	assert_int_equal(r.problems, 1);
	assert_string_equal(f->out, "foreign key: articles row 1 refers to a "
				    "missing sections row\n");
}

static void
test_unreadable_media_dir(void **state)
{
	struct fx *f = *state;
	struct check_report r;
	char err[256];
	FILE *out = open_memstream(&f->out, &f->outlen);
	assert_int_equal(check_run(db_sqlite(f->db), "/nonexistent/media",
				   out, &r, err, sizeof err),
			 W_IO);
	fclose(out);
	assert_string_equal(err, "--media /nonexistent/media: No such file or "
				 "directory");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_clean, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_pictures, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_media_missing_and_orphan,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_search_index_damage, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_foreign_key, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unreadable_media_dir, setup,
					    teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
