"""servers.py - real web servers from Debian in front of warta, as an
operator would set them up: lighttpd (mod_cgi, mod_fastcgi) and Apache
(mod_cgid, mod_proxy_fcgi), each in its own temp config on a free loopback
port, in the foreground, killed at exit; and the checks every one of them
must pass, at the host's root and below /berita. Fails (never skips) when a
server is missing: scripts/deps test installs them."""

import os
import pwd
import re
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "http"))
import crawl as C  # noqa: E402
import harness as H  # noqa: E402

PREFIX = "/berita"
EDITOR = ("redaktur@uji.test", "Rina Redaktur", "editor", "kata-sandi-rina")
APACHE_MODULES = "/usr/lib/apache2/modules"


def make_warta(name, port):
    """An initialised demo warta whose public address is the server's
    (port), with an editor account and a CGI wrapper script, the two
    lines docs/cgi.md shows."""
    w = H.Warta(name, http=False)
    w.name = name
    w.base_url = "http://127.0.0.1:%d" % port
    try:
        w.init()
        H.add_user(w, *EDITOR)
        os.makedirs(os.path.join(w.dir, "media"))
        w.cgi = os.path.join(w.dir, "warta.cgi")
        with open(w.cgi, "w") as f:
            f.write("#!/bin/sh\nexec %s cgi --db %s --templates %s "
                    "--static %s --media %s\n" %
                    (H.BIN, w.db_path, w.templates, w.static,
                     os.path.join(w.dir, "media")))
        os.chmod(w.cgi, 0o755)
    except Exception:
        w.cleanup()
        raise
    return w


