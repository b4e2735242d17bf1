/* image.c - decoding an upload and writing its renditions (image.h). */
#include "image.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vips/vips.h>

#include "picture_key.h"

#define TMP_PREFIX ".tmp-"
#define JPEG_Q 82
#define WEBP_Q 78
/* WhatsApp shows the large preview only for an og:image under 300 KB. */
#define SHARE_MAX_BYTES (300 * 1024)

/* The loaders an upload may go through, by the class name
 * vips_foreign_find_load_buffer() gives. Anything else libvips could read
 * (PDF, SVG, FITS, ImageMagick's dozens) is an attack surface a newsroom
 * does not need. The HEIF loader reads HEIC (iPhones) and AVIF. */
static const char *const loaders[] = {
	"VipsForeignLoadJpegBuffer",
	"VipsForeignLoadPngBuffer",
	"VipsForeignLoadWebpBuffer",
	"VipsForeignLoadHeifBuffer",
};

int
image_init(const char *argv0)
{
	if (VIPS_INIT(argv0) != 0) {
		fprintf(stderr, "warta-picture: libvips: %s\n",
			vips_error_buffer());
		return -1;
	}
	/* Belt and braces with the allow-list above. */
	vips_block_untrusted_set(TRUE);
	/* One picture at a time: libvips's operation cache only holds on
	 * to memory. */
	vips_cache_set_max(0);
	return 0;
}

void
image_fini(void)
{
	vips_shutdown();
}

static void
log_vips(const char *what)
{
	fprintf(stderr, "warta-picture: %s: %s\n", what, vips_error_buffer());
	vips_error_clear();
}

/* ---- writing files ---- */

static bool
write_all(int fd, const unsigned char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

/* Writes len bytes as dir's name: into a hidden temporary file first,
 * fsynced, then linked into place, which never replaces an existing file
 * (the same name is the same content, so one that exists is kept). */
static enum image_err
put(int dfd, const char *dir, const char *name, const void *data, size_t len)
{
	char tmp[PICTURE_NAME_MAX + 32];
	snprintf(tmp, sizeof tmp, TMP_PREFIX "%ld-%s", (long)getpid(), name);
	unlinkat(dfd, tmp, 0); /* left by a helper killed at this step */
	int fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
			0644);
	if (fd < 0)
		goto fail;
	bool ok = write_all(fd, data, len) && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	if (!ok || (linkat(dfd, tmp, dfd, name, 0) != 0 && errno != EEXIST)) {
		unlinkat(dfd, tmp, 0);
		goto fail;
	}
	unlinkat(dfd, tmp, 0);
	return IMAGE_OK;
fail:
	fprintf(stderr, "warta-picture: cannot write %s/%s: %s\n", dir, name,
		strerror(errno));
	return IMAGE_IO;
}

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static void
put_le32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

/* Removes the EXIF, XMP and ICC chunks from the WebP file in buf, in
 * place, and their flags from its VP8X header: libvips 8.14's webpsave
 * writes a fresh EXIF block (orientation, resolution) even with "strip".
 * False when buf is not the RIFF WebP it should be. */
static bool
webp_strip(unsigned char *buf, size_t *len)
{
	size_t n = *len, at = 12, out = 12;
	if (n < 12 || memcmp(buf, "RIFF", 4) != 0 ||
	    memcmp(buf + 8, "WEBP", 4) != 0)
		return false;
	while (at + 8 <= n) {
		uint32_t size = le32(buf + at + 4);
		size_t whole = 8 + (size_t)size + (size & 1);
		if (whole > n - at)
			return false;
		bool drop = memcmp(buf + at, "EXIF", 4) == 0 ||
			    memcmp(buf + at, "XMP ", 4) == 0 ||
			    memcmp(buf + at, "ICCP", 4) == 0;
		if (!drop) {
			memmove(buf + out, buf + at, whole);
			if (memcmp(buf + out, "VP8X", 4) == 0 && size >= 1)
				buf[out + 8] &= (unsigned char)~(0x20 | 0x08 |
								 0x04);
			out += whole;
		}
		at += whole;
	}
	if (at != n)
		return false;
	put_le32(buf + 4, (uint32_t)(out - 8));
	*len = out;
	return true;
}

