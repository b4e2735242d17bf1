/* test_datefmt.c - Indonesian and machine date strings, without TZ. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "datefmt.h"

#define WIB 25200
#define WITA 28800
#define WIT 32400
/* 2024-11-21 03:15:00 UTC, a Thursday. */
#define T0 1732158900LL

static void
test_long(void **state)
{
	char out[64];

	(void)state;
	assert_string_equal(datefmt_long(T0, WIB, LANG_ID, out, sizeof out),
			    "Kamis, 21 November 2024");
	assert_string_equal(datefmt_long(T0, WIB, LANG_EN, out, sizeof out),
			    "Thursday, 21 November 2024");
	/* Every weekday name, Sunday 2024-11-24 to Saturday 2024-11-30. */
	static const char *const id[7] = {
		"Minggu, 24 November 2024", "Senin, 25 November 2024",
		"Selasa, 26 November 2024", "Rabu, 27 November 2024",
		"Kamis, 28 November 2024", "Jumat, 29 November 2024",
		"Sabtu, 30 November 2024",
	};
	static const char *const en[7] = {
		"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
		"Friday", "Saturday",
	};
	for (int i = 0; i < 7; i++) {
		int64_t t = T0 + (3 + i) * 86400LL;
		assert_string_equal(datefmt_long(t, WIB, LANG_ID, out,
						 sizeof out),
				    id[i]);
		datefmt_long(t, WIB, LANG_EN, out, sizeof out);
		assert_memory_equal(out, en[i], strlen(en[i]));
		assert_int_equal(out[strlen(en[i])], ',');
	}
}

static void
test_months(void **state)
{
	static const char *const id[12] = {
		"Januari", "Februari", "Maret", "April", "Mei", "Juni",
		"Juli", "Agustus", "September", "Oktober", "November",
		"Desember",
	};
	static const char *const id3[12] = {
		"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep",
		"Okt", "Nov", "Des",
	};
	static const char *const en3[12] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
		"Oct", "Nov", "Dec",
	};
	char out[64], want[64];

	(void)state;
	for (int m = 1; m <= 12; m++) {
		int64_t t = datefmt_from_local(2025, m, 15, 9, 5, WIB);
		char *p;

		assert_true(t > 0);
		p = strchr(datefmt_long(t, WIB, LANG_ID, out, sizeof out), ' ');
		snprintf(want, sizeof want, " 15 %s 2025", id[m - 1]);
		assert_string_equal(p, want);
		snprintf(want, sizeof want, "15 %s 2025, 09:05 WIB",
			 id3[m - 1]);
		assert_string_equal(datefmt_medium(t, WIB, LANG_ID, "WIB", out,
						   sizeof out),
				    want);
		snprintf(want, sizeof want, "15 %s 2025, 09:05 WIB",
			 en3[m - 1]);
		assert_string_equal(datefmt_medium(t, WIB, LANG_EN, "WIB", out,
						   sizeof out),
				    want);
	}
}

static void
test_short_medium(void **state)
{
	char out[64];

	(void)state;
	assert_string_equal(datefmt_short(T0, WIB, "WIB", out, sizeof out),
			    "21/11/2024, 10:15 WIB");
	assert_string_equal(datefmt_short(T0, WITA, "WITA", out, sizeof out),
			    "21/11/2024, 11:15 WITA");
	assert_string_equal(datefmt_short(T0, WIT, "WIT", out, sizeof out),
			    "21/11/2024, 12:15 WIT");
	assert_string_equal(datefmt_short(T0, 0, NULL, out, sizeof out),
			    "21/11/2024, 03:15");
	assert_string_equal(datefmt_short(T0, 0, "", out, sizeof out),
			    "21/11/2024, 03:15");
	/* Zero-padded day and month, as on Indonesian sites. */
	assert_string_equal(datefmt_short(1557718920, WIB, "WIB", out,
					  sizeof out),
			    "13/05/2019, 10:42 WIB");
	assert_string_equal(datefmt_medium(T0, WIB, LANG_ID, "WIB", out,
					   sizeof out),
			    "21 Nov 2024, 10:15 WIB");
	assert_string_equal(datefmt_medium(1629392460, WIB, LANG_ID, "WIB",
					   out, sizeof out),
			    "20 Agu 2021, 00:01 WIB");
	assert_string_equal(datefmt_medium(1629392460, WIB, LANG_EN, NULL,
					   out, sizeof out),
			    "20 Aug 2021, 00:01");
}

