"""harness.py - shared helpers for the http and nginx suites: a real warta
(and nginx) on loopback in a temp dir, requests over http.client and raw
sockets, fixtures written straight into the SQLite database, and the
expected Indonesian dates computed independently of the C code.

Every child process is killed on exit, every wait is bounded, and
everything listens on 127.0.0.1 only. Standard library only."""

import atexit
import datetime
import grp
import http.client
import io
import json
import os
import pwd
import re
import shutil
import signal
import socket
import struct
import sqlite3
import subprocess
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.environ.get("WARTA_SRC") or os.path.dirname(os.path.dirname(HERE))
BUILD = os.environ.get("WARTA_BUILD") or os.path.join(SRC, "build", "test")
BIN = os.environ.get("WARTA_BIN") or os.path.join(BUILD, "warta")

START_TIMEOUT = 20.0
STOP_TIMEOUT = 10.0
IO_TIMEOUT = 15.0

SANITIZER_MARKS = ("ERROR: AddressSanitizer", "runtime error:",
                   "LeakSanitizer", "ERROR: ThreadSanitizer")

# One log line per request: "GET /path 200 1234 567us".
LOG_RE = re.compile(r"^(\S+) (.+) (\d{3}) (\d+) (\d+)us$")

WIB = datetime.timezone(datetime.timedelta(hours=7))
DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
             "Agustus", "September", "Oktober", "November", "Desember")

_children = []

# warta serve refuses root unless told; the suites run as root in CI and
# in the development containers, as a throwaway user would elsewhere.
ROOT_FLAG = ["--allow-root"] if os.geteuid() == 0 else []


def _kill_children():
    for p in _children:
        if p.poll() is None:
            try:
                p.kill()
                p.wait(5)
            except Exception:
                pass


atexit.register(_kill_children)


def _spawn(argv, **kw):
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, **kw)
    _children.append(p)
    return p


# --- expected values, computed here and not by the code under test ------

def esc(s):
    """HTML-escapes s the way every {{x}} in the templates must."""
    return (s.replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;")
            .replace("'", "&#39;"))


def wib(t):
    return datetime.datetime.fromtimestamp(t, WIB)


def date_long(t):
    """'Minggu, 29 November 2026' for Unix time t in WIB."""
    d = wib(t)
    return "%s, %d %s %d" % (DAYS_ID[d.weekday()], d.day,
                             MONTHS_ID[d.month - 1], d.year)


def date_short(t):
    """'29/11/2026, 14:05 WIB' for Unix time t."""
    return wib(t).strftime("%d/%m/%Y, %H:%M") + " WIB"


def article_path(published_at, slug):
    """The canonical path: the publication date in WIB."""
    d = wib(published_at)
    return "/%04d/%02d/%02d/%s" % (d.year, d.month, d.day, slug)


def upper_ascii(s):
    return "".join(c.upper() if c.isascii() else c for c in s)


def datelines(city, site):
    """The dateline markup: the city in capitals, the site name, an en
    dash. The spec writes the site name as is ("SERANG, Warta \u2013");
    the press habit of capitalising it too ("SERANG, WARTA \u2013") is
    accepted here and pinned down by one test of its own."""
    return ['<strong class="dateline">%s, %s \u2013</strong>' %
            (esc(upper_ascii(city)), esc(s)) for s in (site,
                                                        upper_ascii(site))]


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sanitizer_problems(text):
    """The lines of text that report a sanitizer finding."""
    return [ln for ln in text.splitlines()
            if any(m in ln for m in SANITIZER_MARKS)]


# --- HTTP ----------------------------------------------------------------

class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # http.client.HTTPMessage (case-insensitive)
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8")

    def header(self, name):
        return self.headers.get(name)

    def __repr__(self):
        return "<Response %d %d bytes>" % (self.status, len(self.body))


