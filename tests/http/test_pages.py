"""test_pages.py - the reader pages through warta's embedded HTTP server:
home and its keyset pages, articles, listings, redirects, errors, HEAD,
405, static files and the request log. Expected values come from the
database and from Python's own date arithmetic, never from the C code."""

import os
import re
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402

W = None            # the running warta
SITE = "Warta"      # its site name, read from the database
NOW = int(time.time())
DAY = 86400


def setUpModule():
    global W, SITE
    W = H.start_warta("pages", fixtures)
    SITE = W.site_name()


def tearDownModule():
    H.stop_warta(W)


def fixtures(w):
    """Articles the demo may lack: one edited long after publication, one
    published just after midnight WIB (still the previous day in UTC), a
    long body with automatic BACA JUGA boxes, manual markers to a draft
    and to a scheduled article, a tag with enough articles for three
    pages (with equal publication times to test the keyset's tie-break),
    and an unpublished one."""
    w.add_author("uji-penulis", "Penulis Uji", "PU", "Penulis untuk uji.")
    w.add_author("uji-kedua", "Kedua Uji", "KU")
    w.add_tag("uji-halaman", "Uji Halaman", "Tag untuk menguji halaman.")
    base = NOW - 40 * DAY
    for i in range(33):
        # Pairs share a publication time: the id decides their order.
        w.add_article("uji-halaman-%02d" % i, "Uji halaman nomor %d" % i,
                      lead="Berita uji %d." % i,
                      published_at=base + (i // 2) * 3600,
                      authors=["uji-penulis"], tags=["uji-halaman"])
    w.add_article("uji-draf", "Draf yang belum terbit", status="draft",
                  published_at=None, authors=["uji-penulis"],
                  tags=["uji-halaman"])
    w.add_article("uji-terjadwal", "Terjadwal untuk besok",
                  status="scheduled", published_at=NOW + 2 * DAY,
                  authors=["uji-penulis"], tags=["uji-halaman"])
    w.add_article("uji-jatuh-tempo", "Terjadwal yang sudah lewat",
                  status="scheduled", published_at=NOW - 2 * DAY,
                  authors=["uji-penulis"], tags=["uji-halaman"])
    w.add_article("uji-diperbarui", "Berita yang diperbarui",
                  lead="Diperbarui sejam kemudian.", dateline="Serang",
                  published_at=NOW - 3 * DAY,
                  updated_at=NOW - 3 * DAY + 3600,
                  authors=["uji-penulis", "uji-kedua"],
                  tags=["uji-halaman"])
    w.add_article("uji-tidak-diperbarui", "Suntingan kecil",
                  published_at=NOW - 3 * DAY - 100,
                  updated_at=NOW - 3 * DAY - 100 + 60,
                  authors=["uji-kedua"])
    # 2024-11-20 17:30 UTC is 2024-11-21 00:30 WIB.
    w.add_article("uji-tengah-malam", "Terbit lewat tengah malam",
                  published_at=1732123800, authors=["uji-kedua"])
    paras = "".join("<p>Paragraf %d.</p>\n" % i for i in range(1, 11))
    w.add_article("uji-panjang", "Berita panjang", dateline="Pandeglang",
                  body_html=paras, published_at=NOW - 5 * DAY,
                  authors=["uji-penulis"], tags=["uji-halaman"],
                  related=["uji-halaman-03", "uji-draf", "uji-halaman-04"])
    w.add_article("uji-penanda", "Berita dengan penanda",
                  body_html="<p>Awal.</p>\n<!--baca-juga:uji-halaman-05-->\n"
                  "<p>Tengah.</p>\n<!--baca-juga:uji-draf-->\n"
                  "<!--baca-juga:uji-terjadwal-->\n"
                  "<!--baca-juga:tidak-ada-sama-sekali-->\n"
                  "<p>Akhir.</p>\n",
                  published_at=NOW - 6 * DAY, authors=["uji-penulis"])
    w.add_article("uji-dicabut", "Berita yang dicabut", status="unpublished",
                  published_at=NOW - 7 * DAY,
                  unpublish_reason="Narasumber menarik pernyataannya.",
                  authors=["uji-penulis"])


def get(path, **kw):
    return H.fetch(W.port, path, **kw)


class Base(unittest.TestCase):
    maxDiff = 4000

    def tearDown(self):
        self.assertTrue(W.alive(), "warta died:\n" + W.stderr()[-4000:])

    def assertPage(self, r, status=200):
        self.assertEqual(r.status, status, r.body[:500])
        self.assertEqual(r.header("Content-Type"),
                         "text/html; charset=utf-8")
        self.assertEqual(int(r.header("Content-Length")), len(r.body))
        self.assertTrue(H.has_layout(r.text, SITE), r.text[:1000])
        return r.text


class Home(Base):
    def test_front_page(self):
        before = time.time()
        r = get("/")
        after = time.time()
        html = self.assertPage(r)
        self.assertIn(H.esc(SITE), html)
        self.assertTrue(H.date_long(before) in html or
                        H.date_long(after) in html,
                        "today (%s) missing" % H.date_long(before))
        self.assertIn('<section class="latest">', html)
        latest = H.card_links(H.section_html(html, "latest"))
        self.assertGreaterEqual(len(latest), 5)
        self.assertLessEqual(len(latest), 12)
        # Newest first, the featured headline excluded.
        public = W.public_articles()
        featured = [a for a in public if a["featured"]]
        paths = [H.article_path(a["published_at"], a["slug"])
                 for a in public]
        if featured:
            f = featured[0]
            fpath = H.article_path(f["published_at"], f["slug"])
            head = H.section_html(html, "headline")
            self.assertIsNotNone(head, "no featured headline")
            self.assertIn('<h1><a href="%s">%s</a></h1>' %
                          (fpath, H.esc(f["title"])), head)
            paths.remove(fpath)
        self.assertEqual(latest, paths[:len(latest)])
        # A block per section that has public articles.
        for s in W.rows("SELECT * FROM sections"):
            has = any(a["section_slug"] == s["slug"] for a in public)
            block = '<section class="section-block">\n<h2><a href="' \
                    '/kanal/%s">%s</a></h2>' % (s["slug"], H.esc(s["name"]))
            if has:
                self.assertIn(block, html)
            else:
                self.assertNotIn(block, html)
            # The navigation lists every section.
            self.assertIn('<a href="/kanal/%s">%s</a>' %
                          (s["slug"], H.esc(s["name"])), html)

    def test_pages_cover_every_public_article_once(self):
        public = W.public_articles()
        want = {H.article_path(a["published_at"], a["slug"])
                for a in public}
        hidden = W.hidden_articles()
        self.assertTrue(hidden, "no draft or future article to hide")
        seen, pages, path = [], 0, "/"
        featured = None
        while path:
            self.assertLess(pages, 100, "pagination does not end")
            r = get(path)
            self.assertEqual(r.status, 200, "page %d (%s), reached by "
                             "rel=next after %d articles, answered %d" %
                             (pages + 1, path, len(seen), r.status))
            html = self.assertPage(r)
            pages += 1
            for a in hidden:
                self.assertFalse(H.links_to_article(html, a["slug"]),
                                 "%s shown on %s" % (a["slug"], path))
                self.assertNotIn(H.esc(a["title"]), html)
            if path == "/":
                head = H.section_html(html, "headline")
                if head:
                    featured = re.search(r'href="(/\d{4}/[^"]+)"',
                                         head).group(1)
            latest = H.section_html(html, "latest")
            seen += H.card_links(latest)
            path = H.next_link(latest)
            if path:
                self.assertRegex(path, r"^/\?sebelum=\d+\.\d+$")
        self.assertGreater(pages, 2)
        dup = {p for p in seen if seen.count(p) > 1}
        self.assertEqual(dup, set(), "shown on more than one page")
        got = set(seen) | ({featured} if featured else set())
        self.assertEqual(got - want, set(), "not public")
        self.assertEqual(want - got, set(), "never listed")
        # The list is newest first throughout.
        order = [H.article_path(a["published_at"], a["slug"])
                 for a in public]
        self.assertEqual(seen, [p for p in order if p in set(seen)])

    def test_bad_cursor(self):
        for q in ("abc", "", "1", "1.", ".1", "1.x", "x.1", "-5.3", "5.-3",
                  "+5.3", "5.3.1", "1e3.4", "99999999999999999999999.1",
                  "0.0", "%201.1"):
            with self.subTest(sebelum=q):
                r = get("/?sebelum=" + q)
                self.assertPage(r, 400)

    def test_cursor_past_the_end(self):
        self.assertPage(get("/?sebelum=1.1"), 404)


class Article(Base):
    def check_article(self, a):
        path = H.article_path(a["published_at"], a["slug"])
        r = get(path)
        html = self.assertPage(r)
        self.assertIn("<h1>%s</h1>" % H.esc(a["title"]), html)
        self.assertIn("<title>%s - %s</title>" %
                      (H.esc(a["title"]), H.esc(SITE)), html)
        if a["lead"]:
            self.assertIn('<p class="lead">%s</p>' % H.esc(a["lead"]), html)
        self.assertIn('<link rel="canonical" href="%s%s">' %
                      (W.base_url, path), html)
        authors = W.authors_of(a["id"])
        byline = ", ".join('<a rel="author" href="/penulis/%s">%s</a>' %
                           (au["slug"], H.esc(au["name"]))
                           for au in authors)
        self.assertIn('<span class="authors">Penulis: %s</span>' % byline,
                      html)
        self.assertIn("<time datetime=\"%s\">%s</time>" %
                      (H.wib(a["published_at"]).isoformat(),
                       H.date_short(a["published_at"])), html)
        if a["updated_at"] > a["published_at"] + 60:
            self.assertIn("Diperbarui %s" % H.date_short(a["updated_at"]),
                          html)
        else:
            self.assertNotIn("Diperbarui", html)
        if a["dateline"] and a["body_html"].startswith("<p>"):
            self.assertTrue(any('<div class="body">\n<p>%s ' % d in html
                                for d in H.datelines(a["dateline"], SITE)),
                            "no dateline %r opening the body" %
                            H.datelines(a["dateline"], SITE)[0])
        elif not a["dateline"]:
            self.assertNotIn('class="dateline"', html)
        if authors:
            self.assertIn('<p class="signoff">(%s)</p>' % H.esc(
                "/".join(au["initials"] for au in authors)), html)
        else:
            self.assertNotIn('class="signoff"', html)
        tags = W.tags_of(a["id"])
        for t in tags:
            self.assertIn('<li><a rel="tag" href="/tag/%s">%s</a></li>' %
                          (t["slug"], H.esc(t["name"])), html)
        if not tags:
            self.assertNotIn('<ul class="tags"', html)
        self.assertNotIn("<!--baca-juga:", html)
        # Related: explicit picks and shared tags, public ones only.
        rel = W.public_articles(where=
            "a.id <> ? AND (a.id IN (SELECT related_id FROM "
            "article_related WHERE article_id = ?) OR a.id IN (SELECT "
            "article_id FROM article_tags WHERE tag_id IN (SELECT tag_id "
            "FROM article_tags WHERE article_id = ?)))",
            args=(a["id"], a["id"], a["id"]))
        ok = {H.article_path(x["published_at"], x["slug"]) for x in rel}
        block = H.section_html(html, "related")
        if rel:
            self.assertIsNotNone(block, "no Berita Terkait")
            self.assertIn("<h2>Berita Terkait</h2>", block)
            links = re.findall(r'<li><a href="([^"]+)">', block)
            self.assertTrue(links)
            self.assertLessEqual(len(links), 5)
            self.assertEqual(set(links) - ok, set())
        else:
            self.assertIsNone(block)
        # Every box links to a public article other than this one.
        for href in re.findall(r'<aside class="baca-juga"><strong>BACA '
                               r'JUGA:</strong> <a href="([^"]+)">', html):
            self.assertIn(href, {H.article_path(x["published_at"],
                                                x["slug"])
                                 for x in W.public_articles()})
            self.assertNotEqual(href, path)
        return html

    def test_every_public_article(self):
        for a in W.public_articles():
            with self.subTest(slug=a["slug"]):
                self.check_article(a)

    def test_updated_shown_only_after_a_minute(self):
        a, = W.articles("a.slug = 'uji-diperbarui'")
        html = self.check_article(a)
        self.assertIn("Diperbarui %s" % H.date_short(a["updated_at"]), html)
        self.assertIn('<p class="signoff">(PU/KU)</p>', html)
        b, = W.articles("a.slug = 'uji-tidak-diperbarui'")
        self.assertNotIn("Diperbarui", self.check_article(b))

    def test_dateline_is_city_and_site_name_in_capitals(self):
        # The issue: "TANGERANG, WARTA –", the city and the site name.
        a, = W.articles("a.slug = 'uji-diperbarui'")
        html = get(H.article_path(a["published_at"], a["slug"])).text
        self.assertIn('<div class="body">\n<p><strong class="dateline">'
                      'SERANG, %s \u2013</strong> ' % H.esc(SITE.upper()),
                      html)

    def test_date_is_wib(self):
        r = get("/2024/11/21/uji-tengah-malam")
        self.assertPage(r)
        r = get("/2024/11/20/uji-tengah-malam")
        self.assertEqual(r.status, 301)
        self.assertEqual(r.header("Location"), "/2024/11/21/uji-tengah-malam")

    def test_wrong_date_redirects(self):
        for a in W.public_articles()[:5]:
            path = H.article_path(a["published_at"], a["slug"])
            for wrong in ("/1999/01/01/", "/2099/12/31/"):
                with self.subTest(slug=a["slug"], date=wrong):
                    r = get(wrong + a["slug"])
                    self.assertEqual(r.status, 301)
                    self.assertEqual(r.header("Location"), path)
                    r2 = get(r.header("Location"))
                    self.assertEqual(r2.status, 200)

    def test_demo_markers(self):
        """The demo's own [[baca-juga:...]] markers become boxes."""
        with_markers = [a for a in W.public_articles()
                        if "<!--baca-juga:" in a["body_html"]
                        and not a["slug"].startswith("uji-")]
        self.assertTrue(with_markers, "the demo has no manual marker")
        public = {a["slug"]: a for a in W.public_articles()}
        for a in with_markers:
            html = self.check_article(a)
            for slug in re.findall(r"<!--baca-juga:([a-z0-9-]+)-->",
                                   a["body_html"]):
                with self.subTest(article=a["slug"], marker=slug):
                    r = public.get(slug)
                    if r and r["id"] != a["id"]:
                        self.assertIn(
                            '<aside class="baca-juga"><strong>BACA JUGA:'
                            '</strong> <a href="%s">%s</a></aside>' %
                            (H.article_path(r["published_at"], slug),
                             H.esc(r["title"])), html)
                    elif not r:
                        self.assertFalse(H.links_to_article(html, slug))

    def test_manual_markers(self):
        a, = W.articles("a.slug = 'uji-penanda'")
        html = self.check_article(a)
        t, = W.articles("a.slug = 'uji-halaman-05'")
        box = ('<aside class="baca-juga"><strong>BACA JUGA:</strong> '
               '<a href="%s">%s</a></aside>' %
               (H.article_path(t["published_at"], t["slug"]),
                H.esc(t["title"])))
        body = html[html.index('<div class="body">'):]
        body = body[:body.index("</div>")]
        self.assertEqual(body.count("baca-juga"), 1, body)
        self.assertLess(body.index("Awal."), body.index(box))
        self.assertLess(body.index(box), body.index("Tengah."))
        for slug in ("uji-draf", "uji-terjadwal", "tidak-ada-sama-sekali"):
            self.assertNotIn(slug, html)

    def test_automatic_boxes(self):
        a, = W.articles("a.slug = 'uji-panjang'")
        html = self.check_article(a)
        body = html[html.index('<div class="body">'):]
        body = body[:body.index("</div>")]
        boxes = re.findall(r'<aside class="baca-juga">.*?</aside>', body)
        self.assertEqual(len(boxes), 2, body)
        # Picks first, in the editor's order; the draft pick skipped.
        for box, slug in zip(boxes, ("uji-halaman-03", "uji-halaman-04")):
            r, = W.articles("a.slug = ?", (slug,))
            self.assertIn('<a href="%s">%s</a>' % (
                H.article_path(r["published_at"], slug), H.esc(r["title"])),
                box)
        self.assertLess(body.index("Paragraf 3."), body.index(boxes[0]))
        self.assertLess(body.index(boxes[0]), body.index("Paragraf 4."))
        self.assertLess(body.index("Paragraf 8."), body.index(boxes[1]))
        self.assertLess(body.index(boxes[1]), body.index("Paragraf 9."))
        self.assertNotIn("uji-draf", html)

    def test_hidden_articles_are_404(self):
        hidden = W.hidden_articles()
        self.assertTrue([a for a in hidden if a["status"] == "draft"])
        self.assertTrue([a for a in hidden if a["status"] == "scheduled"])
        for a in hidden:
            t = a["published_at"] or a["created_at"]
            with self.subTest(slug=a["slug"], status=a["status"]):
                r = get(H.article_path(t, a["slug"]))
                html = self.assertPage(r, 404)
                self.assertNotIn(H.esc(a["title"]), html)
                self.assertIn('<meta name="robots" content="noindex">',
                              html)

    def test_due_scheduled_article_is_public(self):
        a, = W.articles("a.slug = 'uji-jatuh-tempo'")
        self.check_article(a)

    def test_unpublished_is_410(self):
        a, = W.articles("a.slug = 'uji-dicabut'")
        r = get(H.article_path(a["published_at"], a["slug"]))
        html = self.assertPage(r, 410)
        self.assertIn(H.esc(a["unpublish_reason"]), html)
        self.assertIn(H.esc(a["title"]), html)

    def test_unknown_and_malformed(self):
        for path in ("/2024/11/21/tidak-ada", "/20x4/11/21/uji-panjang",
                     "/2024/1/21/uji-panjang", "/2024/11/021/uji-panjang",
                     "/-024/11/21/uji-panjang", "/2024/11/21",
                     "/2024/11/21/uji-panjang/lagi", "/tidak-ada",
                     "/kanal", "/kanal/", "/tag/", "/penulis/",
                     "/2024/11/21/UJI-PANJANG", "/%E2%82%AC"):
            with self.subTest(path=path):
                html = self.assertPage(get(path), 404)
                self.assertIn("Halaman tidak ditemukan", html)
                self.assertIn('<meta name="robots" content="noindex">',
                              html)


class Listings(Base):
    def walk(self, base):
        """Follows rel=next from base; returns (card links, pages)."""
        seen, pages, path = [], [], base
        while path:
            self.assertLess(len(pages), 50)
            r = get(path)
            self.assertEqual(r.status, 200, "page %d (%s), reached by "
                             "rel=next after %d articles, answered %d" %
                             (len(pages) + 1, path, len(seen), r.status))
            html = self.assertPage(r)
            pages.append(html)
            seen += H.card_links(html)
            nxt = H.next_link(html)
            if nxt:
                self.assertTrue(nxt.startswith(base + "?sebelum="), nxt)
            path = nxt
        return seen, pages

    def check(self, kind, base, name, description, where, args):
        want = [H.article_path(a["published_at"], a["slug"])
                for a in W.public_articles(where=where, args=args)]
        if not want and kind != "Kanal":
            # No public story carries it: no public page either.
            self.assertPage(get(base), 404)
            return []
        seen, pages = self.walk(base)
        self.assertEqual(seen, want)
        first = pages[0]
        self.assertIn('<p class="kicker">%s</p>\n<h1>%s</h1>' %
                      (kind, H.esc(name)), first)
        self.assertIn("<title>%s - %s</title>" %
                      (H.esc(name), H.esc(SITE)), first)
        if description:
            self.assertIn('<p class="description">%s</p>' %
                          H.esc(description), first)
        for html in pages[1:]:
            self.assertIn('<a href="%s">&larr; Terbaru</a>' % base, html)
        for a in W.hidden_articles():
            for html in pages:
                self.assertFalse(H.links_to_article(html, a["slug"]))
        return pages

    def test_sections(self):
        for s in W.rows("SELECT * FROM sections"):
            with self.subTest(section=s["slug"]):
                self.check("Kanal", "/kanal/" + s["slug"], s["name"],
                           s["description"], "a.section_id = ?", (s["id"],))

    def test_tags(self):
        for t in W.rows("SELECT * FROM tags"):
            with self.subTest(tag=t["slug"]):
                self.check("Tag", "/tag/" + t["slug"], t["name"],
                           t["description"], "a.id IN (SELECT article_id "
                           "FROM article_tags WHERE tag_id = ?)",
                           (t["id"],))

    def test_authors(self):
        for au in W.rows("SELECT * FROM authors"):
            with self.subTest(author=au["slug"]):
                self.check("Penulis", "/penulis/" + au["slug"], au["name"],
                           au["bio"], "a.id IN (SELECT article_id FROM "
                           "article_authors WHERE author_id = ?)",
                           (au["id"],))

    def test_draft_makes_no_tag_or_author_page(self):
        # A reporter's draft (and a story scheduled for later) names a new
        # tag and a new author: neither gets a page or a feed until a
        # story carrying it is public.
        W.add_tag("uji-rahasia", "Rahasia Draf")
        W.add_author("uji-belum-terbit", "Penulis Belum Terbit", "BT")
        aid = W.add_article("uji-draf-rahasia", "Draf dengan tag baru",
                            status="draft", published_at=None,
                            authors=["uji-belum-terbit"],
                            tags=["uji-rahasia"])
        W.add_article("uji-nanti-rahasia", "Terjadwal dengan tag baru",
                      status="scheduled", published_at=NOW + DAY,
                      authors=["uji-belum-terbit"], tags=["uji-rahasia"])
        paths = ("/tag/uji-rahasia", "/penulis/uji-belum-terbit")
        for base in paths:
            with self.subTest(path=base):
                self.assertPage(get(base), 404)
                self.assertPage(get(base + "?sebelum=%d.1" % NOW), 404)
                for feed in ("/feed.xml", "/atom.xml"):
                    self.assertEqual(get(base + feed).status, 404)
        # Published, the same story opens both pages and their feeds.
        with W.db() as c:
            c.execute("UPDATE articles SET status = 'published', "
                      "published_at = ? WHERE id = ?", (NOW - 60, aid))
        try:
            for base in paths:
                with self.subTest(path=base, published=True):
                    html = self.assertPage(get(base))
                    self.assertIn(H.article_path(NOW - 60,
                                                 "uji-draf-rahasia"), html)
                    self.assertEqual(get(base + "/feed.xml").status, 200)
        finally:
            with W.db() as c:
                c.execute("UPDATE articles SET status = 'draft', "
                          "published_at = NULL WHERE id = ?", (aid,))

    def test_three_pages_with_ties(self):
        t, = W.rows("SELECT * FROM tags WHERE slug = 'uji-halaman'")
        pages = self.check("Tag", "/tag/uji-halaman", t["name"],
                           t["description"], "a.id IN (SELECT article_id "
                           "FROM article_tags WHERE tag_id = ?)", (t["id"],))
        self.assertEqual(len(pages), 3)
        self.assertEqual(len(H.card_links(pages[0])), 15)

    def test_unknown_and_bad_cursor(self):
        for base in ("/kanal/", "/tag/", "/penulis/"):
            with self.subTest(base=base):
                self.assertPage(get(base + "tidak-ada"), 404)
        for path in ("/tag/uji-halaman?sebelum=abc",
                     "/penulis/uji-penulis?sebelum=1.",
                     "/kanal/%s?sebelum=x" %
                     W.rows("SELECT slug FROM sections")[0]["slug"]):
            with self.subTest(path=path):
                self.assertPage(get(path), 400)
        self.assertPage(get("/tag/uji-halaman?sebelum=1.1"), 404)


class Methods(Base):
    PATHS = ("/", "/kanal/%s", "/tag/uji-halaman", "/penulis/uji-penulis",
             "/2024/11/21/uji-tengah-malam", "/2024/11/20/uji-tengah-malam",
             "/2024/11/21/tidak-ada", "/static/warta.css", "/tidak-ada")

    def paths(self):
        sec = W.rows("SELECT slug FROM sections")[0]["slug"]
        return [p.replace("%s", sec) for p in self.PATHS]

    def test_head_matches_get(self):
        for path in self.paths():
            with self.subTest(path=path):
                g = get(path)
                h = H.raw_request(W.port, "HEAD", path)
                self.assertIsNone(h.error)
                self.assertEqual(h.status, g.status)
                self.assertEqual(h.body, b"", "HEAD sent a body")
                self.assertEqual(h.headers.get("content-type"),
                                 g.header("Content-Type"))
                self.assertEqual(int(h.headers.get("content-length")),
                                 len(g.body))
                self.assertEqual(h.headers.get("location"),
                                 g.header("Location"))
                for name in ("cache-control", "etag", "last-modified",
                             "allow", "content-security-policy"):
                    self.assertEqual(h.headers.get(name), g.header(name),
                                     name)

    def test_other_methods_are_405(self):
        for path in self.paths():
            if path.endswith("tidak-ada"):
                continue
            for m in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS"):
                with self.subTest(path=path, method=m):
                    r = get(path, method=m, body=b"a=b" if m != "DELETE"
                            else None)
                    self.assertPage(r, 405)
                    self.assertEqual(r.header("Allow"), "GET, HEAD")

    def test_conditional_get(self):
        a, = W.articles("a.slug = 'uji-diperbarui'")
        for path in ("/", H.article_path(a["published_at"], a["slug"]),
                     "/tag/uji-halaman"):
            with self.subTest(path=path):
                g = get(path)
                etag = g.header("ETag")
                self.assertRegex(etag or "", r'^(W/)?"[^"]+"$')
                r = get(path, headers={"If-None-Match": etag})
                self.assertEqual(r.status, 304)
                self.assertEqual(r.body, b"")
                self.assertEqual(r.header("ETag"), etag)
                r = get(path, headers={"If-None-Match": '"x", ' + etag})
                self.assertEqual(r.status, 304)
                r = get(path, headers={"If-None-Match": '"nope"'})
                self.assertEqual(r.status, 200)
                self.assertEqual(r.body, g.body)
                lm = g.header("Last-Modified")
                if lm:
                    r = get(path, headers={"If-Modified-Since": lm})
                    self.assertEqual(r.status, 304)
                    r = get(path, headers={
                        "If-Modified-Since": "Sat, 01 Jan 2000 00:00:00 GMT"})
                    self.assertEqual(r.status, 200)
                # Errors carry no validator and are never 304.
                r = get("/tidak-ada", headers={"If-None-Match": "*"})
                self.assertEqual(r.status, 404)

    def test_security_headers(self):
        for path in self.paths():
            with self.subTest(path=path):
                r = get(path)
                self.assertEqual(r.header("X-Content-Type-Options"),
                                 "nosniff")
                self.assertIn("default-src 'self'",
                              r.header("Content-Security-Policy") or "")


class Static(Base):
    def test_stylesheet(self):
        r = get("/static/warta.css")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("Content-Type"), "text/css; charset=utf-8")
        self.assertTrue(r.header("Cache-Control"))
        with open(os.path.join(H.SRC, "static", "warta.css"), "rb") as f:
            self.assertEqual(r.body, f.read())
        self.assertEqual(int(r.header("Content-Length")), len(r.body))

    def test_escapes_are_404(self):
        for target in ("/static/../sql/001_core.sql",
                       "/static/%2e%2e/sql/001_core.sql",
                       "/static/%2E%2E/%2E%2E/etc/passwd",
                       "/static/%2e%2e/x", "/static/..%2fsql/001_core.sql",
                       "/static/./warta.css", "/static//warta.css",
                       "/static/.hidden", "/static/%2ehidden",
                       "/static/link.txt", "/static/", "/static/nope.css",
                       "/static/warta.css/", "/static/warta.css%00",
                       "/static/..", "/../sql/001_core.sql",
                       "/static/%2fetc%2fpasswd"):
            with self.subTest(target=target):
                r = H.raw_request(W.port, "GET", target)
                self.assertIsNotNone(r.status, r)
                self.assertIn(r.status, (400, 404), r)
                for secret in (b"CREATE TABLE", b"SECRET-", b"root:"):
                    self.assertNotIn(secret, r.body)


class Log(Base):
    def test_one_line_per_request(self):
        marker = "/tag/uji-halaman?log=%d" % time.time_ns()
        g = get(marker)
        h = get(marker, method="HEAD")
        n = get("/kanal/log-tidak-ada")
        time.sleep(0.2)
        lines = W.log_lines()
        mine = [ln for ln in lines if ln[1] == "/tag/uji-halaman"]
        self.assertIn(("GET", "/tag/uji-halaman", 200, len(g.body)),
                      [ln[:4] for ln in mine])
        self.assertIn(("HEAD", "/tag/uji-halaman", 200, len(g.body)),
                      [ln[:4] for ln in mine])
        self.assertEqual(h.status, 200)
        nf = [ln for ln in lines if ln[1] == "/kanal/log-tidak-ada"]
        self.assertEqual(len(nf), 1, nf)
        self.assertEqual(nf[0][:4], ("GET", "/kanal/log-tidak-ada", 404,
                                     len(n.body)))
        raw = W.stderr()
        self.assertRegex(raw, r"(?m)^GET /kanal/log-tidak-ada 404 \d+ "
                              r"\d+us$")


if __name__ == "__main__":
    unittest.main(verbosity=2)
