/* test_form.c - unit tests for the streaming form parser (form.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "form.h"

#define UE "application/x-www-form-urlencoded"
#define MP "multipart/form-data; boundary=XyZ--b0undary"
#define B "--XyZ--b0undary"
#define CD "Content-Disposition: form-data; "
#define DUMP_MAX 16384

/* Small limits so every one can be crossed cheaply. */
static const struct form_limits small = {
	.max_fields = 4,
	.max_field = 64,
	.max_file = 128,
	.max_total = 4096,
};

/* Appends s[0..n) to out, escaping what is not printable ASCII so that
 * binary values compare as plain strings. */
static void
esc(char *out, size_t size, const char *s, size_t n)
{
	size_t o = strlen(out);

	for (size_t i = 0; i < n && o + 5 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c >= 0x7f || c == '\\')
			o += (size_t)snprintf(out + o, size - o, "\\x%02x", c);
		else
			out[o++] = (char)c;
	}
	out[o] = '\0';
}

/* One line per field: name=value, then [file type] for file parts. Also
 * checks that every value is NUL-terminated at its length. */
static void
dump(const struct form *f, char *out, size_t size)
{
	out[0] = '\0';
	for (size_t i = 0; i < f->n; i++) {
		const struct form_field *x = &f->fields[i];
		assert_non_null(x->name);
		assert_non_null(x->value);
		assert_int_equal(x->value[x->len], '\0');
		if (!x->filename)
			assert_int_equal(strlen(x->value), x->len);
		esc(out, size, x->name, strlen(x->name));
		esc(out, size, "=", 1);
		esc(out, size, x->value, x->len);
		if (x->filename) {
			esc(out, size, "[", 1);
			esc(out, size, x->filename, strlen(x->filename));
			esc(out, size, " ", 1);
			if (x->content_type)
				esc(out, size, x->content_type,
				    strlen(x->content_type));
			esc(out, size, "]", 1);
		} else {
			assert_null(x->content_type);
		}
		strncat(out, "\n", size - strlen(out) - 1);
	}
}

/* Parses body fed in pieces: split at split when chunk is 0, else in chunks
 * of chunk bytes. An error from feed must be the one finish returns. */
static enum werr
parse(struct arena *a, const char *ct, const char *body, size_t len,
      const struct form_limits *lim, size_t split, size_t chunk,
      struct form *out)
{
	enum werr err, fe = W_OK;
	struct form_parser *p = form_parser_new(a, ct, lim, &err);

	assert_non_null(p);
	assert_int_equal(err, W_OK);
	if (chunk == 0) {
		fe = form_parser_feed(p, body, split);
		if (fe == W_OK)
			fe = form_parser_feed(p, body + split, len - split);
	} else {
		for (size_t i = 0; i < len && fe == W_OK; i += chunk) {
			size_t n = len - i < chunk ? len - i : chunk;
			fe = form_parser_feed(p, body + i, n);
		}
	}
	err = form_parser_finish(p, out);
	if (fe != W_OK)
		assert_int_equal(err, fe);
	if (err != W_OK) {
		assert_int_equal(out->n, 0);
		/* Sticky. */
		assert_int_equal(form_parser_feed(p, "a", 1), err);
		assert_int_equal(form_parser_finish(p, out), err);
	}
	return err;
}

/* Parses body in one feed and returns the dump (empty on error). */
static enum werr
parse_dump(const char *ct, const char *body, size_t len,
	   const struct form_limits *lim, char *out)
{
	struct arena a;
	struct form f;
	enum werr err;

	arena_init(&a);
	err = parse(&a, ct, body, len, lim, len, 0, &f);
	if (err == W_OK)
		dump(&f, out, DUMP_MAX);
	else
		out[0] = '\0';
	arena_fini(&a);
	return err;
}

static enum werr
ue(const char *body, const struct form_limits *lim, char *out)
{
	return parse_dump(UE, body, strlen(body), lim, out);
}

/* Feeds body split at every position, one byte at a time and in chunks of
 * every size up to past the delimiter's length: each must give expect. */
