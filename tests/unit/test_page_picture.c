/* test_page_picture.c - the fields page_picture.c gives the _picture
 * partial, rendered through the real templates/_picture.html: srcset in
 * both formats, sizes, the fallback's intrinsic size, lazy or lead, the
 * thumbnail crop, legacy uploads, rows with nothing to show, and hostile
 * alt text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "page_picture.h"

static const struct photo big = {
    .id = 7,
    .key = "0123456789abcdef",
    .name = "x.jpg",
    .width = 4000,
    .height = 3000,
    .fx = 500,
    .fy = 500,
    .alt = "Warga antre di TPS",
    .caption = "Antrean pagi",
    .credit = "Foto: Warta/Ani",
};

struct fix {
	struct arena arena;
	struct tpl_set *set;
	struct buf out;
};

static int
setup(void **state)
{
	struct fix *f = calloc(1, sizeof *f);
	char dir[4096], err[256];
	const char *src = getenv("WARTA_SRC");
	assert_non_null(f);
	snprintf(dir, sizeof dir, "%s/templates", src ? src : ".");
	f->set = tpl_set_load(dir, err, sizeof err);
	if (!f->set)
		fail_msg("%s", err);
	arena_init(&f->arena);
	buf_init(&f->out);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fix *f = *state;
	tpl_set_free(f->set);
	arena_fini(&f->arena);
	buf_fini(&f->out);
	free(f);
	return 0;
}

/* Renders the _picture partial with o as its context. */
static const char *
render(struct fix *f, struct tobj *o)
{
	buf_reset(&f->out);
	assert_int_equal(tobj_err(o), W_OK);
	assert_int_equal(tpl_render(f->set, "_picture", o, &f->out), W_OK);
	return buf_cstr(&f->out);
}

static void
test_whole(void **state)
{
	struct fix *f = *state;
	struct tobj *o = tobj_new(&f->arena);
	assert_true(
	    page_picture(&f->arena, o, &big, "100vw", PAGE_PICTURE_LEAD));
	const char *html = render(f, o);
	assert_string_equal(
	    html, "<picture><source type=\"image/webp\" srcset=\""
		  "/media/0123456789abcdef-w320.webp 320w, "
		  "/media/0123456789abcdef-w640.webp 640w, "
		  "/media/0123456789abcdef-w960.webp 960w, "
		  "/media/0123456789abcdef-w1280.webp 1280w, "
		  "/media/0123456789abcdef-w1920.webp 1920w\" sizes=\"100vw\">"
		  "<img src=\"/media/0123456789abcdef-w960.jpg\" srcset=\""
		  "/media/0123456789abcdef-w320.jpg 320w, "
		  "/media/0123456789abcdef-w640.jpg 640w, "
		  "/media/0123456789abcdef-w960.jpg 960w, "
		  "/media/0123456789abcdef-w1280.jpg 1280w, "
		  "/media/0123456789abcdef-w1920.jpg 1920w\" sizes=\"100vw\" "
		  "width=\"960\" height=\"720\" alt=\"Warga antre di TPS\" "
		  "fetchpriority=\"high\"></picture>\n");
}

static void
test_small_never_upscaled(void **state)
{
	struct fix *f = *state;
	struct photo p = big;
	p.width = 500;
	p.height = 250;
	struct tobj *o = tobj_new(&f->arena);
	assert_true(page_picture(&f->arena, o, &p,
				 "(min-width: 40em) 50vw, "
				 "100vw",
				 PAGE_PICTURE_LAZY));
	const char *html = render(f, o);
	/* 320 and the original's 500; the fallback is the widest. */
	assert_non_null(strstr(html, "srcset=\"/media/0123456789abcdef-w320"
				     ".webp 320w, /media/0123456789abcdef"
				     "-w500.webp 500w\""));
	assert_non_null(strstr(html, "src=\"/media/0123456789abcdef-w500.jpg"
				     "\""));
	assert_non_null(strstr(html, "width=\"500\" height=\"250\""));
	assert_non_null(strstr(html, "sizes=\"(min-width: 40em) 50vw, "
				     "100vw\""));
	assert_non_null(strstr(html, " loading=\"lazy\">"));
	assert_null(strstr(html, "fetchpriority"));
	assert_null(strstr(html, "w960"));
}

static void
test_eager_and_default_sizes(void **state)
{
	struct fix *f = *state;
	struct tobj *o = tobj_new(&f->arena);
	assert_true(page_picture(&f->arena, o, &big, NULL, PAGE_PICTURE_EAGER));
	const char *html = render(f, o);
	assert_non_null(strstr(html, "sizes=\"100vw\""));
	assert_null(strstr(html, "loading="));
	assert_null(strstr(html, "fetchpriority"));
}

static void
test_thumb(void **state)
{
	struct fix *f = *state;
	struct photo p = big;
	p.fx = 250;
	p.fy = 0;
	struct tobj *o = tobj_new(&f->arena);
	assert_true(page_picture_thumb(&f->arena, o, &p));
	const char *html = render(f, o);
	assert_string_equal(
	    html, "<picture><source type=\"image/webp\" srcset=\""
		  "/media/0123456789abcdef-thumb-250-0.webp 480w\" "
		  "sizes=\"" PAGE_PICTURE_THUMB_SIZES "\"><img src=\"/media/"
		  "0123456789abcdef-thumb-250-0.jpg\" srcset=\"/media/"
		  "0123456789abcdef-thumb-250-0.jpg 480w\" "
		  "sizes=\"" PAGE_PICTURE_THUMB_SIZES
		  "\" width=\"480\" height=\"360\" "
		  "alt=\"Warga antre di TPS\" loading=\"lazy\"></picture>\n");
}

