/* test_shm.c - the shared region: zeroed, and shared with a forked child. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cmocka.h>

#include "shm.h"

static void
test_zeroed(void **state)
{
	(void)state;
	struct shm *s = shm_new();
	assert_non_null(s);
	assert_int_equal(atomic_load(&s->workers_started), 0);
	assert_int_equal(atomic_load(&s->workers_restarted), 0);
	for (size_t i = 0; i < SHM_METRICS_SIZE; i++)
		if (s->metrics[i] != 0)
			fail_msg("metrics byte %zu is %d", i, s->metrics[i]);
	assert_int_equal((uintptr_t)s->metrics % 64, 0);
	shm_free(s);
	shm_free(NULL);
}

/* What children add is seen by the parent: the region is shared, not
 * copied on write. */
static void
test_shared_across_fork(void **state)
{
	(void)state;
	enum { CHILDREN = 4, ADDS = 10000 };
	struct shm *s = shm_new();
	assert_non_null(s);
	atomic_uint_least64_t *counter = (void *)s->metrics;
	pid_t pids[CHILDREN];

	for (int i = 0; i < CHILDREN; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0) {
			for (int j = 0; j < ADDS; j++)
				atomic_fetch_add(counter, 1);
			atomic_fetch_add(&s->workers_started, 1);
			_exit(0);
		}
	}
	for (int i = 0; i < CHILDREN; i++) {
		int st;
		assert_int_equal(waitpid(pids[i], &st, 0), pids[i]);
		assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	assert_int_equal(atomic_load(counter), CHILDREN * ADDS);
	assert_int_equal(atomic_load(&s->workers_started), CHILDREN);
	shm_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zeroed),
		cmocka_unit_test(test_shared_across_fork),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
