"""test_election.py - election night through warta's embedded HTTP server:
live blogs (open, post, edit, delete, order, close; permissions per role;
audit rows and revisions), the JSON endpoint readers poll and its
caching, the LiveBlogPosting JSON-LD, and the results desk (regions,
pairs, results entries with their history, the newest entry shown, quick
counts never called official), the [[hasil:slug]] box and the region
pages. Expected values come from the database and Python."""

import email.utils
import json
import os
import re
import struct
import sys
import time
import unittest
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402

W = None
PW = "kata-sandi-uji-123"
EDITOR = ("redaktur@warta.test", "Dewi Redaktur", "editor")
REPORTER = ("reporter@warta.test", "Rudi Reporter", "reporter")
ADMIN = ("admin@warta.test", "Ani Admin", "admin")
IDS = {}
NOW = int(time.time())
EVIL = "<script>alert(1)</script> \"kutip\" & 'tunggal'"


def setUpModule():
    global W
    W = H.Warta("election")
    try:
        W.init()
        IDS["editor"] = H.add_user(W, *EDITOR, PW, author="bagus-prasetyo")
        IDS["reporter"] = H.add_user(W, *REPORTER, PW,
                                     author="yusuf-maulana")
        IDS["admin"] = H.add_user(W, *ADMIN, PW)
        IDS["live"] = W.add_article(
            "uji-liputan-langsung-rekapitulasi", "Uji liputan langsung",
            lead="Teras liputan.", published_at=NOW - 600,
            authors=["arsyad-ramadhan"], tags=["kpu"])
        IDS["plain"] = W.add_article("uji-berita-biasa", "Berita biasa",
                                     published_at=NOW - 900)
        IDS["draft"] = W.add_article("uji-draf-langsung", "Draf langsung",
                                     status="draft")
        W.add_article("uji-berita-pakai-tag", "Berita bertag uji",
                      published_at=NOW - 1200, tags=["cilegon"])
        W.start()
    except Exception:
        W.cleanup()
        raise


def tearDownModule():
    H.stop_warta(W)


def http_time(s):
    return int(email.utils.parsedate_to_datetime(s).timestamp())


def browser(who):
    b = H.Browser(W.port)
    r = b.login(who[0], PW)
    assert r.status == 303, r
    return b


def count(sql, args=()):
    return W.rows(sql, args)[0]["n"]


def png():
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    raw = b"\0" + bytes([10, 120, 30]) * 2
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def page_path(slug):
    a = W.rows("SELECT published_at FROM articles WHERE slug = ?",
               (slug,))[0]
    return H.article_path(a["published_at"], slug)


def update_ids(html):
    """The update ids of a page in the order shown."""
    return [int(x) for x in re.findall(r'<div class="live-update" '
                                       r'id="update-(\d+)"', html)]


def poll(article_id, since=None, headers=None):
    q = "" if since is None else "?sejak=%s" % since
    return H.fetch(W.port, "/langsung/%d.json%s" % (article_id, q),
                   headers=headers)


