/* test_db_search.c - search: hostile input turned into plain quoted words,
 * highlights made safe HTML, and the FTS5 index that the triggers keep in
 * step with every insert, update and delete. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "db_search.h"
#include "migrate.h"
#include "sql_embed.h"
#include "fixture.h"

#define NOW 1732150000 /* 2024-11-21 00:46:40 UTC */
#define HOUR 3600

struct fx {
	struct db *db;
	struct arena a;
};

/* Inserts an article; published_at 0 stores NULL. */
static void
add(struct db *db, int id, const char *status, int section, int64_t t,
    const char *title, const char *lead, const char *body)
{
	sqlite3_stmt *st;
	assert_int_equal(
		sqlite3_prepare_v2(
			db_sqlite(db),
			"INSERT INTO articles (id, slug, title, lead, body_md,"
			" status, section_id, published_at, updated_at,"
			" created_at) VALUES (?1, 'artikel-' || ?1, ?2, ?3, ?4,"
			" ?5, ?6, ?7, ?8, ?8)",
			-1, &st, NULL),
		SQLITE_OK);
	sqlite3_bind_int(st, 1, id);
	sqlite3_bind_text(st, 2, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, lead, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, status, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, section);
	if (t)
		sqlite3_bind_int64(st, 7, t);
	sqlite3_bind_int64(st, 8, t ? t + 60 : NOW - 10 * HOUR);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

static const char SECTIONS[] =
	"INSERT INTO sections (id, slug, name, position) VALUES"
	" (1, 'pilkada', 'Pilkada', 1), (2, 'daerah', 'Daerah', 2);";

static int
setup(void **state)
{
	struct fx *fx = calloc(1, sizeof *fx);
	fx->db = fixture_db();
	arena_init(&fx->a);
	fixture_exec(fx->db, SECTIONS);
	add(fx->db, 1, "published", 1, NOW - 5 * HOUR, "Pémilu damai di Serang",
	    "Warga datang ke TPS sejak pagi.",
	    "Pemungutan suara berjalan **tertib**, kata ketua KPPS.");
	add(fx->db, 2, "published", 2, NOW - 4 * HOUR, "Banjir di Lebak",
	    "Hujan deras sejak malam.",
	    "Air setinggi lutut menggenangi jalan menuju TPS. Pemilu "
	    "tetap digelar.");
	add(fx->db, 3, "draft", 1, 0, "Draf rahasia pemilu",
	    "Belum boleh terbit.", "Isi draf rahasia.");
	add(fx->db, 4, "scheduled", 1, NOW + HOUR, "Terjadwal pemilu besok",
	    "Terbit satu jam lagi.", "Isi terjadwal.");
	add(fx->db, 5, "review", 1, 0, "Sedang disunting pemilu", "", "");
	add(fx->db, 6, "unpublished", 1, NOW - 9 * HOUR,
	    "Ditarik pemilu", "Ditarik.", "Isi yang ditarik.");
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;
	arena_fini(&fx->a);
	db_close(fx->db);
	free(fx);
	return 0;
}

/* The ids found for what a reader typed, in rank order, as "1,2"; also
 * checks that the search itself never fails. */
static const char *
ids(struct fx *fx, const char *input, int64_t now,
    const struct search_filter *f)
{
	static char out[256];
	struct search_filter all;
	struct search_page p;
	db_search_filter_init(&all);
	const char *expr = db_search_expr(&fx->a, input);
	assert_non_null(expr);
	assert_int_equal(db_search(fx->db, &fx->a, expr, f ? f : &all, now, 1,
				   &p),
			 W_OK);
	size_t n = 0;
	out[0] = '\0';
	for (size_t i = 0; i < p.n; i++)
		n += (size_t)snprintf(out + n, sizeof out - n, "%s%lld",
				      i ? "," : "",
				      (long long)p.items[i].art.id);
	return out;
}

static void
check_expr(const char *input, const char *want)
{
	struct arena a;
	arena_init(&a);
	const char *got = db_search_expr(&a, input);
	assert_non_null(got);
	assert_string_equal(got, want);
	arena_fini(&a);
}

static void
test_expr_words(void **state)
{
	(void)state;
	check_expr("", "");
	check_expr("   \t\n ", "");
	check_expr("pemilu", "\"pemilu\"*");
	check_expr("  kotak   suara ", "\"kotak\" \"suara\"*");
	check_expr("KPU 2024", "\"KPU\" \"2024\"*");
	/* One-letter last words are not prefixes. */
	check_expr("vitamin c", "\"vitamin\" \"c\"");
	check_expr("Pémilu", "\"Pémilu\"*");
	/* Punctuation beyond ASCII separates too; letters do not. */
	check_expr("kata\xE2\x80\x94kunci", "\"kata\" \"kunci\"*");
	check_expr("caf\xC3\xA9\xC2\xA0" "bar", "\"caf\xC3\xA9\" \"bar\"*");
	check_expr("\xF0\x9F\x98\x80 senyum", "\"senyum\"*");
	check_expr("\xE4\xB8\xAD\xE6\x96\x87", "\"\xE4\xB8\xAD\xE6\x96\x87\"*");
}

static void
test_expr_hostile(void **state)
{
	(void)state;
	/* FTS5 syntax is only ever separators or quoted words. */
	check_expr("\"", "");
	check_expr("\"\"\"", "");
	check_expr("*", "");
	check_expr("pemilu*", "\"pemilu\"*");
	check_expr("\"pemilu", "\"pemilu\"*");
	check_expr("NEAR(kotak suara, 2)",
		   "\"NEAR\" \"kotak\" \"suara\" \"2\"");
	check_expr("kotak AND suara", "\"kotak\" \"AND\" \"suara\"*");
	check_expr("kotak OR NOT suara", "\"kotak\" \"OR\" \"NOT\" \"suara\"*");
	check_expr("((pemilu", "\"pemilu\"*");
	check_expr(")", "");
	check_expr("-pemilu", "\"pemilu\"*");
	check_expr("title:pemilu", "\"title\" \"pemilu\"*");
	check_expr("{title lead}:pemilu", "\"title\" \"lead\" \"pemilu\"*");
	check_expr("^pemilu + damai", "\"pemilu\" \"damai\"*");
	check_expr("<script>alert(1)</script>",
		   "\"script\" \"alert\" \"1\" \"script\"*");
	check_expr("'; DROP TABLE articles; --",
		   "\"DROP\" \"TABLE\" \"articles\"*");
	/* Invalid UTF-8 separates like punctuation. */
	check_expr("pe\xFFmilu", "\"pe\" \"milu\"*");
	check_expr("\xC3", "");
	check_expr("ab\xE2\x80", "\"ab\"*");
}

static void
test_expr_limits(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	/* 500 characters: only the first 200 are read. */
	char big[501];
	memset(big, 'a', 500);
	big[500] = '\0';
	char want[210];
	want[0] = '"';
	memset(want + 1, 'a', 200);
	strcpy(want + 201, "\"*");
	check_expr(big, want);

	/* The limit counts characters, not bytes: 199 letters and an
	 * e-acute fill it, and the word after is never read. */
	char mixed[300];
	memset(mixed, 'b', 199);
	strcpy(mixed + 199, "\xC3\xA9 zzz");
	const char *got = db_search_expr(&a, mixed);
	assert_non_null(got);
	assert_int_equal(strlen(got), 1 + 199 + 2 + 2);
	assert_null(strstr(got, "zzz"));

	/* At most 12 words; the 12th is the prefix. */
	check_expr("w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14",
		   "\"w1\" \"w2\" \"w3\" \"w4\" \"w5\" \"w6\" \"w7\" \"w8\" "
		   "\"w9\" \"w10\" \"w11\" \"w12\"*");
	/* 200 quotes and a word beyond the limit: nothing. */
	char quotes[260];
	memset(quotes, '"', 200);
	strcpy(quotes + 200, "pemilu");
	check_expr(quotes, "");
	arena_fini(&a);
}

static void
check_html(const char *s, bool md, const char *want)
{
	struct arena a;
	arena_init(&a);
	const char *got = db_search_html(&a, s, md);
	assert_non_null(got);
	assert_string_equal(got, want);
	arena_fini(&a);
}

static void
test_html(void **state)
{
	(void)state;
	check_html("", false, "");
	check_html("Pemilu \x01" "damai\x02 di Serang", false,
		   "Pemilu <mark>damai</mark> di Serang");
	/* Everything is escaped, markers or not. */
	check_html("<script>\x01" "alert\x02('x')</script> & \"q\"", false,
		   "&lt;script&gt;<mark>alert</mark>(&#39;x&#39;)&lt;/script"
		   "&gt; &amp; &quot;q&quot;");
	check_html("<mark>forged</mark>", false,
		   "&lt;mark&gt;forged&lt;/mark&gt;");
	/* Unbalanced markers stay balanced in HTML. */
	check_html("a\x02 b \x01" "c", false, "a b <mark>c</mark>");
	check_html("\x01\x01x\x02\x02", false, "<mark>x</mark>");
	check_html("\x01\x02x", false, "x");
	/* Control characters go, whitespace collapses, bad UTF-8 shows. */
	check_html("a\x03\x1b[31mb\x7f c\r\n\n  d", false, "a[31mb c d");
	check_html("caf\xC3\xA9 \xFF \xC2\x85x", false,
		   "caf\xC3\xA9 \xEF\xBF\xBD x");
	check_html("  \x01  kata\x02  ", false, "<mark>kata</mark>");
	/* Markdown: marks, headings, code, links and BACA JUGA lines go. */
	check_html("## Judul\n\n**Tebal** dan _miring_ dan `kode`", true,
		   "Judul Tebal dan miring dan kode");
	check_html("Lihat [laman \x01KPU\x02](https://kpu.go.id/a_b) ya", true,
		   "Lihat laman <mark>KPU</mark> ya");
	check_html("[[baca-juga:slug-lain]]\n\nSuara \x01sah\x02", true,
		   "Suara <mark>sah</mark>");
	/* A snippet cut inside a BACA JUGA marker shows none of it, at
	 * either end; other double brackets stay text. */
	check_html("provinsi. [[baca-juga:lembaga-\x01survei\x02-dilar", true,
		   "provinsi.");
	check_html("provinsi. [[baca-ju", true, "provinsi.");
	check_html("\xE2\x80\xA6" "survei-dilarang-rilis]]\n\nHasil \x01sah\x02",
		   true, "\xE2\x80\xA6 Hasil <mark>sah</mark>");
	check_html("lembaga-\x01survei\x02]]\n\nHasil", true, "Hasil");
	check_html("[[baca-juga:a-b]] [[bacaan", true, "bacaan");
	check_html("> kutipan\n> kedua", true, "kutipan kedua");
	check_html("5 \\* 3 \\_x\\_ [sic] [[tanpa-tutup", true,
		   "5 * 3 _x_ [sic] tanpa-tutup");
	/* A match inside a dropped URL leaves no empty mark. */
	check_html("[teks](http://\x01kpu\x02.go.id) lagi", true,
		   "teks lagi");
	check_html("<b>\x01" "a&b\x02</b>", true,
		   "&lt;b&gt;<mark>a&amp;b</mark>&lt;/b&gt;");
	/* Without markdown the same characters stay. */
	check_html("**a_b** #1", false, "**a_b** #1");
}

static void
test_diacritics_and_prefix(void **state)
{
	struct fx *fx = *state;
	assert_string_equal(ids(fx, "pemilu", NOW, NULL), "1,2");
	assert_string_equal(ids(fx, "PEMILU", NOW, NULL), "1,2");
	assert_string_equal(ids(fx, "pémilu", NOW, NULL), "1,2");
	/* The last word is a prefix, the others are whole words. */
	assert_string_equal(ids(fx, "pemil", NOW, NULL), "1,2");
	assert_string_equal(ids(fx, "damai pemi", NOW, NULL), "1");
	assert_string_equal(ids(fx, "pemi damai", NOW, NULL), "");
	/* Words in the lead and the body are found, Markdown or not. */
	assert_string_equal(ids(fx, "tertib", NOW, NULL), "1");
	assert_string_equal(ids(fx, "lutut", NOW, NULL), "2");
	assert_string_equal(ids(fx, "hujan deras", NOW, NULL), "2");
	assert_string_equal(ids(fx, "tidak ada kata ini", NOW, NULL), "");
}

static void
test_hidden_never_found(void **state)
{
	struct fx *fx = *state;
	/* Drafts, reviews, unpublished and future-scheduled articles. */
	assert_string_equal(ids(fx, "rahasia", NOW, NULL), "");
	assert_string_equal(ids(fx, "disunting", NOW, NULL), "");
	assert_string_equal(ids(fx, "ditarik", NOW, NULL), "");
	assert_string_equal(ids(fx, "terjadwal", NOW, NULL), "");
	/* The scheduled one appears at its time, with no write. */
	assert_string_equal(ids(fx, "terjadwal", NOW + HOUR - 1, NULL), "");
	assert_string_equal(ids(fx, "terjadwal", NOW + HOUR, NULL), "4");
	assert_string_equal(ids(fx, "pemilu", NOW + HOUR, NULL), "4,1,2");
}

static void
test_triggers(void **state)
{
	struct fx *fx = *state;
	/* Unpublishing removes at once; republishing brings it back. */
	fixture_exec(fx->db, "UPDATE articles SET status = 'unpublished'"
			     " WHERE id = 1");
	assert_string_equal(ids(fx, "pemilu", NOW, NULL), "2");
	assert_string_equal(ids(fx, "tertib", NOW, NULL), "");
	fixture_exec(fx->db, "UPDATE articles SET status = 'published'"
			     " WHERE id = 1");
	assert_string_equal(ids(fx, "tertib", NOW, NULL), "1");
	/* Back to draft, too. */
	fixture_exec(fx->db,
	    "UPDATE articles SET status = 'draft' WHERE id = 2");
	assert_string_equal(ids(fx, "banjir", NOW, NULL), "");
	/* A draft published in one statement is found at once. */
	fixture_exec(fx->db, "UPDATE articles SET status = 'published',"
			     " published_at = 1 WHERE id = 3");
	assert_string_equal(ids(fx, "rahasia", NOW, NULL), "3");
	/* An edit of the text replaces the old words. */
	fixture_exec(fx->db, "UPDATE articles SET title = 'Judul baru',"
			     " body_md = 'Isi yang baru' WHERE id = 3");
	assert_string_equal(ids(fx, "rahasia", NOW, NULL), "");
	assert_string_equal(ids(fx, "baru", NOW, NULL), "3");
	/* Published to scheduled and back, and a column the index does not
	 * hold, change nothing. */
	fixture_exec(fx->db, "UPDATE articles SET status = 'scheduled',"
			     " updated_at = updated_at + 1, featured = 1"
			     " WHERE id = 3");
	assert_string_equal(ids(fx, "baru", NOW, NULL), "3");
	/* Editing a draft touches nothing in the index. */
	fixture_exec(fx->db, "UPDATE articles SET title = 'Banjir lagi'"
			     " WHERE id = 2");
	assert_string_equal(ids(fx, "banjir", NOW, NULL), "");
	/* Deleting removes. */
	fixture_exec(fx->db, "DELETE FROM articles WHERE id = 3");
	assert_string_equal(ids(fx, "baru", NOW, NULL), "");
	/* A rolled-back write leaves the index as it was. */
	fixture_exec(fx->db, "BEGIN; UPDATE articles SET status = 'draft'"
			     " WHERE id = 1; ROLLBACK;");
	assert_string_equal(ids(fx, "tertib", NOW, NULL), "1");
	/* After all that the index is consistent. */
	fixture_exec(fx->db, "INSERT INTO articles_fts (articles_fts)"
			     " VALUES ('integrity-check')");
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db_sqlite(fx->db),
					    "SELECT count(*) FROM articles_fts"
					    " WHERE articles_fts MATCH 'isi'",
					    -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	/* Only article 4 (scheduled) of those with "Isi" is indexed. */
	assert_int_equal(sqlite3_column_int(st, 0), 1);
	sqlite3_finalize(st);
}

/* The migration indexes the articles that exist before it runs. */
static void
test_migration_populates(void **state)
{
	(void)state;
	char err[256];
	struct db *db = db_open(":memory:", true, err, sizeof err);
	assert_non_null(db);
	int applied = 0;
	for (const struct sql_file *f = sql_files; f->name; f++) {
		if (strncmp(f->name, "001_", 4) == 0 ||
		    strncmp(f->name, "002_", 4) == 0) {
			fixture_exec(db, f->sql);
			applied++;
		}
	}
	assert_int_equal(applied, 2);
	fixture_exec(db, "PRAGMA user_version = 2");
	fixture_exec(db, SECTIONS);
	add(db, 1, "published", 1, NOW - HOUR, "Sudah terbit", "", "");
	add(db, 2, "draft", 1, 0, "Masih draf terbit", "", "");
	add(db, 3, "scheduled", 1, NOW + HOUR, "Nanti terbit", "", "");
	assert_int_equal(migrate_up(db, NULL, err, sizeof err), W_OK);

	struct fx fx = {.db = db};
	arena_init(&fx.a);
	assert_string_equal(ids(&fx, "terbit", NOW, NULL), "1");
	assert_string_equal(ids(&fx, "terbit", NOW + HOUR, NULL), "3,1");
	arena_fini(&fx.a);
	db_close(db);
}

static void
test_every_hostile_query_runs(void **state)
{
	struct fx *fx = *state;
	static const char *const inputs[] = {
		"\"", "*", "NEAR", "NEAR(", "NEAR(a b, 1)", "AND", "OR", "NOT",
		"a AND", "AND b", "(", ")", "-", ":", "title:", "body_md:x",
		"^", "+", "{", "}", "\"\"*", "*pemilu", "pemilu\"", "'",
		"\\", "%", "_", "\x01", "\x02", "\xFF\xFE", "pe\xCC\x81milu",
		"\xF0\x9F\x97\xB3\xEF\xB8\x8F", "rank:1", "rowid", "a",
		"0", "articles_fts", "'); DROP TABLE articles; --",
	};
	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++)
		(void)ids(fx, inputs[i], NOW, NULL);
	/* Long and many-worded input, with syntax between. */
	char big[600];
	for (size_t i = 0; i < sizeof big - 1; i++)
		big[i] = "ab\"*( -:NEAR"[i % 12];
	big[sizeof big - 1] = '\0';
	(void)ids(fx, big, NOW, NULL);
	/* The same words, quoted or not, find the same articles. */
	assert_string_equal(ids(fx, "\"pemilu\"", NOW, NULL), "1,2");
	assert_string_equal(ids(fx, "pemilu AND", NOW, NULL), "");
	assert_string_equal(ids(fx, "NEAR(pemilu)", NOW, NULL), "");
	assert_string_equal(ids(fx, "-tps", NOW, NULL), "1,2");
	/* Accents written as combining marks match too. */
	assert_string_equal(ids(fx, "pe\xCC\x81milu", NOW, NULL), "1,2");
}

