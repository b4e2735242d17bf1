"""test_media.py - pictures through warta's embedded HTTP server and its
warta-picture helper: an upload in the editor becomes every rendition
picture.c names (upright, without EXIF or GPS), served under /media/ with
a year's cache; a picture bomb, a PNG+HTML polyglot, a truncated file and
HTML named .jpg are refused with 422 and a message naming the file, with
nothing stored; HEIC is accepted; the same bytes are one picture; a story
that shows a picture without alt text cannot be published; the media
library lists, searches, edits (focal point: new crops), and refuses to
delete a picture a published story shows, per role; [[foto:ID]] renders
as a figure. Fixtures are made at test time (tests/tools)."""

import os
import re
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402

W = None
PW = "kata-sandi-uji-123"
EDITOR = ("redaktur@warta.test", "Dewi Redaktur", "editor")
REPORTER = ("reporter@warta.test", "Rudi Reporter", "reporter")
ADMIN = ("admin@warta.test", "Ana Admin", "admin")
IDS = {}
FIX = {}
TMP = None

WIDTHS = (320, 640, 960, 1280, 1920)


def setUpModule():
    global W, TMP
    TMP = tempfile.TemporaryDirectory(prefix="warta-fixtures-")
    tool = os.path.join(os.environ["WARTA_BUILD"], "tests",
                        "picture_fixtures")
    r = subprocess.run([tool, TMP.name], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("picture_fixtures: " + r.stderr)
    for name in os.listdir(TMP.name):
        with open(os.path.join(TMP.name, name), "rb") as f:
            FIX[name] = f.read()
    W = H.Warta("media")
    try:
        W.init()
        IDS["editor"] = H.add_user(W, *EDITOR, PW)
        IDS["reporter"] = H.add_user(W, *REPORTER, PW)
        IDS["admin"] = H.add_user(W, *ADMIN, PW)
        W.start()
    except Exception:
        W.cleanup()
        raise


def tearDownModule():
    H.stop_warta(W)
    TMP.cleanup()


NO_FILE = [("image", "", "application/octet-stream", b"")]


def browser(who):
    b = H.Browser(W.port)
    r = b.login(who[0], PW)
    assert r.status == 303, r
    return b


def section_id(slug="pilkada-2024"):
    return W.rows("SELECT id FROM sections WHERE slug = ?", (slug,))[0]["id"]


def author_id(slug="arsyad-ramadhan"):
    return W.rows("SELECT id FROM authors WHERE slug = ?", (slug,))[0]["id"]


def fields(**kw):
    f = {
        "title": "Judul foto uji", "slug": "", "lead": "Teras uji.",
        "dateline": "Serang", "section": str(section_id()),
        "body": "Paragraf pertama.\n\nParagraf kedua.", "tags": "",
        "picks": "", "image_caption": "", "image_credit": "",
        "image_alt": "", "schedule_date": "", "schedule_time": "",
        "action": "draft",
    }
    f.update({k: str(v) for k, v in kw.items()})
    return list(f.items()) + [("author", str(author_id())), ("author", "")]


def media_files():
    d = os.path.join(W.dir, "media")
    return sorted(os.listdir(d)) if os.path.isdir(d) else []


def field_error(html, field_id):
    m = re.search(r'<(div|fieldset) class="field invalid[^"]*">((?:(?!</\1>)'
                  r'.)*?id="%s".*?)</\1>' % re.escape(field_id), html, re.S)
    if not m:
        return None
    e = re.search(r'<p class="error"[^>]*>(.*?)</p>', m.group(2), re.S)
    return e.group(1) if e else None


def edit_id(r):
    m = re.match(r"/admin/articles/(\d+)/edit\?ok=", r.header("Location")
                 or "")
    assert m, (r.status, r.header("Location"), r.text[:3000])
    return int(m.group(1))


def rendition_names(m):
    """The files picture.c names for media row m (a dict)."""
    key, w, h, fx, fy = (m["pkey"], m["width"], m["height"], m["focal_x"],
                         m["focal_y"])
    ws = [x for x in WIDTHS if x < w]
    if w < 1920:
        ws.append(w)
    elif ws[-1] != 1920:
        ws.append(1920)
    names = ["%s-w%d%s" % (key, x, e) for x in ws for e in (".webp", ".jpg")]
    for crop in ("share", "wide", "std", "square", "thumb"):
        names.append("%s-%s-%d-%d.jpg" % (key, crop, fx, fy))
    names.append("%s-thumb-%d-%d.webp" % (key, fx, fy))
    return names


def upload(b, name, data, **kw):
    return b.post("/admin/articles", fields(**kw),
                  files=[("image", name, "image/jpeg", data)])


class Upload(unittest.TestCase):
    def test_photo_renditions_upright_without_gps(self):
        b = browser(EDITOR)
        r = upload(b, "IMG_0001.jpg", FIX["photo.jpg"], title="Foto ponsel")
        aid = edit_id(r)
        m = W.rows("SELECT m.* FROM media m JOIN articles a"
                   " ON a.image_id = m.id WHERE a.id = ?", (aid,))[0]
        # EXIF orientation 6: a quarter turn, so tall.
        self.assertEqual((m["width"], m["height"]), (1600, 2400))
        self.assertRegex(m["pkey"], r"^[0-9a-f]{16}$")
        self.assertEqual(m["name"], m["pkey"])
        self.assertEqual(m["user_id"], IDS["editor"])
        files = set(media_files())
        names = rendition_names(m)
        self.assertEqual(len(names), 5 * 2 + 6)
        for n in names:
            self.assertIn(n, files)
            img = H.fetch(W.port, "/media/" + n)
            self.assertEqual(img.status, 200, n)
            self.assertEqual(img.header("Content-Type"),
                             "image/webp" if n.endswith(".webp")
                             else "image/jpeg")
            self.assertIn("immutable", img.header("Cache-Control"))
            self.assertNotIn(b"WARTAGPS", img.body, n)
            self.assertNotIn(b"Exif", img.body, n)
        # The original is not kept by default, and never served.
        self.assertNotIn(m["pkey"] + ".orig", files)
        for bad in (m["pkey"], m["pkey"] + ".orig", m["pkey"] + "-w999.jpg"
                    if False else m["pkey"] + "-w0.jpg",
                    m["pkey"] + "-share-500-500.webp",
                    m["pkey"] + "-huge-500-500.jpg"):
            self.assertEqual(H.fetch(W.port, "/media/" + bad).status, 404,
                             bad)
        self.assertEqual(W.rows("SELECT media_id FROM article_media WHERE"
                                " article_id = ?", (aid,)),
                         [{"media_id": m["id"]}])
        # The same bytes again: the same picture, nothing new on disk.
        r = upload(b, "salinan.jpg", FIX["photo.jpg"], title="Foto lagi")
        aid2 = edit_id(r)
        self.assertEqual(W.rows("SELECT image_id FROM articles WHERE id = ?",
                                (aid2,))[0]["image_id"], m["id"])
        self.assertEqual(set(media_files()), files)

    def test_heic_webp_png_accepted(self):
        b = browser(EDITOR)
        for name, size in (("photo.heic", (800, 600)),
                           ("photo.webp", (800, 600)),
                           ("small.png", (640, 480))):
            if name not in FIX:
                continue  # this libvips cannot write HEIC
            r = upload(b, name, FIX[name], title="Format " + name)
            aid = edit_id(r)
            m = W.rows("SELECT m.* FROM media m JOIN articles a"
                       " ON a.image_id = m.id WHERE a.id = ?", (aid,))[0]
            self.assertEqual((m["width"], m["height"]), size, name)
            files = set(media_files())
            for n in rendition_names(m):
                self.assertIn(n, files)

    def test_refusals_name_the_file_and_store_nothing(self):
        b = browser(EDITOR)
        cases = [
            ("bomb.png", FIX["bomb.png"], "terlalu besar (lebih dari 50 "
             "megapiksel)"),
            ("polyglot.png", FIX["polyglot.png"], None),
            ("terpotong.jpg", FIX["truncated.jpg"], "rusak atau tidak "
             "lengkap"),
            ("halaman.jpg", b"<!DOCTYPE html><html><script>alert(1)"
             b"</script></html>", "bukan gambar JPEG, PNG, WebP, atau HEIC"),
        ]
        for name, data, words in cases:
            before = media_files()
            rows = W.rows("SELECT count(*) AS n FROM media")[0]["n"]
            r = upload(b, name, data, title="Ditolak " + name,
                       slug="ditolak-" + name.replace(".", "-"))
            self.assertEqual(r.status, 422, name)
            msg = field_error(r.text, "image")
            self.assertIsNotNone(msg, name)
            self.assertIn("\u201c%s\u201d" % name, msg)
            if words:
                self.assertIn(words, msg)
            self.assertEqual(media_files(), before, name)
            self.assertEqual(W.rows("SELECT count(*) AS n FROM media")[0]
                             ["n"], rows)
            self.assertEqual(W.rows("SELECT count(*) AS n FROM articles"
                                    " WHERE slug = ?",
                                    ("ditolak-" + name.replace(".", "-"),))
                             [0]["n"], 0)
        self.assertFalse(any(sanitizer in W.stderr() for sanitizer in
                             ("AddressSanitizer", "runtime error")))

    def test_publish_needs_alt_text(self):
        b = browser(EDITOR)
        r = upload(b, "alt.png", FIX["small.png"], title="Tanpa alt",
                   action="publish")
        self.assertEqual(r.status, 422)
        self.assertIn("teks alternatif", field_error(r.text, "image_alt"))
        self.assertEqual(W.rows("SELECT count(*) AS n FROM articles WHERE"
                                " title = 'Tanpa alt'")[0]["n"], 0)
        r = upload(b, "alt.png", FIX["small.png"], title="Dengan alt",
                   action="publish", image_alt="Warga antre di TPS")
        aid = edit_id(r)
        a = W.rows("SELECT a.status, m.alt FROM articles a JOIN media m"
                   " ON m.id = a.image_id WHERE a.id = ?", (aid,))[0]
        self.assertEqual((a["status"], a["alt"]),
                         ("published", "Warga antre di TPS"))


def media_row(mid):
    return W.rows("SELECT * FROM media WHERE id = ?", (mid,))[0]


def lib_upload(b, files):
    return b.post("/admin/media", [], files=[
        ("files", name, "image/jpeg", data) for name, data in files])


class Library(unittest.TestCase):
    def test_upload_several_edit_focal_and_roles(self):
        rep = browser(REPORTER)
        # Two at once (both small enough for one 10 MiB request).
        before = W.rows("SELECT max(id) AS n FROM media")[0]["n"] or 0
        r = lib_upload(rep, [("satu.png", FIX["lib1.png"]),
                             ("dua.png", FIX["lib2.png"])])
        self.assertEqual(r.status, 303, r.text[:2000])
        rows = W.rows("SELECT * FROM media WHERE id > ? ORDER BY id",
                      (before,))
        self.assertEqual(len(rows), 2)
        self.assertTrue(all(m["user_id"] == IDS["reporter"] for m in rows))
        mine = rows[0]
        # One refused in a batch: named, the other stored.
        r = lib_upload(rep, [("rusak.jpg", FIX["truncated.jpg"]),
                             ("baru.png", FIX["lib3.png"])])
        self.assertEqual(r.status, 422)
        self.assertIn("\u201crusak.jpg\u201d rusak atau tidak lengkap",
                      r.text)
        self.assertIn("baru.png: tersimpan", r.text)
        self.assertEqual(W.rows("SELECT count(*) AS n FROM media WHERE"
                                " id > ?", (before,))[0]["n"], 3)
        # No file at all.
        r = rep.post("/admin/media", [], files=[
            ("files", "", "application/octet-stream", b"")])
        self.assertEqual(r.status, 422)

        # The reporter edits their own: caption, credit, alt, focal.
        r = rep.post("/admin/media/%d" % mine["id"], {
            "caption": "Kotak suara <tiba>", "credit": "Foto: Warta/Rudi",
            "alt": "Kotak suara di atas meja", "fx": "900", "fy": "100"})
        self.assertEqual(r.status, 303, r.text[:2000])
        m = media_row(mine["id"])
        self.assertEqual((m["caption"], m["credit"], m["alt"],
                          m["focal_x"], m["focal_y"]),
                         ("Kotak suara <tiba>", "Foto: Warta/Rudi",
                          "Kotak suara di atas meja", 900, 100))
        files = set(media_files())
        for n in rendition_names(m):
            self.assertIn(n, files)
        # A focal point out of range is refused beside the field.
        r = rep.post("/admin/media/%d" % mine["id"], {
            "caption": "x", "credit": "", "alt": "", "fx": "1001",
            "fy": "5"})
        self.assertEqual(r.status, 422)
        self.assertEqual(media_row(mine["id"])["focal_x"], 900)

        # The library lists and finds it (escaped), with its thumbnail.
        page = rep.get("/admin/media?q=" + "kotak%20suara")
        self.assertEqual(page.status, 200)
        self.assertIn("Kotak suara &lt;tiba&gt;", page.text)
        self.assertIn("/media/%s-thumb-900-100.jpg" % m["pkey"], page.text)
        self.assertIn("[[foto:%d]]" % m["id"], page.text)
        page = rep.get("/admin/media?q=tidak-ada-yang-cocok")
        self.assertNotIn("[[foto:%d]]" % m["id"], page.text)

        # Someone else's picture: a reporter may look, not change.
        ed = browser(EDITOR)
        r = upload(ed, "redaksi.png", FIX["small.png"], title="Milik redaksi")
        theirs = W.rows("SELECT image_id FROM articles WHERE title ="
                        " 'Milik redaksi'")[0]["image_id"]
        self.assertEqual(rep.get("/admin/media/%d" % theirs).status, 200)
        r = rep.post("/admin/media/%d" % theirs, {
            "caption": "diubah", "credit": "", "alt": "", "fx": "500",
            "fy": "500"})
        self.assertEqual(r.status, 403)
        # Reporters never delete; editors may edit anyone's.
        self.assertEqual(rep.post("/admin/media/%d/delete" % mine["id"],
                                  {}).status, 403)
        r = ed.post("/admin/media/%d" % mine["id"], {
            "caption": "Disunting redaktur", "credit": "", "alt": "ok",
            "fx": "900", "fy": "100"})
        self.assertEqual(r.status, 303)
        # Without the CSRF token nothing changes.
        r = ed.post("/admin/media/%d" % mine["id"], {
            "caption": "palsu", "credit": "", "alt": "", "fx": "1",
            "fy": "1"}, csrf=False)
        self.assertEqual(r.status, 403)
        self.assertEqual(media_row(mine["id"])["caption"],
                         "Disunting redaktur")
        # Signed out: the sign-in page, not the library.
        self.assertIn(H.fetch(W.port, "/admin/media").status, (302, 303))

    def test_featured_picked_from_the_library(self):
        ed = browser(EDITOR)
        mid = W.rows("SELECT max(id) AS n FROM media")[0]["n"]
        if mid is None:
            r = lib_upload(ed, [("pilih.png", FIX["lib5.png"])])
            self.assertEqual(r.status, 303)
            mid = W.rows("SELECT max(id) AS n FROM media")[0]["n"]
        # The form offers the newest pictures as radio buttons.
        page = ed.get("/admin/articles/new")
        self.assertIn('name="image_pick" value="%d"' % mid, page.text)
        r = ed.post("/admin/articles", fields(
            title="Foto dari pustaka", slug="foto-dari-pustaka",
            image_pick=str(mid)), files=NO_FILE)
        aid = edit_id(r)
        self.assertEqual(W.rows("SELECT image_id FROM articles WHERE id = ?",
                                (aid,))[0]["image_id"], mid)
        self.assertEqual(W.rows("SELECT media_id FROM article_media WHERE"
                                " article_id = ?", (aid,)),
                         [{"media_id": mid}])
        page = ed.get("/admin/articles/%d/edit" % aid)
        self.assertIn('name="image_pick" value="%d" checked' % mid,
                      page.text)
        # A number that names no picture is refused beside the field.
        r = ed.post("/admin/articles", fields(
            title="Foto tak ada", slug="foto-tak-ada", image_id="999999"),
            files=NO_FILE)
        self.assertEqual(r.status, 422)
        self.assertEqual(field_error(r.text, "image"),
                         "Foto pilihan tidak ada di pustaka.")

    def test_inline_figure_alt_and_delete_refusal(self):
        ed = browser(EDITOR)
        r = lib_upload(ed, [("sebaris.png", FIX["lib4.png"])])
        self.assertEqual(r.status, 303)
        mid = W.rows("SELECT max(id) AS n FROM media")[0]["n"]
        m = media_row(mid)
        body = ("Paragraf pembuka.\n\n[[foto:%d]]\n\nParagraf penutup."
                % mid)
        # No alt text yet: publishing is refused, naming the picture.
        r = ed.post("/admin/articles", fields(
            title="Foto di tengah", slug="foto-di-tengah", body=body,
            action="publish"), files=NO_FILE)
        self.assertEqual(r.status, 422)
        self.assertIn("Foto %d belum punya teks alternatif" % mid, r.text)
        self.assertEqual(ed.post("/admin/media/%d" % mid, {
            "caption": "Antrean pemilih", "credit": "Foto: Warta/Dewi",
            "alt": "Pemilih antre di depan TPS", "fx": "500",
            "fy": "500"}).status, 303)
        # The editor's preview shows it where the line is.
        r = ed.post("/admin/preview", fields(
            title="Foto di tengah", slug="foto-di-tengah", body=body),
            files=NO_FILE)
        self.assertEqual(r.status, 200)
        self.assertIn('<figure class="inline-image" id="foto-%d">' % mid,
                      r.text)
        r = ed.post("/admin/articles", fields(
            title="Foto di tengah", slug="foto-di-tengah", body=body,
            action="publish"), files=NO_FILE)
        aid = edit_id(r)
        self.assertEqual(W.rows("SELECT media_id FROM article_media WHERE"
                                " article_id = ?", (aid,)),
                         [{"media_id": mid}])
        a = W.rows("SELECT published_at FROM articles WHERE id = ?",
                   (aid,))[0]
        page = H.fetch(W.port, H.article_path(a["published_at"],
                                              "foto-di-tengah"))
        self.assertEqual(page.status, 200)
        fig = re.search(r'<figure class="inline-image" id="foto-%d">(.*?)'
                        r'</figure>' % mid, page.text, re.S)
        self.assertIsNotNone(fig, page.text)
        self.assertIn('<source type="image/webp" srcset="/media/%s-w320.webp'
                      ' 320w, /media/%s-w640.webp 640w' % (m["pkey"],
                                                          m["pkey"]),
                      fig.group(1))
        self.assertIn('width="704" height="480"', fig.group(1))
        self.assertIn('alt="Pemilih antre di depan TPS"', fig.group(1))
        self.assertIn('loading="lazy"', fig.group(1))
        self.assertIn("Antrean pemilih", fig.group(1))
        self.assertIn("Foto: Warta/Dewi", fig.group(1))
        # The paragraphs around it stay.
        self.assertLess(page.text.index("Paragraf pembuka."), fig.start())
        self.assertGreater(page.text.index("Paragraf penutup."), fig.end())

        # A published story shows it: deletion refused, naming it.
        r = ed.post("/admin/media/%d/delete" % mid, {})
        self.assertEqual(r.status, 409)
        self.assertIn("\u201cFoto di tengah\u201d", r.text)
        self.assertEqual(len(W.rows("SELECT id FROM media WHERE id = ?",
                                    (mid,))), 1)
        # Taken out of the body, it is free to go, files and all.
        r = ed.post("/admin/articles/%d" % aid, fields(
            title="Foto di tengah", slug="foto-di-tengah",
            body="Tanpa foto.", action="draft",
            version=W.rows("SELECT version FROM articles WHERE id = ?",
                           (aid,))[0]["version"]), files=NO_FILE)
        self.assertEqual(r.status, 303, r.text[:2000])
        self.assertEqual(W.rows("SELECT count(*) AS n FROM article_media"
                                " WHERE media_id = ?", (mid,))[0]["n"], 0)
        r = ed.post("/admin/media/%d/delete" % mid, {})
        self.assertEqual(r.status, 303)
        self.assertEqual(W.rows("SELECT count(*) AS n FROM media WHERE"
                                " id = ?", (mid,))[0]["n"], 0)
        files = set(media_files())
        for n in rendition_names(m):
            self.assertNotIn(n, files)


class Demo(unittest.TestCase):
    """`warta init --demo --media DIR`, as scripts/run runs it: most
    stories get a picture the project draws (charts of the demo count,
    illustrations), through the same helper as uploads."""

    def test_demo_pictures(self):
        d = H.Warta("media-demo")
        try:
            media = os.path.join(d.dir, "media")
            r = subprocess.run(
                [d.bin, "init", "--db", d.db_path, "--demo", "--media",
                 media, "--base-url", d.base_url], capture_output=True,
                text=True, timeout=280, env=d.env(),
                stdin=subprocess.DEVNULL)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(H.sanitizer_problems(r.stderr), [], r.stderr)
            rows = d.rows("SELECT a.slug, a.status, m.* FROM articles a"
                          " LEFT JOIN media m ON m.id = a.image_id")
            pictured = [x for x in rows if x["id"] is not None]
            # Most stories, not all (every sixth keeps none).
            self.assertGreater(len(pictured), len(rows) * 3 // 4)
            self.assertLess(len(pictured), len(rows))
            self.assertIn("%d demo pictures drawn" % len(pictured),
                          r.stdout)
            files = set(os.listdir(media))
            for m in pictured:
                self.assertEqual(m["credit"], "Ilustrasi: Warta")
                self.assertTrue(m["alt"].strip())
                self.assertTrue(m["caption"].strip())
                self.assertEqual((m["width"], m["height"]), (1600, 900))
                for n in rendition_names(m):
                    self.assertIn(n, files)
            # The charts of the demo count are among them.
            self.assertTrue(any("hitung nyata KPU" in m["caption"]
                                for m in pictured))
            self.assertEqual(
                d.rows("SELECT count(*) AS n FROM article_media")[0]["n"],
                len(pictured))
            d.start()
            story = next(x for x in pictured if x["status"] == "published")
            a = d.rows("SELECT published_at FROM articles WHERE slug = ?",
                       (story["slug"],))[0]
            page = H.fetch(d.port, H.article_path(a["published_at"],
                                                  story["slug"]))
            self.assertEqual(page.status, 200)
            self.assertIn('srcset="/media/%s-w320.webp 320w' % story["pkey"],
                          page.text)
            self.assertIn('fetchpriority="high"', page.text)
            img = H.fetch(d.port, "/media/%s-share-500-500.jpg" %
                          story["pkey"])
            self.assertEqual(img.status, 200)
            self.assertLess(len(img.body), 300 * 1024)
            self.check_home(d, {x["slug"] for x in pictured})
        finally:
            H.stop_warta(d)

    def check_home(self, d, pictured):
        """The demo's front page shows the pictures: the headline's, and
        a thumbnail on every card of a story that has one (none on the
        others), every file they name served."""
        home = H.fetch(d.port, "/").text
        self.assertIn('<section class="headline has-picture">', home)
        cards = re.findall(r'<article class="card( has-thumb)?">(.*?)'
                           r'</article>', home, re.S)
        thumbs = 0
        for has, body in cards:
            slug = re.search(r'<h3>.*?<a href="/\d{4}/\d\d/\d\d/([^"]+)"',
                             body, re.S).group(1)
            self.assertEqual(bool(has), slug in pictured, slug)
            thumbs += bool(has)
        self.assertGreater(thumbs, len(cards) // 2)
        urls = set()
        for v in re.findall(r' (?:src|srcset)="([^"]+)"', home):
            urls.update(c.split()[0] for c in v.split(", "))
        self.assertGreater(len(urls), thumbs)
        for u in sorted(urls):
            if u.startswith("/media/"):
                self.assertEqual(H.fetch(d.port, u).status, 200, u)


if __name__ == "__main__":
    unittest.main()
