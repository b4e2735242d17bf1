// collab.spec.mjs - two editors, two browser contexts, one story: each
// sees the other "sedang menyunting"; the second save, based on the older
// version, gets the conflict page with the first editor's change as a
// diff; the second editor merges by hand and saves. Then autosave keeps
// typing server-side, leaving with unsaved changes asks first, the preview
// opens the whole reader page in a new tab, the action bar is in view
// without scrolling, and the article list fits a 390-px phone. Plain
// Node; exits 1 on a failure.
import { check, log, sleep, startWarta, addUser, launch, signedIn,
	screenshot, cleanup, running, STEP_MS } from './harness.mjs';

const TOTAL_MS = 180000;

async function main() {
	let w = null, browser = null, ok = false, page = null;
	const problems = [];
	const errors = [];
	try {
		w = await startWarta();
		const ani = addUser(w, 'ani.e2e@warta.test', 'Ani Redaktur',
			'editor');
		const budi = addUser(w, 'budi.e2e@warta.test', 'Budi Redaktur',
			'editor');
		browser = await launch();
		const a = await signedIn(browser, w.base, ani, errors);
		const b = await signedIn(browser, w.base, budi, errors);
		page = b;

		// Both open the newest story of the listing.
		let res = await a.goto(w.base + '/admin/articles');
		check(res.status() === 200, 'listing is 200');
		const edit = await a.getAttribute('table.list a[href$="/edit"]',
			'href');
		check(/^\/admin\/articles\/\d+\/edit$/.test(edit),
			`the listing links an editor (${edit})`);
		await a.goto(w.base + edit);
		res = await b.goto(w.base + edit);
		check(res.status() === 200, 'both editors open it');
		const presence = (await b.textContent('.presence')) ?? '';
		check(/Ani Redaktur sedang menyunting sejak \d\d\.\d\d/.test(presence),
			`Budi sees "${presence.trim()}"`);
		await b.goto(w.base + '/admin/articles');
		const row = await b.textContent(`tr:has(a[href="${edit}"])`);
		check(row.includes('Ani Redaktur sedang menyunting'),
			'the listing shows Ani at that story');
		await b.goto(w.base + edit);

		// The action bar is reachable without scrolling.
		const bar = await b.$eval('.actions.sticky button[name=action]',
			(el) => { const r = el.getBoundingClientRect();
				return { top: r.top, bottom: r.bottom,
					h: window.innerHeight }; });
		check(bar.bottom <= bar.h && bar.top >= 0,
			`save button in view without scrolling (${Math.round(bar.top)}` +
			`..${Math.round(bar.bottom)} of ${bar.h})`);
		const words = Number(await b.textContent('#words'));
		check(words > 10, `word count shown (${words} kata)`);
		await b.fill('#body', 'satu dua tiga');
		check(await b.textContent('#words') === '3',
			'word count follows typing');
		await b.goto(w.base + edit);	// nothing typed stays

		// Ani saves a new title first.
		const oldTitle = await a.inputValue('#title');
		const aniTitle = oldTitle + ' (diperbarui)';
		await a.fill('#title', aniTitle);
		await Promise.all([a.waitForURL(/\/edit\?ok=saved$/),
			a.click('button[name=action][value=draft]')]);
		check(true, 'Ani saved the title');

		// Budi, from the older form, changes the lead: a conflict.
		const budiLead = 'Teras baru dari Budi tentang rekapitulasi.';
		await b.fill('#lead', budiLead);
		const [resp] = await Promise.all([
			b.waitForResponse((r) => r.request().method() === 'POST'),
			b.click('button[name=action][value=draft]')]);
		check(resp.status() === 409, `Budi's save is a 409 (${resp.status()})`);
		await b.waitForSelector('#conflict');
		const panel = await b.textContent('#conflict');
		check(panel.includes('Ani Redaktur'), 'the conflict names Ani');
		const added = await b.$$eval('#conflict pre.diff .add',
			(els) => els.map((e) => e.textContent));
		check(added.includes(aniTitle), 'the diff shows Ani\'s title');
		check(await b.inputValue('#lead') === budiLead,
			'Budi\'s lead is still in the form');
		await screenshot(b, 'e2e-conflict.png');

		// Budi merges by hand: Ani's title, his lead, and saves.
		const theirs = await b.$eval('#conflict details textarea',
			(t) => t.value);
		check(theirs === aniTitle, 'the panel holds Ani\'s whole title');
		await b.fill('#title', theirs);
		await Promise.all([b.waitForURL(/\/edit\?ok=saved$/),
			b.click('#conflict button[form=editor]')]);
		check(await b.inputValue('#title') === aniTitle &&
			await b.inputValue('#lead') === budiLead,
			'merged: Ani\'s title and Budi\'s lead are saved');

		// Autosave: typing is kept server-side within about 20 s.
		await b.fill('#body', (await b.inputValue('#body')) +
			'\n\nParagraf yang belum disimpan.');
		await b.waitForFunction(() => /Tersimpan otomatis/.test(
			document.getElementById('autosave-status').textContent),
			null, { timeout: 30000 });
		check(true, 'autosave kept the typing');

		// Leaving with unsaved changes asks first.
		let asked = false;
		b.once('dialog', async (d) => {
			asked = d.type() === 'beforeunload';
			await d.accept();
		});
		await b.goto(w.base + '/admin/articles');
		check(asked, 'leaving with unsaved changes asked first');
		res = await b.goto(w.base + edit);
		const offer = await b.textContent('.autosave-offer');
		check(offer.includes('belum disimpan'), 'reopening offers the autosave');
		await Promise.all([b.waitForURL(/pulihkan=1$/),
			b.click('.autosave-offer a')]);
		check((await b.inputValue('#body')).includes(
			'Paragraf yang belum disimpan.'), 'restored the autosave');

		// The preview: the whole reader page in a new tab.
		const [pv] = await Promise.all([
			b.context().waitForEvent('page'),
			b.click('button[formtarget=_blank]')]);
		await pv.waitForLoadState();
		check(await pv.textContent('article h1') === aniTitle,
			'the preview is the reader page with the title');
		check((await pv.textContent('article')).includes(
			'Paragraf yang belum disimpan.'), 'the preview has the typing');
		check(await pv.$('meta[name=robots][content*=noindex]') !== null,
			'the preview is noindex');
		await pv.close();

		// The listing on a phone: no sideways scrolling.
		const phone = await signedIn(browser, w.base, ani, errors, {
			viewport: { width: 390, height: 844 }, isMobile: true,
			hasTouch: true, deviceScaleFactor: 2 });
		await phone.goto(w.base + '/admin/articles');
		const scroll = await phone.evaluate(() =>
			document.documentElement.scrollWidth);
		check(scroll <= 390, `listing fits a phone (${scroll}px wide)`);
		await screenshot(phone, 'e2e-list-phone.png');
		await phone.goto(w.base + edit);
		const pscroll = await phone.evaluate(() =>
			document.documentElement.scrollWidth);
		check(pscroll <= 390, `editor fits a phone (${pscroll}px wide)`);

		check(errors.length === 0, 'no script errors' +
			(errors.length ? ':\n  ' + errors.join('\n  ') : ''));
		ok = true;
	} catch (e) {
		if (page)
			log(`failed at ${page.url()}`);
		throw e;
	} finally {
		if (browser)
			await Promise.race([browser.close(), sleep(STEP_MS)]);
		if (w) {
			problems.push(...await w.stop());
			cleanup(w, ok && problems.length === 0);
		}
	}
	if (problems.length)
		throw new Error(problems.join('\n'));
}

const watchdog = setTimeout(() => {
	console.error(`e2e: gave up after ${TOTAL_MS} ms`);
	running.proc?.kill('SIGKILL');
	process.exit(1);
}, TOTAL_MS);
watchdog.unref();
// Until main() settles, an emptied event loop is a failure, not a pass.
process.exitCode = 1;
main().then(() => {
	log('collab e2e passed');
	process.exit(0);
}, (e) => {
	console.error(`e2e: ${e.stack || e}`);
	process.exit(1);
});