class T01LiveBlog(unittest.TestCase):
    """In order: each test builds on the live blog the previous left."""

    def test_01_open_needs_an_editor(self):
        aid = IDS["live"]
        rep = browser(REPORTER)
        r = rep.post("/admin/articles/%d/live/open" % aid)
        self.assertEqual(r.status, 403)
        self.assertEqual(count("SELECT count(*) AS n FROM live_blogs "
                               "WHERE article_id = ?", (aid,)), 0)
        ed = browser(EDITOR)
        r = ed.post("/admin/articles/%d/live/open" % aid)
        self.assertEqual(r.status, 303, r.text)
        self.assertEqual(r.header("Location"),
                         "/admin/articles/%d/live?ok=live_opened" % aid)
        lb = W.rows("SELECT * FROM live_blogs WHERE article_id = ?",
                    (aid,))[0]
        self.assertIsNone(lb["ended_at"])
        self.assertEqual(count("SELECT count(*) AS n FROM audit_log WHERE "
                               "action = 'live.open' AND article_id = ? AND "
                               "user_id = ?", (aid, IDS["editor"])), 1)
        r = ed.post("/admin/articles/%d/live/open" % aid)
        self.assertEqual(r.status, 409)
        # Without the CSRF token nothing happens.
        r = ed.post("/admin/articles/%d/live/close" % aid, csrf=False)
        self.assertEqual(r.status, 403)

    def test_02_post_and_order(self):
        aid = IDS["live"]
        ed = browser(EDITOR)
        page = ed.get("/admin/articles/%d/live" % aid)
        self.assertEqual(page.status, 200)
        self.assertIn('id="live-form"', page.text)
        posted = []
        for text in ("Pembaruan pertama dari TPS.",
                     "Pembaruan kedua: **penghitungan** dimulai.",
                     "Kata " + EVIL):
            r = ed.post("/admin/articles/%d/live" % aid, {"body": text})
            self.assertEqual(r.status, 303, r.text)
            posted.append(W.rows("SELECT max(id) AS id FROM live_updates")
                          [0]["id"])
        rows = W.rows("SELECT * FROM live_updates WHERE article_id = ? "
                      "ORDER BY id", (aid,))
        self.assertEqual([r["id"] for r in rows], posted)
        self.assertTrue(all(r["user_id"] == IDS["editor"] for r in rows))
        self.assertTrue(all(abs(r["posted_at"] - time.time()) < 60
                            for r in rows))
        html = H.fetch(W.port, page_path("uji-liputan-langsung-rekapitulasi")
                       ).text
        # Newest first.
        self.assertEqual(update_ids(html), list(reversed(posted)))
        self.assertIn("<strong>penghitungan</strong>", html)
        self.assertNotIn("<script>alert(1)", html)
        # "21.04 WIB": the clock time of each update, and its author.
        for r in rows:
            d = H.wib(r["posted_at"])
            self.assertIn(">%02d.%02d WIB</time>" % (d.hour, d.minute),
                          html)
        self.assertIn('<span class="live-author">Bagus Prasetyo</span>',
                      html)
        self.assertIn('<span class="live-label">LIVE</span>', html)
        self.assertIn('data-live-poll="/langsung/%d.json"' % aid, html)
        self.assertIn('<script src="/static/live.js" defer></script>', html)
        # Every post has its revision and audit row.
        for uid in posted:
            self.assertEqual(count(
                "SELECT count(*) AS n FROM live_update_revisions WHERE "
                "update_id = ? AND action = 'live.post'", (uid,)), 1)
        self.assertEqual(count("SELECT count(*) AS n FROM audit_log WHERE "
                               "action = 'live.post' AND article_id = ?",
                               (aid,)), 3)
        IDS["updates"] = posted

    def test_03_empty_and_bad_picture_change_nothing(self):
        aid = IDS["live"]
        ed = browser(EDITOR)
        before = count("SELECT count(*) AS n FROM live_updates")
        r = ed.post("/admin/articles/%d/live" % aid, {"body": "  \n "})
        self.assertEqual(r.status, 422)
        self.assertIn("Tulis isi pembaruan.", r.text)
        r = ed.post("/admin/articles/%d/live" % aid,
                    [("body", "Dengan berkas palsu")],
                    files=[("image", "foto.png", "image/png",
                            b"<html>bukan gambar</html>")])
        self.assertEqual(r.status, 422)
        self.assertEqual(count("SELECT count(*) AS n FROM live_updates"),
                         before)
        r = ed.post("/admin/articles/999999/live", {"body": "x"})
        self.assertEqual(r.status, 404)
        # A story that is not a live blog takes no updates.
        r = ed.post("/admin/articles/%d/live" % IDS["plain"], {"body": "x"})
        self.assertEqual(r.status, 409)
        self.assertEqual(count("SELECT count(*) AS n FROM live_updates"),
                         before)

    def test_04_reporter_posts_but_cannot_edit_or_delete(self):
        aid = IDS["live"]
        rep = browser(REPORTER)
        r = rep.post("/admin/articles/%d/live" % aid,
                     [("body", "Kabar dari Lebak dengan foto.")],
                     files=[("image", "foto.png", "image/png", png())])
        self.assertEqual(r.status, 303, r.text)
        row = W.rows("SELECT * FROM live_updates ORDER BY id DESC "
                     "LIMIT 1")[0]
        self.assertEqual(row["user_id"], IDS["reporter"])
        self.assertIsNotNone(row["image_id"])
        html = H.fetch(W.port,
                       page_path("uji-liputan-langsung-rekapitulasi")).text
        self.assertEqual(update_ids(html)[0], row["id"])
        self.assertIn("Yusuf Maulana", html)
        # Made a picture by warta-picture like every upload: shown by
        # its JPEG rendition (the upload is 2 px wide, so that width).
        m = W.rows("SELECT pkey, width FROM media WHERE id = ?",
                   (row["image_id"],))[0]
        name = "%s-w%d.jpg" % (m["pkey"], min(m["width"], 960))
        self.assertIn('src="/media/%s"' % name, html)
        self.assertEqual(H.fetch(W.port, "/media/" + name).status, 200)
        # As a <picture> like every other: WebP beside the JPEG, its
        # intrinsic size, lazy, and an alt that says what it is when
        # the reporter gave none.
        fig = re.search(r'<figure class="live-image">(.*?)</figure>', html,
                        re.S).group(1)
        self.assertIn('<source type="image/webp" srcset="/media/%s-w%d.webp '
                      '%dw"' % (m["pkey"], m["width"], m["width"]), fig)
        self.assertRegex(fig, r'width="%d" height="\d+"' % m["width"])
        self.assertRegex(fig, r'alt="Foto pembaruan \d\d\.\d\d WIB"')
        self.assertIn('loading="lazy"', fig)
        uid = IDS["updates"][0]
        self.assertEqual(rep.get("/admin/live/%d" % uid).status, 403)
        self.assertEqual(rep.post("/admin/live/%d" % uid,
                                  {"body": "diubah reporter"}).status, 403)
        self.assertEqual(rep.post("/admin/live/%d/delete" % uid).status,
                         403)
        self.assertEqual(rep.post("/admin/articles/%d/live/close" % aid
                                  ).status, 403)
        self.assertEqual(W.rows("SELECT body_md FROM live_updates WHERE "
                                "id = ?", (uid,))[0]["body_md"],
                         "Pembaruan pertama dari TPS.")
        # The page offers the reporter no edit links.
        page = rep.get("/admin/articles/%d/live" % aid)
        self.assertNotIn("/admin/live/%d" % uid, page.text)

    def test_05_edit_and_delete_with_revisions(self):
        aid = IDS["live"]
        ed = browser(EDITOR)
        first, second = IDS["updates"][0], IDS["updates"][1]
        page = ed.get("/admin/live/%d" % first)
        self.assertEqual(page.status, 200)
        self.assertIn("Pembaruan pertama dari TPS.", page.text)
        r = ed.post("/admin/live/%d" % first,
                    {"body": "Pembaruan pertama, dikoreksi."})
        self.assertEqual(r.status, 303, r.text)
        r = ed.post("/admin/live/%d" % first, {"body": ""})
        self.assertEqual(r.status, 422)
        revs = W.rows("SELECT action, snapshot FROM live_update_revisions "
                      "WHERE update_id = ? ORDER BY id", (first,))
        self.assertEqual([x["action"] for x in revs],
                         ["live.post", "live.edit"])
        self.assertEqual(json.loads(revs[1]["snapshot"])["body_md"],
                         "Pembaruan pertama, dikoreksi.")
        r = ed.post("/admin/live/%d/delete" % second)
        self.assertEqual(r.status, 303)
        self.assertEqual(ed.post("/admin/live/%d/delete" % second).status,
                         404)
        self.assertEqual(ed.get("/admin/live/%d" % second).status, 404)
        html = H.fetch(W.port,
                       page_path("uji-liputan-langsung-rekapitulasi")).text
        self.assertIn("Pembaruan pertama, dikoreksi.", html)
        self.assertNotIn("Pembaruan pertama dari TPS.", html)
        self.assertNotIn("update-%d" % second, html)
        self.assertNotIn("<strong>penghitungan</strong>", html)
        # The text stays in the revisions; the audit log has both acts.
        revs = W.rows("SELECT action, snapshot FROM live_update_revisions "
                      "WHERE update_id = ? ORDER BY id", (second,))
        self.assertEqual(revs[-1]["action"], "live.delete")
        self.assertIn("penghitungan", json.loads(revs[-1]["snapshot"])
                      ["body_md"])
        for act in ("live.edit", "live.delete"):
            self.assertEqual(count(
                "SELECT count(*) AS n FROM audit_log WHERE action = ? AND "
                "article_id = ? AND user_id = ?",
                (act, aid, IDS["editor"])), 1, act)
        page = ed.get("/admin/live/%d" % first)
        self.assertIn("live.edit", page.text)

    def test_06_poll_endpoint(self):
        aid = IDS["live"]
        version = W.rows("SELECT version FROM live_blogs WHERE "
                         "article_id = ?", (aid,))[0]["version"]
        r = poll(aid, 0)
        self.assertEqual(r.status, 200)
        self.assertTrue(r.header("Content-Type").startswith(
            "application/json"))
        d = json.loads(r.text)
        self.assertEqual(d["version"], version)
        self.assertTrue(d["open"])
        shown = W.rows("SELECT id FROM live_updates WHERE article_id = ? "
                       "AND deleted = 0", (aid,))
        deleted = W.rows("SELECT id FROM live_updates WHERE article_id = ? "
                         "AND deleted = 1", (aid,))
        got = {u["id"]: u for u in d["updates"]}
        self.assertEqual(set(got), {x["id"] for x in shown + deleted})
        for x in deleted:
            self.assertTrue(got[x["id"]]["deleted"])
            self.assertNotIn("html", got[x["id"]])
        for x in shown:
            self.assertIn('id="update-%d"' % x["id"], got[x["id"]]["html"])
        self.assertNotIn("<", r.text.replace("\\u003c", ""))
        # At the current version: nothing new, same answer for everyone,
        # cacheable by nginx and revalidated by the browser.
        r = poll(aid, version)
        d = json.loads(r.text)
        self.assertEqual(d["updates"], [])
        self.assertEqual(d["version"], version)
        self.assertEqual(r.header("Cache-Control"),
                         "public, max-age=5, stale-while-revalidate=30")
        etag, lm = r.header("ETag"), r.header("Last-Modified")
        self.assertTrue(etag and lm)
        r304 = poll(aid, version, {"If-None-Match": etag})
        self.assertEqual(r304.status, 304)
        self.assertEqual(r304.body, b"")
        # A new update changes what that URL answers.
        time.sleep(1.1)
        ed = browser(EDITOR)
        self.assertEqual(ed.post("/admin/articles/%d/live" % aid,
                                 {"body": "Pembaruan lewat poll."}).status,
                         303)
        r = poll(aid, version, {"If-None-Match": etag})
        self.assertEqual(r.status, 200)
        self.assertNotEqual(r.header("ETag"), etag)
        self.assertGreater(http_time(r.header("Last-Modified")),
                           http_time(lm))
        d = json.loads(r.text)
        self.assertEqual(d["version"], version + 1)
        self.assertEqual(len(d["updates"]), 1)
        self.assertIn("Pembaruan lewat poll.", d["updates"][0]["html"])
        # Hostile and unknown input.
        for bad in ("abc", "-1", "01", "1.5", str(version + 5),
                    "9" * 30):
            self.assertEqual(poll(aid, bad).status, 400, bad)
        self.assertEqual(poll(IDS["plain"], 0).status, 404)
        self.assertEqual(H.fetch(W.port, "/langsung/0.json").status, 404)
        self.assertEqual(H.fetch(W.port, "/langsung/x1.json").status, 404)
        # A live blog whose story is not public is not served.
        ed.post("/admin/articles/%d/live/open" % IDS["draft"])
        self.assertEqual(poll(IDS["draft"], 0).status, 404)
        self.assertEqual(H.fetch(W.port, "/langsung/%d.json" % aid,
                                 method="POST").status, 405)

    def test_07_json_ld_live_blog_posting(self):
        aid = IDS["live"]
        html = H.fetch(W.port,
                       page_path("uji-liputan-langsung-rekapitulasi")).text
        blocks, _ = H.jsonld(html)
        ld = blocks[0]
        self.assertEqual(ld["@type"], "LiveBlogPosting")
        lb = W.rows("SELECT * FROM live_blogs WHERE article_id = ?",
                    (aid,))[0]
        self.assertEqual(ld["coverageStartTime"],
                         H.wib(lb["started_at"]).isoformat())
        self.assertNotIn("coverageEndTime", ld)
        shown = W.rows("SELECT * FROM live_updates WHERE article_id = ? AND "
                       "deleted = 0 ORDER BY posted_at DESC, id DESC",
                       (aid,))
        items = ld["liveBlogUpdate"]
        self.assertEqual(len(items), len(shown))
        for item, row in zip(items, shown):
            self.assertEqual(item["@type"], "BlogPosting")
            # Plain text: no Markdown, no tags, entities decoded.
            text = re.sub(r"\s+", " ", re.sub(r"<[^>]*>", "",
                                              row["body_html"])).strip()
            text = (text.replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", '"').replace("&#39;", "'")
                    .replace("&amp;", "&"))
            self.assertEqual(item["articleBody"], text)
            self.assertTrue(text.startswith(item["headline"]))
            self.assertNotIn("**", item["headline"])
            self.assertEqual(item["datePublished"],
                             H.wib(row["posted_at"]).isoformat())
            self.assertTrue(item["url"].endswith("#update-%d" % row["id"]))
        self.assertIn("Kata alert(1) \"kutip\" & 'tunggal'",
                      [i["articleBody"] for i in items])
        # A story that is not a live blog stays a NewsArticle.
        plain = H.fetch(W.port, page_path("uji-berita-biasa")).text
        self.assertEqual(H.jsonld(plain)[0][0]["@type"], "NewsArticle")

    def test_08_live_label_on_lists_and_menu(self):
        home = H.fetch(W.port, "/").text
        path = page_path("uji-liputan-langsung-rekapitulasi")
        self.assertRegex(home, r'<h3><span class="live-label">LIVE</span> '
                               r'<a href="%s">' % re.escape(path))
        self.assertIn('<a class="live-nav" href="%s">' % path, home)
        self.assertIn('<div class="live-home">', home)
        plain = page_path("uji-berita-biasa")
        self.assertIn('<h3><a href="%s">' % plain, home)

    def test_09_close(self):
        aid = IDS["live"]
        ed = browser(EDITOR)
        r = ed.post("/admin/articles/%d/live/close" % aid)
        self.assertEqual(r.status, 303)
        self.assertEqual(ed.post("/admin/articles/%d/live/close" % aid
                                 ).status, 409)
        lb = W.rows("SELECT * FROM live_blogs WHERE article_id = ?",
                    (aid,))[0]
        self.assertIsNotNone(lb["ended_at"])
        self.assertEqual(count("SELECT count(*) AS n FROM audit_log WHERE "
                               "action = 'live.close' AND article_id = ?",
                               (aid,)), 1)
        before = count("SELECT count(*) AS n FROM live_updates")
        r = ed.post("/admin/articles/%d/live" % aid, {"body": "terlambat"})
        self.assertEqual(r.status, 409)
        self.assertEqual(count("SELECT count(*) AS n FROM live_updates"),
                         before)
        html = H.fetch(W.port,
                       page_path("uji-liputan-langsung-rekapitulasi")).text
        self.assertNotIn("data-live-poll", html)
        self.assertIn("Liputan langsung berakhir", html)
        self.assertIn(H.date_short(lb["ended_at"]), html)
        ld = H.jsonld(html)[0][0]
        self.assertEqual(ld["coverageEndTime"],
                         H.wib(lb["ended_at"]).isoformat())
        d = json.loads(poll(aid, 0).text)
        self.assertFalse(d["open"])
        self.assertEqual(d["ended"], H.date_short(lb["ended_at"]))
        home = H.fetch(W.port, "/").text
        self.assertNotIn('class="live-nav"', home)
        self.assertNotRegex(home, r'<span class="live-label">LIVE</span> '
                                  r'<a href="%s"' % re.escape(
                                      page_path("uji-liputan-langsung-"
                                                "rekapitulasi")))


