/* warta_picture.c - the warta-picture helper: one upload on standard input
 * in, its renditions in the media directory out (image.h). The daemon runs
 * it once per upload (imgproc.c) and reads "KEY WIDTH HEIGHT" from its
 * standard output, or its exit status (IMAGE_EXIT_BASE + enum image_err)
 * for a refusal. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <sodium.h>

#include "image.h"

/* Bigger than any upload the daemon accepts; a guard for hand use. */
#define INPUT_MAX (64u * 1024 * 1024)

static const char usage[] =
	"usage: warta-picture --dir DIR [--max-pixels N] [--focal FX,FY]\n"
	"                     [--keep-original] [--svg] < PICTURE\n"
	"       warta-picture --dir DIR --recrop KEY --size W,H --focal FX,FY\n"
	"options for both: [--limit-mem MB] [--limit-cpu SECONDS]\n"
	"\n"
	"Decodes PICTURE (JPEG, PNG, WebP, HEIC/HEIF), turns it upright and\n"
	"writes every rendition into DIR without metadata; prints\n"
	"\"KEY WIDTH HEIGHT\". --recrop makes the crops of a stored picture\n"
	"again around a new focal point. A refusal exits with 11 (empty),\n"
	"12 (not a supported picture), 13 (does not decode), 14 (too many\n"
	"pixels); 15 is a write error, 1 a usage error.\n";

#if defined(__SANITIZE_ADDRESS__)
/* LeakSanitizer (the test build): fontconfig, which librsvg and pango use
 * for the text of the demo's SVG drawings (--svg), keeps its
 * configuration for the life of the process, and pango never calls the
 * FcFini that would free it. Only that library's frames are excused. */
const char *__lsan_default_suppressions(void);
const char *
__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

/* ... and says nothing about it: the helper's stderr is warta's log. */
const char *__lsan_default_options(void);
const char *
__lsan_default_options(void)
{
	return "print_suppressions=0";
}
#endif

/* The whole of standard input; NULL when it is over INPUT_MAX or fails. */
static unsigned char *
slurp(size_t *len)
{
	size_t cap = 1 << 20, n = 0;
	unsigned char *buf = malloc(cap);

	while (buf) {
		if (n == cap) {
			unsigned char *b = cap < INPUT_MAX ? realloc(buf, cap * 2)
							   : NULL;
			if (!b) {
				free(buf);
				return NULL;
			}
			buf = b;
			cap *= 2;
		}
		ssize_t r = read(0, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	*len = n;
	return buf;
}

static bool
pair(const char *s, int *a, int *b, int max)
{
	char *end;
	long x = strtol(s, &end, 10);
	if (end == s || *end != ',' || x < 0 || x > max)
		return false;
	s = end + 1;
	long y = strtol(s, &end, 10);
	if (end == s || *end || y < 0 || y > max)
		return false;
	*a = (int)x;
	*b = (int)y;
	return true;
}

/* The daemon's limits, applied to ourselves before reading a byte. */
static void
limit(int resource, long long v)
{
	struct rlimit rl = {(rlim_t)v, (rlim_t)v};
	if (v > 0 && setrlimit(resource, &rl) != 0)
		fprintf(stderr, "warta-picture: setrlimit: %s\n",
			strerror(errno));
}

int
main(int argc, char **argv)
{
	struct image_opts o = {.max_pixels = IMAGE_MAX_PIXELS_DEFAULT,
			       .fx = PICTURE_FOCAL_MAX / 2,
			       .fy = PICTURE_FOCAL_MAX / 2};
	struct picture p = {.fx = -1};
	const char *recrop = NULL, *size = NULL;
	long long mem_mb = 0, cpu_s = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--keep-original") == 0) {
			o.keep_original = true;
			continue;
		}
		if (strcmp(a, "--svg") == 0) {
			o.allow_svg = true;
			continue;
		}
		if (!v)
			goto bad;
		i++;
		if (strcmp(a, "--dir") == 0)
			o.dir = v;
		else if (strcmp(a, "--max-pixels") == 0)
			o.max_pixels = atoll(v);
		else if (strcmp(a, "--focal") == 0) {
			if (!pair(v, &o.fx, &o.fy, PICTURE_FOCAL_MAX))
				goto bad;
		} else if (strcmp(a, "--recrop") == 0)
			recrop = v;
		else if (strcmp(a, "--size") == 0)
			size = v;
		else if (strcmp(a, "--limit-mem") == 0)
			mem_mb = atoll(v);
		else if (strcmp(a, "--limit-cpu") == 0)
			cpu_s = atoll(v);
		else
			goto bad;
	}
	if (!o.dir || o.max_pixels < 1)
		goto bad;
	if (recrop) {
		if (!size || strlen(recrop) != PICTURE_KEY_LEN ||
		    !pair(size, &p.width, &p.height, 1 << 30))
			goto bad;
		memcpy(p.key, recrop, PICTURE_KEY_LEN + 1);
		p.fx = o.fx;
		p.fy = o.fy;
	}
	/* AddressSanitizer reserves terabytes of address space: an address
	 * space limit would stop a sanitized build from starting. */
#if defined(__SANITIZE_ADDRESS__)
	(void)mem_mb;
#else
	limit(RLIMIT_AS, mem_mb * 1024 * 1024);
#endif
	limit(RLIMIT_CPU, cpu_s);
	if (sodium_init() < 0 || image_init(argv[0]) != 0)
		return 1;

	enum image_err e;
	if (recrop) {
		e = image_recrop(&o, &p);
	} else {
		size_t len = 0;
		unsigned char *data = slurp(&len);
		if (!data) {
			fprintf(stderr, "warta-picture: cannot read the "
					"picture (over %u bytes?)\n",
				INPUT_MAX);
			image_fini();
			return 1;
		}
		e = image_process(data, len, &o, &p);
		free(data);
	}
	if (e == IMAGE_OK)
		printf("%s %d %d\n", p.key, p.width, p.height);
	image_fini();
	if (fflush(stdout) != 0)
		return 1;
	return e == IMAGE_OK ? 0 : IMAGE_EXIT_BASE + (int)e;
bad:
	fputs(usage, stderr);
	return 1;
}