static void
test_machine(void **state)
{
	char out[64];

	(void)state;
	assert_string_equal(datefmt_iso(T0, WIB, out, sizeof out),
			    "2024-11-21T10:15:00+07:00");
	assert_string_equal(datefmt_iso(T0, 0, out, sizeof out),
			    "2024-11-21T03:15:00+00:00");
	assert_string_equal(datefmt_iso(T0, WIT, out, sizeof out),
			    "2024-11-21T12:15:00+09:00");
	assert_string_equal(datefmt_iso(T0, -5 * 3600, out, sizeof out),
			    "2024-11-20T22:15:00-05:00");
	assert_string_equal(datefmt_iso(T0, -(3 * 3600 + 1800), out,
					sizeof out),
			    "2024-11-20T23:45:00-03:30");
	assert_string_equal(datefmt_iso(T0, 5 * 3600 + 2700, out, sizeof out),
			    "2024-11-21T09:00:00+05:45");
	/* An offset with odd seconds is shown, and applied, to the minute. */
	assert_string_equal(datefmt_iso(T0, WIB + 59, out, sizeof out),
			    "2024-11-21T10:15:00+07:00");
	assert_string_equal(datefmt_rfc822(T0, WIB, out, sizeof out),
			    "Thu, 21 Nov 2024 10:15:00 +0700");
	assert_string_equal(datefmt_rfc822(T0, -(9 * 3600 + 1800), out,
					   sizeof out),
			    "Wed, 20 Nov 2024 17:45:00 -0930");
	assert_string_equal(datefmt_rfc822(0, 0, out, sizeof out),
			    "Thu, 01 Jan 1970 00:00:00 +0000");
	assert_string_equal(datefmt_http(T0, out, sizeof out),
			    "Thu, 21 Nov 2024 03:15:00 GMT");
	assert_string_equal(datefmt_http(784111777, out, sizeof out),
			    "Sun, 06 Nov 1994 08:49:37 GMT");
	/* WIB turns the day over before UTC does. */
	assert_string_equal(datefmt_path(T0 + 14 * 3600, WIB, out, sizeof out),
			    "/2024/11/22/");
	assert_string_equal(datefmt_path(T0 + 14 * 3600, 0, out, sizeof out),
			    "/2024/11/21/");
}

static void
test_boundaries(void **state)
{
	char out[64];

	(void)state;
	/* 20:00 UTC is already the next day in WIB. */
	assert_string_equal(datefmt_long(1732219200, WIB, LANG_ID, out,
					 sizeof out),
			    "Jumat, 22 November 2024");
	assert_string_equal(datefmt_long(1732219200, 0, LANG_ID, out,
					 sizeof out),
			    "Kamis, 21 November 2024");
	assert_string_equal(datefmt_short(1732219200, WIB, "WIB", out,
					  sizeof out),
			    "22/11/2024, 03:00 WIB");
	/* Year boundary: 2024-12-31 17:00 UTC is New Year in WIB. */
	assert_string_equal(datefmt_iso(1735664400, WIB, out, sizeof out),
			    "2025-01-01T00:00:00+07:00");
	assert_string_equal(datefmt_long(1735664400 - 1, WIB, LANG_ID, out,
					 sizeof out),
			    "Selasa, 31 Desember 2024");
	assert_string_equal(datefmt_long(1735664400, WIB, LANG_ID, out,
					 sizeof out),
			    "Rabu, 1 Januari 2025");
	/* Leap day. */
	assert_string_equal(datefmt_long(1709139600, WIB, LANG_ID, out,
					 sizeof out),
			    "Kamis, 29 Februari 2024");
	assert_string_equal(datefmt_long(1709139600 - 1, WIB, LANG_ID, out,
					 sizeof out),
			    "Rabu, 28 Februari 2024");
	assert_string_equal(datefmt_iso(951782400, 0, out, sizeof out),
			    "2000-02-29T00:00:00+00:00");
	assert_string_equal(datefmt_iso(4107542400 - 1, 0, out, sizeof out),
			    "2100-02-28T23:59:59+00:00");
	/* Epoch, and times before it. */
	assert_string_equal(datefmt_long(0, 0, LANG_ID, out, sizeof out),
			    "Kamis, 1 Januari 1970");
	assert_string_equal(datefmt_iso(0, WIB, out, sizeof out),
			    "1970-01-01T07:00:00+07:00");
	assert_string_equal(datefmt_iso(-1, 0, out, sizeof out),
			    "1969-12-31T23:59:59+00:00");
	assert_string_equal(datefmt_long(-1, 0, LANG_ID, out, sizeof out),
			    "Rabu, 31 Desember 1969");
	assert_string_equal(datefmt_iso(-25200, WIB, out, sizeof out),
			    "1970-01-01T00:00:00+07:00");
	assert_string_equal(datefmt_http(2147483648LL, out, sizeof out),
			    "Tue, 19 Jan 2038 03:14:08 GMT");
}

