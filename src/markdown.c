/* markdown.c - article bodies through cmark, and BACA JUGA box placement. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "markdown.h"
#include "slug.h"

/* Safe mode is cmark's default (raw HTML and dangerous URLs are dropped);
 * UTF-8 validation makes invalid input come out as U+FFFD instead of
 * passing bytes through that the page could not declare as UTF-8. */
#define CMARK_OPTS (CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8)

#define MARK_OPEN "[[baca-juga:"
#define MARK_CLOSE "]]"
#define HTML_OPEN "<!--baca-juga:"
#define HTML_CLOSE "-->"
/* The results box line, "[[hasil:region-slug]]" (page_results.c). */
#define RESULTS_OPEN "[[hasil:"
#define RESULTS_HTML "<!--hasil:"
/* An inline picture, "[[foto:ID]]" with ID a media row (page_article.c). */
#define FOTO_OPEN "[[foto:"
#define FOTO_HTML "<!--foto:"

/* True when s is a picture id as [[foto:ID]] writes it: 1 to 15 digits,
 * no leading zero (so one id has one spelling). */
static bool
foto_id_valid(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 15 || s[0] == '0')
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

enum para { PARA_TEXT, PARA_MARKER, PARA_RESULTS, PARA_FOTO, PARA_DROP };

/* Classifies a top-level node: an ordinary block, a paragraph that is a
 * valid marker (its slug copied to slug), or a marker with a bad slug.
 * Only a paragraph made of plain text counts, so a marker written inside
 * a code span, a link or across a line break stays text. */
static enum para
classify(cmark_node *n, char slug[MARKDOWN_SLUG_MAX], enum werr *err)
{
	const size_t lo = strlen(MARK_OPEN), lc = strlen(MARK_CLOSE);
	enum para kind = PARA_TEXT;
	struct buf text;
	cmark_node *c = cmark_node_first_child(n);
	const char *lit;

	if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH || !c ||
	    cmark_node_get_type(c) != CMARK_NODE_TEXT)
		return PARA_TEXT;
	lit = cmark_node_get_literal(c);
	if (!lit || lit[0] != '[')
		return PARA_TEXT;
	/* cmark 0.30 merges adjacent text, but nothing promises that. */
	buf_init(&text);
	for (; c; c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) != CMARK_NODE_TEXT)
			goto out;
		lit = cmark_node_get_literal(c);
		buf_puts(&text, lit ? lit : "");
	}
	if ((*err = buf_err(&text)) != W_OK)
		goto out;
	enum para found = PARA_MARKER;
	size_t open = lo;
	if (text.len >= strlen(RESULTS_OPEN) &&
	    memcmp(text.data, RESULTS_OPEN, strlen(RESULTS_OPEN)) == 0) {
		found = PARA_RESULTS;
		open = strlen(RESULTS_OPEN);
	} else if (text.len >= strlen(FOTO_OPEN) &&
		   memcmp(text.data, FOTO_OPEN, strlen(FOTO_OPEN)) == 0) {
		found = PARA_FOTO;
		open = strlen(FOTO_OPEN);
	} else if (text.len < lo || memcmp(text.data, MARK_OPEN, lo) != 0) {
		goto out;
	}
	if (text.len < open + lc ||
	    memcmp(text.data + text.len - lc, MARK_CLOSE, lc) != 0)
		goto out;
	kind = PARA_DROP;
	text.data[text.len - lc] = '\0';
	if (found == PARA_FOTO ? foto_id_valid(text.data + open)
			       : slug_valid(text.data + open)) {
		memcpy(slug, text.data + open, text.len - lc - open + 1);
		kind = found;
	}
out:
	buf_fini(&text);
	return kind;
}

