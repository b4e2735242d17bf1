/* page_foto.h - inline pictures of an article body: the [[foto:ID]] lines
 * (markdown.h) as figures drawn by page_picture.c. */
#ifndef WARTA_PAGE_FOTO_H
#define WARTA_PAGE_FOTO_H

#include <stdint.h>

#include "app.h"
#include "db_media.h"
#include "model.h"

/* The most inline pictures one body shows. */
#define PAGE_FOTOS_MAX 32

/* The struct photo of library picture m (borrowing its strings). */
void page_foto_photo(const struct media_item *m, struct photo *out);

/* Copies body html into *out (the worker's arena) with every
 * <!--foto:ID--> line replaced by a <figure> of that picture: a lazy
 * <picture> with its caption and credit; a line whose picture is gone
 * vanishes. *changed is raised to the newest picture's updated_at (the
 * page's Last-Modified). *out is html itself when it has no such line. */
enum werr page_fotos_expand(struct worker *w, const char *html,
			    const char **out, int64_t *changed) WUNUSED;

#endif
