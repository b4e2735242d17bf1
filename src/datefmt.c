/* datefmt.c - calendar arithmetic and date strings, independent of TZ. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "datefmt.h"

/* The process time zone is never consulted: the site's offset is passed in,
 * and the proleptic Gregorian calendar below is computed from scratch. */

#define DAY 86400
/* 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: four-digit years keep
 * every string a fixed shape and every intermediate far from overflow. */
#define T_MIN (-62135596800LL)
#define T_MAX 253402300799LL
/* Real zones lie within +-14 h; anything larger is a caller's bug. */
#define OFFSET_MAX (18 * 3600)

static const char *const days_id[7] = {
	"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu",
};
static const char *const days_en[7] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday",
};
static const char *const days_en3[7] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
};
static const char *const months_id[12] = {
	"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	"Agustus", "September", "Oktober", "November", "Desember",
};
static const char *const months_en[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};
static const char *const months_id3[12] = {
	"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt",
	"Nov", "Des",
};
static const char *const months_en3[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec",
};

static int64_t
floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30,
				      31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : mdays[m - 1];
}

/* Days since 1970-01-01 of y-m-d. The year is taken to start on 1 March so
 * that the leap day falls at its end; days then repeat every 400 years
 * (146097 days), and within such an era the count is a closed formula. */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	if (m <= 2)
		y--;
	int64_t era = floor_div(y, 400);
	int64_t yoe = y - era * 400; /* 0-399 */
	int64_t mp = m > 2 ? m - 3 : m + 9; /* March = 0 */
	int64_t doy = (153 * mp + 2) / 5 + d - 1; /* 0-365 */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	/* 719468 days separate 0000-03-01 from 1970-01-01. */
	return era * 146097 + doe - 719468;
}

/* The inverse of days_from_civil(). */
static void
civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = floor_div(z, 146097);
	int64_t doe = z - era * 146097; /* 0-146096 */
	/* Undo the leap days of the era to find the year in it. */
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* 0 = Sunday for a count of days since 1970-01-01, a Thursday. */
static int
weekday(int64_t days)
{
	return (int)((days % 7 + 7 + 4) % 7);
}

static int64_t
clamp(int64_t v, int64_t lo, int64_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void
datefmt_local(int64_t t, int offset, struct local_date *out)
{
	int64_t lt = clamp(t, T_MIN, T_MAX) +
		     clamp(offset, -OFFSET_MAX, OFFSET_MAX);
	lt = clamp(lt, T_MIN, T_MAX);
	int64_t days = floor_div(lt, DAY);
	int64_t secs = lt - days * DAY;

	civil_from_days(days, &out->year, &out->month, &out->day);
	out->hour = (int)(secs / 3600);
	out->min = (int)(secs / 60 % 60);
	out->sec = (int)(secs % 60);
	out->wday = weekday(days);
}

int64_t
datefmt_from_local(int year, int month, int day, int hour, int min,
		   int offset)
{
	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
	    day > month_days(year, month) || hour < 0 || hour > 23 ||
	    min < 0 || min > 59 || offset < -OFFSET_MAX ||
	    offset > OFFSET_MAX)
		return -1;
	return days_from_civil(year, month, day) * DAY + hour * 3600 +
	       min * 60 - offset;
}

/* RFC 3339 and RFC 822 offsets have whole minutes; the local time shown
 * beside one must use the same, truncated, offset to stay consistent. */
static int
whole_minutes(int offset)
{
	offset = (int)clamp(offset, -OFFSET_MAX, OFFSET_MAX);
	return offset - offset % 60;
}

/* A bounded string writer: what snprintf(out, len, ...) would write for
 * the fixed shapes below (truncated, always terminated when len > 0), at a
 * fraction of the cost; cards on every listing format several dates. */
struct out {
	char *p, *end; /* end: the last byte, kept for the terminator */
};

static struct out
out_start(char *buf, size_t len)
{
	return (struct out){buf, len ? buf + len - 1 : buf};
}

static void
put_c(struct out *o, char c)
{
	if (o->p < o->end)
		*o->p++ = c;
}

static void
put_s(struct out *o, const char *s)
{
	while (*s && o->p < o->end)
		*o->p++ = *s++;
}

/* v (0 <= v < 10^9) in decimal, zero-padded to at least width digits. */
static void
put_n(struct out *o, int v, int width)
{
	char d[10];
	int n = 0;

	do
		d[n++] = (char)('0' + v % 10);
	while ((v /= 10) > 0 && n < 9);
	while (n < width && n < 9)
		d[n++] = '0';
	while (n > 0)
		put_c(o, d[--n]);
}

static char *
out_end(struct out *o, char *buf, size_t len)
{
	if (len)
		*o->p = '\0';
	return buf;
}

/* The month's index into the name tables. datefmt_local() always yields
 * 1-12; the modulo lets the compiler see the bound too. */
static unsigned
mon(const struct local_date *d)
{
	return (unsigned)(d->month - 1) % 12;
}

char *
datefmt_long(int64_t t, int offset, enum datefmt_lang lang, char *out,
	     size_t len)
{
	struct local_date d;

	datefmt_local(t, offset, &d);
	snprintf(out, len, "%s, %d %s %04d",
		 (lang == LANG_EN ? days_en : days_id)[(unsigned)d.wday % 7], d.day,
		 (lang == LANG_EN ? months_en : months_id)[mon(&d)],
		 d.year);
	return out;
}

/* The zone abbreviation is optional; no dangling space without one. */
static const char *
abbr_sep(const char *abbr)
{
	return abbr && *abbr ? " " : "";
}

