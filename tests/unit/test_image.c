/* test_image.c - the picture helper's pipeline (src/image/image.c): every
 * accepted kind decodes into every rendition picture.c names, at the sizes
 * it promises, upright and without metadata; every refused kind (bomb,
 * polyglot, truncated, not a picture) writes nothing. Fixtures are made
 * here with libvips, none is committed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>
#include <vips/vips.h>

#include "image.h"
#include "picture.h"
#include "png_bomb.h"

static char dir[64];

/* The HEIC fixture is encoded with libheif's x265 plugin, which keeps one
 * allocation for the life of the process (x265's global state, freed by
 * no call libheif makes). Only this test encodes HEIC; warta-picture only
 * decodes it. The suppression names that one library function. */
const char *__lsan_default_suppressions(void);
const char *
__lsan_default_suppressions(void)
{
	return "leak:x265::x265_malloc\n";
}

static int
count_files(void)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	assert_non_null(d);
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

static void
empty_dir(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char p[512];
	assert_non_null(d);
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
			unlink(p);
		}
	closedir(d);
}

static int
setup(void **state)
{
	snprintf(dir, sizeof dir, "/tmp/warta-image-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	empty_dir();
	rmdir(dir);
	return 0;
}

static struct image_opts
opts(void)
{
	return (struct image_opts){.dir = dir,
				   .max_pixels = IMAGE_MAX_PIXELS_DEFAULT,
				   .fx = 500,
				   .fy = 500};
}

/* A w x h sRGB picture with some structure (a gradient and noise), so
 * that encoders do real work. The caller unrefs it. */
static VipsImage *
picture_of(int w, int h)
{
	VipsImage *n[3], *j = NULL, *u = NULL, *out = NULL;
	for (int i = 0; i < 3; i++)
		assert_int_equal(vips_gaussnoise(&n[i], w, h, "mean",
						 100.0 + 30 * i, "sigma", 20.0,
						 NULL),
				 0);
	assert_int_equal(vips_bandjoin(n, &j, 3, NULL), 0);
	assert_int_equal(vips_cast(j, &u, VIPS_FORMAT_UCHAR, NULL), 0);
	assert_int_equal(vips_copy(u, &out, "interpretation",
				   VIPS_INTERPRETATION_sRGB, NULL),
			 0);
	for (int i = 0; i < 3; i++)
		g_object_unref(n[i]);
	g_object_unref(j);
	g_object_unref(u);
	return out;
}

/* An EXIF block as a phone writes it, reduced to what matters: IFD0 with
 * the orientation and a pointer to a GPS IFD holding a latitude
 * reference and the marker "WARTAGPS" (GPSAreaInformation). */
static size_t
exif_block(unsigned char *b, int orientation)
{
	static const unsigned char tmpl[] = {
		'E', 'x', 'i', 'f', 0, 0,
		/* TIFF header, little-endian, IFD0 at 8 */
		'I', 'I', 42, 0, 8, 0, 0, 0,
		/* IFD0: 2 entries */
		2, 0,
		/* Orientation SHORT 1 = value */
		0x12, 0x01, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0,
		/* GPSInfo LONG 1 = 38 */
		0x25, 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0,
		0, 0, 0, 0,
		/* GPS IFD at 38: 2 entries */
		2, 0,
		/* GPSLatitudeRef ASCII 2 "S" */
		0x01, 0x00, 2, 0, 2, 0, 0, 0, 'S', 0, 0, 0,
		/* GPSAreaInformation UNDEFINED 16 at 68 */
		0x1c, 0x00, 7, 0, 16, 0, 0, 0, 68, 0, 0, 0,
		0, 0, 0, 0,
		/* at 68: "ASCII\0\0\0WARTAGPS" */
		'A', 'S', 'C', 'I', 'I', 0, 0, 0,
		'W', 'A', 'R', 'T', 'A', 'G', 'P', 'S',
	};
	memcpy(b, tmpl, sizeof tmpl);
	b[6 + 10 + 8] = (unsigned char)orientation;
	return sizeof tmpl;
}

/* img as a JPEG, with the EXIF block above when orientation > 0. */
static void *
jpeg_of(VipsImage *img, int orientation, size_t *len)
{
	void *buf = NULL;
	VipsImage *c = NULL;
	assert_int_equal(vips_copy(img, &c, NULL), 0);
	if (orientation > 0) {
		unsigned char exif[128];
		size_t n = exif_block(exif, orientation);
		vips_image_set_blob_copy(c, VIPS_META_EXIF_NAME, exif, n);
	}
	assert_int_equal(vips_jpegsave_buffer(c, &buf, len, "Q", 90, NULL), 0);
	g_object_unref(c);
	return buf;
}

static bool
contains(const void *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp((const char *)hay + i, needle, k) == 0)
			return true;
	return false;
}

/* Opens rendition name, checks its size and that no metadata came with
 * it: no EXIF, XMP, IPTC, ICC, comment, and not the GPS marker's bytes. */
