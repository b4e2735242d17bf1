"""test_nginx.py - warta behind a real nginx running docs/nginx.conf (only
its ADJUST values replaced), over FastCGI on a Unix socket: the reader
pages, errors, redirects, HEAD, 405, static files served by nginx itself,
escaping, and a burst of 1,000 concurrent requests. Fails (never skips)
when nginx is missing: scripts/deps test installs it."""

import concurrent.futures
import http.client
import os
import re
import sys
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "http"))
import harness as H  # noqa: E402

W = None
NG = None
SITE = "Warta"
NOW = int(time.time())
EVIL = "<script>alert(1)</script> \"kutip\" & 'tunggal'"


def setUpModule():
    global W, NG, SITE
    W = H.Warta("nginx", fastcgi=True, http=False, threads=8)
    try:
        W.init()
        W.add_author("uji-nginx", "Penulis Nginx", "PN")
        W.add_tag("uji-nginx", "Uji Nginx", "Tag uji nginx.")
        W.add_article("judul-jahat", EVIL, lead="Lead " + EVIL,
                      dateline="Serang", published_at=NOW - 60,
                      authors=["uji-nginx"], tags=["uji-nginx"])
        SITE = W.site_name()
        W.start()
        NG = H.Nginx(W).start()
    except Exception:
        if NG:
            NG.kill()
        W.kill()
        raise


def tearDownModule():
    H.stop_behind_nginx(NG, W)


def get(path, **kw):
    return H.fetch(NG.port, path, host="127.0.0.1", **kw)


def first_public():
    return W.public_articles()[0]


class Base(unittest.TestCase):
    maxDiff = 4000

    def tearDown(self):
        H.assert_alive_behind_nginx(self, W, NG)

    def assertPage(self, r, status=200):
        self.assertEqual(r.status, status, r.body[:500])
        self.assertEqual(r.header("Content-Type"),
                         "text/html; charset=utf-8")
        self.assertTrue(H.has_layout(r.text, SITE), r.text[:800])
        self.assertEqual(r.header("X-Content-Type-Options"), "nosniff")
        return r.text


