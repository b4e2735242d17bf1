/* fuzz_image.c - libFuzzer harness for the upload path of pictures:
 * image_process(), the warta-picture helper's entry point, which picks an
 * allowed libvips loader by the bytes, checks the pixel limit from the
 * header, decodes everything, and writes the renditions.
 *
 * Build and run (from the repository root):
 *   clang -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g \
 *     -fsanitize=fuzzer,address,undefined -Isrc -Isrc/image \
 *     tests/fuzz/fuzz_image.c src/image/image.c src/picture.c \
 *     src/picture_key.c $(pkg-config --cflags --libs vips libsodium) \
 *     -o fuzz_image
 *   mkdir -p corpus && ./build/test/tests/picture_fixtures corpus
 *   ./fuzz_image -max_total_time=300 -max_len=262144 -rss_limit_mb=4096 \
 *     corpus
 *
 * The pixel limit is kept small (4 megapixels) so that every run is quick
 * and a header that claims more is the refusal it should be. Besides
 * memory errors it checks properties: a refusal writes nothing; an
 * accepted picture has every rendition the plan names, and nothing else;
 * the same bytes give the same key. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>
#include <vips/vips.h>

#include "image.h"
#include "picture.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	snprintf(dir, sizeof dir, "/tmp/warta-fuzz-image-XXXXXX");
	if (!mkdtemp(dir) || sodium_init() < 0 || image_init((*argv)[0]) != 0)
		abort();
	/* One thread: libFuzzer's own timing and leak checks stay simple. */
	vips_concurrency_set(1);
	return 0;
}

/* Removes every file of dir; returns how many there were. */
static int
empty(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char p[512];
	int n = 0;
	if (!d)
		abort();
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
			unlink(p);
			n++;
		}
	closedir(d);
	return n;
}

static int
exists(const char *name)
{
	char p[512];
	struct stat st;
	snprintf(p, sizeof p, "%s/%s", dir, name);
	return stat(p, &st) == 0 && st.st_size > 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct image_opts o = {.dir = dir,
			       .max_pixels = 4000000,
			       .fx = (int)(size % 1001),
			       .fy = 500};
	struct picture p;
	enum image_err e = image_process(data, size, &o, &p);
	if (e != IMAGE_OK) {
		if (empty() != 0)
			abort(); /* a refusal wrote something */
		return 0;
	}
	if (!picture_key_valid(p.key) || p.width < 1 || p.height < 1 ||
	    (int64_t)p.width * p.height > o.max_pixels)
		abort();
	char name[PICTURE_NAME_MAX];
	int ws[PICTURE_WIDTHS_MAX], want = 0;
	size_t n = picture_widths(&p, ws);
	for (size_t i = 0; i < n; i++)
		for (int f = 0; f < PICTURE__FMTS; f++) {
			if (!picture_width_name(&p, ws[i], f, name, sizeof name) ||
			    !exists(name))
				abort();
			want++;
		}
	for (int c = 0; c < PICTURE__CROPS; c++)
		for (int f = 0; f < PICTURE__FMTS; f++) {
			if (!picture_crop_has(c, f))
				continue;
			if (!picture_crop_name(&p, c, f, name, sizeof name) ||
			    !exists(name))
				abort();
			want++;
		}
	struct picture q;
	if (image_process(data, size, &o, &q) != IMAGE_OK ||
	    strcmp(p.key, q.key) != 0)
		abort();
	if (empty() != want)
		abort(); /* something the plan does not name */
	return 0;
}
