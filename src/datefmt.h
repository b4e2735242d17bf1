/* datefmt.h - dates and times as Indonesian (and English) readers expect.
 *
 * Every function takes a Unix time t (UTC) and a zone offset in seconds
 * (WIB +25200) and writes a NUL-terminated string into out, returning out.
 * Indonesia has no daylight saving time, so a fixed offset is exact.
 * The process time zone (TZ) is never consulted. Times are clamped to the
 * years 0001-9999 and offsets to +-18 hours; out must have len > 0 and is
 * truncated (still terminated) when too short. Thread-safe. */
#ifndef WARTA_DATEFMT_H
#define WARTA_DATEFMT_H

#include <stddef.h>
#include <stdint.h>

enum datefmt_lang { LANG_ID, LANG_EN };

/* Broken-down local time for t at offset. */
struct local_date {
	int year, month, day; /* month 1-12 */
	int hour, min, sec;
	int wday; /* 0 = Sunday */
};
void datefmt_local(int64_t t, int offset, struct local_date *out);

/* Unix time of the local wall time year-month-day hour:min at offset; -1
 * when it does not exist (month 1-12, day within the month with leap years,
 * hour 0-23, min 0-59, year 1-9999, offset within +-18 hours). */
int64_t datefmt_from_local(int year, int month, int day, int hour, int min,
			   int offset);

/* "Kamis, 21 November 2024" / "Thursday, 21 November 2024" */
char *datefmt_long(int64_t t, int offset, enum datefmt_lang lang, char *out,
		   size_t len);
/* "21/11/2024, 10:15 WIB" (abbr appended after a space unless NULL/"") */
char *datefmt_short(int64_t t, int offset, const char *abbr, char *out,
		    size_t len);
/* "21 Nov 2024, 10:15 WIB" */
char *datefmt_medium(int64_t t, int offset, enum datefmt_lang lang,
		     const char *abbr, char *out, size_t len);
/* "2024-11-21T10:15:00+07:00" (RFC 3339, always with a +-HH:MM offset,
 * never "Z"; an offset's odd seconds are dropped for it and the time) */
char *datefmt_iso(int64_t t, int offset, char *out, size_t len);
/* "/2024/11/21/": the date part of an article's path, local time. */
char *datefmt_path(int64_t t, int offset, char *out, size_t len);
/* "Thu, 21 Nov 2024 10:15:00 +0700" (RFC 822, English names) */
char *datefmt_rfc822(int64_t t, int offset, char *out, size_t len);
/* "Thu, 21 Nov 2024 03:15:00 GMT" (HTTP date, always UTC) */
char *datefmt_http(int64_t t, char *out, size_t len);
/* Parses an HTTP date in IMF-fixdate form only ("Sun, 06 Nov 1994 08:49:37
 * GMT"); -1 when malformed, out of range, before 1970, or when the weekday
 * does not match the date. */
int64_t datefmt_parse_http(const char *s);

#endif