/* Encodes img as format f without any metadata and writes it as name. */
static enum image_err
save(int dfd, const char *dir, VipsImage *img, enum picture_fmt f,
     const char *name, size_t max_bytes)
{
	void *buf = NULL;
	size_t len = 0;
	int q = f == PICTURE_JPEG ? JPEG_Q : WEBP_Q;

	for (;;) {
		int rc = f == PICTURE_JPEG
				 ? vips_jpegsave_buffer(
					   img, &buf, &len, "Q", q, "strip",
					   TRUE, "optimize_coding", TRUE,
					   "interlace", TRUE, NULL)
				 : vips_webpsave_buffer(img, &buf, &len, "Q",
							q, "strip", TRUE,
							"effort", 2, NULL);
		if (rc != 0) {
			log_vips(name);
			return IMAGE_IO;
		}
		if (f == PICTURE_WEBP && !webp_strip(buf, &len)) {
			fprintf(stderr, "warta-picture: %s: not a WebP\n",
				name);
			g_free(buf);
			return IMAGE_IO;
		}
		/* A busy picture can be over the share limit at our usual
		 * quality; step down until it fits (or quality gets poor,
		 * where we keep what we have). */
		if (!max_bytes || len <= max_bytes || q <= 40)
			break;
		g_free(buf);
		buf = NULL;
		q -= 10;
	}
	enum image_err e = put(dfd, dir, name, buf, len);
	g_free(buf);
	return e;
}

/* ---- the pipeline ---- */

static bool
loader_allowed(const char *nick, bool allow_svg)
{
	if (!nick)
		return false;
	for (size_t i = 0; i < sizeof loaders / sizeof loaders[0]; i++)
		if (strcmp(nick, loaders[i]) == 0)
			return true;
	return allow_svg && strcmp(nick, "VipsForeignLoadSvgBuffer") == 0;
}

/* SVG is among the loaders libvips marks untrusted (blocked by
 * image_init); pictures the project draws itself open it for this
 * process, which only ever reads those. */
static void
allow_svg_loader(void)
{
	vips_operation_block_set("VipsForeignLoadSvg", FALSE);
}

/* Upright, sRGB, three 8-bit bands, fully decoded into memory: the one
 * image every rendition is cut from. Decoding it all here is what makes
 * a truncated or corrupt file fail before anything is written. NULL with
 * *err set on failure. */
static VipsImage *
decode(VipsImage *in, enum image_err *err)
{
	VipsImage *t[5] = {0};
	VipsImage *cur, *out = NULL, *raw;

	*err = IMAGE_BROKEN;
	/* Decoded whole first, in the file's order: a rotation reads the
	 * pixels out of order, which a sequential loader refuses. */
	raw = vips_image_copy_memory(in);
	if (!raw)
		goto out;
	if (vips_autorot(raw, &t[0], NULL) != 0)
		goto out;
	cur = t[0];
	/* A camera's or phone's profile (Display P3, Adobe RGB) is turned
	 * into sRGB before it is stripped, so colours stay right. */
	if (vips_image_get_typeof(cur, VIPS_META_ICC_NAME)) {
		if (vips_icc_transform(cur, &t[1], "srgb", "embedded", TRUE,
				       "intent", VIPS_INTENT_PERCEPTUAL,
				       NULL) == 0)
			cur = t[1];
		else
			vips_error_clear(); /* a broken profile: ignore it */
	}
	if (vips_colourspace(cur, &t[2], VIPS_INTERPRETATION_sRGB, NULL) != 0)
		goto out;
	cur = t[2];
	if (vips_image_hasalpha(cur)) {
		VipsArrayDouble *white = vips_array_double_newv(1, 255.0);
		int rc = vips_flatten(cur, &t[3], "background", white, NULL);
		vips_area_unref(VIPS_AREA(white));
		if (rc != 0)
			goto out;
		cur = t[3];
	}
	if (vips_cast(cur, &t[4], VIPS_FORMAT_UCHAR, NULL) != 0)
		goto out;
	cur = t[4];
	VipsImage *pixels = vips_image_copy_memory(cur);
	if (pixels && pixels->Bands == 3 && pixels->Xsize > 0 &&
	    pixels->Ysize > 0) {
		/* A new image of the bare pixels: no field of the original
		 * (EXIF, GPS, XMP, IPTC, ICC, comments) can follow it into
		 * a rendition, whatever a saver's "strip" does (8.14's
		 * webpsave writes EXIF anyway). */
		VipsImage *bare = vips_image_new_from_memory_copy(
			VIPS_IMAGE_ADDR(pixels, 0, 0),
			VIPS_IMAGE_SIZEOF_IMAGE(pixels), pixels->Xsize,
			pixels->Ysize, 3, VIPS_FORMAT_UCHAR);
		if (bare && vips_copy(bare, &out, "interpretation",
				      VIPS_INTERPRETATION_sRGB, NULL) != 0)
			out = NULL;
		if (bare)
			g_object_unref(bare);
	}
	if (pixels)
		g_object_unref(pixels);
out:
	if (!out)
		log_vips("decode");
	if (raw)
		g_object_unref(raw);
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (t[i])
			g_object_unref(t[i]);
	return out;
}

