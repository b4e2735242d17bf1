"""test_live_cache.py - a live blog's poll endpoint behind the micro-cache
of docs/nginx.conf: readers at the same version share one URL, so a burst
of polls reaches warta about once per cache lifetime; a new update shows
in the answer to that same URL within twice the lifetime, and on the
story's page too. Fails (never skips) when nginx is missing."""

import json
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "http"))
import harness as H  # noqa: E402

W = None
NG = None
NOW = int(time.time())
LIFETIME = 5  # seconds: max-age of warta's answers, fastcgi_cache_valid
IDS = {}


def setUpModule():
    global W, NG
    W = H.Warta("nginx-live", fastcgi=True, http=False, threads=4)
    try:
        W.init()
        aid = W.add_article("liputan-cache", "Liputan langsung di cache",
                            published_at=NOW - 3600)
        IDS["article"] = aid
        with W.db() as c:
            c.execute("INSERT INTO live_blogs (article_id, started_at, "
                      "version, changed_at) VALUES (?, ?, 2, ?)",
                      (aid, NOW - 3600, NOW - 60))
            c.execute("INSERT INTO live_updates (article_id, posted_at, "
                      "body_md, body_html, version, created_at, "
                      "updated_at) VALUES (?, ?, 'Satu', '<p>Satu</p>\n', "
                      "2, ?, ?)", (aid, NOW - 60, NOW - 60, NOW - 60))
        W.start()
        NG = H.Nginx(W).start()
    except Exception:
        if NG:
            NG.kill()
        W.kill()
        raise


def tearDownModule():
    H.stop_behind_nginx(NG, W)


def get(path, **kw):
    return H.fetch(NG.port, path, host="127.0.0.1", **kw)


class LivePoll(unittest.TestCase):
    def tearDown(self):
        H.assert_alive_behind_nginx(self, W, NG)

    def warta_hits(self, path):
        return sum(1 for ln in W.log_lines() if ln[1] == path)

    def test_polls_are_absorbed_and_updates_arrive(self):
        aid = IDS["article"]
        path = "/langsung/%d.json?sejak=2" % aid
        first = get(path)
        self.assertEqual(first.status, 200)
        self.assertEqual(json.loads(first.text)["updates"], [])
        self.assertEqual(H.after_miss(NG.port, path)
                         .header("X-Cache-Status"), "HIT")
        # A burst of readers polling within one lifetime: warta answers
        # at most one of them again (an expiry in the middle).
        before = self.warta_hits(path)
        start = time.monotonic()
        for _ in range(50):
            self.assertEqual(get(path).status, 200)
        elapsed = time.monotonic() - start
        self.assertLessEqual(self.warta_hits(path) - before,
                             int(elapsed / LIFETIME) + 1)
        # An update posted now reaches that very URL, and the page,
        # within twice the lifetime.
        posted = time.monotonic()
        with W.db() as c:
            c.execute("UPDATE live_blogs SET version = 3, changed_at = ? "
                      "WHERE article_id = ?", (int(time.time()), aid))
            c.execute("INSERT INTO live_updates (article_id, posted_at, "
                      "body_md, body_html, version, created_at, "
                      "updated_at) VALUES (?, ?, 'Dua', '<p>Dua baru</p>\n',"
                      " 3, ?, ?)", (aid, int(time.time()),
                                    int(time.time()), int(time.time())))
        page = H.article_path(NOW - 3600, "liputan-cache")
        got_poll = got_page = None
        while time.monotonic() < posted + 2 * LIFETIME:
            if got_poll is None:
                d = json.loads(get(path).text)
                if d["version"] == 3 and any(
                        "Dua baru" in u.get("html", "")
                        for u in d["updates"]):
                    got_poll = round(time.monotonic() - posted, 1)
            if got_page is None and "Dua baru" in get(page).text:
                got_page = round(time.monotonic() - posted, 1)
            if got_poll is not None and got_page is not None:
                break
            time.sleep(0.2)
        self.assertIsNotNone(got_poll, "the poll stayed stale")
        self.assertIsNotNone(got_page, "the page stayed stale")
        print("\nupdate visible after %ss (poll), %ss (page)"
              % (got_poll, got_page), file=sys.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
