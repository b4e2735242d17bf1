/* db_manage.c - sections, tags, authors, accounts, settings and the audit
 * log as the management pages read and change them. */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "db_manage.h"
#include "db_site.h"
#include "db_user.h"
#include "slug.h"
#include "utf8.h"

#define LIST_MAX 500

/* --- field errors ------------------------------------------------------ */

void
db_manage_err(struct db_manage_errs *errs, const char *field, const char *msg)
{
	if (db_manage_err_get(errs, field) || errs->n >= DB_MANAGE_MAX_ERRS)
		return;
	errs->e[errs->n].field = field;
	errs->e[errs->n].msg = msg;
	errs->n++;
}

const char *
db_manage_err_get(const struct db_manage_errs *errs, const char *field)
{
	for (size_t i = 0; i < errs->n; i++)
		if (strcmp(errs->e[i].field, field) == 0)
			return errs->e[i].msg;
	return NULL;
}

/* --- small helpers ----------------------------------------------------- */

static bool
empty(const char *s)
{
	return !s || !*s;
}

/* Binds by name, so that one binding routine serves statements that use
 * only some of the names; a name the statement lacks is skipped. */
static bool
bind_text(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(st, name);
	return i == 0 || sqlite3_bind_text(st, i, v ? v : "", -1,
					   SQLITE_STATIC) == SQLITE_OK;
}

static bool
bind_int(sqlite3_stmt *st, const char *name, int64_t v)
{
	int i = sqlite3_bind_parameter_index(st, name);
	return i == 0 || sqlite3_bind_int64(st, i, v) == SQLITE_OK;
}

/* An id, or SQL NULL for 0. */
static bool
bind_id(sqlite3_stmt *st, const char *name, int64_t v)
{
	int i = sqlite3_bind_parameter_index(st, name);
	if (i == 0)
		return true;
	return (v ? sqlite3_bind_int64(st, i, v) : sqlite3_bind_null(st, i)) ==
	       SQLITE_OK;
}

/* Runs a statement that takes no parameters. */
static enum werr
exec1(struct db *db, const char *sql)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	return st ? db_exec(db, st, sql) : W_DB;
}

static const char SQL_SAVEPOINT[] = "SAVEPOINT db_manage";
static const char SQL_RELEASE[] = "RELEASE db_manage";
static const char SQL_ROLLBACK_TO[] = "ROLLBACK TO db_manage";

static enum werr
sp_begin(struct db *db)
{
	return exec1(db, SQL_SAVEPOINT);
}

/* Ends the savepoint: kept when e is W_OK, undone otherwise. Returns e,
 * or the error of ending it. */
static enum werr
sp_end(struct db *db, enum werr e)
{
	if (e != W_OK && exec1(db, SQL_ROLLBACK_TO) != W_OK)
		return e;
	enum werr r = exec1(db, SQL_RELEASE);
	return e != W_OK ? e : r;
}

static size_t
clamp_limit(size_t limit)
{
	if (limit < 1)
		return 1;
	return limit > LIST_MAX ? LIST_MAX : limit;
}

/* --- sections, tags, authors ------------------------------------------ */

/* Every item query selects the same columns (id, slug, name, description,
 * initials, position, uses) from its table aliased t. The use counts read
 * the indexes on the referring columns. */
#define COLS_SECTION                                                           \
	"SELECT t.id, t.slug, t.name, t.description, '', t.position,"          \
	" (SELECT count(*) FROM articles x WHERE x.section_id = t.id)"         \
	" FROM sections t"
#define COLS_TAG                                                               \
	"SELECT t.id, t.slug, t.name, t.description, '', 0,"                   \
	" (SELECT count(*) FROM article_tags x WHERE x.tag_id = t.id)"         \
	" FROM tags t"
#define COLS_AUTHOR                                                            \
	"SELECT t.id, t.slug, t.name, t.bio, t.initials, 0,"                   \
	" (SELECT count(*) FROM article_authors x WHERE x.author_id = t.id)"   \
	" + (SELECT count(*) FROM users u WHERE u.author_id = t.id)"           \
	" FROM authors t"
