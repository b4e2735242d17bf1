/* picture_key.h - the content key of an upload (picture.h's KEY). */
#ifndef WARTA_PICTURE_KEY_H
#define WARTA_PICTURE_KEY_H

#include <stddef.h>

#include "picture.h"

/* Writes into key the first PICTURE_KEY_LEN lowercase hex characters of
 * the BLAKE2b (libsodium generichash) of the len bytes at data, NUL
 * ended: the same bytes always give the same key, so the daemon can find
 * an upload it already has before anything is decoded. sodium_init() must
 * have run. Thread-safe. */
void picture_key_of(const void *data, size_t len,
		    char key[PICTURE_KEY_LEN + 1]);

#endif
