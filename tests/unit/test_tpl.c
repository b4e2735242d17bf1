/* test_tpl.c - unit tests for the template compiler, loader and renderer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tpl.h"

#define XSS "<script>alert(\"x\")&'</script>"
#define XSS_ESC "&lt;script&gt;alert(&quot;x&quot;)&amp;&#39;&lt;/script&gt;"

/* Compiles src as template "t", renders it with ctx and compares. */
static void
check(const char *src, const struct tobj *ctx, const char *want)
{
	char err[256] = "";
	struct tpl_set *set = tpl_set_parse("t", src, err, sizeof err);
	if (!set)
		fail_msg("parse of '%s' failed: %s", src, err);
	struct buf b;
	buf_init(&b);
	assert_int_equal(tpl_render(set, "t", ctx, &b), W_OK);
	assert_string_equal(buf_cstr(&b), want);
	buf_fini(&b);
	tpl_set_free(set);
}

static void
check_err(const char *src, const char *want)
{
	char err[256] = "";
	struct tpl_set *set = tpl_set_parse("t", src, err, sizeof err);
	if (set) {
		tpl_set_free(set);
		fail_msg("'%s' compiled; wanted error '%s'", src, want);
	}
	assert_string_equal(err, want);
}

static int
setup(void **state)
{
	struct arena *a = malloc(sizeof *a);
	if (!a)
		return -1;
	arena_init(a);
	*state = a;
	return 0;
}

static int
teardown(void **state)
{
	arena_fini(*state);
	free(*state);
	return 0;
}

static void
test_escape(void **state)
{
	struct tobj *o = tobj_new(*state);
	tobj_str(o, "x", XSS);
	tobj_html(o, "h", XSS);
	check("<p>{{x}}</p>", o, "<p>" XSS_ESC "</p>");
	/* Double braces escape even values declared as HTML. */
	check("{{h}}", o, XSS_ESC);
	check("{{ x }}", o, XSS_ESC);
	assert_int_equal(tobj_err(o), W_OK);
}

static void
test_raw(void **state)
{
	struct tobj *o = tobj_new(*state);
	tobj_html(o, "h", "<em>\"a\" & 'b'</em>");
	tobj_str(o, "s", XSS);
	tobj_int(o, "n", -42);
	check("{{{h}}}", o, "<em>\"a\" & 'b'</em>");
	check("{{{ h }}}", o, "<em>\"a\" & 'b'</em>");
	check("{{{s}}}", o, XSS_ESC);
	check("{{{n}}}|{{n}}", o, "-42|-42");
	check("{{{missing}}}", o, "");
}

static void
test_sections(void **state)
{
	struct tobj *o = tobj_new(*state);
	tobj_str(o, "site", "S&P");
	tobj_str(o, "name", "outer");
	struct tlist *l = tobj_list(o, "items");
	struct tobj *i1 = tlist_add(l);
	tobj_str(i1, "name", "a<");
	struct tobj *i2 = tlist_add(l);
	tobj_int(i2, "n", 7);
	struct tobj *i3 = tlist_add(l);
	tobj_str(i3, "name", "c");
	struct tlist *tags = tobj_list(i3, "tags");
	tlist_str(tags, "x");
	tlist_str(tags, "<y>");
	/* Missing names in an item resolve outward; "name" of item 2 is the
	 * outer one. */
	check("{{#items}}[{{name}}/{{site}}/{{n}}"
	      "{{#tags}}({{.}}{{name}}){{/tags}}]{{/items}}",
	      o,
	      "[a&lt;/S&amp;P/][outer/S&amp;P/7]"
	      "[c/S&amp;P/(xc)(&lt;y&gt;c)]");
	/* An object section pushes the object. */
	struct tobj *au = tobj_obj(o, "author");
	tobj_str(au, "name", "Budi");
	check("{{#author}}{{name}}@{{site}}{{/author}}{{name}}", o,
	      "Budi@S&amp;P"
	      "outer");
	/* A true scalar renders once; {{.}} is the value. */
	tobj_bool(o, "yes", true);
	tobj_int(o, "five", 5);
	tobj_str(o, "str", "<s>");
	check("{{#yes}}Y{{/yes}}{{#five}}F{{/five}}{{#str}}{{.}}{{/str}}", o,
	      "YF&lt;s&gt;");
	/* Nested same-name sections close correctly. */
	check("{{#items}}{{#items}}.{{/items}}{{/items}}", o, ".........");
	assert_int_equal(tobj_err(o), W_OK);
}

