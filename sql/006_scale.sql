-- 006_scale.sql - what the reader pages need to stay flat on a ten-year,
-- million-story archive: the publication time on the tag and byline links,
-- counts per local day and month kept at write time, and a covering index
-- for the sitemaps. Everything here is kept by triggers in the writing
-- transaction; no reader query has to scan the archive.

-- A tag's and an author's public-able stories (status scheduled or
-- published) by publication time: each listing is one range of a small
-- table, newest first, instead of a row lookup for every story carrying the
-- tag and a sort of all of them. The link tables stay as they are; these
-- follow them and the articles' status and time.
CREATE TABLE tag_timeline (
	tag_id     INTEGER NOT NULL,
	live_at    INTEGER NOT NULL, -- the article's published_at
	article_id INTEGER NOT NULL,
	PRIMARY KEY (tag_id, live_at DESC, article_id DESC)
) WITHOUT ROWID;
CREATE INDEX tag_timeline_article ON tag_timeline (article_id);

CREATE TABLE author_timeline (
	author_id  INTEGER NOT NULL,
	live_at    INTEGER NOT NULL,
	article_id INTEGER NOT NULL,
	PRIMARY KEY (author_id, live_at DESC, article_id DESC)
) WITHOUT ROWID;
CREATE INDEX author_timeline_article ON author_timeline (article_id);

INSERT INTO tag_timeline (tag_id, live_at, article_id)
	SELECT t.tag_id, a.published_at, a.id
	FROM article_tags t JOIN articles a ON a.id = t.article_id
	WHERE a.status IN ('scheduled', 'published');
INSERT INTO author_timeline (author_id, live_at, article_id)
	SELECT w.author_id, a.published_at, a.id
	FROM article_authors w JOIN articles a ON a.id = w.article_id
	WHERE a.status IN ('scheduled', 'published');

CREATE TRIGGER article_tags_timeline_insert AFTER INSERT ON article_tags
BEGIN
	INSERT OR IGNORE INTO tag_timeline (tag_id, live_at, article_id)
	SELECT new.tag_id, a.published_at, a.id FROM articles a
	WHERE a.id = new.article_id
	AND a.status IN ('scheduled', 'published');
END;
CREATE TRIGGER article_tags_timeline_delete AFTER DELETE ON article_tags
BEGIN
	DELETE FROM tag_timeline
	WHERE article_id = old.article_id AND tag_id = old.tag_id;
END;
CREATE TRIGGER article_tags_timeline_update AFTER UPDATE ON article_tags
BEGIN
	DELETE FROM tag_timeline
	WHERE article_id = old.article_id AND tag_id = old.tag_id;
	INSERT OR IGNORE INTO tag_timeline (tag_id, live_at, article_id)
	SELECT new.tag_id, a.published_at, a.id FROM articles a
	WHERE a.id = new.article_id
	AND a.status IN ('scheduled', 'published');
END;

CREATE TRIGGER article_authors_timeline_insert AFTER INSERT ON article_authors
BEGIN
	INSERT OR IGNORE INTO author_timeline (author_id, live_at, article_id)
	SELECT new.author_id, a.published_at, a.id FROM articles a
	WHERE a.id = new.article_id
	AND a.status IN ('scheduled', 'published');
END;
CREATE TRIGGER article_authors_timeline_delete AFTER DELETE ON article_authors
BEGIN
	DELETE FROM author_timeline
	WHERE article_id = old.article_id AND author_id = old.author_id;
END;
CREATE TRIGGER article_authors_timeline_update AFTER UPDATE ON article_authors
BEGIN
	DELETE FROM author_timeline
	WHERE article_id = old.article_id AND author_id = old.author_id;
	INSERT OR IGNORE INTO author_timeline (author_id, live_at, article_id)
	SELECT new.author_id, a.published_at, a.id FROM articles a
	WHERE a.id = new.article_id
	AND a.status IN ('scheduled', 'published');
END;

-- A change of status or time moves the article's entries with it.
CREATE TRIGGER articles_timeline_update AFTER UPDATE OF id, status,
	published_at ON articles
WHEN old.id IS NOT new.id OR old.status IS NOT new.status
  OR old.published_at IS NOT new.published_at
BEGIN
	DELETE FROM tag_timeline WHERE article_id = old.id;
	DELETE FROM author_timeline WHERE article_id = old.id;
	INSERT OR IGNORE INTO tag_timeline (tag_id, live_at, article_id)
	SELECT t.tag_id, new.published_at, new.id FROM article_tags t
	WHERE t.article_id = new.id
	AND new.status IN ('scheduled', 'published');
	INSERT OR IGNORE INTO author_timeline (author_id, live_at, article_id)
	SELECT w.author_id, new.published_at, new.id FROM article_authors w
	WHERE w.article_id = new.id
	AND new.status IN ('scheduled', 'published');
END;

-- The links go by ON DELETE CASCADE, whose deletes fire the triggers
-- above; this covers a database with foreign keys switched off.
CREATE TRIGGER articles_timeline_delete AFTER DELETE ON articles
BEGIN
	DELETE FROM tag_timeline WHERE article_id = old.id;
	DELETE FROM author_timeline WHERE article_id = old.id;
