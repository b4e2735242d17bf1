/* page_static.c - files under /static/ for the embedded server (behind
 * nginx, nginx serves them itself). */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "page.h"

static const struct {
	const char *ext, *type;
} types[] = {
	{".css", "text/css; charset=utf-8"},
	{".js", "text/javascript; charset=utf-8"},
	{".mjs", "text/javascript; charset=utf-8"},
	{".svg", "image/svg+xml"},
	{".png", "image/png"},
	{".jpg", "image/jpeg"},
	{".jpeg", "image/jpeg"},
	{".webp", "image/webp"},
	{".ico", "image/x-icon"},
	{".woff2", "font/woff2"},
	{".txt", "text/plain; charset=utf-8"},
};

static const char *
content_type(const char *path)
{
	const char *dot = strrchr(path, '.');
	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

/* True when every segment of rel is a plain name: no empty segment, none
 * starting with a dot (so no "..", no hidden files), only [A-Za-z0-9._-]. */
static bool
safe_path(const char *rel)
{
	const char *seg = rel;
	for (const char *p = rel;; p++) {
		if (*p == '/' || *p == '\0') {
			if (p == seg || *seg == '.')
				return false;
			if (*p == '\0')
				return true;
			seg = p + 1;
			continue;
		}
		char c = *p;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '-'))
			return false;
	}
}

enum werr
page_send_file(struct worker *w, struct resp *resp, const char *dir,
	       const char *name, const char *content_type,
	       const char *cache_control)
{
	const char *full = arena_printf(&w->arena, "%s/%s", dir, name);
	if (!full)
		return W_NOMEM;
	int fd = open(full, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return W_NOTFOUND;
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return W_NOTFOUND;
	}
	resp->status = 200;
	resp->content_type = content_type;
	resp_header(resp, "Cache-Control", cache_control);
	resp->fd = fd;
	resp->fd_size = (uint64_t)st.st_size;
	return W_OK;
}

enum werr
page_static(struct worker *w, struct req *req, struct resp *resp)
{
	const char *rel = req_param(req, "path");
	if (!rel || !safe_path(rel) || !w->app->static_dir)
		return W_NOTFOUND;
	return page_send_file(w, resp, w->app->static_dir, rel,
			      content_type(rel), "public, max-age=3600");
}
