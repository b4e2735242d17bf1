-- 003_search.sql - full-text search: an FTS5 index of the public-able
-- articles, kept by triggers in the same transaction as every write.
--
-- The index holds only articles whose status is scheduled or published;
-- whether published_at has passed is checked when searching, so a story
-- scheduled for tomorrow is indexed now and found from its time on, while
-- drafts, reviews and unpublished stories are never in the index at all.
--
-- It is an external-content table: the text lives once, in articles, and
-- snippet() reads it from there by rowid. Removing a row from the index
-- needs the exact values that were indexed, which the triggers take from
-- old.*; so every change to articles must go through UPDATE, INSERT or
-- DELETE. Never "INSERT OR REPLACE" an article: REPLACE deletes the old row
-- without firing DELETE triggers (recursive_triggers is off) and would
-- leave its words in the index. Use INSERT ... ON CONFLICT DO UPDATE.
--
-- body_md is indexed as it is: unicode61 already splits on Markdown's
-- punctuation, and body_html would add its tag and attribute names.
-- prefix='2 3' keeps the reader's last, half-typed word (a prefix query)
-- cheap.

CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, lead, body_md,
	content = 'articles', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);

INSERT INTO articles_fts (rowid, title, lead, body_md)
	SELECT id, title, lead, body_md FROM articles
	WHERE status IN ('scheduled', 'published');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
WHEN new.status IN ('scheduled', 'published')
BEGIN
	INSERT INTO articles_fts (rowid, title, lead, body_md)
	VALUES (new.id, new.title, new.lead, new.body_md);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
WHEN old.status IN ('scheduled', 'published')
BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, lead, body_md)
	VALUES ('delete', old.id, old.title, old.lead, old.body_md);
END;

-- Runs only when the row enters or leaves the index, or when an indexed
-- row's text changes: a save that touches neither (updated_at, featured,
-- published to scheduled and back) leaves the index alone.
CREATE TRIGGER articles_fts_update
AFTER UPDATE OF id, title, lead, body_md, status ON articles
WHEN (old.status IN ('scheduled', 'published')) <>
     (new.status IN ('scheduled', 'published'))
  OR (new.status IN ('scheduled', 'published') AND
      (old.id <> new.id OR old.title <> new.title OR
       old.lead <> new.lead OR old.body_md <> new.body_md))
BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, lead, body_md)
	SELECT 'delete', old.id, old.title, old.lead, old.body_md
	WHERE old.status IN ('scheduled', 'published');
	INSERT INTO articles_fts (rowid, title, lead, body_md)
	SELECT new.id, new.title, new.lead, new.body_md
	WHERE new.status IN ('scheduled', 'published');
END;

-- The archive counts public articles per local month and day. This index
-- carries status so that counting reads the index alone (articles_live
-- would fetch every row to re-check a status its WHERE already implies).
CREATE INDEX articles_archive ON articles (published_at, status)
	WHERE status IN ('scheduled', 'published');

-- Search ranks every match before it pages, and reads each match's time,
-- section and status to filter it: from this index, keyed by the rowid
-- FTS5 gives, instead of from rows whose long bodies sit on overflow
-- pages before those columns.
CREATE INDEX articles_search ON articles
	(id, published_at, section_id, status)
	WHERE status IN ('scheduled', 'published');