/* img scaled to exactly w x h. */
static VipsImage *
scaled(VipsImage *img, int w, int h)
{
	VipsImage *out = NULL;
	if (img->Xsize == w && img->Ysize == h) {
		g_object_ref(img);
		return img;
	}
	/* Catmull-Rom: as sharp as Lanczos for these ratios at half its
	 * cost (docs/pictures.md has the figures). */
	if (vips_resize(img, &out, (double)w / img->Xsize, "vscale",
			(double)h / img->Ysize, "kernel", VIPS_KERNEL_CUBIC, NULL) != 0) {
		log_vips("resize");
		return NULL;
	}
	/* vips_resize rounds; a pixel more or less would break the width
	 * and height the pages promise. */
	if (out->Xsize != w || out->Ysize != h) {
		VipsImage *c = NULL;
		int rc = vips_embed(out, &c, 0, 0, w, h, "extend",
				    VIPS_EXTEND_COPY, NULL);
		g_object_unref(out);
		if (rc != 0) {
			log_vips("resize");
			return NULL;
		}
		out = c;
	}
	return out;
}

/* The encodings to do: every rendition is computed first (the resizing,
 * which libvips spreads over its own threads), then encoded and written
 * by ENCODERS threads at once (each encoder is single-threaded, and they
 * are most of the work). */
#define ENCODERS 2
#define JOBS_MAX (PICTURE_WIDTHS_MAX * PICTURE__FMTS + PICTURE__CROPS + 1)

struct job {
	VipsImage *img; /* a reference of the job's own */
	enum picture_fmt f;
	size_t max_bytes;
	char name[PICTURE_NAME_MAX];
};

struct batch {
	int dfd;
	const char *dir;
	struct job jobs[JOBS_MAX];
	size_t n;
	pthread_mutex_t lock;
	size_t next;	    /* the next job to take */
	enum image_err err; /* the first failure */
};

static enum image_err
add_job(struct batch *b, VipsImage *img, enum picture_fmt f,
	const char *name, size_t max_bytes)
{
	if (b->n == JOBS_MAX)
		return IMAGE_IO;
	struct job *j = &b->jobs[b->n++];
	g_object_ref(img);
	j->img = img;
	j->f = f;
	j->max_bytes = max_bytes;
	snprintf(j->name, sizeof j->name, "%s", name);
	return IMAGE_OK;
}

static void *
encoder(void *arg)
{
	struct batch *b = arg;
	for (;;) {
		pthread_mutex_lock(&b->lock);
		size_t i = b->err == IMAGE_OK ? b->next++ : b->n;
		pthread_mutex_unlock(&b->lock);
		if (i >= b->n)
			break;
		struct job *j = &b->jobs[i];
		enum image_err e =
			save(b->dfd, b->dir, j->img, j->f, j->name, j->max_bytes);
		if (e != IMAGE_OK) {
			pthread_mutex_lock(&b->lock);
			if (b->err == IMAGE_OK)
				b->err = e;
			pthread_mutex_unlock(&b->lock);
		}
	}
	return NULL;
}

/* Runs every job of b (widest first: the longest ones start first) and
 * drops their images. */
