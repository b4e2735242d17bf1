"""test_search.py - /cari through warta's embedded HTTP server: results
for words of the demo, diacritics and prefixes, escaping in results and
in the echoed query, every FTS5-looking query answered 200 (never 500),
section and date filters, bounded paging, drafts and scheduled articles
hidden, and a publish or unpublish seen by the next search. Expected
values come from the database and Python, never from the C code."""

import datetime
import os
import re
import sys
import time
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402

W = None
SITE = "Warta"
NOW = int(time.time())
DAY = 86400


def wib_time(y, m, d, hh=10, mm=0):
    return int(datetime.datetime(y, m, d, hh, mm,
                                 tzinfo=H.WIB).timestamp())


def setUpModule():
    global W, SITE
    W = H.start_warta("search", fixtures)
    SITE = W.site_name()


def tearDownModule():
    H.stop_warta(W)


def set_body(w, slug, body_md):
    with w.db() as c:
        c.execute("UPDATE articles SET body_md = ? WHERE slug = ?",
                  (body_md, slug))


def fixtures(w):
    """Words no demo article uses, so that each query's answer is known:
    a hostile title, an accented one, hidden articles, 25 articles for
    paging, two sections and two dates for the filters."""
    w.add_section("uji-cari", "Uji Cari", "Kanal untuk uji pencarian.", 90)
    w.add_article("uji-skrip",
                  "<script>alert('x')</script> Zebrakuda \"Kutip\"",
                  lead="Lead <b>tebal</b> & 'tanda' zebrakuda.",
                  published_at=NOW - 2 * DAY)
    w.add_article("uji-aksen", "Pémilu Xilofon di Desa",
                  lead="Warga memilih.", published_at=NOW - 3 * DAY)
    set_body(w, "uji-aksen", "Paragraf **pertama**.\n\nSuara xilofon "
             "[terdengar](https://contoh.id/x_y) dari balai desa.")
    w.add_article("uji-draf-cari", "Draf Gajahmada", status="draft",
                  published_at=None)
    w.add_article("uji-jadwal-cari", "Jadwal Gajahmada",
                  status="scheduled", published_at=NOW + 2 * DAY)
    w.add_article("uji-tarik-cari", "Tarik Gajahmada",
                  status="unpublished", published_at=NOW - DAY,
                  unpublish_reason="Uji.")
    for i in range(25):
        w.add_article("uji-kalimantan-%02d" % i,
                      "Uji Kalimantan nomor %d" % i,
                      published_at=NOW - 10 * DAY + i * 60)
    w.add_article("uji-komodo-a", "Komodo di kanal uji",
                  section="uji-cari", published_at=NOW - 4 * DAY)
    w.add_article("uji-komodo-b", "Komodo di kanal lain",
                  published_at=NOW - 4 * DAY + 60)
    w.add_article("uji-bekantan-1", "Bekantan pertama",
                  published_at=wib_time(2023, 3, 10))
    w.add_article("uji-bekantan-2", "Bekantan kedua",
                  published_at=wib_time(2023, 3, 12, 23, 59))
    w.add_article("uji-bekantan-3", "Bekantan ketiga",
                  published_at=wib_time(2023, 3, 13, 0, 0))


def get(path, **kw):
    return H.fetch(W.port, path, **kw)


def search(q, **params):
    params = dict(params)
    if q is not None:
        params["q"] = q
    return "/cari?" + urllib.parse.urlencode(params)


def slug_of(path):
    return path.rsplit("/", 1)[1]


class Base(unittest.TestCase):
    maxDiff = 4000

    def tearDown(self):
        self.assertTrue(W.alive(), "warta died:\n" + W.stderr()[-4000:])

    def assertPage(self, r, status=200):
        self.assertEqual(r.status, status, r.body[:500])
        self.assertEqual(r.header("Content-Type"),
                         "text/html; charset=utf-8")
        self.assertTrue(H.has_layout(r.text, SITE), r.text[:1000])
        return r.text

    def found(self, q, **params):
        """The slugs of the results of one search page, in order."""
        html = self.assertPage(get(search(q, **params)))
        return [slug_of(p) for p in H.card_links(html)]