static void
test_ranking(void **state)
{
	struct fx *fx = *state;
	/* A title match outranks a body match; equal matches go to the
	 * newest. */
	add(fx->db, 10, "published", 2, NOW - 8 * HOUR, "Logistik tiba",
	    "Kotak dan bilik.", "Petugas menata logistik.");
	add(fx->db, 11, "published", 2, NOW - 7 * HOUR, "Gudang penuh",
	    "Persiapan akhir.", "Logistik menumpuk di gudang.");
	add(fx->db, 12, "published", 2, NOW - 6 * HOUR, "Gudang kedua",
	    "Persiapan akhir.", "Logistik menumpuk di gudang.");
	add(fx->db, 13, "published", 2, NOW - 9 * HOUR, "Rapat",
	    "Logistik dibahas.", "Isi rapat.");
	assert_string_equal(ids(fx, "logistik", NOW, NULL), "10,13,12,11");
}

/* Two words, one on every story and one on few: a story holding the rare
 * one twice outranks one holding the common one as often and the rare one
 * once, because the document counts warta_rank() is given weigh them. */
static void
test_ranking_idf(void **state)
{
	struct fx *fx = *state;
	for (int i = 0; i < 40; i++)
		add(fx->db, 200 + i, "published", 2, NOW - 30 * HOUR + i,
		    "Rapat umum", "", "Isi umum.");
	add(fx->db, 300, "published", 2, NOW - 3 * HOUR, "Kabar",
	    "", "umum umum umum langka");
	add(fx->db, 301, "published", 2, NOW - 4 * HOUR, "Kabar",
	    "", "umum langka langka langka");
	assert_string_equal(ids(fx, "umum langka", NOW, NULL), "301,300");
	assert_string_equal(ids(fx, "langka umum", NOW, NULL), "301,300");
}