static void
all_splits(const char *ct, const char *body, size_t len,
	   const struct form_limits *lim, enum werr expect_err,
	   const char *expect)
{
	char out[DUMP_MAX];
	struct arena a;
	struct form f;

	arena_init(&a);
	for (size_t mode = 0; mode < 2; mode++) {
		size_t last = mode == 0 ? len : 80;
		for (size_t k = mode; k <= last; k++) {
			enum werr err = parse(&a, ct, body, len, lim,
					      mode == 0 ? k : 0,
					      mode == 0 ? 0 : k, &f);
			if (err != expect_err)
				fail_msg("mode %zu at %zu: error %d, not %d",
					 mode, k, err, expect_err);
			if (err == W_OK) {
				dump(&f, out, sizeof out);
				if (strcmp(out, expect) != 0)
					fail_msg("mode %zu at %zu: %s", mode,
						 k, out);
			}
			arena_reset(&a);
		}
	}
	arena_fini(&a);
}

/* --- urlencoded --- */

static void
test_ue_simple(void **state)
{
	char out[DUMP_MAX];
	struct arena a;
	struct form f;

	assert_int_equal(ue("a=1&bb=two", NULL, out), W_OK);
	assert_string_equal(out, "a=1\nbb=two\n");

	arena_init(&a);
	assert_int_equal(parse(&a, UE, "x=1&y=2", 7, NULL, 7, 0, &f), W_OK);
	assert_int_equal(f.n, 2);
	assert_string_equal(form_get(&f, "x"), "1");
	assert_string_equal(form_get(&f, "y"), "2");
	assert_null(form_get(&f, "z"));
	assert_null(form_file(&f, "x"));
	arena_fini(&a);

	assert_int_equal(ue("", NULL, out), W_OK);
	assert_string_equal(out, "");
}

static void
test_ue_plus_percent(void **state)
{
	char out[DUMP_MAX];

	assert_int_equal(ue("q=hello+world&x=a%2Bb&y=%2b", NULL, out), W_OK);
	assert_string_equal(out, "q=hello world\nx=a+b\ny=+\n");
	assert_int_equal(ue("s=%3Cscript%3E%22%27%3c%2F", NULL, out), W_OK);
	assert_string_equal(out, "s=<script>\"'</\n");
	assert_int_equal(ue("a%3Db=c%26d=e", NULL, out), W_OK);
	assert_string_equal(out, "a=b=c&d=e\n");
	/* A textarea's line breaks and tabs survive. */
	assert_int_equal(ue("t=x%0D%0Ay%09z", NULL, out), W_OK);
	assert_string_equal(out, "t=x\\x0d\\x0ay\\x09z\n");
	assert_int_equal(ue("n+m=1", NULL, out), W_OK);
	assert_string_equal(out, "n m=1\n");
}

static void
test_ue_utf8(void **state)
{
	char out[DUMP_MAX];
	struct arena a;
	struct form f;
	const char *body = "kota=Caf%C3%A9&raw=Caf\xc3\xa9";

	assert_int_equal(ue(body, NULL, out), W_OK);
	assert_string_equal(out, "kota=Caf\\xc3\\xa9\nraw=Caf\\xc3\\xa9\n");
	arena_init(&a);
	assert_int_equal(parse(&a, UE, body, strlen(body), NULL, 0, 1, &f),
			 W_OK);
	assert_string_equal(form_get(&f, "kota"), "Caf\xc3\xa9");
	arena_fini(&a);
}

static void
test_ue_invalid(void **state)
{
	static const char *bad[] = {
		"a=%zz",	 "a=%4",	"a=%4&b=1",  "a=%",
		"a=%%41",	 "a=%C3%28",	"a=%C3",     "a=%00",
		"%00=1",	 "a=%ff",	"a=\xff",    "a=%ED%A0%80",
		"a=%C0%AF",	 "a=%01",	"a=%7F",     "a%0A=b",
		"a%09=b",	 "ok=1&a=%G1", "a=%1g",
	};
	char out[DUMP_MAX];

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (ue(bad[i], NULL, out) != W_INVAL)
			fail_msg("accepted %s", bad[i]);
		all_splits(UE, bad[i], strlen(bad[i]), NULL, W_INVAL, "");
	}
}

