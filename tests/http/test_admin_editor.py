"""test_admin_editor.py - the article editor through warta's embedded HTTP
server, signed in as a browser would be: an editor publishes a story with
tags and a real PNG and the reader page shows it; a disguised upload and
every other invalid field are refused with nothing saved; a reporter
cannot publish but can submit; a scheduled story appears by itself when
its time comes; revisions restore; corrections show publicly; unpublished
stories answer 410 with their reason; a POST without its CSRF token
changes nothing. Expected values come from the database and Python."""

import os
import re
import struct
import sys
import time
import unittest
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402

W = None
PW = "kata-sandi-uji-123"
EDITOR = ("redaktur@warta.test", "Dewi Redaktur", "editor")
REPORTER = ("reporter@warta.test", "Rudi Reporter", "reporter")
REPORTER2 = ("reporter2@warta.test", "Sari Reporter", "reporter")
IDS = {}
NOW = int(time.time())
DAY = 86400
EVIL = "<script>alert(1)</script> \"kutip\" & 'tunggal'"


def setUpModule():
    global W
    W = H.Warta("editor")
    try:
        W.init()
        # The editor's account has a byline: "Editor:" shows its name.
        IDS["editor"] = H.add_user(W, *EDITOR, PW, author="rina-kartikasari")
        IDS["reporter"] = H.add_user(W, *REPORTER, PW)
        IDS["reporter2"] = H.add_user(W, *REPORTER2, PW)
        W.add_article("uji-terbit-lama", "Berita lama untuk dikoreksi",
                      lead="Lead lama.", published_at=NOW - 3 * DAY,
                      authors=["arsyad-ramadhan"], tags=["kpu"])
        W.start()
    except Exception:
        W.cleanup()
        raise


def tearDownModule():
    H.stop_warta(W)


def png(width=3, height=2):
    """A small but complete PNG: signature, IHDR, IDAT, IEND with CRCs."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    rows = b"".join(b"\0" + bytes([180, 20, 30]) * width
                    for _ in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
            chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


NO_FILE = [("image", "", "application/octet-stream", b"")]


def browser(who):
    b = H.Browser(W.port)
    r = b.login(who[0], PW)
    assert r.status == 303, r
    assert b.csrf, "no csrf token after sign-in"
    return b


def section_id(slug="pilkada-2024"):
    return W.rows("SELECT id FROM sections WHERE slug = ?", (slug,))[0]["id"]


def author_id(slug):
    return W.rows("SELECT id FROM authors WHERE slug = ?", (slug,))[0]["id"]


def fields(**kw):
    """The editor form as a browser sends it, with kw replacing fields;
    authors is a list of author ids (one picker each)."""
    f = {
        "title": "Judul uji", "slug": "", "lead": "Teras uji.",
        "dateline": "Serang", "section": str(section_id()),
        "body": "Paragraf pertama.\n\nParagraf kedua.", "tags": "",
        "picks": "", "image_caption": "", "image_credit": "",
        "schedule_date": "", "schedule_time": "", "action": "draft",
    }
    authors = kw.pop("authors", [author_id("arsyad-ramadhan")])
    f.update({k: str(v) for k, v in kw.items()})
    pairs = list(f.items())
    pairs += [("author", str(a)) for a in authors]
    pairs += [("author", "")]
    return pairs


def post_form(b, path, pairs, files=None):
    """Posts the editor form; a save of a stored article carries the
    version it was opened on, here the stored one (a form opened just
    now) unless pairs name one."""
    m = re.match(r"/admin/articles/(\d+)$", path)
    if m and not any(k == "version" for k, _ in pairs):
        rows = W.rows("SELECT version FROM articles WHERE id = ?",
                      (int(m.group(1)),))
        if rows:
            pairs = list(pairs) + [("version", str(rows[0]["version"]))]
    return b.post(path, pairs, files=files or NO_FILE)


def article(slug):
    rows = W.rows("SELECT * FROM articles WHERE slug = ?", (slug,))
    return rows[0] if rows else None


def count(sql, args=()):
    return W.rows(sql, args)[0]["n"]


def media_files():
    d = os.path.join(W.dir, "media")
    return sorted(os.listdir(d)) if os.path.isdir(d) else []


def edit_id(r):
    m = re.match(r"/admin/articles/(\d+)/edit\?ok=", r.header("Location")
                 or "")
    assert m, (r.status, r.header("Location"), r.text[:2000])
    return int(m.group(1))


def field_error(html, field_id):
    """The error message shown in the field block holding #field_id."""
    m = re.search(r'<(div|fieldset) class="field invalid">((?:(?!</\1>).)*?'
                  r'id="%s".*?)</\1>' % re.escape(field_id), html, re.S)
    if not m:
        return None
    e = re.search(r'<p class="error"[^>]*>(.*?)</p>', m.group(2), re.S)
    return e.group(1) if e else None