/* A last word longer than the prefix indexes is searched as the indexed
 * words it begins; one that begins none finds nothing; a prefix of more
 * words than are listed still finds every story, through FTS5's own
 * prefix query. */
static void
test_prefix_words(void **state)
{
	struct fx *fx = *state;
	add(fx->db, 30, "published", 1, NOW - HOUR, "Zebra lepas",
	    "", "Zebrakuda juga.");
	add(fx->db, 31, "published", 1, NOW - 2 * HOUR, "Kuda zebroid",
	    "", "Bukan zeb.");
	assert_string_equal(ids(fx, "zebr", NOW, NULL), "30,31");
	assert_string_equal(ids(fx, "ZEBRAK", NOW, NULL), "30");
	assert_string_equal(ids(fx, "kuda zebr", NOW, NULL), "31");
	assert_string_equal(ids(fx, "zebz", NOW, NULL), "");
	assert_string_equal(ids(fx, "zebra zzzz", NOW, NULL), "");
	/* Three characters: the prefix index, not a list of words. */
	assert_string_equal(ids(fx, "zeb", NOW, NULL), "30,31");

	char title[64];
	for (int i = 0; i < 70; i++) {
		snprintf(title, sizeof title, "Rapat banyak%02d", i);
		add(fx->db, 400 + i, "published", 2, NOW - 40 * HOUR + i,
		    title, "", "");
	}
	struct search_filter all;
	struct search_page p;
	db_search_filter_init(&all);
	const char *expr = db_search_expr(&fx->a, "banyak");
	size_t found = 0;
	for (unsigned page = 1; page <= 8; page++) {
		assert_int_equal(db_search(fx->db, &fx->a, expr, &all, NOW,
					   page, &p),
				 W_OK);
		found += p.n;
	}
	assert_int_equal(found, 70);
	/* Only the first few of them, listed: a prefix each. */
	assert_string_equal(ids(fx, "banyak6", NOW, NULL),
			    "469,468,467,466,465,464,463,462,461,460");
}

