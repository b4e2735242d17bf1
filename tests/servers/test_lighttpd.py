"""test_lighttpd.py - warta behind a real lighttpd, by mod_cgi (the
two-line wrapper script) and by mod_fastcgi (`warta serve --fastcgi` on a
Unix socket), mounted at the host's root and at /berita in the same
server: a crawl of reader and admin pages finds no link escaping its mount
point, and requests, HEAD, static files, hostile targets and bodies get
the answers they get from the embedded server."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import servers as S  # noqa: E402
from servers import H, PREFIX  # noqa: E402


class Base(S.Checks):
    mode = None

    @classmethod
    def setUpClass(cls):
        port = H.free_port()
        cls.warta = S.make_warta("lighttpd-" + cls.mode, port)
        try:
            socks = None
            if cls.mode == "fastcgi":
                cls.second = S.start_fastcgi(cls.warta, tcp=False)
                socks = (cls.warta.sock, cls.second.sock)
            cls.server = S.lighttpd(cls.warta, port, cls.mode,
                                    socks).start()
        except Exception:
            cls.warta.kill()
            if getattr(cls, "second", None):
                cls.second.kill()
            cls.warta.cleanup()
            raise

    @classmethod
    def tearDownClass(cls):
        problems = cls.server.stop()
        if cls.mode == "fastcgi":
            problems += cls.warta.stop() + cls.second.stop()
        if problems:
            raise AssertionError("\n".join(problems))
        cls.warta.cleanup()

    def test_root_crawl(self):
        self.check_crawl("", 40)

    def test_prefix_crawl(self):
        self.check_crawl(PREFIX, 40)

    def test_root_admin(self):
        self.check_admin("")

    def test_prefix_admin(self):
        self.check_admin(PREFIX)

    def test_root_requests(self):
        self.check_requests("")

    def test_prefix_requests(self):
        self.check_requests(PREFIX)


class Cgi(Base, unittest.TestCase):
    mode = "cgi"


class FastCgi(Base, unittest.TestCase):
    mode = "fastcgi"


if __name__ == "__main__":
    unittest.main()
