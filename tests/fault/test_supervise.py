"""test_supervise.py - `warta serve` as a master and its worker processes:
a worker killed with SIGKILL is replaced and the site answers within a
second; SIGHUP re-reads the templates by rolling the workers (and keeps
the old ones when the new do not load); SIGUSR2 re-executes the binary in
the same process without refusing a connection; SIGTERM lets a request in
flight finish; --no-master still serves from one process. Every warta
here stops cleanly (status 0, no sanitizer report from any process)."""

import os
import shutil
import signal
import socket
import sys
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "http"))
import harness as H  # noqa: E402

MARK = "Tanda-muat-ulang-7f3a"


def wait_for(cond, timeout, step=0.02):
    """Polls cond() until it is true or timeout passes; returns its last
    value."""
    deadline = time.monotonic() + timeout
    while True:
        v = cond()
        if v or time.monotonic() > deadline:
            return v
        time.sleep(step)


class Base(unittest.TestCase):
    workers = 2

    def setUp(self):
        self.w = H.Warta("supervise")
        # A copy of the templates that the tests may change.
        tdir = os.path.join(self.w.dir, "templates")
        shutil.copytree(self.w.templates, tdir)
        self.w.templates = tdir
        self.w.extra_args = ["--workers", str(self.workers)]
        self.w.threads = 2
        try:
            self.w.init()
            self.w.start()
        except Exception:
            self.w.cleanup()
            raise

    def tearDown(self):
        H.stop_warta(self.w)

    def get(self, path="/", **kw):
        return H.fetch(self.w.port, path, **kw)

    def settled_workers(self):
        """The workers, once there are as many as asked for."""
        return wait_for(lambda: len(self.w.workers()) == self.workers and
                        self.w.workers(), 10)


class Replace(Base):
    def test_killed_worker_is_replaced(self):
        before = self.settled_workers()
        self.assertEqual(len(before), 2, self.w.stderr())
        victim, other = before
        t0 = time.monotonic()
        os.kill(victim, signal.SIGKILL)
        # The replacement runs within a second, and the site answers.
        now = wait_for(lambda: (lambda p: len(p) == 2 and victim not in p
                                and p)(self.w.workers()), 1.0)
        took = time.monotonic() - t0
        self.assertTrue(now, "no replacement within 1 s: %r" %
                        self.w.workers())
        self.assertIn(other, now)
        self.assertLess(took, 1.0)
        self.assertEqual(self.get().status, 200)
        print("\nworker replaced %.0f ms after SIGKILL" % (took * 1000),
              file=sys.stderr)
        self.assertIn("worker %d killed by signal 9; replacing it" % victim,
                      self.w.stderr())
        # The new worker serves too: with the other one gone as well,
        # only it can answer.
        os.kill(other, signal.SIGKILL)
        self.assertEqual(self.get().status, 200)
        self.assertTrue(wait_for(lambda: len(self.w.workers()) == 2, 2))

    def test_requests_of_other_workers_unaffected(self):
        # A steady stream of requests while one worker dies: only a
        # request that was on the dead worker may fail, and at most the
        # few in flight at that instant.
        self.settled_workers()
        results, stop = [], threading.Event()

        def client():
            while not stop.is_set():
                try:
                    results.append(self.get(timeout=5).status)
                except OSError as e:
                    results.append(repr(e))

        threads = [threading.Thread(target=client) for _ in range(2)]
        for t in threads:
            t.start()
        time.sleep(0.5)
        os.kill(self.w.workers()[0], signal.SIGKILL)
        time.sleep(1.0)
        stop.set()
        for t in threads:
            t.join(10)
        failed = [r for r in results if r != 200]
        self.assertGreater(len(results), 4, results)
        self.assertLessEqual(len(failed), 2, results)
        self.assertEqual(self.get().status, 200)


