"""test_mount.py - the embedded server with --prefix /berita: every page,
link, redirect, feed, sitemap, robots.txt line and cookie stays below the
mount point (a crawl of the whole demo site, reader and admin, finds none
escaping it), and nothing answers outside it."""

import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import crawl as C  # noqa: E402
import harness as H  # noqa: E402

W = None
PREFIX = "/berita"
EDITOR = ("redaktur@uji.test", "Rina Redaktur", "editor", "kata-sandi-rina")


def setUpModule():
    global W
    W = H.Warta("mount")
    W.extra_args = ["--prefix", PREFIX + "/"]
    try:
        W.init()
        H.add_user(W, *EDITOR)
        W.start()
    except Exception:
        W.cleanup()
        raise


def tearDownModule():
    H.stop_warta(W)


def site():
    return C.Site(lambda m, p, h, b: H.fetch(W.port, p, method=m, headers=h,
                                             body=b),
                  PREFIX, W.base_url)


class Mount(unittest.TestCase):
    def tearDown(self):
        self.assertTrue(W.alive(), W.stderr()[-4000:])

    def test_reader_crawl(self):
        pages, problems = C.crawl(site(), limit=200)
        self.assertEqual(problems, [])
        paths = list(pages)
        # The crawl reached every kind of page.
        for kind in (r"/kanal/", r"/tag/", r"/penulis/", r"/arsip",
                     r"/\d{4}/\d\d/\d\d/", r"/static/", r"/feed\.xml",
                     r"/sitemap-", r"\?sebelum="):
            self.assertTrue(any(re.search(kind, p) for p in paths),
                            "no %s page among %d" % (kind, len(paths)))
        self.assertTrue(all(p.startswith(PREFIX + "/") for p in paths))

    def test_admin_crawl(self):
        s = site()
        cookie = C.sign_in(self, s, EDITOR[0], EDITOR[3])
        pages, problems = C.crawl(s, starts=("/admin",), headers=cookie,
                                  limit=60, skip=("/admin/logout",))
        self.assertEqual(problems, [])
        self.assertGreater(len(pages), 5)
        self.assertTrue(any("/admin/articles/" in p for p in pages))

    def test_home_and_canonical(self):
        for path in (PREFIX, PREFIX + "/", PREFIX + "?utm_source=x"):
            r = H.fetch(W.port, path)
            self.assertEqual(r.status, 200, path)
            self.assertIn('<link rel="canonical" href="%s%s/' %
                          (W.base_url, PREFIX), r.text)
        r = H.fetch(W.port, PREFIX + "/feed.xml")
        self.assertIn("<link>%s%s/</link>" % (W.base_url, PREFIX), r.text)
        r = H.fetch(W.port, PREFIX + "/robots.txt")
        self.assertIn("Disallow: %s/admin\n" % PREFIX, r.text)
        self.assertIn("Sitemap: %s%s/sitemap.xml\n" % (W.base_url, PREFIX),
                      r.text)

    def test_nothing_outside(self):
        for path in ("/", "/kanal/politik", "/static/warta.css",
                     "/beritax", "/beritax/kanal/politik", "/ber%69ta/",
                     "/robots.txt", "/admin/login"):
            r = H.fetch(W.port, path)
            self.assertEqual(r.status, 404, path)
            # Even the error page links below the mount point.
            self.assertIn('href="%s/"' % PREFIX, r.text)

    def test_hostile_targets_below_mount(self):
        for path, status in ((PREFIX + "/%zz", 400),
                             (PREFIX + "/%c3%28", 400),
                             (PREFIX + "/cari?q=%00", 400),
                             (PREFIX + "/../etc/passwd", 404),
                             (PREFIX + "//evil.example/", 404)):
            r = H.fetch(W.port, path)
            self.assertEqual(r.status, status, path)


if __name__ == "__main__":
    unittest.main()
