/* demo_pictures.c - pictures for the demo newsroom, drawn by the project
 * itself: SVG written here (charts of the demo vote counts, simple
 * illustrations per section), made into renditions by the warta-picture
 * helper like any upload, and recorded as each story's featured picture
 * with caption, credit ("Ilustrasi: Warta") and alt text. Nothing is
 * downloaded. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "db_media.h"
#include "demo_pictures.h"
#include "imgproc.h"

#define W 1600
#define H 900
#define MAX_STORIES 200
#define MAX_PAIRS 8
#define CREDIT "Ilustrasi: Warta"

/* Every sixth story keeps no picture, so that the demo shows lists and
 * pages both with and without one. */
#define SKIP_EVERY 6

struct story {
	int64_t id;
	char title[320];
	char section[64];
	bool chart; /* tagged quick count, rekapitulasi or survei */
};

struct pair {
	int number;
	char names[160];
	int64_t votes;
};

static const char SQL_STORIES[] =
	"SELECT a.id, a.title, s.slug, EXISTS (SELECT 1 FROM article_tags x"
	" JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id"
	" AND t.slug IN ('quick-count', 'rekapitulasi', 'survei'))"
	" FROM articles a JOIN sections s ON s.id = a.section_id"
	" WHERE a.image_id IS NULL ORDER BY a.id LIMIT ?1";
/* The newest KPU entry of the region: its pairs and votes. */
static const char SQL_RESULTS[] =
	"SELECT c.number, c.names, n.value FROM regions r"
	" JOIN results x ON x.id = (SELECT max(id) FROM results"
	" WHERE region_id = r.id AND source = 'kpu')"
	" JOIN result_numbers n ON n.result_id = x.id"
	" JOIN candidates c ON c.id = n.candidate_id"
	" WHERE r.slug = ?1 ORDER BY c.number LIMIT ?2";
static const char SQL_FEATURE[] =
	"UPDATE articles SET image_id = ?2 WHERE id = ?1";
static const char SQL_USE[] =
	"INSERT OR IGNORE INTO article_media (media_id, article_id)"
	" VALUES (?2, ?1)";

/* Text for SVG: & < > " escaped. */
static void
xml(struct buf *b, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default: buf_putc(b, *s);
		}
}

static const char *const palettes[][3] = {
	{"#0b3d91", "#1c6dd0", "#f2c94c"}, {"#7a1f1f", "#c0392b", "#f5d76e"},
	{"#114b3f", "#1e8a6e", "#f7e9a0"}, {"#3b2a63", "#6c4ab6", "#ffd166"},
	{"#14324a", "#2e86ab", "#f6ae2d"}, {"#4a2c0b", "#b5651d", "#fbe7c6"},
};

static void
open_svg(struct buf *b, int64_t id)
{
	const char *const *p = palettes[id % 6];
	buf_printf(b,
		   "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
		   "height=\"%d\" viewBox=\"0 0 %d %d\">"
		   "<defs><linearGradient id=\"g\" x1=\"0\" y1=\"0\" x2=\"1\" "
		   "y2=\"1\"><stop offset=\"0\" stop-color=\"%s\"/><stop "
		   "offset=\"1\" stop-color=\"%s\"/></linearGradient></defs>"
		   "<rect width=\"%d\" height=\"%d\" fill=\"url(#g)\"/>",
		   W, H, W, H, p[0], p[1], W, H);
	/* A few soft circles, placed by the id, so no two look alike. */
	for (int i = 0; i < 5; i++) {
		int64_t k = id * 7919 + i * 104729;
		buf_printf(b,
			   "<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"#fff\" "
			   "fill-opacity=\"0.%d\"/>",
			   (int)(k % W), (int)((k / 7) % H),
			   60 + (int)((k / 13) % 220), 4 + i % 5);
	}
}

/* The label at the bottom, centred so that every crop keeps it: the
 * section's name in the accent colour. */
static void
label(struct buf *b, int64_t id, const char *text)
{
	buf_printf(b,
		   "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"110\" "
		   "fill=\"#000\" fill-opacity=\"0.35\"/>"
		   "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
		   "font-family=\"DejaVu Sans, sans-serif\" "
		   "font-size=\"54\" font-weight=\"bold\" fill=\"%s\">",
		   H - 110, W, W / 2, H - 38, palettes[id % 6][2]);
	xml(b, text);
	buf_puts(b, "</text>");
}

