/* page_picture.c - the fields of the _picture partial and crop URLs of a
 * media row (page_picture.h). */
#include <string.h>

#include "buf.h"
#include "page_picture.h"

/* The fallback <img>'s width: a phone's screen at 2x, or a desktop column;
 * browsers that read srcset (all current ones) pick their own. */
#define FALLBACK_WIDTH 960

bool
page_picture_plan(const struct photo *p, struct picture *out)
{
	if (!p || p->id == 0 || !p->key || !picture_key_valid(p->key) ||
	    p->width <= 0 || p->height <= 0 || p->fx < 0 ||
	    p->fx > PICTURE_FOCAL_MAX || p->fy < 0 || p->fy > PICTURE_FOCAL_MAX)
		return false;
	if (out) {
		memcpy(out->key, p->key, PICTURE_KEY_LEN + 1);
		out->width = p->width;
		out->height = p->height;
		out->fx = p->fx;
		out->fy = p->fy;
	}
	return true;
}

/* A legacy upload: no key, a stored name. */
static bool
legacy(const struct photo *p)
{
	return p && p->id != 0 && (!p->key || !p->key[0]) && p->name &&
	       p->name[0];
}

bool
page_picture_has(const struct photo *p)
{
	return page_picture_plan(p, NULL) || legacy(p);
}

/* What every form of the partial shares. */
static void
common(struct tobj *o, const struct photo *p, enum page_picture_load load)
{
	tobj_str(o, "alt", p->alt ? p->alt : "");
	tobj_str(o, "caption", p->caption ? p->caption : "");
	tobj_str(o, "credit", p->credit ? p->credit : "");
	tobj_bool(o, "lazy", load == PAGE_PICTURE_LAZY);
	tobj_bool(o, "lead", load == PAGE_PICTURE_LEAD);
}

/* A legacy upload as stored: its size only when known. */
static void
fill_legacy(struct arena *a, struct tobj *o, const struct photo *p,
	    enum page_picture_load load)
{
	tobj_bool(o, "legacy", true);
	tobj_str(o, "src", arena_cat(a, "/media/", p->name, (char *)NULL));
	bool sized = p->width > 0 && p->height > 0;
	tobj_bool(o, "sized", sized);
	if (sized) {
		tobj_int(o, "width", p->width);
		tobj_int(o, "height", p->height);
	}
	common(o, p, load);
}

/* Appends "/media/NAME Ww" to b, a comma first unless it is the first. */
static void
candidate(struct buf *b, const char *name, int w)
{
	if (b->len)
		buf_puts(b, ", ");
	buf_printf(b, "/media/%s %dw", name, w);
}

bool
page_picture(struct arena *a, struct tobj *o, const struct photo *p,
	     const char *sizes, enum page_picture_load load)
{
	struct picture pic;
	if (!page_picture_plan(p, &pic)) {
		if (!legacy(p))
			return false;
		fill_legacy(a, o, p, load);
		return true;
	}
	int widths[PICTURE_WIDTHS_MAX];
	size_t n = picture_widths(&pic, widths);
	int fallback = widths[0];
	struct buf sets[PICTURE__FMTS];
	char name[PICTURE_NAME_MAX];
	char src[PICTURE_NAME_MAX] = "";
	for (int f = 0; f < PICTURE__FMTS; f++)
		buf_init(&sets[f]);
	for (size_t i = 0; i < n; i++) {
		if (widths[i] <= FALLBACK_WIDTH)
			fallback = widths[i];
		for (int f = 0; f < PICTURE__FMTS; f++)
			if (picture_width_name(&pic, widths[i],
					       (enum picture_fmt)f, name,
					       sizeof name))
				candidate(&sets[f], name, widths[i]);
	}
	if (!picture_width_name(&pic, fallback, PICTURE_JPEG, src, sizeof src))
		src[0] = '\0'; /* cannot happen for a valid plan */

	tobj_bool(o, "legacy", false);
	tobj_str(o, "src", arena_cat(a, "/media/", src, (char *)NULL));
	tobj_str(o, "srcset_webp",
		 buf_err(&sets[PICTURE_WEBP]) == W_OK
		     ? arena_strdup(a, buf_cstr(&sets[PICTURE_WEBP]))
		     : NULL);
	tobj_str(o, "srcset_jpeg",
		 buf_err(&sets[PICTURE_JPEG]) == W_OK
		     ? arena_strdup(a, buf_cstr(&sets[PICTURE_JPEG]))
		     : NULL);
	/* Width descriptors need sizes; a slot as wide as the screen is
	 * the safe guess when the caller names none. */
	tobj_str(o, "sizes", arena_strdup(a, sizes ? sizes : "100vw"));
	tobj_bool(o, "sized", true);
	tobj_int(o, "width", fallback);
	tobj_int(o, "height", picture_height_at(&pic, fallback));
	common(o, p, load);
	for (int f = 0; f < PICTURE__FMTS; f++)
		buf_fini(&sets[f]);
	return true;
}