def public(slug):
    a = article(slug)
    return H.fetch(W.port, H.article_path(a["published_at"], slug))


class Publish(unittest.TestCase):
    def test_editor_publishes_with_tags_and_png(self):
        b = browser(EDITOR)
        image = png()
        before = media_files()
        title = "Rekapitulasi <suara> \u201cselesai\u201d di Serang"
        r = post_form(b, "/admin/articles", fields(
            title=title, tags="KPU, Rekap Uji Editor",
            authors=[author_id("nur-aini-safitri"),
                     author_id("bagus-prasetyo")],
            image_caption="Petugas menghitung <surat> suara",
            image_credit="Warta/Foto Uji", action="publish",
            image_alt="Petugas KPPS menghitung surat suara",
            body="Paragraf **pertama**.\n\n<script>alert(1)</script>\n\n"
                 "[[baca-juga:uji-terbit-lama]]\n\nParagraf akhir."),
            files=[("image", "foto.png", "image/png", image)])
        self.assertEqual(r.status, 303, r.text[:3000])
        aid = edit_id(r)
        self.assertIn("ok=published", r.header("Location"))
        a = W.rows("SELECT * FROM articles WHERE id = ?", (aid,))[0]
        self.assertEqual(a["status"], "published")
        self.assertEqual(a["slug"], "rekapitulasi-suara-selesai-di-serang")
        self.assertEqual(a["editor_id"], IDS["editor"])
        self.assertEqual(a["created_by"], IDS["editor"])
        self.assertLessEqual(abs(a["published_at"] - time.time()), 5)
        self.assertEqual([t["name"] for t in W.tags_of(aid)],
                         ["KPU", "Rekap Uji Editor"])
        self.assertEqual([u["slug"] for u in W.authors_of(aid)],
                         ["nur-aini-safitri", "bagus-prasetyo"])
        # One revision holding the whole article, one audit row.
        revs = W.rows("SELECT json_extract(snapshot, '$.title') AS t,"
                      " json_extract(snapshot, '$.tags') AS tags,"
                      " json_extract(snapshot, '$.image.mime') AS mime,"
                      " user_id FROM revisions WHERE article_id = ?",
                      (aid,))
        self.assertEqual(len(revs), 1)
        self.assertEqual(revs[0]["t"], title)
        self.assertEqual(revs[0]["tags"], '["KPU","Rekap Uji Editor"]')
        # Decoded and re-encoded by warta-picture: JPEG renditions.
        self.assertEqual(revs[0]["mime"], "image/jpeg")
        self.assertEqual(revs[0]["user_id"], IDS["editor"])
        self.assertEqual(count("SELECT count(*) AS n FROM audit_log WHERE"
                               " article_id = ? AND action ="
                               " 'article.publish'", (aid,)), 1)

        page = public(a["slug"])
        self.assertEqual(page.status, 200)
        html = page.text
        self.assertIn("<h1>%s</h1>" % H.esc(title), html)
        byline = re.search(r'<p class="byline">(.*?)</p>', html, re.S)
        self.assertIsNotNone(byline)
        self.assertRegex(byline.group(1),
                         r"Penulis: .*Nur Aini Safitri.*Bagus Prasetyo.*"
                         r"\| Editor: <span class=\"editor\">Rina "
                         r"Kartikasari</span>")
        for slug, name in (("kpu", "KPU"),
                           ("rekap-uji-editor", "Rekap Uji Editor")):
            self.assertIn('<a rel="tag" href="/tag/%s">%s</a>' %
                          (slug, name), html)
        self.assertNotIn("<script>alert", html)
        self.assertIn('<aside class="baca-juga">', html)
        fig = re.search(r'<figure class="lead-image">(.*?)</figure>', html,
                        re.S)
        self.assertIsNotNone(fig, html)
        self.assertIn("Petugas menghitung &lt;surat&gt; suara",
                      fig.group(1))
        self.assertIn("Warta/Foto Uji", fig.group(1))
        src = re.search(r'<img src="(/media/[0-9a-f]{16}-w3\.jpg)"',
                        fig.group(1)).group(1)
        img = H.fetch(W.port, src)
        self.assertEqual(img.status, 200)
        self.assertEqual(img.header("Content-Type"), "image/jpeg")
        self.assertEqual(img.header("X-Content-Type-Options"), "nosniff")
        self.assertIn("max-age=31536000", img.header("Cache-Control"))
        self.assertEqual(img.body[:3], b"\xff\xd8\xff")
        # 3 px wide: one width, and the five crops (the thumbnail in
        # WebP too), never upscaled.
        self.assertEqual(len(media_files()), len(before) + 2 + 6)
        m = W.rows("SELECT m.* FROM media m JOIN articles a"
                   " ON a.image_id = m.id WHERE a.id = ?", (aid,))[0]
        self.assertEqual((m["width"], m["height"]), (3, 2))
        self.assertEqual(m["alt"], "Petugas KPPS menghitung surat suara")
        self.assertEqual(W.rows("SELECT media_id FROM article_media"
                                " WHERE article_id = ?", (aid,)),
                         [{"media_id": m["id"]}])
        head = H.fetch(W.port, src, method="HEAD")
        self.assertEqual(head.status, 200)
        self.assertEqual(head.body, b"")

    def test_new_form_and_listing(self):
        b = browser(EDITOR)
        r = b.get("/admin/articles/new")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("Cache-Control"), "no-store")
        self.assertIn('enctype="multipart/form-data"', r.text)
        self.assertIn('name="csrf" value="%s"' % b.csrf, r.text)
        self.assertIn('<datalist id="tag-list">', r.text)
        self.assertIn('<option value="KPU">', r.text)
        self.assertNotIn("<script>", r.text.replace(
            '<script src="/static/admin.js" defer></script>', ""))
        # The editor's own byline is chosen in the first picker.
        self.assertRegex(r.text, r'<option value="%d" selected>Rina '
                         r'Kartikasari</option>' %
                         author_id("rina-kartikasari"))
        for i in range(3):
            r = post_form(b, "/admin/articles", fields(
                title="Daftar uji nomor %d %s" % (i, EVIL)))
            self.assertEqual(r.status, 303)
        r = b.get("/admin/articles?q=nomor+%3Cscript%3E&status=draft")
        self.assertEqual(r.status, 200)
        self.assertEqual(len(re.findall(r"Daftar uji nomor \d", r.text)), 3)
        self.assertIn(H.esc(EVIL), r.text)
        self.assertNotIn(EVIL, r.text)
        r = b.get("/admin/articles?q=nomor+100%25")
        self.assertNotIn("Daftar uji nomor", r.text)
        r = b.get("/admin/articles?status=draft&q=Daftar+uji")
        self.assertEqual(len(re.findall(r"Daftar uji nomor \d", r.text)), 3)
        # Keyset pages of the whole listing: every article exactly once.
        seen, path = [], "/admin/articles"
        for _ in range(50):
            r = b.get(path)
            self.assertEqual(r.status, 200)
            seen += re.findall(r'href="/admin/articles/(\d+)/edit"', r.text)
            path = H.next_link(r.text)
            if not path:
                break
        self.assertEqual(sorted(map(int, seen)),
                         sorted(a["id"] for a in W.articles()))
        for bad in ("?status=nope", "?section=x", "?author=-1",
                    "?sebelum=abc"):
            self.assertEqual(b.get("/admin/articles" + bad).status, 400)

    def test_preview(self):
        b = browser(REPORTER)
        r = b.post("/admin/preview", {
            "body": "Halo **dunia**.\n\n<script>x</script>\n\n"
                    "[[baca-juga:uji-terbit-lama]]\n\n[link](javascript:x)"})
        self.assertEqual(r.status, 200)
        self.assertTrue(r.header("Content-Type").startswith("text/html"))
        self.assertIn("<p>Halo <strong>dunia</strong>.</p>", r.text)
        self.assertIn("Berita lama untuk dikoreksi", r.text)
        self.assertNotIn("<script>", r.text)
        self.assertNotIn("javascript:", r.text)
        self.assertEqual(b.post("/admin/preview", {"body": "x"},
                                csrf=False).status, 403)