enum werr
markdown_render(const char *md, size_t len, struct buf *out)
{
	enum werr err = W_OK;
	cmark_mem *mem = cmark_get_default_mem_allocator();
	cmark_node *doc = cmark_parse_document(md, len, CMARK_OPTS);

	if (!doc)
		return W_NOMEM;
	/* Rendering block by block lets this code, not the user's text, write
	 * the marker: no placeholder that someone could type exists. The
	 * pieces concatenate to what rendering the document would give, as
	 * cmark starts each top-level block on a fresh line. */
	for (cmark_node *n = cmark_node_first_child(doc); n;
	     n = cmark_node_next(n)) {
		char slug[MARKDOWN_SLUG_MAX];
		char *html;

		switch (classify(n, slug, &err)) {
		case PARA_MARKER:
			buf_puts(out, HTML_OPEN);
			buf_puts(out, slug);
			buf_puts(out, HTML_CLOSE "\n");
			break;
		case PARA_RESULTS:
			buf_puts(out, RESULTS_HTML);
			buf_puts(out, slug);
			buf_puts(out, HTML_CLOSE "\n");
			break;
		case PARA_FOTO:
			buf_puts(out, FOTO_HTML);
			buf_puts(out, slug);
			buf_puts(out, HTML_CLOSE "\n");
			break;
		case PARA_DROP:
			break;
		case PARA_TEXT:
			if (err != W_OK)
				goto out;
			if (!(html = cmark_render_html(n, CMARK_OPTS))) {
				err = W_NOMEM;
				goto out;
			}
			buf_puts(out, html);
			mem->free(html);
			break;
		}
	}
	err = buf_err(out);
out:
	cmark_node_free(doc);
	return err;
}

/* True when the line s[0..n) (without its newline) is a marker written by
 * markdown_render(); its slug is copied to slug. */
static bool
marker_of(const char *open, const char *s, size_t n,
	  char slug[MARKDOWN_SLUG_MAX])
{
	const size_t lo = strlen(open), lc = strlen(HTML_CLOSE);
	size_t k;

	if (n < lo + lc || memcmp(s, open, lo) != 0 ||
	    memcmp(s + n - lc, HTML_CLOSE, lc) != 0)
		return false;
	k = n - lo - lc;
	if (k == 0 || k >= MARKDOWN_SLUG_MAX)
		return false;
	memcpy(slug, s + lo, k);
	slug[k] = '\0';
	return strcmp(open, FOTO_HTML) == 0 ? foto_id_valid(slug)
					    : slug_valid(slug);
}

static bool
marker_line(const char *s, size_t n, char slug[MARKDOWN_SLUG_MAX])
{
	return marker_of(HTML_OPEN, s, n, slug);
}

static bool
starts(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);
	return n >= k && memcmp(s, prefix, k) == 0;
}

/* How the line s[0..n) changes the block nesting depth. cmark opens and
 * closes blockquotes and lists at the start of a line, and since raw HTML
 * is omitted and text is escaped, a '<' there is always one of its tags.
 * <li> needs no count: it only occurs inside <ul>/<ol>. */
static int
depth_change(const char *s, size_t n)
{
	if (starts(s, n, "<blockquote>") || starts(s, n, "<ul>") ||
	    starts(s, n, "<ol>") || starts(s, n, "<ol "))
		return 1;
	if (starts(s, n, "</blockquote>") || starts(s, n, "</ul>") ||
	    starts(s, n, "</ol>"))
		return -1;
	return 0;
}

/* True when the line s[0..n) (without its newline) closes a paragraph. */
static bool
ends_paragraph(const char *s, size_t n)
{
	return n >= 4 && memcmp(s + n - 4, "</p>", 4) == 0;
}

/* Iterates over the lines of html from *pos, which it advances: *s and *n
 * give the line without its newline, *nl whether it had one. False at the
 * end. */
static bool
next_line(const char *html, size_t *pos, const char **s, size_t *n,
	  bool *nl)
{
	const char *p = html + *pos, *e;

	if (!*p)
		return false;
	e = strchr(p, '\n');
	*nl = e != NULL;
	if (!e)
		e = p + strlen(p);
	*s = p;
	*n = (size_t)(e - p);
	*pos += *n + (*nl ? 1 : 0);
	return true;
}

static void
put_box(struct buf *out, const char *html)
{
	size_t n;

	if (!html || !(n = strlen(html)))
		return;
	buf_append(out, html, n);
	if (html[n - 1] != '\n')
		buf_putc(out, '\n');
}