class Reload(Base):
    def layout(self):
        return os.path.join(self.w.templates, "layout.html")

    def test_sighup_rereads_templates(self):
        before = self.settled_workers()
        self.assertNotIn(MARK, self.get().text)
        with open(self.layout()) as f:
            text = f.read()
        self.assertIn("</body>", text)
        with open(self.layout(), "w") as f:
            f.write(text.replace("</body>", "<!-- %s -->\n</body>" % MARK))
        self.w.proc.send_signal(signal.SIGHUP)
        self.assertTrue(wait_for(lambda: MARK in self.get().text, 10),
                        self.w.stderr()[-3000:])
        after = self.settled_workers()
        self.assertFalse(set(before) & set(after), (before, after))

    def test_broken_templates_keep_the_old(self):
        before = self.settled_workers()
        with open(self.layout(), "a") as f:
            f.write("{{#tidak_ditutup}}\n")
        self.w.proc.send_signal(signal.SIGHUP)
        self.assertTrue(wait_for(lambda: "reload failed" in
                                 self.w.stderr(), 10), self.w.stderr())
        self.assertEqual(self.get().status, 200)
        self.assertEqual(self.w.workers(), before)


class Reexec(Base):
    def test_sigusr2_takes_over_without_refusing(self):
        before = self.settled_workers()
        master = self.w.proc.pid
        results, stop = [], threading.Event()

        def client():
            while not stop.is_set():
                try:
                    results.append(self.get(timeout=10).status)
                except OSError as e:
                    results.append(repr(e))

        threads = [threading.Thread(target=client) for _ in range(2)]
        for t in threads:
            t.start()
        time.sleep(0.3)
        self.w.proc.send_signal(signal.SIGUSR2)
        ok = wait_for(lambda: "re-executing" in self.w.stderr() and
                      (lambda p: len(p) == 2 and not set(p) & set(before))(
                          self.w.workers()), 15)
        time.sleep(0.3)
        stop.set()
        for t in threads:
            t.join(15)
        self.assertTrue(ok, self.w.stderr()[-3000:])
        self.assertEqual(self.w.proc.pid, master)
        self.assertTrue(self.w.alive())
        # Not one request refused or cut while the binary changed.
        self.assertEqual([r for r in results if r != 200], [], results)
        self.assertGreater(len(results), 2)


class Stop(Base):
    def test_sigterm_finishes_request_in_flight(self):
        self.settled_workers()
        body = b"email=a%40b.test&password=salah-sekali-12345"
        s = socket.create_connection(("127.0.0.1", self.w.port), timeout=15)
        try:
            s.sendall(b"POST /admin/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      b"Content-Type: application/x-www-form-urlencoded\r\n"
                      b"Connection: close\r\nContent-Length: %d\r\n\r\n"
                      % len(body) + body[:10])
            time.sleep(0.5)
            self.w.proc.send_signal(signal.SIGTERM)
            time.sleep(0.5)
            s.sendall(body[10:])
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        finally:
            s.close()
        self.assertRegex(data[:20], rb"^HTTP/1\.1 (403|400) ")
        self.w.proc.wait(H.STOP_TIMEOUT)
        self.assertEqual(self.w.proc.returncode, 0, self.w.stderr())
        self.assertEqual(H.sanitizer_problems(self.w.stderr()), [])
        # Stopped here already: nothing left for tearDown to stop.
        self.w.stderr_file.close()
        self.w.proc = None


class NoMaster(unittest.TestCase):
    def test_single_process(self):
        w = H.Warta("no-master", fastcgi=True)
        w.extra_args = ["--no-master"]
        try:
            w.init()
            w.start()
        except Exception:
            w.cleanup()
            raise
        try:
            self.assertEqual(w.workers(), [])
            self.assertEqual(H.fetch(w.port, "/").status, 200)
            self.assertNotIn("warta: master", w.stderr())
        except Exception:
            w.stop()
            raise
        self.assertEqual(w.stop(), [])
        # The socket file goes with the process that made it.
        self.assertFalse(os.path.exists(w.sock))
        w.cleanup()


if __name__ == "__main__":
    unittest.main()