def fetch(port, path, method="GET", headers=None, body=None,
          host="127.0.0.1", timeout=IO_TIMEOUT, conn=None):
    """One request with http.client; returns a Response. Reuses conn when
    given (keep-alive), else opens and closes its own connection."""
    own = conn is None
    if own:
        conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        data = r.read()
        return Response(r.status, r.msg, data)
    finally:
        if own:
            conn.close()


class RawResult:
    def __init__(self, data, error):
        self.data = data      # every byte received
        self.error = error    # the socket error that ended reading, or None
        self.status = None
        self.headers = {}
        self.body = b""
        m = re.match(rb"HTTP/1\.[01] (\d{3})[^\r\n]*\r\n", data)
        if m:
            self.status = int(m.group(1))
            head, _, self.body = data.partition(b"\r\n\r\n")
            for line in head.split(b"\r\n")[1:]:
                k, _, v = line.partition(b":")
                self.headers[k.strip().lower().decode("latin-1")] = \
                    v.strip().decode("latin-1")

    def __repr__(self):
        return "<RawResult status=%r error=%r %r>" % (
            self.status, self.error, self.data[:200])


def raw(port, data, timeout=IO_TIMEOUT, half_close=False,
        host="127.0.0.1"):
    """Sends data as is over a new TCP connection (from a thread, so that
    a server answering early is read while we are still sending) and reads
    until the server closes, resets or timeout passes. half_close shuts
    down our sending side once everything is sent."""
    s = socket.create_connection((host, port), timeout=timeout)
    send_err = []

    def send():
        try:
            s.sendall(data)
            if half_close:
                s.shutdown(socket.SHUT_WR)
        except OSError as e:
            send_err.append(e)

    t = threading.Thread(target=send, daemon=True)
    t.start()
    chunks, err = [], None
    deadline = time.monotonic() + timeout
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                err = socket.timeout("no end of response within %ss" %
                                     timeout)
                break
            s.settimeout(left)
            try:
                b = s.recv(65536)
            except OSError as e:
                err = e
                break
            if not b:
                break
            chunks.append(b)
    finally:
        s.close()
        t.join(timeout)
    return RawResult(b"".join(chunks), err)


def raw_request(port, method, target, headers=(), body=b"",
                version="HTTP/1.1"):
    """A request built by hand (no client-side validation of target),
    with Connection: close; returns a RawResult."""
    lines = ["%s %s %s" % (method, target, version), "Host: 127.0.0.1",
             "Connection: close"]
    lines += ["%s: %s" % kv for kv in headers]
    if body:
        lines.append("Content-Length: %d" % len(body))
    data = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + body
    return raw(port, data)


def fcgi_request(sock_path, params, body=b"", timeout=IO_TIMEOUT):
    """One request over FastCGI on a Unix socket, as a web server would
    send it (params: a dict of CGI variables such as REQUEST_METHOD,
    REQUEST_URI, REMOTE_ADDR). Returns a Response built from the CGI
    answer (a Status header, 200 without one)."""
    def record(rtype, content):
        return struct.pack(">BBHHBx", 1, rtype, 1, len(content),
                           0) + content

    def length(n):
        return struct.pack(">B", n) if n < 128 else \
            struct.pack(">I", n | 0x80000000)

    pairs = b"".join(length(len(k)) + length(len(v)) + k + v for k, v in
                     ((k.encode(), v.encode()) for k, v in params.items()))
    # BEGIN_REQUEST (responder role, no keep-alive), PARAMS, STDIN.
    data = (record(1, struct.pack(">HB5x", 1, 0)) + record(4, pairs) +
            record(4, b"") + (record(5, body) if body else b"") +
            record(5, b""))
    out = b""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        s.connect(sock_path)
        s.sendall(data)
        buf = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            buf += chunk
        while len(buf) >= 8:
            _, rtype, _, clen, plen = struct.unpack(">BBHHB", buf[:7])
            content = buf[8:8 + clen]
            buf = buf[8 + clen + plen:]
            if rtype == 6:  # STDOUT
                out += content
            elif rtype == 3:  # END_REQUEST
                break
    head, _, body_out = out.partition(b"\r\n\r\n")
    msg = http.client.parse_headers(io.BytesIO(head + b"\r\n\r\n"))
    status = int((msg.get("Status") or "200").split()[0])
    return Response(status, msg, body_out)