static void
test_ue_empty_repeated(void **state)
{
	char out[DUMP_MAX];
	struct arena a;
	struct form f;
	const char *body = "&&a=1&&a=2&b=&c&=v&";

	assert_int_equal(ue(body, NULL, out), W_OK);
	assert_string_equal(out, "a=1\na=2\nb=\nc=\n=v\n");
	arena_init(&a);
	assert_int_equal(parse(&a, UE, body, strlen(body), NULL, 3, 0, &f),
			 W_OK);
	assert_int_equal(f.n, 5);
	assert_string_equal(form_get(&f, "a"), "1");
	assert_string_equal(form_get(&f, "b"), "");
	assert_string_equal(form_get(&f, "c"), "");
	assert_string_equal(form_get(&f, ""), "v");
	arena_fini(&a);
	assert_int_equal(ue("&&&", NULL, out), W_OK);
	assert_string_equal(out, "");
}

static void
test_ue_limits(void **state)
{
	char out[DUMP_MAX];
	char big[200];
	struct form_limits lim = small;

	/* Fields: empty pieces do not count. */
	assert_int_equal(ue("a=1&b=2&&c=3&d=4&", &small, out), W_OK);
	assert_int_equal(ue("a=1&b=2&c=3&d=4&e", &small, out), W_TOOBIG);

	/* Decoded length counts, not the raw one. */
	memset(big, 0, sizeof big);
	memcpy(big, "a=", 2);
	memset(big + 2, 'x', 64);
	assert_int_equal(ue(big, &small, out), W_OK);
	big[66] = 'x';
	assert_int_equal(ue(big, &small, out), W_TOOBIG);
	memset(big, 0, sizeof big);
	memcpy(big, "a=", 2);
	for (size_t i = 0; i < 64; i++)
		memcpy(big + 2 + 3 * i, "%41", 3);
	lim.max_total = 1000;
	assert_int_equal(ue(big, &lim, out), W_OK);
	memcpy(big + 2 + 3 * 64, "%41", 3);
	assert_int_equal(ue(big, &lim, out), W_TOOBIG);
	all_splits(UE, big, strlen(big), &lim, W_TOOBIG, "");

	/* Names are bounded too. */
	memset(big, 'n', 65);
	big[65] = '\0';
	assert_int_equal(ue(big, &small, out), W_TOOBIG);

	/* The whole body. */
	lim = small;
	lim.max_total = 9;
	assert_int_equal(ue("a=1&b=234", &lim, out), W_OK);
	assert_int_equal(ue("a=1&b=2345", &lim, out), W_TOOBIG);
	all_splits(UE, "a=1&b=2345", 10, &lim, W_TOOBIG, "");
}

static void
test_ue_splits(void **state)
{
	const char *body = "judul=Banjir+di+%3Cb%3EKota%3C%2Fb%3E&&x=%C3%A9%"
			   "e2%82%ac&isi=a%0D%0Ab&kosong=&last=%2525";

	all_splits(UE, body, strlen(body), NULL, W_OK,
		   "judul=Banjir di <b>Kota</b>\n"
		   "x=\\xc3\\xa9\\xe2\\x82\\xac\n"
		   "isi=a\\x0d\\x0ab\nkosong=\nlast=%25\n");
}

/* --- multipart --- */

/* A body with two text fields and a file whose content holds CRLFs, "--",
 * NULs and near-misses of the delimiter. */
static const char mp_body[] =
	"preamble, ignored\r\n-" B " is only a delimiter at a line start\r\n"
	B "\r\n"
	CD "name=\"title\"\r\n"
	"\r\n"
	"Halo <script>\"'\r\n"
	"\r\n" B "\r\n"
	"content-disposition: form-data; name=\"body\"\r\n"
	"Content-Type: text/plain; charset=UTF-8\r\n"
	"X-Ignored: yes\r\n"
	"\r\n"
	"baris1\r\nbaris2 \xc3\xa9\tend"
	"\r\n" B "  \t\r\n"
	CD "name=\"foto\"; filename=\"a \\\"b\\\".jpg\"\r\n"
	"Content-Type: image/jpeg\r\n"
	"\r\n"
	"\x00\xff\r\n--\r\n-\r\r\n--XyZ--b0undar\r\n--XyZ--b0undarx"
	"x--XyZ--b0undary\r\r\n\r\n-\x00"
	"\r\n" B "--\r\n"
	"epilogue " B "\r\n\xff garbage";

