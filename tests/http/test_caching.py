"""test_caching.py - HTTP caching through the embedded server: validators
on every reader page, feed and sitemap; If-None-Match and
If-Modified-Since (RFC 9110 precedence, weak comparison, lists, "*");
304 with no body but the same validators; HEAD; Cache-Control by kind
and status; and Last-Modified moving on every change that changes a page
(an edit, a scheduled story appearing, an unpublication elsewhere)."""

import email.utils
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402

W = None
NOW = int(time.time())
DAY = 86400
PUBLIC = "public, max-age=5, stale-while-revalidate=30"
SHORT = "public, max-age=5"


def setUpModule():
    global W
    W = H.Warta("caching")
    try:
        W.init()
        W.add_author("cache-penulis", "Penulis Cache", "PC")
        W.add_tag("cache-tag", "Tag Cache")
        W.add_section("cache-kanal", "Kanal Cache")
        for i in range(3):
            W.add_article("cache-%d" % i, "Berita cache %d" % i,
                          lead="Lead %d." % i, section="cache-kanal",
                          published_at=NOW - DAY - i * 600,
                          authors=["cache-penulis"], tags=["cache-tag"])
        W.start()
    except Exception:
        W.cleanup()
        raise


def tearDownModule():
    H.stop_warta(W)


def get(path, **kw):
    return H.fetch(W.port, path, **kw)


def http_date(t):
    return email.utils.formatdate(t, usegmt=True)


def parse_date(s):
    return int(email.utils.parsedate_to_datetime(s).timestamp())


def path_of(slug):
    a, = W.articles("a.slug = ?", (slug,))
    return H.article_path(a["published_at"], a["slug"])


def reader_paths():
    return ["/", path_of("cache-0"), "/kanal/cache-kanal", "/tag/cache-tag",
            "/penulis/cache-penulis", "/?sebelum=%d.1" % NOW,
            "/cari?q=cache", "/arsip", "/feed.xml", "/atom.xml",
            "/kanal/cache-kanal/feed.xml", "/sitemap.xml",
            "/sitemap-news.xml"]


class Base(unittest.TestCase):
    maxDiff = 4000

    def tearDown(self):
        self.assertTrue(W.alive(), "warta died:\n" + W.stderr()[-4000:])

    def validators(self, path):
        g = get(path)
        self.assertEqual(g.status, 200, path)
        etag, lm = g.header("ETag"), g.header("Last-Modified")
        self.assertRegex(etag or "", r'^"[0-9a-f]{32}"$', path)
        self.assertIsNotNone(lm, path)
        return g, etag, lm

    def assertNotModified(self, r, g):
        self.assertEqual(r.status, 304)
        self.assertEqual(r.body, b"")
        for name in ("ETag", "Last-Modified", "Cache-Control"):
            self.assertEqual(r.header(name), g.header(name), name)


class Validators(Base):
    def test_every_reader_response(self):
        for path in reader_paths():
            with self.subTest(path=path):
                g, etag, lm = self.validators(path)
                self.assertEqual(g.header("Cache-Control"), PUBLIC)
                # Never later than the response itself.
                self.assertLessEqual(parse_date(lm),
                                     parse_date(g.header("Date")) + 1)
                # Same content, same tag.
                self.assertEqual(get(path).header("ETag"), etag)

    def test_if_none_match(self):
        for path in reader_paths():
            with self.subTest(path=path):
                g, etag, lm = self.validators(path)
                for inm in (etag, "W/" + etag, "*", '"x", ' + etag,
                            '"a,b" ,\t' + etag + " ,"):
                    self.assertNotModified(
                        get(path, headers={"If-None-Match": inm}), g)
                for inm in ('"x"', etag[:-2] + '"', etag + "x",
                            "*, " + etag, "junk, " + etag):
                    r = get(path, headers={"If-None-Match": inm})
                    self.assertEqual(r.status, 200, inm)
                    self.assertEqual(r.body, g.body)

    def test_if_modified_since(self):
        for path in reader_paths():
            with self.subTest(path=path):
                g, etag, lm = self.validators(path)
                t = parse_date(lm)
                self.assertNotModified(
                    get(path, headers={"If-Modified-Since": lm}), g)
                if t + 1 < time.time():
                    # A later date is fine, as long as it is not in the
                    # future (that one is ignored).
                    self.assertNotModified(
                        get(path, headers={"If-Modified-Since":
                                           http_date(t + 1)}), g)
                for ims in (http_date(t - 1), "Sat, 01 Jan 2000 00:00:00 GMT",
                            "kemarin", http_date(int(time.time()) + DAY)):
                    r = get(path, headers={"If-Modified-Since": ims})
                    self.assertEqual(r.status, 200, ims)

    def test_if_none_match_wins(self):
        path = path_of("cache-1")
        g, etag, lm = self.validators(path)
        r = get(path, headers={"If-None-Match": '"lama"',
                               "If-Modified-Since": lm})
        self.assertEqual(r.status, 200)
        r = get(path, headers={"If-None-Match": etag,
                               "If-Modified-Since":
                               "Sat, 01 Jan 2000 00:00:00 GMT"})
        self.assertNotModified(r, g)

    def test_head(self):
        for path in ("/", path_of("cache-0"), "/tag/cache-tag", "/feed.xml"):
            with self.subTest(path=path):
                g, etag, lm = self.validators(path)
                h = H.raw_request(W.port, "HEAD", path)
                self.assertEqual(h.status, 200)
                self.assertEqual(h.body, b"")
                self.assertEqual(h.headers.get("etag"), etag)
                self.assertEqual(h.headers.get("last-modified"), lm)
                h = H.raw_request(W.port, "HEAD", path,
                                  headers=[("If-None-Match", etag)])
                self.assertEqual(h.status, 304)
                self.assertEqual(h.body, b"")
                self.assertEqual(h.headers.get("etag"), etag)

    def test_not_for_errors_and_admin(self):
        for path, status, cc in (("/tidak-ada", 404, SHORT),
                                 ("/kanal/tidak-ada", 404, SHORT),
                                 ("/?sebelum=abc", 400, "no-store"),
                                 ("/1999/01/01/cache-0", 301, SHORT),
                                 ("/admin/login", 200, "no-store")):
            with self.subTest(path=path):
                r = get(path, headers={"If-None-Match": "*"})
                self.assertEqual(r.status, status)
                self.assertEqual(r.header("Cache-Control"), cc)
                if status != 200:
                    self.assertIsNone(r.header("ETag"))
                self.assertEqual(len(r.headers.get_all("Cache-Control")), 1)
        r = get("/", method="POST", body=b"a=b",
                headers={"If-None-Match": "*"})
        self.assertEqual(r.status, 405)
        self.assertIsNone(r.header("ETag"))


