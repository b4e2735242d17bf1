/* picture.h - the renditions of one picture: their names, sizes and crop
 * rectangles, computed from the key, the original's size and the focal
 * point. Pure arithmetic and names, no I/O: image.c makes the files this
 * plan names and the pages link to them, so the two cannot disagree.
 *
 * Names are content-addressed and never reused: KEY is a hash of the
 * uploaded bytes, and a crop's name carries the focal point it was cut
 * around, so moving the focal point makes new files instead of changing
 * old ones (nginx and browsers may cache /media/ for a year).
 *
 *   KEY-wWIDTH.webp | KEY-wWIDTH.jpg       whole picture, WIDTH px wide
 *   KEY-CROP-FX-FY.jpg (and .webp, thumb)  a crop around focal point FX,FY
 */
#ifndef WARTA_PICTURE_H
#define WARTA_PICTURE_H

#include <stdbool.h>
#include <stddef.h>

#define PICTURE_KEY_LEN 16 /* lowercase hex characters */
#define PICTURE_NAME_MAX 48
#define PICTURE_WIDTHS_MAX 6
#define PICTURE_FOCAL_MAX 1000 /* focal point in thousandths */

enum picture_fmt { PICTURE_WEBP, PICTURE_JPEG, PICTURE__FMTS };

enum picture_crop {
	PICTURE_SHARE,	/* 1200x630 JPEG: og:image, WhatsApp's large preview */
	PICTURE_WIDE,	/* 16:9, 1200 wide: JSON-LD */
	PICTURE_STD,	/* 4:3, 1200 wide: JSON-LD */
	PICTURE_SQUARE, /* 1:1, 1200 wide: JSON-LD */
	PICTURE_THUMB,	/* 4:3, 480 wide, WebP and JPEG: lists and boxes */
	PICTURE__CROPS
};

struct picture {
	char key[PICTURE_KEY_LEN + 1];
	int width, height; /* of the original, after EXIF rotation */
	int fx, fy;	   /* focal point, 0..PICTURE_FOCAL_MAX */
};

struct picture_rect {
	int left, top, width, height;
};

/* The rendition widths for p, ascending: each of 320, 640, 960, 1280,
 * 1920 narrower than the original, then the original width itself when
 * it is under 1920 (never upscaled). At least one when p->width > 0. */
size_t picture_widths(const struct picture *p, int out[PICTURE_WIDTHS_MAX]);

/* The height of the whole picture scaled to width (at least 1). */
int picture_height_at(const struct picture *p, int width);

/* The part of the original a crop is cut from (the largest rectangle of
 * the crop's aspect ratio, centred on the focal point as far as the edges
 * allow) and the size it is scaled to (the crop's size, or smaller when
 * the original is too small: never upscaled). */
void picture_crop(const struct picture *p, enum picture_crop c,
		  struct picture_rect *src, int *out_w, int *out_h);

/* Whether crop c is made in format f (every crop in JPEG; the thumbnail
 * in WebP too). */
bool picture_crop_has(enum picture_crop c, enum picture_fmt f);

/* Writes the file name of a rendition into buf (PICTURE_NAME_MAX bytes
 * suffice); false when it does not fit or the arguments are out of range. */
bool picture_width_name(const struct picture *p, int width,
			enum picture_fmt f, char *buf, size_t n);
bool picture_crop_name(const struct picture *p, enum picture_crop c,
		       enum picture_fmt f, char *buf, size_t n);

/* True when name is one the functions above can make; its format then goes
 * to *f (may be NULL). Everything else under /media/ is not a rendition. */
bool picture_name_valid(const char *name, enum picture_fmt *f);

/* "image/webp", "image/jpeg"; ".webp", ".jpg". */
const char *picture_mime(enum picture_fmt f);
const char *picture_ext(enum picture_fmt f);

/* True when key is PICTURE_KEY_LEN lowercase hex characters. */
bool picture_key_valid(const char *key);

#endif