static const char mp_expect[] =
	"title=Halo <script>\"'\\x0d\\x0a\n"
	"body=baris1\\x0d\\x0abaris2 \\xc3\\xa9\\x09end\n"
	"foto=\\x00\\xff\\x0d\\x0a--\\x0d\\x0a-\\x0d\\x0d\\x0a--XyZ--b0undar"
	"\\x0d\\x0a--XyZ--b0undarxx--XyZ--b0undary\\x0d\\x0d\\x0a\\x0d\\x0a-"
	"\\x00[a \"b\".jpg image/jpeg]\n";

static void
test_mp_basic(void **state)
{
	struct arena a;
	struct form f;
	const struct form_field *ff;

	arena_init(&a);
	assert_int_equal(parse(&a, MP, mp_body, sizeof mp_body - 1, NULL,
			       sizeof mp_body - 1, 0, &f),
			 W_OK);
	assert_int_equal(f.n, 3);
	assert_string_equal(form_get(&f, "title"), "Halo <script>\"'\r\n");
	assert_null(form_get(&f, "foto"));
	ff = form_file(&f, "foto");
	assert_non_null(ff);
	assert_string_equal(ff->filename, "a \"b\".jpg");
	assert_string_equal(ff->content_type, "image/jpeg");
	assert_int_equal(ff->len, 66);
	assert_memory_equal(ff->value, "\x00\xff\r\n--", 6);
	assert_null(form_file(&f, "title"));
	arena_fini(&a);
}

static void
test_mp_splits(void **state)
{
	all_splits(MP, mp_body, sizeof mp_body - 1, NULL, W_OK, mp_expect);
}

static void
test_mp_boundary_param(void **state)
{
	static const char *bad[] = {
		"multipart/form-data",
		"multipart/form-data;",
		"multipart/form-data; boundary=",
		"multipart/form-data; boundary=\"\"",
		"multipart/form-data; boundary=\"abc",
		"multipart/form-data; boundary=a b",
		"multipart/form-data; boundary=\"ab \"",
		"multipart/form-data; boundary=a\\b",
		"multipart/form-data; boundary=a; boundary=b",
		"multipart/form-data; boundary",
		"multipart/form-data; boundary =x",
		"multipart/form-data boundary=x",
		"multipart/form-data; boundary=<script>",
		"multipart/form-data; boundary=\"\xc3\xa9\"",
		"multipart/form-data; boundary=12345678901234567890123456789"
		"012345678901234567890123456789012345678901",
	};
	static const char *unsupported[] = {
		"text/plain",
		"application/json",
		"multipart/mixed; boundary=x",
		"multipart/form-dataX; boundary=x",
		"application/x-www-form-urlencodedx",
		"",
	};
	struct arena a;
	enum werr err;

	arena_init(&a);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err = W_OK;
		if (form_parser_new(&a, bad[i], NULL, &err) || err != W_INVAL)
			fail_msg("%s: %d", bad[i], err);
	}
	for (size_t i = 0; i < sizeof unsupported / sizeof unsupported[0];
	     i++) {
		err = W_OK;
		if (form_parser_new(&a, unsupported[i], NULL, &err) ||
		    err != W_UNSUPPORTED)
			fail_msg("%s: %d", unsupported[i], err);
	}
	err = W_OK;
	assert_null(form_parser_new(&a, NULL, NULL, &err));
	assert_int_equal(err, W_UNSUPPORTED);
	assert_non_null(form_parser_new(
		&a,
		"Multipart/Form-Data; boundary=1234567890123456789012345678901"
		"234567890123456789012345678901234567890",
		NULL, &err));
	assert_int_equal(err, W_OK);
	assert_non_null(form_parser_new(
		&a, "application/x-www-form-urlencoded; charset=UTF-8", NULL,
		&err));
	assert_int_equal(err, W_OK);
	arena_fini(&a);
}

