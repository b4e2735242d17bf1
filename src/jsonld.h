/* jsonld.h - schema.org NewsArticle structured data (JSON-LD) for the
 * article page, safe to place inside an HTML <script> element. */
#ifndef WARTA_JSONLD_H
#define WARTA_JSONLD_H

#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "buf.h"
#include "model.h"
#include "werr.h"

/* The site logo under the base URL, and its size in pixels: the publisher
 * logo in JSON-LD and the sharing image of pages that have none. */
#define JSONLD_LOGO_PATH "/static/logo.png"
#define JSONLD_LOGO_WIDTH 600
#define JSONLD_LOGO_HEIGHT 60

/* One public correction note on an article. */
struct jsonld_correction {
	const char *text;
	int64_t at; /* Unix time the note was published */
};

/* One update of a live blog (a BlogPosting in liveBlogUpdate). */
struct jsonld_live_update {
	const char *headline; /* its text's opening words */
	const char *body;     /* its text, as plain text */
	const char *author;   /* a name, or NULL / "" for none */
	const char *url;      /* the absolute URL of the update on the page */
	int64_t at;	      /* when it was posted */
	int64_t modified;     /* its last change */
};

/* A live blog: the story becomes a LiveBlogPosting. */
struct jsonld_live {
	int64_t start; /* coverageStartTime */
	int64_t end;   /* coverageEndTime; 0 while open */
	const struct jsonld_live_update *updates; /* newest first */
	size_t nupdates;
};

/* What the NewsArticle describes. Every string is UTF-8 that may hold
 * anything (quotes, "</script>", invalid bytes); none is trusted. */
struct jsonld_article {
	const struct article *a;   /* title, lead, times, section, authors,
				      tags */
	const char *url;	   /* the page's absolute canonical URL */
	const char *image;	   /* absolute URL of its image; NULL or "": the
				      site logo */
	const char *const *images; /* or, when nimages > 0, the absolute
				      URLs of its crops (16:9, 4:3, 1:1),
				      written as a list instead */
	size_t nimages;
	const struct jsonld_correction *corrections;
	size_t ncorrections;
	const struct jsonld_live *live; /* NULL: not a live blog */
};

/* Appends the NewsArticle of in as one JSON object to out: headline,
 * description (the lead), datePublished and dateModified (RFC 3339 in the
 * site's zone), author (one Person per byline author, with the absolute
 * URL of their page), publisher (the site as an Organization with its
 * logo), image (one URL, or the list of in->images), mainEntityOfPage,
 * articleSection, keywords (the tag names),
 * inLanguage, and correction (a CorrectionComment per note) when there are
 * notes. Absolute URLs start with site->base_url. With in->live the type
 * is LiveBlogPosting (a kind of Article, so every property above holds)
 * with coverageStartTime, coverageEndTime once closed, and liveBlogUpdate:
 * one BlogPosting per update (headline, articleBody, datePublished,
 * dateModified, url, author). dateModified is then at least the newest
 * update's change.
 *
 * The output is ASCII-safe for HTML: '<', '>' and '&' are written as
 * \u003c, \u003e and \u0026, U+2028 and U+2029 as escapes, and invalid
 * UTF-8 as U+FFFD, so neither "</script" nor "<!--" can appear and the
 * text always parses as JSON. Returns W_NOMEM when out ran out of memory
 * (before or during the call), else W_OK. Thread-safe. */
enum werr jsonld_news_article(const struct site *site,
			      const struct jsonld_article *in,
			      struct buf *out) WUNUSED;

/* Appends s as a JSON string literal (with its quotes) under the same
 * escaping rules as jsonld_news_article(); NULL is written as "". */
void jsonld_string(struct buf *out, const char *s);

#endif
