"""test_cache.py - the micro-cache of docs/nginx.conf (only its ADJUST
values replaced, by harness.nginx_site_conf) in front of warta over
FastCGI: a second request is a HIT, and an article published while the
pages are cached shows on the home page, its section and tag pages, the
feeds and the news sitemap within twice the cache lifetime. Signed-in
staff bypass the cache and see it at once. Fails (never skips) when nginx
is missing."""

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
NOW = int(time.time())
LIFETIME = 5  # seconds: max-age of warta's pages, fastcgi_cache_valid
POLL = 0.2


def setUpModule():
    global W, NG
    W = H.Warta("nginx-cache", fastcgi=True, http=False, threads=4)
    try:
        W.init()
        W.add_author("cache-nginx", "Penulis Cache", "PCN")
        W.add_tag("cache-nginx", "Tag Cache Nginx")
        W.add_section("cache-nginx", "Kanal Cache Nginx")
        W.add_article("cache-lama", "Berita lama di cache",
                      section="cache-nginx", published_at=NOW - 3600,
                      authors=["cache-nginx"], tags=["cache-nginx"])
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


# Where a new article must show, and how each names it.
PAGES = ("/", "/kanal/cache-nginx", "/tag/cache-nginx", "/feed.xml",
         "/sitemap-news.xml")


def shows(body, slug):
    return re.search(r"/\d{4}/\d{2}/\d{2}/%s\b" % re.escape(slug),
                     body) is not None


class Base(unittest.TestCase):
    def tearDown(self):
        H.assert_alive_behind_nginx(self, W, NG)

    def prime(self, path):
        """Requests path until nginx answers it from the cache; returns
        that HIT."""
        deadline = time.monotonic() + 2 * LIFETIME + 2
        while True:
            r = get(path)
            self.assertEqual(r.status, 200, path)
            if r.header("X-Cache-Status") == "HIT":
                return r
            self.assertLess(time.monotonic(), deadline,
                            "%s never became a HIT" % path)
            time.sleep(0.05)


class MicroCache(Base):
    def test_second_request_is_a_hit(self):
        path = "/kanal/cache-nginx?t=%d" % time.time_ns()
        first = get(path)
        second = H.after_miss(NG.port, path)
        self.assertEqual(first.header("X-Cache-Status"), "MISS")
        self.assertEqual(second.header("X-Cache-Status"), "HIT")
        self.assertEqual(second.body, first.body)
        # The cached copy keeps warta's validators and policy.
        for name in ("ETag", "Last-Modified", "Cache-Control"):
            self.assertEqual(second.header(name), first.header(name), name)
        self.assertEqual(second.header("Cache-Control"),
                         "public, max-age=5, stale-while-revalidate=30")
        # A conditional request is answered from the cache too.
        r = get(path, headers={"If-None-Match": first.header("ETag")})
        self.assertEqual(r.status, 304)
        self.assertEqual(r.body, b"")

    def test_publish_shows_within_the_lifetime(self):
        # Every page cached, without the article to come.
        for path in PAGES:
            r = self.prime(path)
            self.assertTrue(shows(r.text, "cache-lama"), path)
            self.assertFalse(shows(r.text, "cache-baru"), path)
        # Published the way the admin does it: straight into the table,
        # public one second ago.
        published = time.monotonic()
        W.add_article("cache-baru", "Berita baru saja terbit",
                      lead="Terbit saat halaman di cache.",
                      section="cache-nginx", published_at=int(time.time()) - 1,
                      authors=["cache-nginx"], tags=["cache-nginx"])
        # Staff skip the cache: they see it at once.
        for path in PAGES:
            r = get(path, headers={"Cookie": "warta_session=x"})
            self.assertEqual(r.header("X-Cache-Status"), "BYPASS", path)
            self.assertTrue(shows(r.text, "cache-baru"), path)
        # Readers within twice the lifetime (one lifetime for the entry to
        # expire, then one refresh in the background).
        waiting = set(PAGES)
        seen = {}
        deadline = published + 2 * LIFETIME
        while waiting and time.monotonic() < deadline:
            for path in sorted(waiting):
                r = get(path)
                self.assertEqual(r.status, 200, path)
                if shows(r.text, "cache-baru"):
                    waiting.discard(path)
                    seen[path] = (round(time.monotonic() - published, 1),
                                  r.header("X-Cache-Status"))
            time.sleep(POLL)
        self.assertEqual(waiting, set(), "still stale after %ds; seen: %r"
                         % (2 * LIFETIME, seen))
        print("\nvisible after (s, cache status): %r" % seen,
              file=sys.stderr)

    def test_staff_answers_are_not_stored(self):
        path = "/tag/cache-nginx?t=%d" % time.time_ns()
        for _ in range(2):
            r = get(path, headers={"Cookie": "a=b; warta_session=x"})
            self.assertEqual(r.header("X-Cache-Status"), "BYPASS")
        # Nothing was stored for readers by those requests.
        self.assertEqual(get(path).header("X-Cache-Status"), "MISS")

    def test_admin_is_not_cached(self):
        for _ in range(2):
            r = get("/admin/login")
            self.assertIsNone(r.header("X-Cache-Status"))
            self.assertEqual(r.header("Cache-Control"), "no-store")

    def test_errors_are_cached_briefly(self):
        path = "/kanal/belum-ada-%d" % time.time_ns()
        first, second = get(path), H.after_miss(NG.port, path)
        self.assertEqual(first.status, 404)
        self.assertEqual(second.status, 404)
        self.assertEqual(second.header("X-Cache-Status"), "HIT")
        self.assertEqual(second.header("Cache-Control"), "public, max-age=5")
        bad = get("/?sebelum=abc")
        self.assertEqual(bad.status, 400)
        self.assertEqual(get("/?sebelum=abc").header("X-Cache-Status"),
                         "MISS")


if __name__ == "__main__":
    unittest.main(verbosity=2)
