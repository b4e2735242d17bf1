"""test_pictures.py - the reader side of pictures through the embedded
server, with media rows written straight into the database (no processing
needed): the headline's <picture> (WebP and JPEG srcset, sizes, intrinsic
size, fetched first), the thumbnails (the 4:3 crop around the focal point,
lazy, with their size) on the home page, section, tag, author, search and
archive lists, related stories, BACA JUGA boxes and the side column, and
none for stories without a picture; og:image from the 1200x630 crop with
its size and alt, twitter:card, JSON-LD image as the 16:9, 4:3 and 1:1
crops, max-image-preview:large; media:content and the figure in RSS and
Atom, image:image in the news sitemap; legacy uploads as stored; hostile
alt text escaped. Expected names and sizes are computed here from the
rules of src/picture.h, not by the C code."""

import html as htmllib
import os
import re
import sys
import time
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402

W = None
NOW = int(time.time())
HOUR = 3600

# Rendered pictures: key, width, height, focal point, alt, caption, credit.
BIG = dict(pkey="a1b2c3d4e5f60718", width=4000, height=3000, fx=250,
           fy=750, alt='Warga <antre> "pagi" & \'siang\'',
           caption="Antrean di TPS 07", credit="Foto: Warta/Ani")
SMALL = dict(pkey="0f1e2d3c4b5a6978", width=500, height=250, fx=500,
             fy=500, alt="Kotak suara", caption="", credit="")
LEGACY = "legacy0123.jpg"

WIDTHS = (320, 640, 960, 1280, 1920)
CROPS = {"share": (1200, 630), "wide": (1200, 675), "std": (1200, 900),
         "square": (1200, 1200), "thumb": (480, 360)}
THUMB_SIZES = "(min-width: 40em) 170px, 120px"


def scale(a, b, c):
    return (a * b + c // 2) // c


def widths(p):
    ws = [x for x in WIDTHS if x < p["width"]]
    if p["width"] < 1920:
        ws.append(p["width"])
    elif ws[-1] != 1920:
        ws.append(1920)
    return ws


def crop_size(p, crop):
    tw, th = CROPS[crop]
    if p["width"] * th > p["height"] * tw:
        w, h = scale(p["height"], tw, th), p["height"]
    else:
        w, h = p["width"], scale(p["width"], th, tw)
    return (tw, th) if w >= tw else (w, h)


def crop_url(p, crop, ext="jpg"):
    return "/media/%s-%s-%d-%d.%s" % (p["pkey"], crop, p["fx"], p["fy"], ext)


def fixtures(w):
    w.add_section("foto-kanal", "Kanal Foto", position=60)
    w.add_tag("foto-tag", "Tag Foto")
    w.add_author("foto-penulis", "Penulis Foto", "PF")
    with w.db() as c:
        ids = {}
        for name, p in (("big", BIG), ("small", SMALL)):
            ids[name] = c.execute(
                "INSERT INTO media (name, mime, size, created_at, pkey, "
                "width, height, focal_x, focal_y, caption, credit, alt) "
                "VALUES (?, 'image/jpeg', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (p["pkey"] + ".jpg", NOW, p["pkey"], p["width"],
                 p["height"], p["fx"], p["fy"], p["caption"], p["credit"],
                 p["alt"])).lastrowid
        ids["legacy"] = c.execute(
            "INSERT INTO media (name, mime, size, created_at) VALUES "
            "(?, 'image/jpeg', 1, ?)", (LEGACY, NOW)).lastrowid
    common = dict(section="foto-kanal", tags=["foto-tag"],
                  authors=["foto-penulis"])
    # The newest stories of the site, so that they are on the first page
    # of every list; "foto-besar" is also the headline.
    arts = {
        "foto-besar": ("Fotografi besar di TPS", "big", 1),
        "foto-kecil": ("Fotografi kecil kotak suara", "small", 0),
        "foto-lama": ("Fotografi lama unggahan", "legacy", 0),
        "foto-tanpa": ("Fotografi tanpa gambar", None, 0),
    }
    for i, (slug, (title, media, featured)) in enumerate(arts.items()):
        aid = w.add_article(slug, title, lead="Lead %s." % slug,
                            published_at=NOW - 60 - i, featured=featured,
                            **common)
        if media:
            with w.db() as c:
                c.execute("UPDATE articles SET image_id = ? WHERE id = ?",
                          (ids[media], aid))
    # A story pointing at each of them with BACA JUGA boxes and related
    # picks; older, so that the rail and lists above stay as they are.
    w.add_article("foto-pembaca", "Pembaca foto", published_at=NOW - HOUR,
                  body_html="<p>Awal.</p>\n<!--baca-juga:foto-besar-->\n"
                  "<p>Tengah.</p>\n<!--baca-juga:foto-tanpa-->\n"
                  "<p>Akhir.</p>\n",
                  related=["foto-kecil", "foto-tanpa"], **common)


