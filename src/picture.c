/* picture.c - rendition names, sizes and crop rectangles (picture.h). */
#include <string.h>

#include "picture.h"

static const int widths[] = {320, 640, 960, 1280, 1920};

static const struct {
	const char *name;
	int w, h;
} crops[PICTURE__CROPS] = {
	[PICTURE_SHARE] = {"share", 1200, 630},
	[PICTURE_WIDE] = {"wide", 1200, 675},
	[PICTURE_STD] = {"std", 1200, 900},
	[PICTURE_SQUARE] = {"square", 1200, 1200},
	[PICTURE_THUMB] = {"thumb", 480, 360},
};

static bool
usable(const struct picture *p)
{
	return p && picture_key_valid(p->key) && p->width > 0 &&
	       p->height > 0 && p->fx >= 0 && p->fx <= PICTURE_FOCAL_MAX &&
	       p->fy >= 0 && p->fy <= PICTURE_FOCAL_MAX;
}

size_t
picture_widths(const struct picture *p, int out[PICTURE_WIDTHS_MAX])
{
	size_t n = 0;

	if (!p || p->width <= 0)
		return 0;
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++)
		if (widths[i] < p->width)
			out[n++] = widths[i];
	if (p->width < widths[sizeof widths / sizeof widths[0] - 1])
		out[n++] = p->width;
	else if (n < PICTURE_WIDTHS_MAX && out[n - 1] != 1920)
		out[n++] = 1920;
	return n;
}

/* a * b / c rounded to the nearest, in 64 bits (sizes up to 2^31). */
static int
scale(long long a, long long b, long long c)
{
	return (int)((a * b + c / 2) / c);
}

int
picture_height_at(const struct picture *p, int width)
{
	if (!p || p->width <= 0 || p->height <= 0 || width <= 0)
		return 1;
	int h = scale(p->height, width, p->width);
	return h > 0 ? h : 1;
}

/* Places a span of len inside [0, total) centred on centre as far as the
 * edges allow; returns its start. */
static int
place(int total, int len, int centre)
{
	int start = centre - len / 2;
	if (start + len > total)
		start = total - len;
	return start < 0 ? 0 : start;
}

void
picture_crop(const struct picture *p, enum picture_crop c,
	     struct picture_rect *src, int *out_w, int *out_h)
{
	*src = (struct picture_rect){0, 0, 0, 0};
	*out_w = *out_h = 0;
	if (!p || p->width <= 0 || p->height <= 0 || c >= PICTURE__CROPS)
		return;
	int tw = crops[c].w, th = crops[c].h;
	/* Widest rectangle of aspect tw:th inside the original. */
	if ((long long)p->width * th > (long long)p->height * tw) {
		src->height = p->height;
		src->width = scale(p->height, tw, th);
	} else {
		src->width = p->width;
		src->height = scale(p->width, th, tw);
	}
	if (src->width < 1)
		src->width = 1;
	if (src->height < 1)
		src->height = 1;
	src->left = place(p->width, src->width,
			  scale(p->width, p->fx, PICTURE_FOCAL_MAX));
	src->top = place(p->height, src->height,
			 scale(p->height, p->fy, PICTURE_FOCAL_MAX));
	if (src->width >= tw) {
		*out_w = tw;
		*out_h = th;
	} else {
		*out_w = src->width;
		*out_h = src->height;
	}
}

bool
picture_crop_has(enum picture_crop c, enum picture_fmt f)
{
	if (c >= PICTURE__CROPS || f >= PICTURE__FMTS)
		return false;
	return f == PICTURE_JPEG || c == PICTURE_THUMB;
}

const char *
picture_mime(enum picture_fmt f)
{
	return f == PICTURE_WEBP ? "image/webp"
	       : f == PICTURE_JPEG ? "image/jpeg"
				   : NULL;
}

const char *
picture_ext(enum picture_fmt f)
{
	return f == PICTURE_WEBP ? ".webp" : f == PICTURE_JPEG ? ".jpg" : NULL;
}

bool
picture_key_valid(const char *key)
{
	if (!key)
		return false;
	for (size_t i = 0; i < PICTURE_KEY_LEN; i++)
		if (!((key[i] >= '0' && key[i] <= '9') ||
		      (key[i] >= 'a' && key[i] <= 'f')))
			return false;
	return key[PICTURE_KEY_LEN] == '\0';
}

/* A name written into buf[0..n): pages write a dozen per thumbnail list,
 * so by hand rather than with snprintf. */
struct name {
	char *p, *end;
	bool ok;
};

