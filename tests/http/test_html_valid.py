"""test_html_valid.py - every kind of page warta serves, reader and admin,
from a demo database, run through the Nu HTML Checker (vnu.jar from npm's
vnu-jar in tests/html, on Debian's JRE): 0 errors is the bar. The pages are
fetched over HTTP from a real warta and checked in one JVM run; a failure
lists each error with its page, line and message."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402

VNU = os.path.join(H.SRC, "tests", "html", "node_modules", "vnu-jar",
                   "build", "dist", "vnu.jar")
JAVA = shutil.which("java") or "/usr/bin/java"
ADMIN = ("admin@valid.test", "Vina Valid", "admin", "kata-sandi-vina-1")

W = None


def fixtures(w):
    now = int(time.time())
    # A page the demo does not have: a withdrawn story (410).
    w.add_article("uji-valid-dicabut", "Berita valid yang dicabut",
                  status="unpublished", published_at=now - 86400 * 3,
                  unpublish_reason="Sumber menarik pernyataannya.")
    H.add_user(w, *ADMIN)
    # Pictures on most stories (page_picture.c's markup: headline,
    # thumbnails, boxes, the side column), a legacy upload on some, none
    # on the rest (in place of any the demo brings).
    with w.db() as c:
        pic = c.execute(
            "INSERT INTO media (name, mime, size, created_at, pkey, width, "
            "height, focal_x, focal_y, caption, credit, alt) VALUES "
            "('valid.jpg', 'image/jpeg', 1, ?, '00112233445566ff', 3000, "
            "2000, 400, 300, 'Keterangan <foto>', 'Foto: Warta', "
            "'Teks \"alt\" & <lain>')", (now,)).lastrowid
        old = c.execute("INSERT INTO media (name, mime, size, created_at) "
                        "VALUES ('valid-lama.png', 'image/png', 1, ?)",
                        (now,)).lastrowid
        c.execute("UPDATE articles SET image_id = CASE WHEN id % 5 = 0 "
                  "THEN ? WHEN id % 5 = 1 THEN NULL ELSE ? END",
                  (old, pic))


def setUpModule():
    global W
    W = H.start_warta("html-valid", fixtures)


def tearDownModule():
    H.stop_warta(W)


def first(sql, args=()):
    rows = W.rows(sql, args)
    return rows[0] if rows else None


def reader_paths():
    """One page of every kind the reader side has, with what the demo
    makes interesting (an article with tags, related stories, BACA JUGA
    boxes, a search with hits and one with none, a day of the archive)."""
    arts = W.public_articles()
    paths = ["/", "/arsip", "/cari", "/cari?q=pilkada", "/cari?q=zzzqqq",
             "/cari?q=suara&kanal=&dari=2020-01-01&sampai=2030-12-31",
             "/halaman-yang-tidak-ada"]
    for a in arts[:6]:
        paths.append(H.article_path(a["published_at"], a["slug"]))
    boxed = first("SELECT slug, published_at FROM articles WHERE body_html "
                  "LIKE '%baca-juga%' AND status = 'published' LIMIT 1")
    if boxed:
        paths.append(H.article_path(boxed["published_at"], boxed["slug"]))
    gone = first("SELECT slug, published_at FROM articles WHERE "
                 "slug = 'uji-valid-dicabut'")
    paths.append(H.article_path(gone["published_at"], gone["slug"]))
    for t in ("sections", "tags", "authors"):
        row = first("SELECT slug FROM %s ORDER BY id LIMIT 1" % t)
        base = {"sections": "/kanal/", "tags": "/tag/",
                "authors": "/penulis/"}[t]
        paths.append(base + row["slug"])
    d = H.wib(arts[0]["published_at"])
    paths += ["/arsip/%04d/%02d" % (d.year, d.month),
              "/arsip/%04d/%02d/%02d" % (d.year, d.month, d.day)]
    # Election night: the demo's live blog (closed) and the results
    # pages; an open live blog is checked by test_election.py's pages.
    live = first("SELECT a.slug, a.published_at FROM live_blogs l JOIN "
                 "articles a ON a.id = l.article_id LIMIT 1")
    if live:
        paths.append(H.article_path(live["published_at"], live["slug"]))
    paths += ["/pilkada", "/pilkada/provinsi-banten",
              "/pilkada/kota-tangerang"]
    # An older page of the home listing, when the demo has one.
    r = H.fetch(W.port, "/")
    older = H.next_link(r.text)
    if older:
        paths.append(older)
    return paths


def admin_paths():
    art = first("SELECT id FROM articles ORDER BY id LIMIT 1")
    sec = first("SELECT id FROM sections ORDER BY id LIMIT 1")
    tag = first("SELECT id FROM tags ORDER BY id LIMIT 1")
    aut = first("SELECT id FROM authors ORDER BY id LIMIT 1")
    usr = first("SELECT id FROM users ORDER BY id LIMIT 1")
    return ["/admin", "/admin/articles", "/admin/articles?status=draft",
            "/admin/articles/new",
            "/admin/articles/%d/edit" % art["id"],
            "/admin/articles/%d/revisions" % art["id"],
            "/admin/sections", "/admin/sections/%d" % sec["id"],
            "/admin/tags", "/admin/tags/%d" % tag["id"],
            "/admin/authors", "/admin/authors/%d" % aut["id"],
            "/admin/users", "/admin/users/new", "/admin/users/%d" % usr["id"],
            "/admin/settings", "/admin/audit", "/admin/account",
            "/admin/agenda", "/admin/media"] + election_admin_paths() + \
        media_admin_paths()


def media_admin_paths():
    """The media library's page of a picture, when there is one (the
    demo's, or one the picture tests added)."""
    rows = W.rows("SELECT id FROM media ORDER BY id LIMIT 1")
    return ["/admin/media/%d" % rows[0]["id"]] if rows else []


