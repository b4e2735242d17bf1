/* test_media.c - image sniffing, atomic storage and stored-name checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

/* <unistd.h> defines W_OK for access(), which would clash with enum werr's
 * W_OK; this test never calls access(). */
#undef W_OK

#include "auth.h"
#include "media.h"

/* A complete, valid 1x1 RGBA PNG (IHDR, IDAT, IEND with correct CRCs). */
static const unsigned char png1x1[] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
	0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
	0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
	0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
	0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00,
	0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* The start of a JFIF file: SOI, then the APP0 marker. */
static const unsigned char jpeg_head[] = {
	0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01,
};

#define HEX32 "0123456789abcdef0123456789abcdef"

/* Sniffs a string literal's bytes, without its NUL. */
#define SNIFF(lit, t) media_sniff(lit, sizeof lit - 1, t)

static int
setup(void **state)
{
	(void)state;
	return auth_init() == W_OK ? 0 : -1; /* sodium_init */
}

static void
test_sniff_images(void **state)
{
	enum media_type t = MEDIA__MAX;

	(void)state;
	assert_int_equal(media_sniff(png1x1, sizeof png1x1, &t), W_OK);
	assert_int_equal(t, MEDIA_PNG);

	t = MEDIA__MAX;
	assert_int_equal(media_sniff(jpeg_head, sizeof jpeg_head, &t), W_OK);
	assert_int_equal(t, MEDIA_JPEG);
	t = MEDIA__MAX;
	assert_int_equal(SNIFF("\xff\xd8\xff", &t), W_OK);
	assert_int_equal(t, MEDIA_JPEG);

	t = MEDIA__MAX;
	assert_int_equal(SNIFF("RIFF\x24\0\0\0WEBPVP8 \x18\0\0\0", &t), W_OK);
	assert_int_equal(t, MEDIA_WEBP);
	t = MEDIA__MAX;
	assert_int_equal(SNIFF("RIFF\x1a\0\0\0WEBPVP8L\x0d\0\0\0", &t), W_OK);
	assert_int_equal(t, MEDIA_WEBP);
	t = MEDIA__MAX;
	assert_int_equal(SNIFF("RIFF\x4a\0\0\0WEBPVP8X\x0a\0\0\0", &t), W_OK);
	assert_int_equal(t, MEDIA_WEBP);
}

static void
test_sniff_rejects(void **state)
{
	enum media_type t = MEDIA__MAX;

	(void)state;
	assert_int_equal(SNIFF("<html><body>hi</body></html>", &t),
			 W_UNSUPPORTED);
	assert_int_equal(SNIFF("<script>alert('x\")</script>", &t),
			 W_UNSUPPORTED);
	assert_int_equal(SNIFF("<svg xmlns=\"http://www.w3.org/2000/svg\">",
			       &t),
			 W_UNSUPPORTED);
	assert_int_equal(SNIFF("GIF89a\1\0\1\0\0\0\0", &t), W_UNSUPPORTED);
	assert_int_equal(SNIFF("\xff\xfe\xfd\xfc", &t), W_UNSUPPORTED);
	/* A PNG signature glued to HTML is not a PNG. */
	assert_int_equal(SNIFF("\x89PNG\r\n\x1a\n<html><script>", &t),
			 W_UNSUPPORTED);
	assert_int_equal(SNIFF("\x89PNG\r\n\x1a\n\0\0\0\x0dIDAT", &t),
			 W_UNSUPPORTED);
	/* Truncated headers. */
	assert_int_equal(media_sniff(png1x1, 8, &t), W_UNSUPPORTED);
	assert_int_equal(media_sniff(png1x1, 15, &t), W_UNSUPPORTED);
	assert_int_equal(media_sniff(png1x1, 16, &t), W_OK);
	assert_int_equal(SNIFF("\xff\xd8", &t), W_UNSUPPORTED);
	assert_int_equal(SNIFF("RIFF\x24\0\0\0WEBP", &t), W_UNSUPPORTED);
	assert_int_equal(SNIFF("RIFF\x24\0\0\0WEBPVP8", &t), W_UNSUPPORTED);
	/* RIFF holding something other than a WebP image. */
	assert_int_equal(SNIFF("RIFF\x24\0\0\0WAVEfmt \x10\0\0\0", &t),
			 W_UNSUPPORTED);
	assert_int_equal(SNIFF("RIFF\x24\0\0\0WEBPVP9 \x10\0\0\0", &t),
			 W_UNSUPPORTED);
	assert_int_equal(SNIFF("RIFX\x24\0\0\0WEBPVP8 \x10\0\0\0", &t),
			 W_UNSUPPORTED);
	/* The magic must be at the start, not anywhere. */
	assert_int_equal(SNIFF(" \xff\xd8\xff", &t), W_UNSUPPORTED);
	/* Nothing was overwritten by the failures. */
	assert_int_equal(t, MEDIA_PNG);
}

