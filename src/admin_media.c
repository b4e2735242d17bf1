/* admin_media.c - uploaded pictures: made into renditions by the helper
 * (imgproc.h), found again by their key, and served at /media/NAME by the
 * embedded front end (nginx serves the directory itself in production),
 * with the legacy uploads from before pictures were processed. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "admin.h"
#include "admin_articles.h"
#include "db_media.h"
#include "imgproc.h"
#include "page.h"
#include "picture_key.h"
#include "utf8.h"

/* The name the sender gave the file, for messages: its last path part,
 * cut to a readable length ("foto.jpg"); "berkas" when there is none. */
static const char *
shown_name(struct worker *w, const struct form_field *file)
{
	const char *n = file && file->filename ? file->filename : "";
	const char *slash = strrchr(n, '/'), *bs = strrchr(n, '\\');
	if (slash)
		n = slash + 1;
	if (bs && bs + 1 > n)
		n = bs + 1;
	size_t len = strlen(n);
	if (len == 0)
		return "berkas";
	if (len > 80) {
		/* Cut on a character boundary. */
		len = 80;
		while (len > 0 && ((unsigned char)n[len] & 0xC0) == 0x80)
			len--;
		const char *cut = arena_strndup(&w->arena, n, len);
		return cut ? arena_printf(&w->arena, "%s…", cut) : "berkas";
	}
	return n;
}

const char *
admin_picture_check(struct worker *w, const struct form_field *file)
{
	if (!file)
		return NULL;
	if (file->len == 0)
		return arena_printf(&w->arena, "Berkas \u201c%s\u201d kosong.",
				    shown_name(w, file));
	if (file->len > MEDIA_MAX_SIZE)
		return arena_printf(&w->arena,
				    "Berkas \u201c%s\u201d lebih besar dari 8 "
				    "MiB; perkecil dulu.",
				    shown_name(w, file));
	return NULL;
}

/* The Indonesian sentence for a refusal of the helper. */
static const char *
refusal(struct worker *w, const struct form_field *file,
	enum imgproc_refusal r)
{
	const char *n = shown_name(w, file);
	switch (r) {
	case IMGPROC_EMPTY:
		return arena_printf(&w->arena, "Berkas \u201c%s\u201d kosong.", n);
	case IMGPROC_BROKEN:
		return arena_printf(&w->arena,
				    "Berkas \u201c%s\u201d rusak atau tidak "
				    "lengkap: gambarnya tidak dapat dibaca "
				    "sampai habis.",
				    n);
	case IMGPROC_PIXELS:
		return arena_printf(
			&w->arena,
			"Gambar \u201c%s\u201d terlalu besar (lebih dari %lld "
			"megapiksel); perkecil dulu.",
			n,
			(long long)(w->app->pictures
					    ? w->app->pictures->max_pixels /
						      1000000
					    : 50));
	default:
		break;
	}
	return arena_printf(&w->arena,
			    "Berkas \u201c%s\u201d bukan gambar JPEG, PNG, "
			    "WebP, atau HEIC.",
			    n);
}

enum werr
admin_picture_make(struct worker *w, const struct form_field *file,
		   struct admin_picture *out, bool *made, const char **why)
{
	memset(out, 0, sizeof *out);
	*made = false;
	*why = admin_picture_check(w, file);
	if (*why || !file)
		return W_OK;
	out->size = file->len;
	/* The same bytes are the same picture: found by the key, without
	 * running anything. */
	picture_key_of(file->value, file->len, out->pic.key);
	int64_t id;
	enum werr e = db_media_by_key(w->db, out->pic.key, &id);
	if (e == W_OK) {
		struct media_item m;
		e = db_media_get(w->db, &w->arena, id, &m);
		if (e == W_OK && m.pic.key[0]) {
			out->pic = m.pic;
			return W_OK;
		}
	}
	if (e != W_NOTFOUND && e != W_OK)
		return e;
	if (!w->app->pictures || !w->app->media_dir)
		return W_IO;
	enum imgproc_refusal r;
	e = imgproc_run(w->app->pictures, w->app->media_dir, file->value,
			file->len, PICTURE_FOCAL_MAX / 2, PICTURE_FOCAL_MAX / 2,
			&out->pic, &r);
	if (e != W_OK)
		return e;
	if (r != IMGPROC_OK) {
		*why = refusal(w, file, r);
		return W_OK;
	}
	*made = true;
	return W_OK;
}

enum werr
admin_picture_upload(struct worker *w, const struct req *req,
		     const struct form_field *file, struct admin_media *m,
		     const char **why)
{
	struct admin_picture pic;
	bool made, created;
	memset(m, 0, sizeof *m);
	*why = NULL;
	if (!file)
		return W_OK;
	enum werr e = admin_picture_make(w, file, &pic, &made, why);
	if (e != W_OK || *why)
		return e;
	e = db_media_add(w->db, &pic.pic, pic.size,
			 w->session ? w->session->user.id : 0, req->now, &m->id,
			 &created);
	if (e != W_OK) {
		if (made)
			imgproc_discard(w->app->media_dir, &pic.pic);
		return e;
	}
	m->name = arena_strdup(&w->arena, pic.pic.key);
	m->mime = "image/jpeg";
	m->size = pic.size;
	return m->name ? W_OK : W_NOMEM;
}

const char *
admin_picture_src(struct worker *w, const char *name, const struct picture *p,
		  int want)
{
	char file[PICTURE_NAME_MAX];
	int ws[PICTURE_WIDTHS_MAX];
	size_t n = p ? picture_widths(p, ws) : 0;
	if (p && picture_key_valid(p->key) && n > 0) {
		size_t i = 0;
		while (i + 1 < n && ws[i + 1] <= want)
			i++;
		if (!picture_width_name(p, ws[i], PICTURE_JPEG, file,
					sizeof file))
			return NULL;
		return arena_printf(&w->arena, "/media/%s", file);
	}
	if (name && media_name_valid(name))
		return arena_printf(&w->arena, "/media/%s", name);
	return NULL;
}

void
admin_upload_discard(struct worker *w, const char *name)
{
	if (!name[0] || !media_name_valid(name) || !w->app->media_dir)
		return;
	const char *path =
		arena_printf(&w->arena, "%s/%s", w->app->media_dir, name);
	if (path && unlink(path) != 0)
		fprintf(stderr, "warta: media: cannot remove %s: %s\n", path,
			strerror(errno));
}

enum werr
page_media(struct worker *w, struct req *req, struct resp *resp)
{
	const char *name = req_param(req, "name");
	enum picture_fmt f;
	const char *mime = NULL;
	/* Only the names picture.c makes (renditions) and those media_store
	 * made before them (legacy uploads): no path, no dot file, no kept
	 * original, a known image extension, so the type below can only be
	 * an image type. */
	if (picture_name_valid(name, &f))
		mime = picture_mime(f);
	else if (media_name_valid(name))
		mime = media_mime(media_type_of(name));
	if (!mime || !w->app->media_dir)
		return W_NOTFOUND;
	/* A name is never reused for other bytes. (X-Content-Type-Options:
	 * nosniff is on every response, from app.c.) */
	return page_send_file(w, resp, w->app->media_dir, name, mime,
			      "public, max-age=31536000, immutable");
}
