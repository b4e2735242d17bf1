/* media.c - image type sniffing and crash-safe storage of uploads. */
#include "media.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

/* <unistd.h> defines W_OK for access(), which would replace enum werr's
 * W_OK (0) with 2, W_INVAL; we never call access(). */
#undef W_OK

#define NAME_RAND_BYTES 16
#define NAME_HEX (NAME_RAND_BYTES * 2)
#define TMP_PREFIX ".tmp-"

static const char *const mimes[MEDIA__MAX] = {
	[MEDIA_JPEG] = "image/jpeg",
	[MEDIA_PNG] = "image/png",
	[MEDIA_WEBP] = "image/webp",
};

static const char *const exts[MEDIA__MAX] = {
	[MEDIA_JPEG] = ".jpg",
	[MEDIA_PNG] = ".png",
	[MEDIA_WEBP] = ".webp",
};

static_assert(sizeof mimes / sizeof mimes[0] == MEDIA__MAX,
	      "one MIME type per media type");
static_assert(sizeof exts / sizeof exts[0] == MEDIA__MAX,
	      "one extension per media type");
static_assert(NAME_HEX + sizeof ".webp" <= MEDIA_NAME_LEN,
	      "MEDIA_NAME_LEN must fit the longest name");

static bool
known(enum media_type type)
{
	return (unsigned)type < MEDIA__MAX;
}

static bool
has(const unsigned char *p, size_t len, size_t at, const char *magic,
    size_t n)
{
	return len >= at + n && memcmp(p + at, magic, n) == 0;
}

enum werr
media_sniff(const void *data, size_t len, enum media_type *type)
{
	const unsigned char *p = data;

	if (len == 0 || data == NULL)
		return W_INVAL;
	if (len > MEDIA_MAX_SIZE)
		return W_TOOBIG;
	if (has(p, len, 0, "\xFF\xD8\xFF", 3)) {
		*type = MEDIA_JPEG;
		return W_OK;
	}
	/* A PNG signature alone is cheap to forge in front of HTML; a real
	 * PNG always continues with the 13-byte IHDR chunk. */
	if (has(p, len, 0, "\x89PNG\r\n\x1A\n", 8) &&
	    has(p, len, 8, "\0\0\0\x0D" "IHDR", 8)) {
		*type = MEDIA_PNG;
		return W_OK;
	}
	/* RIFF is a container for audio and video too: require the WEBP form
	 * and one of its three image chunk types. */
	if (has(p, len, 0, "RIFF", 4) && has(p, len, 8, "WEBP", 4) &&
	    (has(p, len, 12, "VP8 ", 4) || has(p, len, 12, "VP8L", 4) ||
	     has(p, len, 12, "VP8X", 4))) {
		*type = MEDIA_WEBP;
		return W_OK;
	}
	return W_UNSUPPORTED;
}

const char *
media_mime(enum media_type type)
{
	return known(type) ? mimes[type] : NULL;
}

const char *
media_ext(enum media_type type)
{
	return known(type) ? exts[type] : NULL;
}

/* Writes all of data to fd, resuming after signals and short writes. */
static bool
write_all(int fd, const unsigned char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return false;
		/* A regular file that accepts nothing would loop forever. */
		if (n == 0) {
			errno = ENOSPC;
			return false;
		}
		data += n;
		len -= (size_t)n;
	}
	return true;
}

/* Logs a failed step on dir, or on dir/name when name is not NULL. */
static void
log_errno(const char *what, const char *dir, const char *name)
{
	fprintf(stderr, "warta: media: %s %s%s%s: %s\n", what, dir,
		name ? "/" : "", name ? name : "", strerror(errno));
}

enum werr
media_store(const char *dir, const void *data, size_t len,
	    enum media_type type, char out[MEDIA_NAME_LEN])
{
	unsigned char rnd[NAME_RAND_BYTES];
	char name[MEDIA_NAME_LEN];
	char tmp[sizeof TMP_PREFIX + MEDIA_NAME_LEN];
	enum werr err = W_IO;
	int dfd = -1, fd = -1;
	bool tmp_made = false;

	out[0] = '\0';
	if (dir == NULL || !known(type) || (data == NULL && len > 0))
		return W_INVAL;

	randombytes_buf(rnd, sizeof rnd);
	sodium_bin2hex(name, NAME_HEX + 1, rnd, sizeof rnd);
	memcpy(name + NAME_HEX, exts[type], strlen(exts[type]) + 1);
	snprintf(tmp, sizeof tmp, TMP_PREFIX "%s", name);

	/* Working relative to a directory descriptor keeps every step in the
	 * same directory however long its path, and lets it be fsynced. */
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0) {
		log_errno("cannot open", dir, NULL);
		goto out;
	}
	/* The temporary name is hidden (dot) so a half-written file is
	 * never served, and O_EXCL so it can never be someone else's. */
	fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0) {
		log_errno("cannot create", dir, tmp);
		goto out;
	}
	tmp_made = true;
	if (!write_all(fd, data, len)) {
		log_errno("cannot write", dir, tmp);
		goto out;
	}
	/* The data must be on disk before the name points at it, or a crash
	 * could leave a valid name holding an empty file. */
	if (fsync(fd) != 0) {
		log_errno("cannot fsync", dir, tmp);
		goto out;
	}
	if (close(fd) != 0) {
		fd = -1;
		log_errno("cannot close", dir, tmp);
		goto out;
	}
	fd = -1;
	/* link() fails with EEXIST instead of replacing, unlike rename(),
	 * and unlike renameat2(RENAME_NOREPLACE) needs neither Linux nor
	 * _GNU_SOURCE, only a file system with hard links. With 128 random
	 * bits a clash means something is wrong: an error, not a retry. */
	if (linkat(dfd, tmp, dfd, name, 0) != 0) {
		log_errno("cannot link", dir, name);
		goto out;
	}
	/* The upload is stored from here on; a temporary file that will not
	 * go away is only clutter, so it is logged but not an error. */
	if (unlinkat(dfd, tmp, 0) != 0)
		log_errno("cannot remove", dir, tmp);
	tmp_made = false;
	/* Make the new directory entry itself durable. */
	if (fsync(dfd) != 0)
		log_errno("cannot fsync", dir, NULL);
	memcpy(out, name, sizeof name);
	err = W_OK;
out:
	if (fd >= 0)
		close(fd);
	if (tmp_made && unlinkat(dfd, tmp, 0) != 0)
		log_errno("cannot remove", dir, tmp);
	if (dfd >= 0)
		close(dfd);
	return err;
}

bool
media_name_valid(const char *name)
{
	size_t i;

	if (name == NULL)
		return false;
	for (i = 0; i < NAME_HEX; i++) {
		char c = name[i];

		/* A NUL ends the loop here too, before reading past it. */
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return false;
	}
	for (int t = 0; t < MEDIA__MAX; t++)
		if (strcmp(name + NAME_HEX, exts[t]) == 0)
			return true;
	return false;
}

enum media_type
media_type_of(const char *name)
{
	const char *dot;

	if (name == NULL || (dot = strrchr(name, '.')) == NULL)
		return MEDIA__MAX;
	for (int t = 0; t < MEDIA__MAX; t++)
		if (strcmp(dot, exts[t]) == 0)
			return (enum media_type)t;
	return MEDIA__MAX;
}