const char *
page_picture_crop(struct arena *a, const struct photo *p, enum picture_crop c,
		  enum picture_fmt f, int *w, int *h)
{
	struct picture pic;
	char name[PICTURE_NAME_MAX];
	struct picture_rect r;
	*w = *h = 0;
	if (!page_picture_plan(p, &pic) ||
	    !picture_crop_name(&pic, c, f, name, sizeof name))
		return NULL;
	picture_crop(&pic, c, &r, w, h);
	return arena_cat(a, "/media/", name, (char *)NULL);
}

bool
page_picture_thumb(struct arena *a, struct tobj *o, const struct photo *p)
{
	if (!page_picture_plan(p, NULL)) {
		if (!legacy(p))
			return false;
		fill_legacy(a, o, p, PAGE_PICTURE_LAZY);
		return true;
	}
	int w, h, ww, wh;
	const char *jpeg =
	    page_picture_crop(a, p, PICTURE_THUMB, PICTURE_JPEG, &w, &h);
	const char *webp =
	    page_picture_crop(a, p, PICTURE_THUMB, PICTURE_WEBP, &ww, &wh);
	tobj_bool(o, "legacy", false);
	tobj_str(o, "src", jpeg);
	/* One candidate each, described by its width so that `sizes`
	 * applies: a browser picks it at any density. */
	char nw[BUF_INT_MAX], nj[BUF_INT_MAX];
	tobj_str(o, "srcset_webp",
		 webp ? arena_cat(a, webp, " ", buf_int_str(nw, ww), "w",
				  (char *)NULL)
		      : NULL);
	tobj_str(o, "srcset_jpeg",
		 jpeg ? arena_cat(a, jpeg, " ", buf_int_str(nj, w), "w",
				  (char *)NULL)
		      : NULL);
	tobj_str(o, "sizes", PAGE_PICTURE_THUMB_SIZES);
	tobj_bool(o, "sized", true);
	tobj_int(o, "width", w);
	tobj_int(o, "height", h);
	common(o, p, PAGE_PICTURE_LAZY);
	return true;
}

const char *
page_picture_jpeg(struct arena *a, const struct photo *p, int max_width, int *w,
		  int *h)
{
	struct picture pic;
	char name[PICTURE_NAME_MAX];
	*w = *h = 0;
	if (!page_picture_plan(p, &pic)) {
		if (!legacy(p))
			return NULL;
		if (p->width > 0 && p->height > 0) {
			*w = p->width;
			*h = p->height;
		}
		return arena_cat(a, "/media/", p->name, (char *)NULL);
	}
	int widths[PICTURE_WIDTHS_MAX];
	size_t n = picture_widths(&pic, widths);
	int best = widths[0];
	for (size_t i = 0; i < n; i++)
		if (widths[i] <= max_width)
			best = widths[i];
	if (!picture_width_name(&pic, best, PICTURE_JPEG, name, sizeof name))
		return NULL;
	*w = best;
	*h = picture_height_at(&pic, best);
	return arena_cat(a, "/media/", name, (char *)NULL);
}
