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


class Base(S.Mounted):
    name = "lighttpd"
    make_server = staticmethod(S.lighttpd)
    tcp = False


class Cgi(Base, unittest.TestCase):
    mode = "cgi"


class FastCgi(Base, unittest.TestCase):
    mode = "fastcgi"


if __name__ == "__main__":
    unittest.main()