#define BY_ID " WHERE t.id = :id"
#define PAGE " WHERE t.slug > :after ORDER BY t.slug LIMIT :limit"

static const char SQL_SECTION_GET[] = COLS_SECTION BY_ID;
static const char SQL_TAG_GET[] = COLS_TAG BY_ID;
static const char SQL_AUTHOR_GET[] = COLS_AUTHOR BY_ID;
static const char SQL_SECTION_PAGE[] = COLS_SECTION PAGE;
static const char SQL_TAG_PAGE[] = COLS_TAG PAGE;
static const char SQL_AUTHOR_PAGE[] = COLS_AUTHOR PAGE;

static const char SQL_SECTION_INSERT[] =
    "INSERT INTO sections (slug, name, description, position)"
    " VALUES (:slug, :name, :description, :position)";
static const char SQL_TAG_INSERT[] =
    "INSERT INTO tags (slug, name, description)"
    " VALUES (:slug, :name, :description)";
static const char SQL_AUTHOR_INSERT[] =
    "INSERT INTO authors (slug, name, bio, initials)"
    " VALUES (:slug, :name, :description, :initials)";
static const char SQL_SECTION_UPDATE[] =
    "UPDATE sections SET slug = :slug, name = :name,"
    " description = :description, position = :position WHERE id = :id";
static const char SQL_TAG_UPDATE[] =
    "UPDATE tags SET slug = :slug, name = :name,"
    " description = :description WHERE id = :id";
static const char SQL_AUTHOR_UPDATE[] =
    "UPDATE authors SET slug = :slug, name = :name,"
    " bio = :description, initials = :initials WHERE id = :id";
static const char SQL_SECTION_DELETE[] = "DELETE FROM sections WHERE id = :id";
static const char SQL_TAG_DELETE[] = "DELETE FROM tags WHERE id = :id";
static const char SQL_AUTHOR_DELETE[] = "DELETE FROM authors WHERE id = :id";

static const struct {
	const char *get, *page, *insert, *update, *delete;
} item_sql[] = {
    [MK_SECTION] = {SQL_SECTION_GET, SQL_SECTION_PAGE, SQL_SECTION_INSERT,
		    SQL_SECTION_UPDATE, SQL_SECTION_DELETE},
    [MK_TAG] = {SQL_TAG_GET, SQL_TAG_PAGE, SQL_TAG_INSERT, SQL_TAG_UPDATE,
		SQL_TAG_DELETE},
    [MK_AUTHOR] = {SQL_AUTHOR_GET, SQL_AUTHOR_PAGE, SQL_AUTHOR_INSERT,
		   SQL_AUTHOR_UPDATE, SQL_AUTHOR_DELETE},
};
static_assert(sizeof item_sql / sizeof item_sql[0] == MK__MAX,
	      "SQL for every kind");

static bool
kind_ok(enum db_manage_kind k)
{
	return (unsigned)k < MK__MAX;
}

/* A db_row_fn for struct db_manage_item. */
static enum werr
item_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct db_manage_item *it = out;
	it->id = sqlite3_column_int64(st, 0);
	it->position = sqlite3_column_int64(st, 5);
	it->uses = sqlite3_column_int64(st, 6);
	bool ok = db_col(st, 1, a, &it->slug) && db_col(st, 2, a, &it->name) &&
		  db_col(st, 3, a, &it->description) &&
		  db_col(st, 4, a, &it->initials);
	return ok ? W_OK : W_NOMEM;
}

enum werr
db_manage_item_check(struct arena *a, enum db_manage_kind k,
		     struct db_manage_item_input *in,
		     struct db_manage_errs *errs)
{
	if (!kind_ok(k))
		return W_INVAL;
	size_t before = errs->n;
	bool name_ok = false;
	if (empty(in->name))
		db_manage_err(errs, "name", "Nama wajib diisi.");
	else if (!utf8_text(in->name, 1, DB_MANAGE_NAME_MAX, false))
		db_manage_err(errs, "name",
			      "Nama paling banyak 100 karakter, satu baris, "
			      "tanpa karakter kontrol.");
	else
		name_ok = true;

