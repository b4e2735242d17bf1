"""test_hostile.py - warta's embedded HTTP server against hostile content
and hostile clients: markup in titles, names and datelines, non-ASCII
text, malformed escapes, oversized and garbage requests, and a crowd of
concurrent clients. After each attack the server must still answer."""

import concurrent.futures
import http.client
import os
import socket
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402

W = None
SITE = "Warta"
NOW = int(time.time())

EVIL = "<script>alert(1)</script> \"kutip\" & 'tunggal' </title><b>"
EVIL_NAME = "O'Brien <img src=x onerror=alert(2)> \"Si Jahat\""
EVIL_TAG = "<i>miring</i> & \"tanda\""
NONASCII = ("Kaf\u00e9 Pasar Lama: Pengunjung Antre Sejak Subuh "
            "\u2014 \u201cEnak\u201d")
NONASCII_LEAD = "Warga Cilegon menyebutnya \u201ckopi terbaik\u201d; " \
                "na\u00efve r\u00e9sum\u00e9 \u20ac 5 \u2713 \U0001F600"


def setUpModule():
    global W, SITE
    W = H.Warta("hostile")
    try:
        W.init()
        W.add_author("si-jahat", EVIL_NAME, "<SJ>", "Bio " + EVIL)
        W.add_tag("tag-jahat", EVIL_TAG, "Deskripsi " + EVIL)
        W.add_section("kanal-jahat", "Kanal <u>" + "\"'&", EVIL)
        W.add_article("judul-jahat", EVIL, lead="Lead " + EVIL,
                      dateline="<i>kota</i> \"x\"",
                      published_at=NOW - 60, authors=["si-jahat"],
                      tags=["tag-jahat"], section="kanal-jahat")
        W.add_article("kafe-pasar-lama", NONASCII, lead=NONASCII_LEAD,
                      dateline="Bogor", published_at=NOW - 120,
                      authors=["si-jahat"], tags=["tag-jahat"],
                      related=["judul-jahat"])
        SITE = W.site_name()
        W.start()
    except Exception:
        W.cleanup()
        raise


def tearDownModule():
    H.stop_warta(W)


def get(path, **kw):
    return H.fetch(W.port, path, **kw)


def path_of(slug):
    a, = W.articles("a.slug = ?", (slug,))
    return H.article_path(a["published_at"], slug)


class Base(unittest.TestCase):
    maxDiff = 4000

    def tearDown(self):
        self.assertTrue(W.alive(), "warta died:\n" + W.stderr()[-4000:])

    def assertStillAnswers(self):
        r = get("/")
        self.assertEqual(r.status, 200)
        self.assertIn(H.esc(SITE), r.text)

    def assertNoRawMarkup(self, html):
        # Hostile text may appear, but only as text: none of its tags.
        # JSON-LD is the one script allowed; it must still parse.
        _, html = H.jsonld(html)
        for bad in ("<script", "<img", "<i>", "<u>", "<b>", "</title><",
                    "<SJ>"):
            at = html.find(bad)
            self.assertEqual(at, -1, "raw %r in ...%s..." %
                             (bad, html[max(0, at - 200):at + 100]))


