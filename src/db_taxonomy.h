/* db_taxonomy.h - sections, tags and authors for the reader pages, and
 * the lists of them the editor chooses from. */
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

/* W_OK when an article public at now carries the tag (the author),
 * W_NOTFOUND when none does: a tag or an author has a public page only
 * then, so that a reporter's draft cannot make one. One index probe. */
enum werr db_tag_public(struct db *db, int64_t tag_id, int64_t now) WUNUSED;
enum werr db_author_public(struct db *db, int64_t author_id,
			   int64_t now) WUNUSED;

/* Every section in home-page order (position, name). */
enum werr db_sections_all(struct db *db, struct arena *a,
			  struct section **out, size_t *n) WUNUSED;

/* The most records the lists below return. */
#define DB_TAXONOMY_MAX 1000

/* Every author by slug, for the byline pickers (at most DB_TAXONOMY_MAX). */
enum werr db_authors_all(struct db *db, struct arena *a, struct author **out,
			 size_t *n) WUNUSED;

/* Tag names by slug, for suggestions (at most max, itself at most
 * DB_TAXONOMY_MAX). */
enum werr db_tag_names(struct db *db, struct arena *a, size_t max,
		       const char ***out, size_t *n) WUNUSED;

#endif
