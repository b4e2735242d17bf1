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

#endif
