/* test_fcgi_head.c - the FastCGI head check: well-formed heads from nginx's
 * shape at every split, and each way a head can be refused, the libfcgi
 * crash record first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "fcgi_head.h"

struct rec {
	unsigned char b[FCGI_HEAD_MAX + 4096];
	size_t n;
};

static void
record(struct rec *r, int type, unsigned id, const void *c, size_t clen,
       size_t plen)
{
	unsigned char *h = r->b + r->n;
	assert_true(r->n + 8 + clen + plen <= sizeof r->b);
	h[0] = 1;
	h[1] = (unsigned char)type;
	h[2] = (unsigned char)(id >> 8);
	h[3] = (unsigned char)id;
	h[4] = (unsigned char)(clen >> 8);
	h[5] = (unsigned char)clen;
	h[6] = (unsigned char)plen;
	h[7] = 0;
	if (clen)
		memcpy(h + 8, c, clen);
	memset(h + 8 + clen, 0, plen);
	r->n += 8 + clen + plen;
}

static void
begin(struct rec *r, unsigned id, unsigned role)
{
	unsigned char b[8] = {(unsigned char)(role >> 8), (unsigned char)role,
			      0, 0, 0, 0, 0, 0};
	record(r, 1, id, b, 8, 0);
}

/* Appends one name-value pair in FastCGI's length encoding. */
static size_t
pair(unsigned char *out, const char *name, size_t vlen, char fill)
{
	size_t nl = strlen(name), k = 0;
	for (int i = 0; i < 2; i++) {
		size_t l = i == 0 ? nl : vlen;
		if (l < 128) {
			out[k++] = (unsigned char)l;
		} else {
			out[k++] = (unsigned char)(0x80 | l >> 24);
			out[k++] = (unsigned char)(l >> 16);
			out[k++] = (unsigned char)(l >> 8);
			out[k++] = (unsigned char)l;
		}
	}
	memcpy(out + k, name, nl);
	memset(out + k + nl, fill, vlen);
	return k + nl + vlen;
}

static enum fcgi_head
check(const struct rec *r, const char **why)
{
	return fcgi_head_check(r->b, r->n, why);
}

/* A head like nginx's: BEGIN_REQUEST, the parameters in one record with
 * padding, an empty PARAMS, then STDIN (not part of the head). Every
 * prefix is MORE, the whole is OK. */
static void
test_nginx_shape(void **state)
{
	(void)state;
	static struct rec r;
	unsigned char params[2048];
	size_t n = 0;

	r.n = 0;
	begin(&r, 1, 1);
	n += pair(params + n, "REQUEST_METHOD", 3, 'G');
	n += pair(params + n, "REQUEST_URI", 300, 'a'); /* 4-byte length */
	n += pair(params + n, "HTTP_HOST", 9, 'h');
	n += pair(params + n, "HTTP_EMPTY", 0, 'x');
	record(&r, 4, 1, params, n, (8 - n % 8) % 8);
	record(&r, 4, 1, NULL, 0, 0);
	size_t head = r.n;
	record(&r, 5, 1, "a=b", 3, 5);
	for (size_t k = 0; k < head; k++)
		assert_int_equal(fcgi_head_check(r.b, k, NULL), FCGI_HEAD_MORE);
	for (size_t k = head; k <= r.n; k++)
		assert_int_equal(fcgi_head_check(r.b, k, NULL), FCGI_HEAD_OK);
}

/* A pair may span records, and a length may too. */
static void
test_pairs_across_records(void **state)
{
	(void)state;
	static struct rec r;
	unsigned char params[1024];
	size_t n = pair(params, "HTTP_COOKIE", 500, 'c');

	r.n = 0;
	begin(&r, 7, 1);
	record(&r, 4, 7, params, 2, 0); /* half a 4-byte length */
	record(&r, 4, 7, params + 2, 100, 4);
	record(&r, 4, 7, params + 102, n - 102, 0);
	record(&r, 4, 7, NULL, 0, 0);
	assert_int_equal(check(&r, NULL), FCGI_HEAD_OK);
}

/* The record that aborts libfcgi: two lengths of 0x40000000 right after
 * BEGIN_REQUEST. Refused from its first 8 content bytes, whatever
 * follows. */