def region_id(slug):
    return W.rows("SELECT id FROM regions WHERE slug = ?", (slug,))[0]["id"]


def pair_ids(rid):
    return [r["id"] for r in W.rows("SELECT id FROM candidates WHERE "
                                    "region_id = ? ORDER BY number",
                                    (rid,))]


def box_of(html, slug):
    m = re.search(r'<aside class="hasil" data-region="%s">(.*?)</aside>'
                  % re.escape(slug), html, re.S)
    return m.group(1) if m else None


def entries_of(box):
    return re.findall(r'<div class="hasil-entry (hasil-\w+)">(.*?)'
                      r'</div>', box, re.S)


class T02ResultsDesk(unittest.TestCase):

    def test_01_regions_need_the_results_permission(self):
        rep = browser(REPORTER)
        self.assertEqual(rep.get("/admin/pilkada").status, 403)
        r = rep.post("/admin/pilkada", {"name": "Cilegon", "kind": "kota"})
        self.assertEqual(r.status, 403)
        self.assertEqual(count("SELECT count(*) AS n FROM regions WHERE "
                               "name = 'Cilegon'"), 0)
        ed = browser(EDITOR)
        r = ed.post("/admin/pilkada", {"name": "Cilegon", "slug": "",
                                       "kind": "kota", "tag": "cilegon",
                                       "in_news": "1"})
        self.assertEqual(r.status, 303, r.text)
        rid = region_id("cilegon")
        self.assertEqual(r.header("Location"),
                         "/admin/pilkada/%d?ok=region_saved" % rid)
        self.assertEqual(count("SELECT count(*) AS n FROM audit_log WHERE "
                               "action = 'region.add'"), 1)
        for bad, status in (({"name": "Cilegon", "kind": "kota"}, 409),
                            ({"name": "X", "kind": "negara"}, 422),
                            ({"name": "", "kind": "kota"}, 422),
                            ({"name": "Y", "kind": "kota",
                              "tag": "tidak-ada"}, 422),
                            ({"name": "Z", "kind": "kota",
                              "slug": "Bukan Slug"}, 422)):
            before = count("SELECT count(*) AS n FROM regions")
            r = ed.post("/admin/pilkada", bad)
            self.assertEqual(r.status, status, bad)
            self.assertEqual(count("SELECT count(*) AS n FROM regions"),
                             before)
        admin = browser(ADMIN)
        self.assertEqual(admin.get("/admin/pilkada/%d" % rid).status, 200)
        self.assertEqual(ed.get("/admin/pilkada/999999").status, 404)

    def test_02_pairs(self):
        rid = region_id("cilegon")
        ed = browser(EDITOR)
        for n, names in ((1, "Pasangan Satu"), (2, "Pasangan " + EVIL)):
            r = ed.post("/admin/pilkada/%d/paslon" % rid,
                        [("number", str(n)), ("names", names),
                         ("coalition", "Koalisi uji")],
                        files=[("photo", "", "application/octet-stream",
                                b"")])
            self.assertEqual(r.status, 303, r.text)
        r = ed.post("/admin/pilkada/%d/paslon" % rid,
                    {"number": "1", "names": "Kembar"})
        self.assertEqual(r.status, 409)
        for bad in ({"number": "0", "names": "A"},
                    {"number": "100", "names": "A"},
                    {"number": "3", "names": ""}):
            self.assertEqual(ed.post("/admin/pilkada/%d/paslon" % rid,
                                     bad).status, 422, bad)
        self.assertEqual(len(pair_ids(rid)), 2)
        rep = browser(REPORTER)
        self.assertEqual(rep.post("/admin/pilkada/%d/paslon" % rid,
                                  {"number": "3", "names": "R"}).status, 403)
        # Edit, then a pair added and deleted.
        p1 = pair_ids(rid)[0]
        r = ed.post("/admin/pilkada/%d/paslon/%d" % (rid, p1),
                    {"number": "1", "names": "Pasangan Satu Baru",
                     "coalition": "Koalisi A"})
        self.assertEqual(r.status, 303)
        self.assertEqual(ed.post("/admin/pilkada/%d/paslon" % rid,
                                 {"number": "3", "names": "Sementara"}
                                 ).status, 303)
        p3 = pair_ids(rid)[2]
        self.assertEqual(rep.post("/admin/pilkada/%d/paslon/%d/delete"
                                  % (rid, p3)).status, 403)
        self.assertEqual(ed.post("/admin/pilkada/%d/paslon/%d/delete"
                                 % (rid, p3)).status, 303)
        self.assertEqual(len(pair_ids(rid)), 2)

    def post_entry(self, b, rid, source, values, **kw):
        f = {"source": source, "pollster": kw.get("pollster", ""),
             "margin": kw.get("margin", ""),
             "data_in": kw.get("data_in", ""), "date": kw.get("date", ""),
             "time": kw.get("time", ""), "note": kw.get("note", "")}
        for pid, v in zip(pair_ids(rid), values):
            f["v%d" % pid] = v
        return b.post("/admin/pilkada/%d/hasil" % rid, f)

    def test_03_entries_history_latest_and_labels(self):
        rid = region_id("cilegon")
        ed = browser(EDITOR)
        rep = browser(REPORTER)
        self.assertEqual(self.post_entry(rep, rid, "kpu", ["1", "2"],
                                         data_in="5").status, 403)
        r = self.post_entry(ed, rid, "kpu", ["1.200", "800"],
                            data_in="12,5", date="2024-11-27",
                            time="20:00")
        self.assertEqual(r.status, 303, r.text)
        r = self.post_entry(ed, rid, "kpu", ["30000", "10000"],
                            data_in="60")
        self.assertEqual(r.status, 303, r.text)
        r = self.post_entry(ed, rid, "quick", ["52,25", "47,75"],
                            pollster="Survei Uji", margin="1,5",
                            date="2024-11-27", time="15:30")
        self.assertEqual(r.status, 303, r.text)
        before = count("SELECT count(*) AS n FROM results")
        for bad in (dict(source="quick", values=["60", "50"],
                         pollster="Survei Uji", margin="1"),
                    dict(source="quick", values=["50", "50"], margin="1"),
                    dict(source="kpu", values=["1", "x"], data_in="1"),
                    dict(source="kpu", values=["1", "2"], data_in="101"),
                    dict(source="kpu", values=["1"], data_in="1"),
                    dict(source="resmi", values=["1", "2"]),
                    dict(source="kpu", values=["1", "2"], data_in="1",
                         date="2024-13-40", time="25:00")):
            vals = bad.pop("values")
            src = bad.pop("source")
            r = self.post_entry(ed, rid, src, vals, **bad)
            self.assertEqual(r.status, 422, (src, vals, bad))
        self.assertEqual(count("SELECT count(*) AS n FROM results"), before)
        self.assertEqual(count("SELECT count(*) AS n FROM audit_log WHERE "
                               "action = 'results.add'"), 3)
        # The region page: the newest KPU entry and the quick count, each
        # with its source and time; the older KPU entry in the history.
        html = H.fetch(W.port, "/pilkada/cilegon").text
        box = box_of(html, "cilegon")
        self.assertIsNotNone(box)
        entries = entries_of(box)
        self.assertEqual([e[0] for e in entries], ["hasil-kpu",
                                                   "hasil-quick"])
        kpu, quick = entries[0][1], entries[1][1]
        self.assertIn("Real count KPU", kpu)
        self.assertIn("data masuk 60,00%", kpu)
        self.assertIn("30.000 suara", kpu)
        self.assertIn(">75,00%<", kpu)
        self.assertNotIn("1.200 suara", kpu)
        self.assertIn("Hitung cepat Survei Uji", quick)
        self.assertIn("Quick count, bukan hasil resmi", quick)
        self.assertIn("&plusmn;1,50%", quick)
        self.assertIn(">52,25%<", quick)
        self.assertIn("27/11/2024, 15:30 WIB", quick)
        # "resmi" never stands alone next to a quick count.
        for m in re.finditer(r"resmi", quick):
            self.assertIn("bukan", quick[max(0, m.start() - 30):m.start()])
        self.assertNotIn("Real count KPU", quick)
        self.assertIn(H.esc("Pasangan " + EVIL), html)
        self.assertNotIn("<script>alert", html)
        hist = H.section_html(html, "hasil-history")
        self.assertIn("data masuk 12,50%", hist)
        self.assertIn("27/11/2024, 20:00 WIB", hist)
        self.assertEqual(hist.count("<tr><td>"), 3)
        # The region's stories (its tag) and its pairs.
        self.assertTrue(H.links_to_article(html, "uji-berita-pakai-tag"))
        self.assertIn("Pasangan Satu Baru", H.section_html(html, "paslon"))

    def test_04_markdown_line_shows_latest_at_read_time(self):
        ed = browser(EDITOR)
        aid = W.add_article("uji-kotak-hasil", "Berita dengan kotak hasil",
                            body_html="<p>Sebelum.</p>\n<!--hasil:cilegon-->"
                                      "\n<p>Sesudah.</p>\n"
                                      "<!--hasil:tidak-ada-->\n",
                            published_at=NOW - 300)
        path = page_path("uji-kotak-hasil")
        r1 = H.fetch(W.port, path)
        box = box_of(r1.text, "cilegon")
        self.assertIn("data masuk 60,00%", box)
        self.assertNotIn("hasil:tidak-ada", r1.text)
        self.assertNotIn("<!--hasil", r1.text)
        time.sleep(1.1)
        rid = region_id("cilegon")
        r = self.post_entry(ed, rid, "kpu", ["40000", "20000"],
                            data_in="99")
        self.assertEqual(r.status, 303)
        r2 = H.fetch(W.port, path, headers={"If-None-Match":
                                            r1.header("ETag")})
        self.assertEqual(r2.status, 200)
        self.assertIn("data masuk 99,00%", box_of(r2.text, "cilegon"))
        self.assertGreater(http_time(r2.header("Last-Modified")),
                           http_time(r1.header("Last-Modified")))
        # The same through Markdown: a live update's line.
        self.assertEqual(ed.post("/admin/articles/%d/live/open" % aid
                                 ).status, 303)
        r = ed.post("/admin/articles/%d/live" % aid,
                    {"body": "Hasil terbaru:\n\n[[hasil:cilegon]]\n\n"
                             "`[[hasil:cilegon]]` dalam kode tetap teks."})
        self.assertEqual(r.status, 303)
        html = H.fetch(W.port, path).text
        self.assertEqual(html.count('data-region="cilegon"'), 2)
        self.assertIn("<code>[[hasil:cilegon]]</code>", html)
        d = json.loads(poll(aid, 0).text)
        self.assertIn('data-region="cilegon"', d["updates"][0]["html"])
        # The editor's preview draws the box as the page will.
        r = ed.post("/admin/preview", {"body": "Pratinjau\n\n"
                                                "[[hasil:cilegon]]"})
        self.assertEqual(r.status, 200)
        self.assertIn("data masuk 99,00%", box_of(r.text, "cilegon"))

    def test_05_region_pages_menu_and_home(self):
        self.assertEqual(H.fetch(W.port, "/pilkada/tidak-ada").status, 404)
        idx = H.fetch(W.port, "/pilkada")
        self.assertEqual(idx.status, 200)
        self.assertIn('href="/pilkada/cilegon"', idx.text)
        home = H.fetch(W.port, "/").text
        self.assertIn('<a href="/pilkada">Hasil Pilkada</a>', home)
        self.assertIn('<section class="election-home">', home)
        self.assertIn('href="/pilkada/cilegon"', home)
        # Out of the news: off the menu and the home page.
        ed = browser(EDITOR)
        for slug in [r["slug"] for r in W.rows("SELECT slug FROM regions")]:
            rid = region_id(slug)
            r = W.rows("SELECT r.*, coalesce(t.slug, '') AS tag FROM "
                       "regions r LEFT JOIN tags t ON t.id = r.tag_id "
                       "WHERE r.id = ?", (rid,))[0]
            self.assertEqual(ed.post("/admin/pilkada/%d" % rid,
                                     {"name": r["name"], "slug": slug,
                                      "kind": r["kind"], "tag": r["tag"]}
                                     ).status, 303)
        self.assertEqual(count("SELECT count(*) AS n FROM regions WHERE "
                               "in_news = 1"), 0)
        home = H.fetch(W.port, "/").text
        self.assertNotIn('<a href="/pilkada">Hasil Pilkada</a>', home)
        self.assertNotIn('<section class="election-home">', home)
        self.assertEqual(H.fetch(W.port, "/pilkada/cilegon").status, 200)


class T03Demo(unittest.TestCase):

    def test_demo_newsroom_has_election_night(self):
        lb = W.rows("SELECT l.*, a.slug FROM live_blogs l JOIN articles a "
                    "ON a.id = l.article_id WHERE a.slug = "
                    "'liputan-langsung-hari-pemungutan-suara-pilkada-banten'"
                    )[0]
        self.assertIsNotNone(lb["ended_at"])
        self.assertEqual(H.wib(lb["started_at"]).date().isoformat(),
                         "2024-11-27")
        n = count("SELECT count(*) AS n FROM live_updates WHERE "
                  "article_id = ? AND body_html <> ''", (lb["article_id"],))
        self.assertGreaterEqual(n, 12)
        html = H.fetch(W.port, page_path(lb["slug"])).text
        self.assertEqual(len(update_ids(html)), n)
        for slug in ("provinsi-banten", "kota-tangerang"):
            page = H.fetch(W.port, "/pilkada/" + slug).text
            box = box_of(page, slug)
            self.assertIn("Data demo", box)
            self.assertIn("Quick count, bukan hasil resmi", box)


if __name__ == "__main__":
    unittest.main(verbosity=2)