static enum image_err
run_batch(struct batch *b)
{
	pthread_t t[ENCODERS - 1];
	size_t started = 0;
	for (; started < ENCODERS - 1; started++)
		if (pthread_create(&t[started], NULL, encoder, b) != 0)
			break; /* fewer threads: the work still gets done */
	encoder(b);
	for (size_t i = 0; i < started; i++)
		pthread_join(t[i], NULL);
	for (size_t i = 0; i < b->n; i++)
		g_object_unref(b->jobs[i].img);
	b->n = 0;
	return b->err;
}

static struct batch *
batch_new(int dfd, const char *dir)
{
	struct batch *b = g_try_malloc0(sizeof *b);
	if (!b)
		return NULL;
	b->dfd = dfd;
	b->dir = dir;
	pthread_mutex_init(&b->lock, NULL);
	return b;
}

/* Runs b's jobs when e (what adding them gave) is IMAGE_OK, frees b;
 * the first failure. */
static enum image_err
batch_free(struct batch *b, enum image_err e)
{
	if (e != IMAGE_OK)
		b->err = e;
	e = run_batch(b);
	pthread_mutex_destroy(&b->lock);
	g_free(b);
	return e;
}

/* The whole picture at every width, WebP and JPEG, widest first so that
 * each narrower one is scaled from the one before (cheaper, and at these
 * ratios as sharp). */
static enum image_err
widths(struct batch *b, const struct picture *p, VipsImage *full)
{
	int ws[PICTURE_WIDTHS_MAX];
	size_t n = picture_widths(p, ws);
	VipsImage *from = full;
	enum image_err e = IMAGE_OK;

	g_object_ref(from);
	for (size_t i = n; e == IMAGE_OK && i-- > 0;) {
		char name[PICTURE_NAME_MAX];
		VipsImage *r = scaled(from, ws[i], picture_height_at(p, ws[i]));
		VipsImage *m = r ? vips_image_copy_memory(r) : NULL;
		if (r)
			g_object_unref(r);
		if (!m) {
			e = IMAGE_IO;
			break;
		}
		for (int f = 0; e == IMAGE_OK && f < PICTURE__FMTS; f++)
			if (!picture_width_name(p, ws[i], (enum picture_fmt)f,
						name, sizeof name))
				e = IMAGE_IO;
			else
				e = add_job(b, m, (enum picture_fmt)f, name, 0);
		g_object_unref(from);
		from = m;
	}
	g_object_unref(from);
	return e;
}

/* Every crop of p, cut from src, which shows the whole original at
 * src->Xsize / p->width of its size. */
static enum image_err
crops(struct batch *b, const struct picture *p, VipsImage *src)
{
	double k = (double)src->Xsize / p->width;
	enum image_err e = IMAGE_OK;

	for (int c = 0; e == IMAGE_OK && c < PICTURE__CROPS; c++) {
		struct picture_rect r;
		int ow, oh;
		picture_crop(p, (enum picture_crop)c, &r, &ow, &oh);
		int left = (int)(r.left * k), top = (int)(r.top * k);
		int cw = (int)(r.width * k + 0.5), ch = (int)(r.height * k + 0.5);
		if (cw < 1)
			cw = 1;
		if (ch < 1)
			ch = 1;
		if (left + cw > src->Xsize)
			left = src->Xsize - cw;
		if (top + ch > src->Ysize)
			top = src->Ysize - ch;
		VipsImage *cut = NULL;
		if (left < 0 || top < 0 ||
		    vips_extract_area(src, &cut, left, top, cw, ch, NULL) != 0) {
			log_vips("crop");
			return IMAGE_IO;
		}
		VipsImage *lazy = scaled(cut, ow, oh);
		g_object_unref(cut);
		/* Computed once, encoded up to twice (and more when the
		 * share crop steps its quality down). */
		VipsImage *out = lazy ? vips_image_copy_memory(lazy) : NULL;
		if (lazy)
			g_object_unref(lazy);
		if (!out)
			return IMAGE_IO;
		for (int f = 0; e == IMAGE_OK && f < PICTURE__FMTS; f++) {
			char name[PICTURE_NAME_MAX];
			if (!picture_crop_has((enum picture_crop)c,
					      (enum picture_fmt)f))
				continue;
			if (!picture_crop_name(p, (enum picture_crop)c,
					       (enum picture_fmt)f, name,
					       sizeof name))
				e = IMAGE_IO;
			else
				e = add_job(b, out, (enum picture_fmt)f, name,
					    c == PICTURE_SHARE ? SHARE_MAX_BYTES
							       : 0);
		}
		g_object_unref(out);
	}
	return e;
}