END;

-- The zone offset (seconds) the counts below are kept in: the site's
-- timezone setting through the same table of zones as src/db_site.c (a
-- unit test holds them together) and, as there, Asia/Jakarta for anything
-- else. Triggers on settings keep it, and a change of it counts again.
CREATE VIEW site_zone (utc_offset) AS
	SELECT CASE (SELECT value FROM settings WHERE key = 'timezone')
		WHEN 'Asia/Makassar' THEN 8 * 3600
		WHEN 'Asia/Jayapura' THEN 9 * 3600
		ELSE 7 * 3600 END;
CREATE TABLE archive_zone (
	id     INTEGER PRIMARY KEY CHECK (id = 1),
	utc_offset INTEGER NOT NULL
);
INSERT INTO archive_zone (id, utc_offset) SELECT 1, utc_offset FROM site_zone;

-- Public-able articles per local day (day = YYYYMMDD) and local month
-- (month = YYYYMM) in the site's zone: how many (n) and the latest change
-- among them (lastmod: any publication, edit, or removal from the period).
-- Rows count scheduled articles from the moment they are saved, so the
-- reader takes only the days before today from here and counts today
-- itself, from the index, up to now (src/db_archive.c). A period whose
-- articles all left keeps a row with n = 0.
CREATE TABLE archive_days (
	day     INTEGER PRIMARY KEY,
	n       INTEGER NOT NULL,
	lastmod INTEGER NOT NULL
);
CREATE TABLE archive_months (
	month   INTEGER PRIMARY KEY,
	n       INTEGER NOT NULL,
	lastmod INTEGER NOT NULL
);

-- The sitemaps read a month's URLs and times, and the archive counts a
-- day, from this index alone. It carries status, though its WHERE implies
-- it, because SQLite would otherwise read every row to check it again.
CREATE INDEX articles_sitemap ON articles
	(published_at DESC, id DESC, updated_at, slug, status)
	WHERE status IN ('scheduled', 'published');

-- Adding an article to a period raises its count and, when later, its
-- lastmod; taking one away lowers the count and finds the lastmod again
-- among the day's remaining entries of the covering index (a day's worth)
-- and the month's days. The day key of a time t is
-- CAST(strftime('%Y%m%d', t + offset, 'unixepoch') AS INTEGER); a time
-- strftime() cannot place gives NULL and no row.
CREATE TRIGGER archive_insert AFTER INSERT ON articles
WHEN new.status IN ('scheduled', 'published')
BEGIN
	INSERT INTO archive_days (day, n, lastmod)
	SELECT k, 1, max(new.published_at, new.updated_at) FROM
	(SELECT CAST(strftime('%Y%m%d', new.published_at + (SELECT utc_offset FROM archive_zone),
		'unixepoch') AS INTEGER) AS k)
	WHERE k IS NOT NULL
	ON CONFLICT (day) DO UPDATE SET n = n + 1,
		lastmod = max(lastmod, excluded.lastmod);
	INSERT INTO archive_months (month, n, lastmod)
	SELECT k, 1, max(new.published_at, new.updated_at) FROM
	(SELECT CAST(strftime('%Y%m', new.published_at + (SELECT utc_offset FROM archive_zone),
		'unixepoch') AS INTEGER) AS k)
	WHERE k IS NOT NULL
	ON CONFLICT (month) DO UPDATE SET n = n + 1,
		lastmod = max(lastmod, excluded.lastmod);
END;

CREATE TRIGGER archive_delete AFTER DELETE ON articles
WHEN old.status IN ('scheduled', 'published')
BEGIN
	UPDATE archive_days SET n = n - 1, lastmod = coalesce((
		SELECT max(max(a.published_at, a.updated_at))
		FROM articles a INDEXED BY articles_sitemap
		WHERE a.status IN ('scheduled', 'published')
		AND a.published_at >= unixepoch(date(old.published_at +
			(SELECT utc_offset FROM archive_zone), 'unixepoch')) - (SELECT utc_offset FROM archive_zone)
		AND a.published_at < unixepoch(date(old.published_at +
			(SELECT utc_offset FROM archive_zone), 'unixepoch')) - (SELECT utc_offset FROM archive_zone) + 86400), 0)
	WHERE day = CAST(strftime('%Y%m%d', old.published_at +
		(SELECT utc_offset FROM archive_zone), 'unixepoch') AS INTEGER);
	UPDATE archive_months SET n = n - 1, lastmod = coalesce((
		SELECT max(d.lastmod) FROM archive_days d
		WHERE d.day >= archive_months.month * 100
		AND d.day < archive_months.month * 100 + 100 AND d.n > 0), 0)
	WHERE month = CAST(strftime('%Y%m', old.published_at +
		(SELECT utc_offset FROM archive_zone), 'unixepoch') AS INTEGER);
END;

