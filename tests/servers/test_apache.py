"""test_apache.py - warta behind a real Apache, by mod_cgid (the bare
warta binary, its settings from SetEnv) and by mod_proxy_fcgi (`warta serve
--fastcgi` on loopback ports, the one below /berita with --prefix), mounted at the host's root and at /berita in the same
server: a crawl of reader and admin pages finds no link escaping its mount
point, and requests, HEAD, static files, hostile targets and bodies get
the answers they get from the embedded server."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import servers as S  # noqa: E402
from servers import PREFIX  # noqa: E402


class Base(S.Mounted):
    name = "apache"
    make_server = staticmethod(S.apache)
    tcp = True

    def test_query_words_are_not_options(self):
        # Apache hands a query without '=' to a CGI program as its
        # arguments: they must never become options of warta.
        for q in ("cgi+--db+/etc/passwd", "serve+--http+127.0.0.1:1",
                  "cgi+--help", "init+--db+/tmp/x"):
            r = self.fetch(PREFIX + "/cari?" + q)
            self.assertEqual(r.status, 200, q)
            self.assertIn("<title>", r.text)


class Cgi(Base, unittest.TestCase):
    mode = "cgi"


class FastCgi(Base, unittest.TestCase):
    mode = "fastcgi"


if __name__ == "__main__":
    unittest.main()
