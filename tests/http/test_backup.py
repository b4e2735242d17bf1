"""test_backup.py - warta backup, check and restore as an operator runs
them: a backup taken while warta serves and the database is being written
is whole; after a wipe, restore brings back the same pages; check finds a
damaged database file, a missing and an orphan media file; every refusal
is one line and a non-zero exit that changes nothing."""

import os
import shutil
import sqlite3
import tempfile
import threading
import time
import unittest

import harness as H

W = None
OUT = None  # a directory for backups, outside warta's own
IMAGE = "0123456789abcdef0123456789abcdef.png"
# The smallest PNG there is (1x1, grey); page_media serves it by name.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010800"
                    "0000003a7e9b550000000a4944415478da636000000002000154"
                    "a24f5d0000000049454e44ae426082")


def fixtures(w):
    media = os.path.join(w.dir, "media")
    os.makedirs(media, exist_ok=True)
    with open(os.path.join(media, IMAGE), "wb") as f:
        f.write(PNG)
    with w.db() as c:
        mid = c.execute("INSERT INTO media (name, mime, size, created_at) "
                        "VALUES (?, 'image/png', ?, 1)",
                        (IMAGE, len(PNG))).lastrowid
        c.execute("UPDATE articles SET image_id = ?, image_caption = "
                  "'Petugas menghitung suara' WHERE id = (SELECT min(id) "
                  "FROM articles WHERE status = 'published')", (mid,))


def setUpModule():
    global W, OUT
    W = H.start_warta("backup", fixtures)
    OUT = tempfile.mkdtemp(prefix="warta-backups-")


def tearDownModule():
    shutil.rmtree(OUT, ignore_errors=True)
    H.stop_warta(W)


def warta(*args):
    return H.warta_cmd(W, list(args), timeout=120)


def media_dir():
    return os.path.join(W.dir, "media")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def pages():
    """Status and body of a set of pages that show every kind of data."""
    art = W.public_articles(where="a.image_id IS NOT NULL")[0]
    paths = ["/", H.article_path(art["published_at"], art["slug"]),
             "/kanal/" + art["section_slug"], "/feed.xml",
             "/sitemap-news.xml", "/cari?q=pilkada", "/media/" + IMAGE]
    out = {}
    for p in paths:
        r = H.fetch(W.port, p)
        out[p] = (r.status, r.body)
    return out


