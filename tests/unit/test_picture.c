/* test_picture.c - rendition widths, crop rectangles and names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "picture.h"

static const struct picture big = {"0123456789abcdef", 4000, 3000, 500, 500};

static void
test_widths(void **state)
{
	int w[PICTURE_WIDTHS_MAX];
	(void)state;

	assert_int_equal(picture_widths(&big, w), 5);
	assert_int_equal(w[0], 320);
	assert_int_equal(w[4], 1920);

	struct picture p = big;
	p.width = 1000;
	assert_int_equal(picture_widths(&p, w), 4);
	assert_int_equal(w[2], 960);
	assert_int_equal(w[3], 1000); /* the original, not upscaled */
	p.width = 1920;
	assert_int_equal(picture_widths(&p, w), 5);
	assert_int_equal(w[4], 1920);
	p.width = 200;
	assert_int_equal(picture_widths(&p, w), 1);
	assert_int_equal(w[0], 200);
	p.width = 0;
	assert_int_equal(picture_widths(&p, w), 0);
	assert_int_equal(picture_height_at(&big, 640), 480);
}

static void
test_crop_follows_focal_point(void **state)
{
	struct picture_rect r;
	int ow, oh;
	(void)state;

	/* 4:3 original, 16:9 crop: full width, band of 2250 rows. */
	picture_crop(&big, PICTURE_WIDE, &r, &ow, &oh);
	assert_int_equal(r.width, 4000);
	assert_int_equal(r.height, 2250);
	assert_int_equal(r.top, 375); /* centred */
	assert_int_equal(ow, 1200);
	assert_int_equal(oh, 675);

	struct picture p = big;
	p.fy = 0; /* a face at the top edge: the band starts there */
	picture_crop(&p, PICTURE_WIDE, &r, &ow, &oh);
	assert_int_equal(r.top, 0);
	p.fy = 1000;
	picture_crop(&p, PICTURE_WIDE, &r, &ow, &oh);
	assert_int_equal(r.top + r.height, 3000);

	/* Square crop of a landscape: moves left and right. */
	p = big;
	p.fx = 100;
	picture_crop(&p, PICTURE_SQUARE, &r, &ow, &oh);
	assert_int_equal(r.width, 3000);
	assert_int_equal(r.left, 0);
	assert_int_equal(ow, 1200);
	assert_int_equal(oh, 1200);

	/* Too small for 1200x630: cut at its own size, never upscaled. */
	p = big;
	p.width = 800;
	p.height = 600;
	picture_crop(&p, PICTURE_SHARE, &r, &ow, &oh);
	assert_int_equal(ow, 800);
	assert_int_equal(oh, 420);
	assert_true(r.top >= 0 && r.top + r.height <= 600);
}

static void
test_names(void **state)
{
	char buf[PICTURE_NAME_MAX];
	enum picture_fmt f;
	(void)state;

	assert_true(picture_width_name(&big, 640, PICTURE_WEBP, buf, sizeof buf));
	assert_string_equal(buf, "0123456789abcdef-w640.webp");
	assert_true(picture_name_valid(buf, &f));
	assert_int_equal(f, PICTURE_WEBP);

	assert_true(picture_crop_name(&big, PICTURE_SHARE, PICTURE_JPEG, buf,
				      sizeof buf));
	assert_string_equal(buf, "0123456789abcdef-share-500-500.jpg");
	assert_true(picture_name_valid(buf, &f));
	assert_int_equal(f, PICTURE_JPEG);
	/* Only the thumbnail is made in WebP. */
	assert_false(picture_crop_name(&big, PICTURE_SHARE, PICTURE_WEBP, buf,
				       sizeof buf));
	assert_true(picture_crop_name(&big, PICTURE_THUMB, PICTURE_WEBP, buf,
				      sizeof buf));
	assert_true(picture_name_valid(buf, NULL));
	/* Too small a buffer. */
	assert_false(picture_width_name(&big, 640, PICTURE_JPEG, buf, 10));

	static const char *const bad[] = {
		"", "0123456789abcdef", "0123456789abcdef-w640.png",
		"0123456789ABCDEF-w640.jpg", "0123456789abcdef-w0640.jpg",
		"0123456789abcdef-w0.jpg", "0123456789abcdef-share-500-500.webp",
		"0123456789abcdef-share-1001-500.jpg", "../etc/passwd",
		"0123456789abcdef-orig.jpg", "0123456789abcdef-w640.jpg/x",
		"0123456789abcdef-thumb-5-5.jpg.jpg", ".0123456789abcdef-w640.jpg",
		"0123456789abcde-w640.jpg",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(picture_name_valid(bad[i], NULL));
	assert_true(picture_name_valid("0123456789abcdef-thumb-0-1000.webp",
				       NULL));
	/* Every name the plan makes is valid: "wide" starts with a w but
	 * is a crop, not a width. */
	for (int c = 0; c < PICTURE__CROPS; c++)
		for (int g = 0; g < PICTURE__FMTS; g++)
			if (picture_crop_name(&big, c, g, buf, sizeof buf))
				assert_true(picture_name_valid(buf, NULL));
	assert_false(picture_name_valid("0123456789abcdef-wide-500-500.webp",
					NULL));
	assert_false(picture_name_valid("0123456789abcdef-w.jpg", NULL));

	struct picture p = big;
	p.fx = 1001;
	assert_false(picture_width_name(&p, 640, PICTURE_JPEG, buf, sizeof buf));
	p = big;
	p.key[3] = 'G';
	assert_false(picture_key_valid(p.key));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_crop_follows_focal_point),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
