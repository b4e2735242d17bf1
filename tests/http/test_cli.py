"""test_cli.py - the warta command line as an operator meets it: help and
version, usage errors (one line, exit 2), start-up failures (one line naming
the file, exit 1, nothing listening), and init run twice or against a
database newer than the binary."""

import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import unittest

import harness as H


def run(*args, stdin=""):
    return subprocess.run([H.BIN] + list(args), input=stdin,
                          capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, ASAN_OPTIONS="detect_leaks=1"))


def listening(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


class Cli(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="warta-cli-")
        self.db = os.path.join(self.dir, "warta.db")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def assertOneLine(self, r, status, *words):
        self.assertEqual(r.returncode, status, r)
        lines = r.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, r.stderr)
        self.assertTrue(lines[0].startswith("warta: "), lines[0])
        for w in words:
            self.assertIn(w, lines[0])
        self.assertEqual(H.sanitizer_problems(r.stderr), [])

    def test_help_and_version(self):
        for args in (["--help"], ["init", "--help"], ["serve", "--help"],
                     ["user", "--help"]):
            with self.subTest(args=args):
                r = run(*args)
                self.assertEqual(r.returncode, 0, r)
                self.assertIn("usage: warta", r.stdout)
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout, r"^warta \d+\.\d+\.\d+\n$")

    def test_usage_errors_exit_2(self):
        self.assertOneLine(run("serve", "--db", self.db, "--bogus"), 2,
                           "--bogus")
        self.assertOneLine(run("init", "--db"), 2, "--db")
        self.assertOneLine(run("serve", "--threads", "0", "--db", self.db),
                           2, "--threads")
        self.assertOneLine(run("frobnicate"), 2, "frobnicate")
        self.assertOneLine(run("init"), 2, "--db")
        self.assertFalse(os.path.exists(self.db))

    def test_init_twice_is_a_no_op(self):
        r = run("init", "--db", self.db, "--demo")
        self.assertEqual(r.returncode, 0, r)
        # Private: it holds password hashes (docs/operating.md).
        self.assertEqual(os.stat(self.db).st_mode & 0o777, 0o600)
        before = self.dump()
        r = run("init", "--db", self.db)
        self.assertEqual(r.returncode, 0, r)
        self.assertIn("(0 migrations applied)", r.stdout)
        self.assertEqual(self.dump(), before)
        # The demo loads into an empty database only.
        self.assertOneLine(run("init", "--db", self.db, "--demo"), 1,
                           "empty database")
        self.assertEqual(self.dump(), before)

    def test_newer_database_refused(self):
        self.assertEqual(run("init", "--db", self.db).returncode, 0)
        with sqlite3.connect(self.db) as c:
            version = c.execute("PRAGMA user_version").fetchone()[0]
            c.execute("PRAGMA user_version = %d" % (version + 1))
        self.assertOneLine(run("init", "--db", self.db), 1, "newer")
        port = H.free_port()
        self.assertOneLine(run("serve", "--db", self.db, "--http",
                               "127.0.0.1:%d" % port), 1, "newer")
        self.assertFalse(listening(port))

    def test_unopenable_database(self):
        missing = os.path.join(self.dir, "nope", "warta.db")
        port = H.free_port()
        self.assertOneLine(run("serve", "--db", missing, "--http",
                               "127.0.0.1:%d" % port), 1, missing)
        self.assertFalse(listening(port))

    def test_broken_template_names_file_and_line(self):
        self.assertEqual(run("init", "--db", self.db).returncode, 0)
        tdir = os.path.join(self.dir, "templates")
        shutil.copytree(os.path.join(H.SRC, "templates"), tdir)
        path = os.path.join(tdir, "home.html")
        with open(path) as f:
            lines = f.read().count("\n")
        with open(path, "a") as f:
            f.write("{{#unclosed}}\n<p>never closed</p>\n")
        port = H.free_port()
        r = run("serve", "--db", self.db, "--http", "127.0.0.1:%d" % port,
                "--templates", tdir)
        self.assertOneLine(r, 1, "home.html:%d:" % (lines + 1), "unclosed")
        self.assertFalse(listening(port))

    def test_busy_port(self):
        self.assertEqual(run("init", "--db", self.db).returncode, 0)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            s.listen(1)
            port = s.getsockname()[1]
            r = run("serve", "--db", self.db, "--http",
                    "127.0.0.1:%d" % port, "--templates",
                    os.path.join(H.SRC, "templates"), *H.ROOT_FLAG)
        self.assertEqual(r.returncode, 1, r)
        self.assertIn("127.0.0.1:%d" % port, r.stderr)
        self.assertEqual(H.sanitizer_problems(r.stderr), [])

    @unittest.skipUnless(os.geteuid() == 0, "needs root")
    def test_root_refused_unless_allowed(self):
        self.assertEqual(run("init", "--db", self.db).returncode, 0)
        port = H.free_port()
        r = run("serve", "--db", self.db, "--http", "127.0.0.1:%d" % port,
                "--templates", os.path.join(H.SRC, "templates"))
        self.assertOneLine(r, 1, "root", "--allow-root")
        self.assertFalse(listening(port))

    def dump(self):
        with sqlite3.connect(self.db) as c:
            return "\n".join(c.iterdump())


if __name__ == "__main__":
    unittest.main(verbosity=2)
