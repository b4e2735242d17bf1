/* role.h - who may do what in the admin: one table, tested as such. */
#ifndef WARTA_ROLE_H
#define WARTA_ROLE_H

#include <stdbool.h>

enum role { ROLE_REPORTER, ROLE_EDITOR, ROLE_ADMIN, ROLE__MAX };

enum perm {
	PERM_ARTICLE_WRITE,	/* create articles; edit own drafts */
	PERM_ARTICLE_SUBMIT,	/* send own draft for review */
	PERM_ARTICLE_EDIT_ANY,	/* edit any article, in any status */
	PERM_ARTICLE_PUBLISH,	/* publish now or schedule */
	PERM_ARTICLE_UNPUBLISH, /* take a public article down, with a reason */
	PERM_ARTICLE_DELETE,	/* delete drafts */
	PERM_REVISION_RESTORE,	/* restore an earlier revision */
	PERM_TAXONOMY,		/* manage sections, tags and authors */
	PERM_USERS,		/* manage accounts */
	PERM_SETTINGS,		/* edit site settings */
	PERM_AUDIT,		/* read the audit log */
	PERM_LIVE_POST,		/* post updates to an open live blog */
	PERM_LIVE_MANAGE,	/* open and close live blogs; edit and delete
				   any update */
	PERM_RESULTS,		/* regions, candidate pairs, results entries */
	PERM_MEDIA_UPLOAD,	/* upload pictures; edit the caption, credit,
				   alt text and focal point of one's own */
	PERM_MEDIA_EDIT_ANY,	/* edit any picture of the library */
	PERM_MEDIA_DELETE,	/* delete a picture no public story shows */
	PERM__MAX
};

/* True when role has perm. Unknown values have nothing. */
bool role_can(enum role role, enum perm perm);

/* "reporter", "editor", "admin" (static storage; NULL for an unknown
 * role); role_parse returns ROLE__MAX when name is unknown or NULL. The
 * match is exact and case-sensitive. Thread-safe. */
const char *role_name(enum role role);
enum role role_parse(const char *name);

/* Indonesian label for the admin ("Reporter", "Redaktur", "Admin"; static
 * storage; NULL for an unknown role). */
const char *role_label(enum role role);

#endif
