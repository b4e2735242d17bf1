"""test_admin_collab.py - several editors at once: presence ("Nama sedang
menyunting sejak 21.04" in the editor and the listing, from the opening
alone or the heartbeat, and its expiry), each user's autosave (kept, shown
to its user alone, never public, offered back, dropped by a save or on
request), the whole-page preview (not public, not cached), the word count,
bulk actions with the role checks of one by one, and the agenda."""

import html
import os
import re
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402

W = None
PW = "kata-sandi-uji-123"
ANI = ("ani@bersama.test", "Ani Redaktur", "editor")
BUDI = ("budi@bersama.test", "Budi Redaktur", "editor")
RUDI = ("rudi@bersama.test", "Rudi Reporter", "reporter")
NOW = int(time.time())
DAY = 86400
EVIL = "<script>alert(1)</script> & \"kutip\""
NO_FILE = [("image", "", "application/octet-stream", b"")]


def setUpModule():
    global W
    W = H.Warta("collab")
    try:
        W.init()
        for who in (ANI, BUDI, RUDI):
            H.add_user(W, *who, PW)
        W.start()
    except Exception:
        W.cleanup()
        raise


def tearDownModule():
    H.stop_warta(W)


def browser(who):
    b = H.Browser(W.port)
    r = b.login(who[0], PW)
    assert r.status == 303, r
    return b


def uid(who):
    return W.rows("SELECT id FROM users WHERE email = ?", (who[0],))[0]["id"]


def article(aid):
    rows = W.rows("SELECT * FROM articles WHERE id = ?", (aid,))
    return rows[0] if rows else None


def clock(t):
    return H.wib(t).strftime("%H.%M")


def story(b, title, action="draft", body="Isi awal berita."):
    sec = W.rows("SELECT id FROM sections ORDER BY id LIMIT 1")[0]["id"]
    au = W.rows("SELECT id FROM authors ORDER BY id LIMIT 1")[0]["id"]
    r = b.post("/admin/articles", [
        ("title", title), ("slug", ""), ("lead", "Teras."),
        ("dateline", "Serang"), ("section", str(sec)), ("body", body),
        ("tags", "Pilkada"), ("picks", ""), ("author", str(au)),
        ("action", action)], files=NO_FILE)
    assert r.status == 303, (r.status, r.text[:2000])
    return W.rows("SELECT id FROM articles WHERE title = ?",
                  (title,))[0]["id"]


def row_of(page, aid):
    """The listing's row of article aid."""
    m = re.search(r'<tr>\n<td class="pick">(?:(?!</tr>).)*?'
                  r'href="/admin/articles/%d/edit".*?</tr>' % aid, page,
                  re.S)
    assert m, page[:2000]
    return m.group(0)


def presence(aid, who):
    rows = W.rows("SELECT * FROM presence WHERE article_id = ? AND"
                  " user_id = ?", (aid, uid(who)))
    return rows[0] if rows else None


