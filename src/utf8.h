/* utf8.h - UTF-8 validation and decoding. */
#ifndef WARTA_UTF8_H
#define WARTA_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF) and contains no NUL. */
bool utf8_valid(const char *s, size_t n);

/* Decodes the one character at the start of s[0..n) into *cp and returns
 * its length in bytes (1-4); returns 0 and leaves *cp alone when n is 0 or
 * the bytes are not well-formed UTF-8 by the same rules as utf8_valid()
 * (NUL decodes as U+0000). Thread-safe. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* True when s is text a person typed for display: well-formed UTF-8 of
 * min..max characters (code points) without C0 controls, DEL or C1
 * controls (U+0080..U+009F), which have no business in a name or a title
 * and could break the lines of a feed or a log; with lines, tab, CR and LF
 * are allowed (a textarea). NULL counts as "". Thread-safe. */
bool utf8_text(const char *s, size_t min, size_t max, bool lines);

#endif
