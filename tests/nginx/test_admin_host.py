"""test_admin_host.py - signing in to the admin through nginx (docs/nginx.conf,
FastCGI) at another host name than the base URL's: nginx passes the
browser's Host as HTTP_HOST, so localhost works as well as 127.0.0.1; a
forged Origin is still refused with the admin's 403 page."""

import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "http"))
import harness as H  # noqa: E402

W = None
NG = None
EDITOR = ("redaktur@nginx.test", "Rina Redaktur", "editor",
          "kata-sandi-nginx-1")


def setUpModule():
    global W, NG
    W = H.Warta("nginx-host", fastcgi=True, http=False, threads=4)
    try:
        W.init()
        H.add_user(W, *EDITOR)
        W.start()
        NG = H.Nginx(W).start()
    except Exception:
        if NG:
            NG.kill()
        W.kill()
        raise


def tearDownModule():
    H.stop_behind_nginx(NG, W)


class SignIn(unittest.TestCase):
    def tearDown(self):
        H.assert_alive_behind_nginx(self, W, NG)

    def login(self, host, origin):
        b = H.Browser(NG.port)
        page = b.get("/admin/login", headers={"Host": host})
        self.assertEqual(page.status, 200)
        return b, b.post("/admin/login", [("email", EDITOR[0]),
                                          ("password", EDITOR[3])],
                         csrf=H.hidden_csrf(page.text),
                         headers={"Host": host, "Origin": origin})

    def test_other_host_name(self):
        host = "localhost:%d" % NG.port
        b, r = self.login(host, "http://" + host)
        self.assertEqual(r.status, 303, r.text[:1500])
        self.assertIn("warta_session", b.cookies)
        self.assertEqual(b.get("/admin", headers={"Host": host}).status, 200)

    def test_forged_origin(self):
        host = "localhost:%d" % NG.port
        for origin in ("http://evil.example", "https://" + host):
            b, r = self.login(host, origin)
            self.assertEqual(r.status, 403, origin)
            self.assertIn("dikirim dari alamat lain", r.text)
            self.assertNotIn("warta_session", b.cookies)


if __name__ == "__main__":
    unittest.main()
