/* test_metrics.c - the request counters, their Prometheus text, and
 * counting from several processes through one shared mapping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "metrics.h"
#include "shm.h"

static const char *const names[] = {"/", "/kanal/:slug", "/a\"b\\c\nd"};

/* The text of m rendered with names. */
static void
render(const struct metrics *m, struct buf *out)
{
	buf_reset(out);
	metrics_render(m, names, 3, out);
	assert_int_equal(buf_err(out), W_OK);
}

static void
test_counts_by_route_and_status(void **state)
{
	struct metrics *m = metrics_new();
	struct buf b;
	assert_non_null(m);
	buf_init(&b);
	render(m, &b);
	/* Nothing counted yet: no request lines, zero totals. */
	assert_null(strstr(buf_cstr(&b), "warta_http_requests_total{"));
	assert_non_null(strstr(buf_cstr(&b),
			       "warta_http_request_duration_seconds_count 0\n"));

	metrics_record(m, 0, 200, 100);
	metrics_record(m, 0, 200, 300);
	metrics_record(m, 1, 304, 2000);
	metrics_record(m, 1, 404, 5);
	metrics_record(m, 1, 299, 5);	/* not a named status: "other" */
	metrics_record(m, 3, 404, 7);	/* no route: past the names */
	metrics_record(m, 9999, 500, 7); /* clamped to the last slot */
	assert_int_equal(metrics_requests(m, 0, 200), 2);
	assert_int_equal(metrics_requests(m, 1, 304), 1);
	assert_int_equal(metrics_requests(m, 1, 200), 0);
	assert_int_equal(metrics_requests(m, METRICS_ROUTES - 1, 500), 1);

	render(m, &b);
	const char *t = buf_cstr(&b);
	assert_non_null(strstr(t, "# TYPE warta_http_requests_total counter\n"));
	assert_non_null(
	    strstr(t, "warta_http_requests_total{route=\"/\",status=\"200\"} "
		      "2\n"));
	assert_non_null(strstr(t, "warta_http_requests_total{route=\"/kanal/"
				  ":slug\",status=\"304\"} 1\n"));
	assert_non_null(strstr(t, "warta_http_requests_total{route=\"/kanal/"
				  ":slug\",status=\"other\"} 1\n"));
	assert_non_null(strstr(t, "warta_http_requests_total{route=\"(none)\","
				  "status=\"404\"} 1\n"));
	assert_non_null(strstr(t, "warta_http_requests_total{route=\"(none)\","
				  "status=\"500\"} 1\n"));
	assert_null(strstr(t, "status=\"201\""));
	assert_non_null(strstr(t, "warta_http_not_modified_total 1\n"));
	metrics_record(NULL, 0, 200, 1); /* no-op */
	buf_fini(&b);
	metrics_free(m);
	metrics_free(NULL);
}

static void
test_histogram_is_cumulative(void **state)
{
	struct metrics *m = metrics_new();
	struct buf b;
	assert_non_null(m);
	buf_init(&b);
	metrics_record(m, 0, 200, 100);	    /* <= 0.00025 s */
	metrics_record(m, 0, 200, 250);	    /* on the bound: still in it */
	metrics_record(m, 0, 200, 251);	    /* the next bucket */
	metrics_record(m, 0, 200, 40000);   /* <= 0.05 s */
	metrics_record(m, 0, 200, 9000000); /* past every bound */
	metrics_record(m, 0, 200, -5);	    /* a clock step: counted as 0 */
	render(m, &b);
	const char *t = buf_cstr(&b);
	const char *p = "warta_http_request_duration_seconds_bucket";
	char line[128];
	struct {
		const char *le;
		int n;
	} want[] = {{"0.00025", 3}, {"0.0005", 4}, {"0.025", 4},
		    {"0.05", 5},    {"2.5", 5},	   {"+Inf", 6}};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		snprintf(line, sizeof line, "%s{le=\"%s\"} %d\n", p, want[i].le,
			 want[i].n);
		assert_non_null(strstr(t, line));
	}
	assert_non_null(
	    strstr(t, "warta_http_request_duration_seconds_sum 9.040601\n"));
	assert_non_null(
	    strstr(t, "warta_http_request_duration_seconds_count 6\n"));
	buf_fini(&b);
	metrics_free(m);
}

static void
test_label_escaping(void **state)
{
	struct metrics *m = metrics_new();
	struct buf b;
	assert_non_null(m);
	buf_init(&b);
	metrics_record(m, 2, 200, 1);
	render(m, &b);
	assert_non_null(strstr(buf_cstr(&b), "{route=\"/a\\\"b\\\\c\\nd\","));
	buf_reset(&b);
	metrics_gauge(&b, "warta_database_bytes", "Size.", 1048576);
	assert_string_equal(buf_cstr(&b),
			    "# HELP warta_database_bytes Size.\n"
			    "# TYPE warta_database_bytes gauge\n"
			    "warta_database_bytes 1048576\n");
	buf_reset(&b);
	metrics_counter(&b, "warta_reloads_total", "Reloads.", 3);
	assert_string_equal(buf_cstr(&b), "# HELP warta_reloads_total Reloads.\n"
					  "# TYPE warta_reloads_total counter\n"
					  "warta_reloads_total 3\n");
	buf_fini(&b);
	metrics_free(m);
}

/* Two processes counting into one MAP_SHARED region made before fork:
 * the way a master shares the counters with its workers. */
static void
test_shared_between_processes(void **state)
{
	struct shm *s = shm_new();
	assert_non_null(s);
	struct metrics *m = metrics_at(s->metrics, sizeof s->metrics);
	assert_non_null(m);
	/* Too small or misaligned areas are refused. */
	assert_null(metrics_at(s->metrics, sizeof *m - 1));
	assert_null(metrics_at(s->metrics + 1, sizeof s->metrics - 1));
	pid_t pid = fork();
	assert_true(pid >= 0);
	for (int i = 0; i < 20000; i++)
		metrics_record(m, 1, 200, 10);
	if (pid == 0)
		_exit(0);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_int_equal(metrics_requests(m, 1, 200), 40000);
	assert_int_equal(m->latency_sum_us, 400000);
	shm_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_counts_by_route_and_status),
	    cmocka_unit_test(test_histogram_is_cumulative),
	    cmocka_unit_test(test_label_escaping),
	    cmocka_unit_test(test_shared_between_processes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
