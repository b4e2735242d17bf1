/* test_db_results.c - the results desk in the database: regions with
 * their kinds and slugs, candidate pairs unique by number, entries that
 * must name every pair once and obey their source's rules, the history
 * kept and the newest entry per source shown, the region's changed_at
 * moving with every change, audit rows, and the indexes listings use. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "db_results.h"
#include "fixture.h"

#define NOW 1732694700

struct fx {
	struct db *db;
	struct arena a;
	int64_t region, p1, p2;
};

static const struct live_who ED = {1, "127.0.0.1", NOW};

static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof *fx);
	fx->db = fixture_db();
	arena_init(&fx->a);
	fixture_exec(fx->db,
		"INSERT INTO users (id, email, name, role, password_hash,"
		" created_at) VALUES (1, 'ed@x', 'Edi', 'editor', 'x', 0);"
		"INSERT INTO tags (id, slug, name) VALUES (7, 'banten',"
		" 'Banten');");
	struct region r = {.slug = "provinsi-banten", .name = "Banten",
			   .kind = REGION_PROVINSI, .tag_id = 7,
			   .in_news = true};
	assert_int_equal(db_region_save(fx->db, &r, &ED), W_OK);
	fx->region = r.id;
	struct candidate c1 = {.region_id = r.id, .number = 1,
			       .names = "Satu", .coalition = "A"};
	struct candidate c2 = {.region_id = r.id, .number = 2,
			       .names = "Dua", .coalition = "B"};
	assert_int_equal(db_candidate_save(fx->db, &c1, NULL, false, &ED),
			 W_OK);
	assert_int_equal(db_candidate_save(fx->db, &c2, NULL, false, &ED),
			 W_OK);
	fx->p1 = c1.id;
	fx->p2 = c2.id;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;
	arena_fini(&fx->a);
	db_close(fx->db);
	free(fx);
	return 0;
}

static void
test_names(void **state)
{
	(void)state;
	assert_int_equal(region_kind_parse("kota"), REGION_KOTA);
	assert_int_equal(region_kind_parse("Kota"), REGION__MAX);
	assert_int_equal(region_kind_parse(NULL), REGION__MAX);
	assert_string_equal(region_kind_label(REGION_KABUPATEN), "Kabupaten");
	assert_null(region_kind_name(REGION__MAX));
	assert_int_equal(result_source_parse("quick"), SOURCE_QUICK);
	assert_int_equal(result_source_parse("resmi"), SOURCE__MAX);
	assert_null(result_source_name(SOURCE__MAX));
}

static void
test_regions(void **state)
{
	struct fx *fx = *state;
	struct region r = {.slug = "provinsi-banten", .name = "Lagi",
			   .kind = REGION_KOTA};
	assert_int_equal(db_region_save(fx->db, &r, &ED), W_CONFLICT);
	assert_int_equal(r.id, 0);
	r.slug = "Bukan Slug";
	assert_int_equal(db_region_save(fx->db, &r, &ED), W_INVAL);
	r.slug = "kota-serang";
	r.kind = REGION__MAX;
	assert_int_equal(db_region_save(fx->db, &r, &ED), W_INVAL);
	r.kind = REGION_KOTA;
	r.tag_id = 999;
	assert_int_equal(db_region_save(fx->db, &r, &ED), W_INVAL);
	r.tag_id = 0;
	r.in_news = false;
	assert_int_equal(db_region_save(fx->db, &r, &ED), W_OK);
	struct region got, *all;
	size_t n;
	assert_int_equal(db_region_by_slug(fx->db, &fx->a, "provinsi-banten",
					   &got),
			 W_OK);
	assert_string_equal(got.tag_slug, "banten");
	assert_int_equal(got.kind, REGION_PROVINSI);
	assert_int_equal(db_regions(fx->db, &fx->a, false, 10, &all, &n),
			 W_OK);
	assert_int_equal(n, 2);
	assert_string_equal(all[0].name, "Banten");
	assert_int_equal(db_regions(fx->db, &fx->a, true, 10, &all, &n), W_OK);
	assert_int_equal(n, 1);
	assert_int_equal(fixture_count(fx->db, "SELECT count(*) FROM audit_log"
				       " WHERE action = 'region.add'"), 2);
}

static void
test_pairs(void **state)
{
	struct fx *fx = *state;
	struct candidate c = {.region_id = fx->region, .number = 2,
			      .names = "Kembar", .coalition = ""};
	assert_int_equal(db_candidate_save(fx->db, &c, NULL, false, &ED),
			 W_CONFLICT);
	c.number = 0;
	assert_int_equal(db_candidate_save(fx->db, &c, NULL, false, &ED),
			 W_INVAL);
	c.number = 3;
	c.names = "";
	assert_int_equal(db_candidate_save(fx->db, &c, NULL, false, &ED),
			 W_INVAL);
	/* An edit in another region's name finds nothing. */
	c = (struct candidate){.id = fx->p1, .region_id = fx->region + 1,
			       .number = 1, .names = "X", .coalition = ""};
	assert_int_equal(db_candidate_save(fx->db, &c, NULL, false, &ED),
			 W_NOTFOUND);
	for (int k = 3; k <= RESULTS_MAX_PAIRS; k++) {
		c = (struct candidate){.region_id = fx->region, .number = k,
				       .names = "Tambahan", .coalition = ""};
		assert_int_equal(db_candidate_save(fx->db, &c, NULL, false,
						   &ED),
				 W_OK);
	}
	c = (struct candidate){.region_id = fx->region, .number = 50,
			       .names = "Kebanyakan", .coalition = ""};
	assert_int_equal(db_candidate_save(fx->db, &c, NULL, false, &ED),
			 W_INVAL);
	struct candidate *l;
	size_t n;
	assert_int_equal(db_candidates(fx->db, &fx->a, fx->region, &l, &n),
			 W_OK);
	assert_int_equal(n, RESULTS_MAX_PAIRS);
	assert_int_equal(l[0].number, 1);
	assert_int_equal(l[1].number, 2);
	assert_int_equal(db_candidate_delete(fx->db, fx->region, l[2].id, &ED),
			 W_OK);
	assert_int_equal(db_candidate_delete(fx->db, fx->region, l[2].id, &ED),
			 W_NOTFOUND);
}