/* A ballot box with a paper going in. */
static void
ballot_box(struct buf *b)
{
	buf_puts(b,
		 "<rect x=\"560\" y=\"330\" width=\"480\" height=\"360\" rx=\"18\" "
		 "fill=\"#fff\"/><rect x=\"540\" y=\"300\" width=\"520\" "
		 "height=\"50\" rx=\"10\" fill=\"#e6e6e6\"/><rect x=\"720\" "
		 "y=\"316\" width=\"160\" height=\"14\" fill=\"#333\"/>"
		 "<rect x=\"745\" y=\"160\" width=\"110\" height=\"165\" "
		 "fill=\"#fafafa\" stroke=\"#999\" stroke-width=\"4\" "
		 "transform=\"rotate(-8 800 240)\"/><path d=\"M770 215 l18 20 "
		 "l40 -46\" stroke=\"#c0392b\" stroke-width=\"10\" fill=\"none\" "
		 "transform=\"rotate(-8 800 240)\"/><text x=\"800\" y=\"540\" "
		 "text-anchor=\"middle\" font-family=\"DejaVu Sans, sans-serif\" "
		 "font-size=\"64\" font-weight=\"bold\" fill=\"#333\">PILKADA"
		 "</text>");
}

/* A speaker's podium with a microphone. */
static void
podium(struct buf *b)
{
	buf_puts(b,
		 "<path d=\"M600 420 h400 l-50 300 h-300 z\" fill=\"#fff\"/>"
		 "<rect x=\"570\" y=\"390\" width=\"460\" height=\"40\" rx=\"8\" "
		 "fill=\"#ddd\"/><rect x=\"792\" y=\"250\" width=\"16\" "
		 "height=\"140\" fill=\"#444\"/><rect x=\"770\" y=\"200\" "
		 "width=\"60\" height=\"80\" rx=\"30\" fill=\"#222\"/>"
		 "<circle cx=\"800\" cy=\"560\" r=\"60\" fill=\"none\" "
		 "stroke=\"#c0392b\" stroke-width=\"12\"/>");
}

/* An abstract map: the regencies and cities of Banten as tiles. */
static void
map(struct buf *b)
{
	static const struct {
		int x, y, w, h;
		const char *name;
	} tiles[] = {
		{330, 120, 300, 170, "Kab. Serang"}, {640, 120, 200, 120, "Kota Serang"},
		{180, 120, 140, 170, "Cilegon"},     {850, 160, 250, 200, "Kab. Tangerang"},
		{1110, 180, 190, 150, "Kota Tangerang"}, {1110, 340, 190, 130, "Tangsel"},
		{330, 300, 420, 260, "Lebak"},       {180, 300, 140, 400, "Pandeglang"},
	};
	for (size_t i = 0; i < sizeof tiles / sizeof tiles[0]; i++) {
		buf_printf(b,
			   "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
			   "rx=\"14\" fill=\"#fff\" fill-opacity=\"0.%d\"/>"
			   "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
			   "font-family=\"DejaVu Sans, sans-serif\" "
			   "font-size=\"26\" fill=\"#222\">%s</text>",
			   tiles[i].x, tiles[i].y, tiles[i].w, tiles[i].h,
			   70 + (int)(i % 3) * 10, tiles[i].x + tiles[i].w / 2,
			   tiles[i].y + tiles[i].h / 2 + 9, tiles[i].name);
	}
}

/* A magnifying glass over a document, and a check mark. */
static void
magnifier(struct buf *b)
{
	buf_puts(b,
		 "<rect x=\"520\" y=\"160\" width=\"380\" height=\"500\" "
		 "rx=\"12\" fill=\"#fff\"/>");
	for (int i = 0; i < 7; i++)
		buf_printf(b,
			   "<rect x=\"560\" y=\"%d\" width=\"%d\" height=\"18\" "
			   "fill=\"#ccc\"/>",
			   210 + i * 60, 300 - (i % 3) * 40);
	buf_puts(b,
		 "<circle cx=\"930\" cy=\"480\" r=\"150\" fill=\"#fff\" "
		 "fill-opacity=\"0.6\" stroke=\"#222\" stroke-width=\"28\"/>"
		 "<rect x=\"1040\" y=\"590\" width=\"60\" height=\"200\" rx=\"20\" "
		 "fill=\"#222\" transform=\"rotate(-45 1070 690)\"/>"
		 "<path d=\"M860 480 l50 55 l90 -110\" stroke=\"#1e8a6e\" "
		 "stroke-width=\"26\" fill=\"none\"/>");
}

/* Quotation marks, for opinion pieces. */
static void
quote(struct buf *b)
{
	buf_puts(b,
		 "<text x=\"800\" y=\"640\" text-anchor=\"middle\" "
		 "font-family=\"DejaVu Serif, serif\" font-size=\"620\" "
		 "fill=\"#fff\" fill-opacity=\"0.85\">\u201c\u201d</text>");
}