ADMIN = ("admin@foto.test", "Admin Foto", "admin", "kata-sandi-foto-1")


def setUpModule():
    global W
    W = H.start_warta("pictures", lambda w: (fixtures(w),
                                             H.add_user(w, *ADMIN)))


def tearDownModule():
    H.stop_warta(W)


def article(slug):
    a, = W.articles("a.slug = ?", (slug,))
    return a


def path_of(slug):
    a = article(slug)
    return H.article_path(a["published_at"], a["slug"])


def get(path):
    r = H.fetch(W.port, path)
    assert r.status == 200, (path, r.status)
    return r.text


def picture_markup(p, sizes, load):
    """The exact <picture> of a whole rendered picture."""
    ws = widths(p)
    fallback = max(x for x in ws if x <= 960)
    webp = ", ".join("/media/%s-w%d.webp %dw" % (p["pkey"], x, x)
                     for x in ws)
    jpeg = ", ".join("/media/%s-w%d.jpg %dw" % (p["pkey"], x, x) for x in ws)
    return ('<picture><source type="image/webp" srcset="%s" sizes="%s">'
            '<img src="/media/%s-w%d.jpg" srcset="%s" sizes="%s" '
            'width="%d" height="%d" alt="%s"%s></picture>' % (
                webp, H.esc(sizes), p["pkey"], fallback, jpeg, H.esc(sizes),
                fallback, scale(p["height"], fallback, p["width"]),
                H.esc(p["alt"]), load))


def thumb_markup(p):
    w, h = crop_size(p, "thumb")
    return ('<picture><source type="image/webp" srcset="%s %dw" sizes="%s">'
            '<img src="%s" srcset="%s %dw" sizes="%s" width="%d" '
            'height="%d" alt="%s" loading="lazy"></picture>' % (
                crop_url(p, "thumb", "webp"), w, THUMB_SIZES,
                crop_url(p, "thumb"), crop_url(p, "thumb"), w, THUMB_SIZES,
                w, h, H.esc(p["alt"])))


LEGACY_THUMB = ('<img src="/media/%s" alt="" loading="lazy">' % LEGACY)

EXPECT = {"foto-besar": thumb_markup(BIG),
          "foto-kecil": thumb_markup(SMALL),
          "foto-lama": LEGACY_THUMB,
          "foto-tanpa": None}


def thumb_of(html, slug):
    """The thumbnail markup of the first item (card, rail item, related
    item, box) of html that links to slug: its picture, "" for an item
    without one; None when no item links to it."""
    url = re.escape(path_of(slug))
    m = re.search(r'<a class="thumb" href="%s" tabindex="-1" '
                  r'aria-hidden="true">(.*?)</a>' % url, html, re.S)
    if m:
        return m.group(1).strip()
    return "" if re.search(r'href="%s"' % url, html) else None


class Lists(unittest.TestCase):
    def check(self, html, slugs=EXPECT):
        for slug in slugs:
            with self.subTest(slug=slug):
                got = thumb_of(html, slug)
                self.assertIsNotNone(got, "%s not listed" % slug)
                self.assertEqual(got, EXPECT[slug] or "")

    def test_lists(self):
        d = H.wib(NOW - 60)
        for path in ("/kanal/foto-kanal", "/tag/foto-tag",
                     "/penulis/foto-penulis", "/cari?q=fotografi",
                     "/arsip/%04d/%02d/%02d" % (d.year, d.month, d.day)):
            with self.subTest(path=path):
                self.check(get(path))

    def test_home(self):
        html = get("/")
        # The headline: the whole picture, fetched first, never lazy.
        m = re.search(r'<section class="headline has-picture">\n'
                      r'<a class="headline-picture" href="([^"]+)" '
                      r'tabindex="-1" aria-hidden="true">(.*?)</a>',
                      html, re.S)
        self.assertIsNotNone(m)
        self.assertEqual(m.group(1), path_of("foto-besar"))
        self.assertEqual(m.group(2).strip(), picture_markup(
            BIG, "(min-width: 72rem) 38rem, (min-width: 40rem) 55vw, 100vw",
            ' fetchpriority="high"'))
        # The rest in the latest list; the section's block too.
        latest = html.split('<section class="latest">', 1)[1]
        self.check(latest.split("</section>", 1)[0],
                   ["foto-kecil", "foto-lama", "foto-tanpa"])
        block = re.search(r'<section class="section-block">\n<h2><a href='
                          r'"/kanal/foto-kanal">.*?</section>', html, re.S)
        self.check(block.group(0))

    def test_cards_without_picture(self):
        """A card with no picture has no thumbnail markup at all, and the
        class that makes room for one only with one."""
        html = get("/kanal/foto-kanal")
        cards = re.findall(r'<article class="card( has-thumb)?">(.*?)'
                           r'</article>', html, re.S)
        self.assertEqual(len(cards), 5)
        for has, body in cards:
            self.assertEqual(bool(has), "<picture" in body or
                             "<img" in body, body)
        plain = [b for h, b in cards if path_of("foto-tanpa") in b][0]
        self.assertNotIn("<img", plain)
        self.assertNotIn('class="thumb"', plain)

    def test_article_boxes(self):
        html = get(path_of("foto-pembaca"))
        # BACA JUGA: a box with its thumbnail, one without.
        boxes = re.findall(r'<aside class="baca-juga( has-thumb)?">(.*?)'
                           r'</aside>', html, re.S)
        self.assertEqual(len(boxes), 2)
        self.assertEqual(boxes[0][0], " has-thumb")
        self.assertIn(thumb_markup(BIG), boxes[0][1])
        self.assertEqual(boxes[1][0], "")
        self.assertNotIn("<img", boxes[1][1])
        # Related stories: the picks, with and without.
        rel = re.search(r'<section class="related">(.*?)</section>', html,
                        re.S).group(1)
        self.check(rel, ["foto-kecil", "foto-tanpa"])
        self.assertIn('<li class="has-thumb">', rel)
        # The side column: the newest stories, pictures and all.
        rail = re.search(r'<aside class="rail"[^>]*>(.*)</aside>', html,
                         re.S).group(1)
        self.check(rail)
        self.assertIn('<li class="rail-item has-thumb">', rail)
        self.assertIn('<li class="rail-item"><a href="%s">'
                      % path_of("foto-tanpa"), rail)


