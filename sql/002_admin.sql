-- 002_admin.sql - the newsroom admin: accounts, sessions, sign-in
-- throttling, revisions, corrections, images, the audit log.

CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	email         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (email <> ''),
	name          TEXT NOT NULL CHECK (name <> ''),
	role          TEXT NOT NULL CHECK (role IN ('reporter', 'editor', 'admin')),
	author_id     INTEGER REFERENCES authors (id) ON DELETE SET NULL,
	password_hash TEXT NOT NULL,	-- Argon2id, crypto_pwhash_str
	disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	created_at    INTEGER NOT NULL
);

-- Only the hash of a session id is stored; the id lives in the cookie.
CREATE TABLE sessions (
	id_hash    TEXT PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	csrf       TEXT NOT NULL,
	created_at INTEGER NOT NULL,	-- absolute expiry: created_at + 7 days
	seen_at    INTEGER NOT NULL,	-- idle expiry: seen_at + 12 hours
	addr       TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);

-- Consecutive failed sign-ins per key ("email:x", "addr:1.2.3.4"). A key
-- whose last failure (last_at) is a day old starts counting afresh, so a
-- newsroom's shared address is not locked for old typos.
CREATE TABLE login_failures (
	key          TEXT PRIMARY KEY,
	failures     INTEGER NOT NULL,
	locked_until INTEGER NOT NULL DEFAULT 0,
	last_at      INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE media (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE,	-- random file name under media/
	mime       TEXT NOT NULL,
	size       INTEGER NOT NULL,
	user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL
);

ALTER TABLE articles ADD COLUMN created_by INTEGER REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN editor_id INTEGER REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN image_id INTEGER REFERENCES media (id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN image_caption TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN image_credit TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN unpublished_at INTEGER;

-- Admin listings: by status and by creator, newest change first.
CREATE INDEX articles_status ON articles (status, updated_at DESC, id DESC);
CREATE INDEX articles_created_by ON articles (created_by, updated_at DESC, id DESC);
CREATE INDEX articles_updated ON articles (updated_at DESC, id DESC);
-- The admin listing filtered by section.
CREATE INDEX articles_section_updated ON articles
	(section_id, updated_at DESC, id DESC);

-- Every save: who, when, and the whole article as JSON (title, slug, lead,
-- dateline, body, section, status, times, authors, tags, picks, image).
CREATE TABLE revisions (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	snapshot   TEXT NOT NULL CHECK (json_valid(snapshot))
);
CREATE INDEX revisions_article ON revisions (article_id, id DESC);

-- Public correction notes ("Koreksi: ..."), shown with their time.
CREATE TABLE corrections (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	body       TEXT NOT NULL CHECK (body <> ''),
	user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX corrections_article ON corrections (article_id, created_at);

CREATE TABLE audit_log (
	id         INTEGER PRIMARY KEY,
	user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
	action     TEXT NOT NULL,	-- "article.publish", "user.add", ...
	article_id INTEGER,		-- kept after the article is deleted
	detail     TEXT NOT NULL DEFAULT '',
	addr       TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL
);
CREATE INDEX audit_log_time ON audit_log (id DESC);
-- The audit page filters by user and by action, newest first.
CREATE INDEX audit_log_user ON audit_log (user_id, id DESC);
CREATE INDEX audit_log_action ON audit_log (action, id DESC);
-- Accounts linked to a byline: the authors page counts them, and deleting
-- an author looks them up.
CREATE INDEX users_author ON users (author_id);
