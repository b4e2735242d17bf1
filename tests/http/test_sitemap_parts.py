"""test_sitemap_parts.py - long sitemaps split into parts of at most
SITEMAP_PART (1,000) URLs, through warta's embedded HTTP server: a month
with more stories than that is listed in /sitemap.xml as
/sitemap-YYYY-MM-P.xml, and the page list of a site with more sections,
tags and authors as /sitemap-pages-P.xml. The fixture writes a few
thousand stories and tags straight into the database (the triggers keep
the counts the index reads). Expected values come from the database and
Python's date arithmetic, never from the C code."""

import os
import subprocess
import sys
import time
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402

W = None
BASE = None
PART = 1000
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XML_TYPE = "application/xml; charset=utf-8"
DAY = 86400
# Months in WIB: (year, month, stories). 2,345 is three parts; 1,000 is
# still one file; 1,001 is two parts, the second of one story.
MONTHS = ((2019, 3, 2345), (2019, 4, 1000), (2019, 5, 1001))
TAGS = 1300         # with the demo's: the page list needs two parts
EMPTY_TAGS = 40     # of them carrying no public story


def setUpModule():
    global W, BASE
    W = H.start_warta("sitemap-parts", fixtures)
    BASE = W.base_url


def tearDownModule():
    H.stop_warta(W)


def wib_start(y, m):
    """The UTC time of local midnight (UTC+7) on the 1st of y-m."""
    import calendar
    return calendar.timegm((y, m, 1, 0, 0, 0)) - 7 * 3600


