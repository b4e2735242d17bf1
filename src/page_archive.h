/* page_archive.h - the archive pages under /arsip. */
#ifndef WARTA_PAGE_ARCHIVE_H
#define WARTA_PAGE_ARCHIVE_H

#include "app.h"

/* GET /arsip: the local months that have public articles, with counts,
 * newest first, each linking to its month page. */
enum werr page_archive(struct worker *w, struct req *req, struct resp *resp)
	WUNUSED;

/* GET /arsip/YYYY/MM: the days of that month with their counts, each
 * linking to its day page. 404 for a malformed or impossible month and for
 * one without public articles. */
enum werr page_archive_month(struct worker *w, struct req *req,
			     struct resp *resp) WUNUSED;

/* GET /arsip/YYYY/MM/DD[?sebelum=TIME.ID]: that local day's public
 * articles, newest first, paged by keyset. 404 for a malformed or
 * impossible date (2024/02/30) and for a day without public articles;
 * 400 for a malformed cursor. */
enum werr page_archive_day(struct worker *w, struct req *req,
			   struct resp *resp) WUNUSED;

#endif
