/* imgproc.h - the daemon's side of picture processing: runs the
 * warta-picture helper (src/image/) on an upload, bounded in time, memory
 * and concurrency, and reads back what it made.
 *
 * Why a separate program: libvips starts glib threads (they do not survive
 * the master's fork of workers) and takes tens of milliseconds to load
 * (CGI cannot spare them); a decoder bug or a hostile file can at worst
 * kill the helper, never a worker. Why it never blocks readers: each call
 * takes the process's one processing slot (a semaphore), so at most one
 * helper per worker process runs at a time, on the request thread of the
 * upload; the worker's other request threads keep serving, and the helper
 * is a separate process the kernel schedules on its own. */
#ifndef WARTA_IMGPROC_H
#define WARTA_IMGPROC_H

#include <semaphore.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "picture.h"
#include "werr.h"

#define IMGPROC_HELPER "warta-picture"
#define IMGPROC_PATH_MAX 4096

/* What became of an upload; the helper's refusals (image.h's enum
 * image_err, in the same order). */
enum imgproc_refusal {
	IMGPROC_OK,
	IMGPROC_EMPTY,	/* no bytes */
	IMGPROC_FORMAT, /* not JPEG, PNG, WebP or HEIC/HEIF */
	IMGPROC_BROKEN, /* does not decode to the end */
	IMGPROC_PIXELS, /* over the pixel limit */
	IMGPROC__MAX
};

/* The settings and the slot; made once at start-up, before the workers
 * are forked (each worker process then has a slot of its own). */
struct imgproc {
	char helper[IMGPROC_PATH_MAX]; /* "" when not found */
	int64_t max_pixels;	       /* --picture-max-mp, default 50 MP */
	bool keep_original;	       /* --keep-originals */
	int timeout_s;		       /* wall clock, then SIGKILL */
	int mem_mb;		       /* the helper's address space limit */
	int cpu_s;		       /* its CPU time limit */
	bool slotted;		       /* slot initialised */
	sem_t slot;		       /* one helper per process at a time */
};

/* Fills p with the defaults and the helper found beside exe (the daemon's
 * own path); with slot, at most one helper runs at a time per process.
 * Logs and leaves p->helper "" when the helper is not there (uploads then
 * fail with W_IO). 0, or -1 when the semaphore cannot be made. */
int imgproc_init(struct imgproc *p, const char *exe, bool slot);
void imgproc_fini(struct imgproc *p);

/* Processes the len bytes at data with focal point fx, fy: on W_OK,
 * *refusal is IMGPROC_OK and *out holds the key, size and focal point of
 * a picture whose renditions are all in dir; or *refusal says why the
 * helper refused it (nothing was written). W_IO when the helper is
 * missing, failed, or ran out of time or memory (logged). Thread-safe;
 * waits for the process's slot. */
enum werr imgproc_run(struct imgproc *p, const char *dir, const void *data,
		      size_t len, int fx, int fy, struct picture *out,
		      enum imgproc_refusal *refusal) WUNUSED;

/* imgproc_run for an SVG the project drew itself (demo_pictures.c): the
 * helper's SVG loader is opened for it, which it never is for uploads. */
enum werr imgproc_draw(struct imgproc *p, const char *dir, const void *svg,
		       size_t len, struct picture *out,
		       enum imgproc_refusal *refusal) WUNUSED;

/* Writes the crops of picture pic (a new focal point) into dir. W_IO on
 * any failure (logged). Thread-safe; waits for the slot. */
enum werr imgproc_recrop(struct imgproc *p, const char *dir,
			 const struct picture *pic) WUNUSED;

/* Removes every rendition of pic (whole widths and crops at its focal
 * point) and KEY.orig from dir: an upload whose save failed. Failures are
 * logged. */
void imgproc_discard(const char *dir, const struct picture *pic);

#endif
