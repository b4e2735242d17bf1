/* main.c - the warta command line: init, serve, help. Everything that may
 * exit the process happens here, before anything listens. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "auth.h"
#include "backup.h"
#include "check.h"
#include "cli_user.h"
#include "db.h"
#include "db_plan.h"
#include "db_site.h"
#include "demo_pictures.h"
#include "imgproc.h"
#include "fe_cgi.h"
#include "metrics.h"
#include "migrate.h"
#include "mount.h"
#include "server.h"
#include "shm.h"
#include "tpl.h"

#define EXIT_USAGE 2

extern char **environ;

/* One command-line option: "--name VALUE" or "--name=VALUE", or a flag. */
struct opt {
	const char *name;
	bool takes_value;
	const char **value; /* set to the value, or to "" for a flag */
};

static const char usage_main[] =
	"usage: warta COMMAND [OPTIONS]\n"
	"\n"
	"Warta, a news CMS for local newsrooms.\n"
	"\n"
	"commands:\n"
	"  init    create or migrate the database\n"
	"  serve   serve the site over HTTP and/or FastCGI\n"
	"  cgi     answer one request as a CGI program\n"
	"  user    manage the accounts of the newsroom admin\n"
	"  backup  copy the database and media while warta serves\n"
	"  check   check the database, its search index and the media\n"
	"  restore put a backup back\n"
	"\n"
	"options:\n"
	"  --help     show this help (warta COMMAND --help for a command)\n"
	"  --version  print the version\n";

static const char usage_init[] =
	"usage: warta init --db FILE [--demo [--media DIR]] "
	"[--site-name NAME]\n"
	"                  [--base-url URL]\n"
	"\n"
	"Creates the database or applies the migrations it lacks; running it\n"
	"again is a no-op.\n"
	"\n"
	"  --db FILE         the SQLite database (created when missing)\n"
	"  --demo            load the demo newsroom (empty database only)\n"
	"  --media DIR       with --demo: draw the demo stories' pictures\n"
	"                    into DIR (warta-picture; without it the demo\n"
	"                    has none)\n"
	"  --site-name NAME  the site's name, e.g. \"Warta Banten\"\n"
	"  --base-url URL    the public address, e.g. https://warta.example\n";

static const char usage_serve[] =
	"usage: warta serve --db FILE [--http ADDR:PORT] "
	"[--fastcgi unix:PATH|ADDR:PORT]\n"
	"                   [--workers N] [--no-master] [--threads N]\n"
	"                   [--templates DIR] [--static DIR]\n"
	"                   [--media DIR] [--synchronous normal|full]\n"
	"                   [--monitor-token-file FILE] [--min-free-mb N]\n"
	"                   [--allow-root] [--prefix PATH]\n"
	"                   [--picture-max-mp N] [--keep-originals]\n"
	"\n"
	"Serves the site until SIGTERM or SIGINT. Without --http or --fastcgi\n"
	"it serves HTTP on 127.0.0.1:8080. A master process holds the sockets\n"
	"and keeps the worker processes running: SIGHUP re-reads the\n"
	"templates, SIGUSR2 re-executes the binary (see docs/operating.md).\n"
	"\n"
	"  --db FILE          the SQLite database made by `warta init`\n"
	"  --http ADDR:PORT   the embedded HTTP server, e.g. 127.0.0.1:8080\n"
	"  --fastcgi ADDR     FastCGI for nginx: unix:/run/warta.sock or "
	"127.0.0.1:9000\n"
	"  --workers N        worker processes (default 2, at most 64)\n"
	"  --no-master        serve in this one process, unsupervised (for\n"
	"                     debugging)\n"
	"  --threads N        threads per front end in each worker (default 4)\n"
	"  --templates DIR    templates directory (default\n"
	"                     " WARTA_DATADIR "/templates)\n"
	"  --static DIR       static files for /static/ (default\n"
	"                     " WARTA_DATADIR "/static)\n"
	"  --media DIR        uploaded images, served at /media/ (default\n"
	"                     ./media, created when missing)\n"
	"  --synchronous MODE normal (default): a power cut may lose the last\n"
	"                     commits, never corrupt; full: no acknowledged\n"
	"                     save is lost, one fsync per save\n"
	"  --monitor-token-file FILE\n"
	"                     a token (16 to 256 printable characters) that\n"
	"                     opens /healthz and /metrics to other addresses\n"
	"                     than loopback: Authorization: Bearer TOKEN\n"
	"  --min-free-mb N    free disk space /healthz wants (default 256)\n"
	"  --allow-root       serve even as root (not advised)\n"
	"  --prefix PATH      the mount point when the site is not at the\n"
	"                     root of its host, e.g. /berita (default: the\n"
	"                     root)\n"
	"  --picture-max-mp N uploads over N megapixels are refused (default\n"
	"                     50)\n"
	"  --keep-originals   keep each upload as uploaded (KEY.orig in the\n"
	"                     media directory, never served) for sharper new\n"
	"                     crops\n";