class Presence(unittest.TestCase):
    def test_opening_shows_to_others_then_expires(self):
        ani, budi = browser(ANI), browser(BUDI)
        aid = story(ani, "Kehadiran uji")
        self.assertIsNone(presence(aid, ANI))
        t0 = int(time.time())
        self.assertEqual(ani.get("/admin/articles/%d/edit" % aid).status,
                         200)
        p = presence(aid, ANI)
        self.assertIsNotNone(p)
        # Without a script the opening alone counts, for five minutes.
        self.assertAlmostEqual(p["until"] - p["since"], 300, delta=2)
        self.assertAlmostEqual(p["since"], t0, delta=3)
        line = "Ani Redaktur sedang menyunting sejak %s" % clock(p["since"])
        page = budi.get("/admin/articles/%d/edit" % aid).text
        self.assertIn(line, page)
        self.assertIn('data-presence="/admin/articles/%d/presence"' % aid,
                      page)
        self.assertIn(line, row_of(budi.get("/admin/articles").text, aid))
        # Not to herself.
        self.assertNotIn("Ani Redaktur sedang menyunting",
                         ani.get("/admin/articles/%d/edit" % aid).text)
        # The heartbeat keeps it shorter but renewed; since stays.
        r = ani.post("/admin/articles/%d/presence" % aid, {})
        self.assertEqual(r.status, 204)
        q = presence(aid, ANI)
        self.assertEqual(q["since"], p["since"])
        self.assertAlmostEqual(q["until"] - int(time.time()), 90, delta=3)
        # Expired: gone from both pages.
        with W.db() as c:
            c.execute("UPDATE presence SET until = ? WHERE article_id = ?"
                      " AND user_id = ?", (int(time.time()) - 1, aid,
                                           uid(ANI)))
        self.assertNotIn("Ani Redaktur sedang menyunting",
                         budi.get("/admin/articles/%d/edit" % aid).text)
        self.assertNotIn("Ani Redaktur sedang menyunting",
                         row_of(budi.get("/admin/articles").text, aid))
        # A new opening after expiry starts a new "since".
        with W.db() as c:
            c.execute("UPDATE presence SET since = since - 3600 WHERE"
                      " article_id = ? AND user_id = ?", (aid, uid(ANI)))
        ani.get("/admin/articles/%d/edit" % aid)
        self.assertAlmostEqual(presence(aid, ANI)["since"], time.time(),
                               delta=3)
        # Leaving ends it at once.
        r = ani.post("/admin/articles/%d/presence" % aid, {"leave": "1"})
        self.assertEqual(r.status, 204)
        self.assertIsNone(presence(aid, ANI))
        self.assertNotIn("Ani Redaktur sedang menyunting",
                         budi.get("/admin/articles/%d/edit" % aid).text)

    def test_heartbeat_refusals(self):
        ani, rudi = browser(ANI), browser(RUDI)
        aid = story(ani, "Kehadiran terlarang")
        self.assertEqual(ani.post("/admin/articles/%d/presence" % aid, {},
                                  csrf=False).status, 403)
        self.assertEqual(rudi.post("/admin/articles/%d/presence" % aid,
                                   {}).status, 403)
        self.assertEqual(ani.post("/admin/articles/999999/presence",
                                  {}).status, 404)
        r = ani.get("/admin/articles/%d/presence" % aid)
        self.assertEqual(r.status, 405)
        self.assertEqual(r.header("Allow"), "POST")
        self.assertIsNone(presence(aid, RUDI))
        # A reporter's read-only look at a submitted story is no presence.
        rid = story(rudi, "Kiriman reporter", action="submit")
        self.assertEqual(rudi.get("/admin/articles/%d/edit" % rid).status,
                         200)
        self.assertIsNone(presence(rid, RUDI))


