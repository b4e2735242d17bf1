"""test_fastcgi.py - the FastCGI socket against hostile peers: the record
that aborts libfcgi (two parameter lengths of 0x40000000) is refused
before libfcgi reads it and the site keeps answering, directly and through
nginx; malformed heads are dropped; peers that send one byte, or stop in
the middle of a body, are dropped after a few seconds while normal requests
go on being answered; more than 32 headers is a 431 here too."""

import os
import socket
import struct
import sys
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "http"))
import fcgi  # noqa: E402
import harness as H  # noqa: E402

W = None
NG = None
WORKERS, THREADS = 2, 2
# fe_fcgi.c: HEAD_DEADLINE_MS and READ_TIMEOUT_S are both 5 s. The bounds
# below are generous for a loaded machine; the latencies measured are
# printed for the record.
DROP_BOUND = 12.0


def setUpModule():
    global W, NG
    W = H.Warta("fcgi-fault", fastcgi=True)
    W.extra_args = ["--workers", str(WORKERS)]
    W.threads = THREADS
    try:
        W.init()
        W.start()
        NG = H.Nginx(W).start()
    except Exception:
        if NG:
            NG.kill()
        W.cleanup()
        raise


def tearDownModule():
    H.stop_behind_nginx(NG, W)


def crash_record():
    """BEGIN_REQUEST, then PARAMS whose body starts with the two 4-byte
    lengths 0xC0000000 0xC0000000."""
    return fcgi.begin() + fcgi.record(fcgi.PARAMS, 1, struct.pack(
        ">II", 0xC0000000, 0xC0000000) + b"HTTP_X")


class Base(unittest.TestCase):
    def tearDown(self):
        self.assertTrue(W.alive(), "warta died:\n" + W.stderr()[-4000:])

    def assertAnswers(self, within=1.0):
        t0 = time.monotonic()
        r = fcgi.get(W.sock, "/", timeout=within + 5)
        took = time.monotonic() - t0
        self.assertEqual(r.status, 200, r)
        self.assertLess(took, within)
        return took


class BadRecord(Base):
    def test_crash_record_refused(self):
        before = W.workers()
        s = fcgi.connect(W.sock)
        try:
            s.sendall(crash_record())
            self.assertTrue(fcgi.closed_by_peer(s, 5))
        finally:
            s.close()
        # Refused unread: no worker died for it.
        self.assertAnswers(within=1.0)
        self.assertEqual(W.workers(), before)
        self.assertIn("connection dropped: parameter lengths past their "
                      "limit", W.stderr())
        # And through nginx, the way readers come.
        t0 = time.monotonic()
        r = H.fetch(NG.port, "/")
        self.assertEqual(r.status, 200)
        self.assertLess(time.monotonic() - t0, 1.0)

    def test_crash_record_many_times(self):
        before = W.workers()
        for _ in range(20):
            s = fcgi.connect(W.sock)
            try:
                s.sendall(crash_record() + b"\0" * 64)
                fcgi.closed_by_peer(s, 5)
            finally:
                s.close()
        self.assertAnswers(within=1.0)
        self.assertEqual(W.workers(), before)

    def test_malformed_heads_dropped(self):
        p = fcgi.pairs(fcgi.cgi_params("/"))
        cases = {
            "version 2": b"\x02" + fcgi.begin()[1:],
            "no BEGIN_REQUEST": fcgi.stream(fcgi.PARAMS, 1, p),
            "management record": fcgi.record(9, 0, fcgi.pairs(
                [("FCGI_MAX_CONNS", "")])),
            "authorizer": fcgi.record(fcgi.BEGIN_REQUEST, 1,
                                      struct.pack(">HB5x", 2, 0)),
            "STDIN inside the head": fcgi.begin() + fcgi.record(
                fcgi.PARAMS, 1, p) + fcgi.record(fcgi.STDIN, 1, b"x"),
            "cut pair": fcgi.begin() + fcgi.record(
                fcgi.PARAMS, 1, p[:-1]) + fcgi.record(fcgi.PARAMS, 1),
            "parameters too long": fcgi.begin() + fcgi.stream(
                fcgi.PARAMS, 1, fcgi.pairs(
                    [("HTTP_X%d" % i, "v" * 1000) for i in range(60)])),
        }
        for name, data in cases.items():
            with self.subTest(case=name):
                s = fcgi.connect(W.sock)
                try:
                    s.sendall(data)
                    r = fcgi.read_response(s, 8)
                    self.assertIsNone(r.status, r)
                finally:
                    s.close()
        self.assertAnswers(within=1.0)

    def test_large_but_fair_head(self):
        # 31 headers of 1 KiB each: within every limit.
        headers = [("X-Isi-%d" % i, "k" * 1000) for i in range(31)]
        r = fcgi.get(W.sock, "/", headers=headers)
        self.assertEqual(r.status, 200, r)

    def test_431_past_32_headers(self):
        ok = [("X-H%d" % i, "v") for i in range(32)]
        self.assertEqual(fcgi.get(W.sock, "/", headers=ok).status, 200)
        r = fcgi.get(W.sock, "/", headers=ok + [("Cookie", "a=b")])
        self.assertEqual(r.status, 431, r)
        self.assertIn(b"Header terlalu banyak", r.body)


class SlowPeers(Base):
    def test_one_byte_peers_are_dropped(self):
        # Many more stalled peers than there are threads in all the
        # workers: they wait in the door, not in a thread, so a normal
        # request is answered at once.
        n = 50
        peers = []
        try:
            for _ in range(n):
                s = fcgi.connect(W.sock)
                s.sendall(b"\x01")
                peers.append(s)
            t0 = time.monotonic()
            r = fcgi.get(W.sock, "/", timeout=DROP_BOUND + 5)
            latency = time.monotonic() - t0
            self.assertEqual(r.status, 200, r)
            self.assertLess(latency, 2.0)
            dropped = [fcgi.closed_by_peer(s, DROP_BOUND) for s in peers]
            self.assertTrue(all(dropped), dropped)
            took = time.monotonic() - t0
            print("\n%d one-byte peers: a normal request answered in "
                  "%.2f s; all dropped within %.2f s" %
                  (n, latency, took), file=sys.stderr)
        finally:
            for s in peers:
                s.close()
        self.assertAnswers(within=1.0)

    def test_peer_stopping_mid_body_is_dropped(self):
        body = b"email=a%40b.test&password=" + b"x" * 100
        params = fcgi.cgi_params("/admin/login", method="POST",
                                 headers=[("Content-Type", "application/"
                                           "x-www-form-urlencoded")],
                                 body=body)
        s = fcgi.connect(W.sock)
        try:
            s.sendall(fcgi.begin() + fcgi.stream(
                fcgi.PARAMS, 1, fcgi.pairs(params)) +
                fcgi.record(fcgi.STDIN, 1, body[:20]))
            t0 = time.monotonic()
            self.assertTrue(fcgi.closed_by_peer(s, DROP_BOUND))
            print("\na peer silent mid-body was dropped after %.2f s" %
                  (time.monotonic() - t0), file=sys.stderr)
        finally:
            s.close()
        self.assertAnswers(within=1.0)


if __name__ == "__main__":
    unittest.main()