static int
open_dir(const char *dir)
{
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		fprintf(stderr, "warta-picture: cannot open %s: %s\n", dir,
			strerror(errno));
	return dfd;
}

/* Opens data with an allowed loader, reading its header only, and checks
 * its size against the limit before a pixel is decoded. */
static VipsImage *
open_checked(const void *data, size_t len, const struct image_opts *o,
	     enum image_err *err)
{
	if (o->allow_svg)
		allow_svg_loader();
	const char *nick = vips_foreign_find_load_buffer(data, len);
	if (!loader_allowed(nick, o->allow_svg)) {
		vips_error_clear();
		*err = IMAGE_FORMAT;
		return NULL;
	}
	/* fail_on error: a truncated or damaged file is an error, not a
	 * grey band at the bottom. Sequential access: decoded once, top to
	 * bottom, as the copy into memory reads it. */
	VipsImage *in = vips_image_new_from_buffer(
		data, len, "", "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
		VIPS_FAIL_ON_ERROR, NULL);
	if (!in) {
		log_vips("header");
		*err = IMAGE_BROKEN;
		return NULL;
	}
	/* The header's size is all a "bomb" has to show: refused before
	 * the decoder allocates anything for its pixels. */
	if (in->Xsize < 1 || in->Ysize < 1 ||
	    (int64_t)in->Xsize * in->Ysize > o->max_pixels) {
		g_object_unref(in);
		*err = IMAGE_PIXELS;
		return NULL;
	}
	*err = IMAGE_OK;
	return in;
}

/* The widest rendition and the crops need at most 1920 px across the
 * width and 1200 px across the shorter side (the square crop): a phone's
 * 4000x3000 photo has twice that. JPEG decodes at 1/2, 1/4 or 1/8 of its
 * size for almost nothing (the DCT scaled, every byte of the file still
 * read, so a truncated file still fails); the largest factor that keeps
 * what the renditions need, 1 when none does. */
static int
shrink_for(const struct picture *p)
{
	int need_w = p->width < 1920 ? p->width : 1920;
	int side = p->width < p->height ? p->width : p->height;
	int need_side = side < 1200 ? side : 1200;
	int s = 8;
	while (s > 1 && (p->width / s < need_w || side / s < need_side))
		s /= 2;
	return s;
}

/* data opened again, shrunk on load by s (JPEG only; NULL otherwise, or
 * on failure: then it is decoded at full size). */
static VipsImage *
open_shrunk(const void *data, size_t len, int s)
{
	const char *nick = vips_foreign_find_load_buffer(data, len);
	VipsImage *img = NULL;
	if (nick && strcmp(nick, "VipsForeignLoadJpegBuffer") == 0)
		img = vips_image_new_from_buffer(
			data, len, "", "access", VIPS_ACCESS_SEQUENTIAL,
			"fail_on", VIPS_FAIL_ON_ERROR, "shrink", s, NULL);
	if (!img)
		vips_error_clear();
	return img;
}

enum image_err
image_process(const void *data, size_t len, const struct image_opts *o,
	      struct picture *out)
{
	enum image_err e;
	VipsImage *in = NULL, *full = NULL;
	int dfd = -1;

