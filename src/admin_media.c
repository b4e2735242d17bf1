/* admin_media.c - images uploaded with an article: checked by their bytes,
 * stored under random names, and served at /media/NAME by the embedded
 * front end (nginx serves the directory itself in production). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "admin_articles.h"
#include "page.h"

enum werr
admin_upload_check(const struct form *form, const char *name,
		   struct upload *up)
{
	up->file = form_file(form, name);
	up->type = MEDIA__MAX;
	if (!up->file)
		return W_OK;
	/* The declared type and the file name are the sender's word; only
	 * the bytes count. */
	return media_sniff(up->file->value, up->file->len, &up->type);
}

const char *
admin_upload_message(enum werr e)
{
	switch (e) {
	case W_TOOBIG:
		return "Gambar lebih besar dari 8 MiB; perkecil dulu.";
	case W_INVAL:
		return "Berkas gambar kosong.";
	default:
		break;
	}
	return "Gambar harus berupa berkas JPEG, PNG, atau WebP.";
}

enum werr
admin_upload_store(struct worker *w, const struct upload *up,
		   char name[MEDIA_NAME_LEN])
{
	name[0] = '\0';
	if (!up->file || !w->app->media_dir)
		return W_IO;
	return media_store(w->app->media_dir, up->file->value, up->file->len,
			   up->type, name);
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
	/* Only names media_store makes: no path, no dot file, a known
	 * image extension, so the type below can only be an image type. */
	if (!media_name_valid(name) || !w->app->media_dir)
		return W_NOTFOUND;
	const char *mime = media_mime(media_type_of(name));
	if (!mime)
		return W_NOTFOUND;
	/* A name is never reused for other bytes. (X-Content-Type-Options:
	 * nosniff is on every response, from app.c.) */
	return page_send_file(w, resp, w->app->media_dir, name, mime,
			      "public, max-age=31536000, immutable");
}