class Pages(Base):
    def test_config_is_docs_nginx_conf(self):
        with open(os.path.join(H.SRC, "docs", "nginx.conf")) as f:
            doc = f.read()
        with open(os.path.join(NG.prefix, "warta.conf")) as f:
            used = f.read()
        changed = [(a, b) for a, b in zip(doc.splitlines(),
                                          used.splitlines()) if a != b]
        self.assertEqual(len(doc.splitlines()), len(used.splitlines()))
        # listen, server_name, root, the socket, the cache directory
        self.assertEqual(len(changed), 5, changed)

    def test_home(self):
        before = time.time()
        html = self.assertPage(get("/"))
        self.assertTrue(H.date_long(before) in html or
                        H.date_long(time.time()) in html)
        self.assertIn('<section class="latest">', html)
        self.assertTrue(H.card_links(H.section_html(html, "latest")))
        self.assertIn('<section class="section-block">', html)

    def test_home_pages(self):
        want = {H.article_path(a["published_at"], a["slug"])
                for a in W.public_articles()}
        seen, path, n = [], "/", 0
        featured = set()
        while path:
            n += 1
            self.assertLess(n, 100)
            html = self.assertPage(get(path))
            head = H.section_html(html, "headline")
            if head and path == "/":
                featured = set(re.findall(r'href="(/\d{4}/[^"]+)"', head))
            latest = H.section_html(html, "latest")
            seen += H.card_links(latest)
            path = H.next_link(latest)
        self.assertEqual(len(seen), len(set(seen)))
        self.assertEqual(set(seen) | featured, want)

    def test_article(self):
        for a in W.public_articles()[:10] + W.articles(
                "a.slug = 'judul-jahat'"):
            with self.subTest(slug=a["slug"]):
                path = H.article_path(a["published_at"], a["slug"])
                html = self.assertPage(get(path))
                self.assertIn("<h1>%s</h1>" % H.esc(a["title"]), html)
                self.assertIn(H.date_short(a["published_at"]), html)
                for au in W.authors_of(a["id"]):
                    self.assertIn('href="/penulis/%s"' % au["slug"], html)
                self.assertIn('<link rel="canonical" href="%s%s">' %
                              (W.base_url, path), html)

    def test_escaped_title(self):
        a, = W.articles("a.slug = 'judul-jahat'")
        html = self.assertPage(get(H.article_path(a["published_at"],
                                                  a["slug"])))
        # The NewsArticle JSON-LD is the one script element allowed.
        blocks, rest = H.jsonld(html)
        self.assertEqual(len(blocks), 1)
        self.assertEqual(blocks[0]["headline"], EVIL)
        self.assertNotIn("<script", rest)
        self.assertIn("<h1>%s</h1>" % H.esc(EVIL), html)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", html)
        self.assertTrue(any(d in html for d in H.datelines("Serang", SITE)))
        self.assertNotIn("<script", H.jsonld(get("/").text)[1])

    def test_listings(self):
        sec = W.rows("SELECT * FROM sections ORDER BY id")[0]
        for path, heading in (("/kanal/" + sec["slug"], sec["name"]),
                              ("/tag/uji-nginx", "Uji Nginx"),
                              ("/penulis/uji-nginx", "Penulis Nginx")):
            with self.subTest(path=path):
                html = self.assertPage(get(path))
                self.assertIn("<h1>%s</h1>" % H.esc(heading), html)
                self.assertTrue(H.card_links(html))
                self.assertPage(get(path + "?sebelum=abc"), 400)
        for path in ("/kanal/tidak-ada", "/tag/tidak-ada",
                     "/penulis/tidak-ada"):
            with self.subTest(path=path):
                self.assertPage(get(path), 404)

    def test_not_found(self):
        for path in ("/tidak-ada", "/2024/11/21/tidak-ada",
                     "/20x4/11/21/judul-jahat", "/sql/001_core.sql",
                     "/static/../sql/001_core.sql"):
            with self.subTest(path=path):
                html = self.assertPage(get(path), 404)
                self.assertIn("Halaman tidak ditemukan", html)
                self.assertNotIn("CREATE TABLE", html)
        hidden = W.hidden_articles()
        self.assertTrue(hidden)
        for a in hidden:
            with self.subTest(slug=a["slug"]):
                t = a["published_at"] or a["created_at"]
                self.assertPage(get(H.article_path(t, a["slug"])), 404)

    def test_bad_request(self):
        for target in ("/%zz", "/%C3%28", "/%00", "/?sebelum=%zz"):
            with self.subTest(target=target):
                r = H.raw_request(NG.port, "GET", target)
                self.assertIsNotNone(r.status, r)
                self.assertEqual(r.status, 400, r)

    def test_redirect(self):
        a = first_public()
        path = H.article_path(a["published_at"], a["slug"])
        r = get("/1999/01/01/" + a["slug"])
        self.assertEqual(r.status, 301)
        # Relative or made absolute by nginx: the canonical path either way.
        loc = r.header("Location")
        self.assertTrue(loc == path or re.fullmatch(
            r"https?://[^/]+" + re.escape(path), loc), loc)

    def test_head(self):
        a = first_public()
        for path in ("/", H.article_path(a["published_at"], a["slug"]),
                     "/tag/uji-nginx", "/tidak-ada", "/static/warta.css"):
            with self.subTest(path=path):
                g = get(path)
                h = H.raw_request(NG.port, "HEAD", path)
                self.assertEqual(h.status, g.status)
                self.assertEqual(h.body, b"")
                self.assertEqual(h.headers.get("content-type"),
                                 g.header("Content-Type"))
                if h.headers.get("content-length") is not None:
                    self.assertEqual(int(h.headers["content-length"]),
                                     len(g.body))

    def test_405(self):
        a = first_public()
        for path in ("/", H.article_path(a["published_at"], a["slug"]),
                     "/tag/uji-nginx"):
            for m in ("POST", "PUT", "DELETE"):
                with self.subTest(path=path, method=m):
                    r = get(path, method=m,
                            body=b"a=b" if m != "DELETE" else None)
                    self.assertPage(r, 405)
                    self.assertEqual(r.header("Allow"), "GET, HEAD")

    def test_static_by_nginx(self):
        r = get("/static/warta.css")
        self.assertEqual(r.status, 200)
        self.assertTrue(r.header("Content-Type").startswith("text/css"))
        # `expires 1h` and `add_header Cache-Control "public"`: two
        # headers, which a client reads as one list.
        cc = ", ".join(r.headers.get_all("Cache-Control") or [])
        self.assertIn("max-age=3600", cc)
        self.assertIn("public", cc)
        self.assertEqual(r.header("X-Content-Type-Options"), "nosniff")
        with open(os.path.join(H.SRC, "static", "warta.css"), "rb") as f:
            self.assertEqual(r.body, f.read())
        self.assertEqual(get("/static/tidak-ada.css").status, 404)
        time.sleep(0.2)
        served = [ln for ln in W.log_lines()
                  if ln[1] in ("/static/warta.css", "/static/tidak-ada.css")]
        self.assertEqual(served, [], "warta served static files itself")