class Autosave(unittest.TestCase):
    def fields(self, **kw):
        f = {"title": "Judul ketikan", "slug": "", "lead": "Teras ketikan",
             "dateline": "Cilegon", "body": "Isi ketikan %s" % EVIL,
             "tags": "A, B", "picks": ""}
        f.update(kw)
        return f

    def test_kept_for_its_user_only_never_public(self):
        ani, budi = browser(ANI), browser(BUDI)
        aid = story(ani, "Autosimpan uji", action="publish")
        before = article(aid)
        revs = len(W.rows("SELECT id FROM revisions WHERE article_id = ?",
                          (aid,)))
        secret = "Kalimat-rahasia-autosimpan"
        r = ani.post("/admin/articles/%d/autosave" % aid, self.fields(
            body="Isi %s %s" % (secret, EVIL), version=before["version"]))
        self.assertEqual(r.status, 200)
        self.assertRegex(r.text, r"^\d\d\.\d\d$")
        self.assertEqual(r.header("Cache-Control"), "no-store")
        rows = W.rows("SELECT * FROM autosaves WHERE article_id = ?",
                      (aid,))
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["user_id"], uid(ANI))
        # Not a revision, not the article, not public, not searchable.
        self.assertEqual(article(aid), before)
        self.assertEqual(len(W.rows("SELECT id FROM revisions WHERE"
                                    " article_id = ?", (aid,))), revs)
        pub = H.fetch(W.port, H.article_path(before["published_at"],
                                             before["slug"]))
        self.assertEqual(pub.status, 200)
        self.assertNotIn(secret, pub.text)
        self.assertIn("Tidak ada berita yang cocok",
                      H.fetch(W.port, "/cari?q=" + secret).text)
        # Another editor sees neither the offer nor the text.
        page = budi.get("/admin/articles/%d/edit" % aid).text
        self.assertNotIn("belum disimpan dari", page)
        self.assertNotIn(secret, page)
        self.assertNotIn(secret, budi.get("/admin/articles/%d/edit?"
                                          "pulihkan=1" % aid).text)
        # Its owner is offered it, and gets it back on asking.
        page = ani.get("/admin/articles/%d/edit" % aid).text
        self.assertIn("Ada ketikan Anda yang belum disimpan dari %s"
                      % H.date_short(rows[0]["saved_at"]), page)
        self.assertIn('href="/admin/articles/%d/edit?pulihkan=1"' % aid,
                      page)
        self.assertNotIn(secret, page)
        page = ani.get("/admin/articles/%d/edit?pulihkan=1" % aid).text
        self.assertIn(H.esc("Isi %s %s" % (secret, EVIL)), page)
        self.assertNotIn(EVIL, page)
        self.assertIn('value="Judul ketikan"', page)
        self.assertIn('name="version" value="%d"' % before["version"], page)
        self.assertIn("dipulihkan", page)
        # A save drops it.
        f = [(k, v) for k, v in self.fields().items()]
        sec = str(before["section_id"])
        au = str(W.authors_of(aid)[0]["id"])
        r = ani.post("/admin/articles/%d" % aid, f + [
            ("section", sec), ("author", au), ("action", "draft"),
            ("version", str(before["version"]))], files=NO_FILE)
        self.assertEqual(r.status, 303, r.text[:2000])
        self.assertEqual(W.rows("SELECT * FROM autosaves WHERE"
                                " article_id = ?", (aid,)), [])

    def test_new_story_discard_and_refusals(self):
        ani, rudi = browser(ANI), browser(RUDI)
        r = ani.post("/admin/articles/new/autosave", self.fields(
            title="Berita baru belum tersimpan"))
        self.assertEqual(r.status, 200)
        page = ani.get("/admin/articles/new").text
        self.assertIn("belum disimpan dari", page)
        self.assertIn('href="/admin/articles/new?pulihkan=1"', page)
        page = ani.get("/admin/articles/new?pulihkan=1").text
        self.assertIn('value="Berita baru belum tersimpan"', page)
        self.assertNotIn("belum disimpan dari",
                         rudi.get("/admin/articles/new").text)
        r = ani.post("/admin/articles/new/autosave/discard", {})
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), "/admin/articles/new")
        self.assertEqual(W.rows("SELECT * FROM autosaves WHERE user_id = ?"
                                " AND article_id = 0", (uid(ANI),)), [])
        aid = story(ani, "Autosimpan terlarang")
        v = article(aid)["version"]
        # A reporter may not keep one of someone else's story.
        self.assertEqual(rudi.post("/admin/articles/%d/autosave" % aid,
                                   self.fields(version=v)).status, 403)
        self.assertEqual(ani.post("/admin/articles/%d/autosave" % aid,
                                  self.fields()).status, 400)
        self.assertEqual(ani.post("/admin/articles/%d/autosave" % aid,
                                  self.fields(version=v),
                                  csrf=False).status, 403)
        self.assertEqual(ani.post("/admin/articles/%d/autosave" % aid,
                                  self.fields(version=v,
                                              title="x" * 2001)).status,
                         400)
        self.assertEqual(W.rows("SELECT * FROM autosaves WHERE"
                                " article_id = ?", (aid,)), [])

    def test_restored_over_a_newer_save_is_a_conflict(self):
        ani, budi = browser(ANI), browser(BUDI)
        aid = story(ani, "Autosimpan lalu konflik")
        v = article(aid)["version"]
        self.assertEqual(ani.post("/admin/articles/%d/autosave" % aid,
                                  self.fields(version=v)).status, 200)
        sec = str(article(aid)["section_id"])
        au = str(W.authors_of(aid)[0]["id"])
        base = [("title", "Budi menyimpan"), ("slug", ""), ("lead", ""),
                ("dateline", ""), ("body", "x"), ("tags", ""),
                ("picks", ""), ("section", sec), ("author", au)]
        self.assertEqual(budi.post("/admin/articles/%d" % aid, base + [
            ("action", "draft"), ("version", str(v))],
            files=NO_FILE).status, 303)
        page = ani.get("/admin/articles/%d/edit?pulihkan=1" % aid).text
        self.assertIn('name="version" value="%d"' % v, page)
        r = ani.post("/admin/articles/%d" % aid, [
            (k, str(val)) for k, val in self.fields().items()] + [
            ("section", sec), ("author", au), ("action", "draft"),
            ("version", str(v))], files=NO_FILE)
        self.assertEqual(r.status, 409)
        self.assertEqual(article(aid)["title"], "Budi menyimpan")


