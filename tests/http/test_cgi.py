"""test_cgi.py - warta run the way a web server runs a CGI program, without
a server: the environment and stdin in, the CGI response on stdout. Start-up
failures still answer a well-formed 503, settings come from options or the
environment, arguments made of a query string are never options, and
hostile requests get 4xx. (tests/servers/ runs it under real servers.)"""

import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402

W = None


def setUpModule():
    global W
    W = H.Warta("cgi", http=False)
    try:
        W.init()
    except Exception:
        W.cleanup()
        raise


def tearDownModule():
    W.cleanup()


def cgi(env, args=(), body=b"", settings=True):
    """Runs the binary as a CGI program; returns (status line, headers
    dict, body, process result)."""
    e = {"GATEWAY_INTERFACE": "CGI/1.1", "REQUEST_METHOD": "GET",
         "SCRIPT_NAME": "", "PATH_INFO": "/", "QUERY_STRING": "",
         "ASAN_OPTIONS": "detect_leaks=1",
         "UBSAN_OPTIONS": "print_stacktrace=1"}
    if settings:
        e.update(WARTA_DB=W.db_path, WARTA_TEMPLATES=W.templates,
                 WARTA_STATIC=W.static)
    e.update(env)
    r = subprocess.run([W.bin] + list(args), input=body, env=e,
                       capture_output=True, timeout=60, cwd=W.dir)
    head, _, rest = r.stdout.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if line)
    problems = H.sanitizer_problems(r.stderr.decode("utf-8", "replace"))
    if problems:
        raise AssertionError(problems)
    return lines[0], headers, rest, r


class Cgi(unittest.TestCase):
    def test_home(self):
        status, h, body, r = cgi({"SCRIPT_NAME": "/berita"})
        self.assertEqual(status, "Status: 200 OK")
        self.assertEqual(r.returncode, 0)
        self.assertEqual(int(h["Content-Length"]), len(body))
        self.assertIn(b'href="/berita/arsip"', body)
        self.assertIn(b'<link rel="canonical" href="%s/berita/">' %
                      W.base_url.encode(), body)

    def test_head_has_no_body(self):
        status, h, body, _ = cgi({"REQUEST_METHOD": "HEAD"})
        self.assertEqual(status, "Status: 200 OK")
        self.assertGreater(int(h["Content-Length"]), 1000)
        self.assertEqual(body, b"")

    def test_static_file(self):
        with open(os.path.join(W.static, "warta.css"), "rb") as f:
            css = f.read()
        status, h, body, _ = cgi({"PATH_INFO": "/static/warta.css"})
        self.assertEqual((status, body), ("Status: 200 OK", css))

    def test_prefix_option_wins(self):
        env = {"SCRIPT_NAME": "/cgi-bin/warta.cgi", "PATH_INFO": "/arsip"}
        _, _, body, _ = cgi(dict(env, WARTA_PREFIX="/"))
        self.assertIn(b'href="/kanal/', body)
        self.assertNotIn(b"/cgi-bin/", body)
        _, _, body, _ = cgi(env)
        self.assertIn(b'href="/cgi-bin/warta.cgi/kanal/', body)
        status, _, _, _ = cgi(dict(env, WARTA_PREFIX="/a b"))
        self.assertEqual(status, "Status: 503 Service Unavailable")

    def test_wrapper_options(self):
        status, _, _, r = cgi({}, ["cgi", "--db", W.db_path, "--templates",
                                   W.templates], settings=False)
        self.assertEqual(status, "Status: 200 OK")
        self.assertEqual(r.returncode, 0)

    def test_query_words_are_not_options(self):
        # What Apache makes of "?cgi+--db+/nonexistent": were they read as
        # options, warta would answer 503 for the missing database.
        status, _, body, _ = cgi({"PATH_INFO": "/cari",
                                  "QUERY_STRING": "cgi+--db+/nonexistent"},
                                 ["cgi", "--db", "/nonexistent"])
        self.assertEqual(status, "Status: 200 OK")
        status, _, _, _ = cgi({"QUERY_STRING": "serve+--http+127.0.0.1:1"},
                              ["serve", "--http", "127.0.0.1:1"])
        self.assertEqual(status, "Status: 200 OK")

    def test_cannot_start(self):
        # No database named, a missing one, one that is not a database,
        # missing templates: a 503 the server can relay, the reason on
        # stderr (the server's error log).
        empty = os.path.join(W.dir, "empty.db")
        open(empty, "w").close()
        for env, why in (({"WARTA_DB": ""}, b"no database"),
                         ({"WARTA_DB": "/nonexistent/x.db"}, b"x.db"),
                         ({"WARTA_DB": empty}, b"schema version"),
                         ({"WARTA_TEMPLATES": "/nonexistent"},
                          b"nonexistent")):
            status, h, body, r = cgi(env)
            self.assertEqual(status, "Status: 503 Service Unavailable",
                             env)
            self.assertEqual(r.returncode, 1)
            self.assertIn(why, r.stderr)

    def test_hostile(self):
        for env, want in (
                # A lone 0xff byte (surrogateescape), not UTF-8.
                ({"PATH_INFO": "/\udcff"}, "400"),
                ({"PATH_INFO": "/cari", "QUERY_STRING": "q=%zz"}, "400"),
                ({"PATH_INFO": "/cari", "QUERY_STRING": "q=%00"}, "400"),
                ({"PATH_INFO": "/" + "a" * 5000}, "414"),
                ({"PATH_INFO": "/tidak/ada"}, "404"),
                ({"REQUEST_METHOD": "DELETE"}, "405"),
                ({"REQUEST_METHOD": "POST", "PATH_INFO": "/admin/login",
                  "CONTENT_LENGTH": "-5"}, "400"),
                ({"REQUEST_METHOD": "POST", "PATH_INFO": "/admin/login",
                  "CONTENT_LENGTH": "20"}, "400"),
                ({"REQUEST_METHOD": "POST", "PATH_INFO": "/admin/login",
                  "CONTENT_TYPE": "application/x-www-form-urlencoded",
                  "CONTENT_LENGTH": str(20 * 1024 * 1024)}, "413")):
            status, _, body, r = cgi(env, body=b"email=a")
            self.assertTrue(status.startswith("Status: " + want),
                            (env, status))
            self.assertEqual(r.returncode, 0)

    def test_cgi_command_outside_a_server(self):
        e = dict(os.environ)
        e.pop("GATEWAY_INTERFACE", None)
        r = subprocess.run([W.bin, "cgi", "--db", W.db_path], env=e,
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout, "")
        self.assertEqual(len(r.stderr.strip().splitlines()), 1)
        r = subprocess.run([W.bin, "cgi", "--help"], env=e,
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0)
        self.assertIn("WARTA_DB", r.stdout)


if __name__ == "__main__":
    unittest.main()
