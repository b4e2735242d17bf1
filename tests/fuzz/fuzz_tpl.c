/* fuzz_tpl.c - libFuzzer harness: compile the input as a template named "t"
 * and render it with a small fixed context.
 *
 * Build (not part of the CMake build):
 *   clang -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g \
 *     -fsanitize=fuzzer,address,undefined -Isrc src/buf.c src/arena.c \
 *     src/werr.c src/tpl.c tests/fuzz/fuzz_tpl.c -o fuzz_tpl
 *   ./fuzz_tpl -max_total_time=60 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tpl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Names the fuzzer can find by mutation: short and common. With one,
 * every list holds one item (see below). */
static struct tobj *
context(struct arena *a, bool one)
{
	struct tobj *o = tobj_new(a);
	tobj_str(o, "a", "<b>\"&'");
	tobj_html(o, "h", "<i>x</i>");
	tobj_bool(o, "t", true);
	tobj_bool(o, "f", false);
	tobj_int(o, "n", 0);
	tobj_int(o, "m", -7);
	struct tobj *c = tobj_obj(o, "o");
	tobj_str(c, "a", "inner");
	tobj_obj(c, "o");
	struct tlist *l = tobj_list(o, "l");
	tlist_str(l, "x");
	if (one)
		return o;
	tlist_str(l, "\xff<");
	struct tobj *i = tlist_add(l);
	tobj_str(i, "b", "item");
	tobj_list(i, "l");
	tobj_list(o, "e");
	return o;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *src = malloc(size + 1);
	if (!src)
		return 0;
	memcpy(src, data, size);
	src[size] = '\0';

	/* The only partial a one-template set can name is itself, and a
	 * template that includes itself k times, or once per list item,
	 * renders k^16 copies before the depth limit stops it: fuzzing would
	 * just run out of memory. Render such inputs only in the linear
	 * case, one self-inclusion and one-item lists. */
	size_t partials = 0;
	for (const char *p = src; (p = strstr(p, "{{>")); p++)
		partials++;
	struct arena a;
	arena_init(&a);
	struct tobj *ctx = context(&a, partials > 0);
	char err[256];
	struct tpl_set *set = tpl_set_parse("t", src, err, sizeof err);
	if (set && partials <= 1) {
		struct buf b;
		buf_init(&b);
		if (tpl_render(set, "t", ctx, &b) != W_OK)
			abort();
		/* Without a tag the template is its own output. */
		if (!strstr(src, "{{") && strcmp(buf_cstr(&b), src) != 0)
			abort();
		buf_fini(&b);
	} else if (!set &&
		   (err[0] != 't' || err[1] != ':' || strchr(err, '\n'))) {
		/* Every error is one line naming the template. */
		abort();
	}
	tpl_set_free(set);
	arena_fini(&a);
	free(src);
	return 0;
}
