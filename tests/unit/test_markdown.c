/* test_markdown.c - cmark rendering, BACA JUGA markers and box placement. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "markdown.h"
#include "utf8.h"

static void
render(const char *md, size_t len, struct buf *out)
{
	buf_init(out);
	assert_int_equal(markdown_render(md, len, out), W_OK);
}

static void
render_str(const char *md, struct buf *out)
{
	render(md, strlen(md), out);
}

static void
expect_html(const char *md, const char *want)
{
	struct buf out;

	render_str(md, &out);
	assert_string_equal(buf_cstr(&out), want);
	buf_fini(&out);
}

static void
test_basic(void **state)
{
	(void)state;
	expect_html("", "");
	expect_html("# Judul\n\nTeks *miring* dan **tebal**.\n",
		    "<h1>Judul</h1>\n<p>Teks <em>miring</em> dan "
		    "<strong>tebal</strong>.</p>\n");
	expect_html("## Dua\nbaris satu\nbaris dua",
		    "<h2>Dua</h2>\n<p>baris satu\nbaris dua</p>\n");
	expect_html("- satu\n- dua\n",
		    "<ul>\n<li>satu</li>\n<li>dua</li>\n</ul>\n");
	expect_html("3. a\n4. b\n",
		    "<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>\n");
	expect_html("> kutipan\n", "<blockquote>\n<p>kutipan</p>\n"
				   "</blockquote>\n");
	expect_html("[KPU](https://kpu.go.id/ \"Situs \\\"resmi\\\"\")",
		    "<p><a href=\"https://kpu.go.id/\" "
		    "title=\"Situs &quot;resmi&quot;\">KPU</a></p>\n");
	expect_html("<https://warta.id/a?b=1&c=2>",
		    "<p><a href=\"https://warta.id/a?b=1&amp;c=2\">"
		    "https://warta.id/a?b=1&amp;c=2</a></p>\n");
	expect_html("a < b & \"c\" 'd'",
		    "<p>a &lt; b &amp; &quot;c&quot; 'd'</p>\n");
	expect_html("`<b>`\n\n```\n<i>\n```\n",
		    "<p><code>&lt;b&gt;</code></p>\n"
		    "<pre><code>&lt;i&gt;\n</code></pre>\n");
}

static void
test_unsafe(void **state)
{
	(void)state;
	expect_html("<script>alert(1)</script>\n",
		    "<!-- raw HTML omitted -->\n");
	expect_html("a <b onclick=\"x()\">b</b> <img src=x onerror=alert(1)>",
		    "<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --> "
		    "<!-- raw HTML omitted --></p>\n");
	expect_html("[x](javascript:alert(1))", "<p><a href=\"\">x</a></p>\n");
	expect_html("[x](JAVASCRIPT:alert(1))", "<p><a href=\"\">x</a></p>\n");
	expect_html("[x](vbscript:msgbox)", "<p><a href=\"\">x</a></p>\n");
	expect_html("[x](file:///etc/passwd)", "<p><a href=\"\">x</a></p>\n");
	expect_html("[x](data:text/html,<b>)", "<p><a href=\"\">x</a></p>\n");
	expect_html("![i](javascript:alert(1))",
		    "<p><img src=\"\" alt=\"i\" /></p>\n");
	expect_html("[x](\"onmouseover=alert(1))",
		    "<p><a href=\"%22onmouseover=alert(1)\">x</a></p>\n");
	expect_html("<javascript:alert(1)>", "<p><a href=\"\">"
					     "javascript:alert(1)</a></p>\n");
}

static void
test_non_ascii(void **state)
{
	(void)state;
	expect_html("Salat Jum\xe2\x80\x99" "at \xe2\x80\x94 Ibu Kota "
		    "Nusantara \xf0\x9f\x87\xae\xf0\x9f\x87\xa9 caf\xc3\xa9",
		    "<p>Salat Jum\xe2\x80\x99" "at \xe2\x80\x94 Ibu Kota "
		    "Nusantara \xf0\x9f\x87\xae\xf0\x9f\x87\xa9 "
		    "caf\xc3\xa9</p>\n");
}

static void
test_invalid_utf8(void **state)
{
	static const char md[] = "a\xff" "b \xed\xa0\x80 c\xc3";
	struct buf out;

	(void)state;
	render(md, sizeof md - 1, &out);
	assert_string_equal(buf_cstr(&out),
			    "<p>a\xef\xbf\xbd" "b \xef\xbf\xbd c\xef\xbf\xbd"
			    "</p>\n");
	buf_fini(&out);

	/* A NUL in the middle is replaced too, and the rest survives. */
	render("x\0y", 3, &out);
	assert_string_equal(buf_cstr(&out), "<p>x\xef\xbf\xbdy</p>\n");
	assert_true(utf8_valid(out.data, out.len));
	buf_fini(&out);
}