class Preview(unittest.TestCase):
    def test_whole_page_not_public(self):
        ani, rudi = browser(ANI), browser(RUDI)
        aid = story(ani, "Pratinjau uji", action="publish")
        before = article(aid)
        sec = W.rows("SELECT * FROM sections WHERE id = ?",
                     (before["section_id"],))[0]
        au = W.authors_of(aid)[0]
        f = [("title", "Judul pratinjau %s" % EVIL), ("slug", ""),
             ("lead", "Teras pratinjau."), ("dateline", "Pandeglang"),
             ("section", str(sec["id"])), ("author", str(au["id"])),
             ("body", "Paragraf **satu**.\n\nParagraf dua."),
             ("tags", "Pilkada, Debat Publik"), ("picks", ""),
             ("version", str(before["version"]))]
        r = ani.post("/admin/articles/%d/preview" % aid, f, files=NO_FILE)
        self.assertEqual(r.status, 200, r.text[:2000])
        self.assertEqual(r.header("Cache-Control"), "no-store")
        self.assertIsNone(r.header("ETag"))
        t = r.text
        self.assertIn('<meta name="robots" content="noindex', t)
        self.assertIn("Pratinjau: belum disimpan", t)
        self.assertIn("<h1>Judul pratinjau %s</h1>" % H.esc(EVIL), t)
        self.assertNotIn(EVIL, t)
        self.assertIn("PANDEGLANG, ", t)
        self.assertIn("<strong>satu</strong>", t)
        self.assertIn(H.esc(au["name"]), t)
        self.assertIn(H.esc(sec["name"]), t)
        self.assertIn("Debat Publik", t)
        # Nothing was saved.
        self.assertEqual(article(aid), before)
        # Someone else's story is not a reporter's to preview.
        self.assertEqual(rudi.post("/admin/articles/%d/preview" % aid, f,
                                   files=NO_FILE).status, 403)
        self.assertEqual(H.fetch(W.port, "/admin/preview", method="POST",
                                 body=b"body=x", headers={
                                     "Content-Type": "application/"
                                     "x-www-form-urlencoded"}).status, 403)

    def test_editor_counts_words(self):
        ani = browser(ANI)
        aid = story(ani, "Hitung kata", body=" ".join(["kata"] * 450))
        page = ani.get("/admin/articles/%d/edit" % aid).text
        self.assertIn('<span id="words">450</span> kata', page)
        self.assertIn('<span id="minutes">3</span> menit baca', page)
        self.assertIn('class="actions sticky"', page)
        self.assertIn('formaction="/admin/articles/%d/preview" '
                      'formtarget="_blank"' % aid, page)


