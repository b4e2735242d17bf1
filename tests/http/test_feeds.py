"""test_feeds.py - feeds, sitemaps and robots.txt through warta's embedded
HTTP server. Every feed is parsed with a real feed parser (Debian's
python3-feedparser) and with ElementTree for exact values; every sitemap
is checked with xmllint. Expected values come from the database and from
Python's own date arithmetic, never from the C code."""

import calendar
import email.utils
import os
import re
import subprocess
import sys
import time
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

import feedparser

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402

W = None            # the running warta
SITE = "Warta"      # its site name, read from the database
BASE = None         # its base URL
NOW = int(time.time())
HOUR = 3600
DAY = 86400
FEED_MAX = 50

HOSTILE = '<script>alert("x&y")</script> & "kutip" \'satu\' ]]> <!-- -->'
HOSTILE_LEAD = 'Lead <b>"tebal"</b> & \'x\''
HOSTILE_BODY = (
    '<p>Paragraf dengan <a href="/2024/11/21/lain">tautan</a> dan '
    '<a href="https://contoh.id/x">luar</a>.</p>\n'
    '<!--baca-juga:uji-feed-lama-->\n'
    '<p><img src="/media/foto.jpg" alt="foto" /></p>\n'
    '<p>Teks &lt;script&gt; &amp; &quot;kutip&quot; ]]&gt;</p>\n')

RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
XML_TYPE = "application/xml; charset=utf-8"
A = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC = "{http://purl.org/dc/elements/1.1/}creator"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
W3C_RE = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$"


def setUpModule():
    global W, SITE, BASE
    W = H.Warta("feeds")
    # One fixture title holds invalid UTF-8, which Python's sqlite3 would
    # refuse to read: decode what this module reads with replacement.
    plain_db = W.db

    def db():
        c = plain_db()
        c.text_factory = lambda b: b.decode("utf-8", "replace")
        return c
    W.db = db
    try:
        W.init()
        fixtures(W)
        SITE = W.site_name()
        BASE = W.base_url
        W.start()
    except Exception:
        W.cleanup()
        raise


def tearDownModule():
    H.stop_warta(W)


def fixtures(w):
    """A section, tag and authors with hostile names; an article with a
    hostile title, lead and body (a BACA JUGA marker, relative links) an
    hour old; one 49 hours old; a scheduled one due in an hour; a draft;
    a tag and an author with only hidden articles; a tag with more than 50
    articles; two articles either side of midnight WIB on 1 November 2024;
    a title with a control character and invalid UTF-8."""
    w.add_section("uji-feed", 'Uji <Feed> & "Kanal"', "Deskripsi kanal uji.")
    w.add_author("uji-feed-penulis", 'Penulis <b>"Uji"</b> & \'Satu\'', "PU")
    w.add_author("uji-feed-kedua", "Kedua Uji", "KU")
    w.add_author("uji-feed-hantu", "Hantu", "HT")
    w.add_tag("uji-feed-tag", "Tag <i>Uji</i>")
    w.add_tag("uji-banyak", "Banyak")
    w.add_tag("uji-kosong", "Kosong")
    w.add_article("uji-feed-hostile", HOSTILE, lead=HOSTILE_LEAD,
                  body_html=HOSTILE_BODY, section="uji-feed",
                  published_at=NOW - HOUR, updated_at=NOW - HOUR // 2,
                  authors=["uji-feed-penulis", "uji-feed-kedua"],
                  tags=["uji-feed-tag", "uji-banyak"])
    w.add_article("uji-feed-lama", "Berita empat puluh sembilan jam",
                  section="uji-feed", published_at=NOW - 49 * HOUR,
                  authors=["uji-feed-kedua"])
    w.add_article("uji-feed-terjadwal", "Terjadwal sejam lagi",
                  status="scheduled", published_at=NOW + HOUR,
                  section="uji-feed", authors=["uji-feed-hantu"],
                  tags=["uji-kosong"])
    w.add_article("uji-feed-draf", "Draf", status="draft",
                  section="uji-feed", authors=["uji-feed-hantu"],
                  tags=["uji-kosong"])
    for i in range(55):
        w.add_article("uji-banyak-%02d" % i, "Banyak nomor %d" % i,
                      published_at=NOW - 10 * DAY - i * 60,
                      authors=["uji-feed-kedua"], tags=["uji-banyak"])
    # 2024-10-31 17:00:00 UTC is 00:00 WIB on 1 November.
    w.add_article("uji-batas-november", "Tepat tengah malam",
                  published_at=1730394000)
    w.add_article("uji-batas-oktober", "Sedetik sebelum tengah malam",
                  published_at=1730393999, updated_at=1730393999 + DAY)
    kid = w.add_article("uji-feed-kontrol", "Kontrol", section="uji-feed",
                        published_at=NOW - 5 * DAY)
    with w.db() as c:
        c.execute("UPDATE articles SET title = 'Kontrol' || char(1) || "
                  "'karakter' || CAST(x'ff' AS TEXT) WHERE id = ?", (kid,))


