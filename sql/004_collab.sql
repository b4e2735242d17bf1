-- 004_collab.sql - several editors on one story: a version per article
-- for optimistic concurrency (a save names the version it was based on
-- and loses to any save in between), the version each revision recorded,
-- who has which story open, and each user's autosave of the story they
-- are writing. All instant on a large database: new columns with
-- constant defaults and new, empty tables.

ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
-- NULL for revisions written before versions existed.
ALTER TABLE revisions ADD COLUMN version INTEGER;

-- A user has article_id open in the editor until `until`: some minutes
-- after opening it, renewed by static/admin.js's heartbeat.
CREATE TABLE presence (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	since      INTEGER NOT NULL,
	until      INTEGER NOT NULL,
	PRIMARY KEY (article_id, user_id)
) WITHOUT ROWID;
CREATE INDEX presence_user ON presence (user_id);

-- The editor form as last typed by user_id, not saved: never a revision,
-- never public, shown to its user alone. article_id 0 is their new story
-- not saved yet; version is the one the form was opened on.
CREATE TABLE autosaves (
	id         INTEGER PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	article_id INTEGER NOT NULL,
	version    INTEGER NOT NULL,
	saved_at   INTEGER NOT NULL,
	title      TEXT NOT NULL DEFAULT '',
	slug       TEXT NOT NULL DEFAULT '',
	lead       TEXT NOT NULL DEFAULT '',
	dateline   TEXT NOT NULL DEFAULT '',
	body_md    TEXT NOT NULL DEFAULT '',
	tags       TEXT NOT NULL DEFAULT '',
	picks      TEXT NOT NULL DEFAULT '',
	UNIQUE (user_id, article_id)
);
CREATE INDEX autosaves_article ON autosaves (article_id);
CREATE TRIGGER autosaves_article_gone AFTER DELETE ON articles
BEGIN
	DELETE FROM autosaves WHERE article_id = old.id;
END;
