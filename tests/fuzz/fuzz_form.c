/* fuzz_form.c - libFuzzer harness: parse the input as a form body, whole and
 * split in two, and require both ways to agree.
 *
 * The first byte picks the content type (bit 0) and the split point (the
 * other bits, scaled to the body length); the rest is the body.
 *
 * Build (not part of the CMake build):
 *   clang -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g \
 *     -fsanitize=fuzzer,address,undefined -Isrc src/arena.c src/werr.c \
 *     src/utf8.c src/form.c tests/fuzz/fuzz_form.c -o fuzz_form
 *   ./fuzz_form -max_total_time=60 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Small limits so the fuzzer reaches every one of them; a short boundary so
 * mutations find it. */
static const struct form_limits lim = {
	.max_fields = 8,
	.max_field = 64,
	.max_file = 256,
	.max_total = SIZE_MAX, /* else the two ways would differ in order */
};

static const char *const types[] = {
	"application/x-www-form-urlencoded",
	"multipart/form-data; boundary=b",
};

static enum werr
run(struct arena *a, const char *ct, const char *s, size_t n, size_t split,
    struct form *out)
{
	enum werr err;
	struct form_parser *p = form_parser_new(a, ct, &lim, &err);

	if (!p)
		abort();
	if (form_parser_feed(p, s, split) == W_OK)
		(void)form_parser_feed(p, s + split, n - split);
	return form_parser_finish(p, out);
}

static int
same_str(const char *x, const char *y)
{
	if (!x || !y)
		return x == y;
	return strcmp(x, y) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a, b;
	struct form fa, fb;
	enum werr ea, eb;

	if (size == 0)
		return 0;
	const char *ct = types[data[0] & 1];
	const char *s = (const char *)data + 1;
	size_t n = size - 1;
	size_t split = (size_t)(data[0] >> 1) * (n + 1) / 128;

	arena_init(&a);
	arena_init(&b);
	ea = run(&a, ct, s, n, n, &fa);
	eb = run(&b, ct, s, n, split, &fb);
	if (ea != eb || fa.n != fb.n)
		abort();
	for (size_t i = 0; i < fa.n; i++) {
		const struct form_field *x = &fa.fields[i], *y = &fb.fields[i];
		if (x->len != y->len || memcmp(x->value, y->value, x->len) ||
		    x->value[x->len] != '\0' || !same_str(x->name, y->name) ||
		    !same_str(x->filename, y->filename) ||
		    !same_str(x->content_type, y->content_type))
			abort();
	}
	(void)form_get(&fa, "a");
	(void)form_file(&fa, "a");
	arena_fini(&a);
	arena_fini(&b);
	return 0;
}
