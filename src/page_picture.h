/* page_picture.h - a picture as the reader pages draw it: the fields of
 * the _picture partial (a <picture> with WebP and JPEG srcset, or a plain
 * <img> for a legacy upload) and the URLs of its crops, all from a media
 * row and the rendition plan of picture.h, so pages link only to files
 * the processing makes.
 *
 * The _picture partial reads, in its context object:
 *   legacy        true for an upload without renditions (plain <img>)
 *   src           the <img> fallback: the JPEG 960 px wide, or the widest
 *                 one under that; a legacy upload's own file
 *   srcset_webp   "URL 320w, URL 640w, ..." for <source type=image/webp>
 *   srcset_jpeg   the same in JPEG, for the <img>
 *   sizes         as the caller gave it (the layout slot's width)
 *   sized         whether width and height are known (not for most legacy
 *                 uploads)
 *   width, height the size of src (intrinsic: the browser reserves the
 *                 box before the bytes arrive)
 *   alt, caption, credit
 *   lazy          loading="lazy" (below the fold)
 *   lead          fetchpriority="high" (the page's lead picture)
 * Every value is plain text the template escapes, and every name is set
 * (to "" or false when empty), so none is looked up in an outer context. */
#ifndef WARTA_PAGE_PICTURE_H
#define WARTA_PAGE_PICTURE_H

#include <stdbool.h>

#include "arena.h"
#include "model.h"
#include "picture.h"
#include "tpl.h"

/* How the browser should fetch a picture. */
enum page_picture_load {
	PAGE_PICTURE_LAZY,  /* loading="lazy": lists, below the fold */
	PAGE_PICTURE_EAGER, /* the default fetch */
	PAGE_PICTURE_LEAD,  /* fetchpriority="high": the lead picture */
	PAGE_PICTURE__MAX
};

/* The `sizes` of the lists' thumbnails (static/warta.css draws them at
 * most 10rem, 170 CSS px, wide; the thumbnail crop is 480). */
#define PAGE_PICTURE_THUMB_SIZES "(min-width: 40em) 170px, 120px"

/* True when p names a picture a page can show: a rendered one (a valid
 * key and a size) or a legacy upload (a stored name). */
bool page_picture_has(const struct photo *p);

/* True when p has renditions (a valid key and a size), and then fills
 * *out (may be NULL) with its plan's input. */
bool page_picture_plan(const struct photo *p, struct picture *out);

/* Fills o with the fields of the _picture partial for the whole picture
 * p (see above), sizes the `sizes` attribute for where it is shown
 * (NULL: "100vw"). Returns false, setting nothing, when p has nothing to
 * show. Strings are allocated in a (as for page_card(), a string that
 * does not fit is left out); a failed setter is remembered by o. */
bool page_picture(struct arena *a, struct tobj *o, const struct photo *p,
		  const char *sizes, enum page_picture_load load);

/* The same for a list's thumbnail: the 4:3 thumbnail crop (480x360, WebP
 * and JPEG) around the focal point, lazy, with
 * PAGE_PICTURE_THUMB_SIZES; a legacy upload as it was stored. */
bool page_picture_thumb(struct arena *a, struct tobj *o, const struct photo *p);

/* The root-relative URL ("/media/KEY-share-500-500.jpg") of crop c of p
 * in format f, in a, and its size into *w and *h; NULL when p has no
 * renditions, c is not made in f, or out of memory. */
const char *page_picture_crop(struct arena *a, const struct photo *p,
			      enum picture_crop c, enum picture_fmt f, int *w,
			      int *h);

/* The root-relative URL of the widest JPEG of the whole picture p that is
 * at most max_width wide (the narrowest when none is), in a, with its size
 * in *w and *h; for a legacy upload its stored file, *w and *h 0 when not
 * known. NULL when p has nothing to show or out of memory. For readers
 * that take one plain <img>: feeds. */
const char *page_picture_jpeg(struct arena *a, const struct photo *p,
			      int max_width, int *w, int *h);

#endif