	if (empty(in->slug)) {
		/* Derived only from a good name: a bad one has its own
		 * message, and a slug made from it would mislead. */
		char s[101];
		if (name_ok && slug_from(in->name, s, sizeof s) > 0) {
			in->slug = arena_strdup(a, s);
			if (!in->slug)
				return W_NOMEM;
		} else if (name_ok) {
			db_manage_err(errs, "slug",
				      "Slug tidak dapat dibuat dari nama ini; "
				      "isi slug sendiri.");
		}
	} else if (!slug_valid(in->slug)) {
		db_manage_err(errs, "slug",
			      "Slug hanya boleh berisi huruf kecil a-z, angka "
			      "dan tanda hubung tunggal (paling banyak 100).");
	}

	if (!utf8_text(in->description, 0, DB_MANAGE_DESC_MAX, true))
		db_manage_err(errs, "description",
			      "Paling banyak 1000 karakter, tanpa karakter "
			      "kontrol.");
	if (k == MK_AUTHOR &&
	    !utf8_text(in->initials, 1, DB_MANAGE_INITIALS_MAX, false))
		db_manage_err(errs, "initials",
			      "Inisial wajib diisi, 1 sampai 8 karakter.");
	if (k == MK_SECTION &&
	    (in->position < 0 || in->position > DB_MANAGE_POSITION_MAX))
		db_manage_err(errs, "position",
			      "Urutan harus bilangan 0 sampai 9999.");
	return errs->n > before ? W_INVAL : W_OK;
}

enum werr
db_manage_item_save(struct db *db, struct arena *a, enum db_manage_kind k,
		    int64_t id, struct db_manage_item_input *in,
		    int64_t *out_id, struct db_manage_errs *errs)
{
	enum werr e = db_manage_item_check(a, k, in, errs);
	if (e != W_OK)
		return e;
	if (id < 0)
		return W_NOTFOUND;
	sqlite3_stmt *st =
	    db_stmt(db, id ? item_sql[k].update : item_sql[k].insert);
	if (!st)
		return W_DB;
	if (!bind_text(st, ":slug", in->slug) ||
	    !bind_text(st, ":name", in->name) ||
	    !bind_text(st, ":description", in->description) ||
	    !bind_text(st, ":initials", in->initials) ||
	    !bind_int(st, ":position", in->position) ||
	    !bind_int(st, ":id", id))
		return db_fail(db, "binding an item");
	e = id ? db_exec_changed(db, st, "saving an item")
	       : db_exec(db, st, "saving an item");
	if (e == W_OK && out_id)
		*out_id = id ? id : sqlite3_last_insert_rowid(db_sqlite(db));
	/* The slug is the only unique column a user types. */
	if (e == W_CONFLICT)
		db_manage_err(errs, "slug", "Slug sudah dipakai.");
	return e;
}

enum werr
db_manage_item_get(struct db *db, struct arena *a, enum db_manage_kind k,
		   int64_t id, struct db_manage_item *out)
{
	memset(out, 0, sizeof *out);
	if (!kind_ok(k))
		return W_INVAL;
	sqlite3_stmt *st = db_stmt(db, item_sql[k].get);
	if (!st)
		return W_DB;
	if (!bind_int(st, ":id", id))
		return db_fail(db, "binding an id");
	return db_one(db, st, a, item_row, out, "reading an item");
}

enum werr
db_manage_items(struct db *db, struct arena *a, enum db_manage_kind k,
		const char *after, size_t limit, struct db_manage_item **out,
		size_t *n, bool *more)
{
	*out = NULL;
	*n = 0;
	*more = false;
	if (!kind_ok(k))
		return W_INVAL;
	limit = clamp_limit(limit);
	struct db_manage_item *items = arena_alloc(a, limit * sizeof *items);
	if (!items)
		return W_NOMEM;
	sqlite3_stmt *st = db_stmt(db, item_sql[k].page);
	if (!st)
		return W_DB;
	/* One row more than asked says whether a next page exists. */
	if (!bind_text(st, ":after", after) ||
	    !bind_int(st, ":limit", (int64_t)limit + 1))
		return db_fail(db, "binding a page");
	enum werr e = db_rows(db, st, a, item_row, items, sizeof *items, limit,
			      n, more, "listing items");
	if (e == W_OK)
		*out = items;
	return e;
}