static void
test_inverted(void **state)
{
	struct tobj *o = tobj_new(*state);
	(void)tobj_list(o, "empty");
	tlist_str(tobj_list(o, "full"), "x");
	tobj_bool(o, "f", false);
	tobj_bool(o, "t", true);
	tobj_str(o, "es", "");
	tobj_int(o, "zero", 0);
	tobj_str(o, "null", NULL);
	const char *falsy[] = {"missing", "empty", "f", "es", "zero", "null"};
	const char *truthy[] = {"full", "t"};
	char src[128], want[64];
	for (size_t i = 0; i < sizeof falsy / sizeof *falsy; i++) {
		snprintf(src, sizeof src, "{{^%s}}no{{/%s}}{{#%s}}yes{{/%s}}",
			 falsy[i], falsy[i], falsy[i], falsy[i]);
		check(src, o, "no");
	}
	for (size_t i = 0; i < sizeof truthy / sizeof *truthy; i++) {
		snprintf(src, sizeof src, "{{^%s}}no{{/%s}}{{#%s}}yes{{/%s}}",
			 truthy[i], truthy[i], truthy[i], truthy[i]);
		snprintf(want, sizeof want, "yes");
		check(src, o, want);
	}
}

static void
test_dotted(void **state)
{
	struct tobj *o = tobj_new(*state);
	struct tobj *a = tobj_obj(o, "a");
	struct tobj *b = tobj_obj(a, "b");
	tobj_str(b, "c", "deep");
	tobj_str(o, "c", "top");
	tobj_str(o, "b", "not-an-object");
	struct tobj *x = tobj_obj(o, "x");
	tobj_str(x, "y", "1");
	check("{{a.b.c}}|{{a.b.z}}|{{a.c}}|{{q.r}}|{{b.c}}", o, "deep||||");
	/* The first segment resolves outward, the rest only inside. */
	check("{{#a}}{{x.y}}{{b.c}}{{#b}}{{a.b.c}}{{/b}}{{/a}}", o,
	      "1deepdeep");
	check("{{#a.b}}{{c}}{{/a.b}}{{^a.q}}none{{/a.q}}", o, "deepnone");
}

static void
test_missing_override(void **state)
{
	struct tobj *o = tobj_new(*state);
	check("[{{nope}}][{{{nope}}}][{{.}}]", o, "[][][]");
	check("[{{.}}]", NULL, "[]");
	tobj_str(o, "k", "one");
	tobj_str(o, "k", "two");
	tobj_int(o, "k", 3);
	check("{{k}}", o, "3");
	/* A NULL string is stored as missing and shadows outer values. */
	tobj_str(o, "title", "site");
	struct tobj *in = tobj_obj(o, "in");
	tobj_str(in, "title", "mine");
	tobj_str(in, "title", NULL);
	check("{{#in}}[{{title}}]{{/in}}", o, "[]");
	/* Setters accept the NULL a failed allocation returns. */
	tobj_str(NULL, "k", "v");
	tlist_str(NULL, "v");
	assert_null(tlist_add(NULL));
	assert_null(tobj_obj(NULL, "k"));
	assert_null(tobj_list(NULL, "k"));
	assert_int_equal(tobj_err(NULL), W_NOMEM);
	assert_int_equal(tobj_err(o), W_OK);
}

static void
test_standalone(void **state)
{
	struct tobj *o = tobj_new(*state);
	struct tlist *l = tobj_list(o, "items");
	tlist_str(l, "a");
	tlist_str(l, "b");
	check("<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n", o,
	      "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n");
	check("{{! a comment }}\nx\n\t{{^items}}\t\r\nnone\n{{/items}}\ny", o,
	      "x\ny");
	/* Tags sharing a line with text or other tags keep the line. */
	check("a {{#items}}\n{{/items}} b", o, "a \n\n b");
	check("{{#items}}{{/items}}\nz", o, "\nz");
	check("x{{! multi\nline\n}}y {{!c}}z", o, "xy z");
	check("{{x}}\n", o, "\n");
}

static void
test_errors(void **state)
{
	check_err("a\n{{#x}}\nb", "t:2: unclosed section 'x'");
	check_err("{{#a}}{{#b}}\n{{/b}}", "t:1: unclosed section 'a'");
	check_err("{{#a}}\n{{/b}}", "t:2: close tag 'b' does not match "
				    "section 'a'");
	check_err("x{{/a}}", "t:1: close tag 'a' without open section");
	check_err("x\n\n{{name", "t:3: unclosed tag");
	check_err("{{a}\n}", "t:1: unclosed tag");
	check_err("{{a {{b}}", "t:1: unclosed tag");
	check_err("{{}}", "t:1: empty name");
	check_err("{{ }}", "t:1: empty name");
	check_err("\n{{#}}{{/}}", "t:2: empty name");
	check_err("{{>}}", "t:1: empty name");
	check_err("{{{}}}", "t:1: empty name");
	check_err("{{>nope}}", "t:1: unknown partial 'nope'");
	check_err("{{{x}}", "t:1: mismatched braces in '{{{'");
	check_err("{{{x}} y", "t:1: mismatched braces in '{{{'");
	check_err("{{a b}}", "t:1: invalid character ' ' in name");
	check_err("{{&x}}", "t:1: invalid character '&' in name");
	check_err("{{=<% %>=}}", "t:1: invalid character '=' in name");
	check_err("{{x\xff}}", "t:1: invalid character \\xff in name");
	check_err("{{a\nb}}", "t:1: invalid character \\x0a in name");
	check_err("{{a..b}}", "t:1: empty segment in name 'a..b'");
	check_err("{{.a}}", "t:1: empty segment in name '.a'");
	check_err("{{#a.}}{{/a.}}", "t:1: empty segment in name 'a.'");
	check_err("{{", "t:1: unclosed tag");
	check_err("}}{{", "t:1: unclosed tag");
}

