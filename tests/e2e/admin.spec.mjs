// admin.spec.mjs - the e2e suite: a real headless Chromium signs in to the
// admin as an editor, writes and publishes an article with two tags, an image
// and a BACA JUGA pick, then checks the public page. Plain Node; exits 1 on a
// failure. Needs WARTA_BIN and WARTA_SRC; screenshots go to WARTA_BUILD.
import path from 'node:path';
import zlib from 'node:zlib';
import { check, cleanup, launch, log, OUT, run, running, sleep, startWarta,
	STEP_MS } from './harness.mjs';

const TOTAL_MS = 120000;	// the whole test

// A real PNG, w x h of one RGB colour, built by hand so the upload is checked
// against actual image bytes rather than a file name.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++)
		c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(buf) {
	let c = 0xffffffff;
	for (const b of buf)
		c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(td));
	return Buffer.concat([len, td, crc]);
}
function makePng(w, h, [r, g, b]) {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(w, 0);
	ihdr.writeUInt32BE(h, 4);
	ihdr[8] = 8;	// bit depth
	ihdr[9] = 2;	// truecolour RGB; compression, filter, interlace 0
	const row = Buffer.alloc(1 + 3 * w);	// filter byte 0, then pixels
	for (let x = 0; x < w; x++)
		row.set([r, g, b], 1 + 3 * x);
	const raw = Buffer.concat(Array(h).fill(row));
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', ihdr),
		pngChunk('IDAT', zlib.deflateSync(raw)),
		pngChunk('IEND', Buffer.alloc(0)),
	]);
}

async function get(base, p) {
	const res = await fetch(base + p, { signal:
		AbortSignal.timeout(STEP_MS) });
	if (!res.ok)
		throw new Error(`GET ${p}: ${res.status}`);
	return res.text();
}

// After a failure: where the browser was, what the page said was wrong,
// and a screenshot of it.
async function diagnose(page) {
	try {
		log(`failed at ${page.url()} ("${await page.title()}")`);
		for (const t of await page.$$eval('.alert, .error, .flash',
			(els) => els.map((e) => e.textContent.trim())))
			log(`page says: ${t}`);
		const shot = path.join(OUT, 'e2e-failure.png');
		await page.screenshot({ path: shot, fullPage: true,
			timeout: STEP_MS });
		log(`screenshot ${shot}`);
	} catch (e) {
		log(`no diagnosis: ${e.message}`);
	}
}

