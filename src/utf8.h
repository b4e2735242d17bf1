/* utf8.h - UTF-8 validation. */
#ifndef WARTA_UTF8_H
#define WARTA_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF) and contains no NUL. */
bool utf8_valid(const char *s, size_t n);

#endif