def fixtures(w):
    with w.db() as c:
        sid = c.execute("SELECT id FROM sections ORDER BY position, id "
                        "LIMIT 1").fetchone()[0]
        rows = []
        for y, m, n in MONTHS:
            start = wib_start(y, m)
            for i in range(n):
                # Spread over 27 days, some edited later (lastmod), two
                # at the same second (the id decides).
                t = start + (i * 27 * DAY) // n
                rows.append(("uji-part-%04d%02d-%04d" % (y, m, i),
                             "Bagian %d" % i, "", "", "(fixture)",
                             "<p>Isi.</p>\n", "published", sid, t,
                             t + (3600 if i % 7 == 0 else 0), t - 600, 0,
                             ""))
        c.executemany(
            "INSERT INTO articles (slug, title, lead, dateline, body_md, "
            "body_html, status, section_id, published_at, updated_at, "
            "created_at, featured, unpublish_reason) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        # A draft in the long month: never listed.
        c.execute("UPDATE articles SET status = 'draft' WHERE slug = "
                  "'uji-part-201903-0005'")
        c.executemany("INSERT INTO tags (slug, name, description) VALUES "
                      "(?, ?, '')", [("uji-part-tag-%04d" % i, "Tag %d" % i)
                                     for i in range(TAGS)])
        ids = [r[0] for r in c.execute(
            "SELECT id FROM articles WHERE slug LIKE 'uji-part-201903-%' "
            "AND status = 'published' ORDER BY id")]
        links = []
        for i in range(TAGS - EMPTY_TAGS):
            links.append((ids[i], "uji-part-tag-%04d" % i))
        c.executemany("INSERT INTO article_tags (article_id, tag_id, "
                      "position) SELECT ?, id, 0 FROM tags WHERE slug = ?",
                      links)


def get(path, **kw):
    return H.fetch(W.port, path, **kw)


def iso(t):
    return H.wib(t).isoformat()


def url(a):
    return BASE + H.article_path(a["published_at"], a["slug"])


def changed(a):
    return max(a["published_at"], a["updated_at"])


def month_articles(y, m):
    lo = wib_start(y, m)
    hi = wib_start(y + (m == 12), m % 12 + 1)
    return W.public_articles(where="a.published_at >= ? AND "
                                   "a.published_at < ?", args=(lo, hi))


def expected_pages():
    """[(loc, lastmod)] of the page list in order, the home page first,
    each table row's place in the split ([(row index, loc, lastmod)])."""
    now = int(time.time())
    public = ("a.status IN ('published', 'scheduled') AND "
              "a.published_at <= %d" % now)
    rows = W.rows(
        "SELECT 'kanal' AS k, s.slug, (SELECT max(a.published_at) FROM "
        "articles a WHERE a.section_id = s.id AND %s) AS m FROM sections s "
        "ORDER BY s.position, s.name, s.id" % public)
    rows += W.rows(
        "SELECT 'tag' AS k, g.slug, (SELECT max(a.published_at) FROM "
        "article_tags t JOIN articles a ON a.id = t.article_id WHERE "
        "t.tag_id = g.id AND %s) AS m FROM tags g ORDER BY g.slug" % public)
    rows += W.rows(
        "SELECT 'penulis' AS k, u.slug, (SELECT max(a.published_at) FROM "
        "article_authors w JOIN articles a ON a.id = w.article_id WHERE "
        "w.author_id = u.id AND %s) AS m FROM authors u ORDER BY u.slug"
        % public)
    newest = max(r["m"] for r in rows if r["m"] is not None)
    out = [(0, BASE + "/", iso(newest))]
    for i, r in enumerate(rows, 1):
        if r["m"] is not None:
            out.append((i, BASE + "/%s/%s" % (r["k"], r["slug"]),
                        iso(r["m"])))
    return out, len(rows) + 1


class Parts(unittest.TestCase):
    def urlset(self, path):
        r = get(path)
        self.assertEqual(r.status, 200, path)
        self.assertEqual(r.header("Content-Type"), XML_TYPE)
        lint = subprocess.run(["xmllint", "--noout", "-"], input=r.body,
                              capture_output=True, timeout=30)
        self.assertEqual(lint.returncode, 0, lint.stderr)
        root = ET.fromstring(r.body)
        self.assertEqual(root.tag, SM + "urlset")
        got = [(e.findtext(SM + "loc"), e.findtext(SM + "lastmod"))
               for e in root.findall(SM + "url")]
        self.assertGreater(len(got), 0, path)
        self.assertLessEqual(len(got), PART, path)
        return got

    def assertMoved(self, path, to):
        r = get(path)
        self.assertEqual(r.status, 301, path)
        self.assertEqual(r.header("Location"), BASE + to)

    def test_index(self):
        r = get("/sitemap.xml")
        self.assertEqual(r.status, 200)
        root = ET.fromstring(r.body)
        got = [(e.findtext(SM + "loc"), e.findtext(SM + "lastmod"))
               for e in root.findall(SM + "sitemap")]
        locs = [u for u, _ in got]
        _, rows = expected_pages()
        npages = -(-rows // PART)
        self.assertGreater(npages, 1)
        self.assertEqual(locs[:npages],
                         [BASE + "/sitemap-pages-%d.xml" % p
                          for p in range(1, npages + 1)])
        self.assertNotIn(BASE + "/sitemap-pages.xml", locs)
        for y, m, _ in MONTHS:
            arts = month_articles(y, m)
            name = "/sitemap-%04d-%02d" % (y, m)
            lastmod = iso(max(changed(a) for a in arts))
            n = -(-len(arts) // PART)
            if n == 1:
                want = [(BASE + name + ".xml", lastmod)]
            else:
                want = [(BASE + name + "-%d.xml" % p, lastmod)
                        for p in range(1, n + 1)]
            with self.subTest(month=name):
                i = locs.index(want[0][0])
                self.assertEqual(got[i:i + len(want)], want)
                self.assertNotIn(BASE + name + ".xml" if n > 1 else
                                 BASE + name + "-1.xml", locs)
        # Every listed sitemap answers.
        for u in locs:
            self.assertEqual(get(u[len(BASE):]).status, 200, u)

    def test_month_parts(self):
        for y, m, _ in MONTHS:
            arts = month_articles(y, m)
            want = [(url(a), iso(changed(a))) for a in arts]
            name = "/sitemap-%04d-%02d" % (y, m)
            n = -(-len(want) // PART)
            with self.subTest(month=name):
                if n == 1:
                    self.assertEqual(self.urlset(name + ".xml"), want)
                    self.assertEqual(get(name + "-1.xml").status, 404)
                    continue
                self.assertMoved(name + ".xml", name + "-1.xml")
                got = []
                for p in range(1, n + 1):
                    part = self.urlset(name + "-%d.xml" % p)
                    self.assertEqual(part, want[(p - 1) * PART:p * PART])
                    got += part
                self.assertEqual(got, want)
                self.assertEqual(get(name + "-%d.xml" % (n + 1)).status,
                                 404)
        self.assertEqual(len(month_articles(2019, 3)), 2344)

    def test_pages_parts(self):
        want, rows = expected_pages()
        n = -(-rows // PART)
        self.assertMoved("/sitemap-pages.xml", "/sitemap-pages-1.xml")
        got = []
        for p in range(1, n + 1):
            part = self.urlset("/sitemap-pages-%d.xml" % p)
            # Part p holds the listing rows of its thousand places.
            self.assertEqual(part, [(u, lm) for i, u, lm in want
                                    if (p - 1) * PART <= i < p * PART])
            got += part
        self.assertEqual(got, [(u, lm) for _, u, lm in want])
        self.assertNotIn(BASE + "/tag/uji-part-tag-%04d" % (TAGS - 1),
                         [u for u, _ in got])
        self.assertIn(BASE + "/tag/uji-part-tag-0000", [u for u, _ in got])
        self.assertEqual(get("/sitemap-pages-%d.xml" % (n + 1)).status, 404)

    def test_hostile_parts(self):
        for p in ("0", "00", "01", "-1", "+1", "1x", "x", "", "1-1", "1.5",
                  "99999", "999999", "1000000", "99999999999999999999999",
                  "18446744073709551617", "٣", "１", "1 ", " 1", "0x1",
                  "1e3"):
            for base in ("sitemap-2019-03-", "sitemap-pages-",
                         "sitemap-2019-04-"):
                with self.subTest(path=base + p):
                    r = get("/" + urllib.parse.quote(base + p, safe="%") +
                            ".xml")
                    self.assertEqual(r.status, 404)
        # A NUL is refused where the request is read.
        self.assertEqual(get("/sitemap-pages-%00.xml").status, 400)
        for name in ("sitemap-pages.xml.gz", "sitemap-pages-.xml",
                     "sitemap-pages--1.xml", "sitemap-2019-03-.xml",
                     "sitemap-2019-03--1.xml", "sitemap-2019-03-1-1.xml",
                     "sitemap-2019-3-1.xml", "sitemap-2019-13-1.xml",
                     "sitemap-pages-1.XML", "sitemap-halaman-1.xml"):
            with self.subTest(path=name):
                self.assertEqual(get("/" + name).status, 404)

    def test_http_semantics(self):
        for path in ("/sitemap-2019-03-2.xml", "/sitemap-pages-2.xml"):
            with self.subTest(path=path):
                g = get(path)
                self.assertEqual(g.status, 200)
                r = get(path, headers={"If-None-Match": g.header("ETag")})
                self.assertEqual(r.status, 304)
                h = H.raw_request(W.port, "HEAD", path)
                self.assertEqual(h.status, 200)
                self.assertEqual(h.body, b"")


if __name__ == "__main__":
    unittest.main()
