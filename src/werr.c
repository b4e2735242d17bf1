/* werr.c - error descriptions and their HTTP statuses, in one table. */
#include <assert.h>

#include "werr.h"

static const struct {
	int status;
	const char *str;
} table[] = {
	[W_OK] = {200, "ok"},
	[W_NOMEM] = {500, "out of memory"},
	[W_INVAL] = {400, "bad request"},
	[W_FORBIDDEN] = {403, "forbidden"},
	[W_NOTFOUND] = {404, "not found"},
	[W_METHOD] = {405, "method not allowed"},
	[W_CONFLICT] = {409, "conflict"},
	[W_STALE] = {409, "changed meanwhile"},
	[W_GONE] = {410, "gone"},
	[W_TOOBIG] = {413, "request too large"},
	[W_URILONG] = {414, "request target too long"},
	[W_UNSUPPORTED] = {415, "unsupported media type"},
	[W_HEADERS] = {431, "too many request headers"},
	[W_DB] = {500, "database error"},
	[W_IO] = {500, "i/o error"},
	[W_PARSE] = {500, "parse error"},
};
static_assert(sizeof table / sizeof table[0] == W__MAX, "werr table");

int
werr_status(enum werr e)
{
	return (unsigned)e < W__MAX ? table[e].status : 500;
}

const char *
werr_str(enum werr e)
{
	return (unsigned)e < W__MAX ? table[e].str : "unknown error";
}
