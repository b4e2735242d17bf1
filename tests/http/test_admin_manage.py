"""test_admin_manage.py - the management pages through warta's embedded
HTTP server: sections, tags and authors (editor), accounts and site
settings (admin), the audit log; who may open what, CSRF, validation with
messages beside the fields, hostile input. Expected values come from the
database and from Python, never from the C code."""

import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402

W = None

ADMIN = ("admin@kelola.test", "Ani Admin", "admin", "kata-sandi-ani-01")
EDITOR = ("redaktur@kelola.test", "Rina Redaktur", "editor",
          "kata-sandi-rina")
REPORTER = ("wartawan@kelola.test", "Wawan Wartawan", "reporter",
            "kata-sandi-wawan")
TARGET = ("sasaran@kelola.test", "Sari Sasaran", "reporter",
          "kata-sandi-sari")
IDS = {}


def setUpModule():
    global W
    W = H.Warta("admin-manage")
    try:
        W.init()
        for who in (ADMIN, EDITOR, REPORTER, TARGET):
            IDS[who[0]] = H.add_user(W, *who)
        W.start()
    except Exception:
        W.cleanup()
        raise


def tearDownModule():
    H.stop_warta(W)


def q(sql, args=()):
    return W.rows(sql, args)


def one(sql, args=()):
    rows = q(sql, args)
    return rows[0] if rows else None


def signed_in(who):
    b = H.Browser(W.port)
    r = b.login(who[0], who[3])
    assert r.status == 303, (r, r.text[:500])
    assert b.csrf, "no csrf token on /admin"
    return b


def error_of(html, field):
    """The message printed beside field (the p.error with id e-FIELD)."""
    m = re.search(r'<p class="error" id="e-%s">([^<]*)</p>' %
                  re.escape(field), html)
    return m.group(1) if m else None


def value_of(html, name):
    """The value attribute of the input named name."""
    m = re.search(r'<input[^>]* name="%s"[^>]* value="([^"]*)"' %
                  re.escape(name), html)
    return m.group(1) if m else None


def audit_rows(action, detail_like="%"):
    return q("SELECT * FROM audit_log WHERE action = ? AND detail LIKE ? "
             "ORDER BY id", (action, detail_like))


def counts():
    return {t: one("SELECT count(*) AS n FROM " + t)["n"]
            for t in ("sections", "tags", "authors", "users",
                      "settings", "audit_log")}