/* A last word already on every story a reader can page to (the
 * candidates) is searched as itself: the longer words it begins add
 * nothing reachable. One story fewer and they count again. */
static void
test_common_word_not_a_prefix(void **state)
{
	struct fx *fx = *state;
	sqlite3_exec(db_sqlite(fx->db), "BEGIN", NULL, NULL, NULL);
	for (int i = 0; i < SEARCH_CANDIDATES - 1; i++)
		add(fx->db, 1000 + i, "published", 2, NOW - 50 * HOUR + i,
		    "Kerumun pagi", "", "");
	sqlite3_exec(db_sqlite(fx->db), "COMMIT", NULL, NULL, NULL);
	/* The newest story has only the longer word. */
	add(fx->db, 5000, "published", 1, NOW - HOUR, "Kerumunan besar",
	    "", "Kerumunan bubar.");
	assert_string_equal(ids(fx, "kerumunan", NOW, NULL), "5000");
	/* 499 stories of "kerumun": the prefix still counts, and the story
	 * of "kerumunan" comes in. */
	assert_non_null(strstr(ids(fx, "kerumun", NOW, NULL), "5000"));
	add(fx->db, 999, "published", 2, NOW - 60 * HOUR, "Kerumun lagi", "",
	    "");
	/* 500: "kerumun" is searched as itself. */
	const char *got = ids(fx, "kerumun", NOW, NULL);
	assert_null(strstr(got, "5000"));
	assert_string_equal(strtok((char *)got, ","), "1498");
	/* A word that begins it but is not one stays a prefix. */
	assert_non_null(strstr(ids(fx, "kerumu", NOW, NULL), "5000"));
}