def admin_posts(b):
    """Admin pages that answer a POST: the conflict page, the preview,
    the bulk action's results, the admin's 403."""
    art = first("SELECT id FROM articles ORDER BY id LIMIT 1")["id"]
    stale = [("title", "Judul"), ("body", "Isi."), ("version", "999999"),
             ("action", "draft")]
    return [("conflict", b.post("/admin/articles/%d" % art, stale)),
            ("preview", b.post("/admin/articles/%d/preview" % art, stale)),
            ("bulk", b.post("/admin/articles/bulk", [
                ("item", "%d.999999" % art), ("bulk", "publish")])),
            ("denied", b.post("/admin/logout", csrf=False))]


def election_admin_paths():
    """The live blog, one update's page, the results desk."""
    live = first("SELECT article_id FROM live_blogs LIMIT 1")
    upd = first("SELECT id FROM live_updates WHERE deleted = 0 LIMIT 1")
    reg = first("SELECT id FROM regions ORDER BY id LIMIT 1")
    plain = first("SELECT id FROM articles WHERE id NOT IN (SELECT "
                  "article_id FROM live_blogs) ORDER BY id LIMIT 1")
    paths = ["/admin/pilkada",
             "/admin/articles/%d/live" % plain["id"]]
    if live:
        paths.append("/admin/articles/%d/live" % live["article_id"])
    if upd:
        paths.append("/admin/live/%d" % upd["id"])
    if reg:
        paths.append("/admin/pilkada/%d" % reg["id"])
    return paths


def vnu(files):
    """Runs vnu.jar over files; returns its parsed JSON messages."""
    r = subprocess.run([JAVA, "-Xss4m", "-jar", VNU, "--format", "json",
                        "--exit-zero-always"] + files,
                       capture_output=True, text=True, timeout=240,
                       stdin=subprocess.DEVNULL)
    if r.returncode != 0:
        raise RuntimeError("vnu.jar failed (%d): %s" % (r.returncode,
                                                        r.stderr[-2000:]))
    # The JSON report goes to stderr.
    return json.loads(r.stderr)["messages"]


class HtmlValid(unittest.TestCase):
    def test_checker_present(self):
        self.assertTrue(os.path.exists(VNU), "vnu.jar missing: run "
                        "npm ci --prefix tests/html (scripts/test does)")
        self.assertTrue(os.path.exists(JAVA), "no java: scripts/deps test "
                        "installs default-jre-headless")

    def test_checker_catches_errors(self):
        """The checker, run the way the real test runs it, reports the
        very errors this test exists for: a skipped heading level (h1
        then h3) and a placeholder on a date input."""
        tmp = tempfile.mkdtemp(prefix="warta-vnu-")
        try:
            bad = os.path.join(tmp, "bad.html")
            with open(bad, "w") as f:
                f.write('<!DOCTYPE html><html lang="id"><head><meta '
                        'charset="utf-8"><title>x</title></head><body>'
                        '<h1>a</h1><h3>b</h3><input type="date" '
                        'placeholder="x" aria-label="d"></body></html>')
            msgs = vnu([bad])
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        kinds = [(m.get("type"), m.get("subType")) for m in msgs]
        self.assertIn(("error", None), kinds, msgs)
        self.assertTrue(any("placeholder" in m.get("message", "")
                            for m in msgs if m.get("type") == "error"))
        self.assertTrue(any("skipping 1 heading level" in
                            m.get("message", "") for m in msgs
                            if m.get("type") == "error"), msgs)

    def test_every_page_valid(self):
        reader = reader_paths()
        b = H.Browser(W.port)
        r = b.login(ADMIN[0], ADMIN[3])
        self.assertEqual(r.status, 303, r.text[:300])
        tmp = tempfile.mkdtemp(prefix="warta-vnu-")
        names = {}
        try:
            pages = [(p, H.fetch(W.port, p)) for p in reader]
            pages += [(p, b.get(p)) for p in admin_paths()]
            pages.append(("/admin/login", H.fetch(W.port, "/admin/login")))
            pages += admin_posts(b)
            for i, (path, resp) in enumerate(pages):
                self.assertIn(resp.status, (200, 403, 404, 409, 410),
                              "%s: %d" % (path, resp.status))
                self.assertTrue(resp.header("Content-Type")
                                .startswith("text/html"), path)
                name = os.path.join(tmp, "page%02d.html" % i)
                with open(name, "wb") as f:
                    f.write(resp.body)
                names[name] = path
            self.assertGreaterEqual(len(names), 35)
            msgs = vnu(sorted(names))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        problems = []
        for m in msgs:
            # Errors, and the warnings that mark a broken outline (a
            # page with no h1, a section without a heading).
            heading = re.search(r"heading", m.get("message", ""), re.I)
            if m.get("type") == "error" or (m.get("subType") == "warning"
                                            and heading):
                url = m.get("url", "")
                path = names.get(url.replace("file:", ""), url)
                problems.append("%s:%s: %s: %s" % (
                    path, m.get("lastLine", "?"), m.get("type"),
                    m.get("message")))
        self.assertEqual(problems, [], "\n" + "\n".join(problems))


if __name__ == "__main__":
    unittest.main()