static const char usage_cgi[] =
	"usage: warta cgi --db FILE [--templates DIR] [--static DIR] "
	"[--media DIR]\n"
	"                 [--prefix PATH]\n"
	"\n"
	"Answers the one request a web server passes by CGI (RFC 3875) and\n"
	"exits. The options are those of `warta serve`; the mount point is\n"
	"SCRIPT_NAME unless --prefix names it (--prefix / for the root).\n"
	"Each may also come from the environment: WARTA_DB, WARTA_TEMPLATES,\n"
	"WARTA_STATIC, WARTA_MEDIA, WARTA_PREFIX. The warta binary run by a\n"
	"web server itself (GATEWAY_INTERFACE set, no `cgi` command) reads\n"
	"only those.\n";

static const char usage_backup[] =
	"usage: warta backup --db FILE --to DEST [--media DIR]\n"
	"\n"
	"Copies the database with SQLite's online backup (warta may go on\n"
	"serving and writing) into DEST, the media directory into\n"
	"DEST.media/, and writes DEST.manifest with each file's BLAKE2b hash\n"
	"and size, last. Never overwrites: DEST must not exist.\n"
	"\n"
	"  --db FILE    the database warta serves\n"
	"  --to DEST    the backup's database file, e.g.\n"
	"               /var/lib/warta/backups/2024-11-27.db\n"
	"  --media DIR  the uploaded images (default ./media)\n";

static const char usage_check[] =
	"usage: warta check --db FILE [--media DIR]\n"
	"\n"
	"Runs SQLite's integrity_check and foreign_key_check, checks the\n"
	"search index against the articles, and compares the media directory\n"
	"with the pictures of the database (missing files, orphan files).\n"
	"Prints one line per problem; exits 0 when there is none, 1 when\n"
	"there are. Safe while warta serves; reads the whole database.\n"
	"\n"
	"  --db FILE    the database\n"
	"  --media DIR  the uploaded images (default ./media)\n";

static const char usage_restore[] =
	"usage: warta restore --from DEST --db FILE [--media DIR]\n"
	"\n"
	"Puts the backup DEST (made by warta backup) back: checks every\n"
	"file against DEST.manifest first, then copies the media files that\n"
	"DIR lacks and the database to FILE. FILE must not exist: stop warta\n"
	"and move the old database (and any FILE-wal, FILE-shm) aside first.\n"
	"Then run warta init --db FILE, which applies newer migrations.\n"
	"\n"
	"  --from DEST  the backup's database file\n"
	"  --db FILE    where the database goes\n"
	"  --media DIR  the uploaded images (default ./media)\n";

/* Parses argv against opts. On --help prints help and exits 0; on an
 * unknown option or a missing value prints one line and exits 2. */