static void
test_mp_quoted_boundary(void **state)
{
	static const char body[] =
		"--a'b (c)=?\r\n"
		CD "name=\"a\\\\b\"\r\n"
		"\r\n"
		"v\r\n"
		"--a'b (c)=?--";

	all_splits(" multipart/form-data ; charset=\"x;y\"; BOUNDARY=\"a'b "
		   "(c)=?\"; z=1",
		   body, sizeof body - 1, NULL, W_OK, "a\\x5cb=v\n");
	all_splits("multipart/form-data;boundary=a'b(c)=?",
		   "--a'b(c)=?\r\n" CD "name=\"a\"\r\n\r\nv\r\n--a'b(c)=?--",
		   sizeof("--a'b(c)=?\r\n" CD "name=\"a\"\r\n\r\nv\r\n"
			  "--a'b(c)=?--") - 1,
		   NULL, W_OK, "a=v\n");
}

/* Parses a multipart body (NUL-terminated) with the small limits. */
static enum werr
mp(const char *body, const struct form_limits *lim, char *out)
{
	return parse_dump(MP, body, strlen(body), lim ? lim : &small, out);
}

static void
test_mp_crlf(void **state)
{
	static const char *bad[] = {
		/* Bare LF or CR in the delimiter line or the headers. */
		B "\n" CD "name=\"a\"\r\n\r\nv\r\n" B "--",
		B "\r\n" CD "name=\"a\"\n\nv\r\n" B "--",
		B "\r\n" CD "name=\"a\"\r\n\nv\r\n" B "--",
		B "\r\n" CD "name=\"a\"\r\r\n\r\nv\r\n" B "--",
		B "\r\r\n" CD "name=\"a\"\r\n\r\nv\r\n" B "--",
		/* The closing delimiter needs its CRLF first. */
		B "\r\n" CD "name=\"a\"\r\n\r\nv" B "--",
		/* A delimiter followed by anything else. */
		B "x\r\n" CD "name=\"a\"\r\n\r\nv\r\n" B "--",
		B "\r\n" CD "name=\"a\"\r\n\r\nv\r\n" B "-x",
		B "\r\n" CD "name=\"a\"\r\n\r\nv\r\n" B " x\r\n",
		/* No headers at all. */
		B "\r\n\r\nv\r\n" B "--",
	};
	char out[DUMP_MAX];

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (mp(bad[i], NULL, out) != W_INVAL)
			fail_msg("accepted #%zu", i);
		all_splits(MP, bad[i], strlen(bad[i]), &small, W_INVAL, "");
	}

	/* A leading CRLF, an empty value, LF-only lines inside a value. */
	assert_int_equal(mp("\r\n" B "\r\n" CD "name=\"e\"\r\n\r\n\r\n" B
			    "\r\n" CD "name=\"t\"\r\n\r\nx\ny\n\r\n" B "--",
			    NULL, out),
			 W_OK);
	assert_string_equal(out, "e=\nt=x\\x0ay\\x0a\n");
	/* The value ends before the CRLF of the delimiter, not at a CR. */
	assert_int_equal(mp(B "\r\n" CD "name=\"a\"\r\n\r\n\r\r\n\r\n" B "--",
			    NULL, out),
			 W_OK);
	assert_string_equal(out, "a=\\x0d\\x0d\\x0a\n");
	/* No part at all. */
	assert_int_equal(mp(B "--", NULL, out), W_OK);
	assert_string_equal(out, "");
}

static void
test_mp_truncated(void **state)
{
	struct arena a;
	struct form f;
	/* Where the closing "--" ends. */
	size_t close = sizeof mp_body -
		       sizeof("\r\nepilogue " B "\r\n\xff garbage");

	arena_init(&a);
	for (size_t len = 0; len < close; len++) {
		enum werr err = parse(&a, MP, mp_body, len, NULL, len / 2, 0,
				      &f);
		if (err != W_INVAL)
			fail_msg("prefix %zu: %d", len, err);
		arena_reset(&a);
	}
	assert_int_equal(parse(&a, MP, mp_body, close, NULL, 0, 1, &f), W_OK);
	assert_int_equal(f.n, 3);
	arena_fini(&a);
}