enum werr
markdown_place(const char *body_html, const struct baca_juga *manual,
	       size_t nmanual, const struct baca_juga *auto_boxes,
	       size_t nauto, struct buf *out)
{
	char slug[MARKDOWN_SLUG_MAX];
	const char *s;
	size_t n, pos = 0, total = 0, count = 0;
	bool nl, has_manual = false;
	int depth = 0;

	/* First pass: automatic places depend on how many paragraphs follow,
	 * and a single manual marker turns automatic boxes off. */
	while (next_line(body_html, &pos, &s, &n, &nl)) {
		if (marker_line(s, n, slug))
			has_manual = true;
		depth += depth_change(s, n);
		if (depth <= 0 && ends_paragraph(s, n) && nl)
			total++;
	}
	pos = 0;
	depth = 0;
	while (next_line(body_html, &pos, &s, &n, &nl)) {
		if (marker_line(s, n, slug)) {
			for (size_t i = 0; i < nmanual; i++) {
				if (manual[i].slug &&
				    strcmp(manual[i].slug, slug) == 0) {
					put_box(out, manual[i].html);
					break;
				}
			}
			continue;
		}
		buf_append(out, s, n + (nl ? 1 : 0));
		depth += depth_change(s, n);
		if (depth > 0 || !ends_paragraph(s, n) || !nl)
			continue;
		count++;
		if (has_manual)
			continue;
		if (count == 3 && total >= 5 && nauto >= 1)
			put_box(out, auto_boxes[0].html);
		else if (count == 8 && total >= 10 && nauto >= 2)
			put_box(out, auto_boxes[1].html);
	}
	return buf_err(out);
}

/* Calls add(ctx, slug) for each marker line starting with open, in order,
 * until add returns false (full). */
static void
each_marker(const char *open, const char *body_html,
	    bool (*add)(void *ctx, const char *slug), void *ctx)
{
	char slug[MARKDOWN_SLUG_MAX];
	const char *s;
	size_t n, pos = 0;
	bool nl;

	while (next_line(body_html, &pos, &s, &n, &nl))
		if (marker_of(open, s, n, slug) && !add(ctx, slug))
			return;
}

/* Distinct slugs into slugs[0..max). */
struct slug_set {
	char (*slugs)[MARKDOWN_SLUG_MAX];
	size_t n, max;
};

static bool
add_slug(void *ctx, const char *slug)
{
	struct slug_set *set = ctx;
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->slugs[i], slug) == 0)
			return true;
	memcpy(set->slugs[set->n++], slug, MARKDOWN_SLUG_MAX);
	return set->n < set->max;
}

/* The distinct slugs of the marker lines starting with open. */
static size_t
markers_of(const char *open, const char *body_html,
	   char (*slugs)[MARKDOWN_SLUG_MAX], size_t max)
{
	struct slug_set set = {slugs, 0, max};
	if (max > 0)
		each_marker(open, body_html, add_slug, &set);
	return set.n;
}

size_t
markdown_markers(const char *body_html, char (*slugs)[MARKDOWN_SLUG_MAX],
		 size_t max)
{
	return markers_of(HTML_OPEN, body_html, slugs, max);
}

size_t
markdown_result_markers(const char *body_html,
			char (*slugs)[MARKDOWN_SLUG_MAX], size_t max)
{
	return markers_of(RESULTS_HTML, body_html, slugs, max);
}

static enum werr
replace_markers(const char *open, const char *body_html,
		const struct baca_juga *boxes, size_t nboxes, struct buf *out)
{
	char slug[MARKDOWN_SLUG_MAX];
	const char *s;
	size_t n, pos = 0;
	bool nl;

	while (next_line(body_html, &pos, &s, &n, &nl)) {
		if (!marker_of(open, s, n, slug)) {
			buf_append(out, s, n + (nl ? 1 : 0));
			continue;
		}
		for (size_t i = 0; i < nboxes; i++) {
			if (boxes[i].slug && strcmp(boxes[i].slug, slug) == 0) {
				put_box(out, boxes[i].html);
				break;
			}
		}
	}
	return buf_err(out);
}

enum werr
markdown_results(const char *body_html, const struct baca_juga *boxes,
		 size_t nboxes, struct buf *out)
{
	return replace_markers(RESULTS_HTML, body_html, boxes, nboxes, out);
}

/* Distinct picture ids into ids[0..max). */
struct id_set {
	int64_t *ids;
	size_t n, max;
};

static bool
add_id(void *ctx, const char *slug)
{
	struct id_set *set = ctx;
	int64_t id = strtoll(slug, NULL, 10);
	for (size_t i = 0; i < set->n; i++)
		if (set->ids[i] == id)
			return true;
	set->ids[set->n++] = id;
	return set->n < set->max;
}

size_t
markdown_foto_markers(const char *body_html, int64_t *ids, size_t max)
{
	struct id_set set = {ids, 0, max};
	if (max > 0)
		each_marker(FOTO_HTML, body_html, add_id, &set);
	return set.n;
}

enum werr
markdown_fotos(const char *body_html, const struct baca_juga *figures,
	       size_t nfigures, struct buf *out)
{
	return replace_markers(FOTO_HTML, body_html, figures, nfigures, out);
}
