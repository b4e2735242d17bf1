/* fcgi_head.c - the FastCGI head check of fcgi_head.h. */
#include <stdbool.h>
#include <stdint.h>

#include "fcgi_head.h"

/* From the FastCGI 1.0 specification. */
#define HEADER_LEN 8
#define VERSION_1 1
#define TYPE_BEGIN_REQUEST 1
#define TYPE_PARAMS 4
#define ROLE_RESPONDER 1

/* Walks the name-value pairs in the PARAMS content gathered so far. */
struct pairs {
	size_t have;	  /* bytes of content seen */
	size_t need;	  /* content bytes the pairs parsed so far take */
	unsigned char len[8]; /* the length bytes of the pair being read */
	size_t nlen;	  /* how many of them we have */
};

/* Reads one FastCGI length (1 byte, or 4 with the top bit set) from
 * l[0..n); 0 when incomplete, else the number of bytes used. */
static size_t
length_at(const unsigned char *l, size_t n, uint32_t *out)
{
	if (n < 1)
		return 0;
	if (!(l[0] & 0x80)) {
		*out = l[0];
		return 1;
	}
	if (n < 4)
		return 0;
	*out = (uint32_t)(l[0] & 0x7f) << 24 | (uint32_t)l[1] << 16 |
	       (uint32_t)l[2] << 8 | l[3];
	return 4;
}

/* Feeds content bytes c[0..n) to the pair walker. False when a pair's
 * lengths take the stream past FCGI_PARAMS_MAX. */
static bool
pairs_feed(struct pairs *ps, const unsigned char *c, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t pos = ps->have + i;
		if (pos < ps->need) {
			/* Inside a name or value: skip what is there. */
			size_t skip = ps->need - pos;
			i += skip < n - i ? skip : n - i;
			continue;
		}
		ps->len[ps->nlen++] = c[i++];
		uint32_t nl, vl;
		size_t a = length_at(ps->len, ps->nlen, &nl);
		size_t b = a ? length_at(ps->len + a, ps->nlen - a, &vl) : 0;
		if (!b) {
			if (ps->nlen == sizeof ps->len)
				return false; /* cannot happen: 4 + 4 */
			continue;
		}
		/* Each length alone is checked before any sum, so nothing
		 * here can overflow. */
		if (nl > FCGI_PARAMS_MAX || vl > FCGI_PARAMS_MAX)
			return false;
		ps->need = ps->have + i + nl + vl;
		ps->nlen = 0;
		if (ps->need > FCGI_PARAMS_MAX)
			return false;
	}
	ps->have += n;
	return true;
}

enum fcgi_head
fcgi_head_check(const unsigned char *p, size_t n, const char **why)
{
	struct pairs ps = {0};
	unsigned id = 0;
	bool begun = false;
	const char *dummy;

	if (!why)
		why = &dummy;
	*why = NULL;
	for (size_t off = 0;;) {
		if (off >= FCGI_HEAD_MAX) {
			*why = "head longer than its limit";
			return FCGI_HEAD_BAD;
		}
		if (n - off < HEADER_LEN)
			return FCGI_HEAD_MORE;
		const unsigned char *h = p + off;
		unsigned type = h[1], rid = (unsigned)h[2] << 8 | h[3];
		size_t clen = (size_t)h[4] << 8 | h[5], plen = h[6];
		if (h[0] != VERSION_1) {
			*why = "not FastCGI version 1";
			return FCGI_HEAD_BAD;
		}
		size_t avail = n - off - HEADER_LEN;
		const unsigned char *c = h + HEADER_LEN;
		if (!begun) {
			/* BEGIN_REQUEST body: role (2), flags (1), reserved. */
			if (type != TYPE_BEGIN_REQUEST || rid == 0 ||
			    clen != 8) {
				*why = "first record is not BEGIN_REQUEST";
				return FCGI_HEAD_BAD;
			}
			if (avail < 2)
				return FCGI_HEAD_MORE;
			if (((unsigned)c[0] << 8 | c[1]) != ROLE_RESPONDER) {
				*why = "role is not responder";
				return FCGI_HEAD_BAD;
			}
			begun = true;
			id = rid;
		} else {
			if (type != TYPE_PARAMS || rid != id) {
				*why = "record other than PARAMS in the head";
				return FCGI_HEAD_BAD;
			}
			/* Check the lengths as soon as they arrive: the bad
			 * ones must not wait for the rest of the record. */
			size_t got = avail < clen ? avail : clen;
			if (!pairs_feed(&ps, c, got)) {
				*why = "parameter lengths past their limit";
				return FCGI_HEAD_BAD;
			}
			if (got < clen)
				return FCGI_HEAD_MORE;
			if (clen == 0) {
				if (ps.nlen != 0 || ps.need != ps.have) {
					*why = "PARAMS end inside a pair";
					return FCGI_HEAD_BAD;
				}
				return FCGI_HEAD_OK;
			}
		}
		if (avail < clen + plen)
			return FCGI_HEAD_MORE;
		off += HEADER_LEN + clen + plen;
	}
}
