"""test_admin_account.py - signing in at whatever address reaches warta
(localhost as well as 127.0.0.1, the Host header deciding), a forged Origin
still refused with a 403 page that says why, the role refusal explained, a
user's own password change ending their other sessions, and their list of
sessions with each one endable by its owner only."""

import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402

W = None
EDITOR = ("redaktur@akun.test", "Rina Redaktur", "editor", "kata-sandi-rina")
REPORTER = ("wartawan@akun.test", "Wawan Wartawan", "reporter",
            "kata-sandi-wawan")
OTHER = ("lain@akun.test", "Lala Lain", "editor", "kata-sandi-lala")


def setUpModule():
    global W
    W = H.Warta("admin-account")
    try:
        W.init()
        for email, name, role, pw in (EDITOR, REPORTER, OTHER):
            H.add_user(W, email, name, role, pw)
        W.start()
    except Exception:
        W.cleanup()
        raise


def tearDownModule():
    H.stop_warta(W)


def signed_in(who):
    b = H.Browser(W.port)
    r = b.login(who[0], who[3])
    assert r.status == 303, r
    return b


def sessions_of(email):
    return W.rows("SELECT s.id_hash FROM sessions s JOIN users u"
                  " ON u.id = s.user_id WHERE u.email = ?", (email,))


class OtherHostName(unittest.TestCase):
    def login_at(self, host, origin):
        """Signs in as EDITOR through Host: host, the form posted with
        Origin: origin, as a browser at that address does."""
        b = H.Browser(W.port)
        page = b.get("/admin/login", headers={"Host": host})
        self.assertEqual(page.status, 200)
        token = H.hidden_csrf(page.text)
        return b, b.post("/admin/login", [("email", EDITOR[0]),
                                          ("password", EDITOR[3])],
                         csrf=token, headers={"Host": host,
                                              "Origin": origin})

    def test_localhost_signs_in(self):
        # The base URL says 127.0.0.1; the browser is at localhost.
        self.assertIn("127.0.0.1", W.base_url)
        host = "localhost:%d" % W.port
        b, r = self.login_at(host, "http://" + host)
        self.assertEqual(r.status, 303, r.text[:2000])
        self.assertEqual(r.header("Location"), "/admin")
        self.assertIn("warta_session", b.cookies)
        home = b.get("/admin", headers={"Host": host})
        self.assertEqual(home.status, 200)
        # And a state change from there too.
        csrf = H.hidden_csrf(home.text)
        r = b.post("/admin/logout", csrf=csrf,
                   headers={"Host": host, "Origin": "http://" + host})
        self.assertEqual(r.status, 303)
        # The default port may be spelled out in Host, never in Origin.
        b, r = self.login_at("localhost:80", "http://localhost")
        self.assertEqual(r.status, 303, r.text[:2000])

    def test_forged_origin_still_refused(self):
        host = "localhost:%d" % W.port
        before = len(sessions_of(EDITOR[0]))
        for origin in ("http://evil.example", "http://localhost:1",
                       "https://" + host, "null",
                       "http://%s.evil.example" % host):
            b, r = self.login_at(host, origin)
            self.assertEqual(r.status, 403, origin)
            self.assertNotIn("warta_session", b.cookies)
            self.assertIn("dikirim dari alamat lain", r.text)
            self.assertIn("Akses ditolak", r.text)
            self.assertEqual(r.header("Cache-Control"), "no-store")
        self.assertEqual(len(sessions_of(EDITOR[0])), before)

    def test_refusals_say_why(self):
        b = signed_in(EDITOR)
        r = b.post("/admin/logout", csrf="x" * 43)
        self.assertEqual(r.status, 403)
        self.assertIn("Token keamanan formulir tidak cocok", r.text)
        r = H.Browser(W.port).post("/admin/logout", csrf="x" * 43)
        self.assertEqual(r.status, 403)
        self.assertIn("Sesi Anda sudah berakhir", r.text)
        self.assertIn('href="/admin/login"', r.text)
        rep = signed_in(REPORTER)
        r = rep.get("/admin/users")
        self.assertEqual(r.status, 403)
        self.assertIn("Peran Anda (Reporter) tidak mengizinkan", r.text)
        self.assertEqual(r.header("Cache-Control"), "no-store")


