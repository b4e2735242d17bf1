/* db_admin_article.h - articles as the newsroom writes them: the save that
 * is one transaction with its revision and audit row, who may do what to
 * an article and what each action changes, corrections and deletion.
 * The listing of articles is db_admin.h's, their history
 * db_admin_revision.h's.
 *
 * Every function takes the worker's connection; records returned live in
 * the arena given. Not thread-safe beyond that: one connection, one
 * thread. */
#ifndef WARTA_DB_ADMIN_ARTICLE_H
#define WARTA_DB_ADMIN_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "model.h"
#include "picture.h"
#include "role.h"

/* What one article may carry; the form refuses more. */
#define ADMIN_MAX_AUTHORS 8
#define ADMIN_MAX_TAGS 20
#define ADMIN_MAX_PICKS 8
#define ADMIN_MAX_FOTOS 64 /* inline pictures a story's article_media records */
#define ADMIN_TAG_MAX 60 /* bytes in a tag name */

/* An article as the editor shows and saves it. */
struct admin_article {
	int64_t id; /* 0: not saved yet */
	const char *title;
	const char *slug;
	const char *lead;
	const char *dateline;
	const char *body_md;
	int64_t section_id;
	enum article_status status;
	int64_t published_at;	/* 0: never published or scheduled */
	int64_t unpublished_at; /* 0: not taken down */
	const char *unpublish_reason;
	bool featured;
	int64_t author_ids[ADMIN_MAX_AUTHORS]; /* in byline order */
	size_t nauthors;
	const char *tags[ADMIN_MAX_TAGS]; /* names, in order */
	size_t ntags;
	const char *picks[ADMIN_MAX_PICKS]; /* BACA JUGA picks by slug */
	size_t npicks;
	int64_t image_id;	/* media row, 0: none */
	const char *image_name; /* filled by load: its file name, or "" */
	struct picture image_pic; /* filled by load: key "" for a legacy
				     upload (or none) */
	const char *image_caption;
	const char *image_credit;
	int64_t created_by; /* user id; 0: nobody (demo, deleted account) */
	int64_t editor_id;  /* the user who published; 0: none yet */
	int64_t created_at;
	int64_t updated_at;
	int64_t version; /* 1 when created, one more with every save */
};

/* The buttons of the editor. */
enum article_action {
	ACT_SAVE,      /* keep the status (a new article is a draft) */
	ACT_SUBMIT,    /* draft -> review */
	ACT_PUBLISH,   /* -> published now */
	ACT_SCHEDULE,  /* -> scheduled at a future time */
	ACT_UNPUBLISH, /* public -> unpublished, with a reason */
	ACT_DELETE,    /* drafts only */
	ACT_RESTORE,   /* save an earlier revision's content again */
	ACT_CORRECT,   /* add a public correction note */
	ACT__MAX
};

/* The action for a button value: "draft" or "save", "submit", "publish",
 * "schedule", "unpublish", "delete" (ACT_RESTORE and ACT_CORRECT are not
 * buttons). ACT__MAX for anything else, NULL included. */
enum article_action article_action_parse(const char *name);

/* The audit-log name of an action, "article.publish"; static storage. A
 * save that creates an article is "article.create". */
const char *article_action_audit(enum article_action act, bool created);

/* True while a is on the site at now (article_status_public). Pure. */
bool db_admin_article_live(const struct admin_article *a, int64_t now);

/* True when a user with role and id may do act to a. The rule: a reporter
 * (PERM_ARTICLE_WRITE without PERM_ARTICLE_EDIT_ANY) creates articles
 * (a->id == 0) and touches only articles they created that are still
 * drafts; on top of that each action needs its own permission (SUBMIT,
 * PUBLISH for publish and schedule, UNPUBLISH, DELETE, REVISION_RESTORE).
 * Whether the action makes sense for a's status is db_admin_article_apply's
 * business, not this one's. Pure; thread-safe. */
bool db_admin_article_may(enum role role, int64_t user_id,
			  const struct admin_article *a,
			  enum article_action act);

/* Applies the status change of act to a, done by user_id at time now:
 *   ACT_SAVE      keeps the status (an unknown one, ST__MAX, becomes
 *                 ST_DRAFT: what a new article starts as);
 *   ACT_SUBMIT    draft -> review;
 *   ACT_PUBLISH   -> published; published_at stays when the article had
 *                 already been public (a re-publication), else now;
 *                 editor_id = user_id; the unpublish fields are cleared;
 *   ACT_SCHEDULE  draft, review or a not-yet-public scheduled article ->
 *                 scheduled at when, which must be after now;
 *                 editor_id = user_id;
 *   ACT_UNPUBLISH a public article -> unpublished with reason (non-blank),
 *                 unpublished_at = now;
 *   ACT_DELETE    checks only that a is a draft;
 *   ACT_RESTORE, ACT_CORRECT keep the status (a correction needs a
 *                 public or unpublished article).
 * Returns W_OK, or W_INVAL with *why set to an Indonesian sentence for the
 * form (static storage) and *field to the form field it belongs beside
 * ("schedule", "unpublish_reason", "action", "correction"); a is then
 * unchanged. Pure; thread-safe. */
