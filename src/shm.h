/* shm.h - the memory every worker process shares with the master and with
 * each other: the supervisor's counters, and a zeroed area the metrics
 * module lays out as it likes.
 *
 * The master (supervise.c) maps the region once, before it forks any
 * worker, so every worker sees the same pages at the same address, and a
 * worker that is replaced or rolled on SIGHUP keeps adding to the same
 * counters. Everything in the region is updated with C11 atomics (lock-free
 * for 64-bit integers on every platform Warta runs on, hence address-free:
 * they work across processes). Nothing in the region may hold a pointer:
 * the region outlives the processes that write it, and a re-executed master
 * (SIGUSR2) maps a fresh one. */
#ifndef WARTA_SHM_H
#define WARTA_SHM_H

#include <stdalign.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "werr.h"

/* Bytes of the area reserved for the metrics module; its struct must fit
 * (a static_assert there says so). Zeroed when the region is made. */
#define SHM_METRICS_SIZE (256 * 1024)

struct shm {
	/* Written by the master only. */
	atomic_uint_least64_t started_at;	 /* Unix time the master began */
	atomic_uint_least64_t workers_started;	 /* every fork, first ones too */
	atomic_uint_least64_t workers_restarted; /* replaced after dying */
	atomic_uint_least64_t reloads;		 /* SIGHUP rolls done */
	/* Owned by metrics.c: cast to its own struct of atomics. */
	alignas(64) unsigned char metrics[SHM_METRICS_SIZE];
};

/* Maps a zeroed, shared, anonymous struct shm (MAP_SHARED, so children
 * forked later share it). NULL with errno set when mmap() fails. Call
 * before forking; not thread-safe. */
struct shm *shm_new(void);

/* Unmaps s in this process (other processes keep their mapping); NULL is a
 * no-op. */
void shm_free(struct shm *s);

#endif