class Refusals(unittest.TestCase):
    def assert_nothing_saved(self, before, files_before, slug):
        self.assertIsNone(article(slug))
        self.assertEqual(count("SELECT count(*) AS n FROM revisions"), before)
        self.assertEqual(media_files(), files_before)

    def test_html_named_jpg(self):
        b = browser(EDITOR)
        before = count("SELECT count(*) AS n FROM revisions")
        files_before = media_files()
        evil = (b"<!DOCTYPE html><html><body><script>alert(document.cookie)"
                b"</script></body></html>")
        typed = fields(title="Foto palsu " + EVIL, slug="foto-palsu",
                       lead="Teras " + EVIL, tags="Tag " + EVIL,
                       body="Isi " + EVIL, image_caption="Cap " + EVIL,
                       image_credit="Kredit", action="publish")
        r = post_form(b, "/admin/articles", typed,
                      files=[("image", "x.jpg", "image/jpeg", evil)])
        self.assertEqual(r.status, 422)
        self.assertEqual(field_error(r.text, "image"),
                         "Berkas \u201cx.jpg\u201d bukan gambar JPEG, PNG, "
                         "WebP, atau HEIC.")
        # Everything typed is still there, escaped.
        self.assertIn('value="%s"' % H.esc("Foto palsu " + EVIL), r.text)
        self.assertIn('value="foto-palsu"', r.text)
        self.assertIn(">\n%s</textarea>" % H.esc("Teras " + EVIL), r.text)
        self.assertIn(">\n%s</textarea>" % H.esc("Isi " + EVIL), r.text)
        self.assertIn('value="%s"' % H.esc("Cap " + EVIL), r.text)
        self.assertIn('value="%s"' % H.esc("Tag " + EVIL), r.text)
        self.assertNotIn("<script>alert", r.text)
        self.assert_nothing_saved(before, files_before, "foto-palsu")
        # A PNG signature in front of HTML is not a PNG either.
        r = post_form(b, "/admin/articles", typed, files=[
            ("image", "x.png", "image/png", b"\x89PNG\r\n\x1a\n" + evil)])
        self.assertEqual(r.status, 422)
        self.assertIsNotNone(field_error(r.text, "image"))
        self.assert_nothing_saved(before, files_before, "foto-palsu")

    def test_oversized_image(self):
        b = browser(EDITOR)
        before = count("SELECT count(*) AS n FROM revisions")
        files_before = media_files()
        big = png() + b"\0" * (8 * 1024 * 1024)
        r = post_form(b, "/admin/articles",
                      fields(title="Foto raksasa", slug="foto-raksasa"),
                      files=[("image", "besar.png", "image/png", big)])
        # Refused beside the field, or by the body limit before that.
        self.assertIn(r.status, (413, 422))
        if r.status == 422:
            self.assertIn("8 MiB", field_error(r.text, "image"))
        self.assert_nothing_saved(before, files_before, "foto-raksasa")

    def test_each_invalid_field(self):
        b = browser(EDITOR)
        before = count("SELECT count(*) AS n FROM revisions")
        files_before = media_files()
        wib = H.wib(time.time() - 3600)
        cases = [
            (dict(title="  "), "title", "Judul wajib diisi."),
            (dict(slug="uji-terbit-lama"), "slug",
             "Slug sudah dipakai berita lain."),
            (dict(slug="Bukan Slug!"), "slug", None),
            (dict(section="99999"), "section", "Pilih kanal."),
            (dict(section="abc"), "section", "Pilih kanal."),
            (dict(authors=[]), "author-1",
             "Pilih setidaknya satu penulis."),
            (dict(authors=[424242]), "author-1", "Penulis tidak dikenal."),
            (dict(picks="tidak-ada-berita"), "picks", None),
            (dict(tags="!!!"), "tags", None),
            (dict(action="schedule", schedule_date=wib.strftime("%Y-%m-%d"),
                  schedule_time=wib.strftime("%H:%M")), "schedule_date",
             "Waktu tayang harus di masa depan."),
            (dict(action="schedule", schedule_date="2030-02-30",
                  schedule_time="07:00"), "schedule_date", None),
            (dict(action="schedule", schedule_date="2030-01-01",
                  schedule_time="25:00"), "schedule_date", None),
            (dict(action="schedule"), "schedule_date",
             "Isi tanggal dan jam tayang."),
        ]
        for kw, fid, msg in cases:
            with self.subTest(kw=kw):
                typed = dict(title="Isian salah", slug="isian-salah",
                             lead="Teras tetap ada")
                typed.update(kw)
                r = post_form(b, "/admin/articles", fields(**typed))
                self.assertEqual(r.status, 422, r.text[:500])
                got = field_error(r.text, fid)
                self.assertIsNotNone(got, r.text)
                if msg:
                    self.assertEqual(got, msg)
                self.assertIn(">\nTeras tetap ada</textarea>", r.text)
                self.assert_nothing_saved(before, files_before,
                                          "isian-salah")
        # An unknown action is a bad request, not a save.
        r = post_form(b, "/admin/articles", fields(action="hapus-semua",
                                                   slug="isian-salah"))
        self.assertEqual(r.status, 400)
        self.assert_nothing_saved(before, files_before, "isian-salah")

    def test_post_without_csrf_changes_nothing(self):
        b = browser(EDITOR)
        a = article("uji-terbit-lama")
        for csrf in (False, "x" * 43, ""):
            with self.subTest(csrf=csrf):
                r = b.post("/admin/articles/%d" % a["id"],
                           fields(title="Dibajak", slug="uji-terbit-lama",
                                  action="unpublish",
                                  unpublish_reason="palsu"),
                           csrf=csrf, files=NO_FILE)
                self.assertEqual(r.status, 403)
                r = b.post("/admin/articles", fields(title="Dibajak",
                                                     slug="dibajak"),
                           csrf=csrf)
                self.assertEqual(r.status, 403)
        self.assertEqual(article("uji-terbit-lama"), a)
        self.assertIsNone(article("dibajak"))
        # Another site's page posting with our token still fails.
        r = b.post("/admin/articles", fields(title="Dibajak",
                                             slug="dibajak"),
                   headers={"Origin": "http://evil.example"})
        self.assertEqual(r.status, 403)
        self.assertIsNone(article("dibajak"))