static void
test_hits_and_snippets(void **state)
{
	struct fx *fx = *state;
	add(fx->db, 20, "published", 1, NOW - HOUR,
	    "<script>alert(1)</script> Kampanye",
	    "Lead \"kutip\" & 'tanda'",
	    "Paragraf awal.\n\nKampanye akbar di **alun-alun** diikuti "
	    "<b>ribuan</b> warga.");
	struct search_filter all;
	struct search_page p;
	db_search_filter_init(&all);
	assert_int_equal(db_search(fx->db, &fx->a,
				   db_search_expr(&fx->a, "kampanye"), &all,
				   NOW, 1, &p),
			 W_OK);
	assert_int_equal(p.n, 1);
	const struct search_hit *h = &p.items[0];
	assert_int_equal(h->art.id, 20);
	assert_string_equal(h->art.slug, "artikel-20");
	assert_string_equal(h->art.title,
			    "<script>alert(1)</script> Kampanye");
	assert_string_equal(h->art.section.slug, "pilkada");
	assert_string_equal(h->art.section.name, "Pilkada");
	assert_int_equal(h->art.published_at, NOW - HOUR);
	assert_int_equal(h->art.status, ST_PUBLISHED);
	assert_string_equal(h->title_html,
			    "&lt;script&gt;alert(1)&lt;/script&gt; "
			    "<mark>Kampanye</mark>");
	assert_string_equal(h->snippet_html,
			    "Paragraf awal. <mark>Kampanye</mark> akbar di "
			    "alun-alun diikuti &lt;b&gt;ribuan&lt;/b&gt; "
			    "warga.");
	/* A lead-only match shows the lead, marked and escaped. */
	assert_int_equal(db_search(fx->db, &fx->a,
				   db_search_expr(&fx->a, "kutip"), &all, NOW,
				   1, &p),
			 W_OK);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.items[0].snippet_html,
			    "Lead &quot;<mark>kutip</mark>&quot; &amp; "
			    "&#39;tanda&#39;");
	/* A title-only match also shows the lead, unmarked. */
	assert_int_equal(db_search(fx->db, &fx->a,
				   db_search_expr(&fx->a, "serang"), &all, NOW,
				   1, &p),
			 W_OK);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.items[0].snippet_html,
			    "Warga datang ke TPS sejak pagi.");
	/* An empty expression is an empty page, not an error. */
	assert_int_equal(db_search(fx->db, &fx->a, "", &all, NOW, 1, &p),
			 W_OK);
	assert_int_equal(p.n, 0);
	assert_false(p.more);
}

