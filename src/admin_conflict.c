/* admin_conflict.c - the editor's 409: what someone else saved since the
 * form was opened, field by field (title, lead, body as a line diff, tags,
 * status), beside the form that still holds what this user typed. */
#include <inttypes.h>
#include <string.h>

#include "admin.h"
#include "admin_articles.h"
#include "datefmt.h"
#include "db_admin_revision.h"
#include "diff.h"
#include "page.h"

/* Unchanged lines kept around each change; longer runs fold into one
 * "..." line. */
#define CONTEXT 2

static const char *const ops[] = {
	[DIFF_SAME] = "same",
	[DIFF_DEL] = "del",
	[DIFF_ADD] = "add",
};

static bool
differ(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") != 0;
}

/* The line diff of from -> to as the list "lines" of o: {op, text}, with
 * long unchanged runs folded. */
static enum werr
add_diff(struct worker *w, struct tobj *o, const char *from, const char *to)
{
	struct diff_line *d;
	size_t n;
	int exact;
	enum werr e = diff_lines(&w->arena, from, to, &d, &n, &exact);
	if (e != W_OK)
		return e;
	struct tlist *l = tobj_list(o, "lines");
	size_t last_change = SIZE_MAX; /* index of the previous change */
	bool folded = false;
	for (size_t i = 0; i < n; i++) {
		if (d[i].op != DIFF_SAME) {
			last_change = i;
		} else {
			/* Near the previous change or the next one? */
			bool near = last_change != SIZE_MAX &&
				    i - last_change <= CONTEXT;
			for (size_t k = i + 1; !near && k < n && k <= i + CONTEXT;
			     k++)
				near = d[k].op != DIFF_SAME;
			if (!near) {
				if (!folded) {
					struct tobj *g = tlist_add(l);
					tobj_str(g, "op", "gap");
					tobj_str(g, "text", "\xE2\x80\xA6");
				}
				folded = true;
				continue;
			}
		}
		folded = false;
		struct tobj *it = tlist_add(l);
		tobj_str(it, "op", ops[d[i].op]);
		tobj_str(it, "text",
			 d[i].len ? arena_strndup(&w->arena, d[i].s, d[i].len)
				  : " ");
	}
	tobj_bool(o, "inexact", !exact);
	return W_OK;
}

/* One field of the panel when the other side changed it. base NULL: no
 * record of the version the form was opened on, so the diff runs from
 * what this user has to what is stored. */
static enum werr
add_field(struct worker *w, struct tlist *l, const char *label,
	  const char *base, const char *theirs, const char *mine)
{
	const char *from = base ? base : mine;
	if (!differ(from, theirs))
		return W_OK;
	struct tobj *o = tlist_add(l);
	tobj_str(o, "label", label);
	tobj_str(o, "theirs", theirs);
	tobj_bool(o, "both", base && differ(base, mine) &&
				     differ(mine, theirs));
	return add_diff(w, o, from, theirs);
}

/* "a, b, c" of n names, in the arena. */
static const char *
joined(struct worker *w, const char *const *names, size_t n)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_puts(&b, ", ");
		buf_puts(&b, names[i]);
	}
	const char *out = buf_err(&b) == W_OK
				  ? arena_strdup(&w->arena, buf_cstr(&b))
				  : NULL;
	buf_fini(&b);
	return out ? out : "";
}

/* "21.04" in the site's time zone. */
static const char *
clock_of(struct worker *w, int64_t t)
{
	struct local_date d;
	datefmt_local(t, w->site.tz_offset, &d);
	return arena_printf(&w->arena, "%02d.%02d %s", d.hour, d.min,
			    w->site.tz_abbr);
}

enum werr
admin_conflict(struct worker *w, struct tobj *ctx,
	       const struct admin_article *mine,
	       const struct admin_article *theirs, int64_t base_version,
	       const char *action)
{
	struct admin_snapshot base, now;
	enum werr e = db_admin_revision_at(w->db, &w->arena, theirs->id,
					   base_version, &base);
	if (e != W_OK && e != W_NOTFOUND)
		return e;
	bool have_base = e == W_OK;
	e = db_admin_revision_at(w->db, &w->arena, theirs->id, theirs->version,
				 &now);
	if (e != W_OK && e != W_NOTFOUND)
		return e;
	bool have_now = e == W_OK;

	struct tobj *c = tobj_obj(ctx, "conflict");
	tobj_str(c, "who", have_now && now.user_name[0] ? now.user_name
							 : "Pengguna lain");
	tobj_str(c, "when", clock_of(w, theirs->updated_at));
	tobj_bool(c, "no_base", !have_base);
	tobj_str(c, "theirs_url",
		 arena_printf(&w->arena, "/admin/articles/%" PRId64 "/edit",
			      theirs->id));
	tobj_str(c, "action", action ? action : "draft");
	struct tlist *l = tobj_list(c, "fields");
	const char *mine_tags = joined(w, mine->tags, mine->ntags);
	const char *their_tags = joined(w, theirs->tags, theirs->ntags);
	if ((e = add_field(w, l, "Judul", have_base ? base.title : NULL,
			   theirs->title, mine->title)) != W_OK ||
	    (e = add_field(w, l, "Teras", have_base ? base.lead : NULL,
			   theirs->lead, mine->lead)) != W_OK ||
	    (e = add_field(w, l, "Isi", have_base ? base.body_md : NULL,
			   theirs->body_md, mine->body_md)) != W_OK ||
	    (e = add_field(w, l, "Tag", have_base ? base.tags : NULL,
			   their_tags, mine_tags)) != W_OK)
		return e;
	/* The status is the other side's alone: the form does not edit it,
	 * its buttons ask for a change from what is stored now. */
	const char *was = have_base ? admin_status_label(article_status_parse(
					      base.status))
				    : NULL;
	const char *is = admin_status_label(theirs->status);
	if (was && differ(was, is)) {
		struct tobj *o = tlist_add(l);
		tobj_str(o, "label", "Status");
		tobj_str(o, "theirs", is);
		if ((e = add_diff(w, o, was, is)) != W_OK)
			return e;
	}
	return tobj_err(c);
}