class Roles(unittest.TestCase):
    def test_reporter_submits_but_cannot_publish(self):
        rep = browser(REPORTER)
        r = post_form(rep, "/admin/articles",
                      fields(title="Naskah reporter", action="publish"))
        self.assertEqual(r.status, 403)
        self.assertIsNone(article("naskah-reporter"))
        r = post_form(rep, "/admin/articles",
                      fields(title="Naskah reporter"))
        self.assertEqual(r.status, 303)
        aid = edit_id(r)
        a = article("naskah-reporter")
        self.assertEqual((a["status"], a["created_by"]),
                         ("draft", IDS["reporter"]))
        page = rep.get("/admin/articles/%d/edit" % aid)
        self.assertEqual(page.status, 200)
        self.assertNotIn('value="publish"', page.text)
        self.assertNotIn('value="delete"', page.text)
        self.assertIn('value="submit"', page.text)
        for action in ("publish", "schedule", "delete"):
            with self.subTest(action=action):
                r = post_form(rep, "/admin/articles/%d" % aid, fields(
                    title="Diubah reporter", slug="naskah-reporter",
                    action=action, schedule_date="2031-01-01",
                    schedule_time="07:00"))
                self.assertEqual(r.status, 403)
                self.assertEqual(article("naskah-reporter"), a)
        # Another reporter cannot see or touch it.
        other = browser(REPORTER2)
        self.assertEqual(other.get("/admin/articles/%d/edit" % aid).status,
                         403)
        r = post_form(other, "/admin/articles/%d" % aid,
                      fields(title="Bukan milikku", slug="naskah-reporter"))
        self.assertEqual(r.status, 403)
        self.assertEqual(article("naskah-reporter"), a)
        # Submitting is allowed, and then the story is out of reach.
        r = post_form(rep, "/admin/articles/%d" % aid, fields(
            title="Naskah reporter", slug="naskah-reporter",
            action="submit"))
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), "/admin?ok=submitted")
        self.assertEqual(article("naskah-reporter")["status"], "review")
        r = post_form(rep, "/admin/articles/%d" % aid, fields(
            title="Sesudah diajukan", slug="naskah-reporter"))
        self.assertEqual(r.status, 403)
        page = rep.get("/admin/articles/%d/edit" % aid)
        self.assertEqual(page.status, 200)
        self.assertIn("<fieldset class=\"plain\" disabled>", page.text)
        self.assertNotIn('name="action"', page.text)
        # A new story can go for review straight away.
        r = post_form(rep, "/admin/articles", fields(
            title="Langsung diajukan", action="submit"))
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), "/admin?ok=submitted")
        self.assertEqual(article("langsung-diajukan")["status"], "review")
        # An editor publishes it.
        ed = browser(EDITOR)
        r = post_form(ed, "/admin/articles/%d" % aid, fields(
            title="Naskah reporter", slug="naskah-reporter",
            action="publish"))
        self.assertEqual(r.status, 303)
        a = article("naskah-reporter")
        self.assertEqual((a["status"], a["editor_id"], a["created_by"]),
                         ("published", IDS["editor"], IDS["reporter"]))
        self.assertEqual(public("naskah-reporter").status, 200)


