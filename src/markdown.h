/* markdown.h - article bodies: CommonMark to HTML with cmark, and the
 * BACA JUGA ("read also") boxes placed between paragraphs.
 *
 * cmark runs with its safe defaults: raw HTML and javascript:/vbscript:/
 * file:/data: (but image) links are removed. cmark memory never leaves this
 * file: results are copied into a struct buf or malloc'd strings. */
#ifndef WARTA_MARKDOWN_H
#define WARTA_MARKDOWN_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Renders UTF-8 Markdown md into out as HTML. A paragraph consisting only of
 * "[[baca-juga:SLUG]]" becomes the marker <!--baca-juga:SLUG--> (SLUG must be
 * a valid slug; otherwise the line is dropped), which markdown_place()
 * replaces with a box when the page is shown.
 * The HTML is appended to out. Only top-level paragraphs of plain text are
 * markers (not inside lists, quotes or code); the marker is written on a
 * line of its own, and user text cannot produce one. Invalid UTF-8 comes out
 * as U+FFFD. Returns W_NOMEM on allocation failure. Thread-safe. */
enum werr markdown_render(const char *md, size_t len, struct buf *out) WUNUSED;

/* One BACA JUGA box: its HTML (already escaped by the caller). */
struct baca_juga {
	const char *slug; /* for matching manual markers */
	const char *html; /* the whole <aside> */
};

/* Copies body_html into out, turning manual markers into boxes (the box in
 * manual[] whose slug matches; markers with no match vanish) and, when the
 * body has no manual marker, inserting automatic boxes auto_boxes[0] after
 * the 3rd top-level paragraph and auto_boxes[1] after the 8th (only when
 * at least two paragraphs follow each place). Paragraph boundaries are the
 * "</p>\n" that cmark writes at top level; paragraphs inside blockquotes
 * and lists do not count. out is appended to; W_NOMEM on allocation
 * failure. Boxes with a NULL html are skipped. */
enum werr markdown_place(const char *body_html, const struct baca_juga *manual,
			 size_t nmanual, const struct baca_juga *auto_boxes,
			 size_t nauto, struct buf *out) WUNUSED;

/* Appends the slugs of the manual markers in body_html to slugs (up to max);
 * returns how many were found. Borrowed pointers are NOT returned: each slug
 * is copied into the caller's buffer slots of SLUG_MAX bytes.
 * A slug used by several markers is stored once; the return value is the
 * number of slots filled (at most max), in order of first appearance. */
#define MARKDOWN_SLUG_MAX 101
size_t markdown_markers(const char *body_html,
			char (*slugs)[MARKDOWN_SLUG_MAX], size_t max);

/* Results boxes (page_results.c). markdown_render() turns a top-level
 * paragraph that is exactly "[[hasil:SLUG]]" into the line
 * <!--hasil:SLUG--> (a bad SLUG drops the line), under the same rules as
 * BACA JUGA markers; markdown_place() copies such lines as they are.
 * markdown_result_markers() collects their distinct slugs like
 * markdown_markers(); markdown_results() copies body_html into out with
 * each such line replaced by the box in boxes[] whose slug matches (lines
 * with no match vanish). The box is looked up when the page is shown, so
 * it holds the results of that moment, not of the save. */
size_t markdown_result_markers(const char *body_html,
			       char (*slugs)[MARKDOWN_SLUG_MAX], size_t max);
enum werr markdown_results(const char *body_html,
			   const struct baca_juga *boxes, size_t nboxes,
			   struct buf *out) WUNUSED;

/* Inline pictures (page_article.c). markdown_render() turns a top-level
 * paragraph that is exactly "[[foto:ID]]" (ID: a picture's id, digits
 * without a leading zero) into the line <!--foto:ID--> (a bad ID drops the
 * line), under the same rules as the other markers; markdown_place() and
 * markdown_results() copy such lines as they are. markdown_foto_markers()
 * collects their distinct ids (up to max, in order of first appearance)
 * and returns how many; markdown_fotos() copies body_html into out with
 * each such line replaced by the figure in figures[] whose slug is the id
 * as text (lines with no match vanish: a picture deleted since). */
size_t markdown_foto_markers(const char *body_html, int64_t *ids, size_t max);
enum werr markdown_fotos(const char *body_html,
			 const struct baca_juga *figures, size_t nfigures,
			 struct buf *out) WUNUSED;

#endif