class Taxonomy(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ed = signed_in(EDITOR)

    def test_editor_creates_section_seen_on_site(self):
        r = self.ed.post("/admin/sections", {
            "name": "Pemilu Daerah", "slug": "",
            "description": "Liputan pilkada serentak.", "position": "4"})
        self.assertEqual(r.status, 303, r.text[:800])
        self.assertEqual(r.header("Location"),
                         "/admin/sections?ok=created")
        row = one("SELECT * FROM sections WHERE slug = 'pemilu-daerah'")
        self.assertIsNotNone(row)
        self.assertEqual(row["name"], "Pemilu Daerah")
        self.assertEqual(row["position"], 4)
        self.assertEqual(row["description"], "Liputan pilkada serentak.")
        # The flash after the redirect, and the list shows it.
        page = self.ed.get("/admin/sections?ok=created")
        self.assertEqual(page.status, 200)
        self.assertIn("Berhasil dibuat.", page.text)
        self.assertIn('href="/admin/sections/%d"' % row["id"], page.text)
        self.assertEqual(page.header("Cache-Control"), "no-store")
        # The reader site shows it at once.
        pub = H.fetch(W.port, "/kanal/pemilu-daerah")
        self.assertEqual(pub.status, 200)
        self.assertIn("Pemilu Daerah", pub.text)
        self.assertIn("Liputan pilkada serentak.", pub.text)
        home = H.fetch(W.port, "/")
        self.assertIn('href="/kanal/pemilu-daerah"', home.text)
        rows = audit_rows("section.add", "%pemilu-daerah%")
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["user_id"], IDS[EDITOR[0]])
        self.assertEqual(rows[0]["addr"], "127.0.0.1")

    def test_editor_creates_tag_seen_on_site(self):
        r = self.ed.post("/admin/tags", {"name": "Debat Kandidat",
                                         "slug": "debat-kandidat-2024"})
        self.assertEqual(r.status, 303, r.text[:800])
        self.assertEqual(r.header("Location"), "/admin/tags?ok=created")
        # No public story carries it yet: no public page either.
        self.assertEqual(H.fetch(W.port, "/tag/debat-kandidat-2024").status,
                         404)
        W.add_article("debat-kandidat-berita", "Debat kandidat digelar",
                      tags=["debat-kandidat-2024"])
        pub = H.fetch(W.port, "/tag/debat-kandidat-2024")
        self.assertEqual(pub.status, 200)
        self.assertIn("Debat Kandidat", pub.text)
        self.assertEqual(len(audit_rows("tag.add", "%debat-kandidat%")), 1)

    def test_edit_and_slug_conflict(self):
        for name in ("Banjir Serang", "Banjir Cilegon"):
            r = self.ed.post("/admin/tags", {"name": name})
            self.assertEqual(r.status, 303)
        first = one("SELECT * FROM tags WHERE slug = 'banjir-serang'")
        second = one("SELECT * FROM tags WHERE slug = 'banjir-cilegon'")
        before = counts()
        # Creating the same slug again: 409, the message beside the
        # field, the typed values kept, nothing added.
        r = self.ed.post("/admin/tags", {"name": "Banjir  Serang!",
                                         "description": "ketik ulang"})
        self.assertEqual(r.status, 409)
        self.assertEqual(error_of(r.text, "slug"), "Slug sudah dipakai.")
        self.assertEqual(value_of(r.text, "name"), "Banjir  Serang!")
        self.assertEqual(value_of(r.text, "slug"), "banjir-serang")
        self.assertIn(">ketik ulang</textarea>", r.text)
        self.assertEqual(counts(), before)
        # Moving the second onto the first's slug: refused, unchanged.
        path = "/admin/tags/%d" % second["id"]
        r = self.ed.post(path, {"name": "Banjir Cilegon Baru",
                                "slug": "banjir-serang"})
        self.assertEqual(r.status, 409)
        self.assertEqual(error_of(r.text, "slug"), "Slug sudah dipakai.")
        self.assertEqual(value_of(r.text, "name"), "Banjir Cilegon Baru")
        self.assertEqual(one("SELECT name, slug FROM tags WHERE id = ?",
                             (second["id"],)),
                         {"name": "Banjir Cilegon", "slug": "banjir-cilegon"})
        # A proper edit.
        r = self.ed.post(path, {"name": "Banjir di Cilegon",
                                "slug": "banjir-cilegon-2024"})
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), path + "?ok=saved")
        page = self.ed.get(path + "?ok=saved")
        self.assertIn("Perubahan tersimpan.", page.text)
        self.assertEqual(value_of(page.text, "slug"), "banjir-cilegon-2024")
        W.add_article("banjir-cilegon-berita", "Banjir di Cilegon",
                      tags=["banjir-cilegon-2024"])
        self.assertEqual(H.fetch(W.port, "/tag/banjir-cilegon").status, 404)
        self.assertEqual(H.fetch(W.port, "/tag/banjir-cilegon-2024").status,
                         200)
        self.assertEqual(len(audit_rows("tag.update",
                                        "%banjir-cilegon-2024%")), 1)
        self.assertEqual(first["slug"], "banjir-serang")
        self.assertEqual(self.ed.get("/admin/tags/999999").status, 404)
        self.assertEqual(self.ed.get("/admin/tags/abc").status, 404)
        self.assertEqual(self.ed.get("/admin/tags/01").status, 404)

    def test_author_initials(self):
        before = counts()
        r = self.ed.post("/admin/authors", {"name": "Dedi Kurnia",
                                            "initials": ""})
        self.assertEqual(r.status, 400)
        self.assertEqual(error_of(r.text, "initials"),
                         "Inisial wajib diisi, 1 sampai 8 karakter.")
        self.assertEqual(value_of(r.text, "name"), "Dedi Kurnia")
        r = self.ed.post("/admin/authors", {"name": "Dedi Kurnia",
                                            "initials": "ABCDEFGHI"})
        self.assertEqual(r.status, 400)
        self.assertEqual(value_of(r.text, "initials"), "ABCDEFGHI")
        self.assertEqual(counts(), before)
        r = self.ed.post("/admin/authors", {"name": "Dedi Kurnia",
                                            "initials": "dkr",
                                            "description": "Di Pandeglang."})
        self.assertEqual(r.status, 303)
        row = one("SELECT * FROM authors WHERE slug = 'dedi-kurnia'")
        self.assertEqual((row["initials"], row["bio"]),
                         ("dkr", "Di Pandeglang."))
        self.assertEqual(H.fetch(W.port, "/penulis/dedi-kurnia").status, 404)
        W.add_article("tulisan-dedi-kurnia", "Tulisan pertama Dedi",
                      authors=["dedi-kurnia"])
        pub = H.fetch(W.port, "/penulis/dedi-kurnia")
        self.assertEqual(pub.status, 200)
        self.assertIn("Dedi Kurnia", pub.text)

    def test_in_use_cannot_be_deleted(self):
        used = {
            "sections": one("SELECT s.id, s.slug FROM sections s WHERE "
                            "EXISTS (SELECT 1 FROM articles a WHERE "
                            "a.section_id = s.id) LIMIT 1"),
            "tags": one("SELECT t.id, t.slug FROM tags t WHERE EXISTS "
                        "(SELECT 1 FROM article_tags x WHERE x.tag_id = "
                        "t.id) LIMIT 1"),
            "authors": one("SELECT au.id, au.slug FROM authors au WHERE "
                           "EXISTS (SELECT 1 FROM article_authors x WHERE "
                           "x.author_id = au.id) LIMIT 1"),
        }
        for table, row in used.items():
            self.assertIsNotNone(row, "the demo has a used one in " + table)
            page = self.ed.get("/admin/%s/%d" % (table, row["id"]))
            self.assertEqual(page.status, 200)
            self.assertNotIn("/delete", page.text)
            r = self.ed.post("/admin/%s/%d/delete" % (table, row["id"]))
            self.assertEqual(r.status, 409, table)
            self.assertIn("Tidak dapat dihapus", r.text)
            self.assertIsNotNone(one("SELECT 1 FROM " + table +
                                     " WHERE id = ?", (row["id"],)))
        # An unused one goes, with an audit row.
        r = self.ed.post("/admin/sections", {"name": "Sementara"})
        self.assertEqual(r.status, 303)
        sid = one("SELECT id FROM sections WHERE slug = 'sementara'")["id"]
        page = self.ed.get("/admin/sections/%d" % sid)
        self.assertIn('action="/admin/sections/%d/delete"' % sid, page.text)
        r = self.ed.post("/admin/sections/%d/delete" % sid)
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), "/admin/sections?ok=deleted")
        self.assertIsNone(one("SELECT 1 FROM sections WHERE id = ?", (sid,)))
        self.assertEqual(H.fetch(W.port, "/kanal/sementara").status, 404)
        self.assertEqual(len(audit_rows("section.delete", "%sementara%")), 1)
        r = self.ed.post("/admin/sections/%d/delete" % sid)
        self.assertEqual(r.status, 404)
        # Delete answers POST only: a GET is told so, and deletes nothing.
        path = "/admin/sections/%d/delete" % used["sections"]["id"]
        self.assertEqual(self.ed.get(path).status, 405)
        self.assertIsNotNone(one("SELECT 1 FROM sections WHERE id = ?",
                                 (used["sections"]["id"],)))

    def test_author_linked_to_account_cannot_be_deleted(self):
        r = self.ed.post("/admin/authors", {"name": "Penulis Akun",
                                            "initials": "pa"})
        self.assertEqual(r.status, 303)
        aid = one("SELECT id FROM authors WHERE slug = 'penulis-akun'")["id"]
        with W.db() as c:
            c.execute("UPDATE users SET author_id = ? WHERE email = ?",
                      (aid, TARGET[0]))
        try:
            r = self.ed.post("/admin/authors/%d/delete" % aid)
            self.assertEqual(r.status, 409)
            self.assertIsNotNone(one("SELECT 1 FROM authors WHERE id = ?",
                                     (aid,)))
        finally:
            with W.db() as c:
                c.execute("UPDATE users SET author_id = NULL WHERE "
                          "email = ?", (TARGET[0],))

    def test_pages_by_slug(self):
        for i in range(55):
            r = self.ed.post("/admin/tags", {"name": "Halaman %02d" % i})
            self.assertEqual(r.status, 303)
        expected = [r["slug"] for r in q("SELECT slug FROM tags "
                                         "ORDER BY slug")]
        seen, path, pages = [], "/admin/tags", 0
        while path:
            page = self.ed.get(path)
            self.assertEqual(page.status, 200)
            seen += re.findall(r'<td><a href="/tag/([^"]+)">', page.text)
            path = H.next_link(page.text)
            pages += 1
        self.assertEqual(seen, expected)
        self.assertGreaterEqual(pages, 2)
        self.assertEqual(self.ed.get("/admin/tags?setelah=Bukan%20Slug")
                         .status, 400)