class Escaping(Base):
    def test_article_page(self):
        r = get(path_of("judul-jahat"))
        self.assertEqual(r.status, 200)
        html = r.text
        self.assertNoRawMarkup(html)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", html)
        self.assertIn("<h1>%s</h1>" % H.esc(EVIL), html)
        self.assertIn("<title>%s - %s</title>" % (H.esc(EVIL), H.esc(SITE)),
                      html)
        self.assertIn('<meta name="description" content="%s">' %
                      H.esc("Lead " + EVIL), html)
        self.assertIn('<a rel="author" href="/penulis/si-jahat">%s</a>' %
                      H.esc(EVIL_NAME), html)
        self.assertIn('<a rel="tag" href="/tag/tag-jahat">%s</a>' %
                      H.esc(EVIL_TAG), html)
        self.assertIn('<p class="signoff">(&lt;SJ&gt;)</p>', html)
        self.assertTrue(any(d in html for d in H.datelines(
            "<i>kota</i> \"x\"", SITE)), H.datelines("<i>kota</i> \"x\"",
                                                     SITE))

    def test_json_ld(self):
        html = get(path_of("judul-jahat")).text
        blocks, _ = H.jsonld(html)
        for b in blocks:
            if b.get("@type") == "NewsArticle":
                self.assertEqual(b.get("headline"), EVIL)
                self.assertEqual(b.get("description"), "Lead " + EVIL)

    def test_listings_and_home(self):
        for path in ("/", "/kanal/kanal-jahat", "/tag/tag-jahat",
                     "/penulis/si-jahat", path_of("kafe-pasar-lama"),
                     "/tidak-ada"):
            with self.subTest(path=path):
                r = get(path)
                self.assertIn(r.status, (200, 404))
                html = r.text
                self.assertNoRawMarkup(html)
                # The nav shows the hostile section name escaped.
                self.assertIn('<a href="/kanal/kanal-jahat">Kanal '
                              '&lt;u&gt;&quot;&#39;&amp;</a>', html)
                if r.status == 200:
                    self.assertIn(H.esc(EVIL), html)
        html = get("/tag/tag-jahat").text
        self.assertIn("<h1>%s</h1>" % H.esc(EVIL_TAG), html)
        self.assertIn('<p class="description">%s</p>' %
                      H.esc("Deskripsi " + EVIL), html)
        html = get("/penulis/si-jahat").text
        self.assertIn("<h1>%s</h1>" % H.esc(EVIL_NAME), html)
        self.assertIn('<p class="description">%s</p>' %
                      H.esc("Bio " + EVIL), html)
        # The related list and the BACA JUGA box escape the title too.
        html = get(path_of("kafe-pasar-lama")).text
        self.assertIn('<a href="%s">%s</a>' % (path_of("judul-jahat"),
                                                H.esc(EVIL)), html)

    def test_non_ascii(self):
        r = get(path_of("kafe-pasar-lama"))
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("Content-Type"),
                         "text/html; charset=utf-8")
        self.assertIn("<h1>%s</h1>" % NONASCII, r.text)
        self.assertIn(('<p class="lead">%s</p>' % NONASCII_LEAD)
                      .encode("utf-8"), r.body)
        self.assertIn(b"Kaf\xc3\xa9 Pasar Lama", r.body)
        self.assertIn(b"\xf0\x9f\x98\x80", r.body)
        self.assertTrue(any(d in r.text for d in H.datelines("Bogor", SITE)))
        home = get("/").text
        self.assertIn('<a href="%s">%s</a>' % (path_of("kafe-pasar-lama"),
                                                NONASCII), home)
        # Percent-encoded UTF-8 in a path is fine: just not found.
        for p in ("/kanal/kaf%C3%A9", "/tag/%E2%82%AC", "/2024/11/21/"
                  "kaf%C3%A9-pasar", "/%F0%9F%98%80"):
            with self.subTest(path=p):
                self.assertEqual(get(p).status, 404)


