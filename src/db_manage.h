/* db_manage.h - the data behind the management pages: sections, tags and
 * authors; accounts; site settings; the audit log.
 *
 * Writes validate their input field by field into a struct db_manage_errs,
 * so a page can print each message beside its field. A write that takes
 * more than one statement runs in a SAVEPOINT, so it is atomic on its own
 * and also nests inside the transaction a page opens (db_begin) to write
 * the change and its audit row together. Records are copied into the arena
 * given and live as long as it. One connection per thread, as db.h says. */
#ifndef WARTA_DB_MANAGE_H
#define WARTA_DB_MANAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "admin.h"
#include "db.h"

/* Field-by-field problems with an input. */
#define DB_MANAGE_MAX_ERRS 8
struct db_manage_errs {
	size_t n;
	struct db_manage_err {
		const char *field; /* the form field's name, static storage */
		const char *msg;   /* Indonesian, static storage */
	} e[DB_MANAGE_MAX_ERRS];
};

/* Records msg for field (the first message per field wins; extras past
 * DB_MANAGE_MAX_ERRS are dropped). */
void db_manage_err(struct db_manage_errs *errs, const char *field,
		   const char *msg);
/* The message for field, or NULL when it had none. */
const char *db_manage_err_get(const struct db_manage_errs *errs,
			      const char *field);

/* Limits, in characters (code points) unless said otherwise. */
#define DB_MANAGE_NAME_MAX 100
#define DB_MANAGE_DESC_MAX 1000
#define DB_MANAGE_INITIALS_MAX 8
#define DB_MANAGE_POSITION_MAX 9999
#define DB_MANAGE_EMAIL_MAX 254 /* bytes */

/* --- sections, tags, authors ------------------------------------------ */

enum db_manage_kind { MK_SECTION, MK_TAG, MK_AUTHOR, MK__MAX };

struct db_manage_item {
	int64_t id;
	const char *slug;
	const char *name;
	const char *description; /* an author's bio */
	const char *initials;	 /* authors; "" for the others */
	int64_t position;	 /* sections (home-page order); else 0 */
	int64_t uses;		 /* articles naming it; for an author also the
				    accounts linked to it */
};

struct db_manage_item_input {
	const char *name;
	const char *slug;	 /* NULL or "": made from the name */
	const char *description; /* NULL counts as "" */
	const char *initials;	 /* authors only */
	int64_t position;	 /* sections only, 0..DB_MANAGE_POSITION_MAX */
};

/* Checks in for kind k, field by field: name (1..100 characters, one line),
 * slug (slug_valid; when empty it is made from the name with slug_from and
 * in->slug is set to that copy in a, so the form shows it), description
 * (up to 1000 characters, line breaks allowed), initials for authors (1..8
 * characters), position for sections. Returns W_INVAL when errs got a
 * message, W_NOMEM, else W_OK. Does not touch the database, so a slug
 * taken is found only by db_manage_item_save. */
enum werr db_manage_item_check(struct arena *a, enum db_manage_kind k,
			       struct db_manage_item_input *in,
			       struct db_manage_errs *errs) WUNUSED;

/* Creates (id 0) or updates item id of kind k from in, after
 * db_manage_item_check. *out_id (may be NULL) gets its id. W_INVAL with
 * messages in errs; W_CONFLICT with "slug" in errs when the slug is taken;
 * W_NOTFOUND when id names no item. */
enum werr db_manage_item_save(struct db *db, struct arena *a,
			      enum db_manage_kind k, int64_t id,
			      struct db_manage_item_input *in, int64_t *out_id,
			      struct db_manage_errs *errs) WUNUSED;

/* One item by id; W_NOTFOUND when there is none. */
enum werr db_manage_item_get(struct db *db, struct arena *a,
			     enum db_manage_kind k, int64_t id,
			     struct db_manage_item *out) WUNUSED;

/* A page of items of kind k ordered by slug, starting after the slug
 * after (NULL or "" for the first page), at most limit (1..500) of them;
 * *more tells whether there are further ones. */
enum werr db_manage_items(struct db *db, struct arena *a, enum db_manage_kind k,
			  const char *after, size_t limit,
			  struct db_manage_item **out, size_t *n,
			  bool *more) WUNUSED;

/* Deletes item id of kind k. W_CONFLICT when it is in use (uses > 0) and
 * nothing changes; W_NOTFOUND when there is none. */
