"""test_seo.py - structured data and sharing through the embedded server:
the NewsArticle JSON-LD of article pages (parsed with json.loads, every
field checked against the database), a title built to break out of its
<script> element, OpenGraph and Twitter tags and their escaping, the
canonical link of every page family, rel="next"/"prev" and noindex on
older listing pages. Expected values come from the database and Python's
own date arithmetic."""

import html.parser
import json
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
EVIL = "</script><script>alert(1)</script><!--"
# Quotes, a backslash, a newline, U+2028 and an HTML comment opener.
LEAD = 'Kata "kutip" \'tunggal\' \\ garis\nbaru\u2028pemisah <!-- & </SCRIPT >'
AUTHOR = 'Penulis "Kutip" <b>SEO</b>'
TAG = 'Pemilu & "Pilkada" <i>'
SECTION = "Kanal <u>SEO</u> & 'kutip'"
LIST_N = 20  # more than one listing page (15)


def setUpModule():
    global W, SITE
    W = H.start_warta("seo", fixtures)
    SITE = W.site_name()


def tearDownModule():
    H.stop_warta(W)


def fixtures(w):
    w.add_author("seo-penulis", AUTHOR, "PS")
    w.add_author("seo-kedua", "Kedua SEO", "KS")
    w.add_tag("seo-tag", TAG)
    w.add_tag("seo-dua", "Tag Dua")
    w.add_tag("seo-banyak", "Banyak")
    w.add_section("seo-kanal", SECTION, "Kanal untuk uji SEO.")
    w.add_article("seo-jahat", EVIL, lead=LEAD, section="seo-kanal",
                  published_at=NOW - 2 * DAY, updated_at=NOW - DAY,
                  authors=["seo-penulis", "seo-kedua"],
                  tags=["seo-tag", "seo-dua"])
    w.add_article("seo-biasa", "Berita biasa", lead="Lead biasa.",
                  section="seo-kanal", published_at=NOW - 3 * DAY,
                  authors=["seo-kedua"])
    aid = w.add_article("seo-bergambar", "Berita bergambar",
                        lead="Dengan foto dan koreksi.",
                        section="seo-kanal", published_at=NOW - 4 * DAY,
                        updated_at=NOW - 4 * DAY + 7200,
                        authors=["seo-penulis"], tags=["seo-dua"])
    with w.db() as c:
        mid = c.execute("INSERT INTO media (name, mime, size, created_at) "
                        "VALUES ('abc123.jpg', 'image/jpeg', 10, ?)",
                        (NOW,)).lastrowid
        c.execute("UPDATE articles SET image_id = ? WHERE id = ?",
                  (mid, aid))
        for i, body in enumerate(("Nama camat semula keliru.",
                                  'Angka "korban" </script> diperbaiki.')):
            c.execute("INSERT INTO corrections (article_id, body, "
                      "created_at) VALUES (?, ?, ?)",
                      (aid, body, NOW - 4 * DAY + 3600 * (i + 1)))
    for i in range(LIST_N):
        w.add_article("seo-banyak-%02d" % i, "Banyak %d" % i,
                      published_at=NOW - 10 * DAY + i * 60,
                      authors=["seo-kedua"], tags=["seo-banyak"])


def get(path, **kw):
    return H.fetch(W.port, path, **kw)


def iso(t):
    return H.wib(t).isoformat()


def article(slug):
    a, = W.articles("a.slug = ?", (slug,))
    return a


def url_of(a):
    return W.base_url + H.article_path(a["published_at"], a["slug"])