enum werr db_admin_article_apply(struct admin_article *a,
				 enum article_action act, int64_t user_id,
				 int64_t now, int64_t when, const char *reason,
				 const char **why, const char **field)
	WUNUSED;

/* Loads article id for the editor (authors, tags, picks, image name).
 * W_NOTFOUND when there is none. */
enum werr db_admin_article_load(struct db *db, struct arena *a, int64_t id,
				struct admin_article *out) WUNUSED;

/* An image written to the media directory that the save should record. */
struct admin_media {
	const char *name; /* as media_store made it */
	const char *mime;
	size_t size;
	int64_t id; /* non-zero: a picture already recorded (a processed
		       upload, admin_picture_upload): used as it is */
};

/* A processed upload (imgproc.h) that the save records as the featured
 * picture, or finds by its key when the same bytes came before. */
struct admin_picture {
	struct picture pic;
	size_t size; /* bytes uploaded */
};

/* Who saves, when, and what comes with the save. */
struct admin_save {
	int64_t user_id;		 /* 0: nobody (tools, tests) */
	const char *addr;		 /* client address, for the audit */
	int64_t now;
	enum article_action act;	 /* names the audit-log row */
	const char *correction;		 /* non-empty: a public note */
	const struct admin_media *image; /* non-NULL: the new image */
	const struct admin_picture *picture; /* non-NULL: likewise */
	const char *image_alt; /* non-NULL: the featured picture's alt text
				  (the library's, shared by every story) */
	/* The version the change was based on (what the form was opened
	 * on): an update of an article now at another version is refused.
	 * 0 only for tools that mean "whatever is stored". */
	int64_t version;
};

/* Saves art in ONE transaction: inserts it (art->id 0; created_at and
 * created_by are then now and s->user_id, version 1) or updates it, when
 * s->version is 0 or the stored version, in the same UPDATE that writes it
 * (so of two saves based on one version exactly one wins), raising the
 * version by one; renders body_md
 * to body_html with markdown_render; replaces its authors (in order), its
 * tags (by name; a tag whose slug_from(name) does not exist yet is
 * created) and its picks (by slug; unknown slugs and the article itself
 * are skipped); records s->image or s->picture as a media row and makes
 * it the image (a picture whose key is known is the existing row); keeps
 * article_media (the pictures the story shows: the featured one and each
 * [[foto:ID]] of the body that exists) in step;
 * adds s->correction; sets updated_at to s->now; writes a revision holding
 * the whole article as JSON (built by SQLite from the stored rows, so it
 * is exactly what was saved, with its version) and an audit_log row. On
 * success art->id, created_at, updated_at, version and image_id are
 * updated.
 * Errors, after which nothing at all was written: W_STALE when the
 * article is no longer at s->version; W_CONFLICT when the slug
 * is taken; W_INVAL when a constraint fails (empty title, unknown section
 * or author, a tag name with no slug, no author, a slug that fails
 * slug_valid); W_NOTFOUND when art->id
 * names no article; W_DB, W_NOMEM. */
enum werr db_admin_article_save(struct db *db, struct admin_article *art,
				const struct admin_save *s) WUNUSED;

/* Deletes draft id (its revisions and corrections go with it) and logs
 * it, in one transaction. W_NOTFOUND when there is none, W_CONFLICT when
 * it is not a draft, W_STALE when s->version is not 0 and not its
 * version. */
enum werr db_admin_article_delete(struct db *db, int64_t id,
				  const struct admin_save *s) WUNUSED;

/* The id of the article with this slug, whatever its status; W_NOTFOUND
 * when there is none. */
enum werr db_admin_article_id_by_slug(struct db *db, const char *slug,
				      int64_t *id) WUNUSED;

struct admin_correction {
	const char *body;
	int64_t created_at;
};

/* What the public article page shows beyond struct article. */
struct article_extras {
	const char *image_name; /* media file name, "" when none */
	const char *image_mime;
	const char *image_caption;
	const char *image_credit;
	const char *editor_name; /* the publishing editor's byline name (or,
				    without one, their account name); "" */
	struct photo photo; /* the featured picture (id 0: none), with the
			       story's caption and credit over the library's */
	int64_t photo_updated_at; /* its library row's last change */
	struct admin_correction *corrections; /* oldest first */
	size_t ncorrections;
};

/* Loads the extras of article id (two queries). */
enum werr db_admin_article_extras(struct db *db, struct arena *a, int64_t id,
				  struct article_extras *out) WUNUSED;

#endif