/* Builds n nested sections "{{#s}}" ... "{{/s}}". */
static char *
nested(int n)
{
	char *s = malloc((size_t)n * 12 + 2);
	assert_non_null(s);
	char *p = s;
	for (int i = 0; i < n; i++)
		p += sprintf(p, "{{#s}}");
	*p++ = 'x';
	for (int i = 0; i < n; i++)
		p += sprintf(p, "{{/s}}");
	*p = '\0';
	return s;
}

static void
test_limits(void **state)
{
	struct tobj *o = tobj_new(*state);
	tobj_bool(o, "s", true);
	char *ok = nested(32), *deep = nested(33);
	check(ok, o, "x");
	check_err(deep, "t:1: sections nested deeper than 32");
	free(ok);
	free(deep);

	size_t big = 1024 * 1024 + 1;
	char *src = malloc(big + 1);
	assert_non_null(src);
	memset(src, 'a', big);
	src[big] = '\0';
	check_err(src, "t: larger than 1048576 bytes");
	src[big - 1] = '\0';
	struct buf b;
	buf_init(&b);
	char err[128];
	struct tpl_set *set = tpl_set_parse("t", src, err, sizeof err);
	assert_non_null(set);
	assert_int_equal(tpl_render(set, "t", o, &b), W_OK);
	assert_int_equal(b.len, big - 1);
	buf_fini(&b);
	tpl_set_free(set);
	free(src);

	/* Self-inclusion stops after 16 levels. */
	check("x{{>t}}", o, "xxxxxxxxxxxxxxxxx");
}

static void
test_utf8(void **state)
{
	struct tobj *o = tobj_new(*state);
	tobj_str(o, "v", "\xff\xfe<\xc3\"");
	tobj_html(o, "h", "\xc3(\xed\xa0\x80");
	check("\xe2\x82{{v}}\xc0\xaf", o,
	      "\xe2\x82\xff\xfe&lt;\xc3&quot;\xc0\xaf");
	check("{{{h}}}|{{h}}", o, "\xc3(\xed\xa0\x80|\xc3(\xed\xa0\x80");
	check("Berita Jakarta \xe2\x80\x94 {{v}}", o,
	      "Berita Jakarta \xe2\x80\x94 \xff\xfe&lt;\xc3&quot;");
}

static void
test_notfound(void **state)
{
	struct tobj *o = tobj_new(*state);
	char err[128];
	struct tpl_set *set = tpl_set_parse("page", "hi", err, sizeof err);
	assert_non_null(set);
	assert_true(tpl_has(set, "page"));
	assert_false(tpl_has(set, "pag"));
	assert_false(tpl_has(set, ""));
	struct buf b;
	buf_init(&b);
	assert_int_equal(tpl_render(set, "nope", o, &b), W_NOTFOUND);
	assert_int_equal(b.len, 0);
	assert_int_equal(tpl_render(set, "page", o, &b), W_OK);
	assert_int_equal(tpl_render(set, "page", o, &b), W_OK);
	assert_string_equal(buf_cstr(&b), "hihi");
	buf_fini(&b);
	tpl_set_free(set);
	tpl_set_free(NULL);
}

/* Writes dir/name with contents s. */
static void
put(const char *dir, const char *name, const char *s)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(s, 1, strlen(s), f), strlen(s));
	assert_int_equal(fclose(f), 0);
}

static void
rm(const char *dir, const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_int_equal(remove(path), 0);
}

