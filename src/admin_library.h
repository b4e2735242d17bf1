/* admin_library.h - the media library (admin_library.c). Every handler
 * runs behind admin_gate() (ROUTE_ADMIN): w->session is set and a POST has
 * passed the CSRF and Origin checks; each checks the role itself. */
#ifndef WARTA_ADMIN_LIBRARY_H
#define WARTA_ADMIN_LIBRARY_H

#include "app.h"

/* GET /admin/media: the library, newest first (?q= searches captions and
 * credits, ?sebelum=TIME.ID pages), with the upload form. POST: uploads
 * every file of the "files" field (PERM_MEDIA_UPLOAD); 303 when all were
 * stored, else 422 with the library and a line per file (the refused ones
 * named with why; the others were stored). */
enum werr admin_library(struct worker *w, struct req *req, struct resp *resp);

/* GET /admin/media/:id: one picture, its stories and the edit form. POST:
 * saves caption, credit, alt and focal point fx, fy (0..1000; a new one
 * makes new crops first); for the uploader (a reporter) or
 * PERM_MEDIA_EDIT_ANY. 303, or 422 with the form. */
enum werr admin_library_item(struct worker *w, struct req *req,
			     struct resp *resp);

/* POST /admin/media/:id/delete (PERM_MEDIA_DELETE): deletes it and its
 * files; 409 naming the public stories that show it. */
enum werr admin_library_delete(struct worker *w, struct req *req,
			       struct resp *resp);

#endif
