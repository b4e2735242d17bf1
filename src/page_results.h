/* page_results.h - election results for readers: the results box that a
 * "[[hasil:region]]" line puts into a story or live update, the region
 * pages at /pilkada/REGION and the index at /pilkada.
 *
 * Boxes are built when the page is shown, from the newest entries of that
 * moment; quick counts always carry the label saying they are not the
 * official result. */
#ifndef WARTA_PAGE_RESULTS_H
#define WARTA_PAGE_RESULTS_H

#include "app.h"

/* Replaces the results-box lines of html (cmark output with markers from
 * markdown_render) by the boxes of their regions; lines naming no region
 * vanish. *out (the worker's arena) is html itself when it has no such
 * line. *changed is raised to the newest change among the regions shown,
 * for Last-Modified. */
enum werr page_results_expand(struct worker *w, const char *html,
			      const char **out, int64_t *changed) WUNUSED;

/* GET /pilkada: the regions with their boxes. GET /pilkada/:slug: one
 * region's box, pairs, history of entries and stories. */
enum werr page_regions(struct worker *w, struct req *req, struct resp *resp);
enum werr page_region(struct worker *w, struct req *req, struct resp *resp);

#endif