static void
parse(int argc, char **argv, const struct opt *opts, const char *help)
{
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			fputs(help, stdout);
			exit(0);
		}
		const char *eq = strchr(arg, '=');
		size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
		const struct opt *o = NULL;
		for (size_t j = 0; opts[j].name; j++) {
			if (strlen(opts[j].name) == len &&
			    strncmp(opts[j].name, arg, len) == 0)
				o = &opts[j];
		}
		if (!o) {
			fprintf(stderr, "warta: unknown option '%.*s'\n",
				(int)len, arg);
			exit(EXIT_USAGE);
		}
		if (!o->takes_value) {
			if (eq) {
				fprintf(stderr,
					"warta: option '%s' takes no value\n",
					o->name);
				exit(EXIT_USAGE);
			}
			*o->value = "";
		} else if (eq) {
			*o->value = eq + 1;
		} else if (i + 1 < argc) {
			*o->value = argv[++i];
		} else {
			fprintf(stderr, "warta: option '%s' needs a value\n",
				o->name);
			exit(EXIT_USAGE);
		}
		if (o->takes_value && !**o->value) {
			fprintf(stderr, "warta: option '%s' needs a value\n",
				o->name);
			exit(EXIT_USAGE);
		}
	}
}

static void
require(const char *value, const char *name)
{
	if (!value) {
		fprintf(stderr, "warta: missing required option '%s'\n", name);
		exit(EXIT_USAGE);
	}
}

static bool media_dir(const char *dir);

/* The demo newsroom's pictures (demo_pictures.h), drawn by the helper
 * beside this binary into the media directory mdir (created when
 * missing), all or none. */
static bool
demo_draw(struct db *db, const char *mdir, size_t *drawn)
{
	char exe[IMGPROC_PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	struct imgproc ip;
	exe[n > 0 ? n : 0] = '\0';
	if (!media_dir(mdir) || imgproc_init(&ip, n > 0 ? exe : NULL,
					     false) != 0)
		return false;
	enum werr e = db_begin(db);
	if (e == W_OK)
		e = demo_pictures(db, &ip, mdir, time(NULL), drawn);
	if (e == W_OK)
		e = db_commit(db);
	if (e != W_OK) {
		db_rollback(db);
		fprintf(stderr, "warta: demo pictures: %s\n", werr_str(e));
	}
	imgproc_fini(&ip);
	return e == W_OK;
}

static int
cmd_init(int argc, char **argv)
{
	const char *db_path = NULL, *demo = NULL, *name = NULL, *url = NULL;
	const char *mdir = NULL;
	const struct opt opts[] = {
		{"--db", true, &db_path},
		{"--demo", false, &demo},
		{"--media", true, &mdir},
		{"--site-name", true, &name},
		{"--base-url", true, &url},
		{0},
	};
	parse(argc, argv, opts, usage_init);
	require(db_path, "--db");

	char err[512];
	int status = 1, applied = 0;
	/* A new database is private to warta's user: it holds password
	 * hashes and sessions, and nginx's user shares warta's group for the
	 * socket and media. SQLite gives -wal and -shm the same mode. (Any
	 * other failure here, db_open() reports.) */
	int fd = open(db_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0)
		close(fd);
	struct db *db = db_open(db_path, true, err, sizeof err);
	if (!db) {
		fprintf(stderr, "warta: %s\n", err);
		return 1;
	}
	if (migrate_up(db, &applied, err, sizeof err) != W_OK) {
		fprintf(stderr, "warta: %s\n", err);
		goto out;
	}
	if (name && db_site_set(db, "site_name", name) != W_OK) {
		fprintf(stderr, "warta: invalid --site-name '%s'\n", name);
		status = EXIT_USAGE;
		goto out;
	}
	if (url && db_site_set(db, "base_url", url) != W_OK) {
		fprintf(stderr, "warta: invalid --base-url '%s' "
				"(want http://host or https://host)\n", url);
		status = EXIT_USAGE;
		goto out;
	}
	if (demo && migrate_demo(db, err, sizeof err) != W_OK) {
		fprintf(stderr, "warta: %s\n", err);
		goto out;
	}
	size_t drawn = 0;
	if (demo && mdir && !demo_draw(db, mdir, &drawn))
		goto out;
	printf("warta: %s at schema version %d (%d migration%s applied)%s\n",
	       db_path, migrate_latest(), applied, applied == 1 ? "" : "s",
	       demo ? ", demo newsroom loaded" : "");
	if (drawn)
		printf("warta: %zu demo pictures drawn into %s\n", drawn, mdir);
	status = 0;
out:
	db_close(db);
	return status;
}

/* Checks, before serving, that the database opens and has the schema this
 * binary expects. */
static bool
check_db(const char *path)
{
	char err[512];
	struct db *db = db_open(path, false, err, sizeof err);
	if (!db) {
		fprintf(stderr, "warta: %s\n", err);
		return false;
	}
	enum werr e = migrate_require(db, path, err, sizeof err);
	db_close(db);
	if (e != W_OK)
		fprintf(stderr, "warta: %s\n", err);
	return e == W_OK;
}

/* Makes sure the upload directory exists (creating it, not its parents)
 * before serving; an unwritable one shows in the log at the first
 * upload. */
static bool
media_dir(const char *dir)
{
	struct stat st;
	if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
		fprintf(stderr, "warta: --media %s: %s\n", dir, strerror(errno));
		return false;
	}
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "warta: --media %s: not a directory\n", dir);
		return false;
	}
	return true;
}