class Results(Base):
    def test_demo_words(self):
        # Every public demo article whose title holds both words is on
        # the first page; nothing hidden is.
        want = {a["slug"] for a in W.public_articles(
            where="a.title LIKE '%kotak%' AND a.title LIKE '%suara%'")}
        self.assertTrue(want, "the demo has no 'kotak suara' title")
        got = self.found("kotak suara")
        self.assertTrue(want <= set(got), (want, got))
        hidden = {a["slug"] for a in W.hidden_articles()}
        self.assertFalse(hidden & set(got))
        # Title matches rank first.
        self.assertIn(got[0], want)

    def test_result_markup(self):
        r = get(search("xilofon"))
        html = self.assertPage(r)
        a = W.articles("a.slug = 'uji-aksen'")[0]
        path = H.article_path(a["published_at"], "uji-aksen")
        self.assertIn('<h3><a href="%s">P\u00e9milu <mark>Xilofon</mark> '
                      'di Desa</a></h3>' % path, html)
        # The body passage, with the Markdown link reduced to its text.
        self.assertIn('<p class="snippet">Paragraf pertama. Suara '
                      '<mark>xilofon</mark> terdengar dari balai desa.</p>',
                      html)
        self.assertIn('<time datetime="%s">%s</time>' % (
            H.wib(a["published_at"]).isoformat(),
            H.date_short(a["published_at"])), html)
        self.assertIn('<meta name="robots" content="noindex">', html)
        self.assertIn('<h1>Hasil pencarian &ldquo;xilofon&rdquo;</h1>', html)

    def test_diacritics_and_prefix(self):
        self.assertEqual(self.found("pemilu xilofon"), ["uji-aksen"])
        self.assertEqual(self.found("PÉMILU XILOFON"), ["uji-aksen"])
        self.assertEqual(self.found("xilo"), ["uji-aksen"])
        self.assertEqual(self.found("zebrak"), ["uji-skrip"])
        # Only the last word is a prefix.
        self.assertEqual(self.found("xilo desa"), [])

    def test_escaping(self):
        html = self.assertPage(get(search("zebrakuda")))
        self.assertEqual(H.card_links(html)[0].rsplit("/", 1)[1],
                         "uji-skrip")
        self.assertNotIn("<script>", html)
        self.assertNotIn("<b>tebal", html)
        self.assertIn("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; "
                      "<mark>Zebrakuda</mark> &quot;Kutip&quot;", html)
        self.assertIn("Lead &lt;b&gt;tebal&lt;/b&gt; &amp; &#39;tanda&#39; "
                      "<mark>zebrakuda</mark>.", html)

    def test_query_echo_escaped(self):
        q = '"><script>alert(1)</script>\'<mark>'
        html = self.assertPage(get(search(q)))
        self.assertNotIn("<script>", html)
        self.assertNotIn("'<mark>", html)
        self.assertIn('value="%s"' % H.esc(q), html)

    def test_hidden_never_found(self):
        self.assertEqual(self.found("gajahmada"), [])
        self.assertEqual(self.found("draf gajahmada"), [])
        self.assertEqual(self.found("jadwal gajahmada"), [])
        self.assertEqual(self.found("tarik gajahmada"), [])

    def test_publish_and_unpublish_at_once(self):
        self.assertEqual(self.found("trenggiling"), [])
        W.add_article("uji-trenggiling", "Trenggiling muncul",
                      status="draft", published_at=None)
        self.assertEqual(self.found("trenggiling"), [])
        with W.db() as c:
            c.execute("UPDATE articles SET status = 'published', "
                      "published_at = ? WHERE slug = 'uji-trenggiling'",
                      (NOW - 60,))
        self.assertEqual(self.found("trenggiling"), ["uji-trenggiling"])
        with W.db() as c:
            c.execute("UPDATE articles SET status = 'unpublished' "
                      "WHERE slug = 'uji-trenggiling'")
        self.assertEqual(self.found("trenggiling"), [])


class Hostile(Base):
    QUERIES = [
        '"', '""', '"""', "*", "**", "pemilu*", "*pemilu", "NEAR",
        "NEAR(", "NEAR(kotak suara)", "NEAR(kotak suara, 2)", "AND",
        "kotak AND", "AND suara", "kotak OR suara", "NOT suara", "(",
        ")", "((kotak)", "-", "-kotak", ":", "title:kotak",
        "body_md:suara", "{title lead}:kotak", "^kotak", "kotak +",
        "'", "\\", "%", "_", "%%", "'; DROP TABLE articles; --",
        "rank:1", "\u00a0", "\u2014", "\U0001F5F3\ufe0f", "pe\u0301milu",
        "a" * 500, ("kotak \"*( -:NEAR " * 40)[:600],
        " ".join("w%d" % i for i in range(60)),
    ]

    def test_fts_syntax_is_plain_words(self):
        for q in self.QUERIES:
            with self.subTest(q=q[:40]):
                self.assertPage(get(search(q)))
        # Syntax around real words finds what the words find.
        plain = self.found("kotak suara")
        self.assertEqual(self.found('"kotak" "suara"'), plain)
        self.assertEqual(self.found("(kotak) -suara*"), plain)
        self.assertEqual(self.found("kotak AND"), [])
        for ln in W.log_lines():
            self.assertLess(ln[2], 500, ln)

    def test_raw_targets(self):
        # Characters a browser would escape, sent as they are.
        for target in ('/cari?q="kotak"', "/cari?q=(kotak)*",
                       "/cari?q=kotak+AND+suara", "/cari?q=%22%22%2A",
                       "/cari?q=NEAR%28a%20b%29"):
            with self.subTest(target=target):
                r = H.raw_request(W.port, "GET", target)
                self.assertEqual(r.status, 200, r)

    def test_empty_query(self):
        # (A tab or newline is a control character, which req.c turns
        # away with 400 before any page sees it.)
        for path in ("/cari", "/cari?q=", "/cari?q=+%20%C2%A0%E3%80%80",
                     "/cari?q=*%22()", "/cari?q=&kanal=&dari=&sampai="):
            with self.subTest(path=path):
                html = self.assertPage(get(path))
                self.assertIn('<form class="search-form" method="get" '
                              'action="/cari"', html)
                self.assertIn("<h1>Cari berita</h1>", html)
                self.assertEqual(H.card_links(html), [])
                self.assertNotIn("Tidak ada berita", html)

    def test_no_match(self):
        html = self.assertPage(get(search("tidakadakatasepertiini")))
        self.assertEqual(H.card_links(html), [])
        self.assertIn("Tidak ada berita yang cocok", html)

    def test_methods(self):
        r = get(search("kotak"), method="HEAD")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.body, b"")
        r = get(search("kotak"), method="POST", body=b"")
        self.assertEqual(r.status, 405)
        self.assertEqual(r.header("Allow"), "GET, HEAD")

    def test_layout_has_search_box(self):
        html = self.assertPage(get("/"))
        self.assertIn('<form class="search-box" method="get" '
                      'action="/cari" role="search">', html)
        self.assertIn('<input type="search" name="q"', html)