static void
test_thumb_small(void **state)
{
	struct fix *f = *state;
	struct photo p = big;
	p.width = 400;
	p.height = 400;
	struct tobj *o = tobj_new(&f->arena);
	assert_true(page_picture_thumb(&f->arena, o, &p));
	/* 400x300 cut from the middle, not blown up to 480x360. */
	const char *html = render(f, o);
	assert_non_null(strstr(html, "width=\"400\" height=\"300\""));
	assert_non_null(strstr(html, "-thumb-500-500.webp 400w\""));
}

static void
test_crop(void **state)
{
	struct fix *f = *state;
	int w, h;
	const char *u = page_picture_crop(&f->arena, &big, PICTURE_SHARE,
					  PICTURE_JPEG, &w, &h);
	assert_string_equal(u, "/media/0123456789abcdef-share-500-500.jpg");
	assert_int_equal(w, 1200);
	assert_int_equal(h, 630);
	u = page_picture_crop(&f->arena, &big, PICTURE_SQUARE, PICTURE_JPEG, &w,
			      &h);
	assert_string_equal(u, "/media/0123456789abcdef-square-500-500.jpg");
	assert_int_equal(w, 1200);
	assert_int_equal(h, 1200);
	/* Not made in WebP; a legacy upload has no crops. */
	assert_null(page_picture_crop(&f->arena, &big, PICTURE_SHARE,
				      PICTURE_WEBP, &w, &h));
	struct photo legacy = {.id = 3, .name = "abc.png", .alt = ""};
	assert_null(page_picture_crop(&f->arena, &legacy, PICTURE_SHARE,
				      PICTURE_JPEG, &w, &h));
	assert_int_equal(w, 0);
}

static void
test_legacy(void **state)
{
	struct fix *f = *state;
	struct photo p = {.id = 3, .key = "", .name = "abc.png", .alt = "Logo"};
	struct tobj *o = tobj_new(&f->arena);
	assert_true(page_picture_has(&p));
	assert_false(page_picture_plan(&p, NULL));
	assert_true(
	    page_picture(&f->arena, o, &p, "100vw", PAGE_PICTURE_EAGER));
	assert_string_equal(render(f, o),
			    "<img src=\"/media/abc.png\" alt=\"Logo\">\n");

	p.key = NULL;
	p.width = 800;
	p.height = 600;
	o = tobj_new(&f->arena);
	assert_true(page_picture_thumb(&f->arena, o, &p));
	assert_string_equal(render(f, o),
			    "<img src=\"/media/abc.png\" width=\"800\" "
			    "height=\"600\" alt=\"Logo\" loading=\"lazy\">\n");
}

static void
test_nothing(void **state)
{
	struct fix *f = *state;
	struct tobj *o = tobj_new(&f->arena);
	struct photo none = {0};
	assert_false(page_picture_has(&none));
	assert_false(
	    page_picture(&f->arena, o, &none, "100vw", PAGE_PICTURE_LAZY));
	assert_false(page_picture_thumb(&f->arena, o, &none));
	assert_false(page_picture_has(NULL));

	/* A key that is not one (upper case, short, long), a size or a
	 * focal point out of range: nothing a page could link to. */
	static const char *const bad_keys[] = {
	    "0123456789ABCDEF", "0123456789abcde", "0123456789abcdef0",
	    "../../etc/passwd", "0123456789abcde/"};
	for (size_t i = 0; i < sizeof bad_keys / sizeof bad_keys[0]; i++) {
		struct photo p = big;
		p.key = bad_keys[i];
		assert_false(page_picture_plan(&p, NULL));
		assert_false(
		    page_picture(&f->arena, o, &p, NULL, PAGE_PICTURE_LAZY));
	}
	struct photo p = big;
	p.width = 0;
	assert_false(page_picture_has(&p));
	p = big;
	p.fx = 1001;
	assert_false(page_picture_has(&p));
	p = big;
	p.fy = -1;
	assert_false(page_picture_has(&p));
	/* Nothing was set on o. */
	assert_null(strstr(render(f, o), "/media/"));
}

static void
test_hostile_alt(void **state)
{
	struct fix *f = *state;
	struct photo p = big;
	p.alt = "\"><script>alert('x')</script>\xff";
	p.caption = "<b>";
	struct tobj *o = tobj_new(&f->arena);
	assert_true(
	    page_picture(&f->arena, o, &p, "\"><x>", PAGE_PICTURE_LAZY));
	const char *html = render(f, o);
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "<x>"));
	assert_non_null(strstr(html, "alt=\"&quot;&gt;&lt;script&gt;alert("
				     "&#39;x&#39;)&lt;/script&gt;"));
	/* A legacy name is escaped the same way. */
	struct photo l = {.id = 1, .name = "a\".png", .alt = "<"};
	o = tobj_new(&f->arena);
	assert_true(page_picture(&f->arena, o, &l, NULL, PAGE_PICTURE_LAZY));
	html = render(f, o);
	assert_non_null(strstr(html, "src=\"/media/a&quot;.png\""));
	assert_non_null(strstr(html, "alt=\"&lt;\""));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_whole),
	    cmocka_unit_test(test_small_never_upscaled),
	    cmocka_unit_test(test_eager_and_default_sizes),
	    cmocka_unit_test(test_thumb),
	    cmocka_unit_test(test_thumb_small),
	    cmocka_unit_test(test_crop),
	    cmocka_unit_test(test_legacy),
	    cmocka_unit_test(test_nothing),
	    cmocka_unit_test(test_hostile_alt),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