static void
test_local(void **state)
{
	struct local_date d;

	(void)state;
	datefmt_local(T0, WITA, &d);
	assert_int_equal(d.year, 2024);
	assert_int_equal(d.month, 11);
	assert_int_equal(d.day, 21);
	assert_int_equal(d.hour, 11);
	assert_int_equal(d.min, 15);
	assert_int_equal(d.sec, 0);
	assert_int_equal(d.wday, 4);
	datefmt_local(-86400 * 4, 0, &d);
	assert_int_equal(d.wday, 0);
	assert_int_equal(d.day, 28);
	assert_int_equal(d.month, 12);
	assert_int_equal(d.year, 1969);
}

static void
test_extremes(void **state)
{
	char out[64];

	(void)state;
	/* Clamped to four-digit years; no overflow on the way. */
	assert_string_equal(datefmt_iso(INT64_MAX, WIT, out, sizeof out),
			    "9999-12-31T23:59:59+09:00");
	assert_string_equal(datefmt_iso(INT64_MIN, -WIT, out, sizeof out),
			    "0001-01-01T00:00:00-09:00");
	assert_string_equal(datefmt_long(253402300799LL, 0, LANG_EN, out,
					 sizeof out),
			    "Friday, 31 December 9999");
	assert_string_equal(datefmt_long(-62135596800LL, 0, LANG_EN, out,
					 sizeof out),
			    "Monday, 1 January 0001");
	datefmt_iso(T0, INT32_MAX, out, sizeof out);
	assert_string_equal(out + 19, "+18:00");
	datefmt_iso(T0, INT32_MIN, out, sizeof out);
	assert_string_equal(out + 19, "-18:00");
}

static void
test_truncation(void **state)
{
	char out[8];

	(void)state;
	memset(out, 'X', sizeof out);
	assert_string_equal(datefmt_long(T0, WIB, LANG_ID, out, 6), "Kamis");
	assert_int_equal(out[6], 'X');
	assert_string_equal(datefmt_rfc822(T0, WIB, out, sizeof out),
			    "Thu, 21");
	assert_string_equal(datefmt_http(T0, out, 1), "");
	/* The hand-written formats truncate like snprintf. */
	memset(out, 'X', sizeof out);
	assert_string_equal(datefmt_iso(T0, WIB, out, 6), "2024-");
	assert_int_equal(out[6], 'X');
	assert_string_equal(datefmt_short(T0, WIB, "WIB", out, sizeof out),
			    "21/11/2");
	assert_string_equal(datefmt_path(T0, WIB, out, sizeof out), "/2024/1");
	assert_string_equal(datefmt_iso(T0, WIB, out, 1), "");
	memset(out, 'X', sizeof out);
	(void)datefmt_short(T0, WIB, NULL, out, 0);
	assert_int_equal(out[0], 'X');
}

static void
test_from_local(void **state)
{
	(void)state;
	assert_int_equal(datefmt_from_local(2024, 11, 21, 10, 15, WIB), T0);
	assert_int_equal(datefmt_from_local(2024, 11, 21, 11, 15, WITA), T0);
	assert_int_equal(datefmt_from_local(2024, 11, 21, 3, 15, 0), T0);
	assert_int_equal(datefmt_from_local(1970, 1, 1, 7, 0, WIB), 0);
	assert_int_equal(datefmt_from_local(1970, 1, 1, 0, 0, WIB), -25200);
	assert_int_equal(datefmt_from_local(2025, 1, 1, 0, 0, WIB),
			 1735664400);
	assert_int_equal(datefmt_from_local(2024, 2, 29, 0, 0, WIB),
			 1709139600);
	assert_int_equal(datefmt_from_local(2000, 2, 29, 0, 0, 0), 951782400);
	assert_int_equal(datefmt_from_local(1, 1, 1, 0, 0, 0),
			 -62135596800LL);
	assert_int_equal(datefmt_from_local(9999, 12, 31, 23, 59, 0),
			 253402300799LL - 59);

	assert_int_equal(datefmt_from_local(2023, 2, 29, 0, 0, WIB), -1);
	assert_int_equal(datefmt_from_local(1900, 2, 29, 0, 0, WIB), -1);
	assert_int_equal(datefmt_from_local(2100, 2, 29, 0, 0, WIB), -1);
	assert_int_equal(datefmt_from_local(2024, 4, 31, 0, 0, WIB), -1);
	assert_int_equal(datefmt_from_local(2024, 2, 30, 0, 0, WIB), -1);
	assert_int_equal(datefmt_from_local(2024, 1, 32, 0, 0, WIB), -1);
	assert_int_equal(datefmt_from_local(2024, 1, 0, 0, 0, WIB), -1);
	assert_int_equal(datefmt_from_local(2024, 0, 1, 0, 0, WIB), -1);
	assert_int_equal(datefmt_from_local(2024, 13, 1, 0, 0, WIB), -1);
	assert_int_equal(datefmt_from_local(2024, 1, 1, 24, 0, WIB), -1);
	assert_int_equal(datefmt_from_local(2024, 1, 1, -1, 0, WIB), -1);
	assert_int_equal(datefmt_from_local(2024, 1, 1, 0, 60, WIB), -1);
	assert_int_equal(datefmt_from_local(2024, 1, 1, 0, -1, WIB), -1);
	assert_int_equal(datefmt_from_local(0, 1, 1, 0, 0, 0), -1);
	assert_int_equal(datefmt_from_local(10000, 1, 1, 0, 0, 0), -1);
	assert_int_equal(datefmt_from_local(INT32_MIN, INT32_MIN, INT32_MIN,
					    INT32_MIN, INT32_MIN, INT32_MIN),
			 -1);
	assert_int_equal(datefmt_from_local(2024, 1, 1, 0, 0, INT32_MAX), -1);
}

