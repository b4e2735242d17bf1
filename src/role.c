/* role.c - the permission table and role names. */
#include "role.h"

#include <assert.h>
#include <string.h>

/* One row per role, one column per permission: the whole policy in one
 * place, so a review (and test_role.c) reads it cell by cell. Cells not
 * named are false. */
static const bool perms[ROLE__MAX][PERM__MAX] = {
	[ROLE_REPORTER] = {
		[PERM_ARTICLE_WRITE] = true,
		[PERM_ARTICLE_SUBMIT] = true,
		[PERM_LIVE_POST] = true,
		[PERM_MEDIA_UPLOAD] = true,
	},
	[ROLE_EDITOR] = {
		[PERM_ARTICLE_WRITE] = true,
		[PERM_ARTICLE_SUBMIT] = true,
		[PERM_ARTICLE_EDIT_ANY] = true,
		[PERM_ARTICLE_PUBLISH] = true,
		[PERM_ARTICLE_UNPUBLISH] = true,
		[PERM_ARTICLE_DELETE] = true,
		[PERM_REVISION_RESTORE] = true,
		[PERM_TAXONOMY] = true,
		[PERM_LIVE_POST] = true,
		[PERM_LIVE_MANAGE] = true,
		[PERM_RESULTS] = true,
		[PERM_MEDIA_UPLOAD] = true,
		[PERM_MEDIA_EDIT_ANY] = true,
		[PERM_MEDIA_DELETE] = true,
	},
	[ROLE_ADMIN] = {
		[PERM_ARTICLE_WRITE] = true,
		[PERM_ARTICLE_SUBMIT] = true,
		[PERM_ARTICLE_EDIT_ANY] = true,
		[PERM_ARTICLE_PUBLISH] = true,
		[PERM_ARTICLE_UNPUBLISH] = true,
		[PERM_ARTICLE_DELETE] = true,
		[PERM_REVISION_RESTORE] = true,
		[PERM_TAXONOMY] = true,
		[PERM_USERS] = true,
		[PERM_SETTINGS] = true,
		[PERM_AUDIT] = true,
		[PERM_LIVE_POST] = true,
		[PERM_LIVE_MANAGE] = true,
		[PERM_RESULTS] = true,
		[PERM_MEDIA_UPLOAD] = true,
		[PERM_MEDIA_EDIT_ANY] = true,
		[PERM_MEDIA_DELETE] = true,
	},
};

static_assert(sizeof perms / sizeof perms[0] == ROLE__MAX,
	      "one row per role");
static_assert(sizeof perms[0] / sizeof perms[0][0] == PERM__MAX,
	      "one column per permission");

/* The names stored in the database; never translated. */
static const char *const names[ROLE__MAX] = {
	[ROLE_REPORTER] = "reporter",
	[ROLE_EDITOR] = "editor",
	[ROLE_ADMIN] = "admin",
};

static_assert(sizeof names / sizeof names[0] == ROLE__MAX,
	      "one name per role");

static const char *const labels[ROLE__MAX] = {
	[ROLE_REPORTER] = "Reporter",
	[ROLE_EDITOR] = "Redaktur",
	[ROLE_ADMIN] = "Admin",
};

static_assert(sizeof labels / sizeof labels[0] == ROLE__MAX,
	      "one label per role");

/* Enums may be signed; the unsigned cast makes one comparison catch both
 * negative and too-large values from a cast or a corrupt row. */
static bool
role_known(enum role role)
{
	return (unsigned)role < ROLE__MAX;
}

bool
role_can(enum role role, enum perm perm)
{
	if (!role_known(role) || (unsigned)perm >= PERM__MAX)
		return false;
	return perms[role][perm];
}

const char *
role_name(enum role role)
{
	return role_known(role) ? names[role] : NULL;
}

enum role
role_parse(const char *name)
{
	if (name == NULL)
		return ROLE__MAX;
	for (int r = 0; r < ROLE__MAX; r++)
		if (strcmp(name, names[r]) == 0)
			return (enum role)r;
	return ROLE__MAX;
}

const char *
role_label(enum role role)
{
	return role_known(role) ? labels[role] : NULL;
}