/* A db_row_fn for the use count alone (an int64_t) of an item row. */
static enum werr
uses_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	*(int64_t *)out = sqlite3_column_int64(st, 6);
	return W_OK;
}

/* The use count of item id, W_NOTFOUND when there is none. */
static enum werr
item_uses(struct db *db, enum db_manage_kind k, int64_t id, int64_t *uses)
{
	sqlite3_stmt *st = db_stmt(db, item_sql[k].get);
	if (!st)
		return W_DB;
	if (!bind_int(st, ":id", id))
		return db_fail(db, "binding an id");
	return db_one(db, st, NULL, uses_row, uses, "counting uses");
}

enum werr
db_manage_item_delete(struct db *db, enum db_manage_kind k, int64_t id)
{
	if (!kind_ok(k))
		return W_INVAL;
	enum werr e = sp_begin(db);
	if (e != W_OK)
		return e;
	int64_t uses = 0;
	e = item_uses(db, k, id, &uses);
	if (e == W_OK && uses > 0)
		e = W_CONFLICT;
	if (e != W_OK)
		return sp_end(db, e);
	sqlite3_stmt *st = db_stmt(db, item_sql[k].delete);
	if (!st)
		return sp_end(db, W_DB);
	if (!bind_int(st, ":id", id))
		return sp_end(db, db_fail(db, "binding an id"));
	/* The count above makes a foreign key failure a race with a writer
	 * that should not exist inside our savepoint; be safe anyway. */
	e = db_exec(db, st, "deleting an item");
	return sp_end(db, e == W_INVAL ? W_CONFLICT : e);
}

/* --- accounts ---------------------------------------------------------- */

static bool
is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* A practical address shape: a dot-atom local part of RFC 5322's atext
 * (1..64 bytes) and a domain of at least two dot-separated labels of
 * letters, digits and inner hyphens. Quoted local parts and address
 * literals are refused: no newsroom needs them, and they are where
 * hostile input hides. */
static bool
email_ok(const char *s)
{
	if (empty(s) || strlen(s) > DB_MANAGE_EMAIL_MAX)
		return false;
	const char *at = strchr(s, '@');
	if (!at || strchr(at + 1, '@'))
		return false;
	size_t local = (size_t)(at - s);
	if (local < 1 || local > 64 || s[0] == '.' || at[-1] == '.')
		return false;
	for (const char *p = s; p < at; p++) {
		if (!is_alnum(*p) && !strchr(".!#$%&'*+/=?^_`{|}~-", *p))
			return false;
		if (*p == '.' && p[1] == '.')
			return false;
	}
	size_t labels = 0;
	const char *p = at + 1;
	for (;;) {
		const char *start = p;
		while (is_alnum(*p) || *p == '-')
			p++;
		size_t len = (size_t)(p - start);
		if (len < 1 || len > 63 || *start == '-' || p[-1] == '-')
			return false;
		labels++;
		if (*p == '\0')
			break;
		if (*p != '.')
			return false;
		p++;
	}
	return labels >= 2;
}

enum werr
db_manage_user_check(const struct db_manage_user_input *in,
		     struct db_manage_errs *errs)
{
	size_t before = errs->n;
	if (empty(in->email))
		db_manage_err(errs, "email", "Email wajib diisi.");
	else if (!email_ok(in->email))
		db_manage_err(errs, "email",
			      "Alamat email tidak valid (contoh: "
			      "nama@redaksi.id).");
	if (empty(in->name))
		db_manage_err(errs, "name", "Nama wajib diisi.");
	else if (!utf8_text(in->name, 1, DB_MANAGE_NAME_MAX, false))
		db_manage_err(errs, "name",
			      "Nama paling banyak 100 karakter, satu baris, "
			      "tanpa karakter kontrol.");
	if (role_parse(in->role) == ROLE__MAX)
		db_manage_err(errs, "role", "Peran tidak dikenal.");
	if (in->author_id < 0)
		db_manage_err(errs, "author_id", "Penulis tidak ditemukan.");
	return errs->n > before ? W_INVAL : W_OK;
}