def start_fastcgi(w, tcp):
    """Starts two `warta serve --fastcgi` on w's database: w itself at the
    host's root and a second with --prefix /berita; on Unix sockets (.sock)
    or, when tcp, on loopback ports (.fcgi_port). Returns the second, which
    shares w's directory (w.cleanup() removes both)."""
    second = H.Warta(w.name + "-prefix", http=False)
    shutil.rmtree(second.dir)
    second.dir = w.dir
    second.db_path = w.db_path
    second.static = w.static
    second.stderr_path = os.path.join(w.dir, "warta-prefix.stderr")
    second.extra_args = ["--prefix", PREFIX]
    for x, n in ((w, "root"), (second, "prefix")):
        if tcp:
            x.fcgi_port = H.free_port()
            x.extra_args = x.extra_args + [
                "--fastcgi", "127.0.0.1:%d" % x.fcgi_port]
        else:
            x.sock = os.path.join(w.dir, "warta-%s.sock" % n)
        x.start()
        deadline = time.monotonic() + H.START_TIMEOUT
        while tcp:
            try:
                H.socket.create_connection(("127.0.0.1", x.fcgi_port),
                                           timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or not x.alive():
                    raise RuntimeError("warta --fastcgi did not start:\n"
                                       + x.stderr())
                time.sleep(0.05)
    return second


def give_to(user, path):
    """Hands path (recursively) to user when we are root, so that a
    server that will not run its children as root (Apache) can read and
    write the database."""
    if os.geteuid() != 0:
        return
    pw = pwd.getpwnam(user)
    for d, dirs, files in os.walk(path):
        for n in [d] + [os.path.join(d, x) for x in dirs + files]:
            os.lchown(n, pw.pw_uid, pw.pw_gid)


class Server:
    """A web server process in dir with config conf, answering on
    port."""

    def __init__(self, name, argv, dir, port, error_log):
        self.name = name
        self.argv = argv
        self.dir = dir
        self.port = port
        self.error_log_path = error_log
        self.proc = None

    def start(self):
        if not os.path.exists(self.argv[0]):
            raise RuntimeError("%s is not installed (scripts/deps test "
                               "installs it)" % self.argv[0])
        self.out = open(os.path.join(self.dir, "stdout"), "wb")
        self.proc = H._spawn(self.argv, stdout=self.out, stderr=self.out,
                             cwd=self.dir)
        deadline = time.monotonic() + H.START_TIMEOUT
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError("%s exited with %d:\n%s" %
                                   (self.name, self.proc.returncode,
                                    self.log()))
            try:
                H.socket.create_connection(("127.0.0.1", self.port),
                                           timeout=1).close()
                return self
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.kill()
                raise RuntimeError("%s did not answer within %ss:\n%s" %
                                   (self.name, H.START_TIMEOUT, self.log()))
            time.sleep(0.05)

    def log(self):
        out = ""
        for p in (self.error_log_path, os.path.join(self.dir, "stdout")):
            try:
                with open(p, "rb") as f:
                    out += f.read().decode("utf-8", "replace")
            except OSError:
                pass
        return out

    def stop(self):
        """SIGTERM, bounded wait; returns a list of problems, among them
        any sanitizer report a CGI warta left in the error log."""
        problems = []
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(H.STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                problems.append("%s did not stop" % self.name)
                self.kill()
        if self.proc is not None:
            self.out.close()
        found = H.sanitizer_problems(self.log())
        if found:
            problems.append("%s error log:\n%s" % (self.name,
                                                   self.log()[-6000:]))
        self.proc = None
        return problems

    def kill(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)


def lighttpd(w, port, mode, socks=None):
    """lighttpd serving w at / and at /berita, by CGI (w.cgi, the wrapper)
    or FastCGI to two `warta serve --fastcgi` on Unix sockets (socks: the
    one at the root, the one started with --prefix /berita)."""
    d = os.path.join(w.dir, "lighttpd")
    os.makedirs(os.path.join(d, "root"))
    if mode == "cgi":
        mount = ('server.modules += ("mod_alias", "mod_cgi")\n'
                 'alias.url = ("%s" => "%s", "/" => "%s/")\n'
                 'cgi.assign = (".cgi" => "")\n' %
                 (PREFIX, w.cgi, w.cgi))
    else:
        backend = '(("socket" => "%s", "check-local" => "disable"))'
        mount = ('server.modules += ("mod_fastcgi")\n'
                 'fastcgi.server = ("%s" => %s, "/" => %s)\n' %
                 (PREFIX, backend % socks[1], backend % socks[0]))
    conf = os.path.join(d, "lighttpd.conf")
    with open(conf, "w") as f:
        f.write("# Written by tests/servers/servers.py.\n"
                'server.document-root = "%s/root"\n'
                'server.bind = "127.0.0.1"\n'
                "server.port = %d\n"
                'server.errorlog = "%s/error.log"\n'
                'server.upload-dirs = ("%s")\n'
                "server.max-request-size = 12288\n%s" %
                (d, port, d, d, mount))
    return Server("lighttpd", ["/usr/sbin/lighttpd", "-D", "-f", conf], d,
                  port, os.path.join(d, "error.log"))


def apache(w, port, mode, fcgi_ports=None):
    """Apache serving w at / and at /berita: by mod_cgid, the bare warta
    binary reading its settings from SetEnv (WARTA_DB ...), or by
    mod_proxy_fcgi to two `warta serve --fastcgi` (fcgi_ports: the one at
    the root, the one started with --prefix /berita)."""
    d = os.path.join(w.dir, "apache")
    os.makedirs(d)
    m = APACHE_MODULES
    user = ""
    if os.geteuid() == 0:
        # Apache will not run its workers (nor their CGI children) as
        # root; they run as nobody, who is given the warta directory.
        user = "User nobody\nGroup nogroup\n"
    if mode == "cgi":
        media = os.path.join(w.dir, "media")
        mount = ("LoadModule cgid_module %s/mod_cgid.so\n"
                 "LoadModule env_module %s/mod_env.so\n"
                 "ScriptSock %s/cgid.sock\n"
                 "SetEnv WARTA_DB %s\nSetEnv WARTA_TEMPLATES %s\n"
                 "SetEnv WARTA_STATIC %s\nSetEnv WARTA_MEDIA %s\n"
                 "ScriptAlias %s %s\nScriptAlias / %s/\n"
                 "<Directory %s>\nRequire all granted\n</Directory>\n" %
                 (m, m, d, w.db_path, w.templates, w.static, media,
                  PREFIX, H.BIN, H.BIN, os.path.dirname(H.BIN)))
    else:
        mount = ("LoadModule proxy_module %s/mod_proxy.so\n"
                 "LoadModule proxy_fcgi_module %s/mod_proxy_fcgi.so\n"
                 'ProxyPass "%s/" "fcgi://127.0.0.1:%d/"\n'
                 'ProxyPass "%s" "fcgi://127.0.0.1:%d/"\n'
                 'ProxyPass "/" "fcgi://127.0.0.1:%d/"\n' %
                 (m, m, PREFIX, fcgi_ports[1], PREFIX, fcgi_ports[1],
                  fcgi_ports[0]))
    conf = os.path.join(d, "httpd.conf")
    with open(conf, "w") as f:
        f.write("# Written by tests/servers/servers.py.\n"
                "ServerRoot %s\nServerName 127.0.0.1\n"
                "Listen 127.0.0.1:%d\n"
                "PidFile %s/httpd.pid\nErrorLog %s/error.log\n"
                "LogLevel warn\nDefaultRuntimeDir %s\nMutex file:%s\n"
                "LimitRequestBody 12582912\n%s"
                "LoadModule mpm_event_module %s/mod_mpm_event.so\n"
                "LoadModule authz_core_module %s/mod_authz_core.so\n"
                "LoadModule alias_module %s/mod_alias.so\n%s" %
                (d, port, d, d, d, d, user, m, m, m, mount))
    if mode == "cgi":
        give_to("nobody", w.dir)
    return Server("apache", ["/usr/sbin/apache2", "-f", conf,
                             "-DFOREGROUND"], d, port,
                  os.path.join(d, "error.log"))


class Checks:
    """The checks for one server and mode, mixed into a TestCase whose
    setUpModule sets the module globals the case reads through
    self.site(prefix) and self.server."""

    def fetch(self, path, method="GET", headers=None, body=None):
        return H.fetch(self.server.port, path, method=method,
                       headers=headers, body=body)

    def site(self, prefix):
        return C.Site(lambda m, p, h, b: self.fetch(p, m, h, b), prefix,
                      "http://127.0.0.1:%d" % self.server.port)

    def tearDown(self):
        self.assertIsNone(self.server.proc.poll(),
                          "server died:\n" + self.server.log()[-4000:])

    def check_crawl(self, prefix, limit):
        pages, problems = C.crawl(self.site(prefix), limit=limit)
        self.assertEqual(problems, [])
        paths = list(pages)
        for kind in (r"/kanal/", r"/\d{4}/\d\d/\d\d/", r"/static/",
                     r"/sitemap"):
            self.assertTrue(any(re.search(kind, p) for p in paths),
                            "no %s page among %s" % (kind, paths))

    def check_admin(self, prefix):
        s = self.site(prefix)
        cookie = C.sign_in(self, s, EDITOR[0], EDITOR[3])
        pages, problems = C.crawl(s, starts=("/admin",), headers=cookie,
                                  limit=12, skip=("/admin/logout",))
        self.assertEqual(problems, [])
        self.assertGreater(len(pages), 3)

    def check_requests(self, prefix):
        p = prefix
        r = self.fetch(p + "/")
        self.assertEqual(r.status, 200)
        self.assertIn('<link rel="stylesheet" href="%s/static/warta.css">'
                      % p, r.text)
        self.assertIn('<link rel="canonical" href="http://127.0.0.1:%d%s/">'
                      % (self.server.port, p), r.text)
        # HEAD: the headers of the GET, no body.
        h = self.fetch(p + "/", method="HEAD")
        self.assertEqual(h.status, 200)
        self.assertEqual(h.body, b"")
        # A static file, sent from its descriptor.
        with open(os.path.join(H.SRC, "static", "warta.css"), "rb") as f:
            css = f.read()
        r = self.fetch(p + "/static/warta.css")
        self.assertEqual((r.status, r.body), (200, css))
        self.assertTrue(r.header("Content-Type").startswith("text/css"))
        # Search with a query, and hostile targets: 4xx, never a 500.
        r = self.fetch(p + "/cari?q=pilkada")
        self.assertEqual(r.status, 200)
        # (lighttpd re-encodes a malformed %zz itself; warta's own 400
        # for it is in test_fe_cgi.c and test_hostile.py.)
        for target, want in ((p + "/cari?q=%c3%28", 400),
                             (p + "/cari?q=%00", 400),
                             (p + "/tidak-ada", 404),
                             (p + "/kanal/%3Cscript%3E", 404)):
            r = self.fetch(target)
            self.assertEqual(r.status, want, target)
            self.assertNotIn("<script>", r.text)
        # A method no page takes.
        r = self.fetch(p + "/", method="DELETE")
        self.assertIn(r.status, (405, 403), r.text[:300])
        # A body the server passes on (it takes 12 MB) but past what
        # warta takes (10 MB): warta's 413, before reading it.
        r = self.fetch(p + "/admin/login", method="POST",
                       headers={"Content-Type":
                                "application/x-www-form-urlencoded"},
                       body=b"a=" + b"x" * (10 * 1024 * 1024))
        self.assertEqual(r.status, 413)
        r = self.fetch(p + "/admin/login", method="POST",
                       headers={"Content-Type":
                                "application/x-www-form-urlencoded"},
                       body=b"email=%zz&password=x")
        self.assertIn(r.status, (400, 403))
        # Still answering.
        self.assertEqual(self.fetch(p + "/").status, 200)


class Mounted(Checks):
    """One warta behind one server, by `mode` ("cgi" or "fastcgi"),
    mounted at the root and at PREFIX. A suite sets `name`, `make_server`
    (lighttpd or apache) and `tcp` (FastCGI on loopback ports rather than
    Unix sockets)."""
    mode = None
    name = None
    make_server = None
    tcp = False

    @classmethod
    def setUpClass(cls):
        port = H.free_port()
        cls.warta = make_warta(cls.name + "-" + cls.mode, port)
        cls.second = None
        try:
            socks = None
            if cls.mode == "fastcgi":
                cls.second = start_fastcgi(cls.warta, tcp=cls.tcp)
                socks = ((cls.warta.fcgi_port, cls.second.fcgi_port)
                         if cls.tcp else (cls.warta.sock, cls.second.sock))
            cls.server = cls.make_server(cls.warta, port, cls.mode,
                                         socks).start()
        except Exception:
            cls.warta.kill()
            if cls.second:
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
