/* page_foto.c - inline pictures of an article body (page_foto.h). */
#include <inttypes.h>
#include <string.h>

#include "markdown.h"
#include "page.h"
#include "page_foto.h"
#include "page_picture.h"

/* The article column is at most 44rem wide (static/warta.css). */
#define FOTO_SIZES "(min-width: 46em) 44rem, 100vw"

void
page_foto_photo(const struct media_item *m, struct photo *out)
{
	*out = (struct photo){
		.id = m->id,
		.key = m->pic.key,
		.name = m->name,
		.width = m->pic.width,
		.height = m->pic.height,
		.fx = m->pic.fx,
		.fy = m->pic.fy,
		.alt = m->alt,
		.caption = m->caption,
		.credit = m->credit,
	};
}

/* The figure of m as HTML into out. */
static enum werr
figure(struct worker *w, const struct media_item *m, struct buf *out)
{
	struct photo p;
	page_foto_photo(m, &p);
	struct tobj *ctx = tobj_new(&w->arena);
	if (!ctx)
		return W_NOMEM;
	if (!page_picture(&w->arena, ctx, &p, FOTO_SIZES, PAGE_PICTURE_LAZY))
		return W_OK;
	tobj_int(ctx, "id", m->id);
	tobj_str(ctx, "caption", m->caption);
	tobj_str(ctx, "credit", m->credit);
	return page_partial(w, "_foto", ctx, out);
}

enum werr
page_fotos_expand(struct worker *w, const char *html, const char **out,
		  int64_t *changed)
{
	int64_t ids[PAGE_FOTOS_MAX];
	size_t n = markdown_foto_markers(html, ids, PAGE_FOTOS_MAX);
	*out = html;
	if (n == 0 && !strstr(html, "<!--foto:"))
		return W_OK;
	struct baca_juga figs[PAGE_FOTOS_MAX];
	size_t nfigs = 0;
	enum werr e = W_OK;
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < n && e == W_OK; i++) {
		struct media_item m;
		e = db_media_get(w->db, &w->arena, ids[i], &m);
		if (e == W_NOTFOUND) {
			e = W_OK;
			continue;
		}
		buf_reset(&b);
		if (e == W_OK)
			e = figure(w, &m, &b);
		if (e != W_OK)
			break;
		figs[nfigs].slug =
			arena_printf(&w->arena, "%" PRId64, ids[i]);
		figs[nfigs].html = arena_strndup(&w->arena, buf_cstr(&b), b.len);
		if (!figs[nfigs].slug || !figs[nfigs].html)
			e = W_NOMEM;
		nfigs++;
		if (m.updated_at > *changed)
			*changed = m.updated_at;
	}
	if (e == W_OK) {
		buf_reset(&b);
		e = markdown_fotos(html, figs, nfigs, &b);
	}
	if (e == W_OK) {
		*out = arena_strndup(&w->arena, buf_cstr(&b), b.len);
		if (!*out)
			e = W_NOMEM;
	}
	buf_fini(&b);
	return e;
}