/* Explains e, the result of writing an account that passed
 * db_manage_user_check: email is its only unique column a user types, and
 * after the checks a failed constraint can only be an unknown author. */
static enum werr
user_written(enum werr e, struct db_manage_errs *errs)
{
	if (e == W_CONFLICT)
		db_manage_err(errs, "email", "Email sudah dipakai akun lain.");
	else if (e == W_INVAL)
		db_manage_err(errs, "author_id", "Penulis tidak ditemukan.");
	return e;
}

enum werr
db_manage_user_add(struct db *db, const struct db_manage_user_input *in,
		   const char *hash, int64_t now, int64_t *out_id,
		   struct db_manage_errs *errs)
{
	enum werr e = db_manage_user_check(in, errs);
	if (e != W_OK)
		return e;
	if (empty(hash))
		return W_INVAL;
	/* db_user.c owns the INSERT. */
	return user_written(db_user_add(db, in->email, in->name,
					role_parse(in->role), in->author_id,
					hash, now, out_id),
			    errs);
}

static const char SQL_USER_ROLE[] = "SELECT role FROM users WHERE id = :id";
static const char SQL_USER_UPDATE[] =
    "UPDATE users SET email = :email, name = :name, role = :role,"
    " author_id = :author WHERE id = :id";

/* A db_row_fn for SQL_USER_ROLE into an enum role. */
static enum werr
role_row(sqlite3_stmt *st, struct arena *a, void *out)
{
	*(enum role *)out =
	    role_parse((const char *)sqlite3_column_text(st, 0));
	return W_OK;
}

/* The stored role of account id. */
static enum werr
user_role(struct db *db, int64_t id, enum role *role)
{
	sqlite3_stmt *st = db_stmt(db, SQL_USER_ROLE);
	if (!st)
		return W_DB;
	if (!bind_int(st, ":id", id))
		return db_fail(db, "binding an id");
	return db_one(db, st, NULL, role_row, role, "reading a role");
}

enum werr
db_manage_user_update(struct db *db, int64_t actor_id, int64_t id,
		      const struct db_manage_user_input *in,
		      struct db_manage_errs *errs)
{
	enum werr e = db_manage_user_check(in, errs);
	if (e != W_OK)
		return e;
	e = sp_begin(db);
	if (e != W_OK)
		return e;
	enum role old;
	e = user_role(db, id, &old);
	if (e == W_OK && actor_id == id && role_parse(in->role) != old) {
		db_manage_err(errs, "role",
			      "Anda tidak dapat mengubah peran akun Anda "
			      "sendiri.");
		e = W_INVAL;
	}
	if (e != W_OK)
		return sp_end(db, e);
	sqlite3_stmt *st = db_stmt(db, SQL_USER_UPDATE);
	if (!st)
		return sp_end(db, W_DB);
	if (!bind_text(st, ":email", in->email) ||
	    !bind_text(st, ":name", in->name) ||
	    !bind_text(st, ":role", in->role) ||
	    !bind_id(st, ":author", in->author_id) || !bind_int(st, ":id", id))
		return sp_end(db, db_fail(db, "binding an account"));
	e = user_written(db_exec(db, st, "saving an account"), errs);
	return sp_end(db, e);
}

static const char SQL_USER_DISABLE[] =
    "UPDATE users SET disabled = :disabled WHERE id = :id";
static const char SQL_USER_PASSWORD[] =
    "UPDATE users SET password_hash = :hash WHERE id = :id";

/* Runs an UPDATE of account id (bound as :id, with :disabled and :hash
 * when the statement has them) and, with revoke, deletes its sessions. */
