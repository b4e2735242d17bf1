/* db_taxonomy.h - sections, tags and authors for the reader pages. */
#ifndef WARTA_DB_TAXONOMY_H
#define WARTA_DB_TAXONOMY_H

#include "db.h"
#include "model.h"

/* By slug; W_NOTFOUND when there is none. Records live in a. */
enum werr db_section_by_slug(struct db *db, struct arena *a, const char *slug,
			     struct section *out) WUNUSED;
enum werr db_tag_by_slug(struct db *db, struct arena *a, const char *slug,
			 struct tag *out) WUNUSED;
enum werr db_author_by_slug(struct db *db, struct arena *a, const char *slug,
			    struct author *out) WUNUSED;

/* Every section in home-page order (position, name). */
enum werr db_sections_all(struct db *db, struct arena *a,
			  struct section **out, size_t *n) WUNUSED;

#endif