# --- warta ---------------------------------------------------------------

class Warta:
    """A warta in a fresh temp dir: `init` it, add fixtures, `start` it
    (HTTP on a free port, or FastCGI on a Unix socket), `stop` it."""

    def __init__(self, name="warta", fastcgi=False, http=True, threads=4,
                 binary=None):
        self.bin = binary or BIN
        self.dir = tempfile.mkdtemp(prefix="warta-%s-" % name)
        os.chmod(self.dir, 0o755)
        self.db_path = os.path.join(self.dir, "warta.db")
        self.port = free_port() if http else None
        self.sock = os.path.join(self.dir, "warta.sock") if fastcgi else None
        self.threads = threads
        self.stderr_path = os.path.join(self.dir, "warta.stderr")
        self.proc = None
        # A copy of static/ with traps in it: a hidden file and a symlink
        # pointing out of the directory.
        self.static = os.path.join(self.dir, "static")
        shutil.copytree(os.path.join(SRC, "static"), self.static)
        with open(os.path.join(self.static, ".hidden"), "w") as f:
            f.write("SECRET-HIDDEN\n")
        with open(os.path.join(self.dir, "outside.txt"), "w") as f:
            f.write("SECRET-OUTSIDE\n")
        os.symlink(os.path.join(self.dir, "outside.txt"),
                   os.path.join(self.static, "link.txt"))
        self.templates = os.path.join(SRC, "templates")
        # More `warta serve` options, e.g. --workers, --prefix.
        self.extra_args = []
        self.base_url = "http://127.0.0.1:%d" % (self.port or 8080)

    def env(self):
        env = dict(os.environ)
        env.setdefault("ASAN_OPTIONS", "detect_leaks=1")
        env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1")
        return env

    def init(self, demo=True):
        argv = [self.bin, "init", "--db", self.db_path, "--base-url",
                self.base_url]
        if demo:
            argv.append("--demo")
        r = subprocess.run(argv, capture_output=True, text=True,
                           timeout=60, env=self.env(),
                           stdin=subprocess.DEVNULL)
        if r.returncode != 0 or sanitizer_problems(r.stderr):
            raise RuntimeError("warta init failed (%d):\n%s%s" %
                               (r.returncode, r.stdout, r.stderr))
        return self

    def start(self):
        argv = [self.bin, "serve", "--db", self.db_path, "--threads",
                str(self.threads), "--templates", self.templates,
                "--static", self.static]
        if self.port:
            argv += ["--http", "127.0.0.1:%d" % self.port]
        if self.sock:
            argv += ["--fastcgi", "unix:" + self.sock]
        argv += ROOT_FLAG + list(self.extra_args)
        self.stderr_file = open(self.stderr_path, "wb")
        self.proc = _spawn(argv, stdout=self.stderr_file,
                           stderr=self.stderr_file, env=self.env(),
                           cwd=self.dir)
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError("warta serve exited with %d:\n%s" %
                                   (self.proc.returncode, self.stderr()))
            if self._answers():
                return self
            if time.monotonic() > deadline:
                self.kill()
                raise RuntimeError("warta did not answer within %ss:\n%s" %
                                   (START_TIMEOUT, self.stderr()))
            time.sleep(0.05)

    def _answers(self):
        try:
            if self.port:
                socket.create_connection(("127.0.0.1", self.port),
                                         timeout=1).close()
            if self.sock:
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.settimeout(1)
                try:
                    s.connect(self.sock)
                finally:
                    s.close()
            return True
        except OSError:
            return False

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def workers(self):
        """The pids of the master's worker processes, sorted."""
        pid = self.proc.pid
        try:
            with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
                return sorted(int(p) for p in f.read().split())
        except OSError:
            out = []
            for d in os.listdir("/proc"):
                if d.isdigit():
                    try:
                        with open("/proc/%s/stat" % d) as f:
                            st = f.read()
                    except OSError:
                        continue
                    if int(st.rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(d))
            return sorted(out)

    def stderr(self):
        try:
            with open(self.stderr_path, "rb") as f:
                return f.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def log_lines(self):
        """Parsed request log lines: (method, path, status, bytes, us)."""
        out = []
        for ln in self.stderr().splitlines():
            m = LOG_RE.match(ln)
            if m:
                out.append((m.group(1), m.group(2), int(m.group(3)),
                            int(m.group(4)), int(m.group(5))))
        return out

    def stop(self):
        """SIGTERM, wait; returns a list of problems (empty when the exit
        was clean: status 0 and no sanitizer report)."""
        if self.proc is None:
            return []
        problems = []
        if self.proc.poll() is not None:
            problems.append("warta had already exited with %d" %
                            self.proc.returncode)
        else:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                problems.append("warta did not exit within %ss of SIGTERM"
                                % STOP_TIMEOUT)
                self.kill()
        if self.proc.returncode != 0:
            problems.append("warta exited with status %r" %
                            self.proc.returncode)
        self.stderr_file.close()
        bad = sanitizer_problems(self.stderr())
        if bad:
            problems.append("sanitizer report in warta's stderr: " +
                            "; ".join(bad[:5]))
        if problems:
            tail = self.stderr()[-6000:]
            problems.append("stderr tail (all of it in %s):\n%s" %
                            (self.stderr_path, tail))
        self.proc = None
        return problems

    def kill(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)

    def cleanup(self):
        self.kill()
        shutil.rmtree(self.dir, ignore_errors=True)

    # --- database ---

    def db(self):
        c = sqlite3.connect(self.db_path, timeout=10)
        c.row_factory = sqlite3.Row
        c.execute("PRAGMA foreign_keys = ON")
        return c

    def site_name(self):
        with self.db() as c:
            r = c.execute("SELECT value FROM settings WHERE key = "
                          "'site_name'").fetchone()
        return r[0] if r else "Warta"

    def add_author(self, slug, name, initials, bio=""):
        with self.db() as c:
            return c.execute("INSERT INTO authors (slug, name, initials, "
                             "bio) VALUES (?, ?, ?, ?)",
                             (slug, name, initials, bio)).lastrowid

    def add_tag(self, slug, name, description=""):
        with self.db() as c:
            return c.execute("INSERT INTO tags (slug, name, description) "
                             "VALUES (?, ?, ?)",
                             (slug, name, description)).lastrowid

    def add_section(self, slug, name, description="", position=99):
        with self.db() as c:
            return c.execute("INSERT INTO sections (slug, name, "
                             "description, position) VALUES (?, ?, ?, ?)",
                             (slug, name, description, position)).lastrowid

    def add_article(self, slug, title, lead="", dateline="", body_html=None,
                    status="published", section=None, published_at=None,
                    updated_at=None, featured=0, authors=(), tags=(),
                    related=(), unpublish_reason=""):
        """Inserts an article (sections, authors, tags and related picks
        by slug; section defaults to the first one). body_html is stored
        as given: markers are '<!--baca-juga:SLUG-->' lines."""
        now = int(time.time())
        if published_at is None and status in ("published", "scheduled",
                                                "unpublished"):
            published_at = now - 3600
        if updated_at is None:
            # Saved no later than now, even when scheduled for later.
            updated_at = min(published_at or now, now)
        if body_html is None:
            body_html = "<p>Isi berita %s.</p>\n" % esc(title)
        with self.db() as c:
            if section is None:
                sid = c.execute("SELECT id FROM sections ORDER BY position,"
                                " id LIMIT 1").fetchone()[0]
            else:
                sid = c.execute("SELECT id FROM sections WHERE slug = ?",
                                (section,)).fetchone()[0]
            aid = c.execute(
                "INSERT INTO articles (slug, title, lead, dateline, "
                "body_md, body_html, status, section_id, published_at, "
                "updated_at, created_at, featured, unpublish_reason) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (slug, title, lead, dateline, "(fixture)", body_html,
                 status, sid, published_at, updated_at,
                 (published_at or now) - 600, featured,
                 unpublish_reason)).lastrowid
            for i, a in enumerate(authors):
                c.execute("INSERT INTO article_authors (article_id, "
                          "author_id, position) SELECT ?, id, ? FROM "
                          "authors WHERE slug = ?", (aid, i, a))
            for i, t in enumerate(tags):
                c.execute("INSERT INTO article_tags (article_id, tag_id, "
                          "position) SELECT ?, id, ? FROM tags WHERE "
                          "slug = ?", (aid, i, t))
            for i, r in enumerate(related):
                c.execute("INSERT INTO article_related (article_id, "
                          "related_id, position) SELECT ?, id, ? FROM "
                          "articles WHERE slug = ?", (aid, i, r))
        return aid

    def articles(self, where="1", args=()):
        with self.db() as c:
            return [dict(r) for r in c.execute(
                "SELECT a.*, s.slug AS section_slug, s.name AS "
                "section_name FROM articles a JOIN sections s ON "
                "s.id = a.section_id WHERE " + where +
                " ORDER BY a.published_at DESC, a.id DESC", args)]

    def public_articles(self, now=None, where="1", args=()):
        now = int(time.time()) if now is None else now
        return self.articles("a.status IN ('published', 'scheduled') AND "
                             "a.published_at <= ? AND (" + where + ")",
                             (now,) + tuple(args))

    def hidden_articles(self, now=None):
        """Drafts, reviews and scheduled articles not yet due."""
        now = int(time.time()) if now is None else now
        return self.articles("a.status IN ('draft', 'review') OR "
                             "(a.status = 'scheduled' AND "
                             "a.published_at > ?)", (now,))

    def authors_of(self, article_id):
        with self.db() as c:
            return [dict(r) for r in c.execute(
                "SELECT au.* FROM article_authors aa JOIN authors au ON "
                "au.id = aa.author_id WHERE aa.article_id = ? ORDER BY "
                "aa.position, au.id", (article_id,))]

    def tags_of(self, article_id):
        with self.db() as c:
            return [dict(r) for r in c.execute(
                "SELECT t.* FROM article_tags at JOIN tags t ON "
                "t.id = at.tag_id WHERE at.article_id = ? ORDER BY "
                "at.position, t.id", (article_id,))]

    def rows(self, sql, args=()):
        with self.db() as c:
            return [dict(r) for r in c.execute(sql, args)]


