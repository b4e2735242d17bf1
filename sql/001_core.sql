-- 001_core.sql - the newsroom: settings, authors, sections, tags, articles.
-- Times are Unix seconds in UTC; pages show them in the site's time zone.

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO settings (key, value) VALUES
	('site_name', 'Warta'),
	('base_url', 'http://127.0.0.1:8080'),
	('tagline', 'Berita daerah yang jernih dan terverifikasi'),
	('timezone', 'Asia/Jakarta'),
	('language', 'id');

CREATE TABLE authors (
	id       INTEGER PRIMARY KEY,
	slug     TEXT NOT NULL UNIQUE CHECK (slug <> ''),
	name     TEXT NOT NULL CHECK (name <> ''),
	initials TEXT NOT NULL CHECK (initials <> ''), -- sign-off, e.g. "Ars"
	bio      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE sections (
	id          INTEGER PRIMARY KEY,
	slug        TEXT NOT NULL UNIQUE CHECK (slug <> ''),
	name        TEXT NOT NULL CHECK (name <> ''),
	description TEXT NOT NULL DEFAULT '',
	position    INTEGER NOT NULL DEFAULT 0 -- order on the home page
);

CREATE TABLE tags (
	id          INTEGER PRIMARY KEY,
	slug        TEXT NOT NULL UNIQUE CHECK (slug <> ''),
	name        TEXT NOT NULL CHECK (name <> ''),
	description TEXT NOT NULL DEFAULT ''
);

-- status: draft and review are never public; scheduled and published are
-- public once published_at has passed; unpublished answers 410 with
-- unpublish_reason.
CREATE TABLE articles (
	id           INTEGER PRIMARY KEY,
	slug         TEXT NOT NULL UNIQUE CHECK (slug <> ''),
	title        TEXT NOT NULL CHECK (title <> ''),
	lead         TEXT NOT NULL DEFAULT '',
	dateline     TEXT NOT NULL DEFAULT '',
	body_md      TEXT NOT NULL DEFAULT '',
	body_html    TEXT NOT NULL DEFAULT '', -- cmark output, rendered on save
	status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
	             ('draft', 'review', 'scheduled', 'published', 'unpublished')),
	section_id   INTEGER NOT NULL REFERENCES sections (id),
	published_at INTEGER, -- first publication (or the scheduled time)
	updated_at   INTEGER NOT NULL,
	created_at   INTEGER NOT NULL,
	featured     INTEGER NOT NULL DEFAULT 0 CHECK (featured IN (0, 1)),
	unpublish_reason TEXT NOT NULL DEFAULT '',
	CHECK (status NOT IN ('scheduled', 'published', 'unpublished')
	       OR published_at IS NOT NULL)
);

-- Listing queries read only public articles, newest first, by keyset
-- (published_at, id); each has a partial index that matches its WHERE.
CREATE INDEX articles_live ON articles (published_at DESC, id DESC)
	WHERE status IN ('scheduled', 'published');
CREATE INDEX articles_live_section ON articles
	(section_id, published_at DESC, id DESC)
	WHERE status IN ('scheduled', 'published');
CREATE INDEX articles_live_featured ON articles (published_at DESC, id DESC)
	WHERE status IN ('scheduled', 'published') AND featured = 1;

CREATE TABLE article_authors (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	author_id  INTEGER NOT NULL REFERENCES authors (id),
	position   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, author_id)
) WITHOUT ROWID;
CREATE INDEX article_authors_author ON article_authors (author_id, article_id);

CREATE TABLE article_tags (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	tag_id     INTEGER NOT NULL REFERENCES tags (id),
	position   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags (tag_id, article_id);

-- Explicit BACA JUGA picks, in the editor's order.
CREATE TABLE article_related (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	related_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, related_id),
	CHECK (article_id <> related_id)
) WITHOUT ROWID;
-- Deleting an article cascades to the picks that name it.
CREATE INDEX article_related_related ON article_related (related_id);
