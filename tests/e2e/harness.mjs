// harness.mjs - what the e2e specs beyond admin.spec.mjs share: a warta of
// their own on a free loopback port with the demo newsroom, accounts made
// through `warta user add`, headless Debian Chromium, and a clean stop that
// reports sanitizer findings. Needs WARTA_BIN and WARTA_SRC (ctest sets
// them).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const STEP_MS = 15000;	// the longest any one step may wait
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SANITIZER_MARKS = ['ERROR: AddressSanitizer', 'runtime error:',
	'LeakSanitizer', 'ERROR: ThreadSanitizer'];
export const BIN = process.env.WARTA_BIN;
export const SRC = process.env.WARTA_SRC;
export const OUT = process.env.WARTA_BUILD || process.cwd();

// The warta a spec started, for its watchdog's last resort.
export const running = { proc: null };

const t0 = Date.now();
export function log(msg) {
	const s = ((Date.now() - t0) / 1000).toFixed(1).padStart(5);
	console.log(`[${s}s] ${msg}`);
}
export function check(ok, what) {
	if (!ok)
		throw new Error(`check failed: ${what}`);
	log(`ok: ${what}`);
}

// A delay that does not keep Node alive once everything else is done.
export function sleep(ms) {
	return new Promise((r) => setTimeout(r, ms).unref());
}

function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

async function waitForPort(port, proc) {
	const end = Date.now() + STEP_MS;
	while (Date.now() < end) {
		if (proc.exitCode !== null)
			throw new Error(`warta serve exited early (${proc.exitCode})`);
		const up = await new Promise((resolve) => {
			const c = net.connect(port, '127.0.0.1');
			c.once('connect', () => { c.destroy(); resolve(true); });
			c.once('error', () => resolve(false));
		});
		if (up)
			return;
		// A timer that holds the event loop: with the server gone
		// there may be nothing else, and Node would exit 0 mid-test.
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`warta did not listen on ${port} within ${STEP_MS} ms`);
}

// Runs `warta args...` with input on stdin; throws on failure.
export function run(args, input) {
	const r = spawnSync(BIN, args, { input, encoding: 'utf8',
		timeout: STEP_MS });
	if (r.status !== 0)
		throw new Error(`warta ${args[0]} ${args[1]} failed ` +
			`(${r.status ?? r.signal}): ${r.stderr}`);
	return r;
}

// A demo newsroom served on a free port: { base, db, tmp, proc, stderr,
// stop() }. stop() ends it with SIGTERM and returns what went wrong.
export async function startWarta() {
	if (!BIN || !SRC)
		throw new Error('e2e: set WARTA_BIN and WARTA_SRC (ctest does)');
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-e2e-'));
	const db = path.join(tmp, 'warta.db');
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	log(`init demo database in ${tmp}`);
	run(['init', '--db', db, '--demo', '--base-url', base]);
	log(`serve on ${base}`);
	const proc = spawn(BIN, ['serve', '--db', db, '--http',
		`127.0.0.1:${port}`, '--templates', path.join(SRC, 'templates'),
		'--static', path.join(SRC, 'static'), '--media',
		path.join(tmp, 'media'),
		...(process.getuid() === 0 ? ['--allow-root'] : [])],
		{ stdio: ['ignore', 'ignore', 'pipe'] });
	running.proc = proc;
	const stderr = [];
	proc.stderr.setEncoding('utf8');
	proc.stderr.on('data', (d) => stderr.push(d));
	await waitForPort(port, proc);
	async function stop() {
		if (proc.exitCode === null && proc.signalCode === null) {
			const done = new Promise((r) => proc.once('exit', r));
			proc.kill('SIGTERM');
			await Promise.race([done, sleep(STEP_MS)]);
			if (proc.exitCode === null && proc.signalCode === null) {
				proc.kill('SIGKILL');
				return [`warta ignored SIGTERM for ${STEP_MS} ms`];
			}
		}
		const problems = [];
		if (proc.exitCode !== 0)
			problems.push(`warta exited with ${proc.exitCode ?? proc.signalCode}`);
		for (const line of stderr.join('').split('\n'))
			if (SANITIZER_MARKS.some((m) => line.includes(m)))
				problems.push(`sanitizer: ${line}`);
		return problems;
	}
	return { base, db, tmp, proc, stderr, stop };
}

// Adds an account; returns { email, name, password }.
export function addUser(w, email, name, role) {
	const u = { email, name, password: `e2e-sandi-${role}-rahasia` };
	run(['user', 'add', '--db', w.db, '--email', email, '--name', name,
		'--role', role], u.password + '\n');
	return u;
}

export async function launch() {
	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		timeout: STEP_MS,
		args: ['--headless', '--no-sandbox', '--disable-gpu',
			'--disable-quic', '--no-first-run',
			'--disable-background-networking',
			'--disable-component-update', '--disable-sync'],
	});
}

// A fresh browser context signed in as u; returns its page. Script errors
// on its pages are pushed to errors.
export async function signedIn(browser, base, u, errors, opts = {}) {
	const ctx = await browser.newContext({ viewport: { width: 1280,
		height: 900 }, locale: 'id-ID', ...opts });
	ctx.setDefaultTimeout(STEP_MS);
	ctx.setDefaultNavigationTimeout(STEP_MS);
	const page = await ctx.newPage();
	page.on('pageerror', (e) => errors.push(`${page.url()}: ${e}`));
	const res = await page.goto(base + '/admin/login');
	check(res.status() === 200, `${u.name}: login page is 200`);
	await page.fill('#email', u.email);
	await page.fill('#password', u.password);
	await Promise.all([page.waitForURL(/\/admin(\?.*)?$/),
		page.click('form[action="/admin/login"] button[type=submit]')]);
	log(`${u.name} signed in`);
	return page;
}

export async function screenshot(page, name) {
	const shot = path.join(OUT, name);
	await page.screenshot({ path: shot, fullPage: true, timeout: STEP_MS });
	log(`screenshot ${shot}`);
}

export function cleanup(w, ok) {
	if (ok)
		fs.rmSync(w.tmp, { recursive: true, force: true });
	else
		log(`kept ${w.tmp} for a look`);
}
