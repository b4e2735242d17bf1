"""test_monitor.py - /healthz and /metrics: what they report, that the
counters move with requests, and that only loopback clients or holders of
the operator's token can read them, never through a cache."""

import os
import re
import unittest

import harness as H

W = None

METRIC_RE = re.compile(r"^([a-z_]+)(\{[^}]*\})? (\S+)$")


def metrics(port, headers=None):
    """The samples of /metrics as {'name{labels}': float}."""
    r = H.fetch(port, "/metrics", headers=headers)
    assert r.status == 200, r
    out = {}
    for ln in r.text.splitlines():
        if ln.startswith("#") or not ln:
            continue
        m = METRIC_RE.match(ln)
        assert m, "not a Prometheus sample line: %r" % ln
        out[m.group(1) + (m.group(2) or "")] = float(m.group(3))
    return out


def requests(samples, route, status):
    return samples.get('warta_http_requests_total{route="%s",status="%s"}'
                       % (route, status), 0)


def setUpModule():
    global W
    W = H.Warta("monitor", fastcgi=True)
    try:
        W.init()
        W.start()
    except Exception:
        W.cleanup()
        raise


def tearDownModule():
    H.stop_warta(W)


class Healthz(unittest.TestCase):
    def test_ok_from_loopback(self):
        for method in ("GET", "HEAD"):
            r = H.fetch(W.port, "/healthz", method=method)
            self.assertEqual(r.status, 200, r.body)
            self.assertEqual(r.header("Cache-Control"), "no-store")
            self.assertTrue(r.header("Content-Type").startswith(
                "text/plain"))
        body = H.fetch(W.port, "/healthz").text
        self.assertTrue(body.startswith("ok\n"), body)
        self.assertIn("database: ok", body)
        self.assertRegex(body, r"disk database: ok, \d+ MiB free "
                               r"\(minimum 256 MiB\)")
        self.assertIn("disk media: ok", body)

    def test_post_is_405(self):
        r = H.fetch(W.port, "/healthz", method="POST", body=b"")
        self.assertEqual(r.status, 405)
        self.assertEqual(r.header("Allow"), "GET, HEAD")


class Metrics(unittest.TestCase):
    def test_format_and_content_type(self):
        r = H.fetch(W.port, "/metrics")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("Content-Type"),
                         "text/plain; version=0.0.4; charset=utf-8")
        self.assertEqual(r.header("Cache-Control"), "no-store")
        for name, kind in (("warta_http_requests_total", "counter"),
                           ("warta_http_request_duration_seconds",
                            "histogram"),
                           ("warta_http_not_modified_total", "counter"),
                           ("warta_workers_restarted_total", "counter"),
                           ("warta_database_bytes", "gauge"),
                           ("warta_disk_free_bytes", "gauge")):
            self.assertIn("# TYPE %s %s\n" % (name, kind), r.text)
        s = metrics(W.port)
        db = os.path.getsize(W.db_path)
        wal = W.db_path + "-wal"
        if os.path.exists(wal):
            db += os.path.getsize(wal)
        # The WAL may grow between the two looks, never shrink below the
        # main file.
        self.assertGreaterEqual(s["warta_database_bytes"],
                                os.path.getsize(W.db_path))
        self.assertLessEqual(s["warta_database_bytes"], db + (1 << 20))
        self.assertGreater(s["warta_disk_free_bytes"], 0)

    def test_counts_move_with_requests(self):
        before = metrics(W.port)
        r = H.fetch(W.port, "/")
        self.assertEqual(r.status, 200)
        etag = r.header("ETag")
        H.fetch(W.port, "/")
        self.assertEqual(H.fetch(W.port, "/kanal/no-such-section").status,
                         404)
        self.assertEqual(H.fetch(W.port, "/no/such/page/at/all").status,
                         404)
        r = H.fetch(W.port, "/", headers={"If-None-Match": etag})
        self.assertEqual(r.status, 304)
        # Through FastCGI as well: both front ends count in one place.
        r = H.fcgi_request(W.sock, {"REQUEST_METHOD": "GET",
                                    "REQUEST_URI": "/",
                                    "REMOTE_ADDR": "127.0.0.1"})
        self.assertEqual(r.status, 200)
        after = metrics(W.port)
        self.assertEqual(requests(after, "/", 200) -
                         requests(before, "/", 200), 3)
        self.assertEqual(requests(after, "/", 304) -
                         requests(before, "/", 304), 1)
        self.assertEqual(requests(after, "/kanal/:slug", 404) -
                         requests(before, "/kanal/:slug", 404), 1)
        self.assertEqual(requests(after, "(none)", 404) -
                         requests(before, "(none)", 404), 1)
        self.assertEqual(after["warta_http_not_modified_total"] -
                         before["warta_http_not_modified_total"], 1)
        # The scrape that took `before` counts too: 7 requests in all.
        count = "warta_http_request_duration_seconds_count"
        self.assertEqual(after[count] - before[count], 7)
        self.assertEqual(requests(after, "/metrics", 200) -
                         requests(before, "/metrics", 200), 1)
        inf = 'warta_http_request_duration_seconds_bucket{le="+Inf"}'
        self.assertEqual(after[inf], after[count])
        # Buckets are cumulative: never decreasing with le.
        buckets = [v for k, v in after.items()
                   if k.startswith("warta_http_request_duration_seconds_"
                                   "bucket")]
        self.assertEqual(buckets, sorted(buckets))
        self.assertGreater(after["warta_http_request_duration_seconds_sum"],
                           before["warta_http_request_duration_seconds_sum"])


