"""test_archive.py - /arsip, /arsip/YYYY/MM and /arsip/YYYY/MM/DD through
warta's embedded HTTP server: months and days with their counts in WIB
(articles a second either side of local midnight), one day's articles
paged by keyset, hidden articles never counted, escaping, and 404 for
malformed or impossible dates. Expected values come from the database and
Python's own date arithmetic, never from the C code."""

import collections
import datetime
import email.utils
import os
import re
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402

W = None
SITE = "Warta"
NOW = int(time.time())
DAY = 86400

ITEM_RE = re.compile(r'<li><a href="(/arsip/[^"]+)">([^<]+)</a> '
                     r'<span class="count">\((\d+) berita\)</span></li>')


def wib_time(y, m, d, hh=10, mm=0, ss=0):
    return int(datetime.datetime(y, m, d, hh, mm, ss,
                                 tzinfo=H.WIB).timestamp())


def setUpModule():
    global W, SITE
    W = H.start_warta("archive", fixtures)
    SITE = W.site_name()


def tearDownModule():
    H.stop_warta(W)


def fixtures(w):
    """2019, a year the demo does not touch: a second before and at local
    midnight of 1 July (30 June 17:00 UTC), a busy day of 35 articles
    with a shared second, hidden articles on a counted day, a day with
    only a draft, and a hostile title."""
    w.add_article("arsip-juni", "Akhir Juni",
                  published_at=wib_time(2019, 6, 30, 23, 59, 59))
    w.add_article("arsip-juli", "Awal Juli",
                  published_at=wib_time(2019, 7, 1, 0, 0, 0))
    w.add_article("arsip-juli-2", "<script>alert(1)</script> Juli",
                  published_at=wib_time(2019, 7, 15, 9))
    for i in range(35):
        w.add_article("arsip-ramai-%02d" % i, "Hari ramai %d" % i,
                      published_at=wib_time(2019, 8, 20, 8) + (i // 2) * 60)
    w.add_article("arsip-draf", "Draf 15 Juli", status="draft",
                  published_at=wib_time(2019, 7, 15, 10))
    w.add_article("arsip-tarik", "Ditarik 15 Juli", status="unpublished",
                  published_at=wib_time(2019, 7, 15, 11),
                  unpublish_reason="Uji.")
    w.add_article("arsip-draf-sendiri", "Draf saja", status="draft",
                  published_at=wib_time(2019, 7, 20, 10))
    w.add_article("arsip-nanti", "Terjadwal nanti", status="scheduled",
                  published_at=NOW + 40 * DAY)


def get(path, **kw):
    return H.fetch(W.port, path, **kw)


def public():
    return W.public_articles()


def month_label(y, m):
    return "%s %d" % (H.MONTHS_ID[m - 1], y)


class Base(unittest.TestCase):
    maxDiff = 6000

    def tearDown(self):
        self.assertTrue(W.alive(), "warta died:\n" + W.stderr()[-4000:])

    def assertPage(self, r, status=200):
        self.assertEqual(r.status, status, r.body[:500])
        self.assertEqual(r.header("Content-Type"),
                         "text/html; charset=utf-8")
        self.assertTrue(H.has_layout(r.text, SITE), r.text[:1000])
        return r.text


class Months(Base):
    def test_months_with_counts(self):
        count = collections.Counter()
        newest = {}
        for a in public():
            d = H.wib(a["published_at"])
            count[(d.year, d.month)] += 1
            newest[(d.year, d.month)] = max(newest.get((d.year, d.month),
                                                       0), a["published_at"])
        want = [("/arsip/%04d/%02d" % k, month_label(*k), str(count[k]))
                for k in sorted(count, reverse=True)]
        r = get("/arsip")
        html = self.assertPage(r)
        self.assertEqual(ITEM_RE.findall(html), want)
        # The second before local midnight is June's, midnight July's.
        self.assertIn(("/arsip/2019/06", "Juni 2019", "1"), want)
        self.assertIn(("/arsip/2019/07", "Juli 2019", "2"), want)
        # Last-Modified is at least the newest publication counted (the
        # cache layer may raise it to the site's last change).
        lm = email.utils.parsedate_to_datetime(r.header("Last-Modified"))
        self.assertGreaterEqual(lm.timestamp(), max(newest.values()))
        self.assertLessEqual(lm.timestamp(), time.time() + 1)
        self.assertIn('<a href="/arsip">Arsip</a>', html)

    def test_days_with_counts(self):
        count = collections.Counter()
        for a in public():
            d = H.wib(a["published_at"])
            if (d.year, d.month) == (2019, 7):
                count[d.day] += 1
        self.assertEqual(dict(count), {1: 1, 15: 1})
        want = [("/arsip/2019/07/%02d" % d,
                 H.date_long(wib_time(2019, 7, d, 12)), str(count[d]))
                for d in sorted(count, reverse=True)]
        html = self.assertPage(get("/arsip/2019/07"))
        self.assertEqual(ITEM_RE.findall(html), want)
        self.assertIn("<h1>Arsip Juli 2019</h1>", html)
        self.assertIn('<a href="/arsip">&larr; Semua bulan</a>', html)
        html = self.assertPage(get("/arsip/2019/08"))
        self.assertEqual(ITEM_RE.findall(html),
                         [("/arsip/2019/08/20",
                           H.date_long(wib_time(2019, 8, 20)), "35")])


class Days(Base):
    def test_one_day(self):
        html = self.assertPage(get("/arsip/2019/07/15"))
        self.assertEqual([p.rsplit("/", 1)[1] for p in H.card_links(html)],
                         ["arsip-juli-2"])
        self.assertNotIn("<script>alert", html)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt; Juli", html)
        self.assertIn("<h1>%s</h1>" % H.date_long(wib_time(2019, 7, 15)),
                      html)
        self.assertIn('<a href="/arsip/2019/07">Juli 2019</a>', html)
        for slug, day in (("arsip-juni", "2019/06/30"),
                          ("arsip-juli", "2019/07/01")):
            html = self.assertPage(get("/arsip/" + day))
            self.assertEqual([p.rsplit("/", 1)[1]
                              for p in H.card_links(html)], [slug])

    def test_day_pages(self):
        want = [a["slug"] for a in public()
                if H.wib(a["published_at"]).date() ==
                datetime.date(2019, 8, 20)]
        self.assertEqual(len(want), 35)
        seen, path, pages = [], "/arsip/2019/08/20", 0
        while path:
            self.assertLess(pages, 10)
            r = get(path)
            html = self.assertPage(r)
            seen += [p.rsplit("/", 1)[1] for p in H.card_links(html)]
            pages += 1
            if pages > 1:
                self.assertIn('<a href="/arsip/2019/08/20">', html)
            path = H.next_link(html)
            if path:
                self.assertRegex(path, r"^/arsip/2019/08/20\?sebelum="
                                       r"\d+\.\d+$")
        self.assertEqual(pages, 2)
        self.assertEqual(seen, want)
        self.assertPage(get("/arsip/2019/08/20?sebelum=abc"), 400)

    def test_hidden_not_counted(self):
        # The draft and the unpublished article of 15 July are neither
        # counted nor listed; a day with only a draft does not exist.
        html = self.assertPage(get("/arsip/2019/07"))
        self.assertIn(("/arsip/2019/07/15",
                       H.date_long(wib_time(2019, 7, 15)), "1"),
                      ITEM_RE.findall(html))
        self.assertPage(get("/arsip/2019/07/20"), 404)
        d = H.wib(NOW + 40 * DAY)
        self.assertPage(get("/arsip/%04d/%02d/%02d" %
                            (d.year, d.month, d.day)), 404)
        for a in W.hidden_articles():
            self.assertFalse(H.links_to_article(get("/arsip").text,
                                                a["slug"]))

    def test_bad_dates(self):
        for path in ("/arsip/2019/02/30", "/arsip/2019/02/29",
                     "/arsip/2019/13", "/arsip/2019/00", "/arsip/2019/7",
                     "/arsip/19/07", "/arsip/2019/07/1", "/arsip/2019/07/32",
                     "/arsip/abcd/07", "/arsip/2019/0x", "/arsip/0000/01",
                     "/arsip/2019/07/15/x", "/arsip/+201/07",
                     "/arsip/2018/01", "/arsip/2019/07/02",
                     "/arsip/%3Cscript%3E/07"):
            with self.subTest(path=path):
                r = get(path)
                self.assertPage(r, 404)
                self.assertNotIn("<script>", r.text)

    def test_head_and_methods(self):
        g = get("/arsip/2019/07/15")
        h = get("/arsip/2019/07/15", method="HEAD")
        self.assertEqual(h.status, 200)
        self.assertEqual(h.body, b"")
        self.assertEqual(h.header("ETag"), g.header("ETag"))
        r = get("/arsip", method="POST", body=b"")
        self.assertEqual(r.status, 405)
        self.assertEqual(r.header("Allow"), "GET, HEAD")


if __name__ == "__main__":
    unittest.main(verbosity=2)