static void
test_filters(void **state)
{
	struct fx *fx = *state;
	struct search_filter f;
	db_search_filter_init(&f);
	f.section = "daerah";
	assert_string_equal(ids(fx, "pemilu", NOW, &f), "2");
	f.section = "pilkada";
	assert_string_equal(ids(fx, "pemilu", NOW, &f), "1");
	f.section = "tidak-ada";
	assert_string_equal(ids(fx, "pemilu", NOW, &f), "");
	f.section = "' OR 1=1 --";
	assert_string_equal(ids(fx, "pemilu", NOW, &f), "");
	/* Bounds: from <= published_at < until. */
	db_search_filter_init(&f);
	f.from = NOW - 4 * HOUR;
	assert_string_equal(ids(fx, "pemilu", NOW, &f), "2");
	f.from = NOW - 4 * HOUR + 1;
	assert_string_equal(ids(fx, "pemilu", NOW, &f), "");
	db_search_filter_init(&f);
	f.until = NOW - 4 * HOUR;
	assert_string_equal(ids(fx, "pemilu", NOW, &f), "1");
	f.until = NOW - 4 * HOUR + 1;
	assert_string_equal(ids(fx, "pemilu", NOW, &f), "1,2");
	/* Bounds never reveal what now hides. */
	db_search_filter_init(&f);
	f.from = NOW;
	assert_string_equal(ids(fx, "pemilu", NOW, &f), "");
}