def start_warta(name, fixtures):
    """A started Warta for a test module's setUpModule: init, then
    fixtures(w) adds what the module needs, then start. When any step
    fails its files are removed and the error raised."""
    w = Warta(name)
    try:
        w.init()
        fixtures(w)
        w.start()
    except Exception:
        w.cleanup()
        raise
    return w


def stop_warta(w):
    """tearDownModule's half: stops w and raises what the stop found
    (sanitizer reports, a crash); only a clean stop removes w's files, so
    a failure leaves them to look at."""
    problems = w.stop()
    if not problems:
        w.cleanup()
    if problems:
        raise AssertionError("\n".join(problems))


# --- nginx ---------------------------------------------------------------

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def nginx_site_conf(port, root, sock, server_name="127.0.0.1", cache=None):
    """docs/nginx.conf with only its ADJUST values replaced: the listen
    port, server_name, root, the FastCGI socket (the upstream's server)
    and the micro-cache's directory (cache; by default "nginx-cache" next
    to root). Each must occur exactly once, so that a changed file fails
    loudly instead of being half adjusted."""
    with open(os.path.join(SRC, "docs", "nginx.conf")) as f:
        text = f.read()
    if cache is None:
        cache = os.path.join(os.path.dirname(root), "nginx-cache")
    subs = [
        (r"^(\s*listen\s+)[^;]+;", "127.0.0.1:%d" % port + ";"),
        (r"^(\s*server_name\s+)[^;]+;", server_name + ";"),
        (r"^(\s*root\s+)[^;]+;", root + ";"),
        (r"^(\s*server\s+)unix:[^;]+;", "unix:" + sock + ";"),
        # Only the path: the zone and limits that follow it stay.
        (r"^(\s*fastcgi_cache_path\s+)[^\s;]+", cache),
    ]
    for pat, value in subs:
        text, n = re.subn(pat, lambda m: m.group(1) + value, text,
                          flags=re.M)
        if n != 1:
            raise RuntimeError("docs/nginx.conf: expected exactly one "
                               "match of %r, found %d" % (pat, n))
    return text


