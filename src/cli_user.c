/* cli_user.c - `warta user add|passwd|list|disable|enable`: the accounts of
 * the newsroom admin, managed from a shell on the server. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "auth.h"
#include "cli_user.h"
#include "db_admin.h"
#include "db_taxonomy.h"
#include "db_user.h"
#include "migrate.h"
#include "utf8.h"

#define EXIT_FAIL 1
#define EXIT_USAGE 2

#define EMAIL_MAX 254
#define NAME_MAX_CHARS 120

static const char usage[] =
    "usage: warta user add --db FILE --email EMAIL --name NAME\n"
    "                      --role reporter|editor|admin [--author SLUG]\n"
    "                      [--random-password]\n"
    "       warta user passwd --db FILE --email EMAIL\n"
    "       warta user list --db FILE\n"
    "       warta user disable --db FILE --email EMAIL\n"
    "       warta user enable --db FILE --email EMAIL\n"
    "\n"
    "Manages the accounts of the newsroom admin (/admin).\n"
    "\n"
    "  add      creates an account; --author links it to a byline.\n"
    "           The password (at least 10 characters) is read from\n"
    "           standard input, or asked for twice on a terminal. With\n"
    "           --random-password a one-time password is generated and\n"
    "           printed alone on standard output.\n"
    "  passwd   sets a new password, the same way, and signs the\n"
    "           account out everywhere\n"
    "  list     prints every account\n"
    "  disable  stops an account from signing in and ends its sessions\n"
    "  enable   lets a disabled account sign in again\n"
    "\n"
    "Roles: a reporter writes and submits drafts; an editor also edits,\n"
    "publishes and manages sections, tags and authors; an admin also\n"
    "manages accounts and site settings.\n";

/* The options of every subcommand; unused ones stay NULL. */
struct opts {
	const char *db, *email, *name, *role, *author, *random;
};

enum {
	O_DB = 1,
	O_EMAIL = 2,
	O_NAME = 4,
	O_ROLE = 8,
	O_AUTHOR = 16,
	O_RANDOM = 32
};

/* Parses "--name VALUE", "--name=VALUE" and the flag --random-password
 * into o, accepting only the options whose bits are in allowed. Returns
 * -1 to go on, or an exit status (0 after --help). */
static int
parse(int argc, char **argv, struct opts *o, unsigned allowed)
{
	const struct {
		const char *name;
		unsigned bit;
		const char **slot; /* NULL for the flag */
	} table[] = {
	    {"--db", O_DB, &o->db},
	    {"--email", O_EMAIL, &o->email},
	    {"--name", O_NAME, &o->name},
	    {"--role", O_ROLE, &o->role},
	    {"--author", O_AUTHOR, &o->author},
	    {"--random-password", O_RANDOM, &o->random},
	};
	size_t ntable = sizeof table / sizeof table[0];

	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			fputs(usage, stdout);
			return 0;
		}
		const char *eq = strchr(arg, '=');
		size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
		size_t k = ntable;
		for (size_t j = 0; j < ntable; j++)
			if ((table[j].bit & allowed) &&
			    strlen(table[j].name) == len &&
			    strncmp(table[j].name, arg, len) == 0)
				k = j;
		if (k == ntable) {
			fprintf(stderr, "warta: unknown option '%.*s'\n",
				(int)len, arg);
			return EXIT_USAGE;
		}
		if (table[k].bit == O_RANDOM) {
			if (eq) {
				fprintf(stderr,
					"warta: option '%s' takes no value\n",
					table[k].name);
				return EXIT_USAGE;
			}
			*table[k].slot = "";
			continue;
		}
		const char *v = eq ? eq + 1 : i + 1 < argc ? argv[++i] : NULL;
		if (!v || !*v) {
			fprintf(stderr, "warta: option '%s' needs a value\n",
				table[k].name);
			return EXIT_USAGE;
		}
		*table[k].slot = v;
	}
	return -1;
}