class Media(Base):
    def test_only_picture_names(self):
        """docs/nginx.conf's /media/ serves the rendition names picture.c
        makes and the legacy 32-hex uploads, for a year, and nothing else
        there (a kept original, a temporary file, a crop in a format it
        is not made in, anything else)."""
        d = os.path.join(NG.root, "media")
        os.makedirs(d, exist_ok=True)
        key = "0123456789abcdef"
        good = {key + "-w640.webp": "image/webp",
                key + "-w1920.jpg": "image/jpeg",
                key + "-share-500-500.jpg": "image/jpeg",
                key + "-wide-0-1000.jpg": "image/jpeg",
                key + "-square-1000-0.jpg": "image/jpeg",
                key + "-thumb-500-500.webp": "image/webp",
                "a" * 32 + ".png": "image/png"}
        bad = [key + ".orig", key + "-share-500-500.webp",
               key + "-w0640.jpg", key + "-w640.png", key + "-huge-1-1.jpg",
               key + "-std-1001-5.jpg", ".tmp-1-" + key + "-w640.jpg",
               "halaman.html", key.upper() + "-w640.jpg"]
        for name in list(good) + bad:
            with open(os.path.join(d, name), "wb") as f:
                f.write(b"\xff\xd8\xff" + name.encode())
        for name, mime in good.items():
            r = get("/media/" + name)
            self.assertEqual(r.status, 200, name)
            self.assertEqual(r.header("Content-Type"), mime, name)
            self.assertIn("immutable", r.header("Cache-Control"))
            self.assertEqual(r.header("X-Content-Type-Options"), "nosniff")
        for name in bad:
            self.assertEqual(get("/media/" + name).status, 404, name)


class MicroCache(Base):
    """The micro-cache of docs/nginx.conf: pages are cached briefly, HEAD
    never poisons GET, staff with a session cookie and /admin bypass it."""

    def test_second_get_is_a_hit(self):
        path = "/tag/uji-nginx?mc=%d" % time.time_ns()
        first = get(path)
        second = H.after_miss(NG.port, path)
        self.assertEqual(first.status, 200)
        self.assertEqual(second.status, 200)
        self.assertEqual(first.header("X-Cache-Status"), "MISS")
        self.assertEqual(second.header("X-Cache-Status"), "HIT")
        self.assertEqual(second.body, first.body)

    def test_head_does_not_poison_get(self):
        path = "/penulis/uji-nginx?mc=%d" % time.time_ns()
        h = H.raw_request(NG.port, "HEAD", path)
        self.assertEqual(h.status, 200)
        self.assertEqual(h.body, b"")
        g = get(path)
        self.assertEqual(g.status, 200)
        self.assertIn("<h1>Penulis Nginx</h1>", g.text)

    def test_session_cookie_bypasses(self):
        path = "/tag/uji-nginx?mc=%d" % time.time_ns()
        get(path)
        r = get(path, headers={"Cookie": "warta_session=abc"})
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("X-Cache-Status"), "BYPASS")

    def test_admin_is_never_cached(self):
        for _ in range(2):
            r = get("/admin/login")
            self.assertNotIn(r.header("X-Cache-Status"), ("HIT", "STALE"))
            self.assertIn("no-store", r.header("Cache-Control") or "")


class Burst(Base):
    def test_1000_concurrent(self):
        public = W.public_articles()
        sec = W.rows("SELECT slug FROM sections ORDER BY id")[0]["slug"]
        paths = [H.article_path(public[0]["published_at"], public[0]["slug"]),
                 "/", "/kanal/" + sec, "/tag/uji-nginx",
                 H.article_path(public[1]["published_at"], public[1]["slug"]),
                 "/penulis/uji-nginx"]
        threads, per = 50, 20

        def worker(i):
            results = []
            conn = http.client.HTTPConnection("127.0.0.1", NG.port,
                                              timeout=60)
            try:
                for j in range(per):
                    path = paths[(i + j) % len(paths)]
                    try:
                        r = H.fetch(NG.port, path, conn=conn)
                        results.append((path, r.status, None))
                    except Exception as e:
                        results.append((path, None, repr(e)))
                        conn.close()
                        conn = http.client.HTTPConnection(
                            "127.0.0.1", NG.port, timeout=60)
            finally:
                conn.close()
            return results

        log_before = len(NG.error_log())
        t0 = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(threads) as ex:
            results = [r for rs in ex.map(worker, range(threads))
                       for r in rs]
        elapsed = time.monotonic() - t0
        self.assertEqual(len(results), threads * per)
        errors = [r for r in results if r[2] is not None]
        self.assertEqual(errors, [])
        bad = [r for r in results if r[1] != 200]
        self.assertEqual(bad[:10], [], "%d of %d not 200" %
                         (len(bad), len(results)))
        print("\n%d requests in %.1fs through nginx" %
              (len(results), elapsed), file=sys.stderr)
        trouble = [ln for ln in NG.error_log()[log_before:].splitlines()
                   if re.search(r"\[(error|crit|alert|emerg)\]", ln)]
        self.assertEqual(trouble, [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