static void
test_appends(void **state)
{
	struct buf out;

	(void)state;
	buf_init(&out);
	buf_puts(&out, "<div>");
	assert_int_equal(markdown_render("*a*", 3, &out), W_OK);
	assert_string_equal(buf_cstr(&out), "<div><p><em>a</em></p>\n");
	buf_fini(&out);
}

static void
test_marker(void **state)
{
	(void)state;
	expect_html("Para satu.\n\n[[baca-juga:banjir-rob-2024]]\n\n"
		    "Para dua.\n",
		    "<p>Para satu.</p>\n<!--baca-juga:banjir-rob-2024-->\n"
		    "<p>Para dua.</p>\n");
	/* Surrounding spaces are not part of a paragraph. */
	expect_html("   [[baca-juga:a]]   \n", "<!--baca-juga:a-->\n");
	expect_html("[[baca-juga:a]]\n# H\n[[baca-juga:b]]",
		    "<!--baca-juga:a-->\n<h1>H</h1>\n<!--baca-juga:b-->\n");
	/* Escaped brackets still read as the same text. */
	expect_html("\\[\\[baca-juga:a\\]\\]", "<!--baca-juga:a-->\n");
}

static void
test_marker_invalid_dropped(void **state)
{
	(void)state;
	expect_html("a\n\n[[baca-juga:Bad Slug]]\n\nb",
		    "<p>a</p>\n<p>b</p>\n");
	expect_html("[[baca-juga:]]", "");
	expect_html("[[baca-juga:a--b]]", "");
	expect_html("[[baca-juga:-a]]", "");
	expect_html("[[baca-juga:a\"b]]", "");
	expect_html("[[baca-juga:a]] [[baca-juga:b]]", "");
	expect_html("[[baca-juga:"
		    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa]]",
		    "");
}

static void
test_marker_not_text(void **state)
{
	/* Anything other than a top-level paragraph of plain text keeps the
	 * brackets as text. */
	(void)state;
	expect_html("`[[baca-juga:a]]`",
		    "<p><code>[[baca-juga:a]]</code></p>\n");
	expect_html("    [[baca-juga:a]]\n",
		    "<pre><code>[[baca-juga:a]]\n</code></pre>\n");
	expect_html("```\n[[baca-juga:a]]\n```\n",
		    "<pre><code>[[baca-juga:a]]\n</code></pre>\n");
	expect_html("> [[baca-juga:a]]",
		    "<blockquote>\n<p>[[baca-juga:a]]</p>\n</blockquote>\n");
	expect_html("- [[baca-juga:a]]",
		    "<ul>\n<li>[[baca-juga:a]]</li>\n</ul>\n");
	expect_html("Lihat [[baca-juga:a]]",
		    "<p>Lihat [[baca-juga:a]]</p>\n");
	expect_html("[[baca-juga:a]] juga", "<p>[[baca-juga:a]] juga</p>\n");
	expect_html("[[baca-juga:\na]]", "<p>[[baca-juga:\na]]</p>\n");
	expect_html("[[Baca-Juga:a]]", "<p>[[Baca-Juga:a]]</p>\n");
	expect_html("# [[baca-juga:a]]", "<h1>[[baca-juga:a]]</h1>\n");
	expect_html("*[[baca-juga:a]]*",
		    "<p><em>[[baca-juga:a]]</em></p>\n");
	expect_html("[[baca-juga:<script>]]",
		    "<p>[[baca-juga:<!-- raw HTML omitted -->]]</p>\n");
}

