"""test_install.py - `cmake --install` as an operator runs it: a Release
build installed into a fresh prefix lays out the binary, templates, static
files, systemd units, sysusers.d entry, backup script and docs; the units
pass `systemd-analyze verify` (which works offline, on files: systemd need
not be running) and keep a low exposure in `systemd-analyze security`; the
installed binary serves with its compiled-in template and static paths;
the backup script backs up, checks and prunes."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "http"))
import harness as H  # noqa: E402

TMP = None
PREFIX = None
UNITS = None
ANALYZE = shutil.which("systemd-analyze") or "/usr/bin/systemd-analyze"


def run(argv, timeout=600, **kw):
    return subprocess.run(argv, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL, **kw)


def setUpModule():
    global TMP, PREFIX, UNITS
    TMP = tempfile.mkdtemp(prefix="warta-install-")
    PREFIX = os.path.join(TMP, "prefix")
    build = os.path.join(TMP, "build")
    for argv in (["cmake", "-S", H.SRC, "-B", build,
                  "-DCMAKE_BUILD_TYPE=Release", "-DWARTA_TESTS=OFF",
                  "-DCMAKE_INSTALL_PREFIX=" + PREFIX],
                 ["cmake", "--build", build, "-j2", "--target", "warta"],
                 ["cmake", "--install", build]):
        r = run(argv, timeout=1200)
        if r.returncode != 0:
            raise RuntimeError("%s failed:\n%s%s" % (" ".join(argv),
                                                     r.stdout, r.stderr))
    UNITS = os.path.join(PREFIX, "lib", "systemd", "system")


def tearDownModule():
    shutil.rmtree(TMP, ignore_errors=True)


def p(*parts):
    return os.path.join(PREFIX, *parts)


class Layout(unittest.TestCase):
    def test_files(self):
        self.assertTrue(os.access(p("bin", "warta"), os.X_OK))
        # The picture helper, where warta looks for it: beside itself.
        self.assertTrue(os.access(p("bin", "warta-picture"), os.X_OK))
        self.assertTrue(os.access(p("libexec", "warta", "warta-backup"),
                                  os.X_OK))
        for d in ("templates", "static"):
            want = sorted(os.listdir(os.path.join(H.SRC, d)))
            self.assertEqual(sorted(os.listdir(p("share", "warta", d))),
                             want, d)
        for f in ("warta.service", "warta-backup.service",
                  "warta-backup.timer"):
            self.assertTrue(os.path.isfile(os.path.join(UNITS, f)), f)
        with open(p("lib", "sysusers.d", "warta.conf")) as f:
            self.assertIn("u warta ", f.read())
        for f in ("README.md", "operating.md", "nginx.conf",
                  "nginx-tls.conf"):
            self.assertTrue(os.path.isfile(p("share", "doc", "warta", f)),
                            f)

    def test_units_name_installed_paths(self):
        with open(os.path.join(UNITS, "warta.service")) as f:
            unit = f.read()
        self.assertIn("ExecStart=%s serve " % p("bin", "warta"), unit)
        self.assertIn("ExecStartPre=%s init " % p("bin", "warta"), unit)
        for line in ("User=warta", "RuntimeDirectory=warta",
                     "StateDirectory=warta", "ProtectSystem=strict",
                     "NoNewPrivileges=yes", "Restart=on-failure",
                     "PrivateTmp=yes", "CapabilityBoundingSet=\n"):
            self.assertIn(line, unit)
        self.assertIn("--fastcgi unix:/run/warta/warta.sock", unit)
        self.assertIn("--db /var/lib/warta/warta.db", unit)
        self.assertNotIn("--allow-root", unit)
        with open(os.path.join(UNITS, "warta-backup.service")) as f:
            self.assertIn("ExecStart=%s\n" % p("libexec", "warta",
                                                "warta-backup"), f.read())
        with open(p("libexec", "warta", "warta-backup")) as f:
            self.assertIn(p("bin", "warta"), f.read())

    def test_systemd_analyze_verify(self):
        units = [os.path.join(UNITS, f) for f in
                 ("warta.service", "warta-backup.service",
                  "warta-backup.timer")]
        r = run([ANALYZE, "verify", "--man=no"] + units, timeout=60)
        # verify reports unknown keys and missing binaries on stderr but
        # may still exit 0: both must be clean.
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr.strip(), "")

    def test_verify_catches_a_broken_unit(self):
        """The check above can fail: a typo and a missing binary are
        reported."""
        d = os.path.join(TMP, "broken")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(UNITS, "warta.service")) as f:
            unit = f.read()
        bad = os.path.join(d, "warta.service")
        with open(bad, "w") as f:
            f.write(unit.replace("ProtectHome=yes", "ProtectHomme=yes")
                    .replace(p("bin", "warta") + " serve",
                             "/nonexistent/warta serve"))
        r = run([ANALYZE, "verify", "--man=no", bad], timeout=60)
        self.assertIn("ProtectHomme", r.stderr)
        self.assertIn("/nonexistent/warta", r.stderr)

    def test_systemd_analyze_security(self):
        # An exposure of 2.0 or less ("OK" or better) out of 10.
        for unit in ("warta.service", "warta-backup.service"):
            r = run([ANALYZE, "security", "--offline=true",
                     "--threshold=20", os.path.join(UNITS, unit)],
                    timeout=60)
            self.assertEqual(r.returncode, 0, unit + ":\n" + r.stdout)


class Installed(unittest.TestCase):
    """The installed binary, run from a directory with no templates/ or
    static/ in it, serves with its compiled-in defaults."""

    @classmethod
    def setUpClass(cls):
        cls.dir = os.path.join(TMP, "site")
        os.makedirs(cls.dir)
        cls.db = os.path.join(cls.dir, "warta.db")
        cls.bin = p("bin", "warta")
        r = run([cls.bin, "init", "--db", cls.db, "--demo"])
        if r.returncode != 0:
            raise RuntimeError(r.stderr)

    def test_serves_with_default_paths(self):
        r = run([self.bin, "serve", "--help"])
        self.assertIn(p("share", "warta", "templates"), r.stdout)
        port = H.free_port()
        err = open(os.path.join(self.dir, "serve.log"), "wb")
        proc = subprocess.Popen(
            [self.bin, "serve", "--db", self.db, "--http",
             "127.0.0.1:%d" % port] + H.ROOT_FLAG, cwd=self.dir,
            stdin=subprocess.DEVNULL, stdout=err, stderr=err)
        try:
            deadline = time.monotonic() + H.START_TIMEOUT
            while True:
                try:
                    r = H.fetch(port, "/")
                    break
                except OSError:
                    if proc.poll() is not None or \
                            time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
            self.assertEqual(r.status, 200)
            self.assertIn("<!DOCTYPE html>", r.text)
            css = H.fetch(port, "/static/warta.css")
            self.assertEqual(css.status, 200)
            with open(os.path.join(H.SRC, "static", "warta.css"), "rb") as f:
                self.assertEqual(css.body, f.read())
            self.assertEqual(H.fetch(port, "/healthz").status, 200)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(H.STOP_TIMEOUT)
            err.close()
        self.assertEqual(proc.returncode, 0)

    def test_backup_script_backs_up_checks_and_prunes(self):
        media = os.path.join(self.dir, "media")
        os.makedirs(media, exist_ok=True)
        with open(os.path.join(media, "ab" * 16 + ".png"), "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n")
        with sqlite3.connect(self.db, timeout=10) as c:
            c.execute("INSERT INTO media (name, mime, size, created_at) "
                      "VALUES (?, 'image/png', 8, 1)", ("ab" * 16 + ".png",))
        backups = os.path.join(self.dir, "backups")
        os.makedirs(backups)
        env = dict(os.environ, WARTA_DB=self.db, WARTA_MEDIA=media,
                   WARTA_BACKUP_DIR=backups, WARTA_BACKUP_KEEP="2")
        script = p("libexec", "warta", "warta-backup")
        for _ in range(3):
            r = run([script], env=env, timeout=120)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn(": ok (integrity, foreign keys", r.stdout)
            time.sleep(1.1)  # backups are named to the second
        manifests = sorted(n for n in os.listdir(backups)
                           if n.endswith(".manifest"))
        self.assertEqual(len(manifests), 2, os.listdir(backups))
        self.assertEqual(len(os.listdir(backups)), 6)  # db, media, manifest
        r = run([script], env=dict(env, WARTA_BACKUP_KEEP="0"))
        self.assertEqual(r.returncode, 2)
        self.assertIn("WARTA_BACKUP_KEEP", r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