enum werr db_manage_item_delete(struct db *db, enum db_manage_kind k,
				int64_t id) WUNUSED;

/* --- accounts ---------------------------------------------------------- */

struct db_manage_user {
	struct user u;
	const char *author_name; /* the linked byline's name, or "" */
	int64_t created_at;
};

struct db_manage_user_input {
	const char *email;
	const char *name;
	const char *role;  /* "reporter", "editor" or "admin" */
	int64_t author_id; /* 0 for no byline */
};

/* Checks email (one '@', a dotted domain of letters, digits and hyphens,
 * printable ASCII, at most 254 bytes), name (1..100 characters, one line)
 * and role. W_INVAL when errs got a message, else W_OK. */
enum werr db_manage_user_check(const struct db_manage_user_input *in,
			       struct db_manage_errs *errs) WUNUSED;

/* Creates an account with the given Argon2id hash (from
 * auth_password_hash; hash before opening a transaction, it is slow).
 * W_INVAL with errs (the checks above; "author_id" for an unknown author);
 * W_CONFLICT with "email" in errs when the address is taken. */
enum werr db_manage_user_add(struct db *db,
			     const struct db_manage_user_input *in,
			     const char *hash, int64_t now, int64_t *out_id,
			     struct db_manage_errs *errs) WUNUSED;

/* Updates account id as the user actor_id. As db_manage_user_add, plus
 * "role" in errs when actor_id == id and the role would change (an admin
 * cannot demote themself and leave the site without one). W_NOTFOUND when
 * there is no such account. */
enum werr db_manage_user_update(struct db *db, int64_t actor_id, int64_t id,
				const struct db_manage_user_input *in,
				struct db_manage_errs *errs) WUNUSED;

/* Disables (deleting the account's sessions, so it is signed out at once)
 * or enables account id as the user actor_id. W_FORBIDDEN when actor_id
 * == id; W_NOTFOUND when there is no such account. */
enum werr db_manage_user_disable(struct db *db, int64_t actor_id, int64_t id,
				 bool disabled) WUNUSED;

/* Stores a new hash for account id; with revoke, its sessions are deleted
 * too. W_NOTFOUND when there is no such account. */
enum werr db_manage_user_password(struct db *db, int64_t id, const char *hash,
				  bool revoke) WUNUSED;

/* One account; W_NOTFOUND when there is none. */
enum werr db_manage_user_get(struct db *db, struct arena *a, int64_t id,
			     struct db_manage_user *out) WUNUSED;

/* A page of accounts by id, after id after (0 for the first page), at
 * most limit (1..500). */
enum werr db_manage_users(struct db *db, struct arena *a, int64_t after,
			  size_t limit, struct db_manage_user **out, size_t *n,
			  bool *more) WUNUSED;

/* --- settings ---------------------------------------------------------- */

struct db_manage_settings {
	const char *site_name;
	const char *tagline;
	const char *base_url;
	const char *timezone; /* "Asia/Jakarta", "Asia/Makassar", ... */
	const char *language; /* "id" or "en" */
};

/* Stores every setting through db_site_set, all or none: W_INVAL with a
 * message per refused field in errs (named like the struct's members) and
 * nothing stored. A NULL member is a refused field. */
enum werr db_manage_settings_save(struct db *db,
				  const struct db_manage_settings *in,
				  struct db_manage_errs *errs) WUNUSED;

/* --- the audit log ----------------------------------------------------- */

struct db_manage_audit {
	int64_t id;
	int64_t created_at;
	int64_t user_id;       /* 0 for none */
	const char *user_name; /* "" when none or deleted */
	const char *action;
	int64_t article_id;	   /* 0 for none */
	const char *article_title; /* "" when none or deleted */
	const char *detail;
	const char *addr;
};

struct db_manage_audit_filter {
	int64_t user_id;    /* 0: any */
	const char *action; /* NULL or "": any; else an exact match */
};

/* A page of the audit log, newest first, with ids below before (0 for the
 * newest), at most limit (1..500) rows matching f (may be NULL). */
enum werr db_manage_audit_list(struct db *db, struct arena *a,
			       const struct db_manage_audit_filter *f,
			       int64_t before, size_t limit,
			       struct db_manage_audit **out, size_t *n,
			       bool *more) WUNUSED;

#endif
