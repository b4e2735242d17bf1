/* png_bomb.c - a PNG header claiming 400 MP (png_bomb.h). */
#include <stdint.h>
#include <string.h>

#include <zlib.h>

#include "png_bomb.h"

/* Writes one chunk (length, type, data, CRC) at out; its size. */
static size_t
chunk(unsigned char *out, const char *type, const unsigned char *data,
      uint32_t n)
{
	out[0] = (unsigned char)(n >> 24);
	out[1] = (unsigned char)(n >> 16);
	out[2] = (unsigned char)(n >> 8);
	out[3] = (unsigned char)n;
	memcpy(out + 4, type, 4);
	if (n)
		memcpy(out + 8, data, n);
	uint32_t c = (uint32_t)crc32(0L, out + 4, n + 4);
	out[8 + n] = (unsigned char)(c >> 24);
	out[9 + n] = (unsigned char)(c >> 16);
	out[10 + n] = (unsigned char)(c >> 8);
	out[11 + n] = (unsigned char)c;
	return 12 + n;
}

size_t
png_bomb(unsigned char out[PNG_BOMB_MAX])
{
	/* 20000 x 20000, 1-bit greyscale; a one-byte zlib stream. */
	static const unsigned char ihdr[13] = {0, 0, 0x4e, 0x20, 0, 0, 0x4e,
					       0x20, 1, 0, 0, 0, 0};
	static const unsigned char idat[] = {0x78, 0x9c, 0x63, 0, 0, 0, 1, 0,
					     1};
	size_t n = 8;
	memcpy(out, "\x89PNG\r\n\x1a\n", 8);
	n += chunk(out + n, "IHDR", ihdr, sizeof ihdr);
	n += chunk(out + n, "IDAT", idat, sizeof idat);
	n += chunk(out + n, "IEND", NULL, 0);
	return n;
}
