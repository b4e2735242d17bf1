/* master.c - the supervisor of `warta serve`: a small process that holds
 * the listening sockets and keeps N worker processes running, the way nginx
 * and php-fpm do. It never serves a request itself, so no request can take
 * it down; a worker that dies (a crash, an abort inside a library, kill -9)
 * is replaced, and the other workers' requests are not disturbed.
 *
 * Signals: SIGTERM/SIGINT stop the workers gracefully and return; SIGHUP
 * reloads (opts->reload) and rolls the workers; SIGUSR2 re-executes the
 * binary in this same process (same pid, for systemd), passing it the
 * sockets and the running workers' pids. See docs/operating.md. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "server.h"
#include "shm.h"

/* A worker that dies younger than this died young. After two such deaths
 * in a row its replacement waits this long after the last start, so that a
 * worker failing at start-up is not forked in a tight loop; any other dead
 * worker is replaced at once. */
#define RESPAWN_GAP_MS 1000
/* How long stopping waits for workers to finish their requests (the HTTP
 * front end itself gives them 20 s) before killing them. */
#define STOP_GRACE_MS 30000
/* How often the loop wakes without a signal, to start due replacements. */
#define TICK_MS 100

#define OLD_MAX (2 * SERVER_WORKERS_MAX)

struct slot {
	pid_t pid; /* 0: none running */
	int64_t started_ms;
	unsigned young_deaths; /* in a row */
};

struct master {
	struct app *app;
	const struct server_opts *opts;
	const struct server_socks *socks;
	struct slot slot[SERVER_WORKERS_MAX];
	pid_t old[OLD_MAX]; /* asked to stop, not yet reaped */
	size_t nold;
	pid_t self;
	sigset_t orig_mask;
};

static int64_t
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Sets up a freshly forked worker: it dies with the master (a worker left
 * behind would keep serving an old binary with nobody to stop it), leaves
 * SIGHUP and SIGUSR2 to the master (a terminal's hangup reaches the whole
 * process group), and gets back the signal mask the master changed. False
 * when the master is already gone. */
static bool
worker_setup(struct master *m)
{
	struct sigaction sa;

	if (prctl(PR_SET_PDEATHSIG, SIGTERM) != 0 || getppid() != m->self)
		return false;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &sa, NULL);
	sigprocmask(SIG_SETMASK, &m->orig_mask, NULL);
	return true;
}

/* Forks the worker of slot i. Returns true in the new worker (which then
 * leaves the master's loop), false in the master. */
static bool
spawn(struct master *m, size_t i, bool *failed_child)
{
	pid_t pid = fork();

	m->slot[i].started_ms = now_ms();
	if (pid < 0) {
		fprintf(stderr, "warta: master: fork: %s\n", strerror(errno));
		m->slot[i].pid = 0;
		return false;
	}
	if (pid == 0) {
		*failed_child = !worker_setup(m);
		return true;
	}
	m->slot[i].pid = pid;
	if (m->app->shm)
		atomic_fetch_add(&m->app->shm->workers_started, 1);
	fprintf(stderr, "warta: worker %ld started\n", (long)pid);
	return false;
}

/* Logs how worker pid ended, with what the master does about it. */
static void
describe(pid_t pid, int status, const char *then)
{
	if (WIFSIGNALED(status))
		fprintf(stderr, "warta: worker %ld killed by signal %d%s\n",
			(long)pid, WTERMSIG(status), then);
	else
		fprintf(stderr, "warta: worker %ld exited with %d%s\n",
			(long)pid, WEXITSTATUS(status), then);
}

/* Reaps every worker that has ended. One in a slot, unless the master is
 * stopping, is counted as restarted; spawn_due() replaces it. */
static void
reap(struct master *m, bool stopping)
{
	pid_t pid;
	int status;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		bool found = false;
		for (size_t i = 0; i < m->opts->workers; i++) {
			if (m->slot[i].pid != pid)
				continue;
			found = true;
			m->slot[i].pid = 0;
			if (now_ms() - m->slot[i].started_ms < RESPAWN_GAP_MS)
				m->slot[i].young_deaths++;
			else
				m->slot[i].young_deaths = 0;
			if (stopping) {
				describe(pid, status, "");
			} else {
				describe(pid, status, "; replacing it");
				if (m->app->shm)
					atomic_fetch_add(
					    &m->app->shm->workers_restarted, 1);
			}
		}
		for (size_t i = 0; !found && i < m->nold; i++) {
			if (m->old[i] != pid)
				continue;
			found = true;
			describe(pid, status, "");
			m->old[i] = m->old[--m->nold];
		}
	}
}