class Nginx:
    """nginx in its own prefix, in front of a Warta started with
    fastcgi=True; root holds static/ as a symlink to the repo's."""

    def __init__(self, warta, workers=2):
        self.warta = warta
        self.prefix = os.path.join(warta.dir, "nginx")
        self.root = os.path.join(warta.dir, "root")
        self.port = free_port()
        self.proc = None
        os.makedirs(os.path.join(self.prefix, "tmp"))
        os.makedirs(self.root)
        os.symlink(os.path.join(SRC, "static"),
                   os.path.join(self.root, "static"))
        # `include fastcgi_params` in docs/nginx.conf is relative to the
        # directory of the main config, as /etc/nginx is in production.
        shutil.copy("/etc/nginx/fastcgi_params", self.prefix)
        site = nginx_site_conf(self.port, self.root, warta.sock)
        with open(os.path.join(self.prefix, "warta.conf"), "w") as f:
            f.write(site)
        p = self.prefix
        user = ""
        if os.geteuid() == 0:
            # Workers would otherwise run as nobody, who cannot reach
            # warta's socket in our private temp dir.
            user = "user %s %s;\n" % (pwd.getpwuid(0).pw_name,
                                      grp.getgrgid(os.getegid()).gr_name)
        self.conf = os.path.join(p, "nginx.conf")
        with open(self.conf, "w") as f:
            f.write(
                "# Written by tests/http/harness.py: a minimal main\n"
                "# config around docs/nginx.conf.\n"
                "%s"
                "worker_processes %d;\n"
                "pid %s/nginx.pid;\n"
                "lock_file %s/nginx.lock;\n"
                "error_log %s/error.log warn;\n"
                "events { worker_connections 4096; }\n"
                "http {\n"
                "\tinclude /etc/nginx/mime.types;\n"
                "\tdefault_type application/octet-stream;\n"
                "\taccess_log %s/access.log;\n"
                "\tclient_body_temp_path %s/tmp/body;\n"
                "\tfastcgi_temp_path %s/tmp/fastcgi;\n"
                "\tproxy_temp_path %s/tmp/proxy;\n"
                "\tuwsgi_temp_path %s/tmp/uwsgi;\n"
                "\tscgi_temp_path %s/tmp/scgi;\n"
                "\tinclude %s/warta.conf;\n"
                "}\n" % (user, workers, p, p, p, p, p, p, p, p, p, p))

    def argv(self, *extra):
        return [NGINX, "-p", self.prefix + "/", "-c", self.conf,
                "-e", os.path.join(self.prefix, "error.log")] + list(extra)

    def start(self):
        if not os.path.exists(NGINX):
            raise RuntimeError("nginx is not installed (scripts/deps test "
                               "installs it)")
        r = subprocess.run(self.argv("-t", "-q"), capture_output=True,
                           text=True, timeout=30, stdin=subprocess.DEVNULL)
        if r.returncode != 0:
            raise RuntimeError("nginx -t failed:\n%s%s\n%s" %
                               (r.stdout, r.stderr, self.error_log()))
        self.out = open(os.path.join(self.prefix, "stdout"), "wb")
        self.proc = _spawn(self.argv("-g", "daemon off;"),
                           stdout=self.out, stderr=self.out)
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError("nginx exited with %d:\n%s" %
                                   (self.proc.returncode, self.error_log()))
            try:
                socket.create_connection(("127.0.0.1", self.port),
                                         timeout=1).close()
                return self
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.kill()
                raise RuntimeError("nginx did not answer within %ss:\n%s"
                                   % (START_TIMEOUT, self.error_log()))
            time.sleep(0.05)

    def error_log(self):
        try:
            with open(os.path.join(self.prefix, "error.log"), "rb") as f:
                return f.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def stop(self):
        """SIGQUIT (graceful), wait; returns a list of problems."""
        if self.proc is None:
            return []
        problems = []
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)
            try:
                self.proc.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                problems.append("nginx did not exit within %ss of SIGQUIT"
                                % STOP_TIMEOUT)
                self.kill()
        if self.proc.returncode != 0:
            problems.append("nginx exited with %r:\n%s" %
                            (self.proc.returncode, self.error_log()))
        self.out.close()
        self.proc = None
        return problems

    def kill(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)


