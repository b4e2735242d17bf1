/* media.h - uploaded images: recognised by their content, stored under the
 * media directory with random names. */
#ifndef WARTA_MEDIA_H
#define WARTA_MEDIA_H

#include <stdbool.h>
#include <stddef.h>

#include "werr.h"

#define MEDIA_MAX_SIZE (8u * 1024 * 1024)
#define MEDIA_NAME_LEN 40 /* 32 hex chars + ".webp" + NUL fits */

enum media_type { MEDIA_JPEG, MEDIA_PNG, MEDIA_WEBP, MEDIA__MAX };

/* Recognises data by its magic bytes (not its name or declared type).
 * W_UNSUPPORTED when it is not JPEG, PNG or WebP; W_TOOBIG past
 * MEDIA_MAX_SIZE; W_INVAL when empty. */
enum werr media_sniff(const void *data, size_t len, enum media_type *type)
	WUNUSED;

/* "image/png" and ".png": static storage; NULL for an unknown type. */
const char *media_mime(enum media_type type);
const char *media_ext(enum media_type type);

/* Writes data into dir under a new random name (32 hex chars + extension),
 * atomically (a temporary file renamed into place, never overwriting), and
 * returns the name in out. W_IO on failure (logged; no temporary file is
 * left behind and out is ""); W_INVAL for an unknown type, a NULL dir, or
 * NULL data with len > 0. Thread-safe. */
enum werr media_store(const char *dir, const void *data, size_t len,
		      enum media_type type, char out[MEDIA_NAME_LEN]) WUNUSED;

/* True when name is one media_store could have made. */
bool media_name_valid(const char *name);

/* The type for a stored name by its extension; MEDIA__MAX if none. */
enum media_type media_type_of(const char *name);

#endif