/* Starts the workers whose slot is empty and whose gap has passed. True
 * in a new worker. */
static bool
spawn_due(struct master *m, bool *failed_child)
{
	int64_t now = now_ms();

	for (size_t i = 0; i < m->opts->workers; i++) {
		struct slot *s = &m->slot[i];
		if (s->pid == 0 &&
		    (s->young_deaths < 2 ||
		     now - s->started_ms >= RESPAWN_GAP_MS) &&
		    spawn(m, i, failed_child))
			return true;
	}
	return false;
}

/* Moves the running workers to the old list and asks them to stop: they
 * finish their requests; the new ones already accept. */
static void
retire(struct master *m)
{
	for (size_t i = 0; i < m->opts->workers; i++) {
		pid_t pid = m->slot[i].pid;
		if (pid == 0)
			continue;
		if (m->nold < OLD_MAX) {
			m->old[m->nold++] = pid;
			kill(pid, SIGTERM);
		} else {
			/* Never with SERVER_WORKERS_MAX workers and one roll at
			 * a time; a worker we cannot track must not run on. */
			kill(pid, SIGKILL);
		}
		m->slot[i].pid = 0;
		m->slot[i].young_deaths = 0;
	}
}

/* Re-executes the binary in this process with the sockets and the
 * workers' pids in the environment (server.c takes them); the new master
 * starts its own workers and stops these. Returns only on failure, with
 * everything as it was. */
static void
reexec(struct master *m)
{
	const int fds[2] = {m->socks->http, m->socks->fastcgi};
	static const char *const names[2] = {"WARTA_INHERIT_HTTP",
					     "WARTA_INHERIT_FASTCGI"};
	char num[2][16], pids[OLD_MAX * 12 + 1] = "";
	size_t len = 0;

	for (size_t i = 0; i < m->opts->workers; i++)
		if (m->slot[i].pid)
			len += (size_t)snprintf(pids + len, sizeof pids - len,
						"%ld ", (long)m->slot[i].pid);
	for (size_t i = 0; i < m->nold && len < sizeof pids; i++)
		len += (size_t)snprintf(pids + len, sizeof pids - len, "%ld ",
					(long)m->old[i]);
	for (int i = 0; i < 2; i++) {
		if (fds[i] < 0)
			continue;
		int fl = fcntl(fds[i], F_GETFD);
		snprintf(num[i], sizeof num[i], "%d", fds[i]);
		if (fl < 0 || fcntl(fds[i], F_SETFD, fl & ~FD_CLOEXEC) != 0 ||
		    setenv(names[i], num[i], 1) != 0)
			goto undo;
	}
	if (setenv("WARTA_INHERIT_WORKERS", pids, 1) != 0)
		goto undo;
	fprintf(stderr, "warta: master: re-executing %s\n", m->opts->exe);
	/* With the master's signals still blocked: exec keeps them blocked
	 * and pending, so a SIGTERM sent meanwhile waits for the new
	 * master's loop instead of killing the process between the two. */
	execv(m->opts->exe, m->opts->argv);
	fprintf(stderr, "warta: master: cannot execute %s: %s\n", m->opts->exe,
		strerror(errno));
undo:
	for (int i = 0; i < 2; i++) {
		if (fds[i] < 0)
			continue;
		int fl = fcntl(fds[i], F_GETFD);
		if (fl >= 0)
			(void)fcntl(fds[i], F_SETFD, fl | FD_CLOEXEC);
		unsetenv(names[i]);
	}
	unsetenv("WARTA_INHERIT_WORKERS");
}

static bool
any_left(const struct master *m)
{
	for (size_t i = 0; i < m->opts->workers; i++)
		if (m->slot[i].pid)
			return true;
	return m->nold > 0;
}

/* Asks every worker to stop, waits for them (killing stragglers after
 * STOP_GRACE_MS), and returns once none is left. */