-- An update takes the article out of its old period (when it was in one)
-- and puts it into the new one (when it is public-able now); an edit that
-- stays in its day does both, and only lastmod moves.
CREATE TRIGGER archive_update AFTER UPDATE OF status, published_at, updated_at
ON articles
WHEN old.status IN ('scheduled', 'published') OR new.status IN ('scheduled', 'published')
BEGIN
	UPDATE archive_days SET n = n - 1, lastmod = coalesce((
		SELECT max(max(a.published_at, a.updated_at))
		FROM articles a INDEXED BY articles_sitemap
		WHERE a.status IN ('scheduled', 'published')
		AND a.published_at >= unixepoch(date(old.published_at +
			(SELECT utc_offset FROM archive_zone), 'unixepoch')) - (SELECT utc_offset FROM archive_zone)
		AND a.published_at < unixepoch(date(old.published_at +
			(SELECT utc_offset FROM archive_zone), 'unixepoch')) - (SELECT utc_offset FROM archive_zone) + 86400), 0)
	WHERE old.status IN ('scheduled', 'published') AND day = CAST(strftime('%Y%m%d', old.published_at +
		(SELECT utc_offset FROM archive_zone), 'unixepoch') AS INTEGER);
	UPDATE archive_months SET n = n - 1, lastmod = coalesce((
		SELECT max(d.lastmod) FROM archive_days d
		WHERE d.day >= archive_months.month * 100
		AND d.day < archive_months.month * 100 + 100 AND d.n > 0), 0)
	WHERE old.status IN ('scheduled', 'published') AND month = CAST(strftime('%Y%m', old.published_at +
		(SELECT utc_offset FROM archive_zone), 'unixepoch') AS INTEGER);
	INSERT INTO archive_days (day, n, lastmod)
	SELECT k, 1, max(new.published_at, new.updated_at) FROM
	(SELECT CAST(strftime('%Y%m%d', new.published_at + (SELECT utc_offset FROM archive_zone),
		'unixepoch') AS INTEGER) AS k)
	WHERE k IS NOT NULL AND new.status IN ('scheduled', 'published')
	ON CONFLICT (day) DO UPDATE SET n = n + 1,
		lastmod = max(lastmod, excluded.lastmod);
	INSERT INTO archive_months (month, n, lastmod)
	SELECT k, 1, max(new.published_at, new.updated_at) FROM
	(SELECT CAST(strftime('%Y%m', new.published_at + (SELECT utc_offset FROM archive_zone),
		'unixepoch') AS INTEGER) AS k)
	WHERE k IS NOT NULL AND new.status IN ('scheduled', 'published')
	ON CONFLICT (month) DO UPDATE SET n = n + 1,
		lastmod = max(lastmod, excluded.lastmod);
END;

-- A new zone moves every day boundary: count again (one pass over the
-- covering index; a rare administrative change).
CREATE TRIGGER archive_rezone AFTER UPDATE OF utc_offset ON archive_zone
WHEN old.utc_offset IS NOT new.utc_offset
BEGIN
	DELETE FROM archive_days;
	DELETE FROM archive_months;
	INSERT INTO archive_days (day, n, lastmod)
	SELECT CAST(strftime('%Y%m%d', a.published_at + new.utc_offset,
		'unixepoch') AS INTEGER) AS k,
		count(*), max(max(a.published_at, a.updated_at))
	FROM articles a INDEXED BY articles_sitemap
	WHERE a.status IN ('scheduled', 'published') AND k IS NOT NULL
	GROUP BY k;
	INSERT INTO archive_months (month, n, lastmod)
	SELECT day / 100, sum(n), max(lastmod) FROM archive_days
	GROUP BY day / 100;
END;

CREATE TRIGGER settings_zone_insert AFTER INSERT ON settings
WHEN new.key = 'timezone'
BEGIN
	UPDATE archive_zone SET utc_offset = (SELECT utc_offset FROM site_zone);
END;
CREATE TRIGGER settings_zone_update AFTER UPDATE ON settings
WHEN new.key = 'timezone' OR old.key = 'timezone'
BEGIN
	UPDATE archive_zone SET utc_offset = (SELECT utc_offset FROM site_zone);
END;
CREATE TRIGGER settings_zone_delete AFTER DELETE ON settings
WHEN old.key = 'timezone'
BEGIN
	UPDATE archive_zone SET utc_offset = (SELECT utc_offset FROM site_zone);
END;

-- Counting what is already there: the same statements as a new zone.
DELETE FROM archive_days;
INSERT INTO archive_days (day, n, lastmod)
SELECT CAST(strftime('%Y%m%d', a.published_at +
	(SELECT utc_offset FROM archive_zone), 'unixepoch') AS INTEGER) AS k,
	count(*), max(max(a.published_at, a.updated_at))
FROM articles a INDEXED BY articles_sitemap
WHERE a.status IN ('scheduled', 'published') AND k IS NOT NULL
GROUP BY k;
INSERT INTO archive_months (month, n, lastmod)
SELECT day / 100, sum(n), max(lastmod) FROM archive_days
GROUP BY day / 100;
