-- 008_search_rank.sql - the words of the search index, for search to turn
-- a reader's half-typed last word into the indexed words it begins
-- (src/db_search.c). The "instance" kind reads a word's first occurrence
-- without counting the rest, so listing the words of a prefix is a seek
-- per word. It stores nothing: it reads articles_fts's own index.
CREATE VIRTUAL TABLE articles_vocab USING fts5vocab(articles_fts, instance);
