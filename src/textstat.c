/* textstat.c - word count and reading time of a story's text. */
#include "textstat.h"

static int
space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static int
wordish(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

size_t
textstat_words(const char *s)
{
	size_t n = 0;
	int counted = 0;
	for (const unsigned char *p = (const unsigned char *)(s ? s : "");
	     *p; p++) {
		if (space(*p)) {
			counted = 0;
			continue;
		}
		if (!counted && wordish(*p)) {
			n++;
			counted = 1;
		}
	}
	return n;
}

size_t
textstat_minutes(size_t words)
{
	return (words + TEXTSTAT_WPM - 1) / TEXTSTAT_WPM;
}