static void
test_libfcgi_crash_record(void **state)
{
	(void)state;
	static struct rec r;
	static const unsigned char lens[8] = {0xc0, 0, 0, 0, 0xc0, 0, 0, 0};
	const char *why = NULL;

	r.n = 0;
	begin(&r, 1, 1);
	record(&r, 4, 1, lens, sizeof lens, 0);
	assert_int_equal(check(&r, &why), FCGI_HEAD_BAD);
	assert_non_null(why);
	/* Announced longer than it is: still refused at once. */
	r.b[16 + 4] = 0x10;
	assert_int_equal(check(&r, &why), FCGI_HEAD_BAD);
	/* Each length alone within limits but the sum past them. */
	unsigned char two[8] = {0x80, 0, 0x80, 0, 0x80, 0, 0x80, 0};
	r.n = 0;
	begin(&r, 1, 1);
	record(&r, 4, 1, two, sizeof two, 0);
	assert_int_equal(check(&r, NULL), FCGI_HEAD_BAD);
}

static void
test_refusals(void **state)
{
	(void)state;
	static struct rec r;
	unsigned char params[64];
	size_t n = pair(params, "A", 3, 'b');
	const char *why;

	/* Management record (id 0) first. */
	r.n = 0;
	record(&r, 9, 0, params, n, 0);
	assert_int_equal(check(&r, &why), FCGI_HEAD_BAD);
	/* Version 2. */
	r.n = 0;
	begin(&r, 1, 1);
	r.b[0] = 2;
	assert_int_equal(check(&r, &why), FCGI_HEAD_BAD);
	/* Authorizer role. */
	r.n = 0;
	begin(&r, 1, 2);
	assert_int_equal(check(&r, &why), FCGI_HEAD_BAD);
	/* Request id 0. */
	r.n = 0;
	begin(&r, 0, 1);
	assert_int_equal(check(&r, &why), FCGI_HEAD_BAD);
	/* BEGIN_REQUEST of the wrong length. */
	r.n = 0;
	record(&r, 1, 1, params, 4, 0);
	assert_int_equal(check(&r, &why), FCGI_HEAD_BAD);
	/* STDIN before the parameters end. */
	r.n = 0;
	begin(&r, 1, 1);
	record(&r, 4, 1, params, n, 0);
	record(&r, 5, 1, "x", 1, 0);
	assert_int_equal(check(&r, &why), FCGI_HEAD_BAD);
	/* PARAMS of another request id. */
	r.n = 0;
	begin(&r, 1, 1);
	record(&r, 4, 2, params, n, 0);
	assert_int_equal(check(&r, &why), FCGI_HEAD_BAD);
	/* A second BEGIN_REQUEST. */
	r.n = 0;
	begin(&r, 1, 1);
	begin(&r, 1, 1);
	assert_int_equal(check(&r, &why), FCGI_HEAD_BAD);
	/* The stream ends inside a pair. */
	r.n = 0;
	begin(&r, 1, 1);
	record(&r, 4, 1, params, n - 1, 0);
	record(&r, 4, 1, NULL, 0, 0);
	assert_int_equal(check(&r, &why), FCGI_HEAD_BAD);
	assert_string_equal(why, "PARAMS end inside a pair");
}

/* Parameters past FCGI_PARAMS_MAX in total, in pairs that are each
 * fine. */
static void
test_too_many_params(void **state)
{
	(void)state;
	static struct rec r;
	static unsigned char params[60000];
	size_t n = 0;

	r.n = 0;
	begin(&r, 1, 1);
	while (n < FCGI_PARAMS_MAX + 1000)
		n += pair(params + n, "HTTP_X", 1000, 'v');
	record(&r, 4, 1, params, n, 0);
	record(&r, 4, 1, NULL, 0, 0);
	assert_int_equal(check(&r, NULL), FCGI_HEAD_BAD);
	/* Just under: fine. */
	r.n = 0;
	n = 0;
	begin(&r, 1, 1);
	while (n + 1100 < FCGI_PARAMS_MAX)
		n += pair(params + n, "HTTP_X", 1000, 'v');
	record(&r, 4, 1, params, n, 0);
	record(&r, 4, 1, NULL, 0, 0);
	assert_int_equal(check(&r, NULL), FCGI_HEAD_OK);
}

/* A head of many tiny records runs past FCGI_HEAD_MAX before its
 * parameters do. */
static void
test_head_too_long(void **state)
{
	(void)state;
	static struct rec r;
	r.n = 0;
	begin(&r, 1, 1);
	while (r.n < FCGI_HEAD_MAX + 64)
		record(&r, 4, 1, "\0\0", 2, 200);
	assert_int_equal(check(&r, NULL), FCGI_HEAD_BAD);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nginx_shape),
		cmocka_unit_test(test_pairs_across_records),
		cmocka_unit_test(test_libfcgi_crash_record),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_too_many_params),
		cmocka_unit_test(test_head_too_long),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
