/* admin_articles.h - the article pages of the admin: the editor
 * (admin_editor.c), the listing, revisions and preview (admin_articles.c)
 * and uploaded images (admin_media.c).
 *
 * Every admin_article_* handler runs behind admin_gate() (route flag
 * ROUTE_ADMIN), so w->session is set and a POST has passed the CSRF and
 * Origin checks; each still checks role and ownership itself, on the
 * stored article, before changing anything. */
#ifndef WARTA_ADMIN_ARTICLES_H
#define WARTA_ADMIN_ARTICLES_H

#include "app.h"
#include "db_admin_article.h"
#include "form.h"
#include "media.h"
#include "tpl.h"

/* GET /admin/articles: the listing, filtered by ?status=, ?section=ID,
 * ?author=ID and ?q=words, paged by ?sebelum=TIME.ID. */
enum werr admin_articles_list(struct worker *w, struct req *req,
			      struct resp *resp);
/* GET /admin/articles/new: an empty editor. */
enum werr admin_article_new(struct worker *w, struct req *req,
			    struct resp *resp);
/* POST /admin/articles: create, with the form's action button. */
enum werr admin_article_create(struct worker *w, struct req *req,
			       struct resp *resp);
/* GET /admin/articles/:id/edit: the editor. */
enum werr admin_article_edit(struct worker *w, struct req *req,
			     struct resp *resp);
/* POST /admin/articles/:id: save, with the form's action button
 * (action=draft|submit|publish|schedule|unpublish|delete). */
enum werr admin_article_update(struct worker *w, struct req *req,
			       struct resp *resp);
/* POST /admin/articles/:id/correction: add a public correction note. */
enum werr admin_article_correct(struct worker *w, struct req *req,
				struct resp *resp);
/* GET /admin/articles/:id/revisions: who saved what, when. */
enum werr admin_article_revisions(struct worker *w, struct req *req,
				  struct resp *resp);
/* POST /admin/articles/:id/revisions/:rev/restore: a new save of that
 * revision's content. */
enum werr admin_article_restore(struct worker *w, struct req *req,
				struct resp *resp);
/* POST /admin/preview (a new story) and POST /admin/articles/:id/preview:
 * the editor form as the reader's whole article page (page_article_render:
 * title, lead, picture, byline, dateline, body with BACA JUGA boxes),
 * marked as a preview, never indexed, no-store like every admin page. The
 * form's mistakes are not refused here; the save refuses them. */
enum werr admin_preview(struct worker *w, struct req *req, struct resp *resp);

/* Presence and autosave (admin_collab.c). */

/* POST /admin/articles/:id/presence: static/admin.js's heartbeat; the
 * user keeps the story open for PRESENCE_BEAT_TTL more seconds, or with
 * leave=1 closes it. 204. */
enum werr admin_presence_beat(struct worker *w, struct req *req,
			      struct resp *resp);
/* POST /admin/articles/:id/autosave and /admin/articles/new/autosave: the
 * form's text fields (and its version) kept as the user's autosave of the
 * story; answers 200 with the time ("21.04"). Only for users who may save
 * the story. */
enum werr admin_autosave(struct worker *w, struct req *req, struct resp *resp);
/* POST .../autosave/discard: forgets it; 303 back to the editor. */
enum werr admin_autosave_discard(struct worker *w, struct req *req,
				 struct resp *resp);

/* Adds to the editor's ctx what collab knows of story id (0: the user's
 * new story): autosave_url, presence_url, "editing" (others who have it
 * open: name, since), and unless restored the user's own "autosave"
 * (when, restore_url, discard_url). Failures only leave things out. */
void admin_collab_editor(struct worker *w, const struct req *req,
			 struct tobj *ctx, int64_t id, bool restored);

/* "21.04": the wall-clock time of t in the site's time zone, in the
 * worker's arena. */
const char *admin_clock(struct worker *w, int64_t t);

/* What the editor shares with the other article pages (admin_articles.c). */

/* The public path of an article with this slug and publication time, as
 * page_article_path() dates it; in the worker's arena. */
const char *admin_article_path(struct worker *w, const char *slug,
			       int64_t published_at);

