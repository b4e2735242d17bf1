-- demo.sql - the demo newsroom of Warta: a fictional local outlet covering
-- the 2024 regional elections (Pilkada serentak, 27 November 2024) in Banten.
--
-- Loaded by `warta init --demo` inside one transaction, right after the
-- migrations, into a database with no articles; body_html is left empty and
-- rendered from body_md at load. All people, quotes, organisations named
-- here (other than KPU, Bawaslu and the regions themselves) and all numbers
-- are invented for the demo; candidates appear only by ballot number.
-- Times are Unix seconds in UTC (10:15 WIB is 03:15 UTC).

UPDATE settings SET value = 'Warta' WHERE key = 'site_name';
UPDATE settings SET value = 'Kabar Pilkada dan daerah dari Banten, diperiksa sebelum disiarkan'
	WHERE key = 'tagline';

-- Authors: four reporters and one regional contributor.
INSERT INTO authors (slug, name, initials, bio) VALUES
	('arsyad-ramadhan', 'Arsyad Ramadhan', 'Ars',
	 'Reporter Warta di Tangerang. Meliput pemilu dan pemerintahan daerah sejak 2014 dan mengoordinasikan liputan Pilkada 2024.'),
	('nur-aini-safitri', 'Nur Aini Safitri', 'Nas',
	 'Reporter Warta di Serang dan Cilegon. Menulis tentang pelayanan publik, pendidikan, dan kerja penyelenggara pemilu.'),
	('bagus-prasetyo', 'Bagus Prasetyo', 'Bgs',
	 'Reporter Warta untuk Kabupaten Tangerang dan Tangerang Selatan. Penggemar data dan penyusun tabel rekapitulasi suara.'),
	('rina-kartikasari', 'Rina Kartikasari', 'Rin',
	 'Pemeriksa fakta Warta. Mengasuh rubrik Cek Fakta dan mengajar warga memeriksa pesan berantai sebelum meneruskannya.'),
	('yusuf-maulana', 'Yusuf Maulana', 'Yus',
	 'Kontributor daerah Warta di Lebak dan Pandeglang. Mengirim kabar dari desa-desa yang jauh dari pusat kabupaten.');

-- Sections, in home page order.
INSERT INTO sections (slug, name, description, position) VALUES
	('pilkada-2024', 'Pilkada 2024',
	 'Liputan pemilihan kepala daerah serentak 2024 di Banten: tahapan, penyelenggara, kandidat, pemungutan dan penghitungan suara.', 1),
	('politik', 'Politik',
	 'Aturan main, partai, parlemen daerah, dan kebijakan publik.', 2),
	('daerah', 'Daerah',
	 'Kabar dari kota dan desa di Tangerang, Serang, Cilegon, Lebak, dan Pandeglang.', 3),
	('cek-fakta', 'Cek Fakta',
	 'Pemeriksaan klaim dan pesan berantai. Setiap artikel memuat label putusan: SALAH, HOAKS, atau MENYESATKAN.', 4),
	('opini', 'Opini',
	 'Tulisan opini. Isinya menjadi tanggung jawab penulis dan tidak mewakili sikap redaksi.', 5);

-- Tags.
INSERT INTO tags (slug, name, description) VALUES
	('kpu', 'KPU', 'Komisi Pemilihan Umum di tingkat provinsi, kabupaten, dan kota.'),
	('bawaslu', 'Bawaslu', 'Badan Pengawas Pemilu dan jajarannya hingga pengawas TPS.'),
	('hoaks', 'Hoaks', 'Kabar bohong dan pesan berantai seputar pemilihan.'),
	('debat-kandidat', 'Debat Kandidat', 'Debat publik antarpasangan calon.'),
	('logistik-pemilu', 'Logistik Pemilu', 'Pengadaan, penyortiran, dan distribusi perlengkapan pemungutan suara.'),
	('simulasi-pemungutan-suara', 'Simulasi Pemungutan Suara', ''),
	('pendidikan-pemilih', 'Pendidikan Pemilih', 'Sosialisasi dan pendidikan politik bagi warga.'),
	('masa-tenang', 'Masa Tenang', 'Tiga hari tanpa kampanye, 24 sampai 26 November 2024.'),
	('quick-count', 'Quick Count', 'Hitung cepat lembaga survei, bukan hasil resmi KPU.'),
	('tps', 'TPS', 'Tempat pemungutan suara.'),
	('dpt', 'DPT', 'Daftar pemilih tetap dan pemutakhiran data pemilih.'),
	('kotak-suara', 'Kotak Suara', ''),
	('surat-suara', 'Surat Suara', ''),
	('netralitas-asn', 'Netralitas ASN', 'Aparatur sipil negara dan larangan berpihak.'),
	('politik-uang', 'Politik Uang', 'Pemberian uang atau barang untuk memengaruhi pilihan.'),
	('disabilitas', 'Disabilitas', 'Hak pilih dan aksesibilitas bagi pemilih penyandang disabilitas.'),
	('pemilih-pemula', 'Pemilih Pemula', 'Warga yang pertama kali menggunakan hak pilih.'),
	('kpps', 'KPPS', 'Kelompok Penyelenggara Pemungutan Suara.'),
	('rekapitulasi', 'Rekapitulasi', 'Penghitungan dan rekapitulasi suara berjenjang.'),
	('kampanye', 'Kampanye', ''),
	('survei', 'Survei', 'Survei elektabilitas dan aturan publikasinya.'),
	('sengketa-pilkada', 'Sengketa Pilkada', 'Perselisihan hasil di Mahkamah Konstitusi.'),
	('banten', 'Banten', 'Provinsi Banten.'),
	('tangerang', 'Tangerang', 'Kota dan Kabupaten Tangerang.'),
	('tangerang-selatan', 'Tangerang Selatan', ''),
	('serang', 'Serang', 'Kota dan Kabupaten Serang.'),
	('cilegon', 'Cilegon', ''),
	('lebak', 'Lebak', ''),
	('pandeglang', 'Pandeglang', '');

-- ---------------------------------------------------------------------------
-- Articles, oldest first.
-- ---------------------------------------------------------------------------

-- A01 (featured, long, edited): KPU Banten and local media against hoaxes.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'kpu-banten-gandeng-asosiasi-media-lokal-lawan-hoaks-pilkada',
	'KPU Banten Gandeng Asosiasi Media Lokal Lawan Hoaks Pilkada',
	'KPU Provinsi Banten meneken kesepakatan dengan asosiasi media lokal untuk mempercepat konfirmasi dan klarifikasi kabar keliru selama tahapan Pilkada 2024.',
	'Serang',
	'Kesepakatan itu ditandatangani di aula kantor KPU Banten, Senin (21/10/2024), disaksikan perwakilan Bawaslu, pemerintah provinsi, dan puluhan pemimpin redaksi media daring dari delapan kabupaten dan kota. Isinya sederhana: penyelenggara berjanji menjawab permintaan konfirmasi wartawan dalam hitungan jam, sementara media sepakat memverifikasi setiap informasi kepemiluan sebelum menayangkannya.

Anggota KPU Banten yang membidangi sosialisasi dan partisipasi masyarakat, Wahyu Setiadi, mengatakan kerja sama itu lahir dari pengalaman pemilu sebelumnya. Menurut dia, pesan berantai yang keliru kerap menyebar jauh lebih cepat daripada klarifikasi resmi, terutama di grup percakapan warga.

> "Kami tidak bisa melawan hoaks sendirian. Media lokal lebih dekat dengan warga dan lebih cepat tahu kabar apa yang sedang beredar di kampung-kampung," kata Wahyu.

Ketua Perkumpulan Media Lokal Banten, Taufik Hidayatullah, menyebut sebagian besar anggotanya adalah redaksi kecil dengan dua sampai lima wartawan. Mereka, kata dia, sering kesulitan mendapat jawaban cepat dari penyelenggara ketika sebuah kabar viral pada malam hari.

## Saluran konfirmasi cepat

Lewat kesepakatan ini, setiap KPU kabupaten dan kota di Banten menunjuk satu narahubung yang bisa dihubungi redaksi kapan saja selama tahapan berlangsung. Narahubung itu wajib meneruskan pertanyaan ke divisi terkait dan mengembalikan jawaban tertulis.

Pokok-pokok kesepakatan yang dibacakan dalam acara tersebut antara lain:

- narahubung di setiap KPU kabupaten dan kota yang menjawab permintaan konfirmasi paling lambat enam jam;
- klarifikasi resmi yang diunggah di kanal KPU dan dapat dikutip utuh oleh media;
- pelatihan verifikasi digital bagi wartawan dan pengelola media sosial redaksi;
- pertukaran informasi tentang pesan berantai yang mulai ramai di wilayah masing-masing.

Media yang menerima kabar mendesak tetapi belum terverifikasi sepakat hanya menayangkannya dengan keterangan bahwa verifikasi masih berlangsung, sesuai Pedoman Pemberitaan Media Siber. Berita lanjutan yang memuat hasil verifikasi harus menautkan berita awalnya.

## Tiga jenis kabar keliru

Dari catatan KPU Banten, kabar keliru yang paling sering muncul pada pemilihan sebelumnya terbagi dalam tiga kelompok: soal data pemilih, soal logistik seperti surat suara yang disebut sudah dicoblos, dan soal hasil penghitungan yang beredar sebelum rekapitulasi resmi.

Wahyu menambahkan, kelompok ketiga biasanya paling berbahaya karena muncul tepat ketika suasana sedang panas. "Tangkapan layar hasil palsu bisa memicu keributan di depan kantor kecamatan," ujarnya.

Sejumlah peserta mengingatkan agar kerja sama tidak membuat media kehilangan jarak dengan penyelenggara. Taufik menegaskan, anggotanya tetap akan memberitakan kekeliruan KPU jika ditemukan. "Konfirmasi cepat bukan berarti kami berhenti kritis," katanya.

Pelatihan verifikasi pertama dijadwalkan berlangsung di Tangerang pada akhir Oktober, disusul Serang dan Rangkasbitung pada awal November. Materinya meliputi penelusuran gambar, pemeriksaan metadata video, dan cara membaca dokumen resmi KPU.

Warga yang menerima pesan mencurigakan seputar pilkada juga diimbau meneruskannya ke redaksi media atau kanal pengaduan KPU setempat, alih-alih ke grup keluarga. Redaksi Warta termasuk penanda tangan kesepakatan dan akan memuat hasil pemeriksaannya di rubrik Cek Fakta.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-10-21 03:15:00') AS INTEGER),
	CAST(strftime('%s', '2024-10-21 08:40:00') AS INTEGER),
	CAST(strftime('%s', '2024-10-21 01:50:00') AS INTEGER),
	1
);

-- A02: voters who moved must register on the DPTb in Lebak.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'pemilih-pindahan-di-lebak-diminta-segera-urus-dptb',
	'Pemilih Pindahan di Lebak Diminta Segera Urus DPTb',
	'KPU Kabupaten Lebak mengingatkan warga yang akan mencoblos di luar TPS asalnya agar mengurus pindah memilih sebelum batas waktu.',
	'Rangkasbitung',
	'Permohonan pindah memilih di Kabupaten Lebak masih sepi. Hingga Selasa (22/10/2024), KPU setempat baru mencatat beberapa ratus pemohon, sebagian besar mahasiswa dan pekerja pabrik yang tinggal di luar kecamatan asalnya.

Anggota KPU Lebak, Dedi Supriadi, mengatakan warga yang sudah terdaftar dalam daftar pemilih tetap (DPT) tetapi akan berada di tempat lain pada 27 November perlu mengurus pindah memilih agar tercatat dalam daftar pemilih tambahan (DPTb).

"Yang sering tidak dipahami, pindah memilih pada pilkada berbeda dengan pemilu presiden. Pemilih hanya bisa pindah ke TPS yang masih berada di wilayah pemilihan yang sama," kata Dedi.

Artinya, warga Lebak yang pindah ke TPS lain di Lebak tetap mendapat dua surat suara, yakni untuk pemilihan gubernur dan bupati. Jika pindah ke kabupaten lain di Banten, ia hanya mendapat surat suara pemilihan gubernur.

Permohonan bisa diajukan di kantor PPS desa atau kelurahan, PPK, maupun KPU kabupaten dengan membawa KTP elektronik dan dokumen pendukung, misalnya surat keterangan dari kampus, tempat kerja, atau rumah sakit. Batasnya paling lambat tujuh hari sebelum hari pemungutan suara.

Dedi meminta keluarga ikut mengingatkan anggota yang merantau. "Jangan sampai baru sadar pada hari H, lalu kecewa karena tidak bisa mencoblos," ujarnya.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-10-22 07:30:00') AS INTEGER),
	CAST(strftime('%s', '2024-10-22 07:30:00') AS INTEGER),
	CAST(strftime('%s', '2024-10-22 05:10:00') AS INTEGER),
	0
);

-- A03: first debate in Kota Tangerang.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'debat-perdana-pilkada-kota-tangerang-soroti-banjir-dan-kemacetan',
	'Debat Perdana Pilkada Kota Tangerang Soroti Banjir dan Kemacetan',
	'Banjir musiman dan kemacetan di jalan-jalan utama menjadi bahan perdebatan paling panjang dalam debat publik pertama pemilihan wali kota Tangerang.',
	'Tangerang',
	'Debat publik pertama Pilkada Kota Tangerang digelar KPU setempat di sebuah hotel di Kecamatan Cipondoh, Rabu (23/10/2024) malam. Debat bertema pembangunan kota dan tata ruang itu disiarkan langsung oleh televisi lokal dan kanal video KPU.

Pasangan calon nomor urut 1 membuka debat dengan janji membangun kolam retensi baru di kawasan yang langganan tergenang. Menurut mereka, normalisasi saluran saja tidak cukup karena curah hujan semakin tidak menentu.

Pasangan calon nomor urut 2 menilai persoalan banjir tidak bisa diselesaikan sendiri oleh pemerintah kota. Mereka menawarkan forum bersama dengan daerah tetangga untuk menata aliran sungai dari hulu hingga hilir.

## Adu data kemacetan

Segmen tanya jawab antarkandidat memanas ketika pembahasan beralih ke kemacetan. Pasangan nomor urut 2 mempertanyakan data waktu tempuh yang dipakai lawannya, sementara pasangan nomor urut 1 balik meminta rincian biaya rencana angkutan pengumpan yang ditawarkan.

Moderator beberapa kali mengingatkan kedua pasangan agar tidak melewati batas waktu. Penonton di ruangan, yang terdiri atas pendukung kedua kubu, juga sempat ditegur karena bersorak saat kandidat berbicara.

Anggota KPU Kota Tangerang, Rahmat Hidayat, mengatakan panelis debat berasal dari kalangan akademisi dan tokoh masyarakat yang dipilih untuk menjaga keberimbangan pertanyaan. Debat berikutnya akan mengangkat tema pelayanan publik serta kesejahteraan warga.

"Kami berharap warga menonton sampai selesai, lalu membandingkan sendiri gagasan para calon," kata Rahmat.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-10-23 15:40:00') AS INTEGER),
	CAST(strftime('%s', '2024-10-23 15:40:00') AS INTEGER),
	CAST(strftime('%s', '2024-10-23 14:55:00') AS INTEGER),
	0
);

