"""test_rail.py - the article page's side column: the newest stories and
the newest of the story's section, never the story itself nor one story
twice, at most five each; hostile titles escaped. Expected lists come from
the database, computed here."""

import os
import re
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness as H  # noqa: E402

W = None
NOW = int(time.time())
RAIL_MAX = 5


def fixtures(w):
    w.add_section("rail-kanal", "Kanal <Rail>", position=50)
    # Older stories in a quiet section, then a run of newer ones in another
    # section so that "Terbaru" holds none of the quiet section's.
    for i in range(8):
        w.add_article("rail-sepi-%d" % i, "Sepi %d <b>&\"'" % i,
                      section="rail-kanal", published_at=NOW - 86400 - i)
    for i in range(7):
        w.add_article("rail-ramai-%d" % i, "Ramai %d" % i,
                      published_at=NOW - 60 - i)
    # Not public: never in the column.
    w.add_article("rail-draf", "Draf rail", status="draft",
                  section="rail-kanal")
    w.add_article("rail-nanti", "Nanti rail", status="scheduled",
                  section="rail-kanal", published_at=NOW + 86400)


def setUpModule():
    global W
    W = H.start_warta("rail", fixtures)


def tearDownModule():
    H.stop_warta(W)


def rail_blocks(html):
    m = re.search(r'<aside class="rail"[^>]*>(.*?)</aside>', html, re.S)
    assert m, "no side column"
    blocks = re.findall(r'<section class="rail-block">(.*?)</section>',
                        m.group(1), re.S)
    return [(re.search(r"<h2>(.*?)</h2>", b, re.S).group(1),
             re.findall(r'<li class="rail-item"><a href="([^"]+)">'
                        r'([^<]*)</a>', b)) for b in blocks]


def page(slug):
    a, = W.articles("a.slug = ?", (slug,))
    r = H.fetch(W.port, H.article_path(a["published_at"], a["slug"]))
    assert r.status == 200, r
    return a, r.text


def expected(a):
    pub = [x for x in W.public_articles() if x["id"] != a["id"]]
    latest = pub[:RAIL_MAX]
    seen = {x["id"] for x in latest}
    section = [x for x in pub if x["section_id"] == a["section_id"] and
               x["id"] not in seen][:RAIL_MAX]
    return latest, section


def links(arts):
    return [(H.article_path(x["published_at"], x["slug"]), H.esc(x["title"]))
            for x in arts]


class Rail(unittest.TestCase):
    def test_quiet_section(self):
        a, html = page("rail-sepi-3")
        latest, section = expected(a)
        self.assertEqual(len(latest), RAIL_MAX)
        self.assertEqual(len(section), RAIL_MAX)
        blocks = rail_blocks(html)
        self.assertEqual(len(blocks), 2)
        self.assertEqual(blocks[0], ("Terbaru", links(latest)))
        head, items = blocks[1]
        self.assertEqual(head, '<a href="/kanal/rail-kanal">%s</a>' %
                         H.esc("Kanal <Rail>"))
        self.assertEqual(items, links(section))
        self.assertNotIn("<b>&", html)

    def test_never_self_nor_twice(self):
        a, html = page("rail-ramai-0")
        blocks = rail_blocks(html)
        hrefs = [h for _, items in blocks for h, _ in items]
        self.assertNotIn(H.article_path(a["published_at"], a["slug"]),
                         hrefs)
        self.assertEqual(len(hrefs), len(set(hrefs)))
        latest, section = expected(a)
        self.assertEqual(blocks[0][1], links(latest))
        if section:
            self.assertEqual(blocks[1][1], links(section))
        else:
            self.assertEqual(len(blocks), 1)
        self.assertNotIn("rail-draf", html)
        self.assertNotIn("rail-nanti", html)

    def test_page_still_valid_when_alone(self):
        """The newest story of a section nobody else writes in has a
        column of the newest stories only."""
        W.add_section("rail-sunyi", "Sunyi", position=60)
        W.add_article("rail-satu", "Satu-satunya", section="rail-sunyi",
                      published_at=NOW - 30 * 86400)
        a, html = page("rail-satu")
        blocks = rail_blocks(html)
        self.assertEqual([b[0] for b in blocks], ["Terbaru"])

    def test_zz_follows_every_change(self):
        """Each worker keeps the column's lists while nothing on the site
        changes (listcache.h): a new story and an unpublished one show at
        once, on every worker. Runs last, as it changes the site."""
        for _ in range(8):
            page("rail-sepi-3")  # every thread has the lists now
        # Saved now, as the admin saves: the site's stamp moves past what
        # the workers read their lists at.
        now = int(time.time())
        W.add_article("rail-baru", "Baru <rail>", published_at=now - 1,
                      updated_at=now)
        for _ in range(8):
            a, html = page("rail-sepi-3")
            latest, _ = expected(a)
            self.assertEqual(latest[0]["slug"], "rail-baru")
            self.assertEqual(rail_blocks(html)[0], ("Terbaru",
                                                    links(latest)))
        with W.db() as c:
            c.execute("UPDATE articles SET status = 'unpublished',"
                      " updated_at = ? WHERE slug = 'rail-baru'",
                      (int(time.time()),))
        for _ in range(8):
            a, html = page("rail-sepi-3")
            self.assertNotIn("rail-baru", html)
            self.assertEqual(rail_blocks(html)[0][1],
                             links(expected(a)[0]))


if __name__ == "__main__":
    unittest.main()
