/* image.h - an upload decoded by libvips and written out as every
 * rendition picture.h names. Linked only into the warta-picture helper,
 * never into the warta daemon: libvips starts glib threads, which do not
 * survive the master's fork, and takes tens of milliseconds to load, which
 * a CGI request cannot spare. The daemon runs the helper (imgproc.h) and
 * reads its exit status, so the refusals below are also its protocol. */
#ifndef WARTA_IMAGE_H
#define WARTA_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "picture.h"

/* What became of an upload. The helper exits with IMAGE_EXIT_BASE + the
 * value for every refusal and failure, 0 for IMAGE_OK. */
enum image_err {
	IMAGE_OK,
	IMAGE_EMPTY,  /* no bytes at all */
	IMAGE_FORMAT, /* not JPEG, PNG, WebP or HEIC/HEIF by its bytes */
	IMAGE_BROKEN, /* its format, but it does not decode to the end */
	IMAGE_PIXELS, /* more pixels than the limit */
	IMAGE_IO,     /* a rendition could not be written (logged) */
	IMAGE__MAX
};

#define IMAGE_EXIT_BASE 10
/* The default pixel limit: 50 megapixels. */
#define IMAGE_MAX_PIXELS_DEFAULT 50000000LL

struct image_opts {
	const char *dir;    /* the media directory, where renditions go */
	int64_t max_pixels; /* width * height above this is IMAGE_PIXELS */
	bool keep_original; /* also write the bytes as uploaded to KEY.orig
			       (never served: not a rendition name) */
	bool allow_svg;	    /* accept SVG too: only for pictures the project
			       draws itself (warta init --demo), never for
			       uploads */
	int fx, fy;	    /* focal point, 0..PICTURE_FOCAL_MAX */
};

/* Starts and stops libvips for this process (argv0 for its messages);
 * image_init refuses the loaders libvips marks untrusted. -1 on failure
 * (logged). */
int image_init(const char *argv0);
void image_fini(void);

/* Decodes the len bytes at data completely (a truncated or otherwise
 * broken file is refused, not half-shown), turns it upright by its EXIF
 * orientation, converts it to sRGB without alpha, and writes every
 * rendition picture_widths() and picture_crop() name for it into o->dir,
 * each without any metadata (no EXIF, GPS, XMP, IPTC, ICC, comment), each
 * atomically (a hidden temporary file linked into place; a name that
 * exists already is left as it is: the same name is the same content).
 * On IMAGE_OK, *out holds the key, the upright size and the focal point.
 * Refusals write nothing. Not thread-safe against image_fini. */
enum image_err image_process(const void *data, size_t len,
			     const struct image_opts *o, struct picture *out);

/* Writes the crops of p (key, size of the original and a new focal point)
 * into o->dir, cut from KEY.orig when it was kept, else from the widest
 * JPEG rendition (a little softer). IMAGE_IO when neither is there. */
enum image_err image_recrop(const struct image_opts *o,
			    const struct picture *p);

#endif
