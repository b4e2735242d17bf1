/* admin_election.h - the newsroom's election-night pages: live blogs
 * (admin_live.c) and the results desk (admin_results.c).
 *
 * Every handler runs behind admin_gate() (ROUTE_ADMIN), so w->session is
 * set and a POST has passed the CSRF and Origin checks; each checks its
 * own permission (PERM_LIVE_POST, PERM_LIVE_MANAGE, PERM_RESULTS) before
 * reading or changing anything. */
#ifndef WARTA_ADMIN_ELECTION_H
#define WARTA_ADMIN_ELECTION_H

#include "app.h"

/* GET /admin/articles/:id/live: the story's live blog: its state, the
 * phone-sized form for a new update, the updates newest first. */
enum werr admin_live_page(struct worker *w, struct req *req,
			  struct resp *resp);
/* POST /admin/articles/:id/live/open and /close (PERM_LIVE_MANAGE). */
enum werr admin_live_open(struct worker *w, struct req *req,
			  struct resp *resp);
enum werr admin_live_close(struct worker *w, struct req *req,
			   struct resp *resp);
/* POST /admin/articles/:id/live: a new update (body, optional image). */
enum werr admin_live_post(struct worker *w, struct req *req,
			  struct resp *resp);
/* GET/POST /admin/live/:uid: one update's edit form with its revisions;
 * POST /admin/live/:uid/delete (both PERM_LIVE_MANAGE). */
enum werr admin_live_update(struct worker *w, struct req *req,
			    struct resp *resp);
enum werr admin_live_delete(struct worker *w, struct req *req,
			    struct resp *resp);

/* GET/POST /admin/pilkada: the regions and the form adding one.
 * GET/POST /admin/pilkada/:id: one region: its fields, its pairs, the
 * form for a results entry and the history. */
enum werr admin_regions(struct worker *w, struct req *req, struct resp *resp);
enum werr admin_region(struct worker *w, struct req *req, struct resp *resp);
/* POST /admin/pilkada/:id/paslon, .../paslon/:pid, .../paslon/:pid/delete:
 * add, save and delete a candidate pair. */
enum werr admin_pair_add(struct worker *w, struct req *req, struct resp *resp);
enum werr admin_pair_edit(struct worker *w, struct req *req,
			  struct resp *resp);
enum werr admin_pair_delete(struct worker *w, struct req *req,
			    struct resp *resp);
/* POST /admin/pilkada/:id/hasil: a new results entry. */
enum werr admin_result_add(struct worker *w, struct req *req,
			   struct resp *resp);

#endif
