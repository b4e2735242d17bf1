/* sql_embed.h - the files of sql/, compiled into the binary by CMake. */
#ifndef WARTA_SQL_EMBED_H
#define WARTA_SQL_EMBED_H

#include <stddef.h>

struct sql_file {
	const char *name; /* "001_core.sql" */
	const char *sql;  /* NUL-terminated contents */
	size_t len;
};

/* Sorted by name; ends with an entry whose name is NULL. */
extern const struct sql_file sql_files[];

#endif
