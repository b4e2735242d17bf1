/* slug.c - URL slugs from headlines: transliterate, lower-case, hyphenate. */
#include <stdint.h>
#include <string.h>

#include "slug.h"
#include "utf8.h"

#define SLUG_VALID_MAX 100

/* ASCII spelling of the letters of Latin-1 Supplement and Latin Extended-A,
 * by code point range; both cases share a row because slugs are lower-case.
 * Anything not listed (× ÷ and every other script) separates words. */
static const struct {
	uint16_t first, last;
	const char *ascii;
} translit[] = {
	{0x00C0, 0x00C5, "a"}, {0x00C6, 0x00C6, "ae"}, {0x00C7, 0x00C7, "c"},
	{0x00C8, 0x00CB, "e"}, {0x00CC, 0x00CF, "i"}, {0x00D0, 0x00D0, "d"},
	{0x00D1, 0x00D1, "n"}, {0x00D2, 0x00D6, "o"}, {0x00D8, 0x00D8, "o"},
	{0x00D9, 0x00DC, "u"}, {0x00DD, 0x00DD, "y"}, {0x00DE, 0x00DE, "th"},
	{0x00DF, 0x00DF, "ss"},
	{0x00E0, 0x00E5, "a"}, {0x00E6, 0x00E6, "ae"}, {0x00E7, 0x00E7, "c"},
	{0x00E8, 0x00EB, "e"}, {0x00EC, 0x00EF, "i"}, {0x00F0, 0x00F0, "d"},
	{0x00F1, 0x00F1, "n"}, {0x00F2, 0x00F6, "o"}, {0x00F8, 0x00F8, "o"},
	{0x00F9, 0x00FC, "u"}, {0x00FD, 0x00FD, "y"}, {0x00FE, 0x00FE, "th"},
	{0x00FF, 0x00FF, "y"},
	{0x0100, 0x0105, "a"}, {0x0106, 0x010D, "c"}, {0x010E, 0x0111, "d"},
	{0x0112, 0x011B, "e"}, {0x011C, 0x0123, "g"}, {0x0124, 0x0127, "h"},
	{0x0128, 0x0131, "i"}, {0x0132, 0x0133, "ij"}, {0x0134, 0x0135, "j"},
	{0x0136, 0x0138, "k"}, {0x0139, 0x0142, "l"}, {0x0143, 0x014B, "n"},
	{0x014C, 0x0151, "o"}, {0x0152, 0x0153, "oe"}, {0x0154, 0x0159, "r"},
	{0x015A, 0x0161, "s"}, {0x0162, 0x0167, "t"}, {0x0168, 0x0173, "u"},
	{0x0174, 0x0175, "w"}, {0x0176, 0x0178, "y"}, {0x0179, 0x017E, "z"},
	{0x017F, 0x017F, "s"},
};

/* Returns the ASCII letters or digit for cp, or NULL when cp separates. */
static const char *
spell(uint32_t cp, char ascii[2])
{
	if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
		ascii[0] = (char)cp;
		return ascii;
	}
	if (cp >= 'A' && cp <= 'Z') {
		ascii[0] = (char)(cp - 'A' + 'a');
		return ascii;
	}
	for (size_t i = 0; i < sizeof translit / sizeof translit[0]; i++)
		if (cp >= translit[i].first && cp <= translit[i].last)
			return translit[i].ascii;
	return NULL;
}

/* Apostrophes (ASCII, typographic, modifier letter) are dropped: inside a
 * word "Jum'at" must stay one word, and elsewhere a separator is already
 * next to them, so skipping them everywhere gives the same result. */
static bool
is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x02BC;
}

/* Length of out[0..o) without its last, unfinished word (o when it is the
 * only word). */
static size_t
last_word_end(const char *out, size_t o)
{
	for (size_t k = o; k > 0; k--)
		if (out[k - 1] == '-')
			return k - 1;
	return o;
}

size_t
slug_from(const char *s, char *out, size_t len)
{
	size_t n = strlen(s), i = 0, o = 0;
	bool sep = false; /* a separator is pending before the next letter */

	if (len == 0)
		return 0;
	while (i < n) {
		uint32_t cp = 0xFFFD;
		size_t k = utf8_decode(s + i, n - i, &cp);
		char ascii[2] = {0, 0};
		const char *a;

		/* A malformed byte separates, like any unknown character. */
		i += k ? k : 1;
		if (is_apostrophe(cp))
			continue;
		if (!(a = spell(cp, ascii))) {
			sep = o > 0;
			continue;
		}
		for (; *a; a++) {
			size_t need = sep ? 2 : 1;

			if (len - 1 - o < need) {
				/* Full. Cut back to the last whole word unless
				 * the slug already ends at one; a single word
				 * longer than the room is cut where it is. */
				if (!sep)
					o = last_word_end(out, o);
				goto end;
			}
			if (sep)
				out[o++] = '-';
			sep = false;
			out[o++] = *a;
		}
	}
end:
	out[o] = '\0';
	return o;
}

bool
slug_valid(const char *s)
{
	size_t n;

	if (!s || !*s)
		return false;
	n = strlen(s);
	if (n > SLUG_VALID_MAX || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '-') {
			if (s[i + 1] == '-')
				return false;
		} else if (!((c >= 'a' && c <= 'z') ||
			     (c >= '0' && c <= '9'))) {
			return false;
		}
	}
	return true;
}