static void
test_sniff_sizes(void **state)
{
	enum media_type t = MEDIA__MAX;
	unsigned char *big;

	(void)state;
	assert_int_equal(media_sniff(png1x1, 0, &t), W_INVAL);
	assert_int_equal(media_sniff("", 0, &t), W_INVAL);
	assert_int_equal(media_sniff(NULL, 0, &t), W_INVAL);
	assert_int_equal(t, MEDIA__MAX);

	big = calloc(1, MEDIA_MAX_SIZE + 1);
	assert_non_null(big);
	memcpy(big, jpeg_head, sizeof jpeg_head);
	assert_int_equal(media_sniff(big, MEDIA_MAX_SIZE, &t), W_OK);
	assert_int_equal(t, MEDIA_JPEG);
	assert_int_equal(media_sniff(big, MEDIA_MAX_SIZE + 1, &t), W_TOOBIG);
	free(big);
}

static void
test_mime_ext(void **state)
{
	(void)state;
	assert_string_equal(media_mime(MEDIA_JPEG), "image/jpeg");
	assert_string_equal(media_mime(MEDIA_PNG), "image/png");
	assert_string_equal(media_mime(MEDIA_WEBP), "image/webp");
	assert_string_equal(media_ext(MEDIA_JPEG), ".jpg");
	assert_string_equal(media_ext(MEDIA_PNG), ".png");
	assert_string_equal(media_ext(MEDIA_WEBP), ".webp");
	assert_null(media_mime(MEDIA__MAX));
	assert_null(media_ext(MEDIA__MAX));
	assert_null(media_ext((enum media_type)-1));
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* The names in dir, sorted, joined by '\n' into out. */
static void
list_dir(const char *dir, char *out, size_t size)
{
	char names[8][256];
	size_t n = 0, used = 0;
	struct dirent *e;
	DIR *d = opendir(dir);

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		assert_true(n < 8);
		snprintf(names[n++], sizeof names[0], "%s", e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof names[0], cmp_name);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%s",
					 i ? "\n" : "", names[i]);
}

/* Asserts dir/name holds exactly data[0..len) with mode 0644 (less the
 * umask). */