# --- HTML scraping, tied to the markup in templates/ ---------------------

def after_miss(port, path):
    """The request that follows a MISS for path, through nginx on port.
    nginx commits a cache entry just after its client has the last byte, so
    a request sent at once can race the commit (more so with two workers);
    this one is given up to a second to stop being a MISS."""
    deadline = time.monotonic() + 1.0
    while True:
        r = fetch(port, path, host="127.0.0.1")
        if (r.header("X-Cache-Status") != "MISS" or
                time.monotonic() > deadline):
            return r
        time.sleep(0.05)


def stop_behind_nginx(ng, w):
    """tearDownModule of the nginx suites: stops nginx, then warta behind
    it, and raises what either stop found; only a clean stop removes w's
    files."""
    problems = ng.stop() + w.stop()
    if problems:
        raise AssertionError("\n".join(problems))
    w.cleanup()


def assert_alive_behind_nginx(case, w, ng):
    """For a TestCase's tearDown: fails case when warta or nginx died
    during the test, with the tail of what each wrote."""
    case.assertTrue(w.alive(), "warta died:\n" + w.stderr()[-4000:])
    case.assertIsNone(ng.proc.poll(), "nginx died:\n" + ng.error_log())


def hrefs(html):
    return re.findall(r'href="([^"]*)"', html)