class Changes(Base):
    def test_changed_article(self):
        path = path_of("cache-2")
        g, etag, lm = self.validators(path)
        t = int(time.time())
        with W.db() as c:
            c.execute("UPDATE articles SET title = 'Judul baru', "
                      "updated_at = ? WHERE slug = 'cache-2'", (t,))
        r = get(path, headers={"If-None-Match": etag})
        self.assertEqual(r.status, 200)
        self.assertIn("Judul baru", r.text)
        self.assertNotEqual(r.header("ETag"), etag)
        self.assertEqual(parse_date(r.header("Last-Modified")), t)
        self.assertEqual(get(path, headers={"If-Modified-Since": lm}).status,
                         200)
        # ... and the listings that show it.
        r = get("/kanal/cache-kanal", headers={"If-Modified-Since": lm})
        self.assertEqual(r.status, 200)

    def test_unpublished_elsewhere(self):
        """A story leaving a listing changes the listing though nothing
        left in it did: Last-Modified must still move."""
        W.add_article("cache-pergi", "Akan dicabut", section="cache-kanal",
                      published_at=NOW - 7200, updated_at=NOW - 7200,
                      tags=["cache-tag"])
        g, etag, lm = self.validators("/tag/cache-tag")
        self.assertIn("Akan dicabut", g.text)
        time.sleep(1.1)
        with W.db() as c:
            c.execute("UPDATE articles SET status = 'unpublished', "
                      "updated_at = ? WHERE slug = 'cache-pergi'",
                      (int(time.time()),))
        r = get("/tag/cache-tag", headers={"If-Modified-Since": lm})
        self.assertEqual(r.status, 200)
        self.assertNotIn("Akan dicabut", r.text)
        self.assertGreater(parse_date(r.header("Last-Modified")),
                           parse_date(lm))

    def test_scheduled_story_appears(self):
        """Saved long ago, due in two seconds: when it appears, the pages
        that show it are newer than anything they had."""
        due = int(time.time()) + 2
        W.add_article("cache-terjadwal", "Terjadwal cache",
                      status="scheduled", section="cache-kanal",
                      published_at=due, updated_at=NOW - DAY,
                      tags=["cache-tag"])
        g, etag, lm = self.validators("/kanal/cache-kanal")
        self.assertNotIn("Terjadwal cache", g.text)
        while time.time() < due + 1:
            time.sleep(0.1)
        r = get("/kanal/cache-kanal", headers={"If-Modified-Since": lm})
        self.assertEqual(r.status, 200)
        self.assertIn("Terjadwal cache", r.text)
        self.assertEqual(parse_date(r.header("Last-Modified")), due)
        r = get("/kanal/cache-kanal", headers={"If-None-Match": etag})
        self.assertEqual(r.status, 200)

    def test_future_timestamps_are_clamped(self):
        W.add_article("cache-masa-depan", "Jam server salah",
                      section="cache-kanal", published_at=NOW - 60,
                      updated_at=NOW + 10 * DAY)
        try:
            r = get("/kanal/cache-kanal")
            self.assertLessEqual(parse_date(r.header("Last-Modified")),
                                 parse_date(r.header("Date")) + 1)
        finally:
            # It would pin every page's Last-Modified to "now".
            with W.db() as c:
                c.execute("DELETE FROM articles WHERE slug = "
                          "'cache-masa-depan'")


if __name__ == "__main__":
    unittest.main(verbosity=2)