-- A04: ballots arrive at the KPU warehouse in Kabupaten Serang.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'surat-suara-pilkada-tiba-di-gudang-kpu-kabupaten-serang',
	'Surat Suara Pilkada Tiba di Gudang KPU Kabupaten Serang',
	'Truk pengangkut surat suara pemilihan gubernur dan bupati tiba di gudang KPU Kabupaten Serang dengan pengawalan polisi.',
	'Serang',
	'Empat truk boks berisi surat suara Pilkada 2024 tiba di gudang logistik KPU Kabupaten Serang, Jumat (25/10/2024) pagi. Kedatangan itu disaksikan petugas Bawaslu dan aparat kepolisian yang mengawal perjalanan dari percetakan.

Setiap dus dibuka secara acak untuk memastikan jumlah lembar sesuai dokumen pengiriman. Petugas juga memeriksa warna surat suara, karena surat suara pemilihan gubernur dan pemilihan bupati dicetak dengan warna berbeda.

Kepala gudang mengatakan jumlah surat suara yang diterima sudah termasuk cadangan sebesar 2,5 persen dari jumlah pemilih di setiap TPS. Cadangan itu disiapkan untuk mengganti surat suara yang rusak atau keliru dicoblos pemilih.

Gudang dijaga bergantian selama 24 jam. Kamera pengawas dipasang di pintu masuk dan di area penyimpanan, sementara kunci gudang dipegang lebih dari satu orang.

Tahap berikutnya adalah penyortiran dan pelipatan yang melibatkan warga sekitar. KPU menargetkan seluruh surat suara sudah terlipat dan dikemas per TPS dua pekan sebelum hari pemungutan suara.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-10-25 04:05:00') AS INTEGER),
	CAST(strftime('%s', '2024-10-25 04:05:00') AS INTEGER),
	CAST(strftime('%s', '2024-10-25 02:20:00') AS INTEGER),
	0
);

-- A05: residents sort and fold ballots in Kota Tangerang.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'ratusan-warga-sortir-dan-lipat-surat-suara-di-kota-tangerang',
	'Ratusan Warga Sortir dan Lipat Surat Suara di Kota Tangerang',
	'Ibu rumah tangga, mahasiswa, dan pekerja harian dilibatkan menyortir serta melipat ratusan ribu surat suara di gudang KPU Kota Tangerang.',
	'Tangerang',
	'Suara kertas yang dilipat terdengar tak putus-putus dari gudang logistik KPU Kota Tangerang, Selasa (29/10/2024). Ratusan warga duduk bersila di atas terpal, masing-masing menghadapi tumpukan surat suara yang harus diperiksa satu per satu sebelum dilipat.

Petugas mewajibkan setiap pekerja memisahkan surat suara yang cacat, misalnya tintanya luntur, gambarnya tidak lengkap, atau kertasnya sobek. Surat suara rusak dikumpulkan dalam kotak tersendiri dan dicatat dalam berita acara.

"Sehari saya bisa melipat sekitar dua ribu lembar. Lumayan untuk tambahan belanja," kata Sumarni (41), warga Karawaci yang baru pertama kali ikut bekerja di gudang KPU.

## Diawasi ketat

Pekerja tidak diperbolehkan membawa pulpen, spidol, atau benda tajam ke area pelipatan. Tas dan telepon genggam dititipkan di pintu masuk, dan setiap pekerja diperiksa saat keluar gudang.

Anggota KPU Kota Tangerang, Rahmat Hidayat, mengatakan pengawasan ketat diperlukan untuk menjaga kepercayaan publik. "Satu lembar surat suara yang keluar dari gudang bisa menjadi bahan kabar bohong," ujarnya.

Upah pelipatan dihitung per lembar. KPU memperkirakan seluruh proses penyortiran dan pelipatan selesai dalam sepuluh hari, sebelum surat suara dikemas per TPS dan dikirim ke kecamatan.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-10-29 06:20:00') AS INTEGER),
	CAST(strftime('%s', '2024-10-29 06:20:00') AS INTEGER),
	CAST(strftime('%s', '2024-10-29 04:45:00') AS INTEGER),
	0
);

-- A06: first-time voters at a school in Tangerang Selatan.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'kpu-tangerang-selatan-sasar-pemilih-pemula-di-sekolah',
	'KPU Tangerang Selatan Sasar Pemilih Pemula di Sekolah',
	'Siswa kelas XII yang sudah berusia 17 tahun diajak mengenal tata cara mencoblos dan memeriksa namanya dalam daftar pemilih.',
	'Tangerang Selatan',
	'Aula sebuah SMA negeri di Pamulang mendadak riuh ketika petugas KPU Kota Tangerang Selatan membagikan contoh surat suara kepada siswa, Rabu (30/10/2024). Sebagian besar dari mereka akan mencoblos untuk pertama kalinya pada 27 November.

Anggota KPU Tangerang Selatan, Indra Permana, mengatakan pemilih pemula menjadi sasaran utama sosialisasi karena jumlahnya cukup besar dan mereka belum punya pengalaman datang ke TPS.

Dalam sesi itu, siswa diajari hal-hal yang sering luput:

- memeriksa nama dalam daftar pemilih melalui layanan daring KPU;
- membawa KTP elektronik ke TPS, selain surat pemberitahuan memilih;
- mencoblos di dalam kotak pasangan calon, bukan di luar garis;
- tidak memotret surat suara yang sudah dicoblos di dalam bilik.

Siswa juga diminta menilai kandidat dari program, bukan dari banyaknya pengikut di media sosial. "Coba baca visi misinya, lalu tanyakan apakah itu masuk akal untuk kota kita," kata Indra di depan siswa.

Nadia (17), siswi kelas XII, mengaku baru tahu bahwa ia bisa memilih hanya dengan KTP elektronik jika namanya tercatat di DPT. "Saya kira kalau undangan hilang berarti tidak bisa nyoblos," ujarnya.

KPU Tangerang Selatan menargetkan kegiatan serupa menjangkau seluruh SMA, SMK, dan madrasah aliyah di tujuh kecamatan sebelum masa tenang.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-10-30 02:45:00') AS INTEGER),
	CAST(strftime('%s', '2024-10-30 02:45:00') AS INTEGER),
	CAST(strftime('%s', '2024-10-30 01:30:00') AS INTEGER),
	0
);

-- A07: Bawaslu maps vulnerable polling stations in Kota Serang.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'bawaslu-kota-serang-petakan-tps-rawan',
	'Bawaslu Kota Serang Petakan TPS Rawan',
	'Pemetaan kerawanan menemukan puluhan TPS di Kota Serang yang dinilai perlu pengawasan lebih, mulai dari akses sulit hingga riwayat politik uang.',
	'Serang',
	'Bawaslu Kota Serang merampungkan pemetaan TPS rawan untuk Pilkada 2024, Kamis (31/10/2024). Pemetaan dilakukan pengawas kelurahan dengan mendatangi langsung lokasi TPS dan mewawancarai warga sekitar.

Koordinator divisi pencegahan Bawaslu Kota Serang, Asep Saepudin, mengatakan ada beberapa indikator yang dipakai untuk menilai kerawanan.

- Riwayat pelanggaran pada pemilihan sebelumnya, termasuk politik uang.
- Banyaknya pemilih yang tidak memenuhi syarat tetapi masih tercatat.
- TPS yang berada di dekat posko pemenangan atau rumah tim sukses.
- Akses jalan dan jaringan telepon yang buruk.
- Keberadaan pemilih di rumah sakit, panti, atau lembaga pemasyarakatan.

"Indikator paling banyak ditemukan adalah pemilih yang sudah pindah domisili tetapi namanya masih ada di daftar. Itu rawan disalahgunakan," kata Asep.

Hasil pemetaan akan diserahkan kepada KPU dan kepolisian sebagai dasar penempatan personel. Bawaslu juga akan menambah frekuensi patroli di sekitar TPS rawan selama masa tenang.

Asep meminta warga tidak ragu melapor jika menemukan pembagian uang atau barang. Laporan bisa disampaikan ke pengawas kelurahan, pengawas TPS, atau kantor Bawaslu kota dengan menyertakan bukti sederhana seperti foto dan keterangan waktu.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-10-31 08:10:00') AS INTEGER),
	CAST(strftime('%s', '2024-10-31 08:10:00') AS INTEGER),
	CAST(strftime('%s', '2024-10-31 06:25:00') AS INTEGER),
	0
);

-- A08: civil servants in Cilegon reminded to stay neutral online.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'asn-cilegon-diingatkan-jaga-netralitas-di-media-sosial',
	'ASN Cilegon Diingatkan Jaga Netralitas di Media Sosial',
	'Menyukai, mengomentari, atau membagikan unggahan kampanye pasangan calon bisa berujung pada laporan pelanggaran netralitas.',
	'Cilegon',
	'Bawaslu Kota Cilegon mengumpulkan ratusan aparatur sipil negara (ASN) dari berbagai organisasi perangkat daerah dalam sosialisasi netralitas, Jumat (1/11/2024). Materi yang paling banyak ditanyakan peserta justru soal media sosial.

Anggota Bawaslu Cilegon, Hasanudin, menjelaskan bahwa ASN tetap memiliki hak pilih, tetapi dilarang menunjukkan keberpihakan di ruang publik. Larangan itu mencakup unggahan di akun pribadi.

> "Tombol suka dan bagikan itu kelihatannya sepele. Tapi kalau yang dibagikan materi kampanye salah satu pasangan, itu bisa menjadi bukti keberpihakan," kata Hasanudin.

Bentuk pelanggaran lain yang kerap ditemukan antara lain berfoto dengan pose jari yang menunjukkan nomor urut, menghadiri kampanye dengan atribut dinas, dan ikut mengunggah foto bersama kandidat dalam kegiatan pemerintahan.

Menurut Hasanudin, temuan pelanggaran netralitas akan diteruskan kepada instansi pembina kepegawaian untuk dijatuhi sanksi disiplin. Bawaslu juga membuka kanal pengaduan bagi warga yang menemukan unggahan ASN bernada kampanye.

Seorang peserta, pegawai kelurahan yang enggan disebut namanya, mengaku selama ini tidak merasa bersalah membagikan ulang unggahan kerabatnya yang menjadi tim sukses. "Mulai sekarang saya lebih hati-hati," ujarnya.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'politik'),
	CAST(strftime('%s', '2024-11-01 03:30:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-01 03:30:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-01 02:05:00') AS INTEGER),
	0
);

-- A09: campaign advertising in mass media limited to 14 days.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'iklan-kampanye-di-media-massa-hanya-boleh-tayang-14-hari',
	'Iklan Kampanye di Media Massa Hanya Boleh Tayang 14 Hari',
	'Pasangan calon baru boleh beriklan di media cetak, elektronik, dan daring mulai 10 November, dan harus berhenti sebelum masa tenang.',
	'Serang',
	'KPU mengingatkan tim pasangan calon dan pengelola media bahwa iklan kampanye di media massa hanya boleh tayang pada 10 hingga 23 November 2024. Di luar rentang itu, iklan berbayar yang memuat ajakan memilih pasangan calon tergolong pelanggaran.

Jadwal itu berbeda dengan masa kampanye secara umum yang sudah dimulai sejak akhir September. Pertemuan tatap muka, pemasangan alat peraga, dan penyebaran bahan kampanye sudah boleh dilakukan lebih dulu.

Bagi media, iklan kampanye wajib diberi label yang jelas dan dipisahkan dari berita. Hal itu sejalan dengan Pedoman Pemberitaan Media Siber yang mengharuskan konten berbayar ditandai sebagai iklan.

Mulai 24 November, seluruh iklan kampanye harus diturunkan karena memasuki masa tenang. Bawaslu akan memantau siaran televisi, radio, dan media daring selama tiga hari tersebut.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'politik'),
	CAST(strftime('%s', '2024-11-04 01:50:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-04 01:50:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-04 00:40:00') AS INTEGER),
	0
);

-- A10: blind voters in Pandeglang practise with braille templates.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'pemilih-tunanetra-di-pandeglang-berlatih-memakai-templat-braille',
	'Pemilih Tunanetra di Pandeglang Berlatih Memakai Templat Braille',
	'KPU Pandeglang menggelar pendidikan pemilih khusus bagi penyandang disabilitas, dari tunanetra hingga pengguna kursi roda.',
	'Pandeglang',
	'Jari-jari Ahmad Fauzi (34) menyusuri deretan titik timbul pada selembar templat plastik. Beberapa detik kemudian ia menemukan lubang di bawah nomor urut yang dicarinya, lalu menusukkan paku ke kertas contoh surat suara di baliknya.

"Sudah, yang ini nomor dua," katanya sambil tersenyum, Selasa (5/11/2024). Ahmad adalah satu dari puluhan penyandang disabilitas yang mengikuti pendidikan pemilih di aula KPU Kabupaten Pandeglang.

Anggota KPU Pandeglang, Euis Komalasari, mengatakan templat braille akan tersedia di setiap TPS untuk surat suara pemilihan gubernur maupun bupati. Namun, banyak pemilih tunanetra belum pernah memakainya.

"Alatnya ada, tapi kalau pemilih belum pernah mencoba, di TPS mereka akan bingung dan akhirnya minta didampingi. Padahal banyak yang ingin mencoblos sendiri," ujar Euis.

## Pendamping harus menjaga rahasia

Pemilih disabilitas tetap boleh meminta bantuan pendamping pilihannya sendiri, baik anggota keluarga maupun petugas KPPS. Pendamping wajib menandatangani surat pernyataan untuk merahasiakan pilihan pemilih yang dibantunya.

Peserta pengguna kursi roda juga menyampaikan keluhan soal lokasi TPS. Pada pemilu sebelumnya, sebagian TPS didirikan di teras rumah berundak atau di halaman berlumpur.

KPU Pandeglang berjanji meminta KPPS memilih lokasi yang datar dan menyediakan meja bilik yang lebih rendah. Bawaslu setempat menyatakan akan memasukkan aksesibilitas TPS dalam daftar periksa pengawas pada hari pemungutan suara.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-11-05 03:00:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-05 03:00:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-04 23:30:00') AS INTEGER),
	0
);

-- A11: second debate in Kota Serang.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'debat-kedua-pilkada-kota-serang-adu-gagasan-pelayanan-publik',
	'Debat Kedua Pilkada Kota Serang, Adu Gagasan Pelayanan Publik',
	'Antrean di puskesmas, sampah, dan perizinan usaha kecil menjadi sorotan dalam debat kedua calon wali kota Serang.',
	'Serang',
	'Debat kedua Pilkada Kota Serang berlangsung di gedung serbaguna milik pemerintah kota, Rabu (6/11/2024) malam. KPU Kota Serang mengusung tema pelayanan publik, kesehatan, dan pengelolaan lingkungan.

Pasangan calon nomor urut 1 menjanjikan pendaftaran puskesmas secara daring agar warga tidak perlu datang sejak subuh untuk mengambil nomor antrean. Mereka juga ingin menambah jam layanan puskesmas di kecamatan yang padat penduduk.

Pasangan calon nomor urut 2 memusatkan jawaban pada persoalan sampah. Menurut mereka, tempat pembuangan akhir yang ada sudah mendekati batas daya tampung, sehingga pemilahan sampah harus dimulai dari tingkat rumah tangga dan bank sampah kelurahan.

Pasangan calon nomor urut 3 menyoroti perizinan usaha mikro. Mereka menjanjikan layanan perizinan keliling yang mendatangi pasar tradisional setiap pekan.

