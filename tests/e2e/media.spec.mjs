// media.spec.mjs - pictures end to end in headless Chromium: an editor
// uploads a phone photo (EXIF orientation and GPS, made at test time by
// tests/tools/picture_fixtures) in the article editor, gives it alt text,
// saves a draft, opens the picture in the media library, sets its focal
// point by clicking on it and its caption, publishes the story, and sees
// the thumbnail cut around that focal point on the home page and the
// figure with the caption on the article page. Plain Node; exits 1 on a
// failure. Needs WARTA_BIN, WARTA_SRC and WARTA_BUILD.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { addUser, check, cleanup, launch, log, OUT, running, signedIn,
	startWarta, STEP_MS } from './harness.mjs';

const CAPTION = 'Warga antre di depan TPS 07 Cipocok Jaya sejak pagi.';
const ALT = 'Antrean warga di depan tenda TPS.';

async function diagnose(page) {
	try {
		log(`failed at ${page.url()} ("${await page.title()}")`);
		for (const t of await page.$$eval('.alert, .error, .flash',
			(els) => els.map((e) => e.textContent.trim())))
			log(`page says: ${t}`);
		const shot = path.join(OUT, 'e2e-media-failure.png');
		await page.screenshot({ path: shot, fullPage: true,
			timeout: STEP_MS });
		log(`screenshot ${shot}`);
	} catch (e) {
		log(`no diagnosis: ${e.message}`);
	}
}

async function main() {
	let w = null, browser = null, page = null, ok = false;
	const errors = [];
	try {
		w = await startWarta();
		const base = w.base;
		const fixtures = path.join(w.tmp, 'fixtures');
		fs.mkdirSync(fixtures);
		const made = spawnSync(path.join(OUT, 'tests', 'picture_fixtures'),
			[fixtures], { encoding: 'utf8', timeout: 120000 });
		if (made.status !== 0)
			throw new Error(`picture_fixtures: ${made.stderr}`);
		const editor = addUser(w, 'foto.e2e@warta.test', 'Redaktur Foto',
			'editor');
		log('launch Chromium');
		browser = await launch();
		page = await signedIn(browser, base, editor, errors);

		log('write a story with a photo from a phone');
		await page.goto(base + '/admin/articles/new');
		await page.fill('#title', 'Antrean Panjang di TPS Cipocok Jaya');
		await page.fill('#lead', 'Warga datang sebelum TPS dibuka.');
		await page.fill('#body', 'Paragraf pertama.\n\nParagraf kedua.');
		await page.selectOption('#section', { index: 1 });
		await page.selectOption('#author-1', { index: 1 });
		await page.setInputFiles('#image',
			path.join(fixtures, 'photo.jpg'));
		await page.fill('#image_alt', ALT);
		await Promise.all([
			page.waitForURL(/\/admin\/articles\/\d+\/edit\?ok=/),
			page.click('button[name=action][value=draft]')]);
		const edit = new URL(page.url()).pathname;
		const id = await page.inputValue('#image_id');
		check(/^[1-9][0-9]*$/.test(id), `the photo is picture ${id}`);
		const preview = await page.getAttribute('figure.current-image img',
			'src');
		check(/^\/media\/[0-9a-f]{16}-w640\.jpg$/.test(preview),
			`the editor shows a rendition (${preview})`);

		log('set the focal point and the caption in the library');
		await page.goto(`${base}/admin/media/${id}`);
		const img = page.locator('.focal img');
		await img.waitFor();
		await page.waitForFunction((el) => el.complete && el.naturalWidth,
			await img.elementHandle(), { timeout: STEP_MS });
		const box = await img.boundingBox();
		// The photo was taken turned (EXIF orientation 6): upright it
		// is tall.
		check(box.height > box.width, `the photo is upright ` +
			`(${Math.round(box.width)}x${Math.round(box.height)})`);
		await img.click({ position: { x: box.width * 0.8,
			y: box.height * 0.25 } });
		const fx = Number(await page.inputValue('#fx'));
		const fy = Number(await page.inputValue('#fy'));
		check(Math.abs(fx - 800) <= 5 && Math.abs(fy - 250) <= 5,
			`a click sets the focal point (${fx}, ${fy})`);
		check(await page.isVisible('.focal-mark'),
			'the mark shows where it is');
		await page.fill('#caption', CAPTION);
		await page.fill('#credit', 'Foto: Warta/Redaktur Foto');
		await Promise.all([page.waitForURL(/ok=saved/),
			page.click('form[action^="/admin/media/"] button[type=submit]:has-text("Simpan")')]);
		check(Number(await page.inputValue('#fx')) === fx &&
			Number(await page.inputValue('#fy')) === fy,
		'the focal point is saved');

		log('publish');
		await page.goto(base + edit.replace(/\?.*$/, ''));
		await Promise.all([page.waitForURL(/ok=published/),
			page.click('button[name=action][value=publish]')]);
		const pub = await page.getAttribute('a:has-text("Lihat di situs")',
			'href');
		check(pub, `published at ${pub}`);

		log('the home page shows the thumbnail around the focal point');
		await page.goto(base + '/');
		const thumb = page.locator(
			`img[src*="-thumb-${fx}-${fy}."]`).first();
		await thumb.waitFor();
		await page.waitForFunction((el) => el.complete && el.naturalWidth > 0,
			await thumb.elementHandle(), { timeout: STEP_MS });
		const src = await thumb.getAttribute('src');
		check(/^\/media\/[0-9a-f]{16}-thumb-\d+-\d+\.jpg$/.test(src),
			`the thumbnail loaded (${src})`);
		await page.screenshot({ path: path.join(OUT, 'e2e-media-home.png'),
			fullPage: false });

		log('the article page shows the figure with its caption');
		await page.goto(base + pub);
		const lead = page.locator('figure.lead-image img');
		await lead.waitFor();
		check(await lead.getAttribute('alt') === ALT, 'the alt text');
		check(await lead.getAttribute('fetchpriority') === 'high',
			'the lead picture is fetched first');
		const caption = await page.textContent('figure.lead-image figcaption');
		check(caption.includes(CAPTION) &&
			caption.includes('Foto: Warta/Redaktur Foto'),
		'the caption and credit from the library');
		await page.screenshot({ path: path.join(OUT,
			'e2e-media-article.png'), fullPage: false });
		check(errors.length === 0, `no script errors (${errors.join('; ')})`);
		ok = true;
	} catch (e) {
		if (page)
			await diagnose(page);
		console.error(`e2e: FAILED: ${e.stack || e}`);
	} finally {
		if (browser)
			await browser.close().catch(() => {});
		if (w) {
			const problems = await w.stop();
			running.proc = null;
			for (const p of problems)
				console.error(`e2e: ${p}`);
			if (problems.length)
				ok = false;
			cleanup(w, ok);
		}
	}
	process.exit(ok ? 0 : 1);
}

await main();