def items(*aids):
    return [("item", "%d.%d" % (a, article(a)["version"])) for a in aids]


class Bulk(unittest.TestCase):
    def test_publish_unpublish_move_delete(self):
        ani = browser(ANI)
        a1, a2 = story(ani, "Massal satu"), story(ani, "Massal dua")
        page = ani.get("/admin/articles").text
        self.assertIn('action="/admin/articles/bulk"', page)
        self.assertIn('name="item" value="%d.%d" form="bulk"'
                      % (a1, article(a1)["version"]), page)
        r = ani.post("/admin/articles/bulk", items(a1, a2) +
                     [("bulk", "publish")])
        self.assertEqual(r.status, 303, r.text[:2000])
        self.assertEqual(r.header("Location"), "/admin/articles?ok=bulk")
        for a in (a1, a2):
            self.assertEqual(article(a)["status"], "published")
        self.assertEqual(len(W.rows("SELECT 1 FROM audit_log WHERE"
                                    " action = 'article.publish' AND"
                                    " article_id IN (?, ?)", (a1, a2))), 2)
        # Unpublish needs the one reason; it goes to every story.
        r = ani.post("/admin/articles/bulk", items(a1, a2) +
                     [("bulk", "unpublish"), ("reason", "  ")])
        self.assertEqual(r.status, 422)
        self.assertEqual(article(a1)["status"], "published")
        reason = "Hak jawab narasumber %s" % EVIL
        r = ani.post("/admin/articles/bulk", items(a1, a2) +
                     [("bulk", "unpublish"), ("reason", reason)])
        self.assertEqual(r.status, 303)
        for a in (a1, a2):
            self.assertEqual((article(a)["status"],
                              article(a)["unpublish_reason"]),
                             ("unpublished", reason))
        # Move to a section.
        sec = W.rows("SELECT id FROM sections ORDER BY id DESC LIMIT 1")[0]
        r = ani.post("/admin/articles/bulk", items(a1) +
                     [("bulk", "section"), ("section", str(sec["id"]))])
        self.assertEqual(r.status, 303)
        self.assertEqual(article(a1)["section_id"], sec["id"])
        r = ani.post("/admin/articles/bulk", items(a1) +
                     [("bulk", "section"), ("section", "999999")])
        self.assertEqual(r.status, 422)
        # Delete drafts only: a mixed choice deletes the draft, keeps
        # the other, and says so.
        d = story(ani, "Massal draf")
        r = ani.post("/admin/articles/bulk", items(d, a2) +
                     [("bulk", "delete")])
        self.assertEqual(r.status, 422)
        self.assertIsNone(article(d))
        self.assertIsNotNone(article(a2))
        self.assertIn("Hanya draf yang dapat dihapus", r.text)
        self.assertIn("Massal dua", r.text)

    def test_role_checks_as_one_by_one(self):
        ani, rudi = browser(ANI), browser(RUDI)
        mine = story(rudi, "Draf milik Rudi")
        theirs = story(ani, "Draf milik Ani")
        page = rudi.get("/admin/articles").text
        self.assertNotIn('<option value="publish">', page)
        self.assertIn('<option value="section">', page)
        for bulk in ("publish", "unpublish"):
            r = rudi.post("/admin/articles/bulk", items(mine) +
                          [("bulk", bulk), ("reason", "x")])
            self.assertEqual(r.status, 403, bulk)
            self.assertIn("Peran Anda tidak mengizinkan", r.text)
            self.assertEqual(article(mine)["status"], "draft")
        # Moving: his own draft, as in the editor; not Ani's.
        sec = W.rows("SELECT id FROM sections ORDER BY id DESC LIMIT 1")[0]
        r = rudi.post("/admin/articles/bulk", items(theirs) +
                      [("bulk", "section"), ("section", str(sec["id"]))])
        self.assertEqual(r.status, 403)
        self.assertNotEqual(article(theirs)["section_id"], sec["id"])
        r = rudi.post("/admin/articles/bulk", items(mine) +
                      [("bulk", "section"), ("section", str(sec["id"]))])
        self.assertEqual(r.status, 303)
        self.assertEqual(article(mine)["section_id"], sec["id"])
        # Delete: a reporter deletes nothing, one by one or in bulk.
        self.assertNotIn('<option value="delete">', page)
        for a in (theirs, mine):
            r = rudi.post("/admin/articles/bulk", items(a) +
                          [("bulk", "delete")])
            self.assertEqual(r.status, 403)
            self.assertIsNotNone(article(a))
        # The gate's checks come first.
        self.assertEqual(ani.post("/admin/articles/bulk", items(theirs) +
                                  [("bulk", "publish")],
                                  csrf=False).status, 403)
        self.assertEqual(ani.post("/admin/articles/bulk", items(theirs) +
                                  [("bulk", "publish")], headers={
                                      "Origin": "http://evil.example"}
                                  ).status, 403)
        self.assertEqual(article(theirs)["status"], "draft")

    def test_stale_and_bad_input(self):
        ani, budi = browser(ANI), browser(BUDI)
        a = story(ani, "Massal basi")
        old = items(a)
        sec = str(article(a)["section_id"])
        au = str(W.authors_of(a)[0]["id"])
        self.assertEqual(budi.post("/admin/articles/%d" % a, [
            ("title", "Massal basi diubah"), ("slug", ""), ("lead", ""),
            ("dateline", ""), ("body", "x"), ("tags", ""), ("picks", ""),
            ("section", sec), ("author", au), ("action", "draft"),
            ("version", old[0][1].split(".")[1])],
            files=NO_FILE).status, 303)
        r = ani.post("/admin/articles/bulk", old + [("bulk", "publish")])
        self.assertEqual(r.status, 409)
        self.assertIn("diubah orang lain", r.text)
        self.assertEqual(article(a)["status"], "draft")
        for bad in ([("item", "x"), ("bulk", "publish")],
                    [("item", "%d" % a), ("bulk", "publish")],
                    [("item", "%d.0" % a), ("bulk", "publish")],
                    items(a) + [("bulk", "nope")],
                    items(a)):
            self.assertEqual(ani.post("/admin/articles/bulk", bad).status,
                             400, bad)
        self.assertEqual(ani.post("/admin/articles/bulk",
                                  [("bulk", "publish")]).status, 422)
        self.assertEqual(article(a)["status"], "draft")


class Agenda(unittest.TestCase):
    def test_scheduled_by_day(self):
        ani = browser(ANI)
        when = (NOW // 3600 + 50) * 3600
        W.add_article("agenda-nanti", "Agenda nanti %s" % EVIL,
                      status="scheduled", published_at=when)
        W.add_article("agenda-lewat", "Agenda sudah lewat",
                      status="scheduled", published_at=NOW - DAY)
        W.add_article("agenda-draf", "Agenda draf", status="draft")
        r = ani.get("/admin/agenda")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("Cache-Control"), "no-store")
        self.assertIn(H.esc("Agenda nanti %s" % EVIL), r.text)
        self.assertIn('<time datetime="%s">%s</time>' % (
            H.wib(when).strftime("%Y-%m-%d"), H.date_long(when)), r.text)
        self.assertIn(">%s</time>" % clock(when), r.text)
        self.assertNotIn("Agenda sudah lewat", r.text)
        self.assertNotIn("Agenda draf", r.text)
        self.assertIn('href="/admin/agenda" aria-current="page"', r.text)
        self.assertEqual(H.fetch(W.port, "/admin/agenda").status, 303)


if __name__ == "__main__":
    unittest.main()
