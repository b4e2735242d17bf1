-- demo_election.sql - the demo newsroom's election night: a closed live blog
-- of vote day (Rabu, 27 November 2024) in Banten with its updates, and the
-- results desk for two regions. Written for the demo; every number, pair
-- and pollster is INVENTED and labelled as demo data wherever it shows.
-- Loaded after demo.sql (its authors, sections and tags) by migrate_demo;
-- body_html is rendered from body_md at load.
-- Times are Unix seconds in UTC (06:00 WIB on 27 Nov 2024 is 1732662000).

INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'liputan-langsung-hari-pemungutan-suara-pilkada-banten',
	'Liputan Langsung: Hari Pemungutan Suara Pilkada Banten',
	'Dari pembukaan TPS pukul 07.00 WIB hingga penghitungan suara malam hari: kabar terbaru Pilkada serentak 27 November 2024 dari Tangerang, Serang, Lebak dan daerah lain di Banten.',
	'Serang',
	'Warga Banten memilih gubernur dan wakil gubernur serta bupati atau wali kota pada Rabu (27/11/2024). Tim Warta melaporkan jalannya pemungutan dan penghitungan suara dari sejumlah TPS sepanjang hari.

Hasil hitung cepat yang kami muat berasal dari lembaga survei dan **bukan hasil resmi**. Hasil resmi ditetapkan KPU melalui rekapitulasi berjenjang. Angka hasil dalam liputan ini adalah data demo.',
	'', 'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	1732662000, 1732728600, 1732660200, 0);
WITH v (author, position) AS (VALUES
	('arsyad-ramadhan', 0), ('nur-aini-safitri', 1), ('bagus-prasetyo', 2))
INSERT INTO article_authors (article_id, author_id, position)
SELECT a.id, u.id, v.position FROM v
JOIN articles a ON a.slug = 'liputan-langsung-hari-pemungutan-suara-pilkada-banten'
JOIN authors u ON u.slug = v.author;

WITH v (tag, position) AS (VALUES ('banten', 0), ('tps', 1), ('quick-count', 2))
INSERT INTO article_tags (article_id, tag_id, position)
SELECT a.id, t.id, v.position FROM v
JOIN articles a ON a.slug = 'liputan-langsung-hari-pemungutan-suara-pilkada-banten'
JOIN tags t ON t.slug = v.tag;

-- Closed at 00.30 WIB; one version per update and one for the closing.
INSERT INTO live_blogs (article_id, started_at, ended_at, version, changed_at)
SELECT id, 1732662000, 1732728600, 14, 1732728600 FROM articles
WHERE slug = 'liputan-langsung-hari-pemungutan-suara-pilkada-banten';

