"""test_tls.py - docs/nginx.conf with docs/nginx-tls.conf included the way
docs/operating.md says (in place of "listen 80;"), against a self-signed
certificate made here with openssl: `nginx -t` accepts it as documented,
and a running nginx speaks TLS with HTTP/2 (ALPN h2 and a SETTINGS frame)
and passes pages, with HTTPS set, to warta over FastCGI."""

import os
import re
import shutil
import socket
import ssl
import struct
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "http"))
import harness as H  # noqa: E402

W = NG = None
CERT = KEY = None


def tls_snippet(listen=None):
    """docs/nginx-tls.conf with the certificate and key replaced (each
    exactly once), and, when listen is given, the IPv4 listen line bound
    to it and the IPv6 one dropped (nothing else listens in the test)."""
    with open(os.path.join(H.SRC, "docs", "nginx-tls.conf")) as f:
        text = f.read()
    subs = [(r"^(ssl_certificate\s+)[^;]+;", CERT + ";"),
            (r"^(ssl_certificate_key\s+)[^;]+;", KEY + ";")]
    if listen:
        subs += [(r"^(listen\s+)443 ssl http2;", listen + " ssl http2;"),
                 (r"^(listen\s+)\[::\]:443 ssl http2;\n", None)]
    for pat, value in subs:
        text, n = re.subn(pat, (lambda m: m.group(1) + value)
                          if value is not None else "", text, flags=re.M)
        if n != 1:
            raise RuntimeError("docs/nginx-tls.conf: expected one match "
                               "of %r, found %d" % (pat, n))
    return text


def site_with_tls(ng, snippet_path):
    """The site config the Nginx harness wrote, with its listen line
    replaced by the include, as docs/operating.md says."""
    path = os.path.join(ng.prefix, "warta.conf")
    with open(path) as f:
        text = f.read()
    text, n = re.subn(r"^\s*listen\s+[^;]+;.*$",
                      "\tinclude %s;" % snippet_path, text, count=1,
                      flags=re.M)
    assert n == 1
    with open(path, "w") as f:
        f.write(text)


def setUpModule():
    global W, NG, CERT, KEY
    W = H.Warta("tls", fastcgi=True, http=False)
    try:
        W.init()
        CERT = os.path.join(W.dir, "cert.pem")
        KEY = os.path.join(W.dir, "key.pem")
        r = subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
             "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
             "-subj", "/CN=127.0.0.1", "-addext",
             "subjectAltName=IP:127.0.0.1", "-keyout", KEY, "-out", CERT],
            capture_output=True, text=True, timeout=60,
            stdin=subprocess.DEVNULL)
        if r.returncode != 0:
            raise RuntimeError("openssl: " + r.stderr)
        W.start()
        NG = H.Nginx(W)
        snippet = os.path.join(NG.prefix, "warta-tls.conf")
        with open(snippet, "w") as f:
            f.write(tls_snippet(listen="127.0.0.1:%d" % NG.port))
        site_with_tls(NG, snippet)
        NG.start()
    except Exception:
        if NG:
            NG.kill()
        W.cleanup()
        raise


def tearDownModule():
    H.stop_behind_nginx(NG, W)


def tls_context(alpn):
    ctx = ssl.create_default_context(cafile=CERT)
    ctx.set_alpn_protocols(alpn)
    return ctx


class Tls(unittest.TestCase):
    def tearDown(self):
        H.assert_alive_behind_nginx(self, W, NG)

    def test_config_as_documented_passes_nginx_t(self):
        """The snippet with only its ADJUST values replaced (port 443
        and [::]:443 as shipped: -t binds nothing)."""
        d = os.path.join(W.dir, "as-documented")
        os.makedirs(d, exist_ok=True)
        # `include fastcgi_params` is relative to the main config.
        shutil.copy(os.path.join(NG.prefix, "fastcgi_params"), d)
        snippet = os.path.join(d, "warta-tls.conf")
        with open(snippet, "w") as f:
            f.write(tls_snippet())
        conf = os.path.join(d, "nginx.conf")
        with open(NG.conf) as f:
            main = f.read()
        site = os.path.join(d, "warta.conf")
        with open(os.path.join(NG.prefix, "warta.conf")) as f:
            text = f.read().replace(os.path.join(NG.prefix,
                                                 "warta-tls.conf"), snippet)
        with open(site, "w") as f:
            f.write(text)
        with open(conf, "w") as f:
            f.write(main.replace(os.path.join(NG.prefix, "warta.conf"),
                                 site))
        r = subprocess.run([H.NGINX, "-p", NG.prefix + "/", "-c", conf,
                            "-e", os.path.join(d, "error.log"), "-t"],
                           capture_output=True, text=True, timeout=30,
                           stdin=subprocess.DEVNULL)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("test is successful", r.stderr)

    def test_alpn_h2_and_settings_frame(self):
        with socket.create_connection(("127.0.0.1", NG.port),
                                      timeout=H.IO_TIMEOUT) as raw:
            with tls_context(["h2", "http/1.1"]).wrap_socket(
                    raw, server_hostname="127.0.0.1") as s:
                self.assertEqual(s.selected_alpn_protocol(), "h2")
                self.assertIn(s.version(), ("TLSv1.2", "TLSv1.3"))
                # The client preface and an empty SETTINGS frame; the
                # server's first frame must be its SETTINGS (type 4).
                s.sendall(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" +
                          struct.pack(">I", 0)[1:] + b"\x04\x00" +
                          struct.pack(">I", 0))
                head = b""
                while len(head) < 9:
                    chunk = s.recv(9 - len(head))
                    self.assertTrue(chunk, "connection closed")
                    head += chunk
                self.assertEqual(head[3], 4, head)

    def fetch(self, path, headers=None):
        import http.client
        conn = http.client.HTTPSConnection(
            "127.0.0.1", NG.port, timeout=H.IO_TIMEOUT,
            context=tls_context(["http/1.1"]))
        try:
            conn.request("GET", path, headers=headers or {})
            r = conn.getresponse()
            return H.Response(r.status, r.msg, r.read())
        finally:
            conn.close()

    def test_pages_through_tls(self):
        r = self.fetch("/")
        self.assertEqual(r.status, 200)
        self.assertTrue(H.has_layout(r.text, W.site_name()), r.text[:300])
        css = self.fetch("/static/warta.css")
        self.assertEqual(css.status, 200)

    def test_monitor_through_nginx_is_never_cached(self):
        for _ in range(3):
            r = self.fetch("/healthz")
            self.assertEqual(r.status, 200)
            self.assertEqual(r.header("Cache-Control"), "no-store")
            self.assertNotEqual(r.header("X-Cache-Status"), "HIT")
            r = self.fetch("/metrics")
            self.assertEqual(r.status, 200)
            self.assertNotEqual(r.header("X-Cache-Status"), "HIT")

    def test_plain_http_to_tls_port_refused(self):
        r = H.raw_request(NG.port, "GET", "/")
        self.assertEqual(r.status, 400)  # nginx: plain HTTP to HTTPS port


if __name__ == "__main__":
    unittest.main(verbosity=2)
