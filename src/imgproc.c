/* imgproc.c - running the warta-picture helper (imgproc.h). */
#define _GNU_SOURCE /* posix_spawn_file_actions_addclosefrom_np, pipe2 */
#include "imgproc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>


extern char **environ;

/* Matches image.h: the helper exits with this plus the refusal. */
#define EXIT_BASE 10
#define EXIT_IO 15

int
imgproc_init(struct imgproc *p, const char *exe, bool slot)
{
	memset(p, 0, sizeof *p);
	p->max_pixels = 50000000;
	p->timeout_s = 60;
	/* A 50 MP picture decoded is 150 MB, and libvips and glibc reserve
	 * address space per thread: the limit is on address space, far
	 * above what is touched (docs/pictures.md has the measured peak). */
	p->mem_mb = 2048;
	p->cpu_s = 30;
	const char *slash = exe ? strrchr(exe, '/') : NULL;
	struct stat st;
	if (slash &&
	    snprintf(p->helper, sizeof p->helper, "%.*s/%s",
		     (int)(slash - exe), exe,
		     IMGPROC_HELPER) < (int)sizeof p->helper &&
	    stat(p->helper, &st) == 0 && S_ISREG(st.st_mode) &&
	    (st.st_mode & 0111)) {
		/* found */
	} else {
		fprintf(stderr, "warta: pictures: no %s beside %s; uploads "
				"will fail\n",
			IMGPROC_HELPER, exe ? exe : "warta");
		p->helper[0] = '\0';
	}
	if (slot) {
		if (sem_init(&p->slot, 0, 1) != 0) {
			fprintf(stderr, "warta: pictures: sem_init: %s\n",
				strerror(errno));
			return -1;
		}
		p->slotted = true;
	}
	return 0;
}

void
imgproc_fini(struct imgproc *p)
{
	if (p && p->slotted) {
		sem_destroy(&p->slot);
		p->slotted = false;
	}
}

static int64_t
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
take(struct imgproc *p)
{
	if (p->slotted)
		while (sem_wait(&p->slot) != 0 && errno == EINTR)
			;
}

static void
give(struct imgproc *p)
{
	if (p->slotted)
		sem_post(&p->slot);
}

/* Runs the helper with args, feeding it in (len bytes, may be 0) and
 * reading up to outcap - 1 bytes of its standard output into out. Returns
 * its exit status, or -1 when it could not run, was killed (a signal, the
 * time limit) or its output did not fit (logged). */