class Lifecycle(unittest.TestCase):
    def test_schedule_appears_by_itself(self):
        b = browser(EDITOR)
        r = post_form(b, "/admin/articles", fields(title="Terjadwal uji"))
        aid = edit_id(r)
        when = int(time.time()) + 4
        d = H.wib(when)
        r = post_form(b, "/admin/articles/%d" % aid, fields(
            title="Terjadwal uji", slug="terjadwal-uji", action="schedule",
            schedule_date=d.strftime("%Y-%m-%d"),
            schedule_time=d.strftime("%H:%M:%S")))
        self.assertEqual(r.status, 303, r.text[:2000])
        a = article("terjadwal-uji")
        self.assertEqual((a["status"], a["published_at"]),
                         ("scheduled", when))
        path = H.article_path(when, "terjadwal-uji")
        self.assertEqual(H.fetch(W.port, path).status, 404)
        page = b.get("/admin/articles/%d/edit" % aid)
        shown = d.strftime("%H:%M:%S" if d.second else "%H:%M")
        self.assertIn('value="%s"' % shown, page.text)
        while time.time() < when + 0.5:
            time.sleep(0.25)
        r = H.fetch(W.port, path)
        self.assertEqual(r.status, 200)
        self.assertIn("<h1>Terjadwal uji</h1>", r.text)
        # Once public it cannot be scheduled again.
        r = post_form(b, "/admin/articles/%d" % aid, fields(
            title="Terjadwal uji", slug="terjadwal-uji", action="schedule",
            schedule_date="2031-01-01", schedule_time="07:00"))
        self.assertEqual(r.status, 422)
        self.assertEqual(article("terjadwal-uji")["published_at"], when)

    def test_revision_restore(self):
        b = browser(EDITOR)
        r = post_form(b, "/admin/articles", fields(
            title="Judul versi pertama", slug="versi-uji",
            tags="Versi Satu", action="publish"))
        aid = edit_id(r)
        r = post_form(b, "/admin/articles/%d" % aid, fields(
            title="Judul versi kedua", slug="versi-uji", tags="Versi Dua"))
        self.assertEqual(r.status, 303)
        self.assertEqual(article("versi-uji")["title"], "Judul versi kedua")
        page = b.get("/admin/articles/%d/revisions" % aid)
        self.assertEqual(page.status, 200)
        self.assertIn("Dewi Redaktur", page.text)
        self.assertIn("Judul versi pertama", page.text)
        urls = re.findall(r'action="(/admin/articles/%d/revisions/\d+/'
                          r'restore)"' % aid, page.text)
        self.assertEqual(len(urls), 1)
        ver = {"version": re.search(r'name="version" value="(\d+)"',
                                    page.text).group(1)}
        self.assertEqual(ver["version"], str(article("versi-uji")["version"]))
        self.assertEqual(b.post(urls[0], ver, csrf=False).status, 403)
        rep = browser(REPORTER)
        self.assertEqual(rep.post(urls[0], ver).status, 403)
        self.assertEqual(article("versi-uji")["title"], "Judul versi kedua")
        self.assertEqual(b.post(urls[0], {}).status, 400)
        r = b.post(urls[0], ver)
        self.assertEqual(r.status, 303)
        self.assertIn("ok=restored", r.header("Location"))
        a = article("versi-uji")
        self.assertEqual((a["title"], a["status"]),
                         ("Judul versi pertama", "published"))
        self.assertEqual([t["name"] for t in W.tags_of(aid)], ["Versi Satu"])
        self.assertEqual(count("SELECT count(*) AS n FROM revisions WHERE"
                               " article_id = ?", (aid,)), 3)
        self.assertIn("<h1>Judul versi pertama</h1>", public("versi-uji").text)

    def test_correction_shown_publicly(self):
        b = browser(EDITOR)
        a = article("uji-terbit-lama")
        note = "Jumlah TPS yang benar 120, bukan 210 <b>tebal</b>."
        r = post_form(b, "/admin/articles/%d" % a["id"], fields(
            title=a["title"], slug=a["slug"], lead=a["lead"],
            authors=[author_id("arsyad-ramadhan")], tags="KPU",
            correction=note))
        self.assertEqual(r.status, 303, r.text[:3000])
        c = W.rows("SELECT * FROM corrections WHERE article_id = ?",
                   (a["id"],))
        self.assertEqual(len(c), 1)
        after = article("uji-terbit-lama")
        self.assertGreater(after["updated_at"], a["updated_at"])
        self.assertEqual(after["published_at"], a["published_at"])
        html = public("uji-terbit-lama").text
        self.assertIn("<strong>Koreksi (<time datetime=\"%s\">%s</time>):"
                      "</strong> %s" % (
                          H.wib(c[0]["created_at"]).isoformat(),
                          H.date_short(c[0]["created_at"]), H.esc(note)),
                      html)
        self.assertIn("Diperbarui %s" % H.date_short(after["updated_at"]),
                      html)
        # The dedicated form adds a second one; a blank one is refused.
        r = b.post("/admin/articles/%d/correction" % a["id"],
                   {"correction": "Nama narasumber diperbaiki."})
        self.assertEqual(r.status, 303)
        self.assertIn("ok=corrected", r.header("Location"))
        r = b.post("/admin/articles/%d/correction" % a["id"],
                   {"correction": "   "})
        self.assertEqual(r.status, 422)
        self.assertEqual(count("SELECT count(*) AS n FROM corrections WHERE"
                               " article_id = ?", (a["id"],)), 2)
        html = public("uji-terbit-lama").text
        self.assertIn("Nama narasumber diperbaiki.", html)
        # Not for drafts.
        r = post_form(b, "/admin/articles", fields(
            title="Draf dengan koreksi", correction="x"))
        self.assertEqual(r.status, 422)
        self.assertIsNotNone(field_error(r.text, "correction") or
                             re.search("Koreksi hanya", r.text))
        self.assertIsNone(article("draf-dengan-koreksi"))

    def test_unpublish_needs_reason_then_410(self):
        b = browser(EDITOR)
        r = post_form(b, "/admin/articles", fields(
            title="Akan dicabut", action="publish"))
        aid = edit_id(r)
        self.assertEqual(public("akan-dicabut").status, 200)
        page = b.get("/admin/articles/%d/edit" % aid)
        self.assertIn('value="unpublish"', page.text)
        self.assertIn('name="unpublish_reason"', page.text)
        for absent in ('value="publish"', 'value="schedule"',
                       'value="delete"', 'value="submit"'):
            self.assertNotIn(absent, page.text)
        r = post_form(b, "/admin/articles/%d" % aid, fields(
            title="Akan dicabut", slug="akan-dicabut", action="unpublish",
            unpublish_reason="  "))
        self.assertEqual(r.status, 422)
        self.assertEqual(field_error(r.text, "unpublish_reason"),
                         "Alasan pencabutan wajib diisi.")
        self.assertEqual(article("akan-dicabut")["status"], "published")
        reason = "Narasumber <menarik> pernyataannya & hak jawab."
        r = post_form(b, "/admin/articles/%d" % aid, fields(
            title="Akan dicabut", slug="akan-dicabut", action="unpublish",
            unpublish_reason=reason))
        self.assertEqual(r.status, 303)
        a = article("akan-dicabut")
        self.assertEqual((a["status"], a["unpublish_reason"]),
                         ("unpublished", reason))
        self.assertLessEqual(abs(a["unpublished_at"] - time.time()), 5)
        page = public("akan-dicabut")
        self.assertEqual(page.status, 410)
        self.assertIn(H.esc(reason), page.text)
        self.assertIn("Akan dicabut", page.text)
        self.assertTrue(H.has_layout(page.text, W.site_name()))
        self.assertEqual(count("SELECT count(*) AS n FROM audit_log WHERE"
                               " article_id = ? AND action ="
                               " 'article.unpublish'", (aid,)), 1)

    def test_delete_drafts_only(self):
        b = browser(EDITOR)
        r = post_form(b, "/admin/articles", fields(title="Draf dibuang"))
        aid = edit_id(r)
        r = post_form(b, "/admin/articles", fields(
            title="Terbit tak dihapus", action="publish"))
        pid = edit_id(r)
        r = post_form(b, "/admin/articles/%d" % pid, fields(
            title="Terbit tak dihapus", slug="terbit-tak-dihapus",
            action="delete"))
        self.assertEqual(r.status, 422)
        self.assertIn("Hanya draf yang dapat dihapus", r.text)
        self.assertEqual(article("terbit-tak-dihapus")["status"],
                         "published")
        r = post_form(b, "/admin/articles/%d" % aid, fields(
            title="", slug="draf-dibuang", action="delete"))
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), "/admin/articles?ok=deleted")
        self.assertIsNone(article("draf-dibuang"))
        self.assertEqual(count("SELECT count(*) AS n FROM revisions WHERE"
                               " article_id = ?", (aid,)), 0)
        self.assertEqual(b.get("/admin/articles/%d/edit" % aid).status, 404)