/* A bar chart of the newest KPU count of a region. */
static void
chart(struct buf *b, const char *region, const struct pair *p, size_t n)
{
	int64_t total = 0, max = 1;
	for (size_t i = 0; i < n; i++) {
		total += p[i].votes;
		if (p[i].votes > max)
			max = p[i].votes;
	}
	buf_puts(b, "<rect x=\"120\" y=\"90\" width=\"1360\" height=\"660\" "
		    "rx=\"20\" fill=\"#fff\" fill-opacity=\"0.92\"/>"
		    "<text x=\"170\" y=\"170\" font-family=\"DejaVu Sans, "
		    "sans-serif\" font-size=\"46\" font-weight=\"bold\" "
		    "fill=\"#222\">Hitung nyata KPU: ");
	xml(b, region);
	buf_puts(b, "</text><text x=\"170\" y=\"220\" font-family=\"DejaVu "
		    "Sans, sans-serif\" font-size=\"28\" fill=\"#666\">Data "
		    "demo: angka rekaan</text>");
	int top = 270, row = n ? 440 / (int)n : 0;
	for (size_t i = 0; i < n; i++) {
		int len = (int)(p[i].votes * 900 / max);
		int pct10 = total ? (int)(p[i].votes * 1000 / total) : 0;
		int y = top + (int)i * row;
		buf_printf(b,
			   "<text x=\"170\" y=\"%d\" font-family=\"DejaVu Sans, "
			   "sans-serif\" font-size=\"28\" fill=\"#222\">%d. ",
			   y + 30, p[i].number);
		xml(b, p[i].names);
		buf_printf(b,
			   "</text><rect x=\"170\" y=\"%d\" width=\"%d\" "
			   "height=\"%d\" rx=\"6\" fill=\"%s\"/>"
			   "<text x=\"%d\" y=\"%d\" font-family=\"DejaVu Sans, "
			   "sans-serif\" font-size=\"34\" font-weight=\"bold\" "
			   "fill=\"#222\">%d,%d%%</text>",
			   y + 44, len > 4 ? len : 4, row - 70 > 20 ? row - 70 : 20,
			   palettes[i % 6][1], 190 + len, y + 44 + 34, pct10 / 10,
			   pct10 % 10);
	}
}

static const struct {
	const char *section, *label, *caption, *alt;
	void (*draw)(struct buf *);
} kinds[] = {
	{"pilkada-2024", "Pilkada Banten 2024",
	 "Kotak suara Pilkada Banten 2024.",
	 "Gambar kotak suara putih bertuliskan PILKADA dengan surat suara "
	 "yang sudah dicoblos masuk ke celahnya.",
	 ballot_box},
	{"politik", "Politik", "Podium debat dan mikrofon.",
	 "Gambar podium putih dengan mikrofon hitam di atasnya.", podium},
	{"daerah", "Daerah", "Kabupaten dan kota di Banten.",
	 "Peta sederhana berupa kotak-kotak berlabel nama kabupaten dan kota "
	 "di Banten: Serang, Cilegon, Tangerang, Lebak, dan Pandeglang.",
	 map},
	{"cek-fakta", "Cek Fakta", "Memeriksa klaim.",
	 "Gambar kaca pembesar di atas selembar dokumen dengan tanda centang "
	 "hijau.",
	 magnifier},
	{"opini", "Opini", "Opini.",
	 "Gambar tanda kutip besar berwarna putih.", quote},
};

static enum werr
load_pairs(struct db *db, const char *region, struct pair *p, size_t *n)
{
	*n = 0;
	sqlite3_stmt *st = db_stmt(db, SQL_RESULTS);
	if (!st)
		return W_DB;
	enum werr e = db_bind_text(db, st, 1, region);
	if (e != W_OK)
		return e;
	sqlite3_bind_int(st, 2, MAX_PAIRS);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < MAX_PAIRS) {
		const char *names = (const char *)sqlite3_column_text(st, 1);
		p[*n].number = sqlite3_column_int(st, 0);
		snprintf(p[*n].names, sizeof p[*n].names, "%s",
			 names ? names : "");
		p[*n].votes = sqlite3_column_int64(st, 2);
		(*n)++;
	}
	e = rc == SQLITE_DONE || rc == SQLITE_ROW
		    ? W_OK
		    : db_fail(db, "reading the demo results");
	sqlite3_reset(st);
	return e;
}