static enum werr
user_change(struct db *db, const char *sql, int64_t id, int64_t disabled,
	    const char *hash, bool revoke)
{
	enum werr e = sp_begin(db);
	if (e != W_OK)
		return e;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return sp_end(db, W_DB);
	if (!bind_int(st, ":id", id) || !bind_int(st, ":disabled", disabled) ||
	    !bind_text(st, ":hash", hash))
		return sp_end(db, db_fail(db, "binding an account"));
	e = db_exec_changed(db, st, "changing an account");
	if (e == W_OK && revoke)
		e = db_sessions_delete_user(db, id);
	return sp_end(db, e);
}

enum werr
db_manage_user_disable(struct db *db, int64_t actor_id, int64_t id,
		       bool disabled)
{
	if (actor_id == id)
		return W_FORBIDDEN;
	return user_change(db, SQL_USER_DISABLE, id, disabled, NULL, disabled);
}

enum werr
db_manage_user_password(struct db *db, int64_t id, const char *hash,
			bool revoke)
{
	if (empty(hash))
		return W_INVAL;
	return user_change(db, SQL_USER_PASSWORD, id, 0, hash, revoke);
}

#define USER_COLS                                                              \
	"SELECT u.id, u.email, u.name, u.role, coalesce(u.author_id, 0),"      \
	" u.disabled, u.created_at, coalesce(au.name, '') FROM users u"        \
	" LEFT JOIN authors au ON au.id = u.author_id"

static const char SQL_USER_GET[] = USER_COLS " WHERE u.id = :id";
static const char SQL_USER_PAGE[] =
    USER_COLS " WHERE u.id > :after ORDER BY u.id LIMIT :limit";

/* A db_row_fn for struct db_manage_user. */
static enum werr
user_row(sqlite3_stmt *st, struct arena *a, void *row)
{
	struct db_manage_user *out = row;
	out->u.id = sqlite3_column_int64(st, 0);
	out->u.role = role_parse((const char *)sqlite3_column_text(st, 3));
	out->u.author_id = sqlite3_column_int64(st, 4);
	out->u.disabled = sqlite3_column_int(st, 5) != 0;
	out->created_at = sqlite3_column_int64(st, 6);
	bool ok = db_col(st, 1, a, &out->u.email) &&
		  db_col(st, 2, a, &out->u.name) &&
		  db_col(st, 7, a, &out->author_name);
	return ok ? W_OK : W_NOMEM;
}

enum werr
db_manage_user_get(struct db *db, struct arena *a, int64_t id,
		   struct db_manage_user *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_stmt(db, SQL_USER_GET);
	if (!st)
		return W_DB;
	if (!bind_int(st, ":id", id))
		return db_fail(db, "binding an id");
	return db_one(db, st, a, user_row, out, "reading an account");
}

enum werr
db_manage_users(struct db *db, struct arena *a, int64_t after, size_t limit,
		struct db_manage_user **out, size_t *n, bool *more)
{
	*out = NULL;
	*n = 0;
	*more = false;
	limit = clamp_limit(limit);
	struct db_manage_user *users = arena_alloc(a, limit * sizeof *users);
	if (!users)
		return W_NOMEM;
	sqlite3_stmt *st = db_stmt(db, SQL_USER_PAGE);
	if (!st)
		return W_DB;
	if (!bind_int(st, ":after", after) ||
	    !bind_int(st, ":limit", (int64_t)limit + 1))
		return db_fail(db, "binding a page");
	enum werr e = db_rows(db, st, a, user_row, users, sizeof *users, limit,
			      n, more, "listing accounts");
	if (e == W_OK)
		*out = users;
	return e;
}

/* --- settings ---------------------------------------------------------- */

enum werr
db_manage_settings_save(struct db *db, const struct db_manage_settings *in,
			struct db_manage_errs *errs)
{
	const struct {
		const char *key, *field, *value, *msg;
	} set[] = {
	    {"site_name", "site_name", in->site_name,
	     "Nama situs wajib diisi, paling banyak 100 karakter, satu "
	     "baris."},
	    {"tagline", "tagline", in->tagline,
	     "Tagline paling banyak 200 karakter, satu baris."},
	    {"base_url", "base_url", in->base_url,
	     "Alamat situs harus http:// atau https:// lalu nama host "
	     "(dan port), tanpa query."},
	    {"timezone", "timezone", in->timezone, "Zona waktu tidak dikenal."},
	    {"language", "language", in->language, "Bahasa tidak dikenal."},
	};
	size_t before = errs->n;
	enum werr e = sp_begin(db);
	if (e != W_OK)
		return e;
	for (size_t i = 0; i < sizeof set / sizeof set[0]; i++) {
		enum werr r = db_site_set(db, set[i].key, set[i].value);
		if (r == W_INVAL) {
			db_manage_err(errs, set[i].field, set[i].msg);
		} else if (r != W_OK) {
			e = r;
			break;
		}
	}
	if (e == W_OK && errs->n > before)
		e = W_INVAL;
	return sp_end(db, e);
}