	memset(out, 0, sizeof *out);
	if (!data || len == 0)
		return IMAGE_EMPTY;
	in = open_checked(data, len, o, &e);
	if (!in)
		return e;
	/* The upright size of the original, from the header: the plan's
	 * input, whatever size the pixels are decoded at. */
	bool turned = vips_image_get_orientation_swap(in);
	struct picture p = {.width = turned ? in->Ysize : in->Xsize,
			    .height = turned ? in->Xsize : in->Ysize,
			    .fx = o->fx, .fy = o->fy};
	int shrink = shrink_for(&p);
	if (shrink > 1) {
		VipsImage *small = open_shrunk(data, len, shrink);
		if (small) {
			g_object_unref(in);
			in = small;
		}
	}
	full = decode(in, &e);
	if (!full)
		goto out;
	picture_key_of(data, len, p.key);
	if ((dfd = open_dir(o->dir)) < 0) {
		e = IMAGE_IO;
		goto out;
	}
	struct batch *b = batch_new(dfd, o->dir);
	e = b ? widths(b, &p, full) : IMAGE_IO;
	if (e == IMAGE_OK)
		e = crops(b, &p, full);
	if (b)
		e = batch_free(b, e);
	if (e == IMAGE_OK && o->keep_original) {
		char name[PICTURE_KEY_LEN + sizeof ".orig"];
		snprintf(name, sizeof name, "%s.orig", p.key);
		e = put(dfd, o->dir, name, data, len);
	}
	/* The new names must survive a crash once the daemon records
	 * them. */
	if (e == IMAGE_OK && fsync(dfd) != 0)
		fprintf(stderr, "warta-picture: cannot fsync %s: %s\n", o->dir,
			strerror(errno));
	if (e == IMAGE_OK)
		*out = p;
out:
	if (dfd >= 0)
		close(dfd);
	if (full)
		g_object_unref(full);
	g_object_unref(in);
	return e;
}

/* The source for new crops: the original when kept, else the widest JPEG
 * rendition; fully decoded and upright. NULL when there is neither. */
static VipsImage *
crop_source(int dfd, const struct image_opts *o, const struct picture *p)
{
	char name[PICTURE_NAME_MAX];
	enum image_err e;
	VipsImage *src = NULL;

	snprintf(name, sizeof name, "%s.orig", p->key);
	int fd = openat(dfd, name, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		struct stat st;
		void *buf = NULL;
		if (fstat(fd, &st) == 0 && st.st_size > 0 &&
		    (buf = g_try_malloc((size_t)st.st_size)) != NULL &&
		    read(fd, buf, (size_t)st.st_size) == st.st_size) {
			struct image_opts big = *o;
			big.max_pixels = INT64_MAX;
			VipsImage *in = open_checked(buf, (size_t)st.st_size,
						     &big, &e);
			if (in) {
				src = decode(in, &e);
				g_object_unref(in);
			}
		}
		g_free(buf);
		close(fd);
		if (src && src->Xsize == p->width && src->Ysize == p->height)
			return src;
		if (src)
			g_object_unref(src);
		src = NULL;
	}
	int ws[PICTURE_WIDTHS_MAX];
	size_t n = picture_widths(p, ws);
	if (n == 0 || !picture_width_name(p, ws[n - 1], PICTURE_JPEG, name,
					  sizeof name))
		return NULL;
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", o->dir, name);
	VipsImage *in = vips_image_new_from_file(path, "access",
						 VIPS_ACCESS_SEQUENTIAL,
						 "fail_on", VIPS_FAIL_ON_ERROR,
						 NULL);
	if (!in) {
		log_vips(path);
		return NULL;
	}
	src = decode(in, &e);
	g_object_unref(in);
	return src;
}

enum image_err
image_recrop(const struct image_opts *o, const struct picture *p)
{
	if (!picture_key_valid(p->key) || p->width < 1 || p->height < 1 ||
	    p->fx < 0 || p->fx > PICTURE_FOCAL_MAX || p->fy < 0 ||
	    p->fy > PICTURE_FOCAL_MAX)
		return IMAGE_FORMAT;
	int dfd = open_dir(o->dir);
	if (dfd < 0)
		return IMAGE_IO;
	VipsImage *src = crop_source(dfd, o, p);
	struct batch *b = src ? batch_new(dfd, o->dir) : NULL;
	enum image_err e = b ? crops(b, p, src) : IMAGE_IO;
	if (b)
		e = batch_free(b, e);
	if (e == IMAGE_OK && fsync(dfd) != 0)
		fprintf(stderr, "warta-picture: cannot fsync %s: %s\n", o->dir,
			strerror(errno));
	if (src)
		g_object_unref(src);
	close(dfd);
	return e;
}
