/* demo_pictures.h - the demo newsroom's pictures (demo_pictures.c). */
#ifndef WARTA_DEMO_PICTURES_H
#define WARTA_DEMO_PICTURES_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"

struct imgproc;

/* Draws a picture (SVG, through the helper ip) for most stories of db
 * that have none (every sixth is left without, so that pages without a
 * picture stay in the demo): a bar chart of the demo KPU count for those
 * tagged quick count, rekapitulasi or survei, an illustration by section
 * for the others; writes the renditions into dir, records each as a
 * media row with caption, credit "Ilustrasi: Warta" and alt text, and
 * makes it the story's featured picture. *made counts them. The caller
 * holds a transaction. W_IO when the helper fails (logged). For `warta
 * init --demo`, before anything serves. */
enum werr demo_pictures(struct db *db, struct imgproc *ip, const char *dir,
			int64_t now, size_t *made) WUNUSED;

#endif
