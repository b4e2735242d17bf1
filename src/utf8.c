/* utf8.c - strict UTF-8 validation and decoding (RFC 3629). */
#include <string.h>

#include "utf8.h"

size_t
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	/* The range of the first continuation byte depends on the lead byte:
	 * that one check rules out overlongs (E0, F0), surrogates (ED) and
	 * code points above U+10FFFF (F4), as in Unicode's Table 3-7. */
	unsigned char lo = 0x80, hi = 0xBF;
	size_t more;
	uint32_t c;

	if (n == 0)
		return 0;
	c = p[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		more = 1;
		c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		more = 2;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
		c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		more = 3;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
		c &= 0x07;
	} else {
		/* 80-BF: stray continuation; C0, C1: always overlong;
		 * F5-FF: beyond U+10FFFF. */
		return 0;
	}
	if (n - 1 < more)
		return 0;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (size_t k = 1; k <= more; k++) {
		if ((p[k] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (p[k] & 0x3F);
	}
	*cp = c;
	return more + 1;
}

bool
utf8_valid(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);

		if (k == 0 || cp == 0)
			return false;
		i += k;
	}
	return true;
}

bool
utf8_text(const char *s, size_t min, size_t max, bool lines)
{
	if (!s)
		return min == 0;
	size_t n = strlen(s), chars = 0;
	if (!utf8_valid(s, n))
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 || c == 0x7f) &&
		    !(lines && (c == '\t' || c == '\r' || c == '\n')))
			return false;
		/* U+0080..U+009F are encoded C2 80..C2 9F. */
		if (c == 0xc2 && (unsigned char)s[i + 1] <= 0x9f)
			return false;
		if ((c & 0xc0) != 0x80)
			chars++;
	}
	return chars >= min && chars <= max;
}