static bool
need(const char *value, const char *name)
{
	if (!value)
		fprintf(stderr, "warta: missing required option '%s'\n", name);
	return value != NULL;
}

/* Lower-cases the ASCII letters of an email in place and checks its
 * shape: one '@' with something on either side, no spaces. */
static bool
email_ok(char *s)
{
	const char *at = strchr(s, '@');

	if (!utf8_text(s, 3, EMAIL_MAX, false) || strchr(s, ' ') ||
	    strlen(s) > EMAIL_MAX)
		return false;
	if (!at || at == s || !at[1] || strchr(at + 1, '@'))
		return false;
	for (char *p = s; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return true;
}

/* Reads one line of at most AUTH_PASSWORD_MAX bytes into buf (cap bytes)
 * without its line ending. With echo off when stdin is a terminal. A NUL
 * byte in the line refuses it: C strings would cut the password there,
 * and the account would open with its first few characters. */
static bool
read_line(const char *prompt, char *buf, size_t cap)
{
	struct termios old, quiet;
	bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
	bool any = false, nul = false, cut = false;
	size_t n = 0;
	int c;

	if (tty) {
		fputs(prompt, stderr);
		fflush(stderr);
		quiet = old;
		quiet.c_lflag &= (tcflag_t) ~(ECHO | ECHONL);
		quiet.c_lflag |= ICANON;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	/* getc(), not fgets(): fgets() reads past a NUL and strlen() then
	 * cannot tell. The rest of an over-long line is still read, so that
	 * none of it is left for the next prompt. */
	while ((c = getc(stdin)) != EOF && c != '\n') {
		any = true;
		if (c == '\0')
			nul = true;
		if (n < cap - 1)
			buf[n++] = (char)c;
		else
			cut = true;
	}
	buf[n] = '\0';
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (!any && c == EOF) {
		fprintf(stderr, "warta: no password on standard input\n");
		return false;
	}
	if (nul) {
		fprintf(stderr, "warta: the password holds a NUL byte\n");
		return false;
	}
	if (n && buf[n - 1] == '\r')
		buf[--n] = '\0';
	if (cut || n > AUTH_PASSWORD_MAX) {
		fprintf(stderr, "warta: password longer than %d bytes\n",
			AUTH_PASSWORD_MAX);
		return false;
	}
	return true;
}

/* Reads the new password (twice on a terminal) and hashes it into hash.
 * Prints one line and returns false when it is unusable. */
static bool
new_password(char hash[AUTH_HASH_LEN])
{
	char pw[AUTH_PASSWORD_MAX + 2], again[AUTH_PASSWORD_MAX + 2];
	bool ok = false;

	if (!read_line("Password: ", pw, sizeof pw))
		goto out;
	if (isatty(STDIN_FILENO)) {
		if (!read_line("Repeat password: ", again, sizeof again))
			goto out;
		if (strcmp(pw, again) != 0) {
			fprintf(stderr, "warta: the passwords do not match\n");
			goto out;
		}
	}
	switch (auth_password_hash(pw, hash)) {
	case W_OK:
		ok = true;
		break;
	case W_INVAL:
		if (!utf8_valid(pw, strlen(pw)))
			fprintf(stderr, "warta: the password is not valid "
					"UTF-8\n");
		else
			fprintf(stderr,
				"warta: the password is too short "
				"(at least %d characters)\n",
				AUTH_PASSWORD_MIN);
		break;
	default:
		fprintf(stderr, "warta: out of memory hashing the password\n");
		break;
	}
out:
	sodium_memzero(pw, sizeof pw);
	sodium_memzero(again, sizeof again);
	return ok;
}

/* Opens path, which must hold the schema this binary brings. */
static struct db *
open_db(const char *path)
{
	char err[512];
	struct db *db = db_open(path, false, err, sizeof err);

	if (db && migrate_require(db, path, err, sizeof err) != W_OK) {
		db_close(db);
		db = NULL;
	}
	if (!db)
		fprintf(stderr, "warta: %s\n", err);
	return db;
}

/* Writes an audit row for a change made from the command line; a failure
 * is reported but does not undo the change. */
static void
audit(struct db *db, const char *action, const char *email)
{
	if (db_audit_add(db, 0, action, 0, email, "cli", (int64_t)time(NULL)) !=
	    W_OK)
		fprintf(stderr, "warta: could not write the audit log\n");
}

static int
cmd_add(int argc, char **argv)
{
	struct opts o = {0};
	int status =
	    parse(argc, argv, &o,
		  O_DB | O_EMAIL | O_NAME | O_ROLE | O_AUTHOR | O_RANDOM);
	if (status >= 0)
		return status;
	if (!need(o.db, "--db") || !need(o.email, "--email") ||
	    !need(o.name, "--name") || !need(o.role, "--role"))
		return EXIT_USAGE;
	enum role role = role_parse(o.role);
	if (role == ROLE__MAX) {
		fprintf(stderr,
			"warta: unknown role '%s' (want reporter, "
			"editor or admin)\n",
			o.role);
		return EXIT_USAGE;
	}
	char email[EMAIL_MAX + 1];
	if (strlen(o.email) > EMAIL_MAX) {
		fprintf(stderr, "warta: the email is too long\n");
		return EXIT_USAGE;
	}
	strcpy(email, o.email);
	if (!email_ok(email)) {
		fprintf(stderr, "warta: '%s' is not an email address\n",
			o.email);
		return EXIT_USAGE;
	}
	if (!utf8_text(o.name, 1, NAME_MAX_CHARS, false)) {
		fprintf(stderr,
			"warta: the name must be 1 to %d characters "
			"without control characters\n",
			NAME_MAX_CHARS);
		return EXIT_USAGE;
	}

	struct arena a;
	struct user u;
	char hash[AUTH_HASH_LEN], pw[17] = "";
	struct db *db = open_db(o.db);
	if (!db)
		return EXIT_FAIL;
	arena_init(&a);
	status = EXIT_FAIL;
	enum werr e = db_user_by_email(db, &a, email, &u, NULL);
	if (e == W_OK) {
		fprintf(stderr, "warta: a user with email %s already exists\n",
			email);
		goto out;
	} else if (e != W_NOTFOUND) {
		goto out;
	}
	int64_t author_id = 0;
	if (o.author) {
		struct author au;
		e = db_author_by_slug(db, &a, o.author, &au);
		if (e == W_NOTFOUND)
			fprintf(stderr, "warta: no author with slug '%s'\n",
				o.author);
		if (e != W_OK)
			goto out;
		author_id = au.id;
	}

	if (o.random) {
		auth_password_random(pw);
		if (auth_password_hash(pw, hash) != W_OK) {
			fprintf(stderr, "warta: out of memory hashing the "
					"password\n");
			goto out;
		}
	} else if (!new_password(hash)) {
		goto out;
	}
	int64_t id = 0;
	e = db_user_add(db, email, o.name, role, author_id, hash,
			(int64_t)time(NULL), &id);
	if (e == W_CONFLICT)
		fprintf(stderr, "warta: a user with email %s already exists\n",
			email);
	else if (e != W_OK)
		fprintf(stderr, "warta: could not add the user (%s)\n",
			werr_str(e));
	if (e != W_OK)
		goto out;
	audit(db, "user.add", email);
	if (o.random)
		printf("%s\n", pw);
	else
		printf("warta: added %s %s (id %lld)\n", role_name(role), email,
		       (long long)id);
	status = 0;
out:
	sodium_memzero(pw, sizeof pw);
	arena_fini(&a);
	db_close(db);
	return status;
}

/* The common part of passwd, disable and enable: --db and --email, the
 * account looked up. Returns -1 to go on with *db and *u set, else the
 * exit status. */
static int
open_user(int argc, char **argv, struct arena *a, struct db **db,
	  struct user *u)
{
	struct opts o = {0};
	int status = parse(argc, argv, &o, O_DB | O_EMAIL);
	if (status >= 0)
		return status;
	if (!need(o.db, "--db") || !need(o.email, "--email"))
		return EXIT_USAGE;
	*db = open_db(o.db);
	if (!*db)
		return EXIT_FAIL;
	enum werr e = db_user_by_email(*db, a, o.email, u, NULL);
	if (e == W_OK)
		return -1;
	if (e == W_NOTFOUND)
		fprintf(stderr, "warta: no user with email %s\n", o.email);
	db_close(*db);
	*db = NULL;
	return EXIT_FAIL;
}

static int
cmd_passwd(int argc, char **argv)
{
	struct arena a;
	struct db *db = NULL;
	struct user u;
	char hash[AUTH_HASH_LEN];

	arena_init(&a);
	int status = open_user(argc, argv, &a, &db, &u);
	if (status >= 0)
		goto out;
	status = EXIT_FAIL;
	if (!new_password(hash))
		goto out;
	if (db_user_set_password(db, u.id, hash) != W_OK)
		goto out;
	/* An operator resetting a password also lifts the lock. */
	char key[EMAIL_MAX + 8];
	snprintf(key, sizeof key, "email:%s", u.email);
	for (char *p = key; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	if (db_login_clear(db, key) != W_OK)
		goto out;
	audit(db, "user.passwd", u.email);
	printf("warta: password of %s changed; its sessions are ended\n",
	       u.email);
	status = 0;
out:
	arena_fini(&a);
	db_close(db);
	return status;
}

static int
set_disabled(int argc, char **argv, bool disabled)
{
	struct arena a;
	struct db *db = NULL;
	struct user u;

	arena_init(&a);
	int status = open_user(argc, argv, &a, &db, &u);
	if (status >= 0)
		goto out;
	status = EXIT_FAIL;
	if (db_user_set_disabled(db, u.id, disabled) != W_OK)
		goto out;
	audit(db, disabled ? "user.disable" : "user.enable", u.email);
	printf("warta: %s %s\n", u.email, disabled ? "disabled" : "enabled");
	status = 0;
out:
	arena_fini(&a);
	db_close(db);
	return status;
}

static int
cmd_list(int argc, char **argv)
{
	struct opts o = {0};
	int status = parse(argc, argv, &o, O_DB);
	if (status >= 0)
		return status;
	if (!need(o.db, "--db"))
		return EXIT_USAGE;
	struct db *db = open_db(o.db);
	if (!db)
		return EXIT_FAIL;
	struct arena a;
	struct user *users;
	size_t n;
	arena_init(&a);
	status = EXIT_FAIL;
	if (db_users_all(db, &a, &users, &n) != W_OK)
		goto out;
	printf("%-5s %-32s %-8s %-8s %s\n", "ID", "EMAIL", "ROLE", "STATUS",
	       "NAME");
	for (size_t i = 0; i < n; i++) {
		const char *r = role_name(users[i].role);
		printf("%-5lld %-32s %-8s %-8s %s\n", (long long)users[i].id,
		       users[i].email, r ? r : "?",
		       users[i].disabled ? "disabled" : "active",
		       users[i].name);
	}
	status = 0;
out:
	arena_fini(&a);
	db_close(db);
	return status;
}

int
cli_user(int argc, char **argv)
{
	if (argc < 1) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	const char *sub = argv[0];
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0 ||
	    strcmp(sub, "help") == 0) {
		fputs(usage, stdout);
		return 0;
	}
	if (strcmp(sub, "add") == 0)
		return cmd_add(argc - 1, argv + 1);
	if (strcmp(sub, "passwd") == 0)
		return cmd_passwd(argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0)
		return cmd_list(argc - 1, argv + 1);
	if (strcmp(sub, "disable") == 0)
		return set_disabled(argc - 1, argv + 1, true);
	if (strcmp(sub, "enable") == 0)
		return set_disabled(argc - 1, argv + 1, false);
	fprintf(stderr,
		"warta: unknown command 'user %s' (try warta user "
		"--help)\n",
		sub);
	return EXIT_USAGE;
}