static void
test_marker_forged(void **state)
{
	char slugs[4][MARKDOWN_SLUG_MAX];
	struct buf out;

	(void)state;
	/* Raw HTML is never passed through, so a comment typed by the user
	 * cannot become a marker. */
	render_str("a\n\n<!--baca-juga:x-->\n\nb\n\nc <!--baca-juga:y--> d\n\n"
		   "\\<!--baca-juga:z--\\>\n\n&lt;!--baca-juga:w--&gt;\n",
		   &out);
	assert_string_equal(buf_cstr(&out),
			    "<p>a</p>\n<!-- raw HTML omitted -->\n<p>b</p>\n"
			    "<p>c <!-- raw HTML omitted --> d</p>\n"
			    "<p>&lt;!--baca-juga:z--&gt;</p>\n"
			    "<p>&lt;!--baca-juga:w--&gt;</p>\n");
	assert_int_equal(markdown_markers(buf_cstr(&out), slugs, 4), 0);
	buf_fini(&out);
}

static void
test_hostile_sizes(void **state)
{
	size_t n = 200000;
	char *md = malloc(n);
	struct buf out;

	(void)state;
	assert_non_null(md);
	/* Deep nesting and long runs of delimiters. */
	memset(md, '>', n);
	render(md, n, &out);
	assert_true(out.len > 0);
	buf_fini(&out);
	memset(md, '[', n);
	render(md, n, &out);
	assert_true(out.len > n);
	buf_fini(&out);
	for (size_t i = 0; i < n; i++)
		md[i] = "*_`["[i % 4];
	render(md, n, &out);
	assert_true(utf8_valid(out.data, out.len));
	buf_fini(&out);
	free(md);
}

/* Markdown with n paragraphs "p1" .. "pn", rendered. */
static void
paragraphs(int n, struct buf *html)
{
	struct buf md;

	buf_init(&md);
	for (int i = 1; i <= n; i++)
		buf_printf(&md, "p%d\n\n", i);
	assert_int_equal(buf_err(&md), W_OK);
	render(buf_cstr(&md), md.len, html);
	buf_fini(&md);
}

/* The expected page: n paragraphs with box A after a and box B after b
 * (0 for none). */
static void
expected(int n, int a, int b, struct buf *want)
{
	buf_init(want);
	for (int i = 1; i <= n; i++) {
		buf_printf(want, "<p>p%d</p>\n", i);
		if (i == a)
			buf_puts(want, "<aside>A</aside>\n");
		if (i == b)
			buf_puts(want, "<aside>B</aside>\n");
	}
}

static const struct baca_juga autos[2] = {
	{"auto-a", "<aside>A</aside>"},
	{"auto-b", "<aside>B</aside>\n"},
};

static void
check_auto(int n, size_t nauto, int a, int b)
{
	struct buf html, out, want;

	paragraphs(n, &html);
	expected(n, a, b, &want);
	buf_init(&out);
	assert_int_equal(markdown_place(buf_cstr(&html), NULL, 0, autos,
					nauto, &out),
			 W_OK);
	assert_string_equal(buf_cstr(&out), buf_cstr(&want));
	buf_fini(&html);
	buf_fini(&out);
	buf_fini(&want);
}

static void
test_place_auto(void **state)
{
	(void)state;
	check_auto(0, 2, 0, 0);
	check_auto(2, 2, 0, 0);
	check_auto(3, 2, 0, 0);
	check_auto(4, 2, 0, 0);
	check_auto(5, 2, 3, 0);
	check_auto(9, 2, 3, 0);
	check_auto(10, 2, 3, 8);
	check_auto(12, 2, 3, 8);
	check_auto(12, 1, 3, 0);
	check_auto(12, 0, 0, 0);
}

