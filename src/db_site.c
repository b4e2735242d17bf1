/* db_site.c - the site settings: loaded per request, validated on change. */
#include <assert.h>
#include <string.h>

#include "db_site.h"
#include "utf8.h"

#define NAME_MAX_CHARS 100
#define TAGLINE_MAX_CHARS 200
#define URL_MAX 200

/* Indonesia's zones; no daylight saving time, so the offsets are exact. */
static const struct {
	const char *name;
	const char *abbr;
	int offset;
} zones[] = {
	{"Asia/Jakarta", "WIB", 7 * 3600},
	{"Asia/Pontianak", "WIB", 7 * 3600},
	{"Asia/Makassar", "WITA", 8 * 3600},
	{"Asia/Jayapura", "WIT", 9 * 3600},
};

static const char *const langs[] = {"id", "en"};

enum key { K_SITE_NAME, K_BASE_URL, K_TAGLINE, K_TIMEZONE, K_LANGUAGE,
	   K__MAX };

static const char *const keys[] = {
	[K_SITE_NAME] = "site_name", [K_BASE_URL] = "base_url",
	[K_TAGLINE] = "tagline",     [K_TIMEZONE] = "timezone",
	[K_LANGUAGE] = "language",
};
static_assert(sizeof keys / sizeof keys[0] == K__MAX, "setting keys");

static const char SQL_LOAD[] = "SELECT key, value FROM settings";
static const char SQL_SET[] =
	"INSERT INTO settings (key, value) VALUES (?1, ?2)"
	" ON CONFLICT (key) DO UPDATE SET value = excluded.value";

static enum key
key_parse(const char *s)
{
	for (int k = 0; k < K__MAX; k++)
		if (strcmp(s, keys[k]) == 0)
			return (enum key)k;
	return K__MAX;
}

static int
zone_find(const char *s)
{
	for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++)
		if (strcmp(s, zones[i].name) == 0)
			return (int)i;
	return -1;
}

static bool
lang_valid(const char *s)
{
	for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++)
		if (strcmp(s, langs[i]) == 0)
			return true;
	return false;
}

static bool
is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Checks an http(s) URL of a site root and writes it into out (outlen bytes)
 * without trailing slashes. Only a host (letters, digits, dots, hyphens, or
 * a bracketed IPv6 address), an optional port and a plain path are
 * accepted: no user info, query or fragment, nothing that needs quoting in
 * HTML or that a mail client or feed reader might split on. */
static bool
url_normalize(const char *s, char *out, size_t outlen)
{
	size_t n = strlen(s);
	if (n >= outlen || n > URL_MAX)
		return false;
	const char *p;
	if (strncmp(s, "http://", 7) == 0)
		p = s + 7;
	else if (strncmp(s, "https://", 8) == 0)
		p = s + 8;
	else
		return false;

	const char *host = p;
	if (*p == '[') {
		for (p++; *p && *p != ']'; p++)
			if (!strchr("0123456789abcdefABCDEF:.", *p))
				return false;
		if (*p != ']' || p == host + 1)
			return false;
		p++;
	} else {
		while (is_alnum(*p) || *p == '.' || *p == '-')
			p++;
		if (p == host)
			return false;
	}
	if (*p == ':') {
		const char *port = ++p;
		long v = 0;
		while (*p >= '0' && *p <= '9' && p - port < 5)
			v = v * 10 + (*p++ - '0');
		if (p == port || v == 0 || v > 65535)
			return false;
	}
	if (*p && *p != '/')
		return false;
	for (; *p; p++)
		if (!is_alnum(*p) && !strchr("/-._~%!$&()*+,;=:@", *p))
			return false;

	memcpy(out, s, n + 1);
	size_t root = (size_t)(host - s);
	while (n > root && out[n - 1] == '/')
		out[--n] = '\0';
	return true;
}

/* Stores value (already valid) under key. */
static enum werr
store(struct db *db, const char *key, const char *value)
{
	sqlite3_stmt *st = db_stmt(db, SQL_SET);
	if (!st)
		return W_DB;
	enum werr e;
	if ((e = db_bind_text(db, st, 1, key)) != W_OK ||
	    (e = db_bind_text(db, st, 2, value)) != W_OK)
		return e;
	return db_exec(db, st, "storing a setting");
}

enum werr
db_site_set(struct db *db, const char *key, const char *value)
{
	if (!key || !value)
		return W_INVAL;
	char url[URL_MAX + 1];
	switch (key_parse(key)) {
	case K_SITE_NAME:
		if (!utf8_text(value, 1, NAME_MAX_CHARS, false))
			return W_INVAL;
		break;
	case K_TAGLINE:
		if (!utf8_text(value, 0, TAGLINE_MAX_CHARS, false))
			return W_INVAL;
		break;
	case K_BASE_URL:
		if (!url_normalize(value, url, sizeof url))
			return W_INVAL;
		value = url;
		break;
	case K_TIMEZONE:
		if (zone_find(value) < 0)
			return W_INVAL;
		break;
	case K_LANGUAGE:
		if (!lang_valid(value))
			return W_INVAL;
		break;
	case K__MAX:
		return W_INVAL;
	}
	return store(db, key, value);
}

/* Applies one stored setting to out when it is valid; a value edited by
 * hand into something invalid keeps the default instead of reaching a page. */
static enum werr
apply(struct arena *a, enum key k, const char *v, struct site *out)
{
	char url[URL_MAX + 1];
	int z;
	switch (k) {
	case K_SITE_NAME:
		if (utf8_text(v, 1, NAME_MAX_CHARS, false))
			out->name = arena_strdup(a, v);
		return out->name ? W_OK : W_NOMEM;
	case K_TAGLINE:
		if (utf8_text(v, 0, TAGLINE_MAX_CHARS, false))
			out->tagline = arena_strdup(a, v);
		return out->tagline ? W_OK : W_NOMEM;
	case K_BASE_URL:
		if (url_normalize(v, url, sizeof url))
			out->base_url = arena_strdup(a, url);
		return out->base_url ? W_OK : W_NOMEM;
	case K_TIMEZONE:
		z = zone_find(v);
		if (z >= 0) {
			out->timezone = zones[z].name;
			out->tz_abbr = zones[z].abbr;
			out->tz_offset = zones[z].offset;
		}
		return W_OK;
	case K_LANGUAGE:
		for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++)
			if (strcmp(v, langs[i]) == 0)
				out->lang = langs[i];
		return W_OK;
	case K__MAX:
		break;
	}
	return W_OK; /* a key of a newer warta: not ours to judge */
}

enum werr
db_site_load(struct db *db, struct arena *a, struct site *out)
{
	*out = (struct site){
		.name = "Warta",
		.base_url = "http://127.0.0.1:8080",
		.tagline = "",
		.timezone = zones[0].name,
		.tz_abbr = zones[0].abbr,
		.tz_offset = zones[0].offset,
		.lang = langs[0],
	};
	sqlite3_stmt *st = db_stmt(db, SQL_LOAD);
	if (!st)
		return W_DB;
	enum werr e = W_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		const char *v = (const char *)sqlite3_column_text(st, 1);
		if (!k || !v)
			continue; /* NULL is refused by the schema */
		e = apply(a, key_parse(k), v, out);
		if (e != W_OK)
			goto out;
	}
	if (rc != SQLITE_DONE)
		e = db_fail(db, "loading settings");
out:
	sqlite3_reset(st);
	return e;
}