def get(path, **kw):
    return H.fetch(W.port, path, **kw)


# --- expected values ------------------------------------------------------

def iso(t):
    return H.wib(t).isoformat()


def rfc822(t):
    return email.utils.format_datetime(H.wib(t))


def changed(a):
    return max(a["published_at"], a["updated_at"])


def url(a):
    return BASE + H.article_path(a["published_at"], a["slug"])


def scope_articles(kind, slug):
    """Public articles of the site ("") or of a section, tag or author,
    newest first."""
    if kind == "":
        return W.public_articles()
    if kind == "kanal":
        return W.public_articles(where="s.slug = ?", args=(slug,))
    if kind == "tag":
        return W.public_articles(
            where="a.id IN (SELECT article_id FROM article_tags t JOIN "
                  "tags g ON g.id = t.tag_id WHERE g.slug = ?)",
            args=(slug,))
    return W.public_articles(
        where="a.id IN (SELECT article_id FROM article_authors w JOIN "
              "authors u ON u.id = w.author_id WHERE u.slug = ?)",
        args=(slug,))


def scopes():
    """(kind, slug, name, description) of the site and of every section,
    and of every tag and author that a public article carries (the others
    have no feed)."""
    out = [("", None, None, None)]
    public = ("EXISTS (SELECT 1 FROM %s j JOIN articles a ON a.id = "
              "j.article_id WHERE j.%s = t.id AND a.status IN "
              "('published', 'scheduled') AND a.published_at <= %d)")
    now = int(time.time())
    for kind, table, desc, where in (
            ("kanal", "sections", "description", "1"),
            ("tag", "tags", "description",
             public % ("article_tags", "tag_id", now)),
            ("penulis", "authors", "bio",
             public % ("article_authors", "author_id", now))):
        for r in W.rows("SELECT slug, name, %s AS d FROM %s t WHERE %s" %
                        (desc, table, where)):
            out.append((kind, r["slug"], r["name"], r["d"]))
    return out


def feed_path(kind, slug, fmt):
    return ("/%s/%s/%s" % (kind, slug, fmt)) if kind else "/" + fmt


def xml_text(s):
    """s as it must come out of a feed: characters XML forbids dropped,
    invalid UTF-8 (read by Python as surrogates) as U+FFFD."""
    return "".join("" if (ord(c) < 32 and c not in "\t\n\r") else c
                   for c in s)


def xmllint(body):
    r = subprocess.run(["xmllint", "--noout", "-"], input=body,
                       capture_output=True, timeout=30)
    return r.returncode, r.stderr.decode("utf-8", "replace")


class Base(unittest.TestCase):
    maxDiff = 6000

    def tearDown(self):
        self.assertTrue(W.alive(), "warta died:\n" + W.stderr()[-4000:])

    def assertOk(self, r, ctype):
        self.assertEqual(r.status, 200, r.body[:500])
        self.assertEqual(r.header("Content-Type"), ctype)
        self.assertEqual(int(r.header("Content-Length")), len(r.body))
        return r.body

    def assertXml(self, body):
        self.assertTrue(body.startswith(b'<?xml version="1.0" encoding='),
                        body[:100])
        rc, err = xmllint(body)
        self.assertEqual(rc, 0, "xmllint: " + err)
        return ET.fromstring(body)

    def parse(self, body):
        d = feedparser.parse(body)
        self.assertFalse(d.bozo, "feedparser: %r" %
                         d.get("bozo_exception"))
        return d