/* Loads the templates of dir and checks that the ones serving needs are
 * there. NULL, with one line on stderr, on failure. */
static struct tpl_set *
load_templates(const char *dir)
{
	static const char *const required[] = {
		"layout", "home", "article", "list", "error", "gone",
		"_card", "_baca_juga", "_dateline", "_picture",
		"admin_layout", "admin_login", "admin_home", "_admin_row",
		"admin_edit", "admin_articles", "admin_revisions",
	};
	char err[512];
	struct tpl_set *tpl = tpl_set_load(dir, err, sizeof err);

	if (!tpl) {
		fprintf(stderr, "warta: %s\n", err);
		return NULL;
	}
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
		if (!tpl_has(tpl, required[i])) {
			fprintf(stderr, "warta: %s/%s.html: missing template\n",
				dir, required[i]);
			tpl_set_free(tpl);
			return NULL;
		}
	}
	return tpl;
}

/* Normalises the --prefix into root (MOUNT_MAX + 1 bytes). */
static bool
prefix_ok(const char *prefix, char *root)
{
	if (mount_normalise(prefix, root))
		return true;
	fprintf(stderr, "warta: --prefix wants a path such as /berita "
			"(letters, digits, -._~ between slashes), not '%s'\n",
		prefix);
	return false;
}

/* The templates `warta serve` runs with, and where they come from. */
struct templates {
	const char *dir;
	struct tpl_set *set;
};

/* SIGHUP, in the master: the new templates replace the old only when they
 * all load; the workers forked next get them. */
static enum werr
reload_templates(struct app *app, void *arg)
{
	struct templates *t = arg;
	struct tpl_set *fresh = load_templates(t->dir);

	if (!fresh)
		return W_PARSE;
	tpl_set_free(t->set);
	t->set = fresh;
	app->tpl = fresh;
	return W_OK;
}

/* Parses a count option: a decimal from 1 to max, or exits 2. */
static unsigned
count_opt(const char *name, const char *value, long max)
{
	char *end;
	long n = strtol(value, &end, 10);

	if (*end || n < 1 || n > max) {
		fprintf(stderr, "warta: %s wants a number from 1 to %ld, not "
				"'%s'\n", name, max, value);
		exit(EXIT_USAGE);
	}
	return (unsigned)n;
}

/* Reads the monitor token from path into out (cap bytes): one line of
 * 16 or more printable ASCII characters, a final newline allowed. */
