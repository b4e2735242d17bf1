/* test_master.c - the supervisor, run in a forked process of its own with
 * stand-in workers: workers counted in shared memory, a killed worker
 * replaced at once, SIGHUP calling the reload hook and rolling the workers,
 * a failing hook keeping them, SIGTERM stopping them all and returning. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "server.h"
#include "shm.h"

/* The reload hook counts its calls in the metrics area; the second call
 * and later fail when fail_after says so. */
struct hook {
	atomic_uint_least64_t calls;
	atomic_uint_least64_t fail;
};

static enum werr
reload(struct app *app, void *arg)
{
	struct hook *h = (void *)app->shm->metrics;
	atomic_fetch_add(&h->calls, 1);
	return atomic_load(&h->fail) ? W_PARSE : W_OK;
}

/* Forks a master of n workers. A worker waits for SIGTERM the way
 * server_serve() does and exits 0. */
static pid_t
start_master(struct shm *shm, unsigned n)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct app app = {.shm = shm};
		struct server_opts o = {.workers = n, .threads = 1,
					.reload = reload};
		struct server_socks socks = {-1, -1};
		bool worker;
		enum werr e = master_run(&app, &o, &socks, NULL, 0, &worker);
		if (worker) {
			sigset_t set;
			int sig;
			sigemptyset(&set);
			sigaddset(&set, SIGTERM);
			sigprocmask(SIG_BLOCK, &set, NULL);
			sigwait(&set, &sig);
			_exit(e == W_OK ? 0 : 3);
		}
		_exit(e == W_OK ? 0 : 2);
	}
	return pid;
}

static void
nap(void)
{
	nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
}

/* Waits up to ms for *c to reach want. */
static bool
reaches(atomic_uint_least64_t *c, uint64_t want, int ms)
{
	for (int t = 0; t < ms; t += 10, nap())
		if (atomic_load(c) >= want)
			return true;
	return atomic_load(c) >= want;
}

/* The master's children, into out (at most max); their number. */
static size_t
children(pid_t master, pid_t *out, size_t max)
{
	char path[64];
	size_t n = 0;
	long pid;

	snprintf(path, sizeof path, "/proc/%ld/task/%ld/children",
		 (long)master, (long)master);
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	while (n < max && fscanf(f, "%ld", &pid) == 1)
		out[n++] = (pid_t)pid;
	fclose(f);
	return n;
}

static void
stop(pid_t master)
{
	int st;
	assert_int_equal(kill(master, SIGTERM), 0);
	assert_int_equal(waitpid(master, &st, 0), master);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

static void
test_replace_reload_stop(void **state)
{
	(void)state;
	struct shm *shm = shm_new();
	assert_non_null(shm);
	struct hook *h = (void *)shm->metrics;
	pid_t master = start_master(shm, 2), kids[8];

	assert_true(reaches(&shm->workers_started, 2, 10000));
	/* Both forked; wait until /proc lists both. */
	for (int t = 0; t < 1000 && children(master, kids, 8) < 2; t += 10)
		nap();
	assert_int_equal(children(master, kids, 8), 2);
	pid_t victim = kids[0], other = kids[1];

	/* A killed worker is replaced at once, and counted. */
	assert_int_equal(kill(victim, SIGKILL), 0);
	assert_true(reaches(&shm->workers_restarted, 1, 1000));
	assert_true(reaches(&shm->workers_started, 3, 1000));
	for (int t = 0; t < 1000 && children(master, kids, 8) != 2; t += 10)
		nap();
	assert_int_equal(children(master, kids, 8), 2);
	assert_true(kids[0] != victim && kids[1] != victim);
	assert_true(kids[0] == other || kids[1] == other);

	/* SIGHUP: the hook runs, two new workers, the old ones go. */
	assert_int_equal(kill(master, SIGHUP), 0);
	assert_true(reaches(&h->calls, 1, 5000));
	assert_true(reaches(&shm->reloads, 1, 5000));
	assert_true(reaches(&shm->workers_started, 5, 5000));
	size_t n = 0;
	for (int t = 0; t < 5000; t += 10, nap()) {
		pid_t now[8];
		n = children(master, now, 8);
		bool fresh = n == 2;
		for (size_t i = 0; i < n; i++)
			fresh &= now[i] != other && now[i] != kids[0] &&
				 now[i] != kids[1];
		if (fresh)
			break;
	}
	assert_int_equal(n, 2);
	/* Rolled workers are not counted as restarted. */
	assert_int_equal(atomic_load(&shm->workers_restarted), 1);

	/* A failing hook keeps the workers. */
	atomic_store(&h->fail, 1);
	assert_int_equal(kill(master, SIGHUP), 0);
	assert_true(reaches(&h->calls, 2, 5000));
	nanosleep(&(struct timespec){0, 300 * 1000 * 1000}, NULL);
	assert_int_equal(atomic_load(&shm->reloads), 1);
	assert_int_equal(atomic_load(&shm->workers_started), 5);

	stop(master);
	shm_free(shm);
}

static void
test_bad_worker_count(void **state)
{
	(void)state;
	struct app app = {0};
	struct server_opts o = {.workers = 0, .threads = 1};
	struct server_socks socks = {-1, -1};
	bool worker = true;

	assert_int_equal(master_run(&app, &o, &socks, NULL, 0, &worker),
			 W_INVAL);
	assert_false(worker);
	o.workers = SERVER_WORKERS_MAX + 1;
	assert_int_equal(master_run(&app, &o, &socks, NULL, 0, &worker),
			 W_INVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replace_reload_stop),
		cmocka_unit_test(test_bad_worker_count),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