class Head(html.parser.HTMLParser):
    """What a crawler reads: meta and link elements, script elements with
    their text. Entities are decoded, as a crawler decodes them."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.meta = []     # (property or name, content)
        self.links = []    # (rel, href)
        self.scripts = []  # (attrs, text)
        self._script = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta.append((a.get("property") or a.get("name"),
                              a.get("content")))
        elif tag == "link":
            self.links.append((a.get("rel"), a.get("href")))
        elif tag == "script":
            self._script = [a, ""]

    def handle_data(self, data):
        if self._script is not None:
            self._script[1] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(tuple(self._script))
            self._script = None

    def all(self, key):
        return [v for k, v in self.meta if k == key]

    def one(self, key):
        vals = self.all(key)
        if len(vals) != 1:
            raise AssertionError("%d %r, want one" % (len(vals), key))
        return vals[0]

    def rel(self, rel):
        return [h for r, h in self.links if r == rel]

    def jsonld(self):
        return [json.loads(t) for a, t in self.scripts
                if a.get("type") == "application/ld+json"]


class Base(unittest.TestCase):
    maxDiff = 6000

    def tearDown(self):
        self.assertTrue(W.alive(), "warta died:\n" + W.stderr()[-4000:])

    def page(self, path, status=200):
        r = get(path)
        self.assertEqual(r.status, status, r.body[:300])
        return r.text, Head(r.text)


class JsonLd(Base):
    def test_all_fields(self):
        for slug in ("seo-jahat", "seo-biasa", "seo-bergambar"):
            with self.subTest(slug=slug):
                a = article(slug)
                text, head = self.page(H.article_path(a["published_at"],
                                                      slug))
                ld, = head.jsonld()
                url = url_of(a)
                authors = W.authors_of(a["id"])
                tags = W.tags_of(a["id"])
                self.assertEqual(ld["@context"], "https://schema.org")
                self.assertEqual(ld["@type"], "NewsArticle")
                self.assertEqual(ld["headline"], a["title"])
                self.assertEqual(ld["description"], a["lead"])
                self.assertEqual(ld["datePublished"], iso(a["published_at"]))
                self.assertEqual(ld["dateModified"],
                                 iso(max(a["updated_at"],
                                         a["published_at"])))
                self.assertEqual(ld["author"], [
                    {"@type": "Person", "name": au["name"],
                     "url": W.base_url + "/penulis/" + au["slug"]}
                    for au in authors])
                self.assertEqual(ld["publisher"], {
                    "@type": "Organization", "name": SITE,
                    "logo": {"@type": "ImageObject",
                             "url": W.base_url + "/static/logo.png",
                             "width": 600, "height": 60}})
                self.assertEqual(ld["mainEntityOfPage"],
                                 {"@type": "WebPage", "@id": url})
                self.assertEqual(ld["url"], url)
                self.assertEqual(ld["articleSection"], SECTION)
                self.assertEqual(ld["keywords"], [t["name"] for t in tags])
                self.assertEqual(ld["inLanguage"], "id")
                self.assertEqual(head.rel("canonical"), [url])
                if slug != "seo-bergambar":
                    self.assertEqual(ld["image"],
                                     W.base_url + "/static/logo.png")
                    self.assertNotIn("correction", ld)

    def test_image_and_corrections(self):
        a = article("seo-bergambar")
        _, head = self.page(H.article_path(a["published_at"], a["slug"]))
        ld, = head.jsonld()
        self.assertEqual(ld["image"], W.base_url + "/media/abc123.jpg")
        t0 = NOW - 4 * DAY
        self.assertEqual(ld["correction"], [
            {"@type": "CorrectionComment",
             "text": "Nama camat semula keliru.",
             "datePublished": iso(t0 + 3600)},
            {"@type": "CorrectionComment",
             "text": 'Angka "korban" </script> diperbaiki.',
             "datePublished": iso(t0 + 7200)}])
        self.assertEqual(head.one("og:image"),
                         W.base_url + "/media/abc123.jpg")
        self.assertEqual(head.one("twitter:image"),
                         W.base_url + "/media/abc123.jpg")
        self.assertEqual(head.one("twitter:card"), "summary_large_image")

    def test_script_element_stays_intact(self):
        a = article("seo-jahat")
        text, head = self.page(H.article_path(a["published_at"], a["slug"]))
        # One script element, the JSON-LD, and it ends where it should.
        self.assertEqual(len(re.findall(r"<script", text, re.I)), 1)
        self.assertEqual(len(head.scripts), 1)
        m = re.search(r'<script type="application/ld\+json">(.*?)</script>',
                      text, re.S)
        self.assertIsNotNone(m)
        body = m.group(1)
        # Nothing a browser's script parser would react to: no '<' at all
        # (so no "</script" and no "<!--"), no raw U+2028, no newline.
        for bad in ("<", ">", "\u2028", "\u2029", "\n"):
            self.assertNotIn(bad, body)
        ld = json.loads(body)
        self.assertEqual(ld["headline"], EVIL)
        self.assertEqual(ld["description"], LEAD)
        self.assertEqual(ld["author"][0]["name"], AUTHOR)
        self.assertEqual(ld["keywords"][0], TAG)
        # The rest of the page shows the title as text.
        self.assertIn("<h1>%s</h1>" % H.esc(EVIL), text)
        self.assertNotIn("<!--", text)

    def test_no_jsonld_elsewhere(self):
        sec = "/kanal/seo-kanal"
        for path in ("/", sec, "/tag/seo-tag", "/penulis/seo-kedua",
                     "/cari?q=berita"):
            with self.subTest(path=path):
                _, head = self.page(path)
                self.assertEqual(head.jsonld(), [])
                self.assertEqual(head.one("og:type"), "website")


class Sharing(Base):
    def test_article_tags(self):
        a = article("seo-jahat")
        text, head = self.page(H.article_path(a["published_at"], a["slug"]))
        url = url_of(a)
        logo = W.base_url + "/static/logo.png"
        want = {
            "og:type": "article", "og:title": EVIL, "og:description": LEAD,
            "og:url": url, "og:image": logo, "og:site_name": SITE,
            "article:published_time": iso(a["published_at"]),
            "article:modified_time": iso(a["updated_at"]),
            "article:section": SECTION,
            "twitter:card": "summary", "twitter:title": EVIL,
            "twitter:description": LEAD, "twitter:image": logo,
            "description": LEAD,
        }
        for k, v in want.items():
            self.assertEqual(head.one(k), v, k)
        self.assertEqual(head.all("article:tag"), [TAG, "Tag Dua"])
        # Escaped as attribute values, exactly.
        self.assertIn('<meta property="og:title" content="%s">' %
                      H.esc(EVIL), text)
        self.assertIn('<meta property="og:description" content="%s">' %
                      H.esc(LEAD), text)
        self.assertIn('<meta property="article:tag" content="%s">' %
                      H.esc(TAG), text)
        self.assertIn('<meta property="article:section" content="%s">' %
                      H.esc(SECTION), text)

    def test_site_pages(self):
        _, head = self.page("/")
        self.assertEqual(head.one("og:type"), "website")
        self.assertEqual(head.one("og:title"), SITE)
        self.assertEqual(head.one("og:url"), W.base_url + "/")
        self.assertEqual(head.one("og:site_name"), SITE)
        self.assertEqual(head.one("og:image"), W.base_url + "/static/logo.png")
        self.assertEqual(head.one("twitter:card"), "summary")
        self.assertTrue(head.one("description"))
        self.assertEqual(head.all("article:published_time"), [])
        _, head = self.page("/kanal/seo-kanal")
        self.assertEqual(head.one("og:title"), SECTION)
        self.assertEqual(head.one("description"), "Kanal untuk uji SEO.")
        self.assertEqual(head.one("og:description"), "Kanal untuk uji SEO.")

    def test_logo(self):
        r = get("/static/logo.png")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.body[:8], b"\x89PNG\r\n\x1a\n")
        # IHDR: 600 x 60, as the JSON-LD says.
        self.assertEqual(int.from_bytes(r.body[16:20], "big"), 600)
        self.assertEqual(int.from_bytes(r.body[20:24], "big"), 60)


class Canonical(Base):
    def test_every_family(self):
        a = article("seo-biasa")
        art = H.article_path(a["published_at"], a["slug"])
        for path, want in (("/", "/"), (art, art),
                           ("/kanal/seo-kanal", "/kanal/seo-kanal"),
                           ("/tag/seo-tag", "/tag/seo-tag"),
                           ("/penulis/seo-kedua", "/penulis/seo-kedua"),
                           ("/kanal/seo-kanal?utm_source=x",
                            "/kanal/seo-kanal"),
                           ("/?utm_source=x", "/")):
            with self.subTest(path=path):
                _, head = self.page(path)
                self.assertEqual(head.rel("canonical"), [W.base_url + want])
                self.assertEqual(head.one("og:url"), W.base_url + want)
                # Indexed, with large previews of its pictures allowed.
                self.assertEqual(head.all("robots"),
                                 ["max-image-preview:large"])

    def test_search_is_noindex(self):
        _, head = self.page("/cari?q=berita+biasa")
        self.assertEqual(head.all("robots"), ["noindex"])
        self.assertEqual(head.rel("canonical"),
                         [W.base_url + "/cari?q=berita+biasa"])

    def test_errors_have_none(self):
        _, head = self.page("/tidak-ada", 404)
        self.assertEqual(head.rel("canonical"), [])
        self.assertEqual(head.all("robots"), ["noindex"])


class Pagination(Base):
    def walk(self, base):
        """Follows rel="next" from base; returns [(path, text, head)]."""
        out, path = [], base
        while path:
            self.assertLess(len(out), 20)
            text, head = self.page(path)
            out.append((path, text, head))
            nxt = head.rel("next")
            self.assertLessEqual(len(nxt), 1)
            if nxt:
                self.assertTrue(nxt[0].startswith(W.base_url + base + "?"))
                # The same as the pager link in the page.
                self.assertEqual(nxt[0], W.base_url + H.next_link(text))
                path = nxt[0][len(W.base_url):]
            else:
                self.assertIsNone(H.next_link(text))
                path = None
        return out

    def check(self, base, pages):
        first = pages[0][2]
        self.assertEqual(first.rel("canonical"), [W.base_url + base])
        self.assertEqual(first.rel("prev"), [])
        self.assertEqual(first.all("robots"), ["max-image-preview:large"])
        for path, _, head in pages[1:]:
            with self.subTest(path=path):
                # Its own URL, cursor included; prev is the first page.
                self.assertEqual(head.rel("canonical"), [W.base_url + path])
                self.assertEqual(head.rel("prev"), [W.base_url + base])
                self.assertEqual(head.all("robots"), ["noindex, follow"])

    def test_tag(self):
        pages = self.walk("/tag/seo-banyak")
        self.assertEqual(len(pages), 2)
        self.check("/tag/seo-banyak", pages)

    def test_home(self):
        pages = self.walk("/")
        self.assertGreater(len(pages), 2)
        self.check("/", pages)

    def test_author_and_section(self):
        for base in ("/penulis/seo-kedua", "/kanal/seo-kanal"):
            with self.subTest(base=base):
                self.check(base, self.walk(base))

    def test_cursor_canonical_is_clean(self):
        _, _, head = self.walk("/tag/seo-banyak")[1]
        own = head.rel("canonical")[0][len(W.base_url):]
        _, again = self.page(own + "&utm_source=x")
        self.assertEqual(again.rel("canonical"), [W.base_url + own])


if __name__ == "__main__":
    unittest.main(verbosity=2)