static void
test_pages(void **state)
{
	struct fx *fx = *state;
	char title[64];
	for (int i = 0; i < 25; i++) {
		snprintf(title, sizeof title, "Halaman uji %d", i);
		/* Equal rank: newest first, so id 124 leads. */
		add(fx->db, 100 + i, "published", 2, NOW - 20 * HOUR + i,
		    title, "", "");
	}
	struct search_filter all;
	struct search_page p;
	db_search_filter_init(&all);
	const char *expr = db_search_expr(&fx->a, "halaman uji");
	int64_t want = 124;
	for (unsigned page = 1; page <= 3; page++) {
		assert_int_equal(db_search(fx->db, &fx->a, expr, &all, NOW,
					   page, &p),
				 W_OK);
		assert_int_equal(p.n, page < 3 ? 10 : 5);
		assert_int_equal(p.more, page < 3);
		for (size_t i = 0; i < p.n; i++)
			assert_int_equal(p.items[i].art.id, want--);
	}
	assert_int_equal(db_search(fx->db, &fx->a, expr, &all, NOW, 4, &p),
			 W_OK);
	assert_int_equal(p.n, 0);
	assert_int_equal(db_search(fx->db, &fx->a, expr, &all, NOW, 0, &p),
			 W_INVAL);
	assert_int_equal(db_search(fx->db, &fx->a, expr, &all, NOW,
				   SEARCH_PAGES_MAX + 1, &p),
			 W_INVAL);
	assert_int_equal(db_search(fx->db, &fx->a, expr, &all, NOW,
				   SEARCH_PAGES_MAX, &p),
			 W_OK);
	assert_int_equal(p.n, 0);
	assert_false(p.more);
}

