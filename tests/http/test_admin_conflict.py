"""test_admin_conflict.py - no save overwrites another: two editors open a
story, the first saves, the second's save (or publish, schedule,
unpublish, submit, delete, restore) based on the older version gets a 409
page showing what the first changed, field by field, with the body as a
line diff, and keeps the second's typing for "keep mine" or a merge by
hand. Two saves racing on one version: exactly one wins."""

import html
import os
import re
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402

W = None
PW = "kata-sandi-uji-123"
ANI = ("ani@konflik.test", "Ani Redaktur", "editor")
BUDI = ("budi@konflik.test", "Budi Redaktur", "editor")
RUDI = ("rudi@konflik.test", "Rudi Reporter", "reporter")
NOW = int(time.time())
EVIL = "<script>alert(1)</script> & \"kutip\""


def setUpModule():
    global W
    W = H.Warta("conflict")
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


def article(aid):
    rows = W.rows("SELECT * FROM articles WHERE id = ?", (aid,))
    return rows[0] if rows else None


def opened(b, aid):
    """Opens the editor and returns the form's fields as a browser would
    send them (text inputs, textareas, selects, the hidden fields)."""
    r = b.get("/admin/articles/%d/edit" % aid)
    assert r.status == 200, r
    return form_fields(r.text)


def form_fields(page):
    form = re.search(r'<form class="stack editor".*?</form>', page, re.S)
    assert form, page[:3000]
    text = form.group(0)
    pairs = []
    for m in re.finditer(r'<input type="(?:hidden|text|date|time)" '
                         r'(?:id="[^"]*" )?name="([^"]+)" value="([^"]*)"',
                         text):
        pairs.append((m.group(1), html.unescape(m.group(2))))
    for m in re.finditer(r'<textarea[^>]* name="([^"]+)"[^>]*>\n?(.*?)'
                         r'</textarea>', text, re.S):
        pairs.append((m.group(1), html.unescape(m.group(2))))
    for m in re.finditer(r'<select id="[^"]*" name="([^"]+)"[^>]*>(.*?)'
                         r'</select>', text, re.S):
        sel = re.search(r'<option value="([^"]*)" selected>', m.group(2))
        pairs.append((m.group(1), sel.group(1) if sel else ""))
    return pairs


def with_(pairs, **kw):
    out = [(k, v) for k, v in pairs if k not in kw]
    return out + [(k, str(v)) for k, v in kw.items()]


def post(b, aid, pairs, action="draft"):
    return b.post("/admin/articles/%d" % aid, with_(pairs, action=action),
                  files=[("image", "", "application/octet-stream", b"")])


def new_story(b, title, body="Paragraf satu.\n\nParagraf dua.\n\nTiga.",
              action="draft"):
    sec = W.rows("SELECT id FROM sections ORDER BY id LIMIT 1")[0]["id"]
    au = W.rows("SELECT id FROM authors ORDER BY id LIMIT 1")[0]["id"]
    r = b.post("/admin/articles", [
        ("title", title), ("slug", ""), ("lead", "Teras awal."),
        ("dateline", "Serang"), ("section", str(sec)), ("body", body),
        ("tags", "Pilkada, KPU"), ("picks", ""), ("author", str(au)),
        ("action", action)],
        files=[("image", "", "application/octet-stream", b"")])
    m = re.match(r"/admin/articles/(\d+)/edit", r.header("Location") or "")
    assert m, (r.status, r.text[:2000])
    return int(m.group(1))