class Access(unittest.TestCase):
    """FastCGI lets the test say which address the client had, as nginx
    does with REMOTE_ADDR."""

    def fcgi(self, path, addr, **headers):
        params = {"REQUEST_METHOD": "GET", "REQUEST_URI": path}
        if addr is not None:
            params["REMOTE_ADDR"] = addr
        for k, v in headers.items():
            params["HTTP_" + k.upper()] = v
        return H.fcgi_request(W.sock, params)

    def test_loopback_via_fastcgi(self):
        for path in ("/healthz", "/metrics"):
            for addr in ("127.0.0.1", "::1"):
                r = self.fcgi(path, addr)
                self.assertEqual(r.status, 200, (path, addr, r.body))
                self.assertEqual(r.header("Cache-Control"), "no-store")

    def test_other_addresses_get_404(self):
        for path in ("/healthz", "/metrics"):
            for addr in ("203.0.113.9", "10.0.0.2", "2001:db8::1",
                         "::ffff:192.0.2.1", "", None):
                r = self.fcgi(path, addr)
                self.assertEqual(r.status, 404, (path, addr))
                self.assertEqual(r.header("Cache-Control"), "no-store")
                self.assertNotIn(b"warta_", r.body)
                self.assertNotIn(b"database", r.body)
            # Without a configured token a header opens nothing.
            r = self.fcgi(path, "203.0.113.9",
                          authorization="Bearer anything-at-all-12345")
            self.assertEqual(r.status, 404)


class Token(unittest.TestCase):
    """A second warta with --monitor-token-file."""

    TOKEN = "Zq9-monitor-token-for-tests-0001"

    @classmethod
    def setUpClass(cls):
        cls.w = H.Warta("monitor-token", fastcgi=True, threads=2)
        path = os.path.join(cls.w.dir, "token")
        with open(path, "w") as f:
            f.write(cls.TOKEN + "\n")
        os.chmod(path, 0o600)
        # And a free-space minimum no disk has: /healthz says 503.
        cls.w.extra_args = ["--monitor-token-file", path,
                            "--min-free-mb", "1000000000"]
        try:
            cls.w.init(demo=False)
            cls.w.start()
        except Exception:
            cls.w.cleanup()
            raise

    @classmethod
    def tearDownClass(cls):
        H.stop_warta(cls.w)

    def fcgi(self, path, authorization=None):
        params = {"REQUEST_METHOD": "GET", "REQUEST_URI": path,
                  "REMOTE_ADDR": "198.51.100.7"}
        if authorization is not None:
            params["HTTP_AUTHORIZATION"] = authorization
        return H.fcgi_request(self.w.sock, params)

    def test_token_opens_both(self):
        r = self.fcgi("/metrics", "Bearer " + self.TOKEN)
        self.assertEqual(r.status, 200, r.body)
        self.assertIn(b"# TYPE warta_http_requests_total counter", r.body)
        r = self.fcgi("/healthz", "Bearer " + self.TOKEN)
        self.assertEqual(r.status, 503, r.body)

    def test_wrong_token_refused(self):
        for auth in (None, "Bearer " + self.TOKEN[:-1],
                     "Bearer " + self.TOKEN + "x", "bearer " + self.TOKEN,
                     self.TOKEN, "Basic " + self.TOKEN):
            for path in ("/healthz", "/metrics"):
                r = self.fcgi(path, auth)
                self.assertEqual(r.status, 404, (path, auth))

    def test_low_disk_is_503(self):
        r = H.fetch(self.w.port, "/healthz")
        self.assertEqual(r.status, 503)
        self.assertEqual(r.header("Cache-Control"), "no-store")
        self.assertTrue(r.text.startswith("fail\n"), r.text)
        self.assertIn("database: ok", r.text)
        self.assertRegex(r.text, r"disk database: LOW, \d+ MiB free "
                                 r"\(minimum 1000000000 MiB\)")


class BadOptions(unittest.TestCase):
    def run_serve(self, *args):
        w = H.Warta("monitor-opts", http=False)
        try:
            w.init(demo=False)
            return H.warta_cmd(w, ["serve", "--db", w.db_path, "--http",
                                   "127.0.0.1:%d" % H.free_port()] +
                               list(args) + H.ROOT_FLAG, timeout=30), w
        finally:
            w.cleanup()

    def test_bad_token_file(self):
        d = H.tempfile.mkdtemp(prefix="warta-token-")
        try:
            short = os.path.join(d, "short")
            with open(short, "w") as f:
                f.write("tooshort\n")
            spaced = os.path.join(d, "spaced")
            with open(spaced, "w") as f:
                f.write("a token with spaces in it\n")
            two = os.path.join(d, "two")
            with open(two, "w") as f:
                f.write("0123456789abcdef\n0123456789abcdef\n")
            for path in (short, spaced, two, os.path.join(d, "missing")):
                r, _ = self.run_serve("--monitor-token-file", path)
                self.assertEqual(r.returncode, 1, r)
                lines = r.stderr.strip().splitlines()
                self.assertEqual(len(lines), 1, r.stderr)
                self.assertIn("--monitor-token-file", lines[0])
        finally:
            H.shutil.rmtree(d, ignore_errors=True)

    def test_bad_min_free(self):
        for v in ("-1", "lots", "1000000001", "12MB"):
            r, _ = self.run_serve("--min-free-mb", v)
            self.assertEqual(r.returncode, 2, r)
            self.assertIn("--min-free-mb", r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
