/* png_bomb.h - the PNG "bomb" the picture tests refuse: a valid header
 * claiming 20000 x 20000 pixels (400 MP) in a few bytes. Shared by the
 * unit tests and the fixtures the HTTP and e2e suites upload. */
#ifndef WARTA_PNG_BOMB_H
#define WARTA_PNG_BOMB_H

#include <stddef.h>

#define PNG_BOMB_MAX 128
/* Bytes where the bomb's image data starts: after the signature and the
 * IHDR chunk (what a polyglot keeps of it). */
#define PNG_BOMB_HEAD 33

/* Writes the bomb into out; returns its length. */
size_t png_bomb(unsigned char out[PNG_BOMB_MAX]);

#endif
