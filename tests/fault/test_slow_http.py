"""test_slow_http.py - the embedded HTTP server against a crowd of hostile
slow clients: 200 connections from one address that each send a header
line every two seconds and never finish. The server keeps at most its
per-address limit of them (64 in each worker process), a normal request
from another address is answered within a generous bound (the latency
measured is printed), and an idle connection is closed after the
timeout."""

import os
import socket
import sys
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "http"))
import harness as H  # noqa: E402

W = None
WORKERS = 2
PER_ADDRESS = 64  # fe_http.c PER_ADDRESS_LIMIT, in each worker
SLOW = 200
HOSTILE_ADDR = "127.0.0.2"  # every 127/8 address is loopback on Linux


def setUpModule():
    global W
    W = H.Warta("slow-http")
    W.extra_args = ["--workers", str(WORKERS)]
    try:
        W.init()
        W.start()
    except Exception:
        W.cleanup()
        raise


def tearDownModule():
    H.stop_warta(W)


def open_slow(n):
    """n connections from HOSTILE_ADDR, each with its request line sent."""
    out = []
    for _ in range(n):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.settimeout(5)
        s.bind((HOSTILE_ADDR, 0))
        s.connect(("127.0.0.1", W.port))
        try:
            s.sendall(b"GET / HTTP/1.1\r\n")
        except OSError:
            pass
        out.append(s)
    return out


def still_open(s):
    """False when the server has closed s (EOF or reset)."""
    s.setblocking(False)
    try:
        return s.recv(1) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        s.setblocking(True)


class SlowClients(unittest.TestCase):
    def test_slow_crowd_does_not_block_others(self):
        try:
            socket.create_connection  # noqa: B018
            probe = socket.socket()
            probe.bind((HOSTILE_ADDR, 0))
            probe.close()
        except OSError as e:
            self.skipTest("cannot bind %s: %s" % (HOSTILE_ADDR, e))
        slow = open_slow(SLOW)
        stop = threading.Event()

        def trickle():
            # One header line every two seconds on every connection.
            i = 0
            while not stop.wait(2.0):
                i += 1
                for s in slow:
                    try:
                        s.sendall(b"X-Pelan-%d: a\r\n" % i)
                    except OSError:
                        pass

        t = threading.Thread(target=trickle, daemon=True)
        t.start()
        try:
            time.sleep(1.0)
            latencies = []
            for _ in range(10):
                t0 = time.monotonic()
                r = H.fetch(W.port, "/", timeout=5)
                latencies.append(time.monotonic() - t0)
                self.assertEqual(r.status, 200)
                time.sleep(0.3)
            kept = sum(still_open(s) for s in slow)
            print("\n%d slow clients: %d kept by the server; a normal "
                  "request took %.0f ms at most, %.0f ms median" %
                  (SLOW, kept, max(latencies) * 1000,
                   sorted(latencies)[len(latencies) // 2] * 1000),
                  file=sys.stderr)
            # Generous for a loaded machine: the point is an answer.
            self.assertLess(max(latencies), 2.0, latencies)
            self.assertLessEqual(kept, PER_ADDRESS * WORKERS)
            self.assertGreater(kept, 0)
        finally:
            stop.set()
            t.join(5)
            for s in slow:
                s.close()
        self.assertTrue(W.alive())

    def test_idle_connection_closed(self):
        s = socket.create_connection(("127.0.0.1", W.port), timeout=60)
        try:
            t0 = time.monotonic()
            s.settimeout(50)
            try:
                data = s.recv(1024)
            except OSError:
                data = b""
            took = time.monotonic() - t0
            self.assertEqual(data, b"")
            # fe_http.c TIMEOUT_SECONDS is 30.
            self.assertLess(took, 45)
            self.assertGreater(took, 20)
        finally:
            s.close()


if __name__ == "__main__":
    unittest.main()