## Saling tanya soal anggaran

Pada segmen saling bertanya, ketiga pasangan saling menagih sumber anggaran program masing-masing. Pasangan nomor urut 3 menilai janji pendaftaran daring tidak akan berarti tanpa penambahan tenaga kesehatan, sementara pasangan nomor urut 1 mempertanyakan biaya operasional layanan keliling.

Anggota KPU Kota Serang, Lia Marlina, menyebut debat berjalan tertib. Panitia hanya mengizinkan sejumlah pendukung masuk ruangan dan memasang layar di halaman untuk pendukung lainnya.

Pengajar ilmu politik di sebuah perguruan tinggi di Serang, Ratna Juwita, menilai debat kali ini lebih substansial dibandingkan debat pertama. "Sayangnya, belum ada yang menjelaskan bagaimana program dijalankan jika anggaran daerah terbatas," katanya.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-11-06 15:15:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-06 15:15:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-06 14:20:00') AS INTEGER),
	0
);

-- A12 (two authors): debate in Cilegon.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'debat-pilkada-cilegon-soroti-industri-dan-lapangan-kerja',
	'Debat Pilkada Cilegon Soroti Industri dan Lapangan Kerja',
	'Di kota yang dikelilingi kawasan industri, calon wali kota Cilegon beradu janji soal penyerapan tenaga kerja lokal dan polusi udara.',
	'Cilegon',
	'Debat publik Pilkada Kota Cilegon yang digelar Sabtu (9/11/2024) malam didominasi satu pertanyaan: mengapa banyak warga Cilegon masih menganggur di tengah deretan pabrik besar?

Pasangan calon nomor urut 1 menawarkan pusat pelatihan kerja yang dikelola bersama perusahaan di kawasan industri. Lulusannya, kata mereka, akan didorong mengisi lowongan sebelum perusahaan merekrut dari luar daerah.

Pasangan calon nomor urut 2 mengusulkan peraturan daerah yang mewajibkan perusahaan melaporkan komposisi pekerja lokal setiap tahun. Mereka menilai janji penyerapan tenaga kerja selama ini sulit ditagih karena tidak ada data yang terbuka.

Isu lingkungan muncul ketika panelis menanyakan keluhan warga soal debu dan kualitas udara di sekitar kawasan industri. Kedua pasangan sepakat perlunya alat pemantau kualitas udara di permukiman, tetapi berbeda soal siapa yang harus membiayainya.

Anggota KPU Cilegon, Fajar Nugraha, mengatakan debat diikuti pula oleh penerjemah bahasa isyarat agar dapat dinikmati pemilih tuli. Siaran ulangnya dapat ditonton di kanal video resmi KPU Cilegon.

Di luar gedung, puluhan pendukung kedua kubu menonton melalui layar lebar. Polisi berjaga dan memisahkan area kedua kelompok pendukung, tetapi tidak ada insiden berarti hingga debat usai.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-11-09 14:50:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-09 14:50:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-09 13:40:00') AS INTEGER),
	0
);

-- A13 (opinion): the family WhatsApp group.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'opini-grup-whatsapp-keluarga-garis-depan-melawan-hoaks-pilkada',
	'Opini: Grup WhatsApp Keluarga, Garis Depan Melawan Hoaks Pilkada',
	'Tulisan opini pemeriksa fakta Warta, Rina Kartikasari. Pesan berantai paling sulit dilawan bukan yang datang dari orang asing, melainkan dari orang yang kita sayangi.',
	'Tangerang',
	'Setiap menjelang pemilihan, meja kerja pemeriksa fakta dipenuhi tangkapan layar yang nyaris seragam: sebuah pesan panjang, tanpa sumber, diakhiri ajakan "sebarkan sebelum dihapus". Hampir semuanya dikirim pembaca yang menerimanya dari grup keluarga.

Grup keluarga adalah ruang yang hangat, dan justru karena itu ia rentan. Kita cenderung percaya pada pesan yang diteruskan paman atau kakak sendiri. Membantahnya di depan anggota keluarga lain terasa tidak sopan, sehingga kebanyakan dari kita memilih diam.

Diam itulah yang membuat kabar keliru bertahan. Pesan yang tidak dibantah dianggap benar, lalu diteruskan ke grup berikutnya: grup RT, grup alumni, grup pengajian.

Ada beberapa kebiasaan kecil yang bisa dimulai dari ponsel kita sendiri:

1. Berhenti sejenak sebelum meneruskan pesan yang memancing marah atau takut.
2. Cari sumber asli. Pengumuman resmi KPU selalu bisa ditemukan di kanal resmi KPU.
3. Jika sudah terlanjur menyebar, balas dengan tautan klarifikasi, bukan dengan ejekan.
4. Bicara secara pribadi kepada pengirim jika khawatir membuatnya malu di depan grup.

Pemilihan kepala daerah terasa lebih dekat daripada pemilu nasional. Kandidatnya tetangga kabupaten, tim suksesnya mungkin kerabat sendiri. Kedekatan itu membuat hoaks pilkada lebih mudah menyulut pertengkaran di dalam rumah.

Karena itu, melawan hoaks tidak cukup diserahkan kepada KPU, Bawaslu, atau media. Garis depannya ada di grup-grup kecil tempat kita menyapa ibu setiap pagi.

*Penulis adalah pemeriksa fakta Warta. Tulisan ini merupakan opini pribadi.*',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'opini'),
	CAST(strftime('%s', '2024-11-10 00:00:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-10 00:00:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-09 10:30:00') AS INTEGER),
	0
);

-- A14: health checks for polling station officers.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'petugas-kpps-di-kabupaten-tangerang-jalani-pemeriksaan-kesehatan',
	'Petugas KPPS di Kabupaten Tangerang Jalani Pemeriksaan Kesehatan',
	'Puskesmas memeriksa tekanan darah dan gula darah anggota KPPS agar tidak ada petugas yang jatuh sakit karena kelelahan pada hari pemungutan suara.',
	'Tigaraksa',
	'Antrean anggota Kelompok Penyelenggara Pemungutan Suara (KPPS) mengular di sebuah puskesmas di Tigaraksa, Selasa (12/11/2024). Mereka datang untuk menjalani pemeriksaan tekanan darah, gula darah, dan kolesterol sebelum dilantik.

Pemeriksaan ini menjadi bagian dari upaya mencegah petugas jatuh sakit karena kelelahan. Pada hari pemungutan suara, anggota KPPS bisa bekerja sejak subuh hingga larut malam, bahkan dini hari jika penghitungan berlangsung lama.

Petugas puskesmas menyebut sebagian kecil peserta memiliki tekanan darah tinggi. Mereka tidak otomatis dicoret, tetapi diminta kontrol ulang dan diberi catatan agar ketua KPPS membagi tugas secara lebih ringan.

"Saya baru tahu tensi saya tinggi. Katanya harus kurangi kopi dan tidur cukup menjelang hari H," kata Hendra (46), calon anggota KPPS di Kecamatan Cikupa.

KPU Kabupaten Tangerang juga menyarankan setiap TPS menyiapkan makanan dan waktu istirahat bergantian bagi petugas. Jumlah pemilih per TPS pada pilkada kali ini lebih besar dibandingkan pemilu Februari lalu, sehingga beban kerja di TPS tidak bisa dianggap ringan.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'daerah'),
	CAST(strftime('%s', '2024-11-12 04:40:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-12 04:40:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-12 03:10:00') AS INTEGER),
	0
);

-- A15 (featured, edited): voting simulation in Kota Serang.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'simulasi-pemungutan-suara-di-kota-serang-ungkap-antrean-panjang',
	'Simulasi Pemungutan Suara di Kota Serang Ungkap Antrean Panjang',
	'Simulasi yang digelar KPU Kota Serang menunjukkan satu pemilih butuh hampir tiga menit di TPS. Penataan meja dan bilik pun diubah.',
	'Serang',
	'KPU Kota Serang menggelar simulasi pemungutan dan penghitungan suara di sebuah lapangan di Kecamatan Cipocok Jaya, Rabu (13/11/2024). Simulasi dibuat semirip mungkin dengan hari pemungutan suara, lengkap dengan KPPS, saksi, pengawas TPS, dan ratusan warga yang berperan sebagai pemilih.

Setiap pemilih menerima dua surat suara, yakni untuk pemilihan gubernur dan wali kota. Petugas mencatat waktu yang dibutuhkan sejak pemilih menyerahkan KTP elektronik hingga mencelupkan jari ke tinta.

Hasilnya, rata-rata satu pemilih membutuhkan hampir tiga menit. Antrean paling panjang terjadi di meja pendaftaran, ketika petugas mencari nama pemilih di daftar hadir yang disusun per halaman.

"Kalau di lapangan kami tidak menemukan masalah ini, di hari H antreannya bisa sampai ke jalan," kata anggota KPU Kota Serang, Lia Marlina.

## Yang diubah setelah simulasi

Dari simulasi itu, KPU mencatat beberapa perbaikan yang akan diteruskan kepada seluruh KPPS:

- meja pendaftaran dibagi dua, masing-masing memegang separuh daftar hadir;
- bilik suara ditempatkan membelakangi jalan agar pemilih tidak bisa diintip;
- kotak suara diberi tanda warna sesuai jenis pemilihan supaya pemilih tidak salah memasukkan surat suara;
- satu anggota KPPS ditugasi khusus membantu pemilih lansia dan penyandang disabilitas.

Penghitungan suara dalam simulasi juga diawasi ketat. Setiap surat suara diangkat tinggi-tinggi dan dibacakan keras agar saksi dan warga yang menonton bisa melihat coblosannya.

Warga yang ikut simulasi menyambut baik kegiatan ini. "Saya jadi tahu bahwa surat suara harus dibuka dulu dan diperiksa sebelum dibawa ke bilik. Kalau rusak, boleh minta ganti," kata Rohimah (52), warga Cipocok Jaya.

KPU Kota Serang akan membagikan video simulasi ke seluruh KPPS melalui grup percakapan panitia di tingkat kelurahan.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-11-13 05:25:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-13 09:05:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-13 03:40:00') AS INTEGER),
	1
);

-- A16: waterproofed cardboard ballot boxes on the Pandeglang coast.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'kotak-suara-kardus-di-pesisir-pandeglang-dilapisi-plastik',
	'Kotak Suara Kardus di Pesisir Pandeglang Dilapisi Plastik',
	'Musim hujan dan jalur distribusi yang menyeberangi sungai membuat KPU Pandeglang menambah lapisan pelindung pada kotak suara berbahan karton.',
	'Pandeglang',
	'Petugas gudang KPU Kabupaten Pandeglang sibuk membungkus kotak suara dengan plastik tebal, Jumat (15/11/2024). Kotak-kotak itu akan dikirim ke TPS di desa-desa pesisir selatan yang jalannya kerap becek saat hujan.

Kotak suara pilkada terbuat dari karton kedap air. Namun, menurut anggota KPU Pandeglang, Euis Komalasari, bahan itu tetap bisa rusak jika terendam atau terkena hujan deras dalam perjalanan panjang.

"Kami tidak mau mengambil risiko. Di beberapa desa, logistik harus diangkut dengan sepeda motor melewati jalan tanah, bahkan menyeberangi sungai kecil," katanya.

Selain kotak suara, bilik suara dan dus berisi surat suara juga dibungkus plastik. Setiap paket diberi label nama desa dan nomor TPS dengan spidol tahan air.

KPU Pandeglang menjadwalkan distribusi ke TPS paling jauh dimulai tiga hari sebelum pemungutan suara. Logistik akan disimpan sementara di kantor desa dan dijaga anggota Linmas sampai diserahkan kepada KPPS.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'daerah'),
	CAST(strftime('%s', '2024-11-15 07:00:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-15 07:00:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-15 05:15:00') AS INTEGER),
	0
);

-- A17 (short): check your name on the voter list online.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'cek-nama-di-dpt-kpu-imbau-warga-gunakan-layanan-daring',
	'Cek Nama di DPT, KPU Imbau Warga Gunakan Layanan Daring',
	'Kurang dari dua pekan menjelang pemungutan suara, warga diminta memastikan namanya tercatat dan mengetahui lokasi TPS-nya.',
	'Tangerang',
	'KPU mengimbau warga memeriksa apakah namanya sudah tercantum dalam daftar pemilih tetap (DPT) melalui layanan pengecekan daring milik KPU. Cukup dengan memasukkan nomor induk kependudukan, warga bisa melihat nama, nomor TPS, dan alamat TPS tempatnya memilih.

Pemeriksaan sejak dini penting karena surat pemberitahuan memilih baru dibagikan KPPS beberapa hari sebelum 27 November. Warga yang namanya tidak ditemukan masih punya pilihan: mencoblos pada satu jam terakhir di TPS sesuai alamat KTP elektronik, sepanjang surat suara masih tersedia.

Warga yang mengalami kendala dapat mendatangi kantor PPS di kelurahan atau desa masing-masing. Petugas akan membantu mengecek data dan menjelaskan pilihan yang tersedia.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-11-18 02:10:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-18 02:10:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-18 01:15:00') AS INTEGER),
	0
);

-- A18: Bawaslu Kota Tangerang looks into a report of handed-out groceries.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'bawaslu-kota-tangerang-telusuri-laporan-bagi-bagi-sembako',
	'Bawaslu Kota Tangerang Telusuri Laporan Bagi-bagi Sembako',
	'Warga melaporkan pembagian paket beras dan minyak goreng yang disertai stiker salah satu pasangan calon. Bawaslu memanggil pelapor dan saksi.',
	'Tangerang',
	'Bawaslu Kota Tangerang tengah menelusuri laporan dugaan politik uang berupa pembagian paket sembako di sebuah permukiman di Kecamatan Periuk. Laporan itu masuk pada Senin (18/11/2024) malam, lengkap dengan foto dan video.

Anggota Bawaslu Kota Tangerang yang membidangi penanganan pelanggaran, Mega Puspitasari, mengatakan pihaknya sudah meminta keterangan pelapor dan dua orang saksi pada Selasa (19/11/2024).

"Kami harus memastikan dulu siapa yang membagikan, atas perintah siapa, dan apakah ada ajakan memilih pasangan calon tertentu. Tidak semua pembagian barang otomatis masuk politik uang," kata Mega.

Dalam video yang diterima Bawaslu, tampak paket berisi beras lima kilogram dan minyak goreng. Pada plastik pembungkusnya tertempel stiker bergambar nomor urut salah satu pasangan calon.

## Pemberi dan penerima bisa dijerat

Mega mengingatkan bahwa undang-undang pemilihan kepala daerah mengatur sanksi pidana bukan hanya bagi pemberi, tetapi juga bagi penerima yang terbukti menerima imbalan untuk memilih calon tertentu.

Penanganan laporan dilakukan bersama kepolisian dan kejaksaan dalam Sentra Penegakan Hukum Terpadu (Gakkumdu). Bawaslu memiliki waktu terbatas untuk memutuskan apakah laporan memenuhi unsur pelanggaran.

Tim pemenangan pasangan calon yang stikernya tertempel pada paket belum memberikan tanggapan. Warta sudah menghubungi ketua tim pemenangan melalui telepon dan pesan singkat, tetapi belum mendapat jawaban hingga berita ini diturunkan.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-11-19 09:35:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-19 09:35:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-19 07:50:00') AS INTEGER),
	0
);

