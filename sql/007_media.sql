-- 007_media.sql - pictures: every upload decoded and re-encoded by libvips
-- into renditions whose names picture.c derives from the key, the size
-- and the focal point (see docs/pictures.md). Rows from before this
-- migration have no key: their file is served as it was stored.
ALTER TABLE media ADD COLUMN pkey TEXT;	-- content hash, 16 hex chars
ALTER TABLE media ADD COLUMN width INTEGER NOT NULL DEFAULT 0;
ALTER TABLE media ADD COLUMN height INTEGER NOT NULL DEFAULT 0;
-- Focal point in thousandths of the width and height; crops centre on it.
ALTER TABLE media ADD COLUMN focal_x INTEGER NOT NULL DEFAULT 500;
ALTER TABLE media ADD COLUMN focal_y INTEGER NOT NULL DEFAULT 500;
ALTER TABLE media ADD COLUMN caption TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN credit TEXT NOT NULL DEFAULT '';	-- "Foto: ANTARA/Nama"
ALTER TABLE media ADD COLUMN alt TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;

-- The same bytes uploaded twice are one picture.
CREATE UNIQUE INDEX media_pkey ON media (pkey) WHERE pkey IS NOT NULL;
-- The library, newest first (keyset).
CREATE INDEX media_created ON media (created_at DESC, id DESC);

-- Which stories show which picture, as their featured picture or inline
-- ([[foto:ID]]); kept by every article save, read when a picture is to be
-- deleted and by the library's "used in" column.
CREATE TABLE article_media (
	media_id   INTEGER NOT NULL REFERENCES media (id),
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (media_id, article_id)
) WITHOUT ROWID;
CREATE INDEX article_media_article ON article_media (article_id);