static void
test_place_nested_not_counted(void **state)
{
	static const char md[] =
		"p1\n\n"
		"> q1\n>\n> q2\n>\n> q3\n\n"
		"p2\n\n"
		"- l1\n\n  l2\n- l3\n\n"
		"1. o1\n\n   > oq\n\n   o2\n2. o3\n"
		"   - n1\n\n     n2\n\n"
		"p3\n\np4\n\n```\n</p>\n```\n\np5\n";
	struct buf html, out;
	const char *p3, *box;

	(void)state;
	render(md, sizeof md - 1, &html);
	buf_init(&out);
	assert_int_equal(markdown_place(buf_cstr(&html), NULL, 0, autos, 2,
					&out),
			 W_OK);
	/* Five top-level paragraphs, so one box, right after p3. */
	p3 = strstr(buf_cstr(&out), "<p>p3</p>\n");
	box = strstr(buf_cstr(&out), "<aside>A</aside>\n");
	assert_non_null(p3);
	assert_ptr_equal(box, p3 + strlen("<p>p3</p>\n"));
	assert_null(strstr(buf_cstr(&out), "<aside>B"));
	assert_int_equal(out.len, html.len + strlen("<aside>A</aside>\n"));
	buf_fini(&out);

	/* Without p5 only four remain, too few for a box. */
	render_str("p1\n\n> a\n>\n> b\n>\n> c\n>\n> d\n\np2\n\np3\n\np4\n",
		   &out);
	buf_reset(&html);
	assert_int_equal(markdown_place(buf_cstr(&out), NULL, 0, autos, 2,
					&html),
			 W_OK);
	assert_string_equal(buf_cstr(&html), buf_cstr(&out));
	buf_fini(&out);
	buf_fini(&html);
}

static void
test_place_manual(void **state)
{
	static const struct baca_juga manual[] = {
		{"tidak-dipakai", "<aside>T</aside>"},
		{"banjir", "<aside>Banjir</aside>\n"},
		{NULL, "<aside>null</aside>"},
		{"tanpa-html", NULL},
	};
	struct buf md, html, out;

	(void)state;
	buf_init(&md);
	for (int i = 1; i <= 12; i++) {
		buf_printf(&md, "p%d\n\n", i);
		if (i == 1)
			buf_puts(&md, "[[baca-juga:banjir]]\n\n");
		if (i == 2)
			buf_puts(&md, "[[baca-juga:hilang]]\n\n");
		if (i == 4)
			buf_puts(&md, "[[baca-juga:tanpa-html]]\n\n");
		if (i == 6)
			buf_puts(&md, "[[baca-juga:banjir]]\n\n");
	}
	render(buf_cstr(&md), md.len, &html);
	buf_init(&out);
	assert_int_equal(markdown_place(buf_cstr(&html), manual, 4, autos, 2,
					&out),
			 W_OK);
	/* Matching markers become their box (twice for a repeated slug),
	 * unknown ones vanish, and no automatic box appears. */
	assert_string_equal(buf_cstr(&out),
			    "<p>p1</p>\n<aside>Banjir</aside>\n<p>p2</p>\n"
			    "<p>p3</p>\n<p>p4</p>\n<p>p5</p>\n<p>p6</p>\n"
			    "<aside>Banjir</aside>\n<p>p7</p>\n<p>p8</p>\n"
			    "<p>p9</p>\n<p>p10</p>\n<p>p11</p>\n"
			    "<p>p12</p>\n");
	buf_fini(&out);

	/* With no boxes at all the markers still disappear. */
	buf_init(&out);
	assert_int_equal(markdown_place(buf_cstr(&html), NULL, 0, NULL, 0,
					&out),
			 W_OK);
	assert_null(strstr(buf_cstr(&out), "<!--"));
	assert_null(strstr(buf_cstr(&out), "aside"));
	buf_fini(&out);
	buf_fini(&html);
	buf_fini(&md);
}