WITH v (at, version, author, body) AS (VALUES
	(1732662900, 1, 'nur-aini-safitri', 'Selamat pagi dari Serang. Petugas KPPS di TPS 07 Kelurahan Cipare sudah menata bilik suara sejak pukul 05.30 WIB. Kotak suara masih tersegel dan akan dibuka di depan saksi sebelum pemungutan dimulai.'),
	(1732665720, 2, 'arsyad-ramadhan', '**Pemungutan suara dimulai.** TPS di Banten dibuka pukul 07.00 WIB dan melayani pemilih hingga pukul 13.00 WIB. Setiap pemilih menerima dua surat suara: pemilihan gubernur dan pemilihan bupati atau wali kota.

Bawa KTP elektronik dan formulir pemberitahuan (C6) jika ada. Pemilih tanpa C6 tetap dapat mencoblos dengan KTP elektronik selama terdaftar di DPT.'),
	(1732671000, 3, 'arsyad-ramadhan', 'Antrean di TPS 12 Kelurahan Sukasari, Kota Tangerang, mengular hingga ke ujung gang. Ketua KPPS setempat menyebut sekitar 120 dari 540 pemilih sudah mencoblos dalam satu setengah jam pertama.'),
	(1732675500, 4, 'nur-aini-safitri', 'Di Kota Serang, pemilih penyandang disabilitas netra mencoblos dengan templat braille yang disediakan KPPS. Pendamping wajib mengisi formulir pernyataan menjaga kerahasiaan pilihan.'),
	(1732680600, 5, 'bagus-prasetyo', 'Bawaslu Banten mencatat laporan awal dari pengawas TPS: beberapa TPS di Kabupaten Tangerang terlambat dibuka sekitar 20 menit karena petugas menunggu saksi. Tidak ada laporan kerusuhan hingga siang ini.'),
	(1732687200, 6, 'arsyad-ramadhan', '**TPS ditutup.** Pemilih yang sudah berada di antrean sebelum pukul 13.00 WIB tetap dilayani. Setelah itu petugas KPPS mulai menghitung surat suara di depan saksi dan warga.'),
	(1732689600, 7, 'yusuf-maulana', 'Dari Lebak: di TPS 03 Desa Cibeber, penghitungan suara pemilihan gubernur dimulai. Petugas membacakan setiap surat suara dengan suara keras dan menunjukkannya kepada saksi.'),
	(1732694700, 8, 'bagus-prasetyo', 'Hasil hitung cepat boleh disiarkan mulai pukul 15.00 WIB. Ingat: **hitung cepat bukan hasil resmi**. Hasil resmi ditetapkan KPU lewat rekapitulasi berjenjang. Berikut hitung cepat pemilihan gubernur dari lembaga survei yang datanya kami terima (angka demo):

[[hasil:provinsi-banten]]'),
	(1732699800, 9, 'arsyad-ramadhan', 'Hitung cepat pemilihan wali kota Tangerang juga sudah masuk. Selisih suara pasangan nomor urut 1 dan 2 masih di luar margin of error lembaga survei (angka demo):

[[hasil:kota-tangerang]]'),
	(1732706400, 10, 'yusuf-maulana', 'Listrik sempat padam di sebagian Kecamatan Cibeber, Lebak. Petugas KPPS melanjutkan penghitungan dengan lampu darurat dan senter ponsel, disaksikan pengawas TPS.'),
	(1732713300, 11, 'bagus-prasetyo', 'Data real count KPU mulai bertambah. Angka ini berasal dari unggahan formulir hasil TPS dan masih bisa berubah; yang menentukan adalah rekapitulasi berjenjang dari kecamatan hingga provinsi.'),
	(1732716240, 12, 'rina-kartikasari', '**Cek fakta:** beredar pesan berantai yang menyebut hasil akhir Pilkada Banten sudah ditetapkan malam ini. Itu **SALAH**. KPU baru menetapkan hasil setelah rekapitulasi tingkat provinsi, yang dijadwalkan pada pertengahan Desember 2024.'),
	(1732726200, 13, 'arsyad-ramadhan', 'Liputan langsung hari pemungutan suara kami tutup di sini. Terima kasih sudah mengikuti. Perkembangan rekapitulasi suara akan kami laporkan di halaman [Hasil Pilkada](/pilkada).')
)
INSERT INTO live_updates (article_id, posted_at, body_md, body_html,
	author_id, version, created_at, updated_at)
SELECT a.id, v.at, v.body, '', u.id, v.version, v.at, v.at FROM v
JOIN articles a ON a.slug = 'liputan-langsung-hari-pemungutan-suara-pilkada-banten'
JOIN authors u ON u.slug = v.author
ORDER BY v.version;

-- The results desk: two regions, their pairs by ballot number (names are
-- placeholders: the demo names no real candidate), and entries.
INSERT INTO regions (slug, name, kind, tag_id, in_news, changed_at) VALUES
	('provinsi-banten', 'Banten', 'provinsi',
	 (SELECT id FROM tags WHERE slug = 'banten'), 1, 1732798800),
	('kota-tangerang', 'Tangerang', 'kota',
	 (SELECT id FROM tags WHERE slug = 'tangerang'), 1, 1732719600);

WITH v (region, number, names, coalition) AS (VALUES
	('provinsi-banten', 1, 'Pasangan Calon Nomor Urut 1 (nama demo)',
	 'Koalisi A (demo)'),
	('provinsi-banten', 2, 'Pasangan Calon Nomor Urut 2 (nama demo)',
	 'Koalisi B (demo)'),
	('kota-tangerang', 1, 'Pasangan Calon Nomor Urut 1 (nama demo)',
	 'Koalisi C (demo)'),
	('kota-tangerang', 2, 'Pasangan Calon Nomor Urut 2 (nama demo)',
	 'Koalisi D (demo)'),
	('kota-tangerang', 3, 'Pasangan Calon Nomor Urut 3 (nama demo)',
	 'Koalisi E (demo)')
)
INSERT INTO candidates (region_id, number, names, coalition)
SELECT r.id, v.number, v.names, v.coalition FROM v
JOIN regions r ON r.slug = v.region;

-- Entries, oldest first: quick counts (hundredths of a percent, margin of
-- error), then the KPU real count (votes, share of data in). The newest
-- entry of each source is the one shown; the rest are history.
WITH v (region, source, pollster, data_in, margin, counted_at) AS (VALUES
	('provinsi-banten', 'quick', 'Lembaga Survei Contoh (demo)', NULL, 100, 1732696200),
	('kota-tangerang', 'quick', 'Lingkar Data Demo', NULL, 150, 1732699200),
	('provinsi-banten', 'kpu', '', 4120, NULL, 1732719600),
	('kota-tangerang', 'kpu', '', 3875, NULL, 1732719600),
	('provinsi-banten', 'kpu', '', 7835, NULL, 1732798800)
)
INSERT INTO results (region_id, source, pollster, data_in, margin, counted_at,
	note, created_at)
SELECT r.id, v.source, v.pollster, v.data_in, v.margin, v.counted_at,
	'Data demo: angka rekaan untuk contoh tampilan.', v.counted_at + 300
FROM v JOIN regions r ON r.slug = v.region
ORDER BY v.counted_at, r.slug;

WITH v (region, source, counted_at, number, value) AS (VALUES
	('provinsi-banten', 'quick', 1732696200, 1, 5612),
	('provinsi-banten', 'quick', 1732696200, 2, 4388),
	('kota-tangerang', 'quick', 1732699200, 1, 4850),
	('kota-tangerang', 'quick', 1732699200, 2, 3120),
	('kota-tangerang', 'quick', 1732699200, 3, 2030),
	('provinsi-banten', 'kpu', 1732719600, 1, 2310455),
	('provinsi-banten', 'kpu', 1732719600, 2, 1702310),
	('kota-tangerang', 'kpu', 1732719600, 1, 201334),
	('kota-tangerang', 'kpu', 1732719600, 2, 130876),
	('kota-tangerang', 'kpu', 1732719600, 3, 85002),
	('provinsi-banten', 'kpu', 1732798800, 1, 4412870),
	('provinsi-banten', 'kpu', 1732798800, 2, 3280115)
)
INSERT INTO result_numbers (result_id, candidate_id, value)
SELECT x.id, c.id, v.value FROM v
JOIN regions r ON r.slug = v.region
JOIN results x ON x.region_id = r.id AND x.source = v.source
	AND x.counted_at = v.counted_at
JOIN candidates c ON c.region_id = r.id AND c.number = v.number;