static void
test_query_plan(void **state)
{
	struct fx *fx = *state;
	(void)ids(fx, "pemilu", NOW, NULL);
	/* The statements as db_search.c prepared them, read back: the
	 * search, and the count of a phrase's newest matches. */
	const char *sql = NULL, *docs = NULL;
	for (sqlite3_stmt *st = sqlite3_next_stmt(db_sqlite(fx->db), NULL); st;
	     st = sqlite3_next_stmt(db_sqlite(fx->db), st)) {
		if (strstr(sqlite3_sql(st), "WITH cand"))
			sql = sqlite3_sql(st);
		else if (strstr(sqlite3_sql(st), "articles_fts MATCH"))
			docs = sqlite3_sql(st);
	}
	assert_non_null(sql);
	assert_non_null(docs);
	char p[2048];
	/* The count walks the phrase's entries from the newest (192) and
	 * stops at its LIMIT. */
	fixture_plan(fx->db, docs, p, sizeof p);
	assert_non_null(strstr(p, "SCAN articles_fts VIRTUAL TABLE INDEX 192:M"));
	fixture_plan(fx->db, sql, p, sizeof p);
	/* Candidates: the FTS5 index drives (":M", a MATCH constraint),
	 * newest rowid first (192: FTS5 takes ORDER BY rowid DESC, so the
	 * LIMIT stops the walk), and the filters read the covering index
	 * articles_search, by key. */
	const char *rank =
		strstr(p, "SCAN articles_fts VIRTUAL TABLE INDEX 192:M");
	assert_non_null(rank);
	const char *filt = strstr(p, "SEARCH a USING COVERING INDEX "
				     "articles_search (id=?");
	assert_non_null(filt);
	assert_true(rank < filt);
	/* Then the page's rows: the article and its section by key, and
	 * the FTS5 row by rowid and MATCH ("=M") for the highlights. */
	assert_non_null(strstr(p, "SEARCH a USING INTEGER PRIMARY KEY"));
	assert_non_null(strstr(p, "SEARCH s USING INTEGER PRIMARY KEY"));
	assert_non_null(
		strstr(p, "SCAN articles_fts VIRTUAL TABLE INDEX 0:=M"));
	/* The only sorts are of the bounded candidates and of the page:
	 * one after the scan of cand, one after the scan of hits. */
	const char *sort = strstr(p, "USE TEMP B-TREE");
	assert_non_null(sort);
	assert_true(sort > strstr(p, "SCAN cand"));
	sort = strstr(sort + 1, "USE TEMP B-TREE");
	assert_true(!sort || sort > strstr(p, "SCAN hits"));
	assert_null(strstr(p, "SCAN a\n"));
	assert_null(strstr(p, "SCAN a "));
	assert_null(strstr(p, "SCAN s"));
	assert_null(strstr(p, "SCAN sections"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_expr_words),
		cmocka_unit_test(test_expr_hostile),
		cmocka_unit_test(test_expr_limits),
		cmocka_unit_test(test_html),
		cmocka_unit_test_setup_teardown(test_diacritics_and_prefix,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_hidden_never_found, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_triggers, setup, teardown),
		cmocka_unit_test(test_migration_populates),
		cmocka_unit_test_setup_teardown(test_every_hostile_query_runs,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_ranking, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ranking_idf, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_common_word_not_a_prefix,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_prefix_words, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_hits_and_snippets, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_filters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_query_plan, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