static void
put(struct name *nm, const char *s)
{
	size_t len = strlen(s);
	if (!nm->ok || (size_t)(nm->end - nm->p) <= len) {
		nm->ok = false;
		return;
	}
	memcpy(nm->p, s, len + 1);
	nm->p += len;
}

/* v in decimal, 0 <= v < 10^9. */
static void
put_int(struct name *nm, int v)
{
	char d[12];
	size_t i = sizeof d;
	d[--i] = '\0';
	do
		d[--i] = (char)('0' + v % 10);
	while ((v /= 10) > 0 && i > 0);
	put(nm, d + i);
}

static bool
name_done(struct name *nm, char *buf, size_t n)
{
	if (!nm->ok && n > 0)
		buf[0] = '\0';
	return nm->ok;
}

bool
picture_width_name(const struct picture *p, int width, enum picture_fmt f,
		   char *buf, size_t n)
{
	if (!usable(p) || width <= 0 || width > 99999 || f >= PICTURE__FMTS ||
	    n == 0)
		return false;
	struct name nm = {buf, buf + n, true};
	*buf = '\0';
	put(&nm, p->key);
	put(&nm, "-w");
	put_int(&nm, width);
	put(&nm, picture_ext(f));
	return name_done(&nm, buf, n);
}

bool
picture_crop_name(const struct picture *p, enum picture_crop c,
		  enum picture_fmt f, char *buf, size_t n)
{
	if (!usable(p) || !picture_crop_has(c, f) || n == 0)
		return false;
	struct name nm = {buf, buf + n, true};
	*buf = '\0';
	put(&nm, p->key);
	put(&nm, "-");
	put(&nm, crops[c].name);
	put(&nm, "-");
	put_int(&nm, p->fx);
	put(&nm, "-");
	put_int(&nm, p->fy);
	put(&nm, picture_ext(f));
	return name_done(&nm, buf, n);
}

/* Reads a decimal number without leading zeros (but "0") of at most max
 * digits from *s, advancing it; -1 if there is none. */
static int
number(const char **s, int max)
{
	const char *p = *s;
	int v = 0, d = 0;

	if (*p == '0') {
		*s = p + 1;
		return 0;
	}
	while (*p >= '0' && *p <= '9' && d < max) {
		v = v * 10 + (*p++ - '0');
		d++;
	}
	if (d == 0 || (*p >= '0' && *p <= '9'))
		return -1;
	*s = p;
	return v;
}

/* The format whose extension is exactly s; PICTURE__FMTS if none. */
static enum picture_fmt
ext_fmt(const char *s)
{
	for (int f = 0; f < PICTURE__FMTS; f++)
		if (strcmp(s, picture_ext((enum picture_fmt)f)) == 0)
			return (enum picture_fmt)f;
	return PICTURE__FMTS;
}

bool
picture_name_valid(const char *name, enum picture_fmt *out)
{
	char key[PICTURE_KEY_LEN + 1];
	enum picture_fmt f;

	if (!name || strlen(name) <= PICTURE_KEY_LEN + 1 ||
	    strlen(name) >= PICTURE_NAME_MAX)
		return false;
	memcpy(key, name, PICTURE_KEY_LEN);
	key[PICTURE_KEY_LEN] = '\0';
	if (!picture_key_valid(key) || name[PICTURE_KEY_LEN] != '-')
		return false;
	const char *s = name + PICTURE_KEY_LEN + 1;
	/* "w" and a digit: a width ("wide" is a crop). */
	if (s[0] == 'w' && s[1] >= '0' && s[1] <= '9') {
		s++;
		if (number(&s, 5) <= 0 || (f = ext_fmt(s)) == PICTURE__FMTS)
			return false;
	} else {
		int c;
		for (c = 0; c < PICTURE__CROPS; c++) {
			size_t len = strlen(crops[c].name);
			if (strncmp(s, crops[c].name, len) == 0 &&
			    s[len] == '-') {
				s += len + 1;
				break;
			}
		}
		if (c == PICTURE__CROPS)
			return false;
		int fx = number(&s, 4);
		if (fx < 0 || fx > PICTURE_FOCAL_MAX || *s++ != '-')
			return false;
		int fy = number(&s, 4);
		if (fy < 0 || fy > PICTURE_FOCAL_MAX ||
		    (f = ext_fmt(s)) == PICTURE__FMTS ||
		    !picture_crop_has((enum picture_crop)c, f))
			return false;
	}
	if (out)
		*out = f;
	return true;
}