class Feeds(Base):
    def check_rss(self, kind, slug, name, desc):
        path = feed_path(kind, slug, "feed.xml")
        body = self.assertOk(get(path), RSS_TYPE)
        want = scope_articles(kind, slug)[:FEED_MAX]
        d = self.parse(body)
        self.assertEqual(len(d.entries), len(want), path)
        root = self.assertXml(body)
        ch = root.find("channel")
        title = "%s - %s" % (name, SITE) if name else SITE
        self.assertEqual(ch.findtext("title"), title)
        self.assertEqual(d.feed.title, title)
        self.assertEqual(ch.findtext("link"),
                         BASE + ("/%s/%s" % (kind, slug) if kind else "/"))
        self.assertEqual(ch.find(A + "link").get("href"), BASE + path)
        self.assertEqual(ch.find(A + "link").get("rel"), "self")
        self.assertEqual(ch.findtext("language"), "id")
        if desc:
            self.assertEqual(ch.findtext("description"), desc)
        if want:
            self.assertEqual(ch.findtext("lastBuildDate"),
                             rfc822(max(changed(a) for a in want)))
        items = ch.findall("item")
        for a, e, it in zip(want, d.entries, items):
            with self.subTest(path=path, slug=a["slug"]):
                self.assertEqual(e.link, url(a))
                self.assertEqual(it.findtext("link"), url(a))
                self.assertEqual(e.id, "tag:127.0.0.1,2024:article:%d" %
                                 a["id"])
                self.assertEqual(it.find("guid").get("isPermaLink"),
                                 "false")
                self.assertEqual(calendar.timegm(e.published_parsed),
                                 a["published_at"])
                self.assertEqual(it.findtext("pubDate"),
                                 rfc822(a["published_at"]))
                self.assertTrue(it.findtext("pubDate").endswith(" +0700"))
                self.assertEqual(it.findtext("title"), xml_text(a["title"]))
                self.assertEqual(it.findtext("description"), a["lead"])
                self.assertEqual(
                    [c.text for c in it.findall(DC)],
                    [u["name"] for u in W.authors_of(a["id"])])
                self.assertEqual(
                    [c.text for c in it.findall("category")],
                    [a["section_name"]] +
                    [t["name"] for t in W.tags_of(a["id"])])
                self.assertNotIn("baca-juga", it.findtext(CONTENT))
        return body

    def check_atom(self, kind, slug, name, desc):
        path = feed_path(kind, slug, "atom.xml")
        body = self.assertOk(get(path), ATOM_TYPE)
        want = scope_articles(kind, slug)[:FEED_MAX]
        d = self.parse(body)
        self.assertEqual(len(d.entries), len(want), path)
        root = self.assertXml(body)
        self.assertEqual(root.tag, A + "feed")
        title = "%s - %s" % (name, SITE) if name else SITE
        self.assertEqual(root.findtext(A + "title"), title)
        listing = "/%s/%s" % (kind, slug) if kind else "/"
        self.assertEqual(root.findtext(A + "id"),
                         "tag:127.0.0.1,2024:feed:" + listing)
        links = {ln.get("rel"): ln.get("href")
                 for ln in root.findall(A + "link")}
        self.assertEqual(links, {"alternate": BASE + listing,
                                 "self": BASE + path})
        updated = root.findtext(A + "updated")
        self.assertRegex(updated, W3C_RE)
        if want:
            self.assertEqual(updated, iso(max(changed(a) for a in want)))
        entries = root.findall(A + "entry")
        for a, e, en in zip(want, d.entries, entries):
            with self.subTest(path=path, slug=a["slug"]):
                self.assertEqual(e.link, url(a))
                self.assertEqual(e.id, "tag:127.0.0.1,2024:article:%d" %
                                 a["id"])
                self.assertEqual(en.findtext(A + "published"),
                                 iso(a["published_at"]))
                self.assertEqual(en.findtext(A + "updated"), iso(changed(a)))
                self.assertEqual(calendar.timegm(e.published_parsed),
                                 a["published_at"])
                self.assertEqual(calendar.timegm(e.updated_parsed),
                                 changed(a))
                self.assertEqual(en.findtext(A + "title"),
                                 xml_text(a["title"]))
                self.assertEqual(en.findtext(A + "summary"), a["lead"])
                authors = W.authors_of(a["id"])
                self.assertEqual(
                    [(x.findtext(A + "name"), x.findtext(A + "uri"))
                     for x in en.findall(A + "author")],
                    [(u["name"], BASE + "/penulis/" + u["slug"])
                     for u in authors])
                self.assertEqual(
                    [c.get("term") for c in en.findall(A + "category")],
                    [a["section_name"]] +
                    [t["name"] for t in W.tags_of(a["id"])])
                content = en.find(A + "content")
                self.assertEqual(content.get("type"), "html")
                self.assertNotIn("baca-juga", content.text or "")
        return body

    def test_every_feed_parses(self):
        n = 0
        for kind, slug, name, desc in scopes():
            self.check_rss(kind, slug, name, desc)
            self.check_atom(kind, slug, name, desc)
            n += 1
        self.assertGreater(n, 10)

    def test_site_feed_is_the_latest_50(self):
        public = W.public_articles()
        self.assertGreater(len(public), FEED_MAX)
        for fmt in ("feed.xml", "atom.xml"):
            d = self.parse(get("/" + fmt).body)
            self.assertEqual(len(d.entries), FEED_MAX)
            self.assertEqual([e.link for e in d.entries],
                             [url(a) for a in public[:FEED_MAX]])
            d = self.parse(get("/tag/uji-banyak/" + fmt).body)
            self.assertEqual(len(d.entries), FEED_MAX)
            self.assertEqual(d.entries[0].link,
                             url(W.articles("a.slug = 'uji-feed-hostile'")[0]))

    def test_hidden_articles_never_appear(self):
        hidden = W.hidden_articles()
        self.assertTrue(any(a["slug"] == "uji-feed-terjadwal"
                            for a in hidden))
        for path in ("/feed.xml", "/atom.xml", "/kanal/uji-feed/feed.xml",
                     "/kanal/uji-feed/atom.xml"):
            text = get(path).text
            for a in hidden:
                self.assertNotIn("/" + a["slug"] + "<", text)
                self.assertNotIn('/%s"' % a["slug"], text)
        # A tag and an author with only hidden articles have no feed,
        # as they have no page: a draft must not make either public.
        for path in ("/tag/uji-kosong/feed.xml", "/tag/uji-kosong/atom.xml",
                     "/penulis/uji-feed-hantu/feed.xml",
                     "/penulis/uji-feed-hantu/atom.xml",
                     "/tag/uji-kosong", "/penulis/uji-feed-hantu"):
            with self.subTest(path=path):
                r = get(path)
                self.assertEqual(r.status, 404)
                for a in hidden:
                    self.assertNotIn("/" + a["slug"], r.text)

    def test_hostile_text_round_trips(self):
        a = W.articles("a.slug = 'uji-feed-hostile'")[0]
        body = get("/kanal/uji-feed/feed.xml").body
        self.assertNotIn(b"<![CDATA[", body)
        self.assertNotIn(b"<script>", body)
        item = [it for it in ET.fromstring(body).find("channel").findall(
            "item") if it.findtext("link") == url(a)][0]
        self.assertEqual(item.findtext("title"), HOSTILE)
        self.assertEqual(item.findtext("description"), HOSTILE_LEAD)
        # The body as stored, less the marker line, links made absolute.
        want = HOSTILE_BODY.replace(
            "<!--baca-juga:uji-feed-lama-->\n", "").replace(
            'href="/2024', 'href="%s/2024' % BASE).replace(
            'src="/media', 'src="%s/media' % BASE)
        self.assertEqual(item.findtext(CONTENT), want)
        self.assertEqual([c.text for c in item.findall(DC)],
                         ['Penulis <b>"Uji"</b> & \'Satu\'', "Kedua Uji"])
        self.assertEqual([c.text for c in item.findall("category")],
                         ['Uji <Feed> & "Kanal"', "Tag <i>Uji</i>",
                          "Banyak"])
        d = self.parse(body)
        self.assertEqual(d.feed.title, 'Uji <Feed> & "Kanal" - ' + SITE)
        e = [x for x in d.entries if x.link == url(a)][0]
        self.assertIn('href="%s/2024/11/21/lain"' % BASE,
                      e.content[0].value)

        entry = [x for x in ET.fromstring(
            get("/kanal/uji-feed/atom.xml").body).findall(A + "entry")
            if x.find(A + "link").get("href") == url(a)][0]
        self.assertEqual(entry.findtext(A + "title"), HOSTILE)
        self.assertEqual(entry.findtext(A + "content"), want)
        self.assertEqual(entry.findtext(A + "updated"), iso(NOW - HOUR // 2))

    def test_control_characters_and_bad_utf8_are_cleaned(self):
        a = W.articles("a.slug = 'uji-feed-kontrol'")[0]
        for fmt in ("feed.xml", "atom.xml"):
            body = get("/kanal/uji-feed/" + fmt).body
            self.assertXml(body)
            d = self.parse(body)
            e = [x for x in d.entries if x.link == url(a)]
            self.assertEqual(len(e), 1)
            self.assertEqual(e[0].title, "Kontrolkarakter\ufffd")

    def test_unknown_slugs_are_404(self):
        for kind in ("kanal", "tag", "penulis"):
            for fmt in ("feed.xml", "atom.xml"):
                for slug in ("tidak-ada", "%3Cscript%3E", "UJI-FEED"):
                    with self.subTest(kind=kind, fmt=fmt, slug=slug):
                        r = get("/%s/%s/%s" % (kind, slug, fmt))
                        self.assertEqual(r.status, 404)
        self.assertEqual(get("/kanal/uji-feed/rss.xml").status, 404)
        self.assertEqual(get("/feed.xml/x").status, 404)

    def test_http_semantics(self):
        for path in ("/feed.xml", "/atom.xml", "/tag/uji-banyak/feed.xml",
                     "/penulis/uji-feed-kedua/atom.xml"):
            with self.subTest(path=path):
                g = get(path)
                self.assertEqual(g.status, 200)
                etag = g.header("ETag")
                self.assertRegex(etag, r'^"[^"]+"$')
                self.assertIsNotNone(g.header("Last-Modified"))
                r = get(path, headers={"If-None-Match": etag})
                self.assertEqual(r.status, 304)
                self.assertEqual(r.body, b"")
                h = H.raw_request(W.port, "HEAD", path)
                self.assertEqual(h.status, 200)
                self.assertEqual(h.body, b"")
                self.assertEqual(h.headers.get("content-type"),
                                 g.header("Content-Type"))
                self.assertEqual(int(h.headers.get("content-length")),
                                 len(g.body))
                p = get(path, method="POST", body=b"a=b")
                self.assertEqual(p.status, 405)
                self.assertEqual(p.header("Allow"), "GET, HEAD")

    def test_a_new_article_appears_at_once(self):
        d = self.parse(get("/feed.xml").body)
        self.assertNotIn("uji-feed-baru", d.entries[0].link)
        W.add_article("uji-feed-baru", "Baru saja terbit",
                      section="uji-feed", published_at=int(time.time()) - 1,
                      tags=["uji-feed-tag"], authors=["uji-feed-penulis"])
        a = W.articles("a.slug = 'uji-feed-baru'")[0]
        for path in ("/feed.xml", "/atom.xml", "/kanal/uji-feed/feed.xml",
                     "/tag/uji-feed-tag/atom.xml",
                     "/penulis/uji-feed-penulis/feed.xml"):
            d = self.parse(get(path).body)
            self.assertEqual(d.entries[0].link, url(a), path)
        news = get("/sitemap-news.xml").text
        self.assertIn("<loc>%s</loc>" % url(a), news)


class Discovery(Base):
    def links(self, html):
        return re.findall(r'<link rel="alternate" type="([^"]+)" '
                          r'title="([^"]*)" href="([^"]+)">', html)

    def test_layout_links_the_feeds(self):
        cases = [("/", "", SITE),
                 ("/kanal/uji-feed", "/kanal/uji-feed",
                  'Uji <Feed> & "Kanal" - ' + SITE),
                 ("/tag/uji-feed-tag", "/tag/uji-feed-tag",
                  "Tag <i>Uji</i> - " + SITE),
                 ("/penulis/uji-feed-kedua", "/penulis/uji-feed-kedua",
                  "Kedua Uji - " + SITE)]
        for page, base, title in cases:
            with self.subTest(page=page):
                r = get(page)
                self.assertEqual(r.status, 200)
                # The fixture's invalid UTF-8 reaches the HTML as is.
                html = r.body.decode("utf-8", "replace")
                self.assertEqual(self.links(html), [
                    ("application/rss+xml", H.esc(title),
                     BASE + base + "/feed.xml"),
                    ("application/atom+xml", H.esc(title),
                     BASE + base + "/atom.xml")])
                for _, _, href in self.links(html):
                    self.assertEqual(get(href[len(BASE):]).status, 200)


class Sitemaps(Base):
    def public(self):
        return W.public_articles()

    def months(self):
        """{(year, month): [articles newest first]} by WIB date."""
        out = {}
        for a in self.public():
            d = H.wib(a["published_at"])
            out.setdefault((d.year, d.month), []).append(a)
        return out

    def locs(self, root, tag):
        return [(e.findtext(SM + "loc"), e.findtext(SM + "lastmod"))
                for e in root.findall(SM + tag)]

    def test_index(self):
        body = self.assertOk(get("/sitemap.xml"), XML_TYPE)
        root = self.assertXml(body)
        self.assertEqual(root.tag, SM + "sitemapindex")
        months = self.months()
        newest = max(changed(a) for a in self.public())
        want = [(BASE + "/sitemap-pages.xml", iso(newest))]
        for (y, m) in sorted(months, reverse=True):
            want.append((BASE + "/sitemap-%04d-%02d.xml" % (y, m),
                         iso(max(changed(a) for a in months[(y, m)]))))
        self.assertEqual(self.locs(root, "sitemap"), want)
        self.assertIn((2024, 10), months)
        self.assertIn((2024, 11), months)

    def test_months(self):
        months = self.months()
        for (y, m), arts in months.items():
            with self.subTest(month="%04d-%02d" % (y, m)):
                body = self.assertOk(get("/sitemap-%04d-%02d.xml" % (y, m)),
                                     XML_TYPE)
                root = self.assertXml(body)
                self.assertEqual(root.tag, SM + "urlset")
                got = self.locs(root, "url")
                self.assertEqual(got, [(url(a), iso(changed(a)))
                                       for a in arts])
                for _, lastmod in got:
                    self.assertRegex(lastmod, W3C_RE)
        # Midnight WIB decides the month, not midnight UTC.
        nov = [u for u, _ in self.locs(ET.fromstring(
            get("/sitemap-2024-11.xml").body), "url")]
        oct_ = [u for u, _ in self.locs(ET.fromstring(
            get("/sitemap-2024-10.xml").body), "url")]
        self.assertIn(BASE + "/2024/11/01/uji-batas-november", nov)
        self.assertIn(BASE + "/2024/10/31/uji-batas-oktober", oct_)
        self.assertNotIn(BASE + "/2024/11/01/uji-batas-november", oct_)
        self.assertFalse(any("uji-batas-oktober" in u for u in nov))
        # Every article in exactly one month.
        total = sum(len(v) for v in months.values())
        self.assertEqual(total, len(self.public()))

    def test_month_names(self):
        for name in ("sitemap-2024-13.xml", "sitemap-2024-00.xml",
                     "sitemap-1999-01.xml", "sitemap-2024-1.xml",
                     "sitemap-24-11.xml", "sitemap-2024-11.xml.gz",
                     "sitemap-2024-11.XML", "sitemap-２０２４-11.xml",
                     "sitemap-2024_11.xml", "sitemap-+024-11.xml",
                     "sitemap-2024-11", "sitemap-.xml", "tidak-ada",
                     "sitemap-0000-01.xml"):
            with self.subTest(name=name):
                r = get("/" + urllib.parse.quote(name))
                self.assertEqual(r.status, 404)
        # A month whose only article is scheduled for later.
        W.add_article("uji-feed-masa-depan", "Masa depan",
                      status="scheduled", published_at=4102444800)
        self.assertEqual(get("/sitemap-2100-01.xml").status, 404)

    def test_pages(self):
        body = self.assertOk(get("/sitemap-pages.xml"), XML_TYPE)
        root = self.assertXml(body)
        public = self.public()
        want = [(BASE + "/", iso(max(changed(a) for a in public)))]

        def lastmod(arts):
            return iso(max(changed(a) for a in arts))
        secs = W.rows("SELECT * FROM sections ORDER BY position, name, id")
        for s in secs:
            arts = scope_articles("kanal", s["slug"])
            if arts:
                want.append((BASE + "/kanal/" + s["slug"], lastmod(arts)))
        for kind, table in (("tag", "tags"), ("penulis", "authors")):
            for r in W.rows("SELECT slug FROM %s ORDER BY slug" % table):
                arts = scope_articles(kind, r["slug"])
                if arts:
                    want.append((BASE + "/%s/%s" % (kind, r["slug"]),
                                 lastmod(arts)))
        got = self.locs(root, "url")
        self.assertEqual(got, want)
        urls = [u for u, _ in got]
        self.assertNotIn(BASE + "/tag/uji-kosong", urls)
        self.assertNotIn(BASE + "/penulis/uji-feed-hantu", urls)
        self.assertIn(BASE + "/kanal/uji-feed", urls)

    def test_news(self):
        body = self.assertOk(get("/sitemap-news.xml"), XML_TYPE)
        root = self.assertXml(body)
        now = int(time.time())
        want = [a for a in self.public()
                if now - 172800 < a["published_at"] <= now]
        urls = root.findall(SM + "url")
        self.assertEqual([u.findtext(SM + "loc") for u in urls],
                         [url(a) for a in want])
        locs = [u.findtext(SM + "loc") for u in urls]
        hostile = W.articles("a.slug = 'uji-feed-hostile'")[0]
        self.assertIn(url(hostile), locs)
        self.assertFalse(any("uji-feed-lama" in u for u in locs))
        self.assertFalse(any("uji-feed-terjadwal" in u for u in locs))
        self.assertFalse(any("uji-feed-draf" in u for u in locs))
        self.assertLessEqual(len(urls), 1000)
        for u, a in zip(urls, want):
            n = u.find(NEWS + "news")
            pub = n.find(NEWS + "publication")
            self.assertEqual(pub.findtext(NEWS + "name"), SITE)
            self.assertEqual(pub.findtext(NEWS + "language"), "id")
            self.assertEqual(n.findtext(NEWS + "publication_date"),
                             iso(a["published_at"]))
            self.assertEqual(n.findtext(NEWS + "title"),
                             xml_text(a["title"]))
        i = locs.index(url(hostile))
        self.assertEqual(urls[i].find(NEWS + "news").findtext(
            NEWS + "title"), HOSTILE)
        self.assertIn(b'xmlns:news="http://www.google.com/schemas/'
                      b'sitemap-news/0.9"', body)

    def test_robots(self):
        r = get("/robots.txt")
        self.assertOk(r, "text/plain; charset=utf-8")
        self.assertEqual(r.text,
                         "User-agent: *\nDisallow: /admin\n\n"
                         "Sitemap: %s/sitemap.xml\n"
                         "Sitemap: %s/sitemap-news.xml\n" % (BASE, BASE))

    def test_http_semantics(self):
        for path in ("/sitemap.xml", "/sitemap-pages.xml",
                     "/sitemap-news.xml", "/sitemap-2024-11.xml",
                     "/robots.txt"):
            with self.subTest(path=path):
                g = get(path)
                self.assertEqual(g.status, 200)
                r = get(path, headers={"If-None-Match": g.header("ETag")})
                self.assertEqual(r.status, 304)
                self.assertEqual(r.body, b"")
                h = H.raw_request(W.port, "HEAD", path)
                self.assertEqual(h.status, 200)
                self.assertEqual(h.body, b"")
                self.assertEqual(int(h.headers.get("content-length")),
                                 len(g.body))
                p = get(path, method="POST", body=b"a=b")
                self.assertEqual(p.status, 405)
                self.assertEqual(p.header("Allow"), "GET, HEAD")


if __name__ == "__main__":
    unittest.main()
