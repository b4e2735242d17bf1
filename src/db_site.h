/* db_site.h - site settings stored in the settings table. */
#ifndef WARTA_DB_SITE_H
#define WARTA_DB_SITE_H

#include "app.h"
#include "db.h"

/* Loads the settings into out (strings in a), deriving tz_abbr and
 * tz_offset from the time zone; unknown values fall back to the defaults
 * (Warta, Asia/Jakarta, id). */
enum werr db_site_load(struct db *db, struct arena *a, struct site *out)
	WUNUSED;

/* Sets one setting. W_INVAL for an unknown key or a value that does not
 * validate (an unknown time zone, a base URL that is not http(s)://host). */
enum werr db_site_set(struct db *db, const char *key, const char *value)
	WUNUSED;

#endif