async function main() {
	let w = null, browser = null, page = null, ok = false;
	const problems = [];

	try {
		w = await startWarta();
		const { base, db } = w;

		const home = await get(base, '/');
		const articleHref = new RegExp('href="(?:https?://[^/"]+)?' +
			'(/\\d{4}/\\d{2}/\\d{2}/([a-z0-9-]+))"');
		const authorHref = new RegExp('href="(?:https?://[^/"]+)?' +
			'/penulis/([a-z0-9-]+)"[^>]*>([^<]+)<');
		const pick = home.match(articleHref);
		check(pick, `home page links a demo article (${pick?.[2]})`);
		const demo = await get(base, pick[1]);
		const au = demo.match(authorHref);
		check(au, `demo article has an author (${au?.[1]})`);
		const [, authorSlug, authorName] = au;

		// The editor's public name is that of the byline the account is
		// linked to; the story itself goes under another byline, as when
		// an editor publishes a reporter's copy.
		const editor = { email: 'redaktur.e2e@warta.test',
			name: authorName.trim(),
			password: 'e2e-sandi-rahasia-42' };
		log(`user add ${editor.email} --role editor --author ${authorSlug}`);
		run(['user', 'add', '--db', db, '--email', editor.email,
			'--name', editor.name, '--role', 'editor',
			'--author', authorSlug], editor.password + '\n');

		log('launch Chromium');
		browser = await launch();
		const ctx = await browser.newContext({
			viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
		ctx.setDefaultTimeout(STEP_MS);
		ctx.setDefaultNavigationTimeout(STEP_MS);
		page = await ctx.newPage();
		const jsErrors = [];
		page.on('pageerror', (e) => jsErrors.push(`${page.url()}: ${e}`));
		page.on('console', (m) => {
			if (m.type() !== 'error')
				return;
			// Chromium asks for /favicon.ico by itself; the site has
			// none, which no reader sees as an error.
			const from = m.location()?.url ?? '';
			if (from.endsWith('/favicon.ico'))
				return;
			jsErrors.push(`${page.url()}: console: ${m.text()} ` +
				`(${from})`);
		});
		page.on('response', (r) => {
			if (r.status() >= 400)
				log(`note: ${r.status()} for ${r.url()}`);
		});

		log('sign in at /admin/login');
		let res = await page.goto(base + '/admin/login');
		check(res.status() === 200, 'login page is 200');
		await page.fill('#email', editor.email);
		await page.fill('#password', editor.password);
		await Promise.all([page.waitForURL(/\/admin(\?.*)?$/),
			page.click('form[action="/admin/login"] button[type=submit]')]);
		check(true, `signed in, now at ${new URL(page.url()).pathname}`);

		log('open /admin/articles/new');
		res = await page.goto(base + '/admin/articles/new');
		check(res.status() === 200, 'editor page is 200');

		const existingTag = await page.$eval('#tag-list option',
			(o) => o.value);
		const newTag = 'Relawan Demokrasi';
		const title = 'Relawan Muda Kawal Penghitungan Suara di Serang';
		const section = await page.$eval(
			'#section option:not([value=""])',
			(o) => ({ value: o.value, name: o.textContent.trim() }));
		const body = [
			'Puluhan relawan muda berjaga di tempat pemungutan suara ' +
			'sejak pagi untuk memastikan **penghitungan suara** ' +
			'berlangsung terbuka.',
			'"Kami mencatat setiap formulir hasil dan mengunggah ' +
			'fotonya," kata koordinator relawan, Siti Marlina.',
			'## Pengawasan warga',
			'Menurut Bawaslu, keterlibatan warga membantu pengawas ' +
			'menemukan *kesalahan administrasi* lebih cepat.',
			'Relawan juga membuka posko pengaduan di kantor kelurahan ' +
			'hingga rekapitulasi selesai.',
			'Formulir yang difoto relawan dicocokkan dengan data ' +
			'yang diumumkan KPU di tingkat kecamatan.',
			'Koordinator berharap cara ini ditiru di kabupaten lain ' +
			'pada pilkada berikutnya.',
		].join('\n\n');
		// Six paragraphs: the site puts the first BACA JUGA box after
		// the third, and only when two or more paragraphs follow it.

		log(`fill the editor (section ${section.name}, tags ` +
			`"${existingTag}", "${newTag}", pick ${pick[2]})`);
		await page.fill('#title', title);
		await page.fill('#lead', 'Relawan mencatat dan memotret ' +
			'setiap formulir hasil penghitungan di TPS.');
		await page.fill('#dateline', 'Serang');
		await page.selectOption('#section', section.value);
		await page.fill('#tags', `${existingTag}, ${newTag}`);
		await page.fill('#body', body);
		await page.fill('#picks', pick[2]);
		await page.setInputFiles('#image', { name: 'relawan.png',
			mimeType: 'image/png',
			buffer: makePng(64, 40, [200, 60, 40]) });
		await page.fill('#image_caption', 'Relawan mencatat hasil ' +
			'penghitungan suara di sebuah TPS di Serang.');
		await page.fill('#image_credit', 'Warta/Rudi Hartono');
		// Publishing a story that shows a picture needs its alt text.
		await page.fill('#image_alt', 'Relawan mencatat angka di papan ' +
			'hasil TPS.');
		const preset = await page.$eval('#author-1',
			(s) => s.selectedOptions[0]?.textContent.trim() ?? '');
		check(preset === editor.name,
			`first author preset to the editor's byline (${preset})`);
		const writer = await page.$eval('#author-1', (s, not) =>
			[...s.options].map((o) => ({ value: o.value,
				name: o.textContent.trim() }))
				.find((o) => o.value && o.name !== not),
		editor.name);
		await page.selectOption('#author-1', writer.value);
		log(`byline set to ${writer.name}`);

		const shotEditor = path.join(OUT, 'e2e-editor.png');
		await page.screenshot({ path: shotEditor, fullPage: true });
		log(`screenshot ${shotEditor}`);

		log('click publish');
		await Promise.all([
			page.waitForURL(/\/admin\/articles\/\d+\/edit\?ok=published/),
			page.click('button[name=action][value=publish]'),
		]);
		check(true, `published, now at ${new URL(page.url()).pathname}`);
		const href = await page.getAttribute('a:has-text("Lihat di situs")',
			'href');
		check(href, `admin links the public page (${href})`);

		log('open the public article');
		res = await page.goto(new URL(href, base).href);
		check(res.status() === 200, 'public article is 200');
		check(/^\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+$/.test(
			new URL(page.url()).pathname), 'URL is /YYYY/MM/DD/slug');
		check(await page.textContent('article h1') === title,
			'h1 is the title');
		check((await page.textContent('article a.kicker')).trim() ===
			section.name, `section is ${section.name}`);
		check(/^\s*SERANG, /.test(await page.textContent(
			'article .body p')), 'the body opens with the dateline');
		const byline = (await page.textContent('.byline')).replace(/\s+/g,
			' ');
		const authors = await page.$$eval('.byline a[rel=author]',
			(as) => as.map((a) => a.textContent.trim()));
		check(authors.length === 1 && authors[0] === writer.name,
			`byline is "Penulis: ${writer.name}"`);
		check(byline.includes(`Editor: ${editor.name}`),
			`byline says "Editor: ${editor.name}"`);
		const tags = await page.$$eval('ul.tags a[rel=tag]', (as) =>
			as.map((a) => ({ text: a.textContent.trim(),
				href: a.getAttribute('href') })));
		for (const t of [existingTag, newTag])
			check(tags.some((x) => x.text === t &&
				/\/tag\/[a-z0-9-]+$/.test(x.href)),
			`tag "${t}" is a link`);
		const img = page.locator('figure.lead-image img');
		await img.waitFor();
		await page.waitForFunction((el) => el.complete,
			await img.elementHandle(), { timeout: STEP_MS });
		// A <picture> of the renditions (docs/pictures.md): the 64 px
		// wide upload has one width, never upscaled; the browser
		// reports naturalWidth scaled by the srcset's density, so the
		// size comes from the width and height attributes.
		const info = await img.evaluate((el) => ({
			src: el.currentSrc, ok: el.naturalWidth > 0,
			w: el.getAttribute('width'), h: el.getAttribute('height'),
			fetch: el.getAttribute('fetchpriority') }));
		check(/^\/media\/[0-9a-f]{16}-w64\.(webp|jpg)$/.test(
			new URL(info.src).pathname),
			`image is a rendition (${new URL(info.src).pathname})`);
		check(info.ok && info.w === '64' && info.h === '40',
			`image loaded (${info.w}x${info.h})`);
		check(info.fetch === 'high', 'lead picture is fetched first');
		const caption = await page.textContent('figure.lead-image figcaption');
		check(caption.includes('Warta/Rudi Hartono'),
			'caption shows the credit');
		const bj = page.locator('aside.baca-juga a');
		check(await bj.count() >= 1, 'BACA JUGA box has a link');
		const bjHref = await bj.first().getAttribute('href');
		check(new URL(bjHref, base).pathname === pick[1],
			`BACA JUGA links the pick (${new URL(bjHref, base).pathname})`);
		const shotArticle = path.join(OUT, 'e2e-article.png');
		await page.screenshot({ path: shotArticle, fullPage: true });
		log(`screenshot ${shotArticle}`);

		log('open the article at phone width (390)');
		const phone = await browser.newContext({
			viewport: { width: 390, height: 844 }, isMobile: true,
			hasTouch: true, deviceScaleFactor: 2, locale: 'id-ID' });
		phone.setDefaultTimeout(STEP_MS);
		const pp = await phone.newPage();
		pp.on('pageerror', (e) => jsErrors.push(`${pp.url()}: ${e}`));
		res = await pp.goto(page.url());
		check(res.status() === 200, 'public article is 200 on a phone');
		const m = await pp.evaluate(() => ({
			scroll: document.documentElement.scrollWidth,
			body: parseFloat(getComputedStyle(
				document.querySelector('article .body p')).fontSize),
		}));
		check(m.scroll <= 390,
			`no sideways scrolling on a phone (${m.scroll}px wide)`);
		check(m.body >= 14, `body text is readable (${m.body}px)`);
		// Every entry of the section menu in view, none cut off or
		// scrolled out of sight.
		const nav = await pp.evaluate(() => {
			const box = document.querySelector('nav.sections .wrap');
			return {
				hidden: box.scrollWidth - box.clientWidth,
				links: [...box.querySelectorAll('a')].map((a) => {
					const r = a.getBoundingClientRect();
					return { text: a.textContent, left: r.left,
						right: r.right,
						cut: a.scrollWidth > a.clientWidth };
				}),
			};
		});
		check(nav.links.length >= 3, `section menu has ${nav.links.length} entries`);
		check(nav.hidden <= 0, `section menu hides nothing sideways (${nav.hidden}px)`);
		const out = nav.links.filter((l) => l.left < 0 || l.right > 390 || l.cut);
		check(out.length === 0, 'every section menu entry fits the phone' +
			(out.length ? ': ' + out.map((l) => l.text).join(', ') : ''));
		const shotPhone = path.join(OUT, 'e2e-article-phone.png');
		await pp.screenshot({ path: shotPhone, fullPage: true });
		log(`screenshot ${shotPhone}`);
		await phone.close();

		check(jsErrors.length === 0, 'no script errors in the pages' +
			(jsErrors.length ? ':\n  ' + jsErrors.join('\n  ') : ''));
		ok = true;
	} catch (e) {
		if (page)
			await diagnose(page);
		throw e;
	} finally {
		if (browser) {
			await Promise.race([browser.close(), sleep(STEP_MS)]);
			log('Chromium stopped');
		}
		if (w) {
			problems.push(...await w.stop());
			log(`warta stopped (${w.proc.exitCode ?? w.proc.signalCode})`);
			cleanup(w, ok && problems.length === 0);
		}
	}
	if (problems.length) {
		if (w.stderr.length)
			console.error('--- warta stderr ---\n' + w.stderr.join(''));
		throw new Error(problems.join('\n'));
	}
}

const watchdog = setTimeout(() => {
	console.error(`e2e: FAILED: over ${TOTAL_MS / 1000} s in total`);
	running.proc?.kill('SIGKILL');	// Playwright ends its own Chromium
	process.exit(1);
}, TOTAL_MS);
try {
	await main();
	console.log('e2e: 1 passed, 0 failed');
} catch (e) {
	console.error(`e2e: FAILED: ${e.stack || e}`);
	process.exitCode = 1;
} finally {
	clearTimeout(watchdog);
}