-- A19 (two authors, long, edited): last debate in Kota Tangerang.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'debat-terakhir-pilkada-kota-tangerang-pendidikan-dan-lapangan-kerja',
	'Debat Terakhir Pilkada Kota Tangerang: Pendidikan dan Lapangan Kerja Jadi Taruhan',
	'Pada debat pamungkas, kedua pasangan calon wali kota Tangerang beradu program sekolah gratis, pelatihan kerja, dan layanan untuk warga lanjut usia.',
	'Tangerang',
	'Debat ketiga sekaligus terakhir Pilkada Kota Tangerang digelar Rabu (20/11/2024) malam, tiga hari sebelum masa kampanye berakhir. Temanya kesejahteraan warga, mencakup pendidikan, lapangan kerja, dan perlindungan sosial.

Suasana lebih tegang dibandingkan dua debat sebelumnya. Kedua pasangan tampak menyadari bahwa ini kesempatan terakhir tampil di hadapan pemilih dalam satu panggung yang sama.

Pasangan calon nomor urut 1 membuka debat dengan janji menanggung seragam dan perlengkapan sekolah bagi siswa SD dan SMP dari keluarga kurang mampu. Mereka juga berjanji menambah ruang kelas di kecamatan yang kekurangan sekolah negeri.

Pasangan calon nomor urut 2 menitikberatkan pada lulusan SMK. Menurut mereka, banyak lulusan SMK di Tangerang yang tidak terserap industri karena keterampilannya tidak sesuai kebutuhan perusahaan.

## Saling menagih angka

Ketegangan memuncak pada segmen tanya jawab antarkandidat. Pasangan nomor urut 2 meminta lawannya menyebutkan berapa anggaran yang dibutuhkan untuk program seragam gratis dan dari pos mana dana itu diambil.

Pasangan nomor urut 1 menjawab bahwa anggaran bisa dihemat dari belanja perjalanan dinas dan acara seremonial. Jawaban itu dinilai pasangan nomor urut 2 terlalu umum.

Giliran pasangan nomor urut 1 bertanya, mereka menagih data berapa lulusan SMK yang sudah terserap lewat program pelatihan yang selama ini dijalankan mitra pasangan nomor urut 2. Pertanyaan itu dijawab dengan janji membuka data penyerapan setiap tahun.

> "Warga tidak butuh janji yang terdengar manis. Warga butuh angka yang bisa ditagih," ujar salah satu panelis saat menutup sesi pertanyaan.

## Lansia dan penyandang disabilitas

Topik warga lanjut usia dan penyandang disabilitas mendapat porsi lebih kecil. Kedua pasangan sama-sama menjanjikan layanan kesehatan yang mendatangi rumah, tetapi tidak merinci jumlah tenaga kesehatan yang akan disiapkan.

Anggota KPU Kota Tangerang, Rahmat Hidayat, mengatakan jumlah penonton siaran langsung debat ketiga lebih tinggi dibandingkan debat sebelumnya. KPU juga menyediakan juru bahasa isyarat dan teks di layar.

Setelah debat, kedua tim pemenangan mengklaim jagoannya tampil lebih meyakinkan. Pengamat yang dihubungi Warta menilai tidak ada pasangan yang benar-benar unggul, karena keduanya masih lebih banyak mengulang slogan daripada menjelaskan cara kerja program.

Masa kampanye berakhir pada Sabtu, 23 November 2024. Setelah itu, seluruh kegiatan kampanye dilarang selama masa tenang hingga hari pemungutan suara pada Rabu, 27 November 2024.

Warga yang belum menonton dapat menyaksikan rekaman ketiga debat di kanal video resmi KPU Kota Tangerang.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-11-20 16:05:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-21 02:30:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-20 14:30:00') AS INTEGER),
	0
);

-- A20 (opinion): a vote from the far end of Lebak counts the same.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'opini-suara-dari-ujung-lebak-sama-berharganya',
	'Opini: Suara dari Ujung Lebak Sama Berharganya',
	'Tulisan opini kontributor Warta, Yusuf Maulana, tentang TPS terpencil yang kerap luput dari perhatian ketika semua mata tertuju pada kota.',
	'Rangkasbitung',
	'Setiap kali hari pemungutan suara mendekat, perhatian publik tertuju pada kota: debat di hotel, baliho di perempatan, hitung cepat di layar televisi. Jarang ada yang bertanya bagaimana kotak suara sampai ke kampung di balik bukit di selatan Lebak.

Saya tumbuh di salah satu kampung itu. Dulu, petugas datang membawa kotak suara dengan berjalan kaki berjam-jam. Kini sebagian jalan sudah bisa dilalui sepeda motor, tetapi hujan sedikit saja cukup membuat perjalanan dua kali lebih lama.

Di TPS semacam itu, satu kesalahan kecil berakibat besar. Kekurangan satu lembar formulir berarti petugas harus kembali ke kecamatan. Baterai ponsel yang habis berarti foto hasil penghitungan terlambat diunggah, dan keterlambatan itu sering dicurigai sebagai kecurangan.

Karena itu, perhatian penyelenggara pada TPS terpencil tidak boleh berhenti di distribusi logistik. Petugas di sana butuh honor yang layak untuk jarak yang mereka tempuh, perangkat cadangan, dan jalur komunikasi yang jelas jika terjadi masalah.

Media juga punya pekerjaan rumah. Liputan hari pemungutan suara semestinya tidak hanya datang dari TPS tempat kandidat mencoblos, tetapi juga dari TPS yang pemilihnya harus menyeberangi sungai.

Satu suara dari ujung Lebak nilainya sama dengan satu suara di pusat kota. Sudah sepantasnya perhatian yang diberikan pun sama.

*Penulis adalah kontributor Warta di Lebak dan Pandeglang. Tulisan ini merupakan opini pribadi.*',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'opini'),
	CAST(strftime('%s', '2024-11-20 23:30:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-20 23:30:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-19 12:00:00') AS INTEGER),
	0
);

-- A21: logistics sent to the kelurahan offices of Tangerang Selatan.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'logistik-pilkada-tangerang-selatan-mulai-dikirim-ke-kelurahan',
	'Logistik Pilkada Tangerang Selatan Mulai Dikirim ke Kelurahan',
	'Kotak suara, bilik, dan surat suara yang sudah dikemas per TPS diberangkatkan dari gudang KPU ke gudang PPK dan kantor kelurahan.',
	'Tangerang Selatan',
	'Iring-iringan truk meninggalkan gudang logistik KPU Kota Tangerang Selatan, Jumat (22/11/2024) pagi. Truk-truk itu membawa perlengkapan pemungutan suara ke gudang Panitia Pemilihan Kecamatan (PPK) di tujuh kecamatan.

Setiap paket TPS berisi kotak suara, bilik suara, surat suara untuk pemilihan gubernur dan wali kota, tinta, segel, serta formulir yang dibutuhkan KPPS. Paket-paket itu sudah diberi label nomor TPS dan nama kelurahan.

Anggota KPU Tangerang Selatan, Indra Permana, mengatakan distribusi di wilayah perkotaan relatif lancar karena jarak antarkecamatan tidak jauh. Tantangannya justru kemacetan dan tempat penyimpanan yang aman di tingkat kelurahan.

"Beberapa kantor kelurahan sempit, jadi kami meminjam gedung sekolah atau aula yang bisa dikunci. Yang penting ada penjagaan 24 jam," kata Indra.

Pengawas kecamatan ikut mencocokkan isi paket dengan dokumen serah terima. Jika ada kekurangan, PPK wajib segera melapor ke KPU agar kekurangan bisa dipenuhi sebelum logistik diserahkan kepada KPPS sehari menjelang pemungutan suara.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-11-22 03:20:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-22 03:20:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-22 02:00:00') AS INTEGER),
	0
);

-- A22 (manual BACA JUGA): distributing logistics to remote villages in Lebak.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'distribusi-logistik-pilkada-ke-desa-terpencil-di-lebak-selatan',
	'Menembus Jalan Tanah, Logistik Pilkada Dikirim ke Desa Terpencil di Lebak Selatan',
	'Kotak suara diangkut dengan truk, lalu dipindahkan ke sepeda motor dan dipikul warga untuk sampai ke TPS di perbukitan selatan Lebak.',
	'Lebak',
	'Hujan baru saja reda ketika truk pengangkut logistik Pilkada berhenti di ujung jalan beraspal, Sabtu (23/11/2024) siang. Dari titik itu, kotak suara dan bilik harus dipindahkan ke sepeda motor untuk menempuh jalan tanah sejauh belasan kilometer.

Tujuannya adalah sebuah desa di perbukitan selatan Kabupaten Lebak yang memiliki beberapa TPS. Sebagian pemilih di desa itu tinggal di kampung-kampung kecil yang terpisah oleh sungai dan kebun.

Anggota KPU Lebak, Dedi Supriadi, mengatakan desa-desa seperti ini mendapat giliran distribusi paling awal. "Kalau tiba-tiba hujan deras dan jalan tidak bisa dilewati, kami masih punya waktu beberapa hari," ujarnya.

## Dipikul melewati jembatan bambu

Di satu titik, sepeda motor pun tidak bisa melintas. Warga bergotong royong memikul kotak suara yang sudah dibungkus plastik melewati jembatan bambu. Anggota Linmas dan polisi berjalan di belakang mereka.

[[baca-juga:opini-suara-dari-ujung-lebak-sama-berharganya]]

Sesampainya di desa, logistik disimpan di kantor desa dan dijaga bergantian. Kepala desa menyediakan ruangan yang bisa dikunci dan menempelkan daftar penjaga di pintunya.

Dedi menyebut KPU juga menyiapkan rencana jika jaringan telepon terputus pada hari pemungutan suara. Petugas di TPS yang sulit sinyal diminta mencatat hasil di formulir seperti biasa, lalu membawa salinannya ke titik yang ada sinyal untuk diunggah.

Bagi warga, kedatangan kotak suara menjadi tontonan tersendiri. "Setiap pemilihan selalu begini. Capek, tapi kami senang karena suara kami tetap dihitung," kata Juhana (58), warga yang ikut memikul logistik.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-11-23 08:45:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-23 08:45:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-23 06:30:00') AS INTEGER),
	0
);

-- A23: quiet period begins, campaign props taken down.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'masa-tenang-dimulai-alat-peraga-kampanye-di-serang-diturunkan',
	'Masa Tenang Dimulai, Alat Peraga Kampanye di Serang Diturunkan',
	'Petugas gabungan mencopot baliho, spanduk, dan bendera pasangan calon sejak dini hari pertama masa tenang.',
	'Serang',
	'Masa tenang Pilkada 2024 dimulai Minggu (24/11/2024). Sejak pagi, petugas gabungan dari Satpol PP, KPU, dan Bawaslu menyisir jalan-jalan utama di Kota Serang untuk menurunkan alat peraga kampanye yang masih terpasang.

Baliho berukuran besar di perempatan dicopot menggunakan truk derek, sementara spanduk di tiang listrik dan pagar diturunkan secara manual. Alat peraga yang sudah diturunkan dikumpulkan di kantor Satpol PP dan dapat diambil kembali oleh tim pasangan calon.

Koordinator divisi pencegahan Bawaslu Kota Serang, Asep Saepudin, mengatakan selama masa tenang pasangan calon, tim kampanye, dan pendukung dilarang melakukan kegiatan kampanye dalam bentuk apa pun.

Larangan itu juga berlaku di dunia maya. Bawaslu memantau akun media sosial resmi pasangan calon dan tim kampanye yang masih mengunggah ajakan memilih.

"Kami minta warga ikut mengawasi. Kalau masih ada yang membagikan bahan kampanye atau uang pada masa tenang, segera laporkan," ujar Asep.

Tim pasangan calon umumnya menyatakan sudah menginstruksikan relawan untuk mencopot sendiri alat peraganya. Namun, petugas masih menemukan stiker dan spanduk kecil di gang-gang permukiman yang belum dibersihkan.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-11-24 01:15:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-24 01:15:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-23 23:50:00') AS INTEGER),
	0
);

-- A24 (short): no survey results during the quiet period.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'lembaga-survei-dilarang-rilis-hasil-selama-masa-tenang',
	'Lembaga Survei Dilarang Rilis Hasil Selama Masa Tenang',
	'Pengumuman hasil survei elektabilitas pasangan calon dilarang pada 24 hingga 26 November. Hitung cepat pun baru boleh disiarkan setelah TPS tutup.',
	'Tangerang',
	'Selama masa tenang, lembaga survei dan media dilarang mengumumkan hasil survei tentang pasangan calon. Larangan ini berlaku pada 24 hingga 26 November 2024, termasuk untuk survei yang dilakukan sebelum masa tenang.

Pada hari pemungutan suara, hasil hitung cepat baru boleh diumumkan paling cepat dua jam setelah pemungutan suara selesai di wilayah Indonesia bagian barat. Karena TPS ditutup pukul 13.00, hasil hitung cepat di Banten baru boleh disiarkan mulai pukul 15.00 WIB.

Lembaga yang melakukan hitung cepat juga wajib terdaftar di KPU dan menyatakan sumber dana serta metodologinya. Warga diimbau tidak meneruskan tangkapan layar hasil survei yang beredar selama masa tenang, karena selain melanggar aturan, keasliannya sulit dipastikan.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'politik'),
	CAST(strftime('%s', '2024-11-24 06:00:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-24 06:00:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-24 04:30:00') AS INTEGER),
	0
);

-- A25 (fact-check, HOAKS): no invitation letter, no vote.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'cek-fakta-hoaks-pemilih-tanpa-surat-undangan-tidak-bisa-mencoblos',
	'[HOAKS] Pemilih Tanpa Surat Undangan Tidak Bisa Mencoblos pada 27 November',
	'Cek Fakta. Pesan berantai yang menyebut warga tanpa surat pemberitahuan memilih akan ditolak di TPS adalah hoaks. Pemilih yang terdaftar di DPT cukup membawa KTP elektronik.',
	'Tangerang',
	'Sebuah pesan berantai beredar di grup WhatsApp warga Tangerang dan Serang sejak Sabtu (23/11/2024). Pesan itu meminta warga yang belum menerima surat undangan memilih untuk tidak datang ke TPS karena pasti ditolak petugas.

## Klaim

Pesan tersebut berbunyi, antara lain:

> "PENTING!! Bagi yang belum dapat undangan C6 dari RT, tidak usah datang ke TPS tanggal 27, pasti ditolak KPPS karena nama sudah dicoret. Sebarkan ke keluarga!!"

Pesan tidak menyebut sumber dan tidak mencantumkan nama lembaga. Hingga Senin (25/11/2024), Warta menerima belasan permintaan pemeriksaan dari pembaca mengenai pesan ini.

## Fakta

Surat yang dimaksud dalam pesan adalah surat pemberitahuan memilih yang dibagikan KPPS kepada pemilih yang terdaftar dalam DPT. Surat itu berfungsi sebagai pemberitahuan waktu dan lokasi TPS, bukan satu-satunya syarat untuk memilih.

Anggota KPU Kota Tangerang, Rahmat Hidayat, menegaskan pemilih yang terdaftar dalam DPT tetap bisa mencoblos meski tidak menerima atau kehilangan surat pemberitahuan.