/* True when the signed-in user may do act to a (db_admin_article_may). */
bool admin_article_may(struct worker *w, const struct admin_article *a,
		       enum article_action act);

/* Loads the stored article named by the route's :id; W_NOTFOUND when the
 * id is malformed or names none. */
enum werr admin_article_get(struct worker *w, const struct req *req,
			    struct admin_article *out) WUNUSED;

/* The 303 after act succeeded on a (created: a save that made it), with
 * the action's ?ok= flash: to the listing after a delete, to the dashboard
 * when the user may no longer edit a (a reporter's submitted story), else
 * back to the editor. */
enum werr admin_article_done(struct worker *w, struct resp *resp,
			     const struct admin_article *a,
			     enum article_action act, bool created) WUNUSED;

/* GET /media/:name: an uploaded image, with its type from its name, never
 * sniffable as HTML, cached for a year (names never change content). */
enum werr page_media(struct worker *w, struct req *req, struct resp *resp);

/* Removes a legacy upload's file (media_name_valid names only), a picture
 * deleted from the library; failures are logged. */
void admin_upload_discard(struct worker *w, const char *name);

/* Pictures (admin_media.c): every upload of the editor and the library
 * is decoded and re-encoded by the warta-picture helper (imgproc.h). */

/* A quick look at an uploaded file before anything runs: NULL when it may
 * go to the helper, else the Indonesian sentence, naming the file, for an
 * empty file or one over MEDIA_MAX_SIZE. */
const char *admin_picture_check(struct worker *w,
				const struct form_field *file);

/* Makes the uploaded file a picture: the one already in the library when
 * the same bytes came before (nothing runs), else the helper decodes it
 * and writes its renditions (focal point in the centre). W_OK with *why
 * NULL: out->pic and out->size are set, *made tells whether files were
 * written now (imgproc_discard them if what follows fails). W_OK with *why
 * set: refused, with the Indonesian sentence naming the file; nothing was
 * stored. W_IO when the helper could not do its work (logged). */
enum werr admin_picture_make(struct worker *w, const struct form_field *file,
			     struct admin_picture *out, bool *made,
			     const char **why) WUNUSED;

/* admin_picture_make for the pictures that come with another form (a
 * live update, a candidate pair), then recorded in the library at once:
 * on W_OK with *why NULL and file non-NULL, *m names the picture's row
 * (m->id). *why set: refused (nothing stored). file NULL: nothing
 * uploaded, *m zeroed. */
enum werr admin_picture_upload(struct worker *w, const struct req *req,
			       const struct form_field *file,
			       struct admin_media *m, const char **why) WUNUSED;

/* The root-relative address of picture p's JPEG rendition nearest to want
 * px wide (the widest not wider, else the narrowest), or of a legacy
 * upload's file name when p has no key; in the worker's arena. NULL when
 * there is neither. */
const char *admin_picture_src(struct worker *w, const char *name,
			      const struct picture *p, int want);

/* Fills ctx's "conflict" for the editor's 409 page (admin_conflict.c):
 * who saved theirs (the stored article) and when, and for each of title,
 * lead, body, tags and status that they changed since base_version (the
 * version mine was opened on) the line diff from that version to theirs,
 * noting where mine changed it too. Without a revision of base_version the
 * diffs run from mine to theirs. action is the button mine was sent with,
 * for "keep mine". */
enum werr admin_conflict(struct worker *w, struct tobj *ctx,
			 const struct admin_article *mine,
			 const struct admin_article *theirs,
			 int64_t base_version, const char *action) WUNUSED;

/* POST /admin/articles/bulk (admin_bulk.c): bulk=publish|unpublish|
 * section|delete on every "item" ("ID.VERSION", as the listing showed it),
 * with reason (unpublish) or section; each article checked and saved as
 * the editor does one by one (role, ownership, its status rule, its
 * version). 303 to the listing when all succeeded; else a page of what
 * happened to each, 403, 409 or 422 by the worst refusal. */
enum werr admin_articles_bulk(struct worker *w, struct req *req,
			      struct resp *resp);
/* GET /admin/agenda: the scheduled stories to come, by day. */
enum werr admin_agenda(struct worker *w, struct req *req, struct resp *resp);

#endif