static void
check_file(const char *name, int w, int h)
{
	char path[512];
	gchar *data = NULL;
	gsize len = 0;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_true(g_file_get_contents(path, &data, &len, NULL));
	assert_false(contains(data, len, "WARTAGPS"));
	assert_false(contains(data, len, "Exif"));
	VipsImage *img = vips_image_new_from_buffer(data, len, "", NULL);
	assert_non_null(img);
	if (img->Xsize != w || img->Ysize != h)
		fail_msg("%s is %dx%d, not %dx%d", name, img->Xsize,
			 img->Ysize, w, h);
	assert_int_equal(vips_image_get_typeof(img, VIPS_META_EXIF_NAME), 0);
	assert_int_equal(vips_image_get_typeof(img, VIPS_META_XMP_NAME), 0);
	assert_int_equal(vips_image_get_typeof(img, VIPS_META_IPTC_NAME), 0);
	assert_int_equal(vips_image_get_typeof(img, VIPS_META_ICC_NAME), 0);
	assert_int_equal(vips_image_get_typeof(img, "exif-ifd3-GPSLatitudeRef"),
			 0);
	g_object_unref(img);
	g_free(data);
}

/* Every rendition of p is there, at its size, without metadata; returns
 * how many files that is. */
static int
check_all(const struct picture *p)
{
	char name[PICTURE_NAME_MAX];
	int ws[PICTURE_WIDTHS_MAX], n = 0;
	size_t nw = picture_widths(p, ws);
	for (size_t i = 0; i < nw; i++)
		for (int f = 0; f < PICTURE__FMTS; f++) {
			assert_true(picture_width_name(p, ws[i], f, name,
						       sizeof name));
			check_file(name, ws[i], picture_height_at(p, ws[i]));
			n++;
		}
	for (int c = 0; c < PICTURE__CROPS; c++)
		for (int f = 0; f < PICTURE__FMTS; f++) {
			struct picture_rect r;
			int ow, oh;
			if (!picture_crop_has(c, f))
				continue;
			picture_crop(p, c, &r, &ow, &oh);
			assert_true(picture_crop_name(p, c, f, name,
						      sizeof name));
			check_file(name, ow, oh);
			n++;
		}
	return n;
}

static void
test_jpeg_rotated_and_stripped(void **state)
{
	VipsImage *img = picture_of(2400, 1600);
	size_t len;
	void *jpg = jpeg_of(img, 6, &len);
	assert_true(contains(jpg, len, "WARTAGPS")); /* the fixture has it */
	struct image_opts o = opts();
	struct picture p;
	empty_dir();
	assert_int_equal(image_process(jpg, len, &o, &p), IMAGE_OK);
	/* Orientation 6: turned a quarter, so tall. */
	assert_int_equal(p.width, 1600);
	assert_int_equal(p.height, 2400);
	assert_true(picture_key_valid(p.key));
	int n = check_all(&p);
	assert_int_equal(count_files(), n);
	/* 320, 640, 960, 1280 and the original 1600: two formats each,
	 * five crops, the thumbnail twice. */
	assert_int_equal(n, 5 * 2 + 6);
	/* The share crop stays under what WhatsApp previews large. */
	char name[PICTURE_NAME_MAX], path[512];
	struct stat st;
	assert_true(picture_crop_name(&p, PICTURE_SHARE, PICTURE_JPEG, name,
				      sizeof name));
	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_int_equal(stat(path, &st), 0);
	assert_true(st.st_size < 300 * 1024);
	/* The same bytes again: the same key, the files kept. */
	struct picture q;
	assert_int_equal(image_process(jpg, len, &o, &q), IMAGE_OK);
	assert_string_equal(q.key, p.key);
	assert_int_equal(count_files(), n);
	g_free(jpg);
	g_object_unref(img);
}

static void
test_png_webp_heic(void **state)
{
	VipsImage *img = picture_of(700, 500);
	struct {
		const char *what;
		int (*save)(VipsImage *, void **, size_t *, ...);
	} kinds[] = {
		{"png", vips_pngsave_buffer},
		{"webp", vips_webpsave_buffer},
		{"heic", vips_heifsave_buffer},
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		void *buf = NULL;
		size_t len = 0;
		assert_int_equal(kinds[i].save(img, &buf, &len, NULL), 0);
		struct image_opts o = opts();
		struct picture p;
		empty_dir();
		if (image_process(buf, len, &o, &p) != IMAGE_OK)
			fail_msg("%s refused", kinds[i].what);
		assert_int_equal(p.width, 700);
		assert_int_equal(p.height, 500);
		assert_int_equal(count_files(), check_all(&p));
		g_free(buf);
	}
	/* A PNG with transparency comes out flat. */
	VipsImage *a = NULL;
	void *buf = NULL;
	size_t len = 0;
	assert_int_equal(vips_bandjoin_const1(img, &a, 0.0, NULL), 0);
	assert_int_equal(vips_pngsave_buffer(a, &buf, &len, NULL), 0);
	struct image_opts o = opts();
	struct picture p;
	empty_dir();
	assert_int_equal(image_process(buf, len, &o, &p), IMAGE_OK);
	assert_int_equal(count_files(), check_all(&p));
	g_free(buf);
	g_object_unref(a);
	g_object_unref(img);
}