class Media(unittest.TestCase):
    def test_only_stored_names(self):
        d = os.path.join(W.dir, "media")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "a" * 32 + ".html"), "w") as f:
            f.write("<script>alert(1)</script>")
        with open(os.path.join(d, "b" * 32 + ".png"), "w") as f:
            f.write("<script>alert(1)</script>")
        for target in ("/media/" + "a" * 32 + ".html", "/media/x.png",
                       "/media/" + "c" * 32 + ".png", "/media/..%2fwarta.db",
                       "/media/%2e%2e/warta.db", "/media/.tmp-x.png",
                       "/media/" + "A" * 32 + ".png"):
            with self.subTest(target=target):
                r = H.raw_request(W.port, "GET", target)
                self.assertIn(r.status, (400, 404), r)
                self.assertNotIn(b"<script>", r.body)
        # Even bytes that look like HTML go out as the image type.
        r = H.fetch(W.port, "/media/" + "b" * 32 + ".png")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("Content-Type"), "image/png")
        self.assertEqual(r.header("X-Content-Type-Options"), "nosniff")

    def test_nginx_serves_media_the_same_way(self):
        """docs/nginx.conf's /media/ block: stored names only, typed by
        extension, nosniff, a year of caching."""
        if not os.path.exists(H.NGINX):
            self.skipTest("nginx is not installed (the nginx suite needs it)")
        w = H.Warta("editor-nginx", fastcgi=True, http=False, threads=2)
        ng = None
        try:
            w.init(demo=False)
            w.start()
            ng = H.Nginx(w, workers=1)
            os.symlink(os.path.join(w.dir, "media"),
                       os.path.join(ng.root, "media"))
            ng.start()
            image = png()
            good = "d" * 32 + ".png"
            with open(os.path.join(w.dir, "media", good), "wb") as f:
                f.write(image)
            with open(os.path.join(w.dir, "media", "e" * 32 + ".html"),
                      "w") as f:
                f.write("<script>alert(1)</script>")
            r = H.fetch(ng.port, "/media/" + good)
            self.assertEqual(r.status, 200)
            self.assertEqual(r.body, image)
            self.assertEqual(r.header("Content-Type"), "image/png")
            self.assertEqual(r.header("X-Content-Type-Options"), "nosniff")
            self.assertIn("max-age=31536000", r.header("Cache-Control"))
            for target in ("/media/" + "e" * 32 + ".html", "/media/",
                           "/media/x.png", "/media/" + "D" * 32 + ".png"):
                with self.subTest(target=target):
                    r = H.fetch(ng.port, target)
                    self.assertEqual(r.status, 404)
                    self.assertNotIn(b"<script>alert", r.body)
        finally:
            problems = (ng.stop() if ng else []) + w.stop()
            if not problems:
                w.cleanup()
        self.assertEqual(problems, [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