static bool
read_token(const char *path, char *out, size_t cap)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "warta: --monitor-token-file %s: %s\n", path,
			strerror(errno));
		return false;
	}
	size_t n = fread(out, 1, cap - 1, f);
	bool more = fgetc(f) != EOF;
	fclose(f);
	out[n] = '\0';
	if (n > 0 && out[n - 1] == '\n')
		out[--n] = '\0';
	bool ok = !more && n >= 16;
	for (size_t i = 0; ok && i < n; i++)
		ok = out[i] > ' ' && out[i] < 0x7f;
	if (!ok)
		fprintf(stderr, "warta: --monitor-token-file %s: want one line "
				"of 16 to %zu printable characters\n",
			path, cap - 2);
	return ok;
}

static int
cmd_serve(int argc, char **argv, char **all_argv)
{
	const char *db_path = NULL, *http = NULL, *fcgi = NULL;
	const char *threads = NULL, *tdir = WARTA_DATADIR "/templates";
	const char *sdir = WARTA_DATADIR "/static";
	const char *mdir = "media", *sync = NULL, *workers = NULL;
	const char *no_master = NULL, *token_file = NULL, *min_free = NULL;
	const char *allow_root = NULL, *prefix = NULL, *max_mp = NULL;
	const char *keep_orig = NULL;
	const struct opt opts[] = {
		{"--db", true, &db_path},
		{"--prefix", true, &prefix},
		{"--http", true, &http},
		{"--fastcgi", true, &fcgi},
		{"--workers", true, &workers},
		{"--no-master", false, &no_master},
		{"--threads", true, &threads},
		{"--templates", true, &tdir},
		{"--static", true, &sdir},
		{"--media", true, &mdir},
		{"--synchronous", true, &sync},
		{"--monitor-token-file", true, &token_file},
		{"--min-free-mb", true, &min_free},
		{"--allow-root", false, &allow_root},
		{"--picture-max-mp", true, &max_mp},
		{"--keep-originals", false, &keep_orig},
		{0},
	};
	parse(argc, argv, opts, usage_serve);
	if (sync && strcmp(sync, "normal") != 0 && strcmp(sync, "full") != 0) {
		fprintf(stderr, "warta: --synchronous wants normal or full, "
				"not '%s'\n", sync);
		return EXIT_USAGE;
	}
	require(db_path, "--db");
	char root[MOUNT_MAX + 1];
	if (prefix && !prefix_ok(prefix, root))
		return EXIT_USAGE;

	/* The binary's path now, for SIGUSR2: once an upgrade has replaced
	 * the file, /proc/self/exe names the deleted old one. */
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0) {
		fprintf(stderr, "warta: cannot find my own binary: %s\n",
			strerror(errno));
		return 1;
	}
	exe[n] = '\0';

	struct templates t = {.dir = tdir};
	struct server_opts so = {
		.http = http,
		.fastcgi = fcgi,
		.threads = 4,
		.workers = 2,
		.no_master = no_master != NULL,
		.argv = all_argv,
		.exe = exe,
		.reload = reload_templates,
		.reload_arg = &t,
	};
	if (!http && !fcgi)
		so.http = "127.0.0.1:8080";
	if (threads)
		so.threads = count_opt("--threads", threads, 256);
	if (workers)
		so.workers =
		    count_opt("--workers", workers, SERVER_WORKERS_MAX);
	uint64_t min_free_mb = 256;
	if (min_free) {
		char *end;
		errno = 0;
		unsigned long long mb = strtoull(min_free, &end, 10);
		if (*end || min_free[0] == '-' || errno || mb > 1000000000ull) {
			fprintf(stderr, "warta: --min-free-mb wants a number "
					"from 0 to 1000000000, not '%s'\n",
				min_free);
			return EXIT_USAGE;
		}
		min_free_mb = mb;
	}
	/* Made before the workers fork: each gets its own copy of the
	 * slot, so at most one picture is processed per worker process. */
	struct imgproc pictures;
	if (imgproc_init(&pictures, exe, true) != 0)
		return 1;
	pictures.keep_original = keep_orig != NULL;
	if (max_mp)
		pictures.max_pixels =
			(int64_t)count_opt("--picture-max-mp", max_mp, 1000) *
			1000000;
	char token[258];
	if (token_file && !read_token(token_file, token, sizeof token))
		return 1;
	if (!check_db(db_path))
		return 1;
	if (!media_dir(mdir))
		return 1;
	t.set = load_templates(tdir);
	if (!t.set)
		return 1;
	/* Last of the start-up checks, so that a configuration mistake is
	 * reported first: a bug in a page must not hand the whole machine
	 * over. The systemd unit runs warta as its own user. */
	if (geteuid() == 0 && !allow_root) {
		fprintf(stderr, "warta: refusing to serve as root (run it as "
				"its own user, or pass --allow-root)\n");
		tpl_set_free(t.set);
		return 1;
	}

	struct app app = {
		.db_path = db_path,
		.static_dir = sdir,
		.media_dir = mdir,
		.prefix = prefix ? root : NULL,
		.tpl = t.set,
		.sync_full = sync && strcmp(sync, "full") == 0,
		.shm = shm_new(),
		.monitor_token = token_file ? token : NULL,
		.min_free_bytes = min_free_mb * 1024 * 1024,
		.pictures = &pictures,
	};
	if (!app.shm) {
		fprintf(stderr, "warta: cannot map shared memory\n");
		tpl_set_free(t.set);
		return 1;
	}
	/* Counted in the shared region, so that every worker process adds
	 * to the same numbers. */
	app.metrics = metrics_at(app.shm->metrics, sizeof app.shm->metrics);
	/* Returns in the master and in every worker alike; each frees its
	 * copy of what follows. */
	bool worker;
	enum werr e = server_run(&app, &so, &worker);
	shm_free(app.shm);
	tpl_set_free(t.set);
	imgproc_fini(&pictures);
	return e == W_OK ? 0 : 1;
}