static void
test_place_forged_is_not_manual(void **state)
{
	static const struct baca_juga manual[] = {
		{"x", "<aside>X</aside>"},
	};
	struct buf html, out;

	(void)state;
	/* A user's comment is omitted, so the body still counts as having no
	 * manual marker and gets automatic boxes. */
	render_str("p1\n\np2\n\n<!--baca-juga:x-->\n\np3\n\np4\n\np5\n",
		   &html);
	buf_init(&out);
	assert_int_equal(markdown_place(buf_cstr(&html), manual, 1, autos, 2,
					&out),
			 W_OK);
	assert_string_equal(buf_cstr(&out),
			    "<p>p1</p>\n<p>p2</p>\n<!-- raw HTML omitted -->\n"
			    "<p>p3</p>\n<aside>A</aside>\n<p>p4</p>\n"
			    "<p>p5</p>\n");
	buf_fini(&out);
	buf_fini(&html);
}

static void
test_markers(void **state)
{
	char slugs[3][MARKDOWN_SLUG_MAX];
	static const char html[] =
		"<p>a</p>\n"
		"<!--baca-juga:satu-->\n"
		"<!--baca-juga:satu-->\n"
		"<!--baca-juga:Bad-->\n"
		"<!--baca-juga:-->\n"
		"<!-- raw HTML omitted -->\n"
		"<p><!--baca-juga:inline--></p>\n"
		"<!--baca-juga:dua-->x\n"
		"<!--baca-juga:dua-->\n"
		"<!--baca-juga:tiga-->\n"
		"<!--baca-juga:empat-->\n"
		"<!--baca-juga:lima-->";

	(void)state;
	memset(slugs, 0, sizeof slugs);
	assert_int_equal(markdown_markers(html, slugs, 3), 3);
	assert_string_equal(slugs[0], "satu");
	assert_string_equal(slugs[1], "dua");
	assert_string_equal(slugs[2], "tiga");
	assert_int_equal(markdown_markers(html, slugs, 0), 0);
	assert_int_equal(markdown_markers("", slugs, 3), 0);
	assert_int_equal(markdown_markers("<!--baca-juga:lima-->", slugs, 3),
			 1);
	assert_string_equal(slugs[0], "lima");
}

static void
test_render_then_markers(void **state)
{
	char slugs[4][MARKDOWN_SLUG_MAX];
	struct buf out;

	(void)state;
	render_str("a\n\n[[baca-juga:x-1]]\n\n> [[baca-juga:nested]]\n\n"
		   "[[baca-juga:y-2]]\n",
		   &out);
	assert_int_equal(markdown_markers(buf_cstr(&out), slugs, 4), 2);
	assert_string_equal(slugs[0], "x-1");
	assert_string_equal(slugs[1], "y-2");
	buf_fini(&out);
}

static void
test_results_marker(void **state)
{
	(void)state;
	/* [[hasil:slug]] becomes its own marker, in place. */
	expect_html("Hasil:\n\n[[hasil:provinsi-banten]]\n\nSelesai.",
		    "<p>Hasil:</p>\n<!--hasil:provinsi-banten-->\n"
		    "<p>Selesai.</p>\n");
	/* A bad slug drops the line; inside code or a list it is text. */
	expect_html("[[hasil:Bukan Slug]]\n", "");
	expect_html("`[[hasil:a]]`", "<p><code>[[hasil:a]]</code></p>\n");
	expect_html("- [[hasil:a]]", "<ul>\n<li>[[hasil:a]]</li>\n</ul>\n");
	expect_html("<!--hasil:a-->", "<!-- raw HTML omitted -->\n");

	/* Collected once each, replaced by their boxes, unknown ones
	 * vanish; markdown_place copies them through untouched. */
	const char *html = "<p>A</p>\n<!--hasil:x-->\n<!--baca-juga:y-->\n"
			   "<!--hasil:z-->\n<!--hasil:x-->\n";
	char slugs[4][MARKDOWN_SLUG_MAX];
	assert_int_equal(markdown_result_markers(html, slugs, 4), 2);
	assert_string_equal(slugs[0], "x");
	assert_string_equal(slugs[1], "z");
	struct baca_juga boxes[] = {{"x", "<aside>X</aside>"}};
	struct buf out;
	buf_init(&out);
	assert_int_equal(markdown_results(html, boxes, 1, &out), W_OK);
	assert_string_equal(buf_cstr(&out),
			    "<p>A</p>\n<aside>X</aside>\n<!--baca-juga:y-->\n"
			    "<aside>X</aside>\n");
	buf_reset(&out);
	assert_int_equal(markdown_place(html, NULL, 0, NULL, 0, &out), W_OK);
	assert_string_equal(buf_cstr(&out),
			    "<p>A</p>\n<!--hasil:x-->\n<!--hasil:z-->\n"
			    "<!--hasil:x-->\n");
	buf_fini(&out);
}

