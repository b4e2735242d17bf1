/* jsonld.c - the schema.org NewsArticle of an article page as JSON-LD. */
#include <string.h>

#include "datefmt.h"
#include "jsonld.h"
#include "utf8.h"

/* Appends s escaped for a JSON string, without the quotes. */
static void
escape(struct buf *out, const char *s)
{
	if (!s)
		return;
	size_t n = strlen(s), run = 0, i = 0;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		/* buf_json escapes quotes, controls and < > &; what it lets
		 * through unchanged are U+2028 and U+2029 (line breaks to
		 * pre-2019 JavaScript parsers) and invalid bytes (which
		 * would make the whole document invalid JSON). */
		const char *r = len == 0       ? "\\ufffd"
				: cp == 0x2028 ? "\\u2028"
				: cp == 0x2029 ? "\\u2029"
					       : NULL;
		if (!r) {
			i += len;
			continue;
		}
		buf_json(out, s + run, i - run);
		buf_puts(out, r);
		i += len ? len : 1;
		run = i;
	}
	buf_json(out, s + run, n - run);
}

void
jsonld_string(struct buf *out, const char *s)
{
	buf_putc(out, '"');
	escape(out, s);
	buf_putc(out, '"');
}

/* ,"key":"value" */
static void
field(struct buf *out, const char *key, const char *val)
{
	buf_printf(out, ",\"%s\":", key);
	jsonld_string(out, val);
}

static void
date_field(struct buf *out, const char *key, int64_t t, int offset)
{
	char iso[40];
	datefmt_iso(t, offset, iso, sizeof iso);
	field(out, key, iso);
}

/* "base" + "path" + "tail" as one JSON string. */
static void
url_string(struct buf *out, const char *base, const char *path,
	   const char *tail)
{
	buf_putc(out, '"');
	escape(out, base);
	escape(out, path);
	escape(out, tail);
	buf_putc(out, '"');
}

/* coverageStartTime, coverageEndTime and liveBlogUpdate. */
static void
live_fields(struct buf *out, const struct site *site,
	    const struct jsonld_live *live)
{
	date_field(out, "coverageStartTime", live->start, site->tz_offset);
	if (live->end)
		date_field(out, "coverageEndTime", live->end, site->tz_offset);
	buf_puts(out, ",\"liveBlogUpdate\":[");
	for (size_t i = 0; i < live->nupdates; i++) {
		const struct jsonld_live_update *u = &live->updates[i];
		buf_puts(out, i ? ",{" : "{");
		buf_puts(out, "\"@type\":\"BlogPosting\"");
		field(out, "headline", u->headline);
		field(out, "articleBody", u->body);
		date_field(out, "datePublished", u->at, site->tz_offset);
		date_field(out, "dateModified",
			   u->modified > u->at ? u->modified : u->at,
			   site->tz_offset);
		field(out, "url", u->url);
		if (u->author && u->author[0]) {
			buf_puts(out, ",\"author\":{\"@type\":\"Person\"");
			field(out, "name", u->author);
			buf_putc(out, '}');
		}
		buf_putc(out, '}');
	}
	buf_putc(out, ']');
}

enum werr
jsonld_news_article(const struct site *site, const struct jsonld_article *in,
		    struct buf *out)
{
	const struct article *a = in->a;
	const char *base = site->base_url ? site->base_url : "";

	const struct jsonld_live *live = in->live;
	buf_puts(out, live ? "{\"@context\":\"https://schema.org\","
			     "\"@type\":\"LiveBlogPosting\""
			   : "{\"@context\":\"https://schema.org\","
			     "\"@type\":\"NewsArticle\"");
	buf_puts(out, ",\"mainEntityOfPage\":{\"@type\":\"WebPage\","
		      "\"@id\":");
	jsonld_string(out, in->url);
	buf_putc(out, '}');
	field(out, "url", in->url);
	field(out, "headline", a->title);
	field(out, "description", a->lead);

	buf_puts(out, ",\"image\":");
	if (in->nimages > 0) {
		/* Google's article rich results and Discover take the
		 * three aspect ratios, each at least 1200 px wide. */
		for (size_t i = 0; i < in->nimages; i++) {
			buf_putc(out, i ? ',' : '[');
			jsonld_string(out, in->images[i]);
		}
		buf_putc(out, ']');
	} else if (in->image && in->image[0])
		jsonld_string(out, in->image);
	else
		url_string(out, base, JSONLD_LOGO_PATH, NULL);

	/* A story scheduled after its last save changed when it appeared. */
	int64_t modified =
	    a->updated_at > a->published_at ? a->updated_at : a->published_at;
	for (size_t i = 0; live && i < live->nupdates; i++)
		if (live->updates[i].modified > modified)
			modified = live->updates[i].modified;
	if (live && live->end > modified)
		modified = live->end;
	date_field(out, "datePublished", a->published_at, site->tz_offset);
	date_field(out, "dateModified", modified, site->tz_offset);

	buf_puts(out, ",\"author\":[");
	for (size_t i = 0; i < a->nauthors; i++) {
		buf_puts(out, i ? ",{" : "{");
		buf_puts(out, "\"@type\":\"Person\"");
		field(out, "name", a->authors[i].name);
		buf_puts(out, ",\"url\":");
		url_string(out, base, "/penulis/", a->authors[i].slug);
		buf_putc(out, '}');
	}
	buf_putc(out, ']');

	buf_puts(out, ",\"publisher\":{\"@type\":\"Organization\"");
	field(out, "name", site->name);
	buf_puts(out, ",\"logo\":{\"@type\":\"ImageObject\",\"url\":");
	url_string(out, base, JSONLD_LOGO_PATH, NULL);
	buf_printf(out, ",\"width\":%d,\"height\":%d}}", JSONLD_LOGO_WIDTH,
		   JSONLD_LOGO_HEIGHT);

	if (a->section.name && a->section.name[0])
		field(out, "articleSection", a->section.name);
	buf_puts(out, ",\"keywords\":[");
	for (size_t i = 0; i < a->ntags; i++) {
		if (i)
			buf_putc(out, ',');
		jsonld_string(out, a->tags[i].name);
	}
	buf_putc(out, ']');
	field(out, "inLanguage", site->lang);

	if (in->ncorrections) {
		buf_puts(out, ",\"correction\":[");
		for (size_t i = 0; i < in->ncorrections; i++) {
			buf_puts(out, i ? ",{" : "{");
			buf_puts(out, "\"@type\":\"CorrectionComment\"");
			field(out, "text", in->corrections[i].text);
			date_field(out, "datePublished", in->corrections[i].at,
				   site->tz_offset);
			buf_putc(out, '}');
		}
		buf_putc(out, ']');
	}
	if (live)
		live_fields(out, site, live);
	buf_putc(out, '}');
	return buf_err(out);
}