class Cli(unittest.TestCase):
    def assertOneLine(self, r, status, *words):
        self.assertEqual(r.returncode, status, r)
        lines = r.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, r.stderr)
        self.assertTrue(lines[0].startswith("warta: "), lines[0])
        for w in words:
            self.assertIn(w, lines[0])
        self.assertEqual(H.sanitizer_problems(r.stderr), [])

    def test_1_backup_while_writing_then_restore(self):
        before = pages()
        self.assertTrue(all(s == 200 for s, _ in before.values()), before)
        self.assertIn(b'<figure class="lead-image">',
                      [b for p, (s, b) in before.items()
                       if p.count("/") == 4][0])
        b0 = os.path.join(OUT, "b0.db")
        r = warta("backup", "--db", W.db_path, "--to", b0, "--media",
                  media_dir())
        self.assertEqual(r.returncode, 0, r)
        self.assertIn("1 media files", r.stdout)
        self.assertTrue(os.path.exists(b0 + ".manifest"))
        with open(os.path.join(b0 + ".media", IMAGE), "rb") as f:
            self.assertEqual(f.read(), PNG)

        # Now back up again while another connection keeps writing and
        # warta keeps serving (its readers see every write).
        count0 = len(W.articles())
        stop = threading.Event()
        written = []
        errors = []

        def writer():
            try:
                for i in range(400):
                    if stop.is_set():
                        break
                    W.add_article("tulis-%d" % i, "Berita ke-%d" % i,
                                  lead="Ditulis selama pencadangan.")
                    written.append(i)
                    H.fetch(W.port, "/")
            except Exception as e:  # reported below
                errors.append(e)

        t = threading.Thread(target=writer)
        t.start()
        try:
            deadline = time.monotonic() + 10
            while len(written) < 20 and time.monotonic() < deadline:
                time.sleep(0.02)
            b1 = os.path.join(OUT, "b1.db")
            r = warta("backup", "--db", W.db_path, "--to", b1, "--media",
                      media_dir())
            during = len(written)
        finally:
            stop.set()
            t.join(60)
        self.assertEqual(errors, [])
        self.assertEqual(r.returncode, 0, r)
        self.assertGreater(during, 20, "the writer was not writing")
        count1 = len(W.articles())
        r = warta("check", "--db", b1, "--media", b1 + ".media")
        self.assertEqual(r.returncode, 0, r)
        self.assertIn("ok (integrity, foreign keys, search index", r.stdout)
        with sqlite3.connect(b1) as c:
            n = c.execute("SELECT count(*) FROM articles").fetchone()[0]
            mode = c.execute("PRAGMA journal_mode").fetchone()[0]
        self.assertTrue(count0 + 20 <= n <= count1, (count0, n, count1))
        self.assertEqual(mode, "delete")
        self.assertFalse(os.path.exists(b1 + "-wal"))

        # Wipe the newsroom, put b0 back, serve again: the same pages.
        self.assertEqual(W.stop(), [])
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(W.db_path + suffix):
                os.unlink(W.db_path + suffix)
        shutil.rmtree(media_dir())
        r = warta("restore", "--from", b0, "--db", W.db_path, "--media",
                  media_dir())
        self.assertEqual(r.returncode, 0, r)
        self.assertIn("1 media files", r.stdout)
        r = warta("check", "--db", W.db_path, "--media", media_dir())
        self.assertEqual(r.returncode, 0, r)
        W.start()
        after = pages()
        for p in before:
            self.assertEqual(after[p][0], before[p][0], p)
            self.assertEqual(after[p][1], before[p][1], p)
        self.assertEqual(len(W.articles()), count0)

    def test_2_check_finds_damage(self):
        b = os.path.join(OUT, "c.db")
        r = warta("backup", "--db", W.db_path, "--to", b, "--media",
                  media_dir())
        self.assertEqual(r.returncode, 0, r)
        self.assertEqual(warta("check", "--db", b, "--media",
                               b + ".media").returncode, 0)

        # A media file gone, and one nobody knows.
        os.unlink(os.path.join(b + ".media", IMAGE))
        stray = "fedcba9876543210fedcba9876543210.jpg"
        with open(os.path.join(b + ".media", stray), "wb") as f:
            f.write(b"\xff\xd8\xff")
        r = warta("check", "--db", b, "--media", b + ".media")
        self.assertOneLine(r, 1, "2 problems found")
        self.assertIn("media missing: %s/%s: the file of picture" %
                      (b + ".media", IMAGE), r.stdout)
        self.assertIn("media orphan: %s/%s" % (b + ".media", stray),
                      r.stdout)

        # Pages of the database file overwritten in the middle.
        damaged = os.path.join(OUT, "damaged.db")
        shutil.copy(b, damaged)
        size = os.path.getsize(damaged)
        with open(damaged, "r+b") as f:
            for page in range(2, size // 4096, 3):
                f.seek(page * 4096 + 100)
                f.write(b"\xa5" * 1000)
        before = read(damaged)
        r = warta("check", "--db", damaged, "--media", b + ".media")
        self.assertEqual(r.returncode, 1, r)
        self.assertIn("integrity: ", r.stdout)
        self.assertIn("problems found", r.stderr)
        self.assertEqual(H.sanitizer_problems(r.stderr), [])
        # Checking changes nothing, not even the journal mode.
        self.assertEqual(read(damaged), before)
        self.assertFalse(os.path.exists(damaged + "-wal"))

    def test_3_refusals(self):
        b = os.path.join(OUT, "r.db")
        r = warta("backup", "--db", W.db_path, "--to", b, "--media",
                  media_dir())
        self.assertEqual(r.returncode, 0, r)
        manifest = read(b + ".manifest")
        # A backup never overwrites.
        self.assertOneLine(warta("backup", "--db", W.db_path, "--to", b,
                                 "--media", media_dir()), 1,
                           "already exists")
        self.assertEqual(read(b + ".manifest"), manifest)
        # Nor backs up a database that is not there (nor creates it).
        missing = os.path.join(OUT, "nope.db")
        self.assertOneLine(warta("backup", "--db", missing, "--to",
                                 os.path.join(OUT, "x.db"), "--media",
                                 media_dir()), 1, missing)
        self.assertFalse(os.path.exists(missing))
        self.assertFalse(os.path.exists(os.path.join(OUT, "x.db")))
        self.assertOneLine(warta("backup", "--db", W.db_path, "--to",
                                 os.path.join(OUT, "y.db"), "--media",
                                 os.path.join(OUT, "no-media")), 1,
                           "no-media")
        self.assertFalse(os.path.exists(os.path.join(OUT, "y.db")))
        # Restore never replaces a database, even a serving one.
        self.assertOneLine(warta("restore", "--from", b, "--db", W.db_path,
                                 "--media", media_dir()), 1,
                           "move it aside")
        # A damaged backup restores nothing.
        with open(b, "r+b") as f:
            f.seek(5000)
            f.write(b"x")
        target = os.path.join(OUT, "t.db")
        self.assertOneLine(warta("restore", "--from", b, "--db", target,
                                 "--media", os.path.join(OUT, "tm")), 1,
                           "differs from its manifest")
        self.assertFalse(os.path.exists(target))
        self.assertFalse(os.path.exists(os.path.join(OUT, "tm")))
        self.assertOneLine(warta("check", "--db", missing), 1, missing)
        self.assertOneLine(warta("backup", "--db", W.db_path), 2, "--to")
        self.assertOneLine(warta("restore", "--db", target), 2, "--from")
        self.assertOneLine(warta("check", "--bogus"), 2, "--bogus")
        for cmd in ("backup", "check", "restore"):
            r = warta(cmd, "--help")
            self.assertEqual(r.returncode, 0)
            self.assertIn("usage: warta " + cmd, r.stdout)
        self.assertTrue(W.alive())
        # No temporary file of a failed or finished run is left.
        self.assertEqual([n for n in os.listdir(OUT)
                          if ".part" in n or n.startswith(".")], [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