static void
test_foto_marker(void **state)
{
	(void)state;
	/* [[foto:ID]] becomes its own marker, in place, like [[hasil:]]. */
	expect_html("Awal.\n\n[[foto:12]]\n\nAkhir.",
		    "<p>Awal.</p>\n<!--foto:12-->\n<p>Akhir.</p>\n");
	/* Only an id as one spelling: no leading zero, no sign, no words,
	 * not too long; a bad one drops the line. */
	expect_html("[[foto:012]]\n", "");
	expect_html("[[foto:-1]]\n", "");
	expect_html("[[foto:0]]\n", "");
	expect_html("[[foto:abc]]\n", "");
	expect_html("[[foto:1234567890123456]]\n", "");
	expect_html("`[[foto:1]]`", "<p><code>[[foto:1]]</code></p>\n");
	expect_html("> [[foto:1]]",
		    "<blockquote>\n<p>[[foto:1]]</p>\n</blockquote>\n");
	expect_html("<!--foto:1-->", "<!-- raw HTML omitted -->\n");

	/* Collected once each in order; replaced by their figures; an id
	 * with no figure (a deleted picture) vanishes; the other passes
	 * copy them through. */
	const char *html = "<p>A</p>\n<!--foto:7-->\n<!--hasil:x-->\n"
			   "<!--foto:3-->\n<!--foto:7-->\n<!--foto:9-->\n";
	int64_t ids[4];
	assert_int_equal(markdown_foto_markers(html, ids, 4), 3);
	assert_int_equal(ids[0], 7);
	assert_int_equal(ids[1], 3);
	assert_int_equal(ids[2], 9);
	assert_int_equal(markdown_foto_markers(html, ids, 1), 1);
	struct baca_juga figs[] = {{"7", "<figure>7</figure>"},
				   {"3", "<figure>3</figure>"}};
	struct buf out;
	buf_init(&out);
	assert_int_equal(markdown_fotos(html, figs, 2, &out), W_OK);
	assert_string_equal(buf_cstr(&out),
			    "<p>A</p>\n<figure>7</figure>\n<!--hasil:x-->\n"
			    "<figure>3</figure>\n<figure>7</figure>\n");
	buf_reset(&out);
	assert_int_equal(markdown_results(html, NULL, 0, &out), W_OK);
	assert_string_equal(buf_cstr(&out),
			    "<p>A</p>\n<!--foto:7-->\n<!--foto:3-->\n"
			    "<!--foto:7-->\n<!--foto:9-->\n");
	buf_reset(&out);
	assert_int_equal(markdown_place(html, NULL, 0, NULL, 0, &out), W_OK);
	assert_string_equal(buf_cstr(&out), html);
	buf_fini(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_results_marker),
		cmocka_unit_test(test_foto_marker),
		cmocka_unit_test(test_unsafe),
		cmocka_unit_test(test_non_ascii),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_appends),
		cmocka_unit_test(test_marker),
		cmocka_unit_test(test_marker_invalid_dropped),
		cmocka_unit_test(test_marker_not_text),
		cmocka_unit_test(test_marker_forged),
		cmocka_unit_test(test_hostile_sizes),
		cmocka_unit_test(test_place_auto),
		cmocka_unit_test(test_place_nested_not_counted),
		cmocka_unit_test(test_place_manual),
		cmocka_unit_test(test_place_forged_is_not_manual),
		cmocka_unit_test(test_markers),
		cmocka_unit_test(test_render_then_markers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
