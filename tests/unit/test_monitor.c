/* test_monitor.c - who may read /healthz and /metrics. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "monitor.h"

static bool
allowed(const char *token, const char *addr, const char *authorization)
{
	struct arena a;
	struct req req;
	struct app app = {.monitor_token = token};

	arena_init(&a);
	memset(&req, 0, sizeof req);
	req.arena = &a;
	req.remote_addr = addr;
	if (authorization)
		req_add_header(&req, "Authorization", authorization);
	bool ok = monitor_allowed(&app, &req);
	arena_fini(&a);
	return ok;
}

static void
test_loopback_only_by_default(void **state)
{
	assert_true(allowed(NULL, "127.0.0.1", NULL));
	assert_true(allowed(NULL, "127.3.2.1", NULL));
	assert_true(allowed(NULL, "::1", NULL));
	assert_true(allowed(NULL, "::ffff:127.0.0.1", NULL));
	assert_false(allowed(NULL, "10.0.0.1", NULL));
	assert_false(allowed(NULL, "203.0.113.9", NULL));
	assert_false(allowed(NULL, "::ffff:10.0.0.1", NULL));
	assert_false(allowed(NULL, "2001:db8::1", NULL));
	assert_false(allowed(NULL, "::2", NULL));
	/* Not an address at all, or none (a FastCGI request without
	 * REMOTE_ADDR): refused. */
	assert_false(allowed(NULL, "127.0.0.1.evil", NULL));
	assert_false(allowed(NULL, "localhost", NULL));
	assert_false(allowed(NULL, "", NULL));
	assert_false(allowed(NULL, NULL, NULL));
	/* Without a configured token no header opens the pages. */
	assert_false(allowed(NULL, "203.0.113.9", "Bearer "));
	assert_false(allowed(NULL, "203.0.113.9", "Bearer (null)"));
}

static void
test_token(void **state)
{
	const char *tok = "s3cret-token-0123456789";
	assert_true(allowed(tok, "203.0.113.9", "Bearer s3cret-token-0123456789"));
	assert_false(allowed(tok, "203.0.113.9", "Bearer s3cret-token-012345678"));
	assert_false(allowed(tok, "203.0.113.9",
			     "Bearer s3cret-token-01234567890"));
	assert_false(allowed(tok, "203.0.113.9", "bearer s3cret-token-0123456789"));
	assert_false(allowed(tok, "203.0.113.9", "Basic s3cret-token-0123456789"));
	assert_false(allowed(tok, "203.0.113.9", "s3cret-token-0123456789"));
	assert_false(allowed(tok, "203.0.113.9", NULL));
	/* Loopback stays open with a token configured. */
	assert_true(allowed(tok, "127.0.0.1", NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_loopback_only_by_default),
	    cmocka_unit_test(test_token),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