static void
assert_refused(const void *data, size_t len, const struct image_opts *o,
	       enum image_err want)
{
	struct picture p;
	empty_dir();
	assert_int_equal(image_process(data, len, o, &p), want);
	assert_int_equal(count_files(), 0);
}

static void
test_refusals(void **state)
{
	struct image_opts o = opts();
	unsigned char png[PNG_BOMB_MAX];

	/* Empty. */
	assert_refused("", 0, &o, IMAGE_EMPTY);
	/* A "bomb": a valid header claiming 20000 x 20000 (400 MP) in a
	 * few bytes; refused from the header, before any decoding. */
	size_t n = png_bomb(png);
	assert_refused(png, n, &o, IMAGE_PIXELS);
	/* The limit is a setting. */
	VipsImage *img = picture_of(200, 100);
	size_t len;
	void *jpg = jpeg_of(img, 0, &len);
	struct image_opts small = o;
	small.max_pixels = 200 * 100 - 1;
	assert_refused(jpg, len, &small, IMAGE_PIXELS);
	/* Truncated: half a JPEG, half a PNG. */
	assert_refused(jpg, len / 2, &o, IMAGE_BROKEN);
	void *pngbuf = NULL;
	size_t pnglen = 0;
	assert_int_equal(vips_pngsave_buffer(img, &pngbuf, &pnglen, NULL), 0);
	assert_refused(pngbuf, pnglen / 2, &o, IMAGE_BROKEN);
	/* A PNG signature and header followed by HTML (a polyglot). */
	static const char html[] =
		"<html><script>alert(document.cookie)</script></html>";
	unsigned char poly[PNG_BOMB_HEAD + sizeof html];
	memcpy(poly, png, PNG_BOMB_HEAD);
	memcpy(poly + PNG_BOMB_HEAD, html, sizeof html - 1);
	struct picture p;
	empty_dir();
	assert_int_not_equal(image_process(poly, PNG_BOMB_HEAD + sizeof html - 1,
					   &o, &p),
			     IMAGE_OK);
	assert_int_equal(count_files(), 0);
	/* HTML named .jpg: the name plays no part, the bytes are not a
	 * picture. */
	assert_refused(html, sizeof html - 1, &o, IMAGE_FORMAT);
	/* SVG is only for pictures the project draws itself. */
	static const char svg[] =
		"<svg xmlns='http://www.w3.org/2000/svg' width='10' "
		"height='10'><rect width='10' height='10'/></svg>";
	assert_refused(svg, sizeof svg - 1, &o, IMAGE_FORMAT);
	struct image_opts drawn = o;
	drawn.allow_svg = true;
	empty_dir();
	assert_int_equal(image_process(svg, sizeof svg - 1, &drawn, &p),
			 IMAGE_OK);
	assert_int_equal(p.width, 10);
	/* Formats libvips reads but uploads may not use. */
	void *tiff = NULL;
	size_t tifflen = 0;
	assert_int_equal(vips_tiffsave_buffer(img, &tiff, &tifflen, NULL), 0);
	assert_refused(tiff, tifflen, &o, IMAGE_FORMAT);
	g_free(tiff);
	g_free(pngbuf);
	g_free(jpg);
	g_object_unref(img);
}

static void
test_recrop(void **state)
{
	VipsImage *img = picture_of(1600, 900);
	size_t len;
	void *jpg = jpeg_of(img, 0, &len);
	struct image_opts o = opts();
	struct picture p;
	empty_dir();
	assert_int_equal(image_process(jpg, len, &o, &p), IMAGE_OK);
	int before = count_files();
	/* A focal point at the right edge: new crop names, old ones kept,
	 * each crop at its planned size, from the widest rendition. */
	p.fx = 950;
	p.fy = 100;
	assert_int_equal(image_recrop(&o, &p), IMAGE_OK);
	assert_int_equal(count_files(), before + 6);
	assert_int_equal(check_all(&p), before);
	/* With the original kept, the crops come from it. */
	empty_dir();
	o.keep_original = true;
	assert_int_equal(image_process(jpg, len, &o, &p), IMAGE_OK);
	char path[512];
	struct stat st;
	snprintf(path, sizeof path, "%s/%s.orig", dir, p.key);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal((size_t)st.st_size, len);
	assert_false(picture_name_valid(strrchr(path, '/') + 1, NULL));
	p.fx = 0;
	p.fy = 1000;
	assert_int_equal(image_recrop(&o, &p), IMAGE_OK);
	check_all(&p);
	g_free(jpg);
	g_object_unref(img);
}

int
main(int argc, char **argv)
{
	if (sodium_init() < 0 || image_init(argv[0]) != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jpeg_rotated_and_stripped),
		cmocka_unit_test(test_png_webp_heic),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_recrop),
	};
	int rc = cmocka_run_group_tests(tests, setup, teardown);
	image_fini();
	return rc;
}
