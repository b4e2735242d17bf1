/* picture_key.c - the content key of an upload (picture_key.h). */
#include "picture_key.h"

#include <sodium.h>

void
picture_key_of(const void *data, size_t len, char key[PICTURE_KEY_LEN + 1])
{
	unsigned char h[crypto_generichash_BYTES_MIN];

	/* 16 bytes is the shortest output generichash makes; the key is
	 * its first 8 (64 bits: a collision among a newsroom's pictures is
	 * not a practical concern, and the names stay short). */
	crypto_generichash(h, sizeof h, data, len, NULL, 0);
	sodium_bin2hex(key, PICTURE_KEY_LEN + 1, h, PICTURE_KEY_LEN / 2);
}