def meta(html, key):
    """The content of every <meta property|name=key>, unescaped."""
    return [htmllib.unescape(m) for m in re.findall(
        r'<meta (?:property|name)="%s" content="([^"]*)">' % re.escape(key),
        html)]


class Sharing(unittest.TestCase):
    def test_rendered(self):
        html = get(path_of("foto-besar"))
        base = W.base_url
        self.assertEqual(meta(html, "og:image"),
                         [base + crop_url(BIG, "share")])
        self.assertEqual(meta(html, "og:image:width"), ["1200"])
        self.assertEqual(meta(html, "og:image:height"), ["630"])
        self.assertEqual(meta(html, "og:image:alt"), [BIG["alt"]])
        self.assertEqual(meta(html, "twitter:card"), ["summary_large_image"])
        self.assertEqual(meta(html, "twitter:image"),
                         [base + crop_url(BIG, "share")])
        self.assertEqual(meta(html, "twitter:image:alt"), [BIG["alt"]])
        self.assertEqual(meta(html, "robots"), ["max-image-preview:large"])
        ld, = H.jsonld(html)[0]
        self.assertEqual(ld["image"], [base + crop_url(BIG, c)
                                       for c in ("wide", "std", "square")])
        # Each of them at least 1200 px wide, as Google asks.
        for c in ("wide", "std", "square"):
            self.assertEqual(crop_size(BIG, c), CROPS[c])
        # The alt text is escaped wherever it goes.
        self.assertNotIn("<antre>", html)
        self.assertIn('content="%s"' % H.esc(BIG["alt"]), html)

    def test_small_original(self):
        """A picture narrower than the crops: their real size, never
        upscaled."""
        html = get(path_of("foto-kecil"))
        w, h = crop_size(SMALL, "share")
        self.assertEqual((w, h), (476, 250))
        self.assertEqual(meta(html, "og:image"),
                         [W.base_url + crop_url(SMALL, "share")])
        self.assertEqual(meta(html, "og:image:width"), [str(w)])
        self.assertEqual(meta(html, "og:image:height"), [str(h)])

    def test_without_picture(self):
        html = get(path_of("foto-tanpa"))
        logo = W.base_url + "/static/logo.png"
        self.assertEqual(meta(html, "og:image"), [logo])
        self.assertEqual(meta(html, "og:image:width"), ["600"])
        self.assertEqual(meta(html, "og:image:height"), ["60"])
        self.assertEqual(meta(html, "og:image:alt"), [])
        self.assertEqual(meta(html, "twitter:card"), ["summary"])
        self.assertEqual(meta(html, "robots"), ["max-image-preview:large"])
        ld, = H.jsonld(html)[0]
        self.assertEqual(ld["image"], logo)

    def test_legacy(self):
        html = get(path_of("foto-lama"))
        self.assertEqual(meta(html, "og:image"),
                         [W.base_url + "/media/" + LEGACY])
        # Its size is not known: none is claimed.
        self.assertEqual(meta(html, "og:image:width"), [])
        self.assertEqual(meta(html, "twitter:card"), ["summary_large_image"])
        ld, = H.jsonld(html)[0]
        self.assertEqual(ld["image"], W.base_url + "/media/" + LEGACY)

    def test_preview(self):
        """The admin's preview shares what the page will: the picture
        picked in the form, not yet saved."""
        b = H.Browser(W.port)
        self.assertEqual(b.login(ADMIN[0], ADMIN[3]).status, 303)
        a = article("foto-tanpa")
        mid = W.rows("SELECT id FROM media WHERE pkey = ?",
                     (BIG["pkey"],))[0]["id"]
        r = b.post("/admin/articles/%d/preview" % a["id"], [
            ("title", a["title"]), ("body", "Isi."), ("image_id", str(mid)),
            ("image_alt", BIG["alt"]),
            ("version", str(a["version"])), ("action", "draft")])
        self.assertEqual(r.status, 200, r.text[:500])
        self.assertEqual(meta(r.text, "og:image"),
                         [W.base_url + crop_url(BIG, "share")])
        self.assertEqual(meta(r.text, "og:image:width"), ["1200"])
        self.assertEqual(meta(r.text, "robots"), ["noindex"])

    def test_noindex_pages(self):
        """Pages kept out of the index say only that."""
        html = get("/cari?q=fotografi")
        self.assertEqual(meta(html, "robots"), ["noindex"])