static void
test_mp_header_limit(void **state)
{
	char body[9000], out[DUMP_MAX];
	const char *head = B "\r\n" CD "name=\"a\"\r\nX-Pad: ";
	/* From the line after the delimiter to the blank line. */
	size_t fixed = strlen(CD "name=\"a\"\r\nX-Pad: ") + 4;
	size_t pad = 8192 - fixed;
	struct form_limits lim = small;

	lim.max_total = sizeof body;
	for (int extra = 0; extra < 2; extra++) {
		size_t o = strlen(head);
		memcpy(body, head, o);
		memset(body + o, 'p', pad + (size_t)extra);
		o += pad + (size_t)extra;
		memcpy(body + o, "\r\n\r\nv\r\n" B "--", strlen(B) + 9);
		o += strlen(B) + 9;
		body[o] = '\0';
		assert_int_equal(mp(body, &lim, out),
				 extra ? W_INVAL : W_OK);
		if (!extra)
			assert_string_equal(out, "a=v\n");
	}
}

static void
test_mp_limits(void **state)
{
	char body[1024], val[200], expect[256], out[DUMP_MAX];
	struct form_limits lim = small;

	/* A file of exactly max_file bytes, then one more. */
	memset(val, 'f', sizeof val);
	for (size_t n = 128; n <= 129; n++) {
		int len = snprintf(body, sizeof body,
				   B "\r\n" CD "name=\"f\"; filename=\"f\"\r\n"
				     "\r\n%.*s\r\n" B "--",
				   (int)n, val);
		snprintf(expect, sizeof expect, "f=%.*s[f ]\n", (int)n, val);
		all_splits(MP, body, (size_t)len, &small,
			   n == 128 ? W_OK : W_TOOBIG, expect);
	}
	/* A text field of exactly max_field bytes, then one more. */
	for (size_t n = 64; n <= 65; n++) {
		snprintf(body, sizeof body,
			 B "\r\n" CD "name=\"t\"\r\n\r\n%.*s\r\n" B "--",
			 (int)n, val);
		assert_int_equal(mp(body, NULL, out),
				 n == 64 ? W_OK : W_TOOBIG);
	}
	/* Parts: four fit, five do not. */
	strcpy(body, B);
	for (int i = 0; i < 5; i++) {
		strcat(body, "\r\n" CD "name=\"p\"\r\n\r\nv\r\n" B);
		if (i >= 3) {
			size_t o = strlen(body);
			strcat(body, "--");
			assert_int_equal(mp(body, NULL, out),
					 i == 3 ? W_OK : W_TOOBIG);
			body[o] = '\0';
		}
	}
	strcat(body, "--");
	/* The whole body, however it is fed. */
	lim.max_fields = 10;
	lim.max_total = strlen(body);
	all_splits(MP, body, strlen(body), &lim, W_OK,
		   "p=v\np=v\np=v\np=v\np=v\n");
	lim.max_total = strlen(body) - 1;
	all_splits(MP, body, strlen(body), &lim, W_TOOBIG, "");
}