/* warta explain --db FILE: the reader queries' plans on FILE (db_plan.h),
 * for the scale test; not in the help, not for operators. */
static int
cmd_explain(int argc, char **argv)
{
	const char *db_path = NULL;
	const struct opt opts[] = {{"--db", true, &db_path}, {0}};
	parse(argc, argv, opts, "usage: warta explain --db FILE\n");
	require(db_path, "--db");
	char err[512];
	struct db *db = db_open(db_path, false, err, sizeof err);
	if (!db) {
		fprintf(stderr, "warta: %s\n", err);
		return 1;
	}
	struct arena a;
	struct site site;
	struct buf out;
	arena_init(&a);
	buf_init(&out);
	enum werr e = db_site_load(db, &a, &site);
	if (e == W_OK)
		e = db_plan_reader(db, (int64_t)time(NULL), site.tz_offset,
				   &out);
	if (e == W_OK)
		fwrite(out.data, 1, out.len, stdout);
	else
		fprintf(stderr, "warta: %s: explaining the queries failed\n",
			db_path);
	buf_fini(&out);
	arena_fini(&a);
	db_close(db);
	return e == W_OK ? 0 : 1;
}

static int
cmd_backup(int argc, char **argv)
{
	const char *db_path = NULL, *to = NULL, *mdir = "media";
	const struct opt opts[] = {
		{"--db", true, &db_path},
		{"--to", true, &to},
		{"--media", true, &mdir},
		{0},
	};
	parse(argc, argv, opts, usage_backup);
	require(db_path, "--db");
	require(to, "--to");

	char err[512];
	struct backup_stats st;
	struct stat sb;
	/* SQLite would create a missing database; a backup must not. */
	if (stat(db_path, &sb) != 0) {
		fprintf(stderr, "warta: %s: %s\n", db_path, strerror(errno));
		return 1;
	}
	if (backup_run(db_path, mdir, to, &st, err, sizeof err) != W_OK) {
		fprintf(stderr, "warta: %s\n", err);
		return 1;
	}
	printf("warta: %s backed up to %s (%llu bytes; %zu media files, "
	       "%llu bytes, in %s.media; manifest %s.manifest; %u restart%s "
	       "by writes)\n",
	       db_path, to, (unsigned long long)st.db_bytes, st.media_files,
	       (unsigned long long)st.media_bytes, to, to, st.restarts,
	       st.restarts == 1 ? "" : "s");
	return 0;
}