/* --- the audit log ----------------------------------------------------- */

/* One statement per filter, so that each reads the index that fits it:
 * the rowid for none, (user_id, id) and (action, id) otherwise. */
#define AUDIT_COLS                                                             \
	"SELECT l.id, l.created_at, coalesce(l.user_id, 0),"                   \
	" coalesce(u.name, ''), l.action, coalesce(l.article_id, 0),"          \
	" coalesce(a.title, ''), l.detail, l.addr FROM audit_log l"            \
	" LEFT JOIN users u ON u.id = l.user_id"                               \
	" LEFT JOIN articles a ON a.id = l.article_id"
#define AUDIT_PAGE " l.id < :before ORDER BY l.id DESC LIMIT :limit"

static const char SQL_AUDIT_ALL[] = AUDIT_COLS " WHERE" AUDIT_PAGE;
static const char SQL_AUDIT_USER[] =
    AUDIT_COLS " WHERE l.user_id = :user AND" AUDIT_PAGE;
static const char SQL_AUDIT_ACTION[] =
    AUDIT_COLS " WHERE l.action = :action AND" AUDIT_PAGE;
static const char SQL_AUDIT_BOTH[] =
    AUDIT_COLS " WHERE l.user_id = :user AND l.action = :action AND" AUDIT_PAGE;

/* A db_row_fn for struct db_manage_audit. */
static enum werr
audit_row(sqlite3_stmt *st, struct arena *a, void *row)
{
	struct db_manage_audit *r = row;
	r->id = sqlite3_column_int64(st, 0);
	r->created_at = sqlite3_column_int64(st, 1);
	r->user_id = sqlite3_column_int64(st, 2);
	r->article_id = sqlite3_column_int64(st, 5);
	bool ok = db_col(st, 3, a, &r->user_name) &&
		  db_col(st, 4, a, &r->action) &&
		  db_col(st, 6, a, &r->article_title) &&
		  db_col(st, 7, a, &r->detail) && db_col(st, 8, a, &r->addr);
	return ok ? W_OK : W_NOMEM;
}

enum werr
db_manage_audit_list(struct db *db, struct arena *a,
		     const struct db_manage_audit_filter *f, int64_t before,
		     size_t limit, struct db_manage_audit **out, size_t *n,
		     bool *more)
{
	*out = NULL;
	*n = 0;
	*more = false;
	int64_t user = f ? f->user_id : 0;
	const char *action = f && !empty(f->action) ? f->action : NULL;
	const char *sql = user ? (action ? SQL_AUDIT_BOTH : SQL_AUDIT_USER)
			       : (action ? SQL_AUDIT_ACTION : SQL_AUDIT_ALL);
	limit = clamp_limit(limit);
	struct db_manage_audit *rows = arena_alloc(a, limit * sizeof *rows);
	if (!rows)
		return W_NOMEM;
	sqlite3_stmt *st = db_stmt(db, sql);
	if (!st)
		return W_DB;
	if (!bind_int(st, ":before", before > 0 ? before : INT64_MAX) ||
	    !bind_int(st, ":limit", (int64_t)limit + 1) ||
	    !bind_int(st, ":user", user) || !bind_text(st, ":action", action))
		return db_fail(db, "binding an audit page");
	enum werr e = db_rows(db, st, a, audit_row, rows, sizeof *rows, limit,
			      n, more, "listing the audit log");
	if (e == W_OK)
		*out = rows;
	return e;
}