class Conflict(unittest.TestCase):
    def test_second_save_gets_409_with_diff(self):
        ani, budi = browser(ANI), browser(BUDI)
        aid = new_story(ani, "Rekapitulasi suara Serang")
        fa, fb = opened(ani, aid), opened(budi, aid)
        v = article(aid)["version"]
        self.assertIn(("version", str(v)), fa)
        body_a = "Paragraf satu.\n\nParagraf dua diperbarui %s.\n\nTiga." % EVIL
        r = post(ani, aid, with_(fa, title="Rekapitulasi suara Serang "
                                          "selesai", body=body_a))
        self.assertEqual(r.status, 303, r.text[:2000])
        after_a = article(aid)
        self.assertEqual(after_a["version"], v + 1)
        # Budi, whose form is older, changes the lead.
        r = post(budi, aid, with_(fb, lead="Teras dari Budi."))
        self.assertEqual(r.status, 409)
        self.assertEqual(r.header("Cache-Control"), "no-store")
        self.assertEqual(article(aid)["version"], v + 1)
        self.assertEqual(article(aid)["lead"], "Teras awal.")
        self.assertEqual(article(aid)["title"], after_a["title"])
        t = r.text
        self.assertIn("Ani Redaktur", t)
        self.assertIn("belum disimpan", t)
        # Title: the old one deleted, Ani's added.
        self.assertIn('<span class="del">Rekapitulasi suara Serang</span>',
                      t)
        self.assertIn('<span class="add">Rekapitulasi suara Serang '
                      'selesai</span>', t)
        # Body: only the changed paragraph, escaped.
        self.assertIn('<span class="del">Paragraf dua.</span>', t)
        self.assertIn('<span class="add">Paragraf dua diperbarui %s.</span>'
                      % H.esc(EVIL), t)
        self.assertNotIn("<script>alert", t)
        # Lead not changed by Ani: not in the panel; Budi's typing kept.
        self.assertNotIn("<h3>Teras", t)
        fc = form_fields(t)
        self.assertIn(("lead", "Teras dari Budi."), fc)
        self.assertIn(("version", str(v + 1)), fc)
        self.assertIn('href="/admin/articles/%d/edit">Ambil versi mereka'
                      % aid, t)
        self.assertIn('form="editor" name="action" value="draft"', t)
        # Merge by hand: Ani's title and body, Budi's lead.
        merged = with_(fc, title="Rekapitulasi suara Serang selesai",
                       body=body_a)
        r = post(budi, aid, merged)
        self.assertEqual(r.status, 303, r.text[:2000])
        a = article(aid)
        self.assertEqual((a["title"], a["lead"], a["version"]),
                         ("Rekapitulasi suara Serang selesai",
                          "Teras dari Budi.", v + 2))
        self.assertEqual(a["body_md"].replace("\r\n", "\n"), body_a)
        # Replaying the same (now old) form is refused again.
        self.assertEqual(post(budi, aid, merged).status, 409)

    def test_story_from_before_the_editor(self):
        # A story with no revision yet (demo data, an import): its state
        # becomes the base revision at its first change, so the conflict
        # shows the other's change only.
        W.add_article("sebelum-editor", "Berita dari data demo",
                      lead="Teras demo.", published_at=NOW - 3600,
                      authors=["arsyad-ramadhan"], tags=["kpu"])
        aid = W.rows("SELECT id FROM articles WHERE slug ="
                     " 'sebelum-editor'")[0]["id"]
        ani, budi = browser(ANI), browser(BUDI)
        fa, fb = opened(ani, aid), opened(budi, aid)
        self.assertEqual(post(ani, aid, with_(fa, title="Berita demo "
                                              "diperbarui")).status, 303)
        revs = W.rows("SELECT user_id, version FROM revisions WHERE"
                      " article_id = ? ORDER BY id", (aid,))
        self.assertEqual([(r["user_id"] is None, r["version"])
                          for r in revs], [(True, 1), (False, 2)])
        r = post(budi, aid, with_(fb, lead="Teras Budi."))
        self.assertEqual(r.status, 409)
        self.assertNotIn("tidak tercatat", r.text)
        self.assertIn("<h3>Judul", r.text)
        self.assertNotIn("<h3>Teras", r.text)
        self.assertIn('<span class="add">Berita demo diperbarui</span>',
                      r.text)

    def test_keep_mine_and_take_theirs(self):
        ani, budi = browser(ANI), browser(BUDI)
        aid = new_story(ani, "Debat kandidat ketiga")
        fa, fb = opened(ani, aid), opened(budi, aid)
        self.assertEqual(post(ani, aid, with_(fa, tags="Debat")).status,
                         303)
        r = post(budi, aid, with_(fb, title="Debat kandidat ketiga ricuh"))
        self.assertEqual(r.status, 409)
        self.assertIn("<h3>Tag", r.text)
        self.assertIn('<span class="del">Pilkada, KPU</span>', r.text)
        self.assertIn('<span class="add">Debat</span>', r.text)
        # "Keep mine" sends the 409 page's form as it stands.
        r = post(budi, aid, form_fields(r.text))
        self.assertEqual(r.status, 303)
        a = article(aid)
        self.assertEqual(a["title"], "Debat kandidat ketiga ricuh")
        self.assertEqual([t["name"] for t in W.tags_of(aid)],
                         ["Pilkada", "KPU"])
        # "Take theirs" is the editor as stored now.
        fa2 = opened(ani, aid)
        self.assertIn(("title", "Debat kandidat ketiga ricuh"), fa2)

    def test_every_action_on_a_changed_story(self):
        ani, budi = browser(ANI), browser(BUDI)
        cases = [("publish", {}, "draft"),
                 ("schedule", {"schedule_date": "2031-01-01",
                               "schedule_time": "07:00"}, "draft"),
                 ("submit", {}, "draft"),
                 ("delete", {}, "draft"),
                 ("unpublish", {"unpublish_reason": "Hak jawab."},
                  "published")]
        for action, extra, start in cases:
            with self.subTest(action=action):
                aid = new_story(ani, "Aksi %s basi" % action,
                                action="publish" if start == "published"
                                else "draft")
                fb = opened(budi, aid)
                fa = opened(ani, aid)
                self.assertEqual(post(ani, aid, with_(fa, lead="Baru.")
                                      ).status, 303)
                before = article(aid)
                r = post(budi, aid, with_(fb, **extra), action=action)
                self.assertEqual(r.status, 409, r.text[:1500])
                self.assertIn("Ani Redaktur", r.text)
                after = article(aid)
                self.assertIsNotNone(after)
                self.assertEqual((after["status"], after["version"],
                                  after["lead"]),
                                 (before["status"], before["version"],
                                  "Baru."))
                self.assertIn('name="action" value="%s"' % action, r.text)
        # A reporter's submit of their own draft changed meanwhile.
        rudi = browser(RUDI)
        aid = new_story(rudi, "Draf reporter basi")
        f1, f2 = opened(rudi, aid), opened(rudi, aid)
        self.assertEqual(post(rudi, aid, with_(f1, lead="x")).status, 303)
        self.assertEqual(post(rudi, aid, f2, action="submit").status, 409)
        self.assertEqual(article(aid)["status"], "draft")

    def test_status_change_shown(self):
        ani, budi = browser(ANI), browser(BUDI)
        aid = new_story(ani, "Status berubah")
        fa, fb = opened(ani, aid), opened(budi, aid)
        self.assertEqual(post(ani, aid, fa, action="publish").status, 303)
        r = post(budi, aid, with_(fb, lead="Lain."))
        self.assertEqual(r.status, 409)
        self.assertIn("<h3>Status", r.text)
        self.assertIn('<span class="del">Draf</span>', r.text)
        self.assertIn('<span class="add">Terbit</span>', r.text)
        # The buttons are those of the story as it is now: published.
        self.assertIn('value="unpublish"', r.text)

    def test_version_required_and_checked(self):
        ani = browser(ANI)
        aid = new_story(ani, "Tanpa versi")
        f = [(k, v) for k, v in opened(ani, aid) if k != "version"]
        before = article(aid)
        for bad in (None, "", "0", "-1", "abc", "1e3"):
            pairs = f if bad is None else f + [("version", bad)]
            self.assertEqual(post(ani, aid, pairs).status, 400, bad)
        # A version from the future is as stale as one from the past.
        self.assertEqual(post(ani, aid, f + [("version", "99")]).status,
                         409)
        self.assertEqual(article(aid), before)

    def test_restore_on_a_changed_story(self):
        ani, budi = browser(ANI), browser(BUDI)
        aid = new_story(ani, "Pulihkan basi")
        fa = opened(ani, aid)
        self.assertEqual(post(ani, aid, with_(fa, title="Pulihkan basi 2")
                              ).status, 303)
        page = budi.get("/admin/articles/%d/revisions" % aid).text
        url = re.findall(r'action="(/admin/articles/%d/revisions/\d+/'
                         r'restore)"' % aid, page)[-1]
        ver = re.search(r'name="version" value="(\d+)"', page).group(1)
        fa = opened(ani, aid)
        self.assertEqual(post(ani, aid, with_(fa, title="Pulihkan basi 3")
                              ).status, 303)
        before = article(aid)
        r = budi.post(url, {"version": ver})
        self.assertEqual(r.status, 409)
        self.assertIn("disimpan orang lain", r.text)
        self.assertEqual(article(aid), before)

    def test_concurrent_saves_one_wins(self):
        ani, budi = browser(ANI), browser(BUDI)
        for round_ in range(5):
            aid = new_story(ani, "Balapan %d" % round_)
            fa, fb = opened(ani, aid), opened(budi, aid)
            v = article(aid)["version"]
            results = {}
            go = threading.Barrier(2)

            def save(name, b, f, title):
                go.wait()
                results[name] = post(b, aid, with_(f, title=title)).status
            ts = [threading.Thread(target=save, args=("a", ani, fa, "A")),
                  threading.Thread(target=save, args=("b", budi, fb, "B"))]
            for t in ts:
                t.start()
            for t in ts:
                t.join()
            self.assertEqual(sorted(results.values()), [303, 409],
                             results)
            a = article(aid)
            self.assertEqual(a["version"], v + 1)
            winner = "a" if results["a"] == 303 else "b"
            self.assertEqual(a["title"], winner.upper())
            self.assertEqual(len(W.rows(
                "SELECT 1 FROM revisions WHERE article_id = ?", (aid,))), 2)


if __name__ == "__main__":
    unittest.main()
