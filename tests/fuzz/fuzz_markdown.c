/* fuzz_markdown.c - libFuzzer harness for markdown_render, _place, _markers.
 *
 * Build and run (from the repository root):
 *   clang -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g \
 *     -fsanitize=fuzzer,address,undefined -Isrc tests/fuzz/fuzz_markdown.c \
 *     src/markdown.c src/slug.c src/utf8.c src/buf.c src/werr.c \
 *     $(pkg-config --cflags --libs libcmark) -o fuzz_markdown
 *   ./fuzz_markdown -max_total_time=60 -max_len=65536
 *
 * Besides memory errors it checks properties: the HTML is valid UTF-8; input
 * without "baca-juga" renders exactly as cmark renders the whole document
 * (so rendering block by block changes nothing); placing no boxes into a
 * body without markers is the identity; every placed automatic box shows. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "buf.h"
#include "markdown.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* True when the n bytes at s, which may hold NULs, contain needle. */
static int
contains(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(s + i, needle, k) == 0)
			return 1;
	return 0;
}

static size_t
count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct baca_juga manual[] = {
		{"a", "<aside>M</aside>"},
	};
	static const struct baca_juga autos[] = {
		{"x", "<aside>X</aside>"},
		{"y", "<aside>Y</aside>"},
	};
	char slugs[8][MARKDOWN_SLUG_MAX];
	const char *md = (const char *)data;
	struct buf html, out;
	size_t nmark;

	buf_init(&html);
	buf_init(&out);
	if (markdown_render(md, size, &html) != W_OK)
		abort();
	if (!utf8_valid(html.data, html.len))
		abort();
	if (!contains(md, size, "baca-juga")) {
		cmark_node *doc = cmark_parse_document(
			md, size, CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8);
		char *whole = cmark_render_html(
			doc, CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8);
		if (strcmp(whole, buf_cstr(&html)) != 0)
			abort();
		free(whole);
		cmark_node_free(doc);
	}

	nmark = markdown_markers(buf_cstr(&html), slugs, 8);
	for (size_t i = 0; i < nmark; i++)
		if (!strstr(buf_cstr(&html), slugs[i]))
			abort();
	if (markdown_place(buf_cstr(&html), NULL, 0, NULL, 0, &out) != W_OK)
		abort();
	if (nmark == 0 && strcmp(buf_cstr(&out), buf_cstr(&html)) != 0)
		abort();
	buf_reset(&out);
	if (markdown_place(buf_cstr(&html), manual, 1, autos, 2, &out) !=
	    W_OK)
		abort();
	if (nmark == 0 && out.len != html.len +
			      (count(buf_cstr(&out), "<aside>X") +
			       count(buf_cstr(&out), "<aside>Y")) *
				      strlen("<aside>X</aside>\n"))
		abort();
	if (nmark > 0 && (count(buf_cstr(&out), "<aside>X") ||
			  count(buf_cstr(&out), "<!--baca-juga:")))
		abort();
	buf_fini(&out);
	buf_fini(&html);
	return 0;
}