static int
cmd_check(int argc, char **argv)
{
	const char *db_path = NULL, *mdir = "media";
	const struct opt opts[] = {
		{"--db", true, &db_path},
		{"--media", true, &mdir},
		{0},
	};
	parse(argc, argv, opts, usage_check);
	require(db_path, "--db");

	/* Opened as it is: no journal mode set, nothing created, so that a
	 * backup copy can be checked without being changed. */
	sqlite3 *sq = NULL;
	char err[512];
	struct check_report r;
	int status = 1;
	if (sqlite3_open_v2(db_path, &sq, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "warta: %s: %s\n", db_path,
			sq ? sqlite3_errmsg(sq) : "out of memory");
		goto out;
	}
	sqlite3_busy_timeout(sq, 5000);
	if (check_run(sq, mdir, stdout, &r, err, sizeof err) != W_OK) {
		fprintf(stderr, "warta: %s\n", err);
		goto out;
	}
	if (r.problems) {
		fflush(stdout);
		fprintf(stderr, "warta: %s: %zu problem%s found\n", db_path,
			r.problems, r.problems == 1 ? "" : "s");
		goto out;
	}
	printf("warta: %s: ok (integrity, foreign keys, search index; "
	       "%zu pictures, %zu media files)\n",
	       db_path, r.media_rows, r.media_files);
	status = 0;
out:
	sqlite3_close(sq);
	return status;
}

static int
cmd_restore(int argc, char **argv)
{
	const char *from = NULL, *db_path = NULL, *mdir = "media";
	const struct opt opts[] = {
		{"--from", true, &from},
		{"--db", true, &db_path},
		{"--media", true, &mdir},
		{0},
	};
	parse(argc, argv, opts, usage_restore);
	require(from, "--from");
	require(db_path, "--db");

	char err[512];
	struct backup_stats st;
	if (backup_restore(from, db_path, mdir, &st, err, sizeof err) !=
	    W_OK) {
		fprintf(stderr, "warta: %s\n", err);
		return 1;
	}
	printf("warta: %s restored to %s (%llu bytes; %zu media files "
	       "copied into %s)\n",
	       from, db_path, (unsigned long long)st.db_bytes, st.media_files,
	       mdir);
	return 0;
}

/* The value of the environment variable name, or dflt when it is unset
 * or empty. */
static const char *
env_or(const char *name, const char *dflt)
{
	const char *v = getenv(name);
	return v && *v ? v : dflt;
}

/* One request as a CGI program. Whatever goes wrong, the server gets a
 * well-formed response on stdout (a 503 when warta cannot start) and the
 * reason goes to stderr, its error log. Nothing here migrates or creates
 * anything: start-up must stay cheap (the schema version is read, no
 * more). */