class Permissions(unittest.TestCase):
    def test_reporter_gets_403(self):
        rep = signed_in(REPORTER)
        for path in ("/admin/sections", "/admin/tags", "/admin/authors",
                     "/admin/sections/1", "/admin/tags/1",
                     "/admin/authors/1", "/admin/users", "/admin/users/new",
                     "/admin/users/1", "/admin/settings", "/admin/audit"):
            self.assertEqual(rep.get(path).status, 403, path)
        before = counts()
        for path, fields in (
                ("/admin/sections", {"name": "Kanal Reporter"}),
                ("/admin/tags", {"name": "Tag Reporter"}),
                ("/admin/authors", {"name": "Penulis Reporter",
                                    "initials": "pr"}),
                ("/admin/sections/1", {"name": "Diubah Reporter"}),
                ("/admin/sections/1/delete", {}),
                ("/admin/users/new", {"email": "x@kelola.test",
                                      "name": "X", "role": "admin"}),
                ("/admin/settings", {"site_name": "Milik Reporter"})):
            r = rep.post(path, fields)
            self.assertEqual(r.status, 403, path)
        self.assertEqual(counts(), before)
        self.assertNotEqual(one("SELECT name FROM sections WHERE id = 1")
                            ["name"], "Diubah Reporter")

    def test_editor_cannot_manage_accounts_or_settings(self):
        ed = signed_in(EDITOR)
        for path in ("/admin/users", "/admin/users/new",
                     "/admin/users/%d" % IDS[TARGET[0]], "/admin/settings",
                     "/admin/audit"):
            self.assertEqual(ed.get(path).status, 403, path)
        # The menu offers what the role may do, and no more.
        home = ed.get("/admin").text
        self.assertIn('href="/admin/sections"', home)
        self.assertNotIn('href="/admin/users"', home)
        self.assertNotIn('href="/admin/settings"', home)
        before = counts()
        target = IDS[TARGET[0]]
        for path, fields in (
                ("/admin/users/new", {"email": "y@kelola.test", "name": "Y",
                                      "role": "admin",
                                      "password": "kata-sandi-yyy"}),
                ("/admin/users/%d" % target, {"email": TARGET[0],
                                              "name": "Diubah",
                                              "role": "admin"}),
                ("/admin/users/%d/disable" % target, {}),
                ("/admin/users/%d/password" % target,
                 {"password": "kata-sandi-baru"}),
                ("/admin/settings", {"site_name": "Milik Redaktur",
                                     "tagline": "",
                                     "base_url": W.base_url,
                                     "timezone": "Asia/Jakarta",
                                     "language": "id"})):
            self.assertEqual(ed.post(path, fields).status, 403, path)
        self.assertEqual(counts(), before)
        row = one("SELECT * FROM users WHERE id = ?", (target,))
        self.assertEqual((row["role"], row["disabled"], row["name"]),
                         ("reporter", 0, TARGET[1]))

    def test_signed_out_is_sent_to_sign_in(self):
        r = H.fetch(W.port, "/admin/sections")
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("Location").startswith("/admin/login"))
        before = counts()
        r = H.fetch(W.port, "/admin/sections", method="POST",
                    body=b"name=Anonim",
                    headers={"Content-Type":
                             "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 403)
        self.assertEqual(counts(), before)

    def test_csrf_less_post_changes_nothing(self):
        ed = signed_in(EDITOR)
        adm = signed_in(ADMIN)
        before = counts()
        name_before = W.site_name()
        for b, path, fields in (
                (ed, "/admin/sections", {"name": "Tanpa Token"}),
                (ed, "/admin/tags", {"name": "Tanpa Token"}),
                (ed, "/admin/sections/1", {"name": "Tanpa Token"}),
                (adm, "/admin/settings", {"site_name": "Tanpa Token",
                                          "tagline": "",
                                          "base_url": W.base_url,
                                          "timezone": "Asia/Jakarta",
                                          "language": "id"}),
                (adm, "/admin/users/%d/disable" % IDS[TARGET[0]], {})):
            self.assertEqual(b.post(path, fields, csrf=False).status, 403)
            self.assertEqual(b.post(path, fields, csrf="A" * 43).status,
                             403)
            # The other account's token is no better.
            other = adm if b is ed else ed
            self.assertEqual(b.post(path, fields, csrf=other.csrf).status,
                             403)
            # A forged form from another site.
            self.assertEqual(b.post(path, fields, headers={
                "Origin": "http://evil.example"}).status, 403)
        self.assertEqual(counts(), before)
        self.assertEqual(W.site_name(), name_before)
        self.assertEqual(one("SELECT disabled FROM users WHERE id = ?",
                             (IDS[TARGET[0]],))["disabled"], 0)


class Settings(unittest.TestCase):
    def test_admin_changes_site_name(self):
        adm = signed_in(ADMIN)
        page = adm.get("/admin/settings")
        self.assertEqual(page.status, 200)
        self.assertEqual(value_of(page.text, "site_name"), W.site_name())
        self.assertEqual(value_of(page.text, "base_url"), W.base_url)
        name = "Kabar <Banten> & \"Sekitar\""
        fields = {"site_name": name, "tagline": "Dari Serang untuk semua",
                  "base_url": W.base_url + "/", "timezone": "Asia/Jakarta",
                  "language": "id"}
        r = adm.post("/admin/settings", fields)
        self.assertEqual(r.status, 303, r.text[:800])
        self.assertEqual(r.header("Location"),
                         "/admin/settings?ok=settings")
        self.assertEqual(W.site_name(), name)
        # The public site shows it on the next request, escaped.
        home = H.fetch(W.port, "/")
        self.assertIn(H.esc(name), home.text)
        self.assertNotIn("<Banten>", home.text)
        self.assertIn("Dari Serang untuk semua", home.text)
        self.assertEqual(one("SELECT value FROM settings WHERE key = "
                             "'base_url'")["value"], W.base_url)
        rows = audit_rows("settings.update")
        self.assertTrue(rows)
        self.assertEqual(rows[-1]["detail"], "site_name, tagline")
        self.assertEqual(rows[-1]["user_id"], IDS[ADMIN[0]])
        # Saving the same values again audits nothing.
        n = len(audit_rows("settings.update"))
        fields["base_url"] = W.base_url
        self.assertEqual(adm.post("/admin/settings", fields).status, 303)
        self.assertEqual(len(audit_rows("settings.update")), n)

    def test_bad_settings_change_nothing(self):
        adm = signed_in(ADMIN)
        before = q("SELECT * FROM settings ORDER BY key")
        audit_before = counts()["audit_log"]
        r = adm.post("/admin/settings", {
            "site_name": "Nama Baru Yang Sah", "tagline": "x" * 201,
            "base_url": "javascript:alert(1)", "timezone": "Europe/Paris",
            "language": "fr"})
        self.assertEqual(r.status, 400)
        for f in ("tagline", "base-url", "timezone", "language"):
            self.assertIsNotNone(error_of(r.text, f), f)
        self.assertIsNone(error_of(r.text, "site-name"))
        self.assertEqual(value_of(r.text, "site_name"), "Nama Baru Yang Sah")
        self.assertEqual(value_of(r.text, "base_url"),
                         "javascript:alert(1)")
        self.assertEqual(q("SELECT * FROM settings ORDER BY key"), before)
        self.assertEqual(counts()["audit_log"], audit_before)
        for bad in ("", "x" * 101, "dua\nbaris", "tab\tdi nama"):
            r = adm.post("/admin/settings", {
                "site_name": bad, "tagline": "", "base_url": W.base_url,
                "timezone": "Asia/Jakarta", "language": "id"})
            self.assertEqual(r.status, 400, repr(bad))
            self.assertIsNotNone(error_of(r.text, "site-name"))
        self.assertEqual(q("SELECT * FROM settings ORDER BY key"), before)

    def test_time_zone_and_language(self):
        adm = signed_in(ADMIN)
        name = W.site_name()
        try:
            r = adm.post("/admin/settings", {
                "site_name": name, "tagline": "", "base_url": W.base_url,
                "timezone": "Asia/Jayapura", "language": "en"})
            self.assertEqual(r.status, 303)
            page = adm.get("/admin/settings")
            self.assertRegex(page.text,
                             r'<option value="Asia/Jayapura" selected>')
            self.assertRegex(page.text, r'<option value="en" selected>')
            self.assertIn('<html lang="en">', H.fetch(W.port, "/").text)
            # The audit page shows times in the new zone.
            self.assertIn(" WIT</time>", adm.get("/admin/audit").text)
        finally:
            r = adm.post("/admin/settings", {
                "site_name": name, "tagline": "", "base_url": W.base_url,
                "timezone": "Asia/Jakarta", "language": "id"})
            self.assertEqual(r.status, 303)


class Accounts(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.adm = signed_in(ADMIN)

    def test_create_account_and_sign_in(self):
        pw = "sandi-rahasia-baru-1"
        author = one("SELECT id, name FROM authors ORDER BY id LIMIT 1")
        r = self.adm.post("/admin/users/new", {
            "email": "Baru@Kelola.test", "name": "Budi Baru",
            "role": "editor", "author_id": str(author["id"]),
            "password": pw})
        self.assertEqual(r.status, 303, r.text[:1000])
        row = one("SELECT * FROM users WHERE email = 'Baru@Kelola.test'")
        self.assertEqual(r.header("Location"),
                         "/admin/users/%d?ok=user_added" % row["id"])
        self.assertEqual((row["name"], row["role"], row["author_id"]),
                         ("Budi Baru", "editor", author["id"]))
        self.assertTrue(row["password_hash"].startswith("$argon2id$"))
        self.assertNotIn(pw, row["password_hash"])
        self.assertEqual(len(audit_rows("user.add", "Baru@Kelola.test%")),
                         1)
        page = self.adm.get(r.header("Location"))
        self.assertIn("Akun dibuat.", page.text)
        lst = self.adm.get("/admin/users").text
        self.assertIn("Budi Baru", lst)
        self.assertIn(H.esc(author["name"]), lst)
        b = H.Browser(W.port)
        self.assertEqual(b.login("baru@kelola.test", pw).status, 303)
        self.assertEqual(b.get("/admin/sections").status, 200)
        self.assertNotIn(pw, W.stderr())

    def test_random_password_shown_once(self):
        r = self.adm.post("/admin/users/new", {
            "email": "acak@kelola.test", "name": "Acak", "role": "reporter",
            "author_id": "", "password": ""})
        self.assertEqual(r.status, 200, r.text[:1000])
        m = re.search(r"<code>([^<]+)</code>", r.text)
        self.assertIsNotNone(m)
        pw = m.group(1)
        self.assertEqual(len(pw), 16)
        uid = one("SELECT id FROM users WHERE email = 'acak@kelola.test'")
        self.assertIsNotNone(uid)
        self.assertNotIn(pw, self.adm.get("/admin/users/%d" %
                                          uid["id"]).text)
        self.assertEqual(H.Browser(W.port).login("acak@kelola.test",
                                                 pw).status, 303)
        self.assertNotIn(pw, W.stderr())

    def test_account_validation(self):
        before = counts()
        r = self.adm.post("/admin/users/new", {
            "email": "bukan-email", "name": "", "role": "raja",
            "author_id": "abc", "password": "pendek"})
        self.assertEqual(r.status, 400)
        for f in ("email", "name", "role", "author", "password"):
            self.assertIsNotNone(error_of(r.text, f), f)
        self.assertEqual(error_of(r.text, "password"),
                         "Kata sandi minimal 10 karakter (paling banyak "
                         "1024 byte).")
        self.assertEqual(value_of(r.text, "email"), "bukan-email")
        # The typed password is never sent back.
        self.assertNotIn("pendek", r.text)
        r = self.adm.post("/admin/users/new", {
            "email": EDITOR[0].upper(), "name": "Kembar", "role": "editor",
            "password": "kata-sandi-kembar"})
        self.assertEqual(r.status, 409)
        self.assertEqual(error_of(r.text, "email"),
                         "Email sudah dipakai akun lain.")
        r = self.adm.post("/admin/users/new", {
            "email": "hilang@kelola.test", "name": "Hilang",
            "role": "editor", "author_id": "999999",
            "password": "kata-sandi-hilang"})
        self.assertEqual(r.status, 400)
        self.assertEqual(error_of(r.text, "author"),
                         "Penulis tidak ditemukan.")
        self.assertEqual(counts(), before)

    def test_edit_role_and_not_own(self):
        r = self.adm.post("/admin/users/new", {
            "email": "peran@kelola.test", "name": "Peran", "role": "reporter",
            "password": "kata-sandi-peran"})
        self.assertEqual(r.status, 303)
        uid = one("SELECT id FROM users WHERE email = 'peran@kelola.test'")[
            "id"]
        r = self.adm.post("/admin/users/%d" % uid, {
            "email": "peran@kelola.test", "name": "Peran Naik",
            "role": "editor", "author_id": ""})
        self.assertEqual(r.status, 303)
        self.assertEqual(one("SELECT role, name FROM users WHERE id = ?",
                             (uid,)),
                         {"role": "editor", "name": "Peran Naik"})
        self.assertTrue(audit_rows("user.update", "peran@kelola.test%"))
        me = IDS[ADMIN[0]]
        r = self.adm.post("/admin/users/%d" % me, {
            "email": ADMIN[0], "name": ADMIN[1], "role": "editor"})
        self.assertEqual(r.status, 400)
        self.assertIsNotNone(error_of(r.text, "role"))
        self.assertEqual(one("SELECT role FROM users WHERE id = ?",
                             (me,))["role"], "admin")
        self.assertEqual(self.adm.get("/admin/users/999999").status, 404)

    def test_disable_ends_sessions(self):
        me = IDS[ADMIN[0]]
        r = self.adm.post("/admin/users/%d/disable" % me)
        self.assertEqual(r.status, 403)
        self.assertIn("tidak dapat menonaktifkan akun Anda sendiri",
                      r.text)
        self.assertEqual(one("SELECT disabled FROM users WHERE id = ?",
                             (me,))["disabled"], 0)
        self.assertEqual(self.adm.get("/admin").status, 200)

        r = self.adm.post("/admin/users/new", {
            "email": "nonaktif@kelola.test", "name": "Nonaktif",
            "role": "reporter", "password": "kata-sandi-nonaktif"})
        self.assertEqual(r.status, 303)
        uid = one("SELECT id FROM users WHERE email = "
                  "'nonaktif@kelola.test'")["id"]
        victim = H.Browser(W.port)
        self.assertEqual(victim.login("nonaktif@kelola.test",
                                      "kata-sandi-nonaktif").status, 303)
        self.assertEqual(victim.get("/admin").status, 200)
        r = self.adm.post("/admin/users/%d/disable" % uid)
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"),
                         "/admin/users/%d?ok=user_disabled" % uid)
        self.assertEqual(one("SELECT disabled FROM users WHERE id = ?",
                             (uid,))["disabled"], 1)
        self.assertEqual(one("SELECT count(*) AS n FROM sessions WHERE "
                             "user_id = ?", (uid,))["n"], 0)
        self.assertEqual(victim.get("/admin").status, 303)
        self.assertNotEqual(H.Browser(W.port).login(
            "nonaktif@kelola.test", "kata-sandi-nonaktif").status, 303)
        self.assertTrue(audit_rows("user.disable", "nonaktif@kelola.test"))
        r = self.adm.post("/admin/users/%d/enable" % uid)
        self.assertEqual(r.status, 303)
        self.assertEqual(one("SELECT disabled FROM users WHERE id = ?",
                             (uid,))["disabled"], 0)
        self.assertEqual(H.Browser(W.port).login(
            "nonaktif@kelola.test", "kata-sandi-nonaktif").status, 303)

    def test_reset_password(self):
        target = IDS[TARGET[0]]
        victim = signed_in(TARGET)
        r = self.adm.post("/admin/users/%d/password" % target,
                          {"password": "pendek"})
        self.assertEqual(r.status, 400)
        self.assertIsNotNone(error_of(r.text, "newpass"))
        self.assertEqual(victim.get("/admin").status, 200)
        new = "kata-sandi-sari-baru"
        r = self.adm.post("/admin/users/%d/password" % target,
                          {"password": new})
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"),
                         "/admin/users/%d?ok=password" % target)
        self.assertEqual(victim.get("/admin").status, 303)
        self.assertNotEqual(H.Browser(W.port).login(TARGET[0],
                                                    TARGET[3]).status, 303)
        self.assertEqual(H.Browser(W.port).login(TARGET[0], new).status,
                         303)
        self.assertTrue(audit_rows("user.passwd", TARGET[0]))
        self.assertNotIn(new, W.stderr())
        with W.db() as c:
            for r in c.execute("SELECT detail FROM audit_log"):
                self.assertNotIn(new, r[0])
        # Put it back for the other tests.
        r = self.adm.post("/admin/users/%d/password" % target,
                          {"password": TARGET[3]})
        self.assertEqual(r.status, 303)


class Audit(unittest.TestCase):
    def test_lists_changes_with_filters_and_pages(self):
        adm = signed_in(ADMIN)
        ed = signed_in(EDITOR)
        r = ed.post("/admin/tags", {"name": "Jejak <Audit>"})
        self.assertEqual(r.status, 303)
        art = one("SELECT id, title FROM articles ORDER BY id LIMIT 1")
        with W.db() as c:
            c.execute("INSERT INTO audit_log (user_id, action, article_id, "
                      "detail, addr, created_at) VALUES (?, "
                      "'article.publish', ?, 'terbit', '10.1.2.3', "
                      "1732159800)", (IDS[EDITOR[0]], art["id"]))
            c.execute("INSERT INTO audit_log (user_id, action, article_id, "
                      "detail, addr, created_at) VALUES (NULL, "
                      "'article.delete', 987654, '', '', 1732159801)")
        page = adm.get("/admin/audit")
        self.assertEqual(page.status, 200)
        text = page.text
        self.assertIn("<code>tag.add</code>", text)
        self.assertIn(H.esc("Jejak <Audit> (jejak-audit)"), text)
        self.assertNotIn("<Audit>", text)
        self.assertIn('href="/admin/articles/%d/edit">%s</a>' %
                      (art["id"], H.esc(art["title"])), text)
        self.assertIn("#987654 (dihapus)", text)
        # 2024-11-21 03:30:00 UTC is 10:30:00 WIB.
        self.assertIn("21/11/2024 10:30:00 WIB", text)
        self.assertIn("10.1.2.3", text)
        self.assertIn(H.esc(EDITOR[1]), text)

        f = adm.get("/admin/audit?aksi=tag.add").text
        acts = re.findall(r"<code>([^<]+)</code>", f)
        self.assertTrue(acts)
        self.assertEqual(set(acts), {"tag.add"})
        f = adm.get("/admin/audit?pengguna=%d" % IDS[EDITOR[0]]).text
        self.assertNotIn(">%s</a>" % H.esc(ADMIN[1]), f)
        self.assertIn(">%s</a>" % H.esc(EDITOR[1]), f)
        f = adm.get("/admin/audit?pengguna=%d&aksi=article.publish" %
                    IDS[EDITOR[0]]).text
        self.assertEqual(re.findall(r"<code>([^<]+)</code>", f),
                         ["article.publish"])
        hostile = adm.get("/admin/audit?aksi=%3Cscript%3E%22%27")
        self.assertEqual(hostile.status, 200)
        self.assertNotIn("<script>", hostile.text)
        self.assertIn("Belum ada catatan yang cocok", hostile.text)

        # Walk every page by keyset: each row once, newest first.
        with W.db() as c:
            c.executemany("INSERT INTO audit_log (action, detail, "
                          "created_at) VALUES ('uji.halaman', ?, 1)",
                          [("baris %d" % i,) for i in range(120)])
        expected = [r["id"] for r in q("SELECT id FROM audit_log "
                                       "ORDER BY id DESC")]
        seen, path = [], "/admin/audit"
        while path:
            p = adm.get(path)
            self.assertEqual(p.status, 200)
            seen += [int(x) for x in re.findall(
                r'<tr data-id="(\d+)">', p.text)]
            path = H.next_link(p.text)
        self.assertEqual(seen, expected)
        filt, path = [], "/admin/audit?aksi=uji.halaman"
        while path:
            p = adm.get(path)
            filt += re.findall(r"<code>([^<]+)</code>", p.text)
            path = H.next_link(p.text)
            self.assertTrue(path is None or "aksi=uji.halaman" in path)
        self.assertEqual(filt, ["uji.halaman"] * 120)
        for bad in ("?sebelum=abc", "?sebelum=-1", "?pengguna=x",
                    "?aksi=" + "a" * 101):
            self.assertEqual(adm.get("/admin/audit" + bad).status, 400, bad)


class Hostile(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ed = signed_in(EDITOR)

    def test_markup_is_escaped(self):
        name = "<script>alert('x')</script> \"kutip\""
        r = self.ed.post("/admin/tags", {"name": name,
                                         "description": "<b>tebal</b>"})
        self.assertEqual(r.status, 303)
        row = one("SELECT * FROM tags WHERE name = ?", (name,))
        self.assertEqual(row["slug"], "script-alert-x-script-kutip")
        # A public story carries it, so that it has a public page.
        W.add_article("berita-tag-jahat", "Berita bertag jahat",
                      tags=[row["slug"]])
        for page in (self.ed.get("/admin/tags?setelah=script-alert"),
                     self.ed.get("/admin/tags/%d" % row["id"]),
                     H.fetch(W.port, "/tag/" + row["slug"])):
            self.assertEqual(page.status, 200)
            self.assertNotIn("<script>alert", page.text)
            self.assertNotIn("<b>tebal</b>", page.text)
            self.assertIn(H.esc(name), page.text)

    def test_overlong_and_malformed_refused(self):
        before = counts()
        cases = [
            ({"name": "a" * 101}, "name"),
            ({"name": "nama", "description": "d" * 1001}, "description"),
            ({"name": "dua\nbaris"}, "name"),
            ({"name": "nama", "slug": "Huruf Besar"}, "slug"),
            ({"name": "nama", "slug": "a\"b'c"}, "slug"),
            ({"name": "nama", "slug": "s" * 101}, "slug"),
            ({"name": "!!!"}, "slug"),
            ({"name": "nama", "position": "abc"}, "position"),
            ({"name": "nama", "position": "10000"}, "position"),
            ({"name": "nama", "position": "-1"}, "position"),
        ]
        for fields, field in cases:
            r = self.ed.post("/admin/sections", fields)
            self.assertEqual(r.status, 400, fields)
            self.assertIsNotNone(error_of(r.text, field), (fields, field))
        # The form parser refuses control bytes before any handler runs.
        r = self.ed.post("/admin/sections", {"name": "kontrol\x01"})
        self.assertEqual(r.status, 400)
        # Exactly at the limits is fine: 100 characters of two bytes.
        r = self.ed.post("/admin/tags", {"name": "é" * 100})
        self.assertEqual(r.status, 303)
        self.assertEqual(one("SELECT count(*) AS n FROM tags WHERE name = ?",
                             ("é" * 100,))["n"], 1)
        after = counts()
        after["tags"] -= 1
        after["audit_log"] -= 1
        self.assertEqual(after, before)

    def test_malformed_bodies(self):
        before = counts()
        body = ("name=bad%FF&csrf=" + self.ed.csrf).encode()
        r = self.ed.request("POST", "/admin/tags", body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 400)
        r = self.ed.post("/admin/tags", {"name": "x" * (300 * 1024)})
        self.assertEqual(r.status, 413)
        self.assertEqual(counts(), before)
        self.assertTrue(W.alive())


if __name__ == "__main__":
    unittest.main(verbosity=2)