static void
test_parse_http(void **state)
{
	static const char *const bad[] = {
		"",
		"Sun, 06 Nov 1994 08:49:37 GM",
		"Sun, 06 Nov 1994 08:49:37 GMT ",
		" Sun, 06 Nov 1994 08:49:37 GMT",
		"Sun, 06 Nov 1994 08:49:37 UTC",
		"Sun, 06 Nov 1994 08:49:37 gmt",
		"sun, 06 Nov 1994 08:49:37 GMT",
		"Mon, 06 Nov 1994 08:49:37 GMT", /* wrong weekday */
		"Sun, 6 Nov 1994 08:49:37 GMT",
		"Sunday, 06-Nov-94 08:49:37 GMT", /* RFC 850 */
		"Sun Nov  6 08:49:37 1994",       /* asctime */
		"Sun, 06 Nov 1994 08:49:37 +0000",
		"Sun, 06 nov 1994 08:49:37 GMT",
		"Sun, 06 Xyz 1994 08:49:37 GMT",
		"Sun, 00 Nov 1994 08:49:37 GMT",
		"Thu, 31 Nov 1994 08:49:37 GMT",
		"Sat, 29 Feb 2025 08:49:37 GMT",
		"Sun, 06 Nov 1994 24:00:00 GMT",
		"Sun, 06 Nov 1994 08:60:37 GMT",
		"Sun, 06 Nov 1994 08:49:60 GMT",
		"Sun, 06 Nov 1994 08:49:-1 GMT",
		"Sun, 06 Nov 1994 08:49:3x GMT",
		"Sun, 06 Nov 1994 08-49-37 GMT",
		"Sun,,06 Nov 1994 08:49:37 GMT",
		"Wed, 31 Dec 1969 23:59:59 GMT", /* before the epoch */
		"Sun, 06 Nov +994 08:49:37 GMT",
		"<script>alert(\"x\")</script>'",
		"\xff\xfe\xfd, 06 Nov 1994 08:49:37 GMT",
	};
	char out[64];

	(void)state;
	assert_int_equal(datefmt_parse_http("Sun, 06 Nov 1994 08:49:37 GMT"),
			 784111777);
	assert_int_equal(datefmt_parse_http("Thu, 01 Jan 1970 00:00:00 GMT"),
			 0);
	assert_int_equal(datefmt_parse_http("Thu, 29 Feb 2024 00:00:00 GMT"),
			 1709164800);
	assert_int_equal(datefmt_parse_http("Fri, 31 Dec 9999 23:59:59 GMT"),
			 253402300799LL);
	assert_int_equal(datefmt_parse_http(NULL), -1);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (datefmt_parse_http(bad[i]) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
	}
	/* Round trip over a spread of times. */
	for (int64_t t = 0; t < 4102444800LL; t += 7777777) {
		datefmt_http(t, out, sizeof out);
		assert_int_equal(datefmt_parse_http(out), t);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_long),
		cmocka_unit_test(test_months),
		cmocka_unit_test(test_short_medium),
		cmocka_unit_test(test_machine),
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_local),
		cmocka_unit_test(test_extremes),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_from_local),
		cmocka_unit_test(test_parse_http),
	};
	/* Nothing may depend on the process time zone. */
	setenv("TZ", "America/St_Johns", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
