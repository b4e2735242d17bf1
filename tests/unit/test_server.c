/* test_server.c - listening address parsing and binding. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

#include "server.h"

static const struct {
	const char *addr;
	int family; /* 0: must be refused */
	const char *host;
	unsigned port;
} cases[] = {
    {"127.0.0.1:8080", AF_INET, "127.0.0.1", 8080},
    {"0.0.0.0:1", AF_INET, "0.0.0.0", 1},
    {"10.1.2.3:65535", AF_INET, "10.1.2.3", 65535},
    {"127.0.0.1:08080", AF_INET, "127.0.0.1", 8080},
    {"[::1]:8080", AF_INET6, "::1", 8080},
    {"[::]:9000", AF_INET6, "::", 9000},
    {"[fe80::1:2]:443", AF_INET6, "fe80::1:2", 443},
    {"localhost:8080", AF_INET, "127.0.0.1", 8080},

    {"", 0, NULL, 0},
    {"127.0.0.1", 0, NULL, 0},
    {"127.0.0.1:", 0, NULL, 0},
    {"127.0.0.1:0", 0, NULL, 0},
    {"127.0.0.1:65536", 0, NULL, 0},
    {"127.0.0.1:123456", 0, NULL, 0},
    {"127.0.0.1:80a", 0, NULL, 0},
    {"127.0.0.1:+80", 0, NULL, 0},
    {"127.0.0.1:-80", 0, NULL, 0},
    {"127.0.0.1: 80", 0, NULL, 0},
    {"127.0.0.1:http", 0, NULL, 0},
    {":8080", 0, NULL, 0},
    {"999.1.1.1:80", 0, NULL, 0},
    {"127.0.0.1.:80", 0, NULL, 0},
    {"1.2.3:80", 0, NULL, 0},
    {"::1:8080", 0, NULL, 0},
    {"[::1]8080", 0, NULL, 0},
    {"[::1]", 0, NULL, 0},
    {"[::1:8080", 0, NULL, 0},
    {"[]:8080", 0, NULL, 0},
    {"[127.0.0.1]:80", 0, NULL, 0},
    {"[::1]:0", 0, NULL, 0},
    {"unix:/run/warta.sock", 0, NULL, 0},
    {"<script>:80", 0, NULL, 0},
    {"\"'\xff:80", 0, NULL, 0},
};

static void
test_parse_table(void **state)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct sockaddr_storage ss;
		unsigned len = 0;
		enum werr e = server_parse_addr(cases[i].addr, &ss, &len);
		char text[INET6_ADDRSTRLEN];

		print_message("%s\n", cases[i].addr);
		if (!cases[i].family) {
			assert_int_equal(e, W_INVAL);
			continue;
		}
		assert_int_equal(e, W_OK);
		assert_int_equal(ss.ss_family, cases[i].family);
		if (cases[i].family == AF_INET) {
			const struct sockaddr_in *sin = (const void *)&ss;
			assert_int_equal(len, sizeof *sin);
			assert_int_equal(ntohs(sin->sin_port), cases[i].port);
			assert_non_null(inet_ntop(AF_INET, &sin->sin_addr, text,
						  sizeof text));
		} else {
			const struct sockaddr_in6 *sin6 = (const void *)&ss;
			assert_int_equal(len, sizeof *sin6);
			assert_int_equal(ntohs(sin6->sin6_port), cases[i].port);
			assert_non_null(inet_ntop(AF_INET6, &sin6->sin6_addr,
						  text, sizeof text));
		}
		assert_string_equal(text, cases[i].host);
	}
}

static void
test_listen_busy_port(void **state)
{
	char addr[32];
	int fd = -1, fd2 = -1;

	/* Find a free loopback port, then try to take it a second time. */
	for (unsigned port = 20000 + (unsigned)getpid() % 20000;
	     fd < 0 && port < 65000; port += 7) {
		snprintf(addr, sizeof addr, "127.0.0.1:%u", port);
		if (server_listen("test", addr, 16, &fd) != W_OK)
			fd = -1;
	}
	assert_true(fd >= 0);
	assert_int_equal(server_listen("test", addr, 16, &fd2), W_INVAL);
	assert_int_equal(fd2, -1);
	close(fd);
	assert_int_equal(server_listen("test", "127.0.0.1:0", 16, &fd2),
			 W_INVAL);
	assert_int_equal(server_listen("test", "nonsense", 16, &fd2), W_INVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_table),
	    cmocka_unit_test(test_listen_busy_port),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