static void
stop_all(struct master *m, const sigset_t *set)
{
	int64_t deadline = now_ms() + STOP_GRACE_MS;
	bool killed = false;

	for (size_t i = 0; i < m->opts->workers; i++)
		if (m->slot[i].pid)
			kill(m->slot[i].pid, SIGTERM);
	for (size_t i = 0; i < m->nold; i++)
		kill(m->old[i], SIGTERM);
	reap(m, true);
	while (any_left(m)) {
		struct timespec ts = {0, TICK_MS * 1000000L};
		(void)sigtimedwait(set, NULL, &ts);
		reap(m, true);
		if (!killed && now_ms() > deadline && any_left(m)) {
			fprintf(stderr, "warta: master: workers still busy "
					"after %d s; killing them\n",
				STOP_GRACE_MS / 1000);
			for (size_t i = 0; i < m->opts->workers; i++)
				if (m->slot[i].pid)
					kill(m->slot[i].pid, SIGKILL);
			for (size_t i = 0; i < m->nold; i++)
				kill(m->old[i], SIGKILL);
			killed = true;
		}
	}
}

enum werr
master_run(struct app *app, const struct server_opts *opts,
	   const struct server_socks *socks, const pid_t *old, size_t nold,
	   bool *worker)
{
	struct master m = {.app = app, .opts = opts, .socks = socks};
	sigset_t set;
	bool failed_child = false;

	*worker = false;
	if (opts->workers < 1 || opts->workers > SERVER_WORKERS_MAX) {
		fprintf(stderr, "warta: master: %u workers?\n", opts->workers);
		return W_INVAL;
	}
	m.self = getpid();
	/* Every signal the master acts on waits for sigtimedwait(): no
	 * handlers, nothing async-signal-unsafe. */
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGUSR2);
	if (sigprocmask(SIG_BLOCK, &set, &m.orig_mask) != 0) {
		fprintf(stderr, "warta: master: cannot block signals\n");
		return W_INVAL;
	}
	/* What workers start with: none of the master's signals blocked,
	 * even when this master was re-executed with them blocked. */
	sigdelset(&m.orig_mask, SIGCHLD);
	sigdelset(&m.orig_mask, SIGTERM);
	sigdelset(&m.orig_mask, SIGINT);
	sigdelset(&m.orig_mask, SIGHUP);
	sigdelset(&m.orig_mask, SIGUSR2);
	if (app->shm)
		atomic_store(&app->shm->started_at, (uint64_t)time(NULL));
	fprintf(stderr, "warta: master %ld, %u worker%s of %u threads\n",
		(long)m.self, opts->workers, opts->workers == 1 ? "" : "s",
		opts->threads);

	if (spawn_due(&m, &failed_child))
		goto child;
	/* A predecessor's workers (SIGUSR2) stop once ours are forked; until
	 * they have, both generations accept on the same sockets. */
	for (size_t i = 0; i < nold && m.nold < OLD_MAX; i++) {
		m.old[m.nold++] = old[i];
		kill(old[i], SIGTERM);
	}
	for (;;) {
		struct timespec ts = {0, TICK_MS * 1000000L};
		int sig = sigtimedwait(&set, NULL, &ts);
		reap(&m, false);
		if (sig == SIGTERM || sig == SIGINT) {
			fprintf(stderr, "warta: stopping\n");
			stop_all(&m, &set);
			break;
		}
		if (sig == SIGHUP) {
			enum werr e = opts->reload
					  ? opts->reload(app, opts->reload_arg)
					  : W_OK;
			if (e == W_OK) {
				fprintf(stderr, "warta: master: reloaded; "
						"rolling the workers\n");
				if (app->shm)
					atomic_fetch_add(&app->shm->reloads,
							 1);
				retire(&m);
			} else {
				fprintf(stderr, "warta: master: reload "
						"failed; the workers keep "
						"running as they are\n");
			}
		}
		if (sig == SIGUSR2)
			reexec(&m);
		if (spawn_due(&m, &failed_child))
			goto child;
	}
	sigprocmask(SIG_SETMASK, &m.orig_mask, NULL);
	return W_OK;
child:
	*worker = true;
	return failed_child ? W_IO : W_OK;
}