class Filters(Base):
    def test_section(self):
        self.assertEqual(self.found("komodo"),
                         ["uji-komodo-b", "uji-komodo-a"])
        self.assertEqual(self.found("komodo", kanal="uji-cari"),
                         ["uji-komodo-a"])
        self.assertEqual(self.found("komodo", kanal="tidak-ada"), [])
        html = self.assertPage(get(search("komodo", kanal="uji-cari")))
        self.assertIn('<option value="uji-cari" selected>Uji Cari</option>',
                      html)
        # Every section is offered.
        for s in W.rows("SELECT slug, name FROM sections"):
            self.assertIn('<option value="%s"' % s["slug"], html)

    def test_dates(self):
        # Local (WIB) days, both ends included.
        self.assertEqual(self.found("bekantan"),
                         ["uji-bekantan-3", "uji-bekantan-2",
                          "uji-bekantan-1"])
        self.assertEqual(self.found("bekantan", dari="2023-03-11"),
                         ["uji-bekantan-3", "uji-bekantan-2"])
        self.assertEqual(self.found("bekantan", sampai="2023-03-12"),
                         ["uji-bekantan-2", "uji-bekantan-1"])
        self.assertEqual(self.found("bekantan", dari="2023-03-12",
                                    sampai="2023-03-12"),
                         ["uji-bekantan-2"])
        self.assertEqual(self.found("bekantan", dari="2023-03-13",
                                    sampai="2023-03-10"), [])
        html = self.assertPage(get(search("bekantan", dari="2023-03-11")))
        self.assertIn('name="dari" value="2023-03-11"', html)

    def test_bad_dates(self):
        for bad in ("2023-3-10", "2023-02-30", "2023-13-01", "kemarin",
                    "2023-03-10T00:00", " 2023-03-10", "2023/03/10",
                    "0000-01-01", "\u0662\u0660\u0662\u0663-03-10",
                    "<script>"):
            for field in ("dari", "sampai"):
                with self.subTest(field=field, value=bad):
                    r = get(search("bekantan", **{field: bad}))
                    self.assertPage(r, 400)
                    self.assertNotIn("<script>", r.text)


class Paging(Base):
    def test_pages(self):
        want = ["uji-kalimantan-%02d" % i for i in range(24, -1, -1)]
        seen, path, pages = [], search("kalimantan"), 0
        while path:
            self.assertLess(pages, 10)
            html = self.assertPage(get(path))
            seen += [slug_of(p) for p in H.card_links(html)]
            pages += 1
            if pages > 1:
                self.assertIn('rel="prev"', html)
            path = H.next_link(html)
        self.assertEqual(pages, 3)
        self.assertEqual(seen, want)
        self.assertEqual(self.found("kalimantan", hal="2"), want[10:20])
        # The filters travel with the page links.
        html = self.assertPage(get(search("kalimantan",
                                          dari="2000-01-01")))
        self.assertEqual(H.next_link(html),
                         "/cari?q=kalimantan&dari=2000-01-01&hal=2")

    def test_page_bounds(self):
        self.assertPage(get(search("kalimantan", hal="4")), 404)
        self.assertPage(get(search("kalimantan", hal="51")), 404)
        self.assertPage(get(search("kalimantan", hal="99999999999999")),
                        404)
        for bad in ("0", "-1", "abc", "1.5", "02", "+2", " 2"):
            with self.subTest(hal=bad):
                self.assertPage(get(search("kalimantan", hal=bad)), 400)


if __name__ == "__main__":
    unittest.main(verbosity=2)
