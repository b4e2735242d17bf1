-- 005_election.sql - election night: live blogs and their timestamped
-- updates, and the results desk (regions, candidate pairs, results entries
-- from the KPU real count or a pollster's quick count).
-- New tables only: instant on any archive.

-- A story that is a live blog; open while ended_at is NULL. version counts
-- every change to its updates and its state (post, edit, delete, close):
-- readers poll for "what changed after version N".
CREATE TABLE live_blogs (
	article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	started_at INTEGER NOT NULL,	-- coverageStartTime
	ended_at   INTEGER,		-- coverageEndTime; NULL while open
	version    INTEGER NOT NULL DEFAULT 1,
	changed_at INTEGER NOT NULL,	-- the last change (Last-Modified)
	CHECK (ended_at IS NULL OR ended_at >= started_at)
);
-- Open live blogs, newest first (the menu, the home page, LIVE labels);
-- and the latest live blog whatever its state (the home page).
CREATE INDEX live_blogs_open ON live_blogs (started_at DESC, article_id DESC)
	WHERE ended_at IS NULL;
CREATE INDEX live_blogs_started ON live_blogs (started_at DESC, article_id DESC);

-- One update. A deleted update stays as a tombstone (deleted = 1), so that
-- a reader's page polling for changes learns to remove it; its text stays
-- in live_update_revisions.
CREATE TABLE live_updates (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES live_blogs (article_id)
	           ON DELETE CASCADE,
	posted_at  INTEGER NOT NULL,	-- the time shown, "21.04 WIB"
	body_md    TEXT NOT NULL,
	body_html  TEXT NOT NULL,	-- cmark output, rendered on save
	image_id   INTEGER REFERENCES media (id) ON DELETE SET NULL,
	author_id  INTEGER REFERENCES authors (id) ON DELETE SET NULL,
	user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
	version    INTEGER NOT NULL,	-- the blog's version at its last change
	deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	CHECK (deleted = 1 OR body_md <> '')
);
-- The page: shown updates newest first. The poll: changes after a version.
CREATE INDEX live_updates_shown ON live_updates
	(article_id, posted_at DESC, id DESC) WHERE deleted = 0;
CREATE INDEX live_updates_version ON live_updates (article_id, version);
CREATE INDEX live_updates_user ON live_updates (user_id);
CREATE INDEX live_updates_author ON live_updates (author_id);
CREATE INDEX live_updates_image ON live_updates (image_id);

-- Every save of an update, its deletion included: who, when, what, and
-- the update as JSON built by SQLite from the stored row.
CREATE TABLE live_update_revisions (
	id         INTEGER PRIMARY KEY,
	update_id  INTEGER NOT NULL REFERENCES live_updates (id)
	           ON DELETE CASCADE,
	user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
	action     TEXT NOT NULL,	-- "live.post", "live.edit", "live.delete"
	created_at INTEGER NOT NULL,
	snapshot   TEXT NOT NULL CHECK (json_valid(snapshot))
);
CREATE INDEX live_update_revisions_update ON live_update_revisions
	(update_id, id DESC);
CREATE INDEX live_update_revisions_user ON live_update_revisions (user_id);

-- A region holding an election: province, regency or city. Its stories are
-- the ones carrying its tag. in_news puts it in the menu and on the home
-- page while its election is in the news.
CREATE TABLE regions (
	id         INTEGER PRIMARY KEY,
	slug       TEXT NOT NULL UNIQUE CHECK (slug <> ''),
	name       TEXT NOT NULL CHECK (name <> ''),
	kind       TEXT NOT NULL CHECK (kind IN ('provinsi', 'kabupaten', 'kota')),
	tag_id     INTEGER REFERENCES tags (id) ON DELETE SET NULL,
	in_news    INTEGER NOT NULL DEFAULT 1 CHECK (in_news IN (0, 1)),
	changed_at INTEGER NOT NULL	-- the last change to it, its pairs, results
);
CREATE INDEX regions_in_news ON regions (name, id) WHERE in_news = 1;
CREATE INDEX regions_name ON regions (name, id);
CREATE INDEX regions_tag ON regions (tag_id);

-- A candidate pair (paslon) by its ballot number.
CREATE TABLE candidates (
	id         INTEGER PRIMARY KEY,
	region_id  INTEGER NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
	number     INTEGER NOT NULL CHECK (number BETWEEN 1 AND 99),
	names      TEXT NOT NULL CHECK (names <> ''),	-- "Ana Rahma - Budi Santoso"
	coalition  TEXT NOT NULL DEFAULT '',		-- the supporting parties
	photo_id   INTEGER REFERENCES media (id) ON DELETE SET NULL,
	UNIQUE (region_id, number)
);
CREATE INDEX candidates_photo ON candidates (photo_id);

-- One results entry, never changed once written: the KPU real count with
-- the share of data in, or a named pollster's quick count with its margin
-- of error (both in hundredths of a percent). The newest entry of each
-- source is the one shown; the rest are the history.
CREATE TABLE results (
	id         INTEGER PRIMARY KEY,
	region_id  INTEGER NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
	source     TEXT NOT NULL CHECK (source IN ('kpu', 'quick')),
	pollster   TEXT NOT NULL DEFAULT '',
	data_in    INTEGER,
	margin     INTEGER,
	counted_at INTEGER NOT NULL,	-- the time the source gives
	note       TEXT NOT NULL DEFAULT '',	-- shown with the numbers
	created_at INTEGER NOT NULL,
	user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
	CHECK ((source = 'kpu' AND pollster = '' AND margin IS NULL AND
	        data_in BETWEEN 0 AND 10000) OR
	       (source = 'quick' AND pollster <> '' AND data_in IS NULL AND
	        margin BETWEEN 0 AND 10000))
);
-- The history, newest first; the newest entry per source.
CREATE INDEX results_region ON results (region_id, id DESC);
CREATE INDEX results_latest ON results (region_id, source, pollster, id);
CREATE INDEX results_user ON results (user_id);

-- The numbers of one entry: votes (KPU) or hundredths of a percent (quick
-- count) per pair.
CREATE TABLE result_numbers (
	result_id    INTEGER NOT NULL REFERENCES results (id) ON DELETE CASCADE,
	candidate_id INTEGER NOT NULL REFERENCES candidates (id)
	             ON DELETE CASCADE,
	value        INTEGER NOT NULL CHECK (value BETWEEN 0 AND 1000000000),
	PRIMARY KEY (result_id, candidate_id)
) WITHOUT ROWID;
CREATE INDEX result_numbers_candidate ON result_numbers (candidate_id);