class OwnAccount(unittest.TestCase):
    def test_password_change_ends_other_sessions(self):
        who = OTHER
        here, there, third = signed_in(who), signed_in(who), signed_in(who)
        self.assertEqual(len(sessions_of(who[0])), 3)
        page = here.get("/admin/account")
        self.assertEqual(page.status, 200)
        self.assertEqual(page.text.count('name="session"'), 2)
        self.assertEqual(page.text.count("Sesi ini"), 1)
        self.assertIn('href="/admin/account"', page.text)
        # Wrong current password, a mismatch, a short one: nothing.
        for fields, status, msg in (
                ({"current": "salah-salah-salah", "password": "baru-baru-123",
                  "password2": "baru-baru-123"}, 422,
                 "Kata sandi sekarang salah."),
                ({"current": who[3], "password": "baru-baru-123",
                  "password2": "baru-baru-124"}, 422, "tidak sama"),
                ({"current": who[3], "password": "pendek",
                  "password2": "pendek"}, 422, "minimal 10")):
            r = here.post("/admin/account/password", fields)
            self.assertEqual(r.status, status, fields)
            self.assertIn(msg, r.text)
            self.assertEqual(len(sessions_of(who[0])), 3)
        self.assertEqual(there.get("/admin").status, 200)
        r = here.post("/admin/account/password", {
            "current": who[3], "password": "sandi-baru-lala-2",
            "password2": "sandi-baru-lala-2"}, csrf=False)
        self.assertEqual(r.status, 403)
        r = here.post("/admin/account/password", {
            "current": who[3], "password": "sandi-baru-lala-2",
            "password2": "sandi-baru-lala-2"})
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"),
                         "/admin/account?ok=password_own")
        # This session stays; the two others are gone.
        self.assertEqual(len(sessions_of(who[0])), 1)
        self.assertEqual(here.get("/admin").status, 200)
        for gone in (there, third):
            r = gone.get("/admin")
            self.assertEqual(r.status, 303)
        self.assertEqual(H.Browser(W.port).login(who[0], who[3]).status,
                         403)
        self.assertEqual(H.Browser(W.port).login(
            who[0], "sandi-baru-lala-2").status, 303)
        self.assertEqual(len(W.rows(
            "SELECT 1 FROM audit_log WHERE action = 'user.passwd_own'")), 1)

    def test_sessions_listed_and_ended(self):
        who = REPORTER
        mine, other = signed_in(who), signed_in(who)
        page = mine.get("/admin/account")
        self.assertEqual(page.status, 200)
        handles = re.findall(r'name="session" value="([0-9a-f]{16})"',
                             page.text)
        self.assertEqual(len(handles), len(sessions_of(who[0])) - 1)
        # Someone else's handle ends nothing, even with a valid form.
        stranger = signed_in(EDITOR)
        r = stranger.post("/admin/account/sessions/end",
                          {"session": handles[0]})
        self.assertEqual(r.status, 404)
        self.assertEqual(other.get("/admin").status, 200)
        # Its own current session is not ended this way.
        own = [h["id_hash"][:16] for h in sessions_of(who[0])]
        for bad in ("", "zz", "0" * 64):
            r = mine.post("/admin/account/sessions/end", {"session": bad})
            self.assertIn(r.status, (400, 404), bad)
        for h in handles:
            r = mine.post("/admin/account/sessions/end", {"session": h})
            self.assertEqual(r.status, 303)
        self.assertEqual(len(sessions_of(who[0])), 1)
        self.assertIn(sessions_of(who[0])[0]["id_hash"][:16], own)
        self.assertEqual(other.get("/admin").status, 303)
        self.assertEqual(mine.get("/admin").status, 200)
        self.assertIn("Tidak ada sesi lain", mine.get("/admin/account").text)


if __name__ == "__main__":
    unittest.main()