static int
cmd_cgi(int argc, char **argv, char **envp)
{
	const char *db_path = env_or("WARTA_DB", NULL);
	const char *tdir = env_or("WARTA_TEMPLATES", WARTA_DATADIR "/templates");
	const char *sdir = env_or("WARTA_STATIC", WARTA_DATADIR "/static");
	const char *mdir = env_or("WARTA_MEDIA", "media");
	const char *prefix = getenv("WARTA_PREFIX");
	const struct opt opts[] = {
		{"--db", true, &db_path},
		{"--templates", true, &tdir},
		{"--static", true, &sdir},
		{"--media", true, &mdir},
		{"--prefix", true, &prefix},
		{0},
	};
	parse(argc, argv, opts, usage_cgi);

	char err[512], root[MOUNT_MAX + 1];
	struct tpl_set *tpl = NULL;
	struct worker *w = NULL;
	int status = 1;
	if (!db_path) {
		fprintf(stderr, "warta: cgi: no database: give --db or set "
				"WARTA_DB\n");
		goto fail;
	}
	if ((prefix && !prefix_ok(prefix, root)) ||
	    !(tpl = load_templates(tdir)))
		goto fail;
	/* No slot: a CGI process answers one request. */
	struct imgproc pictures;
	char exe[IMGPROC_PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	exe[n > 0 ? n : 0] = '\0';
	if (imgproc_init(&pictures, n > 0 ? exe : NULL, false) != 0)
		goto fail;
	struct app app = {
		.db_path = db_path,
		.static_dir = sdir,
		.media_dir = mdir,
		.prefix = prefix ? root : NULL,
		.tpl = tpl,
		.pictures = &pictures,
	};
	w = worker_new(&app);
	if (!w)
		goto fail;
	db_keep_wal(w->db);
	if (migrate_require(w->db, db_path, err, sizeof err) != W_OK) {
		fprintf(stderr, "warta: %s\n", err);
		goto fail;
	}
	status = fe_cgi_run(w, envp, 0, 1);
	goto out;
fail:
	fe_cgi_unavailable(1);
out:
	worker_free(w);
	tpl_set_free(tpl);
	return status;
}

int
main(int argc, char **argv)
{
	/* Run by a web server as a CGI program: "warta cgi OPTIONS" from a
	 * wrapper script, or the binary itself reading the environment.
	 * Arguments a server made of the visitor's query string are never
	 * options. */
	if (getenv("GATEWAY_INTERFACE")) {
		if (auth_init() != W_OK) {
			fprintf(stderr, "warta: cannot initialise libsodium\n");
			fe_cgi_unavailable(1);
			return 1;
		}
		bool opts = argc >= 2 && strcmp(argv[1], "cgi") == 0 &&
			    !fe_cgi_argv_from_query(argc, argv,
						    getenv("QUERY_STRING"));
		return cmd_cgi(opts ? argc - 2 : 0, argv + 2, environ);
	}
	if (argc < 2) {
		fputs(usage_main, stderr);
		return EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
	    strcmp(cmd, "help") == 0) {
		fputs(usage_main, stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("warta %s\n", WARTA_VERSION);
		return 0;
	}
	/* Passwords and tokens need libsodium before any command runs. */
	if (auth_init() != W_OK) {
		fprintf(stderr, "warta: cannot initialise libsodium\n");
		return 1;
	}
	if (strcmp(cmd, "user") == 0)
		return cli_user(argc - 2, argv + 2);
	if (strcmp(cmd, "init") == 0)
		return cmd_init(argc - 2, argv + 2);
	if (strcmp(cmd, "serve") == 0)
		return cmd_serve(argc - 2, argv + 2, argv);
	if (strcmp(cmd, "explain") == 0)
		return cmd_explain(argc - 2, argv + 2);
	if (strcmp(cmd, "cgi") == 0) {
		for (int i = 2; i < argc; i++) {
			if (strcmp(argv[i], "--help") == 0 ||
			    strcmp(argv[i], "-h") == 0) {
				fputs(usage_cgi, stdout);
				return 0;
			}
		}
		fprintf(stderr, "warta: cgi: run by a web server only "
				"(GATEWAY_INTERFACE is not set)\n");
		return EXIT_USAGE;
	}
	if (strcmp(cmd, "backup") == 0)
		return cmd_backup(argc - 2, argv + 2);
	if (strcmp(cmd, "check") == 0)
		return cmd_check(argc - 2, argv + 2);
	if (strcmp(cmd, "restore") == 0)
		return cmd_restore(argc - 2, argv + 2);
	fprintf(stderr, "warta: unknown command '%s' (try warta --help)\n",
		cmd);
	return EXIT_USAGE;
}