static struct result_entry
entry(struct fx *fx, enum result_source s, int64_t v1, int64_t v2,
      int64_t at)
{
	struct result_entry x = {.region_id = fx->region, .source = s,
				 .pollster = s == SOURCE_QUICK ? "Survei A"
							       : "",
				 .data_in = s == SOURCE_KPU ? 1250 : 0,
				 .margin = s == SOURCE_QUICK ? 150 : 0,
				 .counted_at = at, .note = "", .n = 2};
	x.candidate_ids[0] = fx->p1;
	x.candidate_ids[1] = fx->p2;
	x.values[0] = v1;
	x.values[1] = v2;
	return x;
}

static void
test_entries(void **state)
{
	struct fx *fx = *state;
	struct result_entry x = entry(fx, SOURCE_KPU, 100, 50, NOW - 60);
	assert_int_equal(db_result_add(fx->db, &x, &ED), W_OK);
	x = entry(fx, SOURCE_QUICK, 5500, 4500, NOW - 30);
	assert_int_equal(db_result_add(fx->db, &x, &ED), W_OK);
	struct live_who later = ED;
	later.now = NOW + 600;
	x = entry(fx, SOURCE_KPU, 300, 200, NOW);
	x.data_in = 4000;
	assert_int_equal(db_result_add(fx->db, &x, &later), W_OK);
	int64_t newest = x.id;

	/* Refused, and nothing written. */
	int64_t before = fixture_count(fx->db, "SELECT count(*) FROM results");
	x = entry(fx, SOURCE_QUICK, 6000, 4500, NOW);
	assert_int_equal(db_result_add(fx->db, &x, &ED), W_INVAL);
	x = entry(fx, SOURCE_QUICK, 50, 50, NOW);
	x.pollster = "";
	assert_int_equal(db_result_add(fx->db, &x, &ED), W_INVAL);
	x = entry(fx, SOURCE_KPU, 1, 2, NOW);
	x.data_in = 10001;
	assert_int_equal(db_result_add(fx->db, &x, &ED), W_INVAL);
	x = entry(fx, SOURCE_KPU, 1, 2, NOW);
	x.candidate_ids[1] = fx->p1; /* a pair twice, another missing */
	assert_int_equal(db_result_add(fx->db, &x, &ED), W_INVAL);
	x = entry(fx, SOURCE_KPU, 1, 2, NOW);
	x.n = 1;
	assert_int_equal(db_result_add(fx->db, &x, &ED), W_INVAL);
	x = entry(fx, SOURCE_KPU, -1, 2, NOW);
	assert_int_equal(db_result_add(fx->db, &x, &ED), W_INVAL);
	assert_int_equal(fixture_count(fx->db, "SELECT count(*) FROM results"),
			 before);
	assert_int_equal(fixture_count(fx->db, "SELECT count(*) FROM"
				       " result_numbers"),
			 6);

	/* The newest entry per source: KPU first. */
	struct result_entry *l;
	size_t n;
	assert_int_equal(db_results_latest(fx->db, &fx->a, fx->region, 4, &l,
					   &n),
			 W_OK);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].source, SOURCE_KPU);
	assert_int_equal(l[0].id, newest);
	assert_int_equal(l[0].data_in, 4000);
	assert_int_equal(l[0].n, 2);
	int64_t sum = l[0].values[0] + l[0].values[1];
	assert_int_equal(sum, 500);
	assert_int_equal(l[1].source, SOURCE_QUICK);
	assert_string_equal(l[1].pollster, "Survei A");
	assert_int_equal(l[1].margin, 150);
	/* The history keeps everything, newest first. */
	assert_int_equal(db_results_history(fx->db, &fx->a, fx->region, 10, &l,
					    &n),
			 W_OK);
	assert_int_equal(n, 3);
	assert_int_equal(l[0].id, newest);
	assert_string_equal(l[0].user_name, "Edi");
	struct region r;
	assert_int_equal(db_region_by_id(fx->db, &fx->a, fx->region, &r),
			 W_OK);
	assert_int_equal(r.changed_at, NOW + 600);
	assert_int_equal(fixture_count(fx->db, "SELECT count(*) FROM audit_log"
				       " WHERE action = 'results.add'"), 3);
}

