/* test_buf.c - the growable buffer, its escapers and the arena. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "buf.h"

static void
test_append(void **state)
{
	struct buf b;
	buf_init(&b);
	assert_string_equal(buf_cstr(&b), "");
	for (int i = 0; i < 1000; i++)
		buf_puts(&b, "abc");
	assert_int_equal(b.len, 3000);
	assert_int_equal(buf_cstr(&b)[2999], 'c');
	assert_int_equal(buf_cstr(&b)[3000], '\0');
	buf_printf(&b, "|%d|%s", 42, "x");
	assert_string_equal(buf_cstr(&b) + 3000, "|42|x");
	size_t cap = b.cap;
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, cap);
	assert_string_equal(buf_cstr(&b), "");
	assert_int_equal(buf_err(&b), W_OK);
	buf_fini(&b);
}

static void
test_html(void **state)
{
	struct buf b;
	buf_init(&b);
	const char *s = "<script>alert(\"x\" + 'y') & z</script>";
	buf_html(&b, s, strlen(s));
	assert_string_equal(buf_cstr(&b),
			    "&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39;) "
			    "&amp; z&lt;/script&gt;");
	buf_reset(&b);
	/* Invalid UTF-8 passes through byte for byte; it is not markup. */
	buf_html(&b, "\xC3\x28<", 3);
	assert_memory_equal(buf_cstr(&b), "\xC3\x28&lt;", 6);
	buf_fini(&b);
}

static void
test_int(void **state)
{
	char num[BUF_INT_MAX];
	(void)state;
	assert_string_equal(buf_int_str(num, 0), "0");
	assert_string_equal(buf_int_str(num, 1200), "1200");
	assert_string_equal(buf_int_str(num, -7), "-7");
	assert_string_equal(buf_int_str(num, INT64_MAX), "9223372036854775807");
	assert_string_equal(buf_int_str(num, INT64_MIN),
			    "-9223372036854775808");
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "w=");
	buf_int(&b, 640);
	assert_string_equal(buf_cstr(&b), "w=640");
	buf_fini(&b);
}

static void
test_json(void **state)
{
	struct buf b;
	buf_init(&b);
	const char *s = "a\"b\\c\n</script><!--&\x01";
	buf_json(&b, s, strlen(s));
	assert_string_equal(buf_cstr(&b),
			    "a\\\"b\\\\c\\n\\u003c/script\\u003e\\u003c!--"
			    "\\u0026\\u0001");
	buf_fini(&b);
}

static void
test_xml(void **state)
{
	struct buf b;
	buf_init(&b);
	const char *s = "<a href='x'>&\"\x02</a>";
	buf_xml(&b, s, strlen(s));
	assert_string_equal(buf_cstr(&b), "&lt;a href=&apos;x&apos;&gt;&amp;"
					  "&quot;&lt;/a&gt;");
	buf_fini(&b);
}

static void
test_arena(void **state)
{
	struct arena a;
	arena_init(&a);
	char *first = arena_strdup(&a, "hello");
	assert_string_equal(first, "hello");
	/* Many small allocations and one larger than a block. */
	for (int i = 0; i < 10000; i++) {
		int *p = arena_alloc(&a, sizeof *p * 3);
		assert_non_null(p);
		assert_int_equal(p[0] | p[1] | p[2], 0);
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
		p[0] = i;
	}
	char *big = arena_alloc(&a, 1 << 20);
	assert_non_null(big);
	memset(big, 'x', 1 << 20);
	assert_string_equal(arena_printf(&a, "%s-%d", "n", 7), "n-7");
	/* Strings that fit the current block and ones that do not; each
	 * stays intact after more allocations. */
	char *small = arena_printf(&a, "%05d", 42);
	static char longs[100000];
	memset(longs, 'y', sizeof longs - 1);
	char *large = arena_printf(&a, "<%s>", longs);
	char *after = arena_printf(&a, "%s", "after");
	assert_string_equal(small, "00042");
	assert_int_equal(strlen(large), sizeof longs + 1);
	assert_int_equal(large[0], '<');
	assert_int_equal(large[sizeof longs], '>');
	assert_string_equal(after, "after");
	assert_int_equal((uintptr_t)arena_alloc(&a, 8) % _Alignof(max_align_t),
			 0);
	assert_string_equal(arena_strndup(&a, "abcdef", 3), "abc");
	assert_string_equal(arena_cat(&a, "/kanal/", "politik", (char *)NULL),
			    "/kanal/politik");
	assert_string_equal(arena_cat(&a, (char *)NULL), "");
	char *cat = arena_cat(&a, "<", longs, ">", "", (char *)NULL);
	assert_int_equal(strlen(cat), sizeof longs + 1);
	assert_int_equal(cat[sizeof longs], '>');
	assert_null(arena_alloc(&a, SIZE_MAX));
	arena_reset(&a);
	assert_string_equal(arena_strdup(&a, "again"), "again");
	arena_fini(&a);
}

static void
test_arena_grow(void **state)
{
	struct arena a;
	arena_init(&a);
	int64_t *v = NULL;
	size_t n = 0, cap = 0;
	/* Room comes in doubling steps and the elements move along. */
	for (int64_t i = 0; i < 1000; i++) {
		int64_t *p = arena_grow(&a, v, n, &cap, sizeof *v);
		assert_non_null(p);
		if (n < ARENA_GROW_MIN)
			assert_int_equal(cap, ARENA_GROW_MIN);
		assert_true(cap > n && cap <= 2 * (n + ARENA_GROW_MIN));
		v = p;
		v[n++] = i * 3;
	}
	for (size_t i = 0; i < n; i++)
		assert_int_equal(v[i], (int64_t)i * 3);
	/* With room left, the same array comes back. */
	size_t before = cap;
	assert_ptr_equal(arena_grow(&a, v, cap - 1, &cap, sizeof *v), v);
	assert_int_equal(cap, before);
	/* A size that would overflow fails and leaves everything as it was. */
	size_t huge = SIZE_MAX / 4;
	assert_null(arena_grow(&a, v, huge, &huge, sizeof *v));
	assert_int_equal(huge, SIZE_MAX / 4);
	size_t c0 = 0;
	assert_null(arena_grow(&a, NULL, 0, &c0, SIZE_MAX / 8));
	assert_int_equal(c0, 0);
	arena_fini(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_append), cmocka_unit_test(test_html),
	    cmocka_unit_test(test_json), cmocka_unit_test(test_int),cmocka_unit_test(test_xml),
	    cmocka_unit_test(test_arena),  cmocka_unit_test(test_arena_grow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