static void
test_mp_disposition(void **state)
{
	static const char *bad[] = {
		"Content-Disposition: attachment; name=\"a\"",
		"Content-Disposition: form-data; name=a",
		"Content-Disposition: form-data; name=\"a",
		"Content-Disposition: form-data; name=\"a\\",
		"Content-Disposition: form-data",
		"Content-Disposition: form-data; filename=\"x\"",
		"Content-Disposition: form-data; name=\"a\"; name=\"b\"",
		"Content-Disposition: form-data; name=\"a\"; filename=x",
		"Content-Disposition: form-data; name=\"a\"; filename=\"x\"; "
		"filename=\"y\"",
		"Content-Disposition: form-data name=\"a\"",
		"Content-Disposition: form-data; =\"a\"",
		"Content-Disposition: form-data; name",
		"Content-Disposition: form-data; name=\"a\" x",
		"Content-Disposition: form-data; name=\"a\"; x=",
		"Content-Disposition: form-data; name=\"a\"; x=\"y",
		"Content-Disposition form-data; name=\"a\"",
		" Content-Disposition: form-data; name=\"a\"",
		"Content-Disposition: form-data; name=\"\xff\"",
		"Content-Disposition: form-data; name=\"a\tb\"",
		"Content-Disposition: form-data; name=\"a\x01\"",
		"Content-Disposition: form-data; name=\"a\"; "
		"filename=\"\xc3(\"",
		"Content-Type: text/plain",
		"Content-Disposition: form-data; name=\"a\"\r\n"
		"Content-Disposition: form-data; name=\"b\"",
		"Content-Disposition: form-data; name=\"a\"; filename=\"f\"\r\n"
		"Content-Type: a\r\nContent-Type: b",
		"Content-Disposition: form-data; name=\"a\"\r\nX-\x7f: 1",
		"Content-Disposition: form-data; name=\"a\"\r\n: 1",
	};
	static const char *good[][2] = {
		{"CONTENT-DISPOSITION:FORM-DATA;NAME=\"a\"", "a=v\n"},
		{"Content-Disposition: form-data ;name=\"a\" ; ", "a=v\n"},
		{"Content-Disposition: form-data; name=\"a\"; foo=bar; "
		 "x=\"y;z\\\"\"; filename*=UTF-8''x",
		 "a=v\n"},
		{"Content-Disposition: form-data; name=\"<script>\\\"'\"",
		 "<script>\"'=v\n"},
		{"Content-Disposition: form-data; name=\"\"", "=v\n"},
		{"Content-Disposition: form-data; name=\"a\"; "
		 "filename=\"x\"\r\ncontent-type:  application/octet-stream \t",
		 "a=v[x application/octet-stream]\n"},
		{"Content-Disposition: form-data; name=\"a\"; filename=\"x\"",
		 "a=v[x ]\n"},
		{"X-Before: 1\r\nContent-Disposition: form-data; name=\"a\"\r\n"
		 "Content-Type: text/plain",
		 "a=v\n"},
	};
	char body[512], out[DUMP_MAX];

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(body, sizeof body, B "\r\n%s\r\n\r\nv\r\n" B "--",
			 bad[i]);
		if (mp(body, NULL, out) != W_INVAL)
			fail_msg("accepted #%zu", i);
	}
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		snprintf(body, sizeof body, B "\r\n%s\r\n\r\nv\r\n" B "--",
			 good[i][0]);
		assert_int_equal(mp(body, NULL, out), W_OK);
		assert_string_equal(out, good[i][1]);
	}
}

static void
test_mp_empty_filename(void **state)
{
	static const char body[] =
		B "\r\n"
		CD "name=\"foto\"; filename=\"\"\r\n"
		"Content-Type: application/octet-stream\r\n\r\n"
		"\r\n" B "\r\n"
		CD "name=\"foto\"; filename=\"b.png\"\r\n\r\n"
		"PNG\r\n" B "--";
	static const char only[] =
		B "\r\n"
		CD "name=\"foto\"; filename=\"\"\r\n"
		"Content-Type: application/octet-stream\r\n\r\n"
		"\r\n" B "--\r\n";
	struct arena a;
	struct form f;
	const struct form_field *ff;

	arena_init(&a);
	assert_int_equal(parse(&a, MP, body, sizeof body - 1, NULL, 0, 3, &f),
			 W_OK);
	assert_int_equal(f.n, 2);
	assert_string_equal(f.fields[0].filename, "");
	assert_int_equal(f.fields[0].len, 0);
	ff = form_file(&f, "foto");
	assert_ptr_equal(ff, &f.fields[1]);
	assert_string_equal(ff->filename, "b.png");
	assert_null(ff->content_type);
	assert_null(form_get(&f, "foto"));
	arena_reset(&a);

	/* Only the empty one: no file, and no text value either. */
	assert_int_equal(parse(&a, MP, only, sizeof only - 1, NULL, 0, 5, &f),
			 W_OK);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.fields[0].filename, "");
	assert_null(form_file(&f, "foto"));
	assert_null(form_get(&f, "foto"));
	arena_fini(&a);
}

static void
test_mp_epilogue(void **state)
{
	char out[DUMP_MAX];
	static const char body[] =
		B "\r\n" CD "name=\"a\"\r\n\r\n1\r\n" B "--\r\n"
		B "\r\n" CD "name=\"b\"\r\n\r\n2\r\n" B "--\xff\x00 junk";

	assert_int_equal(parse_dump(MP, body, sizeof body - 1, &small, out),
			 W_OK);
	assert_string_equal(out, "a=1\n");
	all_splits(MP, body, sizeof body - 1, &small, W_OK, "a=1\n");
}