MEDIA = "{http://search.yahoo.com/mrss/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
ATOM = "{http://www.w3.org/2005/Atom}"


class Feeds(unittest.TestCase):
    def entries(self, path):
        root = ET.fromstring(H.fetch(W.port, path).body)
        if root.tag == "rss":
            for it in root.iter("item"):
                yield it.findtext("link"), it, it.findtext(CONTENT)
        else:
            for e in root.iter(ATOM + "entry"):
                yield (e.find(ATOM + "link").get("href"), e,
                       e.findtext(ATOM + "content"))

    def test_feeds(self):
        base = W.base_url
        big_src = base + "/media/%s-w1280.jpg" % BIG["pkey"]
        small_src = base + "/media/%s-w500.jpg" % SMALL["pkey"]
        for path in ("/feed.xml", "/atom.xml", "/kanal/foto-kanal/feed.xml",
                     "/tag/foto-tag/atom.xml"):
            seen = set()
            for link, e, content in self.entries(path):
                slug = link.rsplit("/", 1)[1]
                if slug not in EXPECT:
                    continue
                seen.add(slug)
                with self.subTest(path=path, slug=slug):
                    m = e.findall(MEDIA + "content")
                    if slug == "foto-tanpa":
                        self.assertEqual(m, [])
                        self.assertNotIn("<figure>", content)
                        continue
                    self.assertEqual(len(m), 1)
                    a = m[0].attrib
                    self.assertEqual(a["medium"], "image")
                    self.assertTrue(content.startswith("<figure><img src="))
                    if slug == "foto-besar":
                        self.assertEqual(a, {
                            "url": big_src, "medium": "image",
                            "type": "image/jpeg", "width": "1280",
                            "height": "960"})
                        self.assertEqual(
                            m[0].findtext(MEDIA + "description"), BIG["alt"])
                        self.assertEqual(m[0].findtext(MEDIA + "credit"),
                                         BIG["credit"])
                        self.assertIn(
                            '<figure><img src="%s" width="1280" height="960"'
                            ' alt="%s"><figcaption>%s (%s)</figcaption>'
                            '</figure>' % (big_src, H.esc(BIG["alt"]),
                                           BIG["caption"], BIG["credit"]),
                            content)
                    elif slug == "foto-kecil":
                        self.assertEqual(a["url"], small_src)
                        self.assertEqual((a["width"], a["height"]),
                                         ("500", "250"))
                        self.assertNotIn("<figcaption>", content)
                    else:
                        self.assertEqual(a["url"], base + "/media/" + LEGACY)
                        self.assertNotIn("width", a)
                        self.assertNotIn("type", a)
            self.assertEqual(seen, set(EXPECT), path)

    def test_news_sitemap(self):
        """Google News' sitemap names each story's picture: the sharing
        crop, or a legacy upload as stored."""
        sm = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
        img = "{http://www.google.com/schemas/sitemap-image/1.1}"
        root = ET.fromstring(H.fetch(W.port, "/sitemap-news.xml").body)
        got = {}
        for u in root.iter(sm + "url"):
            slug = u.findtext(sm + "loc").rsplit("/", 1)[1]
            got[slug] = [i.findtext(img + "loc")
                         for i in u.findall(img + "image")]
        base = W.base_url
        self.assertEqual(got["foto-besar"], [base + crop_url(BIG, "share")])
        self.assertEqual(got["foto-kecil"],
                         [base + crop_url(SMALL, "share")])
        self.assertEqual(got["foto-lama"], [base + "/media/" + LEGACY])
        self.assertEqual(got["foto-tanpa"], [])


if __name__ == "__main__":
    unittest.main()
