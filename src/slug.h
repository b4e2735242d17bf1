/* slug.h - URL slugs: lower-case ASCII letters, digits and single hyphens. */
#ifndef WARTA_SLUG_H
#define WARTA_SLUG_H

#include <stdbool.h>
#include <stddef.h>

/* Writes a slug made from the UTF-8 text s into out (at most len-1 bytes,
 * cut at a hyphen boundary when too long): Latin letters with diacritics
 * are transliterated (é -> e, ß -> ss), everything else separates words.
 * Returns the slug's length; 0 when nothing usable remains. */
size_t slug_from(const char *s, char *out, size_t len);

/* True when s is a well-formed slug: 1-100 bytes of [a-z0-9-], no leading,
 * trailing or doubled hyphen. */
bool slug_valid(const char *s);

#endif