"Cukup bawa KTP elektronik ke TPS tempat namanya terdaftar. Petugas akan mencocokkan dengan daftar pemilih," kata Rahmat.

Aturan KPU juga memberi kesempatan kepada warga yang tidak terdaftar dalam DPT tetapi memiliki KTP elektronik. Mereka dapat memilih di TPS sesuai alamat KTP elektronik pada satu jam terakhir, sepanjang surat suara masih tersedia.

Tidak ada ketentuan yang memungkinkan KPPS mencoret nama pemilih hanya karena surat pemberitahuannya belum diterima. Warga juga bisa memastikan lokasi TPS-nya melalui layanan pengecekan daftar pemilih milik KPU.

## Kesimpulan

Klaim bahwa pemilih tanpa surat undangan tidak bisa mencoblos adalah **hoaks**. Pemilih yang terdaftar dalam DPT cukup membawa KTP elektronik, dan warga yang tidak terdaftar masih dapat memilih pada satu jam terakhir di TPS sesuai alamat KTP elektroniknya.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'cek-fakta'),
	CAST(strftime('%s', '2024-11-25 03:40:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-25 03:40:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-25 01:20:00') AS INTEGER),
	0
);

-- A26: quiet-period patrols against money politics in Pandeglang.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'patroli-masa-tenang-bawaslu-pandeglang-waspadai-serangan-fajar',
	'Patroli Masa Tenang, Bawaslu Pandeglang Waspadai Serangan Fajar',
	'Pengawas menyisir kampung-kampung pada malam hari untuk mencegah pembagian uang menjelang hari pemungutan suara.',
	'Pandeglang',
	'Bawaslu Kabupaten Pandeglang menggelar patroli antipolitik uang selama masa tenang. Pada Senin (25/11/2024) malam, pengawas bersama polisi dan anggota Linmas menyisir sejumlah kampung di beberapa kecamatan.

Anggota Bawaslu Pandeglang, Ujang Rohmat, mengatakan patroli difokuskan pada malam hari dan subuh menjelang pemungutan suara. Waktu-waktu itu dikenal warga sebagai saat rawan "serangan fajar", istilah untuk pembagian uang kepada pemilih.

"Kami tidak hanya berkeliling. Kami juga mengetuk pintu tokoh kampung dan mengajak mereka ikut menolak," kata Ujang.

Patroli juga membawa pengeras suara yang mengumumkan bahwa pemberi maupun penerima uang untuk memengaruhi pilihan dapat dikenai sanksi pidana. Pengumuman itu diulang di masjid dan musala setelah salat isya.

Hingga Selasa (26/11/2024) pagi, Bawaslu Pandeglang belum menerima laporan pembagian uang yang disertai bukti. Namun, pengawas menemukan beberapa spanduk kampanye yang belum diturunkan dan langsung mencopotnya.

Ujang meminta warga yang menerima tawaran uang atau barang mencatat waktu, tempat, dan orang yang menawarkan, lalu melapor ke pengawas desa atau pengawas TPS.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-11-26 02:30:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-26 02:30:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-26 00:45:00') AS INTEGER),
	0
);

-- A27 (short): 27 November is a national holiday.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'hari-pemungutan-suara-libur-layanan-publik-di-banten-menyesuaikan',
	'Hari Pemungutan Suara Libur, Layanan Publik di Banten Menyesuaikan',
	'Kantor pemerintahan dan sekolah tutup pada 27 November, sementara rumah sakit dan layanan darurat tetap buka seperti biasa.',
	'Serang',
	'Hari pemungutan suara Pilkada serentak, Rabu (27/11/2024), ditetapkan sebagai hari libur nasional. Kantor pemerintahan dan sekolah di Banten tidak melayani warga pada hari itu agar pegawai dan siswa yang sudah punya hak pilih dapat datang ke TPS.

Rumah sakit, puskesmas dengan layanan gawat darurat, pemadam kebakaran, dan layanan air bersih tetap beroperasi. Perusahaan swasta yang tetap beroperasi diminta memberi kesempatan kepada pekerjanya untuk mencoblos.

Pemilih yang dirawat di rumah sakit dan sudah terdaftar sebagai pemilih pindahan akan didatangi petugas dari TPS terdekat. Keluarga pasien diimbau menanyakan jadwal kedatangan petugas kepada pihak rumah sakit.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'daerah'),
	CAST(strftime('%s', '2024-11-26 08:20:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-26 08:20:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-26 07:00:00') AS INTEGER),
	0
);

-- A28 (featured, two authors, long, edited): voting day in Tangerang.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'hari-pemungutan-suara-warga-tangerang-antre-di-tps-sejak-pagi',
	'Hari Pemungutan Suara, Warga Tangerang Antre di TPS Sejak Pagi',
	'Pemungutan suara Pilkada 2024 di Kota dan Kabupaten Tangerang berjalan lancar pada jam-jam pertama. Sejumlah TPS sempat terlambat dibuka karena menunggu saksi.',
	'Tangerang',
	'Warga sudah mengantre di depan TPS di sebuah gang di Kecamatan Karawaci sejak pukul 06.30 WIB, Rabu (27/11/2024). Sebagian datang dengan pakaian olahraga, sebagian lagi langsung dari pasar sambil menenteng belanjaan.

Tepat pukul 07.00 WIB, ketua KPPS membuka TPS dengan pengucapan sumpah petugas. Ia lalu menunjukkan kotak suara yang masih kosong kepada saksi, pengawas TPS, dan warga yang hadir sebelum menyegelnya.

Di TPS ini, setiap pemilih menerima dua surat suara: satu untuk pemilihan gubernur dan wakil gubernur Banten, satu lagi untuk pemilihan wali kota dan wakil wali kota Tangerang. Pemilih diminta membuka lipatan surat suara untuk memeriksa kondisinya sebelum masuk bilik.

"Saya sengaja datang pagi supaya tidak antre panjang. Habis ini mau ke rumah mertua," kata Wahyuni (35), pemilih yang mendapat nomor antrean kelima.

## Terlambat karena menunggu saksi

Tidak semua TPS dibuka tepat waktu. Di Kabupaten Tangerang, beberapa TPS di Kecamatan Pasar Kemis baru mulai melayani pemilih sekitar pukul 07.30 WIB karena KPPS menunggu kedatangan saksi pasangan calon.

Anggota KPU Kabupaten Tangerang, Sri Wulandari, mengatakan keterlambatan itu tidak mengganggu jalannya pemungutan suara. KPPS tetap boleh memulai pemungutan suara meski saksi belum hadir, tetapi sebagian petugas memilih menunggu beberapa menit agar tidak timbul kecurigaan.

Pengawas TPS mencatat setiap keterlambatan dalam laporan hasil pengawasan. Bawaslu akan menilai apakah keterlambatan itu berpengaruh terhadap hak pilih warga.

## Lansia dan ibu hamil didahulukan

Di banyak TPS, petugas mendahulukan pemilih lanjut usia, ibu hamil, dan penyandang disabilitas. Sebagian TPS menyediakan kursi tunggu dan air minum di bawah tenda.

Suasana di TPS yang berdekatan dengan perumahan berbeda dengan di kawasan padat. Di perumahan, antrean cepat terurai menjelang pukul 10.00 WIB, sedangkan di permukiman padat antrean justru memanjang setelah warga selesai berbelanja.

Polisi dan anggota Linmas berjaga di setiap TPS. Hingga pukul 09.00 WIB, kepolisian setempat menyatakan belum menerima laporan gangguan keamanan.

Pemungutan suara dijadwalkan berakhir pukul 13.00 WIB. Pemilih yang tidak tercatat dalam DPT tetapi memiliki KTP elektronik dengan alamat di sekitar TPS dapat mencoblos mulai pukul 12.00 WIB, selama surat suara masih tersedia.

Setelah TPS ditutup, KPPS akan langsung menghitung suara di tempat. Warga dipersilakan menonton penghitungan, tetapi diminta tidak mengganggu jalannya proses.

**Pembaruan 13.45 WIB:** Pemungutan suara di TPS-TPS yang dipantau Warta di Kota dan Kabupaten Tangerang telah ditutup pukul 13.00 WIB. KPPS mulai menghitung suara, dimulai dari surat suara pemilihan gubernur.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-11-27 02:30:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-27 06:45:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-27 01:10:00') AS INTEGER),
	1
);

-- A29: voters with disabilities in Kota Serang.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'pemilih-disabilitas-di-kota-serang-mencoblos-didampingi-keluarga',
	'Pemilih Disabilitas di Kota Serang Mencoblos Didampingi Keluarga',
	'Sejumlah TPS di Kota Serang menyediakan jalur landai dan meja bilik yang lebih rendah, tetapi beberapa masih berada di lokasi yang sulit dijangkau kursi roda.',
	'Serang',
	'Darmin (63) tiba di TPS dekat rumahnya di Kecamatan Serang dengan kursi roda yang didorong anaknya, Rabu (27/11/2024). Petugas KPPS langsung mempersilakannya masuk tanpa antre.

Di TPS itu, meja bilik suara dibuat lebih rendah sehingga Darmin bisa mencoblos tanpa harus berdiri. Anaknya menunggu di luar bilik karena Darmin memilih mencoblos sendiri.

"Alhamdulillah gampang. Dulu saya harus digendong naik tangga karena TPS-nya di teras rumah orang," kata Darmin.

Tidak semua TPS seramah itu. Di sebuah TPS lain yang dipantau Warta, pemilih pengguna kruk harus melewati selokan dan halaman berbatu untuk mencapai bilik suara.

Pemilih disabilitas yang meminta bantuan pendamping wajib didampingi orang yang menandatangani surat pernyataan kerahasiaan. Di beberapa TPS, petugas KPPS menjelaskan aturan itu kepada keluarga pemilih sebelum mereka masuk bilik.

Anggota KPU Kota Serang, Lia Marlina, mengatakan pihaknya akan mengevaluasi lokasi TPS yang dikeluhkan. "Catatan dari pengawas dan pemilih akan menjadi bahan perbaikan untuk pemilihan berikutnya," ujarnya.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-11-27 04:50:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-27 04:50:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-27 03:35:00') AS INTEGER),
	0
);

-- A30 (manual BACA JUGA): quick count is not the official result.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'hasil-hitung-cepat-bukan-hasil-resmi-kpu-minta-warga-tunggu-rekapitulasi',
	'Hasil Hitung Cepat Bukan Hasil Resmi, KPU Minta Warga Tunggu Rekapitulasi',
	'Sejumlah lembaga survei mulai menyiarkan hasil hitung cepat sore ini. KPU mengingatkan bahwa penetapan hasil hanya berasal dari rekapitulasi berjenjang.',
	'Tangerang',
	'Hasil hitung cepat Pilkada 2024 dari beberapa lembaga survei mulai beredar setelah pukul 15.00 WIB, Rabu (27/11/2024). Di media sosial, tim pendukung pasangan calon langsung membagikan angka yang menguntungkan jagoannya masing-masing.

KPU mengingatkan bahwa hitung cepat adalah perkiraan berdasarkan sampel TPS yang dipilih lembaga survei, bukan hasil resmi. Hasil pemilihan hanya ditetapkan melalui rekapitulasi berjenjang, mulai dari kecamatan hingga KPU kabupaten, kota, dan provinsi.

[[baca-juga:lembaga-survei-dilarang-rilis-hasil-selama-masa-tenang]]

"Silakan menyimak hitung cepat sebagai informasi, tapi jangan dijadikan dasar untuk merayakan kemenangan atau memprotes kekalahan. Tunggu hasil rekapitulasi," kata anggota KPU Kota Tangerang, Rahmat Hidayat.

Ia juga meminta warga mewaspadai tangkapan layar "hasil resmi" yang beredar sebelum rekapitulasi selesai. Foto formulir hasil penghitungan di TPS memang dapat dilihat publik, tetapi angka itu masih bisa dikoreksi dalam rapat pleno jika ditemukan kekeliruan.

Kepolisian di sejumlah daerah di Banten meminta tim pendukung menahan diri dan tidak menggelar konvoi. Bawaslu juga mengingatkan saksi pasangan calon untuk mengawal rekapitulasi di setiap tingkatan dan mencatat keberatan jika ada.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-11-27 09:10:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-27 09:10:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-27 08:20:00') AS INTEGER),
	0
);

-- A31 (fact-check, SALAH): burning ballot boxes video.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'cek-fakta-salah-video-kotak-suara-dibakar-di-serang-usai-pencoblosan',
	'[SALAH] Video Kotak Suara Dibakar di Serang Usai Pencoblosan',
	'Cek Fakta. Video kardus yang terbakar itu tidak berkaitan dengan Pilkada 2024. Rekaman yang sama sudah beredar di internet dua tahun sebelumnya.',
	'Serang',
	'Sebuah video berdurasi 28 detik yang memperlihatkan tumpukan kardus terbakar beredar luas di media sosial sejak Rabu (27/11/2024) malam. Video itu dibagikan dengan narasi bahwa kotak suara di Serang sengaja dibakar setelah pencoblosan untuk menghilangkan bukti kecurangan.

## Klaim

Salah satu unggahan yang dibagikan ulang ribuan kali menyertakan keterangan:

> "Innalillahi, kotak suara di Serang dibakar malam ini biar tidak bisa dihitung ulang. Pilkada curang! Viralkan!"

## Fakta

Warta memotong video tersebut menjadi beberapa gambar diam dan menelusurinya dengan mesin pencari gambar terbalik. Hasilnya, rekaman yang sama pernah diunggah sebuah akun berbagi video pada 2022 dengan keterangan kebakaran gudang kardus bekas di luar Banten.

Pemeriksaan visual juga menunjukkan sejumlah kejanggalan:

- kardus dalam video berwarna cokelat polos, tanpa logo KPU dan tanpa label nomor TPS seperti kotak suara Pilkada 2024;
- terdengar percakapan dalam bahasa daerah yang tidak lazim digunakan di Serang;
- tidak tampak petugas KPPS, pengawas, ataupun polisi, padahal kotak suara selalu dijaga setelah penghitungan.

Anggota KPU Kabupaten Serang, Nurhasanah, yang dihubungi Warta pada Kamis (28/11/2024) menyatakan seluruh kotak suara dari TPS di wilayahnya sudah tiba dengan aman di kantor PPK untuk rekapitulasi tingkat kecamatan. Kepolisian setempat juga menyatakan tidak menerima laporan pembakaran kotak suara.

Penghitungan suara di TPS pun sudah selesai sebelum kotak suara dikirim ke kecamatan. Hasilnya dicatat dalam formulir yang salinannya dipegang saksi dan pengawas, dan fotonya diunggah ke aplikasi Sirekap, sehingga pembakaran kotak tidak akan menghapus hasil penghitungan.

## Kesimpulan

Klaim bahwa video tersebut memperlihatkan kotak suara Pilkada 2024 yang dibakar di Serang adalah **salah**. Video merupakan rekaman lama dari peristiwa lain yang diunggah ulang dengan narasi keliru.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'cek-fakta'),
	CAST(strftime('%s', '2024-11-28 01:30:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-28 01:30:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-27 23:10:00') AS INTEGER),
	0
);

