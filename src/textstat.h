/* textstat.h - how long a story is: words, and minutes to read it. */
#ifndef WARTA_TEXTSTAT_H
#define WARTA_TEXTSTAT_H

#include <stddef.h>

/* Words a reader reads in a minute; Indonesian news prose runs close to
 * the usual 200. */
#define TEXTSTAT_WPM 200

/* The words of s (NUL-terminated; NULL counts as empty): runs of bytes
 * holding at least one letter or digit (any non-ASCII byte counts as
 * one), separated by white space. Markdown markers standing alone ("#",
 * "-", "**") are not words. Pure; thread-safe. */
size_t textstat_words(const char *s);

/* Minutes to read words at TEXTSTAT_WPM, rounded up; 0 for no words. */
size_t textstat_minutes(size_t words);

#endif