static void
test_mp_text_utf8(void **state)
{
	char out[DUMP_MAX];
	static const char bad[] =
		B "\r\n" CD "name=\"a\"\r\n\r\nCaf\xc3\r\n" B "--";
	static const char nul[] =
		B "\r\n" CD "name=\"a\"\r\n\r\nx\x00y\r\n" B "--";
	static const char ctl[] =
		B "\r\n" CD "name=\"a\"\r\n\r\nx\x1b[31m\r\n" B "--";
	static const char file[] =
		B "\r\n" CD "name=\"a\"; filename=\"x.bin\"\r\n\r\n"
		  "Caf\xc3\x00\x1b\r\n" B "--";

	assert_int_equal(parse_dump(MP, bad, sizeof bad - 1, &small, out),
			 W_INVAL);
	assert_int_equal(parse_dump(MP, nul, sizeof nul - 1, &small, out),
			 W_INVAL);
	assert_int_equal(parse_dump(MP, ctl, sizeof ctl - 1, &small, out),
			 W_INVAL);
	assert_int_equal(parse_dump(MP, file, sizeof file - 1, &small, out),
			 W_OK);
	assert_string_equal(out, "a=Caf\\xc3\\x00\\x1b[x.bin ]\n");
}

static void
test_many_fields(void **state)
{
	char body[512], out[DUMP_MAX], expect[512];
	struct arena a;
	struct form f;
	struct form_parser *p;
	enum werr err;

	body[0] = expect[0] = '\0';
	for (int i = 0; i < 40; i++) {
		snprintf(body + strlen(body), sizeof body - strlen(body),
			 "f%d=%d&", i, i);
		snprintf(expect + strlen(expect),
			 sizeof expect - strlen(expect), "f%d=%d\n", i, i);
	}
	assert_int_equal(ue(body, NULL, out), W_OK);
	assert_string_equal(out, expect);

	/* Feeding after the end is a caller's bug, reported as such. */
	arena_init(&a);
	p = form_parser_new(&a, UE, NULL, &err);
	assert_non_null(p);
	assert_int_equal(form_parser_feed(p, "a=1", 3), W_OK);
	assert_int_equal(form_parser_finish(p, &f), W_OK);
	assert_int_equal(f.n, 1);
	assert_int_equal(form_parser_feed(p, "&b=2", 4), W_INVAL);
	assert_int_equal(form_parser_finish(p, &f), W_INVAL);
	assert_int_equal(f.n, 0);
	arena_fini(&a);
}

static void
test_default_limits(void **state)
{
	assert_int_equal(form_default_limits.max_fields, 200);
	assert_int_equal(form_default_limits.max_field, 256 * 1024);
	assert_int_equal(form_default_limits.max_file, 10 * 1024 * 1024);
	assert_int_equal(form_default_limits.max_total, 10 * 1024 * 1024);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ue_simple),
		cmocka_unit_test(test_ue_plus_percent),
		cmocka_unit_test(test_ue_utf8),
		cmocka_unit_test(test_ue_invalid),
		cmocka_unit_test(test_ue_empty_repeated),
		cmocka_unit_test(test_ue_limits),
		cmocka_unit_test(test_ue_splits),
		cmocka_unit_test(test_mp_basic),
		cmocka_unit_test(test_mp_splits),
		cmocka_unit_test(test_mp_boundary_param),
		cmocka_unit_test(test_mp_quoted_boundary),
		cmocka_unit_test(test_mp_crlf),
		cmocka_unit_test(test_mp_truncated),
		cmocka_unit_test(test_mp_header_limit),
		cmocka_unit_test(test_mp_limits),
		cmocka_unit_test(test_mp_disposition),
		cmocka_unit_test(test_mp_empty_filename),
		cmocka_unit_test(test_mp_epilogue),
		cmocka_unit_test(test_mp_text_utf8),
		cmocka_unit_test(test_many_fields),
		cmocka_unit_test(test_default_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