static void
test_plans(void **state)
{
	struct fx *fx = *state;
	struct result_entry *l;
	struct region *rl;
	size_t n;
	assert_int_equal(db_results_latest(fx->db, &fx->a, fx->region, 4, &l,
					   &n),
			 W_OK);
	assert_int_equal(db_results_history(fx->db, &fx->a, fx->region, 4, &l,
					    &n),
			 W_OK);
	assert_int_equal(db_regions(fx->db, &fx->a, true, 4, &rl, &n), W_OK);
	assert_int_equal(db_regions(fx->db, &fx->a, false, 4, &rl, &n), W_OK);
	static const char *const want[] = {"results_latest", "results_region",
					   "regions_in_news", "regions_name"};
	int checked = 0;
	for (sqlite3_stmt *st = sqlite3_next_stmt(db_sqlite(fx->db), NULL);
	     st; st = sqlite3_next_stmt(db_sqlite(fx->db), st)) {
		const char *sql = sqlite3_sql(st);
		for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
			char tag[64];
			snprintf(tag, sizeof tag, "INDEXED BY %s ", want[i]);
			if (!strstr(sql, tag))
				continue;
			char p[4096];
			fixture_plan(fx->db, sql, p, sizeof p);
			if (!strstr(p, want[i]))
				fail_msg("%s: want %s in:\n%s", sql, want[i], p);
			checked++;
		}
	}
	assert_int_equal(checked, 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test_setup_teardown(test_regions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pairs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_entries, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plans, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