static void
assert_file(const char *dir, const char *name, const void *data, size_t len)
{
	char path[512], got[256];
	struct stat st;
	mode_t mask;
	ssize_t n;
	int fd;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(fstat(fd, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_nlink, 1);
	mask = umask(0);
	umask(mask);
	assert_int_equal(st.st_mode & 0777, 0644 & ~mask);
	assert_int_equal(st.st_size, len);
	assert_true(len <= sizeof got);
	n = read(fd, got, sizeof got);
	close(fd);
	assert_int_equal(n, len);
	assert_memory_equal(got, data, len);
}

static void
test_store(void **state)
{
	char tmpl[] = "/tmp/warta-media-XXXXXX";
	char a[MEDIA_NAME_LEN], b[MEDIA_NAME_LEN], want[256], got[1024];
	char *dir;

	(void)state;
	dir = mkdtemp(tmpl);
	assert_non_null(dir);

	assert_int_equal(media_store(dir, png1x1, sizeof png1x1, MEDIA_PNG, a),
			 W_OK);
	assert_true(media_name_valid(a));
	assert_int_equal(strlen(a), 36);
	assert_string_equal(a + 32, ".png");
	assert_int_equal(media_type_of(a), MEDIA_PNG);
	assert_file(dir, a, png1x1, sizeof png1x1);
	/* Exactly one entry: no temporary file left behind. */
	list_dir(dir, got, sizeof got);
	assert_string_equal(got, a);

	assert_int_equal(media_store(dir, jpeg_head, sizeof jpeg_head,
				     MEDIA_JPEG, b),
			 W_OK);
	assert_true(media_name_valid(b));
	assert_string_equal(b + 32, ".jpg");
	assert_string_not_equal(a, b);
	assert_file(dir, b, jpeg_head, sizeof jpeg_head);
	assert_file(dir, a, png1x1, sizeof png1x1);
	snprintf(want, sizeof want, "%s\n%s", strcmp(a, b) < 0 ? a : b,
		 strcmp(a, b) < 0 ? b : a);
	list_dir(dir, got, sizeof got);
	assert_string_equal(got, want);

	assert_int_equal(media_store(dir, "RIFF\0\0\0\0WEBPVP8X", 16,
				     MEDIA_WEBP, b),
			 W_OK);
	assert_string_equal(b + 32, ".webp");
	assert_true(media_name_valid(b));
	assert_file(dir, b, "RIFF\0\0\0\0WEBPVP8X", 16);

	/* Bad arguments touch nothing. */
	assert_int_equal(media_store(dir, png1x1, sizeof png1x1, MEDIA__MAX,
				     b),
			 W_INVAL);
	assert_string_equal(b, "");
	assert_int_equal(media_store(dir, NULL, 5, MEDIA_PNG, b), W_INVAL);
	assert_int_equal(media_store(NULL, png1x1, 1, MEDIA_PNG, b), W_INVAL);

	/* Three images, nothing else. */
	list_dir(dir, got, sizeof got);
	assert_null(strstr(got, ".tmp-"));
	assert_int_equal(strlen(got), 36 + 1 + 36 + 1 + 37);

	/* Clean up so a rerun starts afresh. */
	{
		DIR *d = opendir(dir);
		struct dirent *e;

		assert_non_null(d);
		while ((e = readdir(d)) != NULL)
			if (e->d_name[0] != '.')
				assert_int_equal(
					unlinkat(dirfd(d), e->d_name, 0), 0);
		closedir(d);
	}
	assert_int_equal(rmdir(dir), 0);
}

static void
test_store_fails(void **state)
{
	char tmpl[] = "/tmp/warta-media-XXXXXX";
	char out[MEDIA_NAME_LEN], path[256], got[1024];
	char *dir;
	int fd;

	(void)state;
	dir = mkdtemp(tmpl);
	assert_non_null(dir);

	/* A directory that does not exist. */
	snprintf(path, sizeof path, "%s/missing", dir);
	memset(out, 'X', sizeof out);
	assert_int_equal(media_store(path, png1x1, sizeof png1x1, MEDIA_PNG,
				     out),
			 W_IO);
	assert_string_equal(out, "");

	/* A file where the directory should be. */
	snprintf(path, sizeof path, "%s/file", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(media_store(path, png1x1, sizeof png1x1, MEDIA_PNG,
				     out),
			 W_IO);
	assert_string_equal(out, "");

	/* A write that fails part-way: with a 10-byte file size limit the
	 * first write is short and the next fails with EFBIG (SIGXFSZ
	 * ignored). The temporary file must go. */
	{
		struct rlimit old, lim;
		void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);

		assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
		lim = old;
		lim.rlim_cur = 10;
		assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
		assert_int_equal(media_store(dir, png1x1, sizeof png1x1,
					     MEDIA_PNG, out),
				 W_IO);
		assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
		signal(SIGXFSZ, prev);
		assert_string_equal(out, "");
	}

	/* Nothing but the file we made. */
	list_dir(dir, got, sizeof got);
	assert_string_equal(got, "file");
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

static void
test_name_valid(void **state)
{
	(void)state;
	assert_true(media_name_valid(HEX32 ".png"));
	assert_true(media_name_valid(HEX32 ".jpg"));
	assert_true(media_name_valid(HEX32 ".webp"));
	assert_true(media_name_valid("ffffffffffffffffffffffffffffffff.png"));

	assert_false(media_name_valid(NULL));
	assert_false(media_name_valid(""));
	assert_false(media_name_valid(".png"));
	assert_false(media_name_valid("x.png"));
	assert_false(media_name_valid("../x.png"));
	assert_false(media_name_valid("../" HEX32 ".png"));
	assert_false(media_name_valid("a/" HEX32 ".png"));
	assert_false(media_name_valid("/" HEX32 ".png"));
	assert_false(media_name_valid("0123456789abcdef/123456789abcdef.png"));
	assert_false(media_name_valid(HEX32 "/.png"));
	assert_false(media_name_valid("0123456789ABCDEF0123456789ABCDEF.png"));
	assert_false(media_name_valid("0123456789abcdef0123456789abcdeF.png"));
	assert_false(media_name_valid("0123456789abcdeg0123456789abcdef.png"));
	assert_false(media_name_valid("0123456789abcdef0123456789abcde.png"));
	assert_false(media_name_valid(HEX32 "0.png"));
	assert_false(media_name_valid(HEX32));
	assert_false(media_name_valid(HEX32 "."));
	assert_false(media_name_valid(HEX32 ".PNG"));
	assert_false(media_name_valid(HEX32 ".jpeg"));
	assert_false(media_name_valid(HEX32 ".gif"));
	assert_false(media_name_valid(HEX32 ".svg"));
	assert_false(media_name_valid(HEX32 ".png.html"));
	assert_false(media_name_valid(HEX32 ".html"));
	assert_false(media_name_valid(HEX32 ".png "));
	assert_false(media_name_valid(HEX32 ".png\n"));
	assert_false(media_name_valid(HEX32 ".pn"));
	assert_false(media_name_valid(".tmp-" HEX32 ".png"));
	assert_false(media_name_valid("<script>alert(1)</script>.png"));
	assert_false(media_name_valid(HEX32 ".png\"'"));
	assert_false(media_name_valid("0123456789abcdef\xc3\xa9"
				      "23456789abcdef.png"));
}

static void
test_type_of(void **state)
{
	(void)state;
	assert_int_equal(media_type_of(HEX32 ".jpg"), MEDIA_JPEG);
	assert_int_equal(media_type_of(HEX32 ".png"), MEDIA_PNG);
	assert_int_equal(media_type_of(HEX32 ".webp"), MEDIA_WEBP);
	assert_int_equal(media_type_of(HEX32 ".gif"), MEDIA__MAX);
	assert_int_equal(media_type_of(HEX32 ".png.html"), MEDIA__MAX);
	assert_int_equal(media_type_of(HEX32 ".PNG"), MEDIA__MAX);
	assert_int_equal(media_type_of(HEX32), MEDIA__MAX);
	assert_int_equal(media_type_of("png"), MEDIA__MAX);
	assert_int_equal(media_type_of(""), MEDIA__MAX);
	assert_int_equal(media_type_of(NULL), MEDIA__MAX);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sniff_images),
		cmocka_unit_test(test_sniff_rejects),
		cmocka_unit_test(test_sniff_sizes),
		cmocka_unit_test(test_mime_ext),
		cmocka_unit_test(test_store),
		cmocka_unit_test(test_store_fails),
		cmocka_unit_test(test_name_valid),
		cmocka_unit_test(test_type_of),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