char *
datefmt_short(int64_t t, int offset, const char *abbr, char *out, size_t len)
{
	struct local_date d;

	datefmt_local(t, offset, &d);
	struct out o = out_start(out, len);
	put_n(&o, d.day, 2);
	put_c(&o, '/');
	put_n(&o, d.month, 2);
	put_c(&o, '/');
	put_n(&o, d.year, 4);
	put_s(&o, ", ");
	put_n(&o, d.hour, 2);
	put_c(&o, ':');
	put_n(&o, d.min, 2);
	put_s(&o, abbr_sep(abbr));
	put_s(&o, abbr ? abbr : "");
	return out_end(&o, out, len);
}

char *
datefmt_medium(int64_t t, int offset, enum datefmt_lang lang,
	       const char *abbr, char *out, size_t len)
{
	struct local_date d;

	datefmt_local(t, offset, &d);
	snprintf(out, len, "%d %s %04d, %02d:%02d%s%s", d.day,
		 (lang == LANG_EN ? months_en3 : months_id3)[mon(&d)],
		 d.year, d.hour, d.min, abbr_sep(abbr), abbr ? abbr : "");
	return out;
}

char *
datefmt_iso(int64_t t, int offset, char *out, size_t len)
{
	struct local_date d;
	int off = whole_minutes(offset);
	int a = off < 0 ? -off : off;

	datefmt_local(t, off, &d);
	struct out o = out_start(out, len);
	put_n(&o, d.year, 4);
	put_c(&o, '-');
	put_n(&o, d.month, 2);
	put_c(&o, '-');
	put_n(&o, d.day, 2);
	put_c(&o, 'T');
	put_n(&o, d.hour, 2);
	put_c(&o, ':');
	put_n(&o, d.min, 2);
	put_c(&o, ':');
	put_n(&o, d.sec, 2);
	put_c(&o, off < 0 ? '-' : '+');
	put_n(&o, a / 3600, 2);
	put_c(&o, ':');
	put_n(&o, a / 60 % 60, 2);
	return out_end(&o, out, len);
}

char *
datefmt_path(int64_t t, int offset, char *out, size_t len)
{
	struct local_date d;

	datefmt_local(t, offset, &d);
	struct out o = out_start(out, len);
	put_c(&o, '/');
	put_n(&o, d.year, 4);
	put_c(&o, '/');
	put_n(&o, d.month, 2);
	put_c(&o, '/');
	put_n(&o, d.day, 2);
	put_c(&o, '/');
	return out_end(&o, out, len);
}

/* "Thu, 21 Nov 2024 10:15:00 " then the zone, shared by RFC 822 and HTTP. */
static int
rfc822_prefix(const struct local_date *d, char *out, size_t len)
{
	return snprintf(out, len, "%s, %02d %s %04d %02d:%02d:%02d ",
			days_en3[d->wday], d->day, months_en3[d->month - 1],
			d->year, d->hour, d->min, d->sec);
}

char *
datefmt_rfc822(int64_t t, int offset, char *out, size_t len)
{
	struct local_date d;
	int off = whole_minutes(offset);
	int a = off < 0 ? -off : off;
	int n;

	datefmt_local(t, off, &d);
	n = rfc822_prefix(&d, out, len);
	if (n > 0 && (size_t)n < len)
		snprintf(out + n, len - (size_t)n, "%c%02d%02d",
			 off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
	return out;
}

char *
datefmt_http(int64_t t, char *out, size_t len)
{
	struct local_date d;
	int n;

	datefmt_local(t, 0, &d);
	n = rfc822_prefix(&d, out, len);
	if (n > 0 && (size_t)n < len)
		snprintf(out + n, len - (size_t)n, "GMT");
	return out;
}

/* Index in names[count] of the three-letter name at s, or -1. */
static int
lookup(const char *s, const char *const *names, int count)
{
	for (int i = 0; i < count; i++)
		if (memcmp(s, names[i], 3) == 0)
			return i;
	return -1;
}

/* The decimal value of the n digits at s, or -1 if any is not a digit. */
static int
digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int64_t
datefmt_parse_http(const char *s)
{
	/* IMF-fixdate only (RFC 9110 5.6.7): senders must produce it, and
	 * the obsolete RFC 850 and asctime forms are not worth the risk of a
	 * lenient parser for a conditional-request header. */
	static const char shape[] = "Sun, 06 Nov 1994 08:49:37 GMT";
	int wday, day, mon, year, hour, min, sec;
	int64_t t;

	if (!s || strlen(s) != sizeof shape - 1)
		return -1;
	if (memcmp(s + 3, ", ", 2) != 0 || s[7] != ' ' || s[11] != ' ' ||
	    s[16] != ' ' || s[19] != ':' || s[22] != ':' ||
	    memcmp(s + 25, " GMT", 4) != 0)
		return -1;
	wday = lookup(s, days_en3, 7);
	mon = lookup(s + 8, months_en3, 12);
	day = digits(s + 5, 2);
	year = digits(s + 12, 4);
	hour = digits(s + 17, 2);
	min = digits(s + 20, 2);
	sec = digits(s + 23, 2);
	/* Years before 1970 are refused: their times are negative and one of
	 * them would be indistinguishable from the error value. */
	if (wday < 0 || mon < 0 || day < 1 || year < 1970 || hour < 0 ||
	    min < 0 || sec < 0 || sec > 59)
		return -1;
	t = datefmt_from_local(year, mon + 1, day, hour, min, 0);
	if (t < 0)
		return -1;
	t += sec;
	/* A weekday that contradicts the date means a broken sender. */
	if (weekday(floor_div(t, DAY)) != wday)
		return -1;
	return t;
}