def section_html(html, cls):
    """The inner HTML of the first <section class="cls">...</section>."""
    m = re.search(r'<section class="%s">(.*?)</section>' % re.escape(cls),
                  html, re.S)
    return m.group(1) if m else None


def card_links(html):
    """Article links of the cards in html, in order."""
    return re.findall(r'<h3><a href="(/\d{4}/\d{2}/\d{2}/[^"]+)">', html)


def links_to_article(html, slug):
    """True when html links to an article page with this slug."""
    return re.search(r'href="(?:https?://[^/"]+)?/\d{4}/\d{2}/\d{2}/%s"'
                     % re.escape(slug), html) is not None


def next_link(html):
    m = re.search(r'<a rel="next" href="([^"]+)"', html)
    return m.group(1).replace("&amp;", "&") if m else None


LDJSON_RE = re.compile(r'<script type="application/ld\+json">(.*?)</script>',
                       re.S)


def jsonld(html):
    """(the parsed JSON-LD blocks of html, html without them). A block
    that hostile text broke out of does not parse: json raises."""
    blocks = [json.loads(m) for m in LDJSON_RE.findall(html)]
    return blocks, LDJSON_RE.sub("", html)


def has_layout(html, site_name):
    """True when html is a full page in the site layout."""
    return ("<!DOCTYPE html>" in html and esc(site_name) in html
            and '<nav class="sections"' in html
            and '<footer class="colophon">' in html)


# --- admin: accounts, sign-in, forms -------------------------------------

def warta_cmd(w, args, stdin_text=None, timeout=60):
    """Runs `warta ARGS...` (the binary w runs) with stdin_text on its
    standard input; returns the subprocess.CompletedProcess (text)."""
    return subprocess.run([getattr(w, "bin", BIN)] + list(args),
                          input=stdin_text if stdin_text is not None else "",
                          capture_output=True, text=True, timeout=timeout,
                          env=w.env())


