/* page_search.h - the search page, /cari. */
#ifndef WARTA_PAGE_SEARCH_H
#define WARTA_PAGE_SEARCH_H

#include "app.h"

/* GET /cari?q=WORDS[&kanal=SLUG][&dari=YYYY-MM-DD][&sampai=YYYY-MM-DD]
 * [&hal=N]: the form, and the public articles matching q, ranked (see
 * db_search()). An empty q shows the form alone. W_INVAL (400) for a
 * malformed date or page number; W_NOTFOUND (404) for a page past the cap
 * or past the last result. */
enum werr page_search(struct worker *w, struct req *req, struct resp *resp)
	WUNUSED;

#endif
