/* picture_fixtures.c - writes the pictures the HTTP and e2e tests upload
 * into a directory, made with libvips at test time so that no binary
 * fixture is committed:
 *   photo.jpg     2400x1600 JPEG, EXIF orientation 6 and a GPS IFD whose
 *                 GPSAreaInformation holds the marker "WARTAGPS"
 *   small.png     640x480 PNG
 *   lib1..5.png   656..720 x 480 PNGs, each different
 *   photo.webp    800x600 WebP
 *   photo.heic    800x600 HEIC (when this libvips can write it)
 *   bomb.png      a valid PNG header claiming 20000x20000, a few bytes
 *   truncated.jpg photo.jpg cut in half
 *   polyglot.png  a PNG signature and header followed by HTML
 * Usage: picture_fixtures DIR
 *        picture_fixtures --photo WIDTH HEIGHT FILE (a photo-like JPEG,
 *        for scripts/bench-media) */
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <vips/vips.h>

#include "png_bomb.h"

/* libheif's x265 encoder keeps one allocation for the process's life
 * (see tests/unit/test_image.c); only fixture-making encodes HEIC. */
const char *__lsan_default_suppressions(void);
const char *
__lsan_default_suppressions(void)
{
	return "leak:x265::x265_malloc\n";
}

static int
put(const char *dir, const char *name, const void *data, size_t len)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		return -1;
	}
	return 0;
}

static VipsImage *
picture_of(int w, int h)
{
	VipsImage *n[3], *j = NULL, *u = NULL, *out = NULL;
	for (int i = 0; i < 3; i++)
		if (vips_gaussnoise(&n[i], w, h, "mean", 90.0 + 40 * i,
				    "sigma", 25.0, NULL))
			return NULL;
	if (vips_bandjoin(n, &j, 3, NULL) ||
	    vips_cast(j, &u, VIPS_FORMAT_UCHAR, NULL) ||
	    vips_copy(u, &out, "interpretation", VIPS_INTERPRETATION_sRGB,
		      NULL))
		out = NULL;
	for (int i = 0; i < 3; i++)
		g_object_unref(n[i]);
	if (j)
		g_object_unref(j);
	if (u)
		g_object_unref(u);
	return out;
}

static const unsigned char exif[] = {
	'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, 8, 0, 0, 0,
	2, 0,
	0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0,
	0x25, 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0,
	0, 0, 0, 0,
	2, 0,
	0x01, 0x00, 2, 0, 2, 0, 0, 0, 'S', 0, 0, 0,
	0x1c, 0x00, 7, 0, 16, 0, 0, 0, 68, 0, 0, 0,
	0, 0, 0, 0,
	'A', 'S', 'C', 'I', 'I', 0, 0, 0,
	'W', 'A', 'R', 'T', 'A', 'G', 'P', 'S',
};

/* A w x h picture with what a photograph has: smooth light and colour
 * across it, fine texture, a few sharp edges (scripts/bench-media);
 * written as a JPEG at quality 90 to path. */
static int
photo(int w, int h, const char *path)
{
	VipsImage *t[12] = {0};
	int rc = vips_xyz(&t[0], w, h, NULL) ||
		 vips_extract_band(t[0], &t[1], 0, NULL) ||
		 vips_extract_band(t[0], &t[2], 1, NULL) ||
		 vips_linear1(t[1], &t[3], 200.0 / w, 20.0, NULL) ||
		 vips_linear1(t[2], &t[4], 160.0 / h, 40.0, NULL) ||
		 vips_gaussnoise(&t[5], w, h, "sigma", 35.0, "mean", 0.0,
				 NULL) ||
		 vips_gaussblur(t[5], &t[6], 1.2, NULL) ||
		 vips_add(t[3], t[6], &t[7], NULL) ||
		 vips_add(t[4], t[6], &t[8], NULL);
	if (!rc) {
		VipsImage *bands[3] = {t[7], t[8], t[3]};
		rc = vips_bandjoin(bands, &t[9], 3, NULL) ||
		     vips_cast(t[9], &t[10], VIPS_FORMAT_UCHAR, NULL) ||
		     vips_copy(t[10], &t[11], "interpretation",
			       VIPS_INTERPRETATION_sRGB, NULL) ||
		     vips_jpegsave(t[11], path, "Q", 90, NULL);
	}
	if (rc)
		fprintf(stderr, "photo: %s\n", vips_error_buffer());
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (t[i])
			g_object_unref(t[i]);
	return rc ? 1 : 0;
}

int
main(int argc, char **argv)
{
	if (VIPS_INIT(argv[0]))
		return 2;
	if (argc == 5 && strcmp(argv[1], "--photo") == 0) {
		int rc = photo(atoi(argv[2]), atoi(argv[3]), argv[4]);
		vips_shutdown();
		return rc;
	}
	if (argc != 2)
		return 2;
	const char *dir = argv[1];
	int rc = 0;
	void *buf;
	size_t len;

	VipsImage *big = picture_of(2400, 1600), *tagged = NULL;
	if (!big || vips_copy(big, &tagged, NULL))
		return 1;
	vips_image_set_blob_copy(tagged, VIPS_META_EXIF_NAME, exif,
				 sizeof exif);
	if (vips_jpegsave_buffer(tagged, &buf, &len, "Q", 85, NULL))
		return 1;
	rc |= put(dir, "photo.jpg", buf, len);
	rc |= put(dir, "truncated.jpg", buf, len / 2);
	g_free(buf);

	VipsImage *mid = picture_of(800, 600), *small = picture_of(640, 480);
	if (!mid || !small)
		return 1;
	if (vips_pngsave_buffer(small, &buf, &len, NULL))
		return 1;
	rc |= put(dir, "small.png", buf, len);
	g_free(buf);
	/* Four more, each its own picture (the same bytes are one). */
	for (int i = 1; i <= 5; i++) {
		VipsImage *one = picture_of(640 + 16 * i, 480);
		char name[32];
		if (!one || vips_pngsave_buffer(one, &buf, &len, NULL))
			return 1;
		snprintf(name, sizeof name, "lib%d.png", i);
		rc |= put(dir, name, buf, len);
		g_free(buf);
		g_object_unref(one);
	}
	if (vips_webpsave_buffer(mid, &buf, &len, NULL))
		return 1;
	rc |= put(dir, "photo.webp", buf, len);
	g_free(buf);
	if (vips_heifsave_buffer(mid, &buf, &len, "compression",
				 VIPS_FOREIGN_HEIF_COMPRESSION_HEVC, NULL) == 0) {
		rc |= put(dir, "photo.heic", buf, len);
		g_free(buf);
	} else {
		vips_error_clear();
	}

	unsigned char png[PNG_BOMB_MAX + 64];
	rc |= put(dir, "bomb.png", png, png_bomb(png));
	static const char html[] =
		"<html><script>alert(document.cookie)</script></html>";
	memcpy(png + PNG_BOMB_HEAD, html, sizeof html - 1);
	rc |= put(dir, "polyglot.png", png, PNG_BOMB_HEAD + sizeof html - 1);

	g_object_unref(big);
	g_object_unref(tagged);
	g_object_unref(mid);
	g_object_unref(small);
	vips_shutdown();
	return rc ? 1 : 0;
}