def add_user(w, email, name, role, password, author=None):
    """Creates an account with `warta user add`, the password on stdin;
    raises on failure. Returns the new user's id."""
    args = ["user", "add", "--db", w.db_path, "--email", email, "--name",
            name, "--role", role]
    if author:
        args += ["--author", author]
    r = warta_cmd(w, args, password + "\n")
    if r.returncode != 0 or sanitizer_problems(r.stderr):
        raise RuntimeError("warta user add failed (%d): %s" %
                           (r.returncode, r.stderr))
    with w.db() as c:
        return c.execute("SELECT id FROM users WHERE email = ?",
                         (email.lower(),)).fetchone()[0]


def multipart(fields=(), files=()):
    """Encodes a multipart/form-data body. fields: (name, value) pairs;
    files: (name, filename, content_type, bytes). Returns (body,
    content_type header value)."""
    boundary = "----warta%x" % time.time_ns()
    out = []
    for name, value in fields:
        out.append(("--%s\r\nContent-Disposition: form-data; "
                    "name=\"%s\"\r\n\r\n" % (boundary, name))
                   .encode("utf-8") + str(value).encode("utf-8") + b"\r\n")
    for name, filename, ctype, data in files:
        out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; "
                    "filename=\"%s\"\r\nContent-Type: %s\r\n\r\n" %
                    (boundary, name, filename, ctype)).encode("utf-8") +
                   data + b"\r\n")
    out.append(("--%s--\r\n" % boundary).encode("utf-8"))
    return b"".join(out), "multipart/form-data; boundary=" + boundary


def hidden_csrf(html):
    """The value of the first hidden csrf field in html, or None."""
    m = re.search(r'name="csrf" value="([^"]*)"', html)
    return m.group(1) if m else None


class Browser:
    """A client with a cookie jar for the admin: sign in, then get pages
    and post forms carrying the session's CSRF token. Redirects are not
    followed; each Response is returned as is."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.csrf = None  # the session's token once signed in

    def _store(self, r):
        for sc in r.headers.get_all("Set-Cookie") or []:
            pair = sc.split(";", 1)[0]
            name, _, value = pair.partition("=")
            if re.search(r";\s*Max-Age=0\b", sc, re.I) or value == "":
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value.strip()

    def request(self, method, path, body=None, headers=None):
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join("%s=%s" % kv
                                    for kv in self.cookies.items())
        r = fetch(self.port, path, method=method, headers=h, body=body)
        self._store(r)
        return r

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, fields=(), headers=None, csrf=True, files=None):
        """POSTs fields (a dict or pairs) urlencoded, or as multipart
        when files is given; adds csrf=<session token> unless csrf is
        False (or a string to send instead)."""
        import urllib.parse
        pairs = list(fields.items() if isinstance(fields, dict) else fields)
        if csrf is True and self.csrf is not None:
            pairs.append(("csrf", self.csrf))
        elif isinstance(csrf, str):
            pairs.append(("csrf", csrf))
        h = dict(headers or {})
        if files:
            body, ctype = multipart(pairs, files)
        else:
            body = urllib.parse.urlencode(pairs).encode("utf-8")
            ctype = "application/x-www-form-urlencoded"
        h["Content-Type"] = ctype
        return self.request("POST", path, body=body, headers=h)

    def login(self, email, password, next=None):
        """Opens the sign-in form and posts it; returns the POST's
        Response. On success (303) reads the session's CSRF token from
        /admin."""
        page = self.get("/admin/login")
        token = hidden_csrf(page.text)
        fields = [("email", email), ("password", password)]
        if next is not None:
            fields.append(("next", next))
        r = self.post("/admin/login", fields, csrf=token or "")
        if r.status == 303:
            home = self.get("/admin")
            self.csrf = hidden_csrf(home.text)
        return r