static int
run_piped(struct imgproc *p, char *const args[], const void *in, size_t len,
	  char *out, size_t outcap)
{
	int to[2] = {-1, -1}, from[2] = {-1, -1};
	posix_spawn_file_actions_t fa;
	bool fa_made = false;
	pid_t pid = -1;
	int status = -1;
	size_t got = 0, sent = 0;
	const unsigned char *src = in;

	out[0] = '\0';
	if (!p->helper[0])
		return -1;
	if (pipe2(to, O_CLOEXEC) != 0 || pipe2(from, O_CLOEXEC) != 0) {
		fprintf(stderr, "warta: pictures: pipe: %s\n", strerror(errno));
		goto out;
	}
	if (posix_spawn_file_actions_init(&fa) != 0)
		goto out;
	fa_made = true;
	/* Standard input and output are the pipes; standard error is ours
	 * (the helper's complaints go to the daemon's log); nothing else of
	 * the daemon's (sockets, the database) reaches the helper. */
	if (posix_spawn_file_actions_adddup2(&fa, to[0], 0) != 0 ||
	    posix_spawn_file_actions_adddup2(&fa, from[1], 1) != 0 ||
	    posix_spawn_file_actions_addclosefrom_np(&fa, 3) != 0)
		goto out;
	int rc = posix_spawn(&pid, p->helper, &fa, NULL, args, environ);
	if (rc != 0) {
		fprintf(stderr, "warta: pictures: cannot run %s: %s\n",
			p->helper, strerror(rc));
		pid = -1;
		goto out;
	}
	close(to[0]);
	close(from[1]);
	to[0] = from[1] = -1;
	if (len == 0) {
		close(to[1]);
		to[1] = -1;
	} else {
		/* Never block on a helper that stops reading: poll says
		 * when it can take more. */
		fcntl(to[1], F_SETFL, O_NONBLOCK);
	}

	int64_t deadline = now_ms() + (int64_t)p->timeout_s * 1000;
	bool eof = false, overflow = false;
	while (!eof) {
		struct pollfd pf[2] = {{from[0], POLLIN, 0}, {to[1], POLLOUT, 0}};
		int64_t left = deadline - now_ms();
		if (left <= 0) {
			fprintf(stderr, "warta: pictures: %s took over %d s; "
					"killed\n",
				p->helper, p->timeout_s);
			break;
		}
		int n = poll(pf, to[1] >= 0 ? 2 : 1, (int)left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		if (to[1] >= 0 && (pf[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
			ssize_t w = (pf[1].revents & POLLOUT)
					    ? write(to[1], src + sent,
						    len - sent)
					    : -1;
			if (w > 0)
				sent += (size_t)w;
			if ((w < 0 && errno != EAGAIN && errno != EINTR) ||
			    sent == len) {
				close(to[1]);
				to[1] = -1;
			}
		}
		if (pf[0].revents & (POLLIN | POLLHUP | POLLERR)) {
			char tmp[256];
			ssize_t r = read(from[0], tmp, sizeof tmp);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0) {
				eof = true;
				continue;
			}
			if (got + (size_t)r >= outcap) {
				overflow = true;
				break;
			}
			memcpy(out + got, tmp, (size_t)r);
			got += (size_t)r;
			out[got] = '\0';
		}
	}
	if (!eof)
		kill(pid, SIGKILL);
	int ws;
	while (waitpid(pid, &ws, 0) < 0)
		if (errno != EINTR) {
			fprintf(stderr, "warta: pictures: waitpid: %s\n",
				strerror(errno));
			pid = -1;
			goto out;
		}
	pid = -1;
	if (eof && !overflow && WIFEXITED(ws))
		status = WEXITSTATUS(ws);
	else if (WIFSIGNALED(ws))
		fprintf(stderr, "warta: pictures: %s died of signal %d\n",
			p->helper, WTERMSIG(ws));
	else if (overflow)
		fprintf(stderr, "warta: pictures: %s said too much\n",
			p->helper);
out:
	if (fa_made)
		posix_spawn_file_actions_destroy(&fa);
	for (int i = 0; i < 2; i++) {
		if (to[i] >= 0)
			close(to[i]);
		if (from[i] >= 0)
			close(from[i]);
	}
	return status;
}

/* run_piped with SIGPIPE held back on this thread: a helper that exits
 * before it has read everything (a refusal from the header alone) must not
 * kill the worker, whether or not the front end ignores SIGPIPE. */
static int
run(struct imgproc *p, char *const args[], const void *in, size_t len,
    char *out, size_t outcap)
{
	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	int st = run_piped(p, args, in, len, out, outcap);
	if (!sigismember(&old, SIGPIPE)) {
		struct timespec zero = {0, 0};
		while (sigtimedwait(&set, NULL, &zero) > 0)
			;
		pthread_sigmask(SIG_SETMASK, &old, NULL);
	}
	return st;
}

/* Fills the limits' arguments; the buffers live in the caller. */
struct argbuf {
	char mem[24], cpu[24], pixels[24], focal[24], size[32];
};

static void
fill_limits(struct imgproc *p, struct argbuf *b, int fx, int fy)
{
	snprintf(b->mem, sizeof b->mem, "%d", p->mem_mb);
	snprintf(b->cpu, sizeof b->cpu, "%d", p->cpu_s);
	snprintf(b->pixels, sizeof b->pixels, "%lld",
		 (long long)p->max_pixels);
	snprintf(b->focal, sizeof b->focal, "%d,%d", fx, fy);
}

static enum werr
process(struct imgproc *p, const char *dir, const void *data, size_t len,
	int fx, int fy, bool svg, struct picture *out,
	enum imgproc_refusal *refusal)
{
	struct argbuf b;
	char said[128];

	memset(out, 0, sizeof *out);
	*refusal = IMGPROC_OK;
	if (!dir || fx < 0 || fx > PICTURE_FOCAL_MAX || fy < 0 ||
	    fy > PICTURE_FOCAL_MAX)
		return W_INVAL;
	if (len == 0) {
		*refusal = IMGPROC_EMPTY;
		return W_OK;
	}
	fill_limits(p, &b, fx, fy);
	char *args[16];
	int n = 0;
	args[n++] = (char *)IMGPROC_HELPER;
	args[n++] = (char *)"--dir";
	args[n++] = (char *)dir;
	args[n++] = (char *)"--max-pixels";
	args[n++] = b.pixels;
	args[n++] = (char *)"--focal";
	args[n++] = b.focal;
	args[n++] = (char *)"--limit-mem";
	args[n++] = b.mem;
	args[n++] = (char *)"--limit-cpu";
	args[n++] = b.cpu;
	if (p->keep_original)
		args[n++] = (char *)"--keep-original";
	if (svg)
		args[n++] = (char *)"--svg";
	args[n] = NULL;

	take(p);
	int st = run(p, args, data, len, said, sizeof said);
	give(p);
	if (st > EXIT_BASE && st < EXIT_IO) {
		*refusal = (enum imgproc_refusal)(st - EXIT_BASE);
		return W_OK;
	}
	int w, h;
	char key[PICTURE_KEY_LEN + 2];
	if (st != 0 || sscanf(said, "%17s %d %d", key, &w, &h) != 3 ||
	    !picture_key_valid(key) || w < 1 || h < 1) {
		fprintf(stderr, "warta: pictures: %s failed (status %d)\n",
			p->helper[0] ? p->helper : IMGPROC_HELPER, st);
		return W_IO;
	}
	memcpy(out->key, key, sizeof out->key);
	out->width = w;
	out->height = h;
	out->fx = fx;
	out->fy = fy;
	return W_OK;
}

enum werr
imgproc_run(struct imgproc *p, const char *dir, const void *data, size_t len,
	    int fx, int fy, struct picture *out, enum imgproc_refusal *refusal)
{
	return process(p, dir, data, len, fx, fy, false, out, refusal);
}

enum werr
imgproc_draw(struct imgproc *p, const char *dir, const void *svg, size_t len,
	     struct picture *out, enum imgproc_refusal *refusal)
{
	return process(p, dir, svg, len, PICTURE_FOCAL_MAX / 2,
		       PICTURE_FOCAL_MAX / 2, true, out, refusal);
}

enum werr
imgproc_recrop(struct imgproc *p, const char *dir, const struct picture *pic)
{
	struct argbuf b;
	char said[128];

	if (!dir || !picture_key_valid(pic->key))
		return W_INVAL;
	fill_limits(p, &b, pic->fx, pic->fy);
	snprintf(b.size, sizeof b.size, "%d,%d", pic->width, pic->height);
	char *args[] = {
		(char *)IMGPROC_HELPER, (char *)"--dir", (char *)dir,
		(char *)"--recrop", (char *)pic->key, (char *)"--size", b.size,
		(char *)"--focal", b.focal, (char *)"--limit-mem", b.mem,
		(char *)"--limit-cpu", b.cpu, NULL,
	};
	take(p);
	int st = run(p, args, NULL, 0, said, sizeof said);
	give(p);
	if (st != 0) {
		fprintf(stderr, "warta: pictures: new crops of %s failed "
				"(status %d)\n",
			pic->key, st);
		return W_IO;
	}
	return W_OK;
}

static void
discard(const char *dir, const char *name)
{
	char path[IMGPROC_PATH_MAX];
	if (snprintf(path, sizeof path, "%s/%s", dir, name) <
		    (int)sizeof path &&
	    unlink(path) != 0 && errno != ENOENT)
		fprintf(stderr, "warta: pictures: cannot remove %s: %s\n",
			path, strerror(errno));
}

void
imgproc_discard(const char *dir, const struct picture *pic)
{
	char name[PICTURE_NAME_MAX];
	int ws[PICTURE_WIDTHS_MAX];
	size_t n = picture_widths(pic, ws);

	if (!dir || !picture_key_valid(pic->key))
		return;
	for (size_t i = 0; i < n; i++)
		for (int f = 0; f < PICTURE__FMTS; f++)
			if (picture_width_name(pic, ws[i], (enum picture_fmt)f,
					       name, sizeof name))
				discard(dir, name);
	for (int c = 0; c < PICTURE__CROPS; c++)
		for (int f = 0; f < PICTURE__FMTS; f++)
			if (picture_crop_name(pic, (enum picture_crop)c,
					      (enum picture_fmt)f, name,
					      sizeof name))
				discard(dir, name);
	snprintf(name, sizeof name, "%s.orig", pic->key);
	discard(dir, name);
}