-- A32: counting in remote Lebak runs into the night.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'penghitungan-suara-di-tps-pelosok-lebak-berlangsung-hingga-malam',
	'Penghitungan Suara di TPS Pelosok Lebak Berlangsung hingga Malam',
	'Diterangi lampu darurat, petugas KPPS di sebuah desa di Lebak menuntaskan penghitungan dua jenis surat suara menjelang tengah malam.',
	'Lebak',
	'Lampu darurat bertenaga aki menggantung di tiang bambu ketika ketua KPPS membacakan surat suara terakhir di sebuah TPS di Lebak selatan, Rabu (27/11/2024) malam. Listrik di kampung itu padam sejak sore karena hujan deras.

Penghitungan di TPS tersebut dimulai pukul 13.30 WIB. Petugas lebih dulu menghitung surat suara pemilihan gubernur, lalu surat suara pemilihan bupati. Setiap surat suara diangkat dan diperlihatkan kepada saksi sebelum dinyatakan sah atau tidak sah.

"Tadi sempat berhenti hampir satu jam karena hujan masuk ke tenda. Surat suara kami amankan dulu ke dalam rumah warga," kata ketua KPPS, Saepul (39).

Kesulitan lain muncul saat petugas hendak mengunggah foto formulir hasil ke aplikasi Sirekap. Sinyal telepon hilang-timbul, sehingga salah satu anggota KPPS harus naik ke bukit di belakang kampung untuk mengirimkannya.

Penghitungan selesai sekitar pukul 23.00 WIB. Kotak suara yang sudah disegel kemudian dibawa ke kantor desa, dijaga Linmas, sebelum dikirim ke kecamatan keesokan paginya.

Anggota KPU Lebak, Dedi Supriadi, mengatakan keterlambatan unggahan dari TPS di daerah sulit sinyal tidak memengaruhi hasil. "Yang menjadi dasar adalah formulir yang ditandatangani di TPS dan rekapitulasi berjenjang, bukan kecepatan unggahan," ujarnya.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'daerah'),
	CAST(strftime('%s', '2024-11-28 05:15:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-28 05:15:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-28 03:00:00') AS INTEGER),
	0
);

-- A33 (fact-check, MENYESATKAN, manual BACA JUGA): election ink and bleach.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'cek-fakta-menyesatkan-tinta-pemilu-bisa-dihapus-pemutih-untuk-mencoblos-dua-kali',
	'[MENYESATKAN] Tinta Pemilu Bisa Dihapus dengan Pemutih agar Bisa Mencoblos Dua Kali',
	'Cek Fakta. Warna tinta memang bisa memudar jika digosok keras, tetapi klaim bahwa pemilih lalu bisa mencoblos dua kali mengabaikan pengamanan lain di TPS.',
	'Tangerang',
	'Setelah hari pemungutan suara, beredar video pendek yang memperlihatkan seseorang menggosok jarinya dengan cairan pemutih hingga bekas tinta tampak memudar. Video itu disertai narasi bahwa pemilih bisa mencoblos lagi di TPS lain setelah menghapus tinta.

## Klaim

Narasi yang menyertai video berbunyi:

> "Ini buktinya tinta pemilu bisa hilang pakai pemutih. Makanya banyak yang nyoblos dua kali. Pilkada kemarin tidak sah!"

## Fakta

Tinta pemilu mengandung zat yang meresap ke kulit dan kuku sehingga tidak mudah hilang dengan sabun dalam beberapa hari. Menggosoknya dengan bahan kimia keras memang bisa membuat warnanya memudar, dan sebagian kecil bekas tinta di tepi kuku tetap tertinggal.

Namun, tinta bukan satu-satunya pengaman agar seorang pemilih hanya mencoblos sekali. Anggota KPU Kota Tangerang, Rahmat Hidayat, menjelaskan pengamanan lain yang berlaku di setiap TPS:

1. Setiap pemilih hanya terdaftar di satu TPS, dan namanya ditandai dalam daftar hadir saat datang.
2. Pemilih yang tidak terdaftar hanya bisa memilih pada satu jam terakhir di TPS sesuai alamat KTP elektroniknya, dan identitasnya dicatat.
3. KPPS memeriksa jari pemilih sebelum memberikan surat suara.
4. Saksi pasangan calon dan pengawas TPS ikut mengawasi siapa saja yang datang.

Memberikan suara lebih dari satu kali juga merupakan tindak pidana pemilihan. Hingga Jumat (29/11/2024), Bawaslu di Kota dan Kabupaten Tangerang menyatakan tidak menerima laporan pemilih yang mencoblos dua kali.

[[baca-juga:cek-fakta-hoaks-pemilih-tanpa-surat-undangan-tidak-bisa-mencoblos]]

Video tersebut juga tidak menunjukkan kapan dan di mana direkam, serta tidak memperlihatkan upaya mencoblos untuk kedua kalinya di TPS mana pun.

## Kesimpulan

Klaim bahwa tinta pemilu bisa dihapus sehingga pemilih dapat mencoblos dua kali adalah **menyesatkan**. Warna tinta memang dapat memudar, tetapi pencegahan pemilih ganda bergantung pada daftar pemilih, daftar hadir, dan pengawasan di TPS. Klaim bahwa Pilkada tidak sah karena hal ini tidak didukung bukti.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'cek-fakta'),
	CAST(strftime('%s', '2024-11-29 03:00:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-29 03:00:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-29 00:45:00') AS INTEGER),
	0
);

-- A34: district-level recapitulation in Kota Tangerang.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'rekapitulasi-suara-tingkat-kecamatan-di-kota-tangerang-dimulai',
	'Rekapitulasi Suara Tingkat Kecamatan di Kota Tangerang Dimulai',
	'Panitia Pemilihan Kecamatan membuka kotak suara satu per satu dan mencocokkan formulir hasil dari setiap TPS di hadapan saksi.',
	'Tangerang',
	'Rapat pleno rekapitulasi hasil penghitungan suara tingkat kecamatan di Kota Tangerang dimulai serentak, Sabtu (30/11/2024). Di salah satu kecamatan, rapat digelar di aula kantor camat yang disulap menjadi ruang rekapitulasi dengan layar proyektor besar.

Anggota PPK membacakan angka dari formulir hasil setiap TPS, lalu menayangkannya di layar agar bisa dicocokkan saksi pasangan calon. Jika ada perbedaan antara salinan yang dipegang saksi dan formulir yang dibacakan, kotak suara TPS tersebut dibuka untuk dicek.

Hingga sore, rekapitulasi di kecamatan itu baru menuntaskan sekitar sepertiga dari seluruh TPS. Sebagian besar waktu habis untuk mencocokkan jumlah pemilih dengan jumlah surat suara yang terpakai.

Seorang saksi pasangan calon sempat meminta penghitungan ulang untuk dua TPS karena jumlah suara tidak sah dinilai terlalu banyak. Setelah kotak dibuka dan surat suara dihitung ulang, angkanya ternyata sesuai dengan formulir.

Bawaslu Kota Tangerang menempatkan pengawas di setiap lokasi rekapitulasi. Hasil rekapitulasi kecamatan akan dibawa ke rapat pleno KPU Kota Tangerang untuk penetapan hasil pemilihan wali kota, sedangkan hasil pemilihan gubernur diteruskan ke KPU Provinsi Banten.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-11-30 07:00:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-30 07:00:00') AS INTEGER),
	CAST(strftime('%s', '2024-11-30 05:20:00') AS INTEGER),
	0
);

-- A35: re-vote at one polling station in Pandeglang.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'pemungutan-suara-ulang-digelar-di-satu-tps-di-pandeglang',
	'Pemungutan Suara Ulang Digelar di Satu TPS di Pandeglang',
	'Pemungutan suara ulang dilakukan setelah pengawas menemukan dua orang yang tidak terdaftar mencoblos memakai surat pemberitahuan milik orang lain.',
	'Pandeglang',
	'KPU Kabupaten Pandeglang menggelar pemungutan suara ulang (PSU) di satu TPS di sebuah desa di Pandeglang, Senin (2/12/2024). PSU dilakukan berdasarkan rekomendasi Bawaslu setelah pengawas menemukan pelanggaran pada hari pemungutan suara.

Anggota Bawaslu Pandeglang, Ujang Rohmat, mengatakan dua orang yang tidak terdaftar di TPS tersebut ikut mencoblos dengan menggunakan surat pemberitahuan milik warga lain. Keduanya tidak menunjukkan KTP elektronik, dan KPPS tidak mencocokkan identitas mereka.

"Jumlahnya memang hanya dua suara, tapi aturannya jelas. Jika ada pemilih yang tidak berhak ikut mencoblos, pemungutan suara di TPS itu harus diulang," kata Ujang.

Pada PSU, seluruh pemilih di TPS tersebut diundang kembali untuk mencoblos surat suara baru. Petugas KPPS diganti sebagian, dan pengawasan diperketat dengan kehadiran pengawas dari tingkat kabupaten.

Anggota KPU Pandeglang, Euis Komalasari, mengatakan tingkat kehadiran pada PSU lebih rendah dibandingkan hari pemungutan suara karena sebagian warga sudah kembali bekerja. Hasil PSU akan menggantikan hasil penghitungan sebelumnya di TPS tersebut dalam rekapitulasi tingkat kecamatan.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-12-02 10:30:00') AS INTEGER),
	CAST(strftime('%s', '2024-12-02 10:30:00') AS INTEGER),
	CAST(strftime('%s', '2024-12-02 08:40:00') AS INTEGER),
	0
);

-- A36 (long): KPU Kota Serang finishes the recapitulation.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'rekapitulasi-kpu-kota-serang-rampung-partisipasi-pemilih-turun',
	'Rekapitulasi KPU Kota Serang Rampung, Partisipasi Pemilih Turun',
	'Rapat pleno terbuka KPU Kota Serang menetapkan hasil pemilihan wali kota setelah dua hari. Tingkat kehadiran pemilih lebih rendah dibandingkan Pemilu Februari 2024.',
	'Serang',
	'KPU Kota Serang menuntaskan rapat pleno terbuka rekapitulasi hasil penghitungan suara Pilkada 2024, Rabu (4/12/2024) malam. Rapat yang berlangsung dua hari itu dihadiri saksi ketiga pasangan calon, Bawaslu, dan perwakilan kepolisian.

Rekapitulasi dilakukan dengan membacakan hasil dari setiap kecamatan yang sebelumnya sudah ditetapkan PPK. Angka-angka itu ditayangkan di layar dan dicocokkan dengan salinan yang dipegang saksi.

Hasil perolehan suara ketiga pasangan calon dituangkan dalam berita acara yang ditandatangani anggota KPU dan saksi yang hadir. Salinan berita acara diserahkan kepada saksi dan Bawaslu, dan hasilnya diumumkan melalui kanal resmi KPU Kota Serang.

## Saksi mencatat keberatan

Pleno sempat diskors beberapa kali. Saksi salah satu pasangan calon mempersoalkan selisih jumlah pemilih di dua kelurahan, yang menurut mereka tidak sesuai dengan daftar hadir.

Setelah dilakukan pencocokan dokumen, KPU menyatakan selisih tersebut berasal dari kekeliruan penjumlahan di tingkat PPK dan sudah dikoreksi tanpa mengubah perolehan suara pasangan calon. Saksi tetap mencatatkan keberatannya dalam formulir kejadian khusus.

Anggota KPU Kota Serang, Lia Marlina, mengatakan pencatatan keberatan merupakan hak saksi. "Semua keberatan kami catat dan kami jawab di forum. Itu bagian dari keterbukaan," ujarnya.

## Kehadiran pemilih menurun

Dari data rekapitulasi, tingkat partisipasi pemilih di Kota Serang berada di kisaran 65 persen. Angka itu lebih rendah dibandingkan kehadiran pemilih pada Pemilu Februari 2024.

Lia menduga jarak waktu yang berdekatan antara pemilu dan pilkada membuat sebagian warga jenuh. Selain itu, banyak pekerja yang berdomisili di Kota Serang tetapi bekerja di luar kota tidak sempat pulang meski hari pemungutan suara diliburkan.

Pengajar ilmu politik di sebuah perguruan tinggi di Serang, Ratna Juwita, menilai penurunan partisipasi perlu dibaca lebih jauh. "Jangan buru-buru menyalahkan pemilih. Perlu dicek juga apakah sosialisasi sampai ke kelompok pekerja dan pemilih muda," katanya.

Jumlah suara tidak sah juga menjadi perhatian. Sebagian besar surat suara tidak sah dicoblos lebih dari satu kotak pasangan calon atau dibiarkan kosong.

Penetapan ini menjadi dasar bagi pasangan calon yang keberatan untuk mengajukan permohonan perselisihan hasil ke Mahkamah Konstitusi. Jika tidak ada permohonan, KPU akan melanjutkan ke tahapan penetapan pasangan calon terpilih.

Sementara itu, rekapitulasi hasil pemilihan gubernur dari seluruh kabupaten dan kota di Banten akan dilanjutkan di tingkat KPU Provinsi Banten.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	CAST(strftime('%s', '2024-12-04 13:10:00') AS INTEGER),
	CAST(strftime('%s', '2024-12-05 01:20:00') AS INTEGER),
	CAST(strftime('%s', '2024-12-04 11:45:00') AS INTEGER),
	0
);

-- A37: three working days to file a dispute at the Constitutional Court.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'tiga-hari-kerja-untuk-menggugat-hasil-pilkada-ke-mahkamah-konstitusi',
	'Tiga Hari Kerja untuk Menggugat Hasil Pilkada ke Mahkamah Konstitusi',
	'Pasangan calon yang tidak menerima hasil rekapitulasi hanya punya waktu singkat untuk mengajukan permohonan perselisihan hasil.',
	'Serang',
	'Setelah KPU kabupaten dan kota di Banten menetapkan hasil rekapitulasi, perhatian beralih ke Mahkamah Konstitusi (MK). Pasangan calon yang keberatan dengan hasil pemilihan dapat mengajukan permohonan perselisihan hasil ke MK.

Batas waktunya pendek. Permohonan harus diajukan paling lambat tiga hari kerja sejak KPU mengumumkan penetapan perolehan suara hasil pemilihan. Untuk pemilihan bupati dan wali kota, yang menjadi dasar adalah penetapan oleh KPU kabupaten atau kota, sedangkan untuk pemilihan gubernur adalah penetapan oleh KPU provinsi.

Undang-undang pilkada juga mengatur ambang batas selisih suara untuk mengajukan permohonan, yakni antara 0,5 hingga 2 persen, tergantung jumlah penduduk di daerah tersebut. Semakin besar jumlah penduduk, semakin kecil ambang batas selisihnya.

Pengajar hukum tata negara di sebuah kampus di Serang, Irfan Maulana, mengingatkan bahwa permohonan ke MK harus disertai bukti yang kuat. "Tidak cukup dengan rasa tidak puas atau potongan video di media sosial. Bukti formulir dan keterangan saksi menjadi kunci," katanya.

Selama proses di MK, penetapan pasangan calon terpilih di daerah yang digugat ditunda sampai ada putusan. Daerah yang tidak digugat dapat langsung melanjutkan ke tahap penetapan pasangan calon terpilih.',
	'',
	'published',
	(SELECT id FROM sections WHERE slug = 'politik'),
	CAST(strftime('%s', '2024-12-05 04:00:00') AS INTEGER),
	CAST(strftime('%s', '2024-12-05 04:00:00') AS INTEGER),
	CAST(strftime('%s', '2024-12-05 02:15:00') AS INTEGER),
	0
);