static void
test_load(void **state)
{
	char dir[] = "/tmp/test_tpl.XXXXXX";
	char err[512], want[512];
	assert_non_null(mkdtemp(dir));
	put(dir, "layout.html",
	    "<h1>{{site}}</h1>\n<ul>\n{{#items}}\n{{> _item }}\n{{/items}}\n"
	    "</ul>\n");
	put(dir, "_item.html", "<li>{{name}} ({{site}})</li>\n");
	put(dir, "notes.txt", "{{#broken");
	put(dir, ".hidden.html", "{{#broken");

	struct tpl_set *set = tpl_set_load(dir, err, sizeof err);
	if (!set)
		fail_msg("load: %s", err);
	assert_true(tpl_has(set, "layout"));
	assert_true(tpl_has(set, "_item"));
	assert_false(tpl_has(set, "notes"));
	assert_false(tpl_has(set, ".hidden"));

	struct tobj *o = tobj_new(*state);
	tobj_str(o, "site", "Warta");
	struct tlist *l = tobj_list(o, "items");
	tobj_str(tlist_add(l), "name", "<a>");
	tobj_str(tlist_add(l), "name", "b");
	struct buf b;
	buf_init(&b);
	assert_int_equal(tpl_render(set, "layout", o, &b), W_OK);
	assert_string_equal(buf_cstr(&b),
			    "<h1>Warta</h1>\n<ul>\n<li>&lt;a&gt; (Warta)</li>\n"
			    "<li>b (Warta)</li>\n</ul>\n");
	buf_fini(&b);
	tpl_set_free(set);

	/* A partial naming no template fails, with the file and line. */
	put(dir, "bad.html", "ok\n{{#a}}\n{{>_itme}}\n{{/a}}\n");
	assert_null(tpl_set_load(dir, err, sizeof err));
	snprintf(want, sizeof want, "%s/bad.html:3: unknown partial '_itme'",
		 dir);
	assert_string_equal(err, want);
	rm(dir, "bad.html");

	put(dir, "bad2.html", "{{#a}}\n\n{{/b}}\n");
	assert_null(tpl_set_load(dir, err, sizeof err));
	snprintf(want, sizeof want,
		 "%s/bad2.html:3: close tag 'b' does not match section 'a'",
		 dir);
	assert_string_equal(err, want);
	rm(dir, "bad2.html");

	char *big = malloc(1024 * 1024 + 2);
	assert_non_null(big);
	memset(big, ' ', 1024 * 1024 + 1);
	big[1024 * 1024 + 1] = '\0';
	put(dir, "big.html", big);
	free(big);
	assert_null(tpl_set_load(dir, err, sizeof err));
	snprintf(want, sizeof want, "%s/big.html: larger than 1048576 bytes",
		 dir);
	assert_string_equal(err, want);
	rm(dir, "big.html");

	char sub[64];
	snprintf(sub, sizeof sub, "%s/d.html", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_null(tpl_set_load(dir, err, sizeof err));
	snprintf(want, sizeof want, "%s: Is a directory", sub);
	assert_string_equal(err, want);
	assert_int_equal(remove(sub), 0);

	/* A short error buffer is truncated, never overrun. */
	put(dir, "x.html", "{{#a}}");
	char small[8];
	assert_null(tpl_set_load(dir, small, sizeof small));
	assert_int_equal(strlen(small), sizeof small - 1);
	assert_null(tpl_set_load(dir, NULL, 0));
	rm(dir, "x.html");

	rm(dir, "layout.html");
	rm(dir, "_item.html");
	rm(dir, "notes.txt");
	rm(dir, ".hidden.html");
	assert_int_equal(remove(dir), 0);
	assert_null(tpl_set_load(dir, err, sizeof err));
	snprintf(want, sizeof want, "%s: No such file or directory", dir);
	assert_string_equal(err, want);
}

struct job {
	const struct tpl_set *set;
	const struct tobj *ctx;
	int bad;
};

static void *
worker(void *arg)
{
	struct job *j = arg;
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < 2000; i++) {
		buf_reset(&b);
		if (tpl_render(j->set, "t", j->ctx, &b) != W_OK ||
		    strcmp(buf_cstr(&b), "a,b,c,") != 0)
			j->bad++;
	}
	buf_fini(&b);
	return NULL;
}

static void
test_threads(void **state)
{
	char err[128];
	struct tpl_set *set =
	    tpl_set_parse("t", "{{#l}}{{.}},{{/l}}", err, sizeof err);
	assert_non_null(set);
	struct tobj *o = tobj_new(*state);
	struct tlist *l = tobj_list(o, "l");
	tlist_str(l, "a");
	tlist_str(l, "b");
	tlist_str(l, "c");
	pthread_t th[4];
	struct job jobs[4];
	for (int i = 0; i < 4; i++) {
		jobs[i] = (struct job){set, o, 0};
		assert_int_equal(pthread_create(&th[i], NULL, worker, &jobs[i]),
				 0);
	}
	for (int i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(th[i], NULL), 0);
		assert_int_equal(jobs[i].bad, 0);
	}
	tpl_set_free(set);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_escape, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_raw, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sections, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_inverted, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_dotted, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_missing_override, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_standalone, setup, teardown),
	    cmocka_unit_test(test_errors),
	    cmocka_unit_test_setup_teardown(test_limits, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_utf8, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_notfound, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_load, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_threads, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
