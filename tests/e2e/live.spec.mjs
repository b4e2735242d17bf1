// live.spec.mjs - the live blog end to end in headless Chromium: an editor
// on a phone-sized (390 px) screen reopens the demo's vote-day live blog
// and posts three updates from the admin's short form, while a reader's
// page, open in another browser context, shows each of them without being
// reloaded, newest first. Plain Node; exits 1 on a failure. Needs
// WARTA_BIN and WARTA_SRC; screenshots go to WARTA_BUILD.
import path from 'node:path';
import { check, cleanup, launch, log, OUT, run, running, sleep, startWarta,
	STEP_MS } from './harness.mjs';

const POLL_MS = 30000;		// the reader's page polls every 10 s
const TOTAL_MS = 150000;	// the whole test

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

const LIVE_SLUG = 'liputan-langsung-hari-pemungutan-suara-pilkada-banten';
const UPDATES = [
	'Pukul 19.10 WIB: petugas PPK mulai membuka kotak suara dari TPS ' +
	'pertama di Kecamatan Cipocok Jaya.',
	'Saksi dua pasangan calon meminta formulir hasil TPS 04 dibacakan ' +
	'ulang; petugas **mengabulkannya**.',
	'Rekapitulasi di kecamatan ini diperkirakan selesai menjelang tengah ' +
	'malam.',
];

async function main() {
	let w = null, browser = null, phonePage = null, ok = false;
	const problems = [];

	try {
		w = await startWarta();
		const base = w.base;
		const editor = { email: 'redaktur.live@warta.test',
			name: 'Redaktur Malam', password: 'e2e-sandi-live-42' };
		run(['user', 'add', '--db', w.db, '--email', editor.email,
			'--name', editor.name, '--role', 'editor',
			'--author', 'bagus-prasetyo'], editor.password + '\n');

		log('launch Chromium');
		browser = await launch();
		const jsErrors = [];
		const watch = (p) => p.on('pageerror',
			(e) => jsErrors.push(`${p.url()}: ${e}`));

		// The editor's phone.
		const phone = await browser.newContext({
			viewport: { width: 390, height: 844 }, isMobile: true,
			hasTouch: true, deviceScaleFactor: 2, locale: 'id-ID' });
		phone.setDefaultTimeout(STEP_MS);
		const pp = phonePage = await phone.newPage();
		watch(pp);
		log('sign in on the phone');
		await pp.goto(base + '/admin/login');
		await pp.fill('#email', editor.email);
		await pp.fill('#password', editor.password);
		await Promise.all([pp.waitForURL(/\/admin(\?.*)?$/),
			pp.click('form[action="/admin/login"] button[type=submit]')]);

		log('find the demo live blog in the admin');
		await pp.goto(base + '/admin/articles?q=' +
			encodeURIComponent('Liputan Langsung'));
		const edit = await pp.getAttribute(
			'a[href^="/admin/articles/"][href$="/edit"]', 'href');
		check(edit, `the listing links its editor (${edit})`);
		const liveUrl = base + edit.replace(/\/edit$/, '/live');
		await pp.goto(liveUrl);
		check(await pp.isVisible('text=Ditutup'),
			'the demo live blog is closed');
		await Promise.all([pp.waitForURL(/ok=live_opened/),
			pp.click('button:has-text("Buka kembali")')]);
		check(await pp.isVisible('#live-form'),
			'reopened: the update form shows');
		const width = await pp.evaluate(
			() => document.documentElement.scrollWidth);
		check(width <= 390, `the form fits a phone (${width}px wide)`);
		await pp.screenshot({ path: path.join(OUT, 'e2e-live-phone.png'),
			fullPage: true });

		// The reader, in a browser of their own, opens the story once.
		const reader = await browser.newContext({
			viewport: { width: 1024, height: 800 }, locale: 'id-ID' });
		reader.setDefaultTimeout(STEP_MS);
		const rp = await reader.newPage();
		watch(rp);
		const home = await (await fetch(base + '/')).text();
		const m = home.match(new RegExp('href="(/\\d{4}/\\d{2}/\\d{2}/' +
			LIVE_SLUG + ')"'));
		check(m, 'the home page links the open live blog');
		check(/<span class="live-label">LIVE<\/span>/.test(home),
			'the home page shows the LIVE label');
		await rp.goto(base + m[1]);
		check(await rp.getAttribute('section.live', 'data-live-poll'),
			'the reader page polls for updates');
		const before = await rp.$$eval('.live-update',
			(els) => els.length);
		// A reload would lose this mark.
		await rp.evaluate(() => { window.readerMark = 'same page'; });

		const post = async (text) => {
			await pp.fill('#live-body', text);
			await Promise.all([pp.waitForURL(/ok=live_posted/),
				pp.click('#live-form button[type=submit]')]);
		};
		const seen = async (n) => rp.waitForFunction((want) =>
			document.querySelectorAll('.live-update').length >= want,
		before + n, { timeout: POLL_MS });

		log('post the first update from the phone');
		await post(UPDATES[0]);
		await seen(1);
		check(true, 'the reader sees the first update without reloading');
		log('post two more');
		await post(UPDATES[1]);
		await post(UPDATES[2]);
		await seen(3);
		const shown = await rp.$$eval('.live-update .live-body',
			(els) => els.slice(0, 3).map((e) => e.textContent.trim()));
		check(shown[0] === UPDATES[2] &&
			shown[1] === UPDATES[1].replace(/\*\*/g, '') &&
			shown[2] === UPDATES[0],
		'the reader sees all three, newest first');
		check(await rp.isVisible('.live-update strong:has-text(' +
			'"mengabulkannya")'), 'Markdown is rendered');
		check(await rp.evaluate(() => window.readerMark) === 'same page',
			'the reader page was never reloaded');
		await rp.screenshot({ path: path.join(OUT, 'e2e-live-reader.png'),
			fullPage: false });
		await phone.close();
		await reader.close();
		check(jsErrors.length === 0, 'no script errors in the pages' +
			(jsErrors.length ? ':\n  ' + jsErrors.join('\n  ') : ''));
		ok = true;
	} catch (e) {
		if (phonePage)
			await diagnose(phonePage);
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