-- A38 (SCHEDULED, goes live 30 days after loading): what is left until
-- the inauguration.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'tahapan-tersisa-menuju-pelantikan-kepala-daerah-terpilih',
	'Tahapan yang Tersisa Menuju Pelantikan Kepala Daerah Terpilih',
	'Setelah rekapitulasi dan sengketa hasil, masih ada beberapa langkah sebelum kepala daerah hasil Pilkada 2024 di Banten resmi menjabat.',
	'Serang',
	'Hari pemungutan suara hanyalah satu titik dalam rangkaian panjang Pilkada 2024. Setelah rekapitulasi selesai, masih ada beberapa tahapan sebelum gubernur, bupati, dan wali kota terpilih resmi memimpin daerahnya.

Berikut tahapan yang tersisa secara garis besar:

1. **Penyelesaian sengketa hasil.** Daerah yang hasilnya digugat menunggu putusan Mahkamah Konstitusi. Putusan itu bisa menguatkan hasil, memerintahkan penghitungan ulang, atau memerintahkan pemungutan suara ulang.
2. **Penetapan pasangan calon terpilih.** KPU provinsi, kabupaten, atau kota menetapkan pasangan calon terpilih dalam rapat pleno terbuka.
3. **Pengusulan pengesahan.** DPRD mengusulkan pengesahan pengangkatan pasangan calon terpilih kepada pemerintah pusat.
4. **Pelantikan.** Kepala daerah dan wakilnya dilantik sesuai jadwal yang ditetapkan pemerintah pusat.

Di daerah yang tidak digugat, penetapan pasangan calon terpilih dapat dilakukan lebih cepat. Namun, pelantikan tetap mengikuti jadwal serentak yang diatur pemerintah.

Selama menunggu pelantikan, pemerintahan daerah tetap berjalan di bawah kepala daerah yang masih menjabat atau penjabat yang ditunjuk. Pergantian pejabat di lingkungan pemerintah daerah pada masa transisi pun dibatasi oleh aturan.

Warta akan terus mengikuti setiap tahapan tersebut di delapan kabupaten dan kota di Banten.',
	'',
	'scheduled',
	(SELECT id FROM sections WHERE slug = 'politik'),
	CAST(strftime('%s', 'now', '+30 days') AS INTEGER),
	CAST(strftime('%s', '2024-12-05 09:30:00') AS INTEGER),
	CAST(strftime('%s', '2024-12-05 08:00:00') AS INTEGER),
	0
);

-- A39 (DRAFT): campaign finance reports, waiting for confirmation.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'laporan-dana-kampanye-pasangan-calon-wali-kota-tangerang',
	'Laporan Dana Kampanye Pasangan Calon Wali Kota Tangerang Diaudit',
	'Kantor akuntan publik mulai mengaudit laporan penerimaan dan pengeluaran dana kampanye pasangan calon wali kota Tangerang.',
	'Tangerang',
	'KPU Kota Tangerang menyerahkan laporan penerimaan dan pengeluaran dana kampanye kedua pasangan calon kepada kantor akuntan publik untuk diaudit. Hasil audit akan diumumkan kepada publik.

Dalam laporan awal, sumbangan dari perseorangan dan badan usaha menjadi sumber penerimaan terbesar kedua pasangan. Pengeluaran terbanyak dipakai untuk pertemuan tatap muka dan pembuatan bahan kampanye.

Catatan untuk redaktur: angka penerimaan dan pengeluaran masih menunggu konfirmasi tertulis dari KPU Kota Tangerang. Tim pemenangan kedua pasangan belum dihubungi.',
	'',
	'draft',
	(SELECT id FROM sections WHERE slug = 'pilkada-2024'),
	NULL,
	CAST(strftime('%s', '2024-12-03 10:10:00') AS INTEGER),
	CAST(strftime('%s', '2024-12-03 09:00:00') AS INTEGER),
	0
);

-- A40 (DRAFT): the youngest polling station officer in Cilegon.
INSERT INTO articles (slug, title, lead, dateline, body_md, body_html, status,
	section_id, published_at, updated_at, created_at, featured)
VALUES (
	'kisah-petugas-kpps-termuda-di-cilegon',
	'Kisah Petugas KPPS Termuda di Cilegon',
	'Baru lulus SMA, ia menjadi anggota KPPS dan ikut menghitung suara hingga larut malam.',
	'Cilegon',
	'Usianya baru 18 tahun ketika dilantik menjadi anggota KPPS di kelurahannya. Pada hari pemungutan suara, ia bertugas di meja pendaftaran dan mencocokkan nama pemilih dengan daftar hadir.

Ia mengaku sempat gugup ketika antrean memanjang pada pagi hari. "Untung ketua KPPS sabar mengajari," katanya.

Catatan untuk redaktur: nama lengkap dan foto menunggu izin orang tua narasumber. Tambahkan keterangan dari KPU Cilegon soal jumlah anggota KPPS berusia di bawah 20 tahun.',
	'',
	'draft',
	(SELECT id FROM sections WHERE slug = 'daerah'),
	NULL,
	CAST(strftime('%s', '2024-12-05 06:40:00') AS INTEGER),
	CAST(strftime('%s', '2024-12-04 07:15:00') AS INTEGER),
	0
);

-- ---------------------------------------------------------------------------
-- Bylines, in byline order. A LEFT JOIN turns a misspelt slug into a NULL
-- id, which the NOT NULL columns refuse, so a typo fails the load loudly.
-- ---------------------------------------------------------------------------
WITH v (article, author, position) AS (VALUES
	('kpu-banten-gandeng-asosiasi-media-lokal-lawan-hoaks-pilkada', 'arsyad-ramadhan', 0),
	('kpu-banten-gandeng-asosiasi-media-lokal-lawan-hoaks-pilkada', 'rina-kartikasari', 1),
	('pemilih-pindahan-di-lebak-diminta-segera-urus-dptb', 'yusuf-maulana', 0),
	('debat-perdana-pilkada-kota-tangerang-soroti-banjir-dan-kemacetan', 'arsyad-ramadhan', 0),
	('surat-suara-pilkada-tiba-di-gudang-kpu-kabupaten-serang', 'nur-aini-safitri', 0),
	('ratusan-warga-sortir-dan-lipat-surat-suara-di-kota-tangerang', 'bagus-prasetyo', 0),
	('kpu-tangerang-selatan-sasar-pemilih-pemula-di-sekolah', 'bagus-prasetyo', 0),
	('bawaslu-kota-serang-petakan-tps-rawan', 'nur-aini-safitri', 0),
	('asn-cilegon-diingatkan-jaga-netralitas-di-media-sosial', 'nur-aini-safitri', 0),
	('iklan-kampanye-di-media-massa-hanya-boleh-tayang-14-hari', 'arsyad-ramadhan', 0),
	('pemilih-tunanetra-di-pandeglang-berlatih-memakai-templat-braille', 'yusuf-maulana', 0),
	('debat-kedua-pilkada-kota-serang-adu-gagasan-pelayanan-publik', 'nur-aini-safitri', 0),
	('debat-pilkada-cilegon-soroti-industri-dan-lapangan-kerja', 'nur-aini-safitri', 0),
	('debat-pilkada-cilegon-soroti-industri-dan-lapangan-kerja', 'arsyad-ramadhan', 1),
	('opini-grup-whatsapp-keluarga-garis-depan-melawan-hoaks-pilkada', 'rina-kartikasari', 0),
	('petugas-kpps-di-kabupaten-tangerang-jalani-pemeriksaan-kesehatan', 'bagus-prasetyo', 0),
	('simulasi-pemungutan-suara-di-kota-serang-ungkap-antrean-panjang', 'nur-aini-safitri', 0),
	('kotak-suara-kardus-di-pesisir-pandeglang-dilapisi-plastik', 'yusuf-maulana', 0),
	('cek-nama-di-dpt-kpu-imbau-warga-gunakan-layanan-daring', 'bagus-prasetyo', 0),
	('bawaslu-kota-tangerang-telusuri-laporan-bagi-bagi-sembako', 'arsyad-ramadhan', 0),
	('debat-terakhir-pilkada-kota-tangerang-pendidikan-dan-lapangan-kerja', 'arsyad-ramadhan', 0),
	('debat-terakhir-pilkada-kota-tangerang-pendidikan-dan-lapangan-kerja', 'bagus-prasetyo', 1),
	('opini-suara-dari-ujung-lebak-sama-berharganya', 'yusuf-maulana', 0),
	('logistik-pilkada-tangerang-selatan-mulai-dikirim-ke-kelurahan', 'bagus-prasetyo', 0),
	('distribusi-logistik-pilkada-ke-desa-terpencil-di-lebak-selatan', 'yusuf-maulana', 0),
	('masa-tenang-dimulai-alat-peraga-kampanye-di-serang-diturunkan', 'nur-aini-safitri', 0),
	('lembaga-survei-dilarang-rilis-hasil-selama-masa-tenang', 'arsyad-ramadhan', 0),
	('cek-fakta-hoaks-pemilih-tanpa-surat-undangan-tidak-bisa-mencoblos', 'rina-kartikasari', 0),
	('patroli-masa-tenang-bawaslu-pandeglang-waspadai-serangan-fajar', 'yusuf-maulana', 0),
	('hari-pemungutan-suara-libur-layanan-publik-di-banten-menyesuaikan', 'nur-aini-safitri', 0),
	('hari-pemungutan-suara-warga-tangerang-antre-di-tps-sejak-pagi', 'arsyad-ramadhan', 0),
	('hari-pemungutan-suara-warga-tangerang-antre-di-tps-sejak-pagi', 'bagus-prasetyo', 1),
	('pemilih-disabilitas-di-kota-serang-mencoblos-didampingi-keluarga', 'nur-aini-safitri', 0),
	('hasil-hitung-cepat-bukan-hasil-resmi-kpu-minta-warga-tunggu-rekapitulasi', 'arsyad-ramadhan', 0),
	('cek-fakta-salah-video-kotak-suara-dibakar-di-serang-usai-pencoblosan', 'rina-kartikasari', 0),
	('cek-fakta-salah-video-kotak-suara-dibakar-di-serang-usai-pencoblosan', 'nur-aini-safitri', 1),
	('penghitungan-suara-di-tps-pelosok-lebak-berlangsung-hingga-malam', 'yusuf-maulana', 0),
	('cek-fakta-menyesatkan-tinta-pemilu-bisa-dihapus-pemutih-untuk-mencoblos-dua-kali', 'rina-kartikasari', 0),
	('rekapitulasi-suara-tingkat-kecamatan-di-kota-tangerang-dimulai', 'bagus-prasetyo', 0),
	('pemungutan-suara-ulang-digelar-di-satu-tps-di-pandeglang', 'yusuf-maulana', 0),
	('rekapitulasi-kpu-kota-serang-rampung-partisipasi-pemilih-turun', 'nur-aini-safitri', 0),
	('tiga-hari-kerja-untuk-menggugat-hasil-pilkada-ke-mahkamah-konstitusi', 'arsyad-ramadhan', 0),
	('tahapan-tersisa-menuju-pelantikan-kepala-daerah-terpilih', 'arsyad-ramadhan', 0),
	('laporan-dana-kampanye-pasangan-calon-wali-kota-tangerang', 'bagus-prasetyo', 0),
	('kisah-petugas-kpps-termuda-di-cilegon', 'nur-aini-safitri', 0)
)
INSERT INTO article_authors (article_id, author_id, position)
SELECT a.id, u.id, v.position FROM v
LEFT JOIN articles a ON a.slug = v.article
LEFT JOIN authors u ON u.slug = v.author;