class BadTargets(Base):
    def test_malformed_escapes_are_400(self):
        for target in ("/%zz", "/%C3%28", "/%00", "/%", "/%4", "/%g0",
                       "/kanal/%ff", "/%C0%AF", "/%ED%A0%80", "/%F4%90%80%80",
                       "/tag/a%0d%0aSet-Cookie:%20x=1", "/%1b[31m",
                       "/?sebelum=%zz", "/?q=%C3%28", "/?a=%00",
                       "/static/%00warta.css", "/%E2%82"):
            with self.subTest(target=target):
                r = H.raw_request(W.port, "GET", target)
                self.assertEqual(r.status, 400, r)
                self.assertNotIn("set-cookie", r.headers)
                html = r.body.decode("utf-8")
                self.assertTrue(H.has_layout(html, SITE), html[:500])
                self.assertIn("Permintaan tidak valid", html)
        self.assertStillAnswers()

    def test_too_many_query_fields(self):
        r = get("/?" + "&".join("a%d=1" % i for i in range(40)))
        self.assertEqual(r.status, 400)
        self.assertStillAnswers()

    def test_long_uri(self):
        for n in (4000, 4097, 8193, 9000, 16384, 65536, 200000):
            with self.subTest(length=n):
                target = "/" + "a" * (n - 1)
                r = H.raw_request(W.port, "GET", target)
                self.assertIsNotNone(r.status, r)
                if n <= 4096:
                    self.assertEqual(r.status, 404)
                else:
                    self.assertGreaterEqual(r.status, 400, r)
                    self.assertLess(r.status, 500, r)
                self.assertStillAnswers()
        # A long query string counts too.
        r = H.raw_request(W.port, "GET", "/?x=" + "b" * 9000)
        self.assertIsNotNone(r.status, r)
        self.assertTrue(400 <= r.status < 500, r)
        self.assertStillAnswers()

    def test_oversized_headers(self):
        # Past the 64 KiB that the embedded server allows for a head.
        cases = {
            "one 100 KiB header": [("X-Big", "x" * 102400)],
            "4000 headers": [("X-H%d" % i, "v" * 20) for i in range(4000)],
            "1 MiB of cookies": [("Cookie", "a=" + "c" * 8000)] * 128,
        }
        for name, headers in cases.items():
            with self.subTest(case=name):
                r = H.raw_request(W.port, "GET", "/", headers=headers)
                self.assertIsNotNone(r.status, r)
                self.assertGreaterEqual(r.status, 400, r)
                self.assertLess(r.status, 500, r)
                self.assertStillAnswers()

    def test_header_limit(self):
        # 32 headers (with Host and Connection) are served; a 33rd is a
        # 431, never a silent drop: a Cookie or an Origin past the 32nd
        # would otherwise vanish.
        ok = [("X-H%d" % i, "v") for i in range(30)]
        r = H.raw_request(W.port, "GET", "/", headers=ok)
        self.assertEqual(r.status, 200, r)
        for path in ("/", "/tidak-ada", "/admin/login"):
            with self.subTest(path=path):
                r = H.raw_request(W.port, "GET", path,
                                  headers=ok + [("Cookie", "a=b")])
                self.assertEqual(r.status, 431, r)
                self.assertIn(b"Header terlalu banyak", r.body)
        r = H.raw_request(W.port, "GET", "/",
                          headers=[("X-H%d" % i, "v") for i in range(60)])
        self.assertEqual(r.status, 431, r)
        self.assertStillAnswers()

    def test_invalid_utf8_header_is_harmless(self):
        data = (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                b"X-Bad: \xc3\x28\xff\r\nUser-Agent: \xfe\r\n\r\n")
        r = H.raw(W.port, data)
        self.assertEqual(r.status, 200, r)

    def test_garbage(self):
        # (request, statuses allowed besides 4xx and no answer at all).
        # Each is sent and the answer awaited for a few seconds, all at
        # once, since a server may rightly wait for the rest of a request;
        # then we hang up. (Half-closing instead is the stalled client of
        # test_stalled_client_does_not_delay_shutdown.)
        header_only = (200,)  # a valid request line: MHD may be lenient
        cases = [
            (b"GARBAGE\r\n\r\n", ()),
            (b"\x00\x01\x02\x03\xff\xfe\r\n\r\n", ()),
            (b"GET\r\n\r\n", ()),
            # A well-formed request in an unknown version: 505 is right.
            (b"GET / HTTP/9.9\r\nHost: x\r\n\r\n", (505,)),
            (b"GET / FOO/1.1\r\nHost: x\r\n\r\n", (505,)),
            (b"GET  /  HTTP/1.1\r\n\r\n", ()),
            (b"GET / HTTP/1.1\r\nHost: x\r\nbad header line\r\n\r\n",
             header_only),
            (b"GET / HTTP/1.1\r\nHost: x\r\n: novalue\r\n\r\n",
             header_only),
            (b"GET / HTTP/1.1\r\nHost: x\r\n\x00\r\n\r\n", header_only),
            (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
             ()),
            (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
             ()),
            (b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
             b"\r\nzz\r\n", ()),
            (b"GET /" + b"\x7f" * 10 + b" HTTP/1.1\r\n\r\n", ()),
            # Absolute form is valid HTTP/1.1; serving it is fine too.
            (b"GET http://evil.example/ HTTP/1.1\r\nHost: x\r\n\r\n",
             (200,)),
            (b"GET * HTTP/1.1\r\nHost: x\r\n\r\n", ()),
            (b"\r\n\r\n\r\n\r\n", ()),
            (b"\x00\r\n\r\n", ()),
            (b"GET / HTTP/1.1\r\nHost: x", ()),            # truncated
            (b"GET /kanal", ()),                           # truncated
            (bytes(range(256)) * 8, ()),
        ]
        with concurrent.futures.ThreadPoolExecutor(len(cases)) as ex:
            results = list(ex.map(
                lambda c: H.raw(W.port, c[0], timeout=3),
                cases))
        for (data, also), r in zip(cases, results):
            with self.subTest(data=data[:60]):
                if r.status is not None and r.status not in also:
                    self.assertTrue(400 <= r.status < 500, r)
                if r.status is None:
                    self.assertEqual(r.data, b"", "not HTTP: %r" % r)
        self.assertStillAnswers()

    def test_conflicting_content_length_is_refused(self):
        # RFC 9112 6.3: differing Content-Length values are unrecoverable
        # (a request smuggling vector); the answer must be 400 and close.
        data = (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n"
                b"Content-Length: 2\r\n\r\nab")
        r = H.raw(W.port, data, timeout=5)
        self.assertIsNotNone(r.status, r)
        self.assertEqual(r.status, 400, r)
        self.assertStillAnswers()

    def test_request_then_close(self):
        # Clients that vanish mid-response. (Those that vanish mid-request
        # are Shutdown.test_vanished_client_does_not_delay_shutdown.)
        sec = W.rows("SELECT slug FROM sections")[0]["slug"].encode()
        for i in range(20):
            s = socket.create_connection(("127.0.0.1", W.port), timeout=5)
            s.sendall(b"GET /kanal/%s HTTP/1.1\r\nHost: x\r\n\r\n" % sec
                      if i % 2 else b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            s.close()
        self.assertStillAnswers()

    def test_post_body_too_big(self):
        # Declares 20 MiB, sends a little: refused without a crash.
        data = (b"POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                b"Content-Length: 20971520\r\n\r\n" + b"a=" + b"b" * 1000)
        r = H.raw(W.port, data, timeout=5)
        if r.status is not None:
            self.assertTrue(400 <= r.status < 500, r)
        self.assertStillAnswers()


class Shutdown(unittest.TestCase):
    """Clients whose request can never complete must not hold SIGTERM up:
    they are not requests in flight that deserve a grace period. Each
    test runs a warta of its own, stopped with the harness's 10 s
    limit."""

    def stop_after(self, send):
        w = H.Warta("stall")
        try:
            w.init().start()
            s = socket.create_connection(("127.0.0.1", w.port), timeout=5)
            send(s)
            time.sleep(0.5)
            t0 = time.monotonic()
            problems = w.stop()
            took = time.monotonic() - t0
            s.close()
            self.assertEqual(problems, [], "exit took %.1fs" % took)
        finally:
            w.cleanup()

    def test_stalled_client_does_not_delay_shutdown(self):
        # Half a request, then our sending side shut down.
        def send(s):
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            s.shutdown(socket.SHUT_WR)
        self.stop_after(send)

    def test_vanished_client_does_not_delay_shutdown(self):
        # Half a request, then the connection closed at once.
        def send(s):
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            s.close()
        self.stop_after(send)


class Crowd(Base):
    def test_200_concurrent_requests(self):
        sec = W.rows("SELECT slug FROM sections")[0]["slug"]
        paths = ["/", path_of("judul-jahat"), path_of("kafe-pasar-lama"),
                 "/kanal/" + sec, "/tag/tag-jahat", "/penulis/si-jahat",
                 "/static/warta.css"]
        n = 200
        barrier = threading.Barrier(n, timeout=60)
        errors = []

        def one(i):
            # 200 clients, each from its own loopback address: one
            # address may hold only so many connections (fe_http.c
            # PER_ADDRESS_LIMIT; tests/fault/test_slow_http.py).
            path = paths[i % len(paths)]
            conn = http.client.HTTPConnection(
                "127.0.0.1", W.port, timeout=60,
                source_address=("127.0.%d.%d" % (1 + i // 200,
                                                 1 + i % 200), 0))
            try:
                barrier.wait()
                r = H.fetch(W.port, path, conn=conn)
                return path, r.status, len(r.body)
            except Exception as e:  # reported below, not raised in a thread
                errors.append("%s: %r" % (path, e))
                return path, None, 0
            finally:
                conn.close()

        with concurrent.futures.ThreadPoolExecutor(n) as ex:
            results = list(ex.map(one, range(n)))
        self.assertEqual(errors, [])
        bad = [r for r in results if r[1] != 200]
        self.assertEqual(bad, [])
        # The same page has the same length every time.
        sizes = {}
        for path, _, size in results:
            sizes.setdefault(path, set()).add(size)
        for path, s in sizes.items():
            self.assertEqual(len(s), 1, (path, s))
        self.assertStillAnswers()

    def test_keep_alive_sequence(self):
        conn = http.client.HTTPConnection("127.0.0.1", W.port, timeout=15)
        try:
            for i in range(50):
                r = H.fetch(W.port, "/" if i % 2 else "/tag/tag-jahat",
                            conn=conn)
                self.assertEqual(r.status, 200)
        finally:
            conn.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