static enum werr
load_stories(struct db *db, struct story *s, size_t *n)
{
	*n = 0;
	sqlite3_stmt *st = db_stmt(db, SQL_STORIES);
	if (!st)
		return W_DB;
	sqlite3_bind_int(st, 1, MAX_STORIES);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < MAX_STORIES) {
		const char *t = (const char *)sqlite3_column_text(st, 1);
		const char *sec = (const char *)sqlite3_column_text(st, 2);
		s[*n].id = sqlite3_column_int64(st, 0);
		snprintf(s[*n].title, sizeof s[*n].title, "%s", t ? t : "");
		snprintf(s[*n].section, sizeof s[*n].section, "%s",
			 sec ? sec : "");
		s[*n].chart = sqlite3_column_int(st, 3) != 0;
		(*n)++;
	}
	enum werr e = rc == SQLITE_DONE || rc == SQLITE_ROW
			      ? W_OK
			      : db_fail(db, "reading the demo stories");
	sqlite3_reset(st);
	return e;
}

static enum werr
feature(struct db *db, int64_t article, int64_t media)
{
	const char *const sqls[] = {SQL_FEATURE, SQL_USE};
	for (size_t i = 0; i < 2; i++) {
		sqlite3_stmt *st = db_stmt(db, sqls[i]);
		if (!st)
			return W_DB;
		sqlite3_bind_int64(st, 1, article);
		sqlite3_bind_int64(st, 2, media);
		enum werr e = db_exec(db, st, "giving a demo story its picture");
		if (e != W_OK)
			return e;
	}
	return W_OK;
}

enum werr
demo_pictures(struct db *db, struct imgproc *ip, const char *dir,
	      int64_t now, size_t *made)
{
	static struct story stories[MAX_STORIES];
	struct pair pairs[2][MAX_PAIRS];
	size_t n, npairs[2];
	static const char *const regions[2] = {"provinsi-banten",
					       "kota-tangerang"};
	static const char *const region_names[2] = {"Provinsi Banten",
						    "Kota Tangerang"};
	*made = 0;
	enum werr e = load_stories(db, stories, &n);
	for (int r = 0; e == W_OK && r < 2; r++)
		e = load_pairs(db, regions[r], pairs[r], &npairs[r]);
	if (e != W_OK)
		return e;
	struct buf svg;
	buf_init(&svg);
	int charts = 0;
	for (size_t i = 0; e == W_OK && i < n; i++) {
		const struct story *s = &stories[i];
		if (i % SKIP_EVERY == SKIP_EVERY - 1)
			continue;
		buf_reset(&svg);
		open_svg(&svg, s->id);
		const char *caption, *alt;
		char cap_chart[200], alt_chart[300];
		int r = charts % 2;
		if (s->chart && npairs[r] > 0) {
			chart(&svg, region_names[r], pairs[r], npairs[r]);
			snprintf(cap_chart, sizeof cap_chart,
				 "Perolehan suara hitung nyata KPU, %s (data "
				 "demo).",
				 region_names[r]);
			snprintf(alt_chart, sizeof alt_chart,
				 "Grafik batang perolehan suara %zu pasangan "
				 "calon di %s menurut hitung nyata KPU, dengan "
				 "persentase tiap pasangan.",
				 npairs[r], region_names[r]);
			caption = cap_chart;
			alt = alt_chart;
			charts++;
		} else {
			size_t k = 0;
			while (k + 1 < sizeof kinds / sizeof kinds[0] &&
			       strcmp(kinds[k].section, s->section) != 0)
				k++;
			if (strcmp(kinds[k].section, s->section) != 0)
				k = 0;
			kinds[k].draw(&svg);
			label(&svg, s->id, kinds[k].label);
			caption = kinds[k].caption;
			alt = kinds[k].alt;
		}
		buf_puts(&svg, "</svg>\n");
		if ((e = buf_err(&svg)) != W_OK)
			break;
		struct picture p;
		enum imgproc_refusal why;
		e = imgproc_draw(ip, dir, svg.data, svg.len, &p, &why);
		if (e == W_OK && why != IMGPROC_OK) {
			fprintf(stderr, "warta: demo picture of story %" PRId64
					" refused (%d)\n",
				s->id, (int)why);
			e = W_IO;
		}
		int64_t id;
		bool created;
		if (e == W_OK)
			e = db_media_add(db, &p, svg.len, 0, now, &id, &created);
		if (e == W_OK)
			e = db_media_update(db, id, caption, CREDIT, alt, p.fx,
					    p.fy, now);
		if (e == W_OK)
			e = feature(db, s->id, id);
		if (e == W_OK)
			(*made)++;
	}
	buf_fini(&svg);
	return e;
}