-- Tags, in display order.
WITH v (article, tag, position) AS (VALUES
	('kpu-banten-gandeng-asosiasi-media-lokal-lawan-hoaks-pilkada', 'kpu', 0),
	('kpu-banten-gandeng-asosiasi-media-lokal-lawan-hoaks-pilkada', 'hoaks', 1),
	('kpu-banten-gandeng-asosiasi-media-lokal-lawan-hoaks-pilkada', 'banten', 2),
	('kpu-banten-gandeng-asosiasi-media-lokal-lawan-hoaks-pilkada', 'pendidikan-pemilih', 3),
	('pemilih-pindahan-di-lebak-diminta-segera-urus-dptb', 'dpt', 0),
	('pemilih-pindahan-di-lebak-diminta-segera-urus-dptb', 'kpu', 1),
	('pemilih-pindahan-di-lebak-diminta-segera-urus-dptb', 'lebak', 2),
	('debat-perdana-pilkada-kota-tangerang-soroti-banjir-dan-kemacetan', 'debat-kandidat', 0),
	('debat-perdana-pilkada-kota-tangerang-soroti-banjir-dan-kemacetan', 'tangerang', 1),
	('debat-perdana-pilkada-kota-tangerang-soroti-banjir-dan-kemacetan', 'kampanye', 2),
	('surat-suara-pilkada-tiba-di-gudang-kpu-kabupaten-serang', 'logistik-pemilu', 0),
	('surat-suara-pilkada-tiba-di-gudang-kpu-kabupaten-serang', 'surat-suara', 1),
	('surat-suara-pilkada-tiba-di-gudang-kpu-kabupaten-serang', 'serang', 2),
	('ratusan-warga-sortir-dan-lipat-surat-suara-di-kota-tangerang', 'logistik-pemilu', 0),
	('ratusan-warga-sortir-dan-lipat-surat-suara-di-kota-tangerang', 'surat-suara', 1),
	('ratusan-warga-sortir-dan-lipat-surat-suara-di-kota-tangerang', 'tangerang', 2),
	('kpu-tangerang-selatan-sasar-pemilih-pemula-di-sekolah', 'pemilih-pemula', 0),
	('kpu-tangerang-selatan-sasar-pemilih-pemula-di-sekolah', 'pendidikan-pemilih', 1),
	('kpu-tangerang-selatan-sasar-pemilih-pemula-di-sekolah', 'tangerang-selatan', 2),
	('kpu-tangerang-selatan-sasar-pemilih-pemula-di-sekolah', 'kpu', 3),
	('kpu-tangerang-selatan-sasar-pemilih-pemula-di-sekolah', 'dpt', 4),
	('bawaslu-kota-serang-petakan-tps-rawan', 'bawaslu', 0),
	('bawaslu-kota-serang-petakan-tps-rawan', 'tps', 1),
	('bawaslu-kota-serang-petakan-tps-rawan', 'politik-uang', 2),
	('bawaslu-kota-serang-petakan-tps-rawan', 'serang', 3),
	('asn-cilegon-diingatkan-jaga-netralitas-di-media-sosial', 'netralitas-asn', 0),
	('asn-cilegon-diingatkan-jaga-netralitas-di-media-sosial', 'bawaslu', 1),
	('asn-cilegon-diingatkan-jaga-netralitas-di-media-sosial', 'cilegon', 2),
	('iklan-kampanye-di-media-massa-hanya-boleh-tayang-14-hari', 'kampanye', 0),
	('iklan-kampanye-di-media-massa-hanya-boleh-tayang-14-hari', 'masa-tenang', 1),
	('iklan-kampanye-di-media-massa-hanya-boleh-tayang-14-hari', 'kpu', 2),
	('pemilih-tunanetra-di-pandeglang-berlatih-memakai-templat-braille', 'disabilitas', 0),
	('pemilih-tunanetra-di-pandeglang-berlatih-memakai-templat-braille', 'pendidikan-pemilih', 1),
	('pemilih-tunanetra-di-pandeglang-berlatih-memakai-templat-braille', 'surat-suara', 2),
	('pemilih-tunanetra-di-pandeglang-berlatih-memakai-templat-braille', 'pandeglang', 3),
	('debat-kedua-pilkada-kota-serang-adu-gagasan-pelayanan-publik', 'debat-kandidat', 0),
	('debat-kedua-pilkada-kota-serang-adu-gagasan-pelayanan-publik', 'serang', 1),
	('debat-kedua-pilkada-kota-serang-adu-gagasan-pelayanan-publik', 'kampanye', 2),
	('debat-pilkada-cilegon-soroti-industri-dan-lapangan-kerja', 'debat-kandidat', 0),
	('debat-pilkada-cilegon-soroti-industri-dan-lapangan-kerja', 'cilegon', 1),
	('debat-pilkada-cilegon-soroti-industri-dan-lapangan-kerja', 'kampanye', 2),
	('opini-grup-whatsapp-keluarga-garis-depan-melawan-hoaks-pilkada', 'hoaks', 0),
	('opini-grup-whatsapp-keluarga-garis-depan-melawan-hoaks-pilkada', 'pendidikan-pemilih', 1),
	('petugas-kpps-di-kabupaten-tangerang-jalani-pemeriksaan-kesehatan', 'kpps', 0),
	('petugas-kpps-di-kabupaten-tangerang-jalani-pemeriksaan-kesehatan', 'tangerang', 1),
	('simulasi-pemungutan-suara-di-kota-serang-ungkap-antrean-panjang', 'simulasi-pemungutan-suara', 0),
	('simulasi-pemungutan-suara-di-kota-serang-ungkap-antrean-panjang', 'tps', 1),
	('simulasi-pemungutan-suara-di-kota-serang-ungkap-antrean-panjang', 'kpu', 2),
	('simulasi-pemungutan-suara-di-kota-serang-ungkap-antrean-panjang', 'serang', 3),
	('kotak-suara-kardus-di-pesisir-pandeglang-dilapisi-plastik', 'kotak-suara', 0),
	('kotak-suara-kardus-di-pesisir-pandeglang-dilapisi-plastik', 'logistik-pemilu', 1),
	('kotak-suara-kardus-di-pesisir-pandeglang-dilapisi-plastik', 'pandeglang', 2),
	('cek-nama-di-dpt-kpu-imbau-warga-gunakan-layanan-daring', 'dpt', 0),
	('cek-nama-di-dpt-kpu-imbau-warga-gunakan-layanan-daring', 'kpu', 1),
	('cek-nama-di-dpt-kpu-imbau-warga-gunakan-layanan-daring', 'pemilih-pemula', 2),
	('cek-nama-di-dpt-kpu-imbau-warga-gunakan-layanan-daring', 'tangerang', 3),
	('bawaslu-kota-tangerang-telusuri-laporan-bagi-bagi-sembako', 'bawaslu', 0),
	('bawaslu-kota-tangerang-telusuri-laporan-bagi-bagi-sembako', 'politik-uang', 1),
	('bawaslu-kota-tangerang-telusuri-laporan-bagi-bagi-sembako', 'tangerang', 2),
	('debat-terakhir-pilkada-kota-tangerang-pendidikan-dan-lapangan-kerja', 'debat-kandidat', 0),
	('debat-terakhir-pilkada-kota-tangerang-pendidikan-dan-lapangan-kerja', 'tangerang', 1),
	('debat-terakhir-pilkada-kota-tangerang-pendidikan-dan-lapangan-kerja', 'kampanye', 2),
	('opini-suara-dari-ujung-lebak-sama-berharganya', 'lebak', 0),
	('opini-suara-dari-ujung-lebak-sama-berharganya', 'logistik-pemilu', 1),
	('opini-suara-dari-ujung-lebak-sama-berharganya', 'tps', 2),
	('logistik-pilkada-tangerang-selatan-mulai-dikirim-ke-kelurahan', 'logistik-pemilu', 0),
	('logistik-pilkada-tangerang-selatan-mulai-dikirim-ke-kelurahan', 'kotak-suara', 1),
	('logistik-pilkada-tangerang-selatan-mulai-dikirim-ke-kelurahan', 'tangerang-selatan', 2),
	('distribusi-logistik-pilkada-ke-desa-terpencil-di-lebak-selatan', 'logistik-pemilu', 0),
	('distribusi-logistik-pilkada-ke-desa-terpencil-di-lebak-selatan', 'kotak-suara', 1),
	('distribusi-logistik-pilkada-ke-desa-terpencil-di-lebak-selatan', 'surat-suara', 2),
	('distribusi-logistik-pilkada-ke-desa-terpencil-di-lebak-selatan', 'lebak', 3),
	('masa-tenang-dimulai-alat-peraga-kampanye-di-serang-diturunkan', 'masa-tenang', 0),
	('masa-tenang-dimulai-alat-peraga-kampanye-di-serang-diturunkan', 'bawaslu', 1),
	('masa-tenang-dimulai-alat-peraga-kampanye-di-serang-diturunkan', 'kampanye', 2),
	('masa-tenang-dimulai-alat-peraga-kampanye-di-serang-diturunkan', 'serang', 3),
	('lembaga-survei-dilarang-rilis-hasil-selama-masa-tenang', 'masa-tenang', 0),
	('lembaga-survei-dilarang-rilis-hasil-selama-masa-tenang', 'survei', 1),
	('lembaga-survei-dilarang-rilis-hasil-selama-masa-tenang', 'quick-count', 2),
	('cek-fakta-hoaks-pemilih-tanpa-surat-undangan-tidak-bisa-mencoblos', 'hoaks', 0),
	('cek-fakta-hoaks-pemilih-tanpa-surat-undangan-tidak-bisa-mencoblos', 'dpt', 1),
	('cek-fakta-hoaks-pemilih-tanpa-surat-undangan-tidak-bisa-mencoblos', 'tps', 2),
	('cek-fakta-hoaks-pemilih-tanpa-surat-undangan-tidak-bisa-mencoblos', 'tangerang', 3),
	('patroli-masa-tenang-bawaslu-pandeglang-waspadai-serangan-fajar', 'politik-uang', 0),
	('patroli-masa-tenang-bawaslu-pandeglang-waspadai-serangan-fajar', 'masa-tenang', 1),
	('patroli-masa-tenang-bawaslu-pandeglang-waspadai-serangan-fajar', 'bawaslu', 2),
	('patroli-masa-tenang-bawaslu-pandeglang-waspadai-serangan-fajar', 'pandeglang', 3),
	('hari-pemungutan-suara-libur-layanan-publik-di-banten-menyesuaikan', 'tps', 0),
	('hari-pemungutan-suara-libur-layanan-publik-di-banten-menyesuaikan', 'banten', 1),
	('hari-pemungutan-suara-warga-tangerang-antre-di-tps-sejak-pagi', 'tps', 0),
	('hari-pemungutan-suara-warga-tangerang-antre-di-tps-sejak-pagi', 'kpps', 1),
	('hari-pemungutan-suara-warga-tangerang-antre-di-tps-sejak-pagi', 'tangerang', 2),
	('hari-pemungutan-suara-warga-tangerang-antre-di-tps-sejak-pagi', 'banten', 3),
	('pemilih-disabilitas-di-kota-serang-mencoblos-didampingi-keluarga', 'disabilitas', 0),
	('pemilih-disabilitas-di-kota-serang-mencoblos-didampingi-keluarga', 'tps', 1),
	('pemilih-disabilitas-di-kota-serang-mencoblos-didampingi-keluarga', 'serang', 2),
	('hasil-hitung-cepat-bukan-hasil-resmi-kpu-minta-warga-tunggu-rekapitulasi', 'quick-count', 0),
	('hasil-hitung-cepat-bukan-hasil-resmi-kpu-minta-warga-tunggu-rekapitulasi', 'survei', 1),
	('hasil-hitung-cepat-bukan-hasil-resmi-kpu-minta-warga-tunggu-rekapitulasi', 'kpu', 2),
	('hasil-hitung-cepat-bukan-hasil-resmi-kpu-minta-warga-tunggu-rekapitulasi', 'rekapitulasi', 3),
	('cek-fakta-salah-video-kotak-suara-dibakar-di-serang-usai-pencoblosan', 'hoaks', 0),
	('cek-fakta-salah-video-kotak-suara-dibakar-di-serang-usai-pencoblosan', 'kotak-suara', 1),
	('cek-fakta-salah-video-kotak-suara-dibakar-di-serang-usai-pencoblosan', 'serang', 2),
	('penghitungan-suara-di-tps-pelosok-lebak-berlangsung-hingga-malam', 'tps', 0),
	('penghitungan-suara-di-tps-pelosok-lebak-berlangsung-hingga-malam', 'kpps', 1),
	('penghitungan-suara-di-tps-pelosok-lebak-berlangsung-hingga-malam', 'lebak', 2),
	('cek-fakta-menyesatkan-tinta-pemilu-bisa-dihapus-pemutih-untuk-mencoblos-dua-kali', 'hoaks', 0),
	('cek-fakta-menyesatkan-tinta-pemilu-bisa-dihapus-pemutih-untuk-mencoblos-dua-kali', 'tps', 1),
	('rekapitulasi-suara-tingkat-kecamatan-di-kota-tangerang-dimulai', 'rekapitulasi', 0),
	('rekapitulasi-suara-tingkat-kecamatan-di-kota-tangerang-dimulai', 'tangerang', 1),
	('pemungutan-suara-ulang-digelar-di-satu-tps-di-pandeglang', 'bawaslu', 0),
	('pemungutan-suara-ulang-digelar-di-satu-tps-di-pandeglang', 'tps', 1),
	('pemungutan-suara-ulang-digelar-di-satu-tps-di-pandeglang', 'pandeglang', 2),
	('rekapitulasi-kpu-kota-serang-rampung-partisipasi-pemilih-turun', 'rekapitulasi', 0),
	('rekapitulasi-kpu-kota-serang-rampung-partisipasi-pemilih-turun', 'kpu', 1),
	('rekapitulasi-kpu-kota-serang-rampung-partisipasi-pemilih-turun', 'serang', 2),
	('tiga-hari-kerja-untuk-menggugat-hasil-pilkada-ke-mahkamah-konstitusi', 'sengketa-pilkada', 0),
	('tiga-hari-kerja-untuk-menggugat-hasil-pilkada-ke-mahkamah-konstitusi', 'rekapitulasi', 1),
	('tiga-hari-kerja-untuk-menggugat-hasil-pilkada-ke-mahkamah-konstitusi', 'banten', 2),
	('tahapan-tersisa-menuju-pelantikan-kepala-daerah-terpilih', 'sengketa-pilkada', 0),
	('tahapan-tersisa-menuju-pelantikan-kepala-daerah-terpilih', 'banten', 1),
	('laporan-dana-kampanye-pasangan-calon-wali-kota-tangerang', 'kampanye', 0),
	('laporan-dana-kampanye-pasangan-calon-wali-kota-tangerang', 'kpu', 1),
	('laporan-dana-kampanye-pasangan-calon-wali-kota-tangerang', 'tangerang', 2),
	('kisah-petugas-kpps-termuda-di-cilegon', 'kpps', 0),
	('kisah-petugas-kpps-termuda-di-cilegon', 'cilegon', 1)
)
INSERT INTO article_tags (article_id, tag_id, position)
SELECT a.id, t.id, v.position FROM v
LEFT JOIN articles a ON a.slug = v.article
LEFT JOIN tags t ON t.slug = v.tag;

-- Explicit BACA JUGA / Berita Terkait picks, in the editor's order.
WITH v (article, related, position) AS (VALUES
	('kpu-banten-gandeng-asosiasi-media-lokal-lawan-hoaks-pilkada',
	 'opini-grup-whatsapp-keluarga-garis-depan-melawan-hoaks-pilkada', 0),
	('simulasi-pemungutan-suara-di-kota-serang-ungkap-antrean-panjang',
	 'pemilih-tunanetra-di-pandeglang-berlatih-memakai-templat-braille', 0),
	('simulasi-pemungutan-suara-di-kota-serang-ungkap-antrean-panjang',
	 'kpu-tangerang-selatan-sasar-pemilih-pemula-di-sekolah', 1),
	('bawaslu-kota-tangerang-telusuri-laporan-bagi-bagi-sembako',
	 'patroli-masa-tenang-bawaslu-pandeglang-waspadai-serangan-fajar', 0),
	('bawaslu-kota-tangerang-telusuri-laporan-bagi-bagi-sembako',
	 'bawaslu-kota-serang-petakan-tps-rawan', 1),
	('debat-terakhir-pilkada-kota-tangerang-pendidikan-dan-lapangan-kerja',
	 'debat-perdana-pilkada-kota-tangerang-soroti-banjir-dan-kemacetan', 0),
	('debat-terakhir-pilkada-kota-tangerang-pendidikan-dan-lapangan-kerja',
	 'debat-kedua-pilkada-kota-serang-adu-gagasan-pelayanan-publik', 1),
	('distribusi-logistik-pilkada-ke-desa-terpencil-di-lebak-selatan',
	 'logistik-pilkada-tangerang-selatan-mulai-dikirim-ke-kelurahan', 0),
	('distribusi-logistik-pilkada-ke-desa-terpencil-di-lebak-selatan',
	 'kotak-suara-kardus-di-pesisir-pandeglang-dilapisi-plastik', 1),
	('cek-fakta-hoaks-pemilih-tanpa-surat-undangan-tidak-bisa-mencoblos',
	 'cek-fakta-menyesatkan-tinta-pemilu-bisa-dihapus-pemutih-untuk-mencoblos-dua-kali', 0),
	('cek-fakta-hoaks-pemilih-tanpa-surat-undangan-tidak-bisa-mencoblos',
	 'cek-fakta-salah-video-kotak-suara-dibakar-di-serang-usai-pencoblosan', 1),
	('hari-pemungutan-suara-warga-tangerang-antre-di-tps-sejak-pagi',
	 'pemilih-disabilitas-di-kota-serang-mencoblos-didampingi-keluarga', 0),
	('hari-pemungutan-suara-warga-tangerang-antre-di-tps-sejak-pagi',
	 'hasil-hitung-cepat-bukan-hasil-resmi-kpu-minta-warga-tunggu-rekapitulasi', 1),
	('hasil-hitung-cepat-bukan-hasil-resmi-kpu-minta-warga-tunggu-rekapitulasi',
	 'lembaga-survei-dilarang-rilis-hasil-selama-masa-tenang', 0),
	('rekapitulasi-kpu-kota-serang-rampung-partisipasi-pemilih-turun',
	 'rekapitulasi-suara-tingkat-kecamatan-di-kota-tangerang-dimulai', 0),
	('rekapitulasi-kpu-kota-serang-rampung-partisipasi-pemilih-turun',
	 'tiga-hari-kerja-untuk-menggugat-hasil-pilkada-ke-mahkamah-konstitusi', 1)
)
INSERT INTO article_related (article_id, related_id, position)
SELECT a.id, r.id, v.position FROM v
LEFT JOIN articles a ON a.slug = v.article
LEFT JOIN articles r ON r.slug = v.related;
