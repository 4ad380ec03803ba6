// `npm run bench`: builds and starts the production server against the big house, then
// load-tests each route on loopback with autocannon, 10 then 50 connections, and writes
// bench/results.json (and a table). Every figure is also given as a ratio to the floors
// measured in the same run: /login (no session) and the session floor (a household page
// of one indexed query: session, guard, layout, activity); a small house (2 000 expenses)
// gives the scaling ratios; one person on one connection gives `singleUser`; the server
// reports the longest event-loop delay of the run (`stallMs`). BENCH_SECONDS (default 10)
// sets the time per route and level. A refused connection or reset is counted as an error
// of that route, never the end of the run.
import { SESSION_USER_COLUMNS } from '../src/lib/server/auth/sessions';
import { execSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageScripts } from './page-scripts';
import { locales } from '../src/lib/paraglide/runtime.js';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { ensureDatabase, prepareDatabase, withDatabase } from '../src/lib/server/db/bootstrap';
import { serverHeapFlag } from './server-heap';

// Seeding the big house (in this process) writes years of history in long statements: no per-query bound.
process.env.DATABASE_QUERY_TIMEOUT_MS ??= '0';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BIG = Number(process.env.BIG_EXPENSES ?? 200_000);
const SMALL = 2_000;

if (!process.env.BENCH_SKIP_BUILD) execSync('npm run build', { stdio: 'inherit' });
const database = await prepareDatabase({ dataDir: '.data/bench-postgres', fresh: !process.env.DATABASE_URL, databaseName: 'bench' });
process.env.DATABASE_URL = database.url;
const { seedBigHousehold, BIG_PASSWORD } = await import('../src/lib/server/demo/big');
const { getDb, closeDb } = await import('../src/lib/server/db');
const { regenerateFeed } = await import('../src/lib/server/chores/feed-links');
const { encodeCursor } = await import('../src/lib/server/api/pagination');
const { todayIn } = await import('../src/lib/dates');
const { plusDays } = await import('../src/lib/dates');

console.log(`Seeding the big house (${BIG} expenses)…`);
const began = performance.now();
const big = await seedBigHousehold({ expenses: BIG, emailTag: `-big-${Date.now().toString(36)}`, log: console.log });
const seedSeconds = Math.round((performance.now() - began) / 100) / 10;
console.log(`Seeded in ${seedSeconds} s. Seeding the small house (${SMALL} expenses)…`);
const small = await seedBigHousehold({ expenses: SMALL, emailTag: `-small-${Date.now().toString(36)}` });

/**
 * The whole instance (both houses) backed up and restored into a new database, as
 * `npm run backup` and `npm run restore` do, timed: each should fit in the seeding's
 * time (`backup.backupRatio`, `restoreRatio`: seconds ÷ seedSeconds).
 */
async function timeBackupAndRestore() {
	const { writeBackup } = await import('../src/lib/server/backup/backup');
	const { restoreBackup } = await import('../src/lib/server/backup/restore');
	const file = join(tmpdir(), `hearth-bench-${Date.now()}.backup.gz`);
	console.log('Backing up the instance…');
	let began = performance.now();
	const written = await writeBackup(database.url, file);
	const backupSeconds = Math.round((performance.now() - began) / 100) / 10;
	const serverUrl = withDatabase(database.url, 'postgres');
	await dropDatabase(serverUrl, 'bench_restored');
	await ensureDatabase(serverUrl, 'bench_restored');
	console.log(`Backed up in ${backupSeconds} s (${Math.round(written.bytes / 2 ** 20)} MB). Restoring it into a new database…`);
	began = performance.now();
	const restored = await restoreBackup(withDatabase(database.url, 'bench_restored'), file);
	const restoreSeconds = Math.round((performance.now() - began) / 100) / 10;
	console.log(`Restored ${restored.rows} rows in ${restoreSeconds} s.`);
	await dropDatabase(serverUrl, 'bench_restored');
	rmSync(file, { force: true });
	const ratioToSeed = (seconds: number) => Math.round((seconds / seedSeconds) * 100) / 100;
	return {
		backupSeconds,
		restoreSeconds,
		megabytes: Math.round((written.bytes / 2 ** 20) * 10) / 10,
		rows: restored.rows,
		backupRatio: ratioToSeed(backupSeconds),
		restoreRatio: ratioToSeed(restoreSeconds)
	};
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
	await client.end();
}
const backup = process.env.BENCH_ROUTES ? null : await timeBackupAndRestore();

/** What each house's routes need: a feed token and a cursor deep in the expense history. */
async function extras(house: typeof big) {
	const db = getDb();
	const member = await db
		.selectFrom('members')
		.selectAll()
		.where('householdId', '=', house.householdId)
		.where('id', '=', house.adminMemberId)
		.executeTakeFirstOrThrow();
	const household = await db.selectFrom('households').selectAll().where('id', '=', house.householdId).executeTakeFirstOrThrow();
	const user = await db.selectFrom('users').select(SESSION_USER_COLUMNS).where('id', '=', member.userId!).executeTakeFirstOrThrow();
	const feedUrl = await regenerateFeed({ user, household, member }, 'household');
	const deep = await db
		.selectFrom('expenses')
		.select(['spentOn', 'createdAt', 'id'])
		.where('householdId', '=', house.householdId)
		.where('deletedAt', 'is', null)
		.orderBy('spentOn', 'desc')
		.orderBy('createdAt', 'desc')
		.orderBy('id', 'desc')
		.offset(Math.floor(house === big ? BIG * 0.75 : SMALL * 0.75))
		.limit(1)
		.executeTakeFirstOrThrow();
	const open = await db
		.selectFrom('proposals')
		.select('id')
		.where('householdId', '=', house.householdId)
		.where('status', '=', 'open')
		.where('kind', '=', 'consent')
		.orderBy('closesAt', 'desc')
		.executeTakeFirstOrThrow();
	return {
		openConsentProposalId: open.id,
		feedPath: new URL(feedUrl, 'http://x').pathname + new URL(feedUrl, 'http://x').search,
		cursor: encodeCursor({ spentOn: deep.spentOn, createdAt: deep.createdAt.toISOString(), id: deep.id }),
		member
	};
}
/**
 * A chore that started seven years ago with no stored history (as an old import can hold):
 * the worst case for planning a dashboard, measured by the stall probe below.
 */
async function addFarPastChore(house: typeof big): Promise<void> {
	const db = getDb();
	const startOn = plusDays(todayIn('Europe/Berlin'), -7 * 365);
	const chore = await db
		.insertInto('chores')
		.values({
			householdId: house.householdId,
			name: 'Ancient rota',
			effort: 1,
			schedule: JSON.stringify({ kind: 'daily', interval: 1, startOn, endOn: null, time: null }),
			strategy: 'fair',
			createdByMemberId: house.adminMemberId
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const members = await db
		.selectFrom('members')
		.select('id')
		.where('householdId', '=', house.householdId)
		.where('active', '=', true)
		.orderBy('id')
		.limit(8)
		.execute();
	const ids = [house.adminMemberId, ...members.map((m) => m.id).filter((id) => id !== house.adminMemberId)].slice(0, 8);
	await db
		.insertInto('choreParticipants')
		.values(ids.map((memberId, position) => ({ householdId: house.householdId, choreId: chore.id, memberId, position })))
		.execute();
}
await addFarPastChore(big);
const bigExtras = await extras(big);
const smallExtras = await extras(small);
await closeDb();

const port = await new Promise<number>((resolve) => {
	const probe = createServer().listen(0, () => {
		const { port } = probe.address() as { port: number };
		probe.close(() => resolve(port));
	});
});
const base = `http://127.0.0.1:${port}`;
const loopReport = join(tmpdir(), `hearth-bench-loop-${process.pid}.json`);
// BENCH_NODE_FLAGS: V8 flags for the server (e.g. to try heap sizes); by default the heap cap `npm start` sets.
const nodeFlags = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [serverHeapFlag()];
const server = spawn(process.execPath, [...nodeFlags, 'build/index.js'], {
	env: {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: base,
		API_RATE_LIMIT_PER_MINUTE: '0',
		HEARTH_JOBS: '0',
		NODE_ENV: 'production',
		HEARTH_EVENT_LOOP_REPORT: loopReport
	},
	stdio: ['ignore', 'inherit', 'inherit']
});
/** The server closes its pool before the database stops (else every pooled connection logs its loss). */
function stopServer(): Promise<void> {
	return new Promise((resolve) => {
		if (server.exitCode !== null) return resolve();
		server.once('exit', () => resolve());
		server.kill('SIGTERM');
	});
}
for (let i = 0; ; i++) {
	try {
		if ((await fetch(`${base}/login`)).ok) break;
	} catch {
		if (i > 200) throw new Error('The server did not start.');
	}
	await new Promise((r) => setTimeout(r, 100));
}

async function logIn(email: string): Promise<string> {
	const response = await fetch(`${base}/api/v1/sessions`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password: BIG_PASSWORD })
	});
	if (!response.ok) throw new Error(`Log in failed: ${response.status}`);
	return ((await response.json()) as { token: string }).token;
}

interface Route {
	name: string;
	path: string;
	method?: 'GET' | 'POST';
	auth?: 'cookie' | 'bearer';
	body?: string;
	page?: boolean;
	/** A path per request instead of one path (each chore completion acts on another occurrence). */
	nextPath?: () => string;
	/** Sent as the real client sends them (calendar apps accept gzip). */
	headers?: Record<string, string>;
}

/**
 * Pending occurrences of the coming year, each completed once by one request of the
 * chore-completion route (completing one twice is a 409, rightly).
 */
async function pendingOccurrences(house: typeof big, token: string): Promise<string[]> {
	const today = todayIn('Europe/Berlin');
	const api = `/api/v1/households/${house.householdId}`;
	const response = await fetch(`${base}${api}/chore-calendar?from=${plusDays(today, 1)}&to=${plusDays(today, 364)}`, {
		headers: { authorization: `Bearer ${token}` }
	});
	const { items } = (await response.json()) as { items: Array<{ choreId: string; dueOn: string; status: string; assigneeMemberId: string | null }> };
	return items.filter((o) => o.status === 'pending' && o.assigneeMemberId).map((o) => `${api}/chores/${o.choreId}/occurrences/${o.dueOn}/complete`);
}

function routesOf(house: typeof big, extra: typeof bigExtras, occurrences: string[] = []): Route[] {
	const h = `/h/${house.householdId}`;
	const today = todayIn('Europe/Berlin');
	let taken = 0;
	const expense = {
		description: 'Bench lunch',
		amountMinor: 1234,
		spentOn: today,
		category: 'groceries',
		payers: [{ memberId: house.adminMemberId, amountMinor: 1234 }],
		split: { mode: 'equal', parts: [{ memberId: house.adminMemberId }] }
	};
	return [
		{ name: 'floor: /login', path: '/login', page: true },
		{ name: 'session floor', path: `${h}/activity`, auth: 'cookie', page: true },
		{ name: 'dashboard', path: h, auth: 'cookie', page: true },
		{ name: 'expense list', path: `${h}/expenses`, auth: 'cookie', page: true },
		{ name: 'expense list, deep page', path: `${h}/expenses?after=${encodeURIComponent(extra.cursor)}`, auth: 'cookie' },
		{ name: 'balances page', path: `${h}/balances`, auth: 'cookie', page: true },
		{ name: 'GET /api/v1/…/balances', path: `/api/v1/households/${house.householdId}/balances`, auth: 'bearer' },
		{ name: 'chore calendar, month', path: `${h}/chores?view=month&date=${today}`, auth: 'cookie', page: true },
		{ name: 'ICS feed', path: extra.feedPath, headers: { 'accept-encoding': 'gzip' } },
		{ name: 'proposals list', path: `${h}/proposals`, auth: 'cookie', page: true },
		{ name: 'closed ranked proposal', path: `${h}/proposals/${house.rankedProposalId}`, auth: 'cookie', page: true },
		{ name: 'POST new expense', path: `/api/v1/households/${house.householdId}/expenses`, method: 'POST', auth: 'bearer', body: JSON.stringify(expense) },
		{
			name: 'POST a vote',
			path: `/api/v1/households/${house.householdId}/proposals/${extra.openConsentProposalId}/votes`,
			method: 'POST',
			auth: 'bearer',
			body: JSON.stringify({ position: 'yes' })
		},
		{
			name: 'POST a chore completion',
			path: occurrences[0] ?? `${h}/none`,
			nextPath: () => occurrences[taken++ % Math.max(1, occurrences.length)]!,
			method: 'POST',
			auth: 'bearer',
			body: '{}'
		}
	];
}

interface Measured {
	name: string;
	connections: number;
	rps: number;
	p50: number;
	p95: number;
	p99: number;
	errors: number;
	/** The longest event-loop delay while this route ran (the run's `stallMs` is the largest of these). */
	stallMs?: number | null;
	/** The server's peak RSS while this route ran (its warm-up included), in MB. */
	peakRssMb?: number;
}

const round = (n: number) => Math.round(n * 100) / 100;
const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);

/**
 * Waits until the server is idle again (a route's backlog must not land on the next route's
 * figures). On a loaded machine a probe may be reset or refused: that is not idle yet.
 */
async function settle(): Promise<void> {
	for (let i = 0; i < 600; i++) {
		const began = performance.now();
		const answered = await fetch(`${base}/login`)
			.then((r) => r.arrayBuffer())
			.then(
				() => true,
				() => false
			);
		if (answered && performance.now() - began < 20) return;
		await new Promise((r) => setTimeout(r, 100));
	}
}

async function measure(route: Route, token: string, connections: number, seconds = SECONDS): Promise<Measured> {
	await settle();
	const headers: Record<string, string> = { ...route.headers };
	if (route.auth === 'cookie') headers.cookie = `hearth_session=${token}`;
	if (route.auth === 'bearer') headers.authorization = `Bearer ${token}`;
	if (route.body) headers['content-type'] = 'application/json';
	const times: number[] = [];
	let errors = 0;
	const result = await new Promise<autocannon.Result | null>((resolve) => {
		const instance = autocannon(
			{
				url: base + route.path,
				method: route.method ?? 'GET',
				headers,
				body: route.body,
				connections,
				duration: seconds,
				...(route.nextPath ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: route.nextPath!() }) }] } : {})
			},
			// A run that fails as a whole (the server gone) is reported with its errors, not thrown.
			(error, done) => resolve(error ? null : done)
		);
		// autocannon reports p97.5, not p95: keep every response time and take the percentiles here.
		instance.on('response', (_client, status, _bytes, time) => {
			times.push(time);
			if (status >= 400) errors++;
		});
	});
	times.sort((a, b) => a - b);
	return {
		name: route.name,
		connections,
		rps: round(times.length / seconds),
		p50: round(percentile(times, 50)),
		p95: round(percentile(times, 95)),
		p99: round(percentile(times, 99)),
		errors: result ? Math.max(errors, result.non2xx) + result.errors + result.timeouts : Math.max(errors, 1)
	};
}

let singleUserStallMs = 0;
/** One person on one connection: requests one after another (after five to warm up). */
async function singleUser(route: Route, token: string, count = 60, changes?: () => Promise<unknown>): Promise<{ name: string; p50: number; p95: number }> {
	await settle();
	await eventLoopMaxMs();
	const headers: Record<string, string> = {
		...route.headers,
		...(route.auth === 'bearer' ? { authorization: `Bearer ${token}` } : { cookie: `hearth_session=${token}` })
	};
	const times: number[] = [];
	for (let i = 0; i < count + 5; i++) {
		await changes?.();
		const began = performance.now();
		await fetch(base + route.path, { headers })
			.then((r) => r.arrayBuffer())
			.catch(() => undefined);
		if (i >= 5) times.push(performance.now() - began);
	}
	times.sort((a, b) => a - b);
	const stall = await eventLoopMaxMs();
	if (stall !== null && stall > 100) console.log(`  ${route.name}, one person: the event loop was once held ${stall} ms`);
	singleUserStallMs = Math.max(singleUserStallMs, stall ?? 0);
	return { name: route.name, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)) };
}

/**
 * The same person when the house changed before each of their requests (someone else's
 * write, here the version bumped directly): every page computed afresh, as a first visit
 * after a change is. What the household cache saves is the difference with `singleUser`.
 */
async function singleUserAfterChange(): Promise<Array<{ name: string; p50: number; p95: number }>> {
	const versionBumper = new pg.Client({ connectionString: database.url });
	await versionBumper.connect();
	const bumpVersion = () => versionBumper.query('update household_versions set version = version + 1 where household_id = $1', [big.householdId]);
	const runs = [];
	for (const route of routes.filter((r) => (r.method ?? 'GET') === 'GET' && !r.name.includes('floor')))
		runs.push(await singleUser(route, bigToken, 30, bumpVersion));
	await versionBumper.end();
	return runs;
}

/** The longest the server's event loop was held since the last ask (its SIGUSR2 report). */
async function eventLoopMaxMs(): Promise<number | null> {
	const before = existsSync(loopReport) ? readFileSync(loopReport, 'utf8') : '';
	server.kill('SIGUSR2');
	for (let i = 0; i < 50; i++) {
		await new Promise((r) => setTimeout(r, 100));
		const now = existsSync(loopReport) ? readFileSync(loopReport, 'utf8') : '';
		if (now && now !== before) return (JSON.parse(now) as { maxMs: number }).maxMs;
	}
	return null;
}

/** What a first visit to a page downloads (scripts/page-scripts.ts), each file gzip-compressed, in KB. */
async function clientJsKb(path: string, token: string, locale = 'en'): Promise<number> {
	const html = await (await fetch(base + path, { headers: { cookie: `hearth_session=${token}; hearth_locale=${locale}` } })).text();
	const bytes = pageScripts(html).reduce((sum, file) => sum + (existsSync(file) ? gzipSync(readFileSync(file)).length : 0), 0);
	return Math.round((bytes / 1024) * 10) / 10;
}

let runPeakRssMb = 0;
/** The server's peak RSS (`VmHWM`) since the last call, in MB; the run's peak is the largest of these. */
function peakRssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const peak = Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024);
	runPeakRssMb = Math.max(runPeakRssMb, peak);
	try {
		// Resets the high-water mark (Linux ≥ 4.0), so the next reading is one route's own peak.
		writeFileSync(`/proc/${pid}/clear_refs`, '5');
	} catch {
		// Not allowed here: the readings stay the process's peak so far.
	}
	return peak;
}

const bigToken = await logIn(big.adminEmail);
const smallToken = await logIn(small.adminEmail);
/** BENCH_ROUTES=dashboard,ICS feed: only those routes (and the floors), for a quick look; results.json is left as it is. */
const only = process.env.BENCH_ROUTES?.split(',').map((name) => name.trim());
const routes = routesOf(big, bigExtras, await pendingOccurrences(big, bigToken)).filter(
	(r) => !only || r.name.includes('floor') || only.some((name) => r.name.startsWith(name))
);
const measured: Measured[] = [];
// The start (module loading, first renders) is not a request's stall: count from here.
await measure(routes[1]!, bigToken, 1, 1);
await eventLoopMaxMs();
console.log(`Peak RSS of the start and the first page: ${peakRssMb(server.pid!)} MB`);
for (const connections of [10, 50]) {
	for (const route of routes) {
		// The warm-up (a first request computes what later ones find kept) counts for the stall.
		await eventLoopMaxMs();
		await measure(route, bigToken, Math.min(connections, 10), 1);
		const m = await measure(route, bigToken, connections);
		m.stallMs = await eventLoopMaxMs();
		m.peakRssMb = peakRssMb(server.pid!);
		measured.push(m);
		console.log(
			`${m.name.padEnd(28)} ${String(connections).padStart(3)} conns  ${String(m.rps).padStart(8)} req/s  p95 ${String(m.p95).padStart(7)} ms  errors ${m.errors}  stall ${m.stallMs} ms  peak RSS ${m.peakRssMb} MB`
		);
	}
}
if (only) {
	const single = [];
	for (const route of routes.filter((r) => (r.method ?? 'GET') === 'GET')) single.push(await singleUser(route, bigToken));
	console.table(single);
	console.table(await singleUserAfterChange());
	console.log(`Longest event-loop delay: ${await eventLoopMaxMs()} ms · peak RSS ${Math.max(peakRssMb(server.pid!), runPeakRssMb)} MB`);
	await stopServer();
	await database.stop();
	process.exit(0);
}
/**
 * Stalls: one heavy request at a time while /login is fetched every 10 ms; the slowest
 * /login answer is how long the heavy request held the event loop (target ≤ 100 ms).
 */
async function stall(route: Route, token: string): Promise<{ name: string; requestMs: number; worstLoginMs: number; status: number }> {
	await settle();
	let running = true;
	let worst = 0;
	const probe = (async () => {
		while (running) {
			const began = performance.now();
			await fetch(`${base}/login`).then((r) => r.arrayBuffer());
			worst = Math.max(worst, performance.now() - began);
			await new Promise((r) => setTimeout(r, 10));
		}
	})();
	const began = performance.now();
	const response = await fetch(base + route.path, { headers: { cookie: `hearth_session=${token}` } });
	await response.arrayBuffer();
	const requestMs = performance.now() - began;
	running = false;
	await probe;
	return { name: route.name, requestMs: round(requestMs), worstLoginMs: round(worst), status: response.status };
}
const farMonth = plusDays(todayIn('Europe/Berlin'), 700);
const stalls = [];
for (const route of [
	{ name: 'month two years ahead', path: `/h/${big.householdId}/chores?view=month&date=${farMonth}` },
	{ name: 'dashboard, chore started 7 years back', path: `/h/${big.householdId}` },
	{ name: 'month beyond the bound (422)', path: `/h/${big.householdId}/chores?view=month&date=2036-06-01` }
]) {
	for (let i = 0; i < 3; i++) stalls.push(await stall(route, bigToken));
}
console.table(stalls);

const scalingRoutes = ['dashboard', 'expense list', 'balances page'];
const smallRoutes = routesOf(small, smallExtras).filter((r) => scalingRoutes.includes(r.name));
const scaling = [];
for (const route of smallRoutes) {
	await measure(route, smallToken, 10, 1);
	const smallRun = await measure(route, smallToken, 50);
	const bigRun = measured.find((m) => m.name === route.name && m.connections === 50)!;
	scaling.push({ name: route.name, p95Big: bigRun.p95, p95Small: smallRun.p95, p95Ratio: Math.round((bigRun.p95 / Math.max(smallRun.p95, 0.01)) * 100) / 100 });
}
const singleUserRuns = [];
for (const route of routes.filter((r) => (r.method ?? 'GET') === 'GET')) singleUserRuns.push(await singleUser(route, bigToken));
console.table(singleUserRuns);
const singleUserAfterChangeRuns = await singleUserAfterChange();
console.table(singleUserAfterChangeRuns);
// The longest of the whole run: each load run's, and the rest's (stall probes, scaling, single user) since.
const stallMs = Math.max(...measured.map((m) => m.stallMs ?? 0), singleUserStallMs, (await eventLoopMaxMs()) ?? 0);
const clientJs: Record<string, number> = {};
const clientJsByLocale: Record<string, Record<string, number>> = {};
for (const route of routes.filter((r) => r.page)) {
	// Each language has its own scripts (scripts/build.ts): the page's figure is its largest.
	for (const locale of locales) (clientJsByLocale[route.name] ??= {})[locale] = await clientJsKb(route.path, bigToken, locale);
	clientJs[route.name] = Math.max(...Object.values(clientJsByLocale[route.name]!));
}
peakRssMb(server.pid!);
const peak = runPeakRssMb;
await stopServer();
await database.stop();

const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 0.01)) * 100) / 100;
const withRatios = measured.map((m) => {
	const floor = measured.find((f) => f.name.startsWith('floor') && f.connections === m.connections)!;
	const session = measured.find((f) => f.name === 'session floor' && f.connections === m.connections)!;
	return {
		...m,
		p95Ratio: ratio(m.p95, floor.p95),
		rpsRatio: ratio(m.rps, floor.rps),
		sessionP95Ratio: ratio(m.p95, session.p95),
		sessionRpsRatio: ratio(m.rps, session.rps)
	};
});
const cpu = cpus();
const results = {
	machine: `${cpu.length} × ${cpu[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version} (server: ${nodeFlags.join(' ') || 'no flags'}), ${database.embedded ? 'embedded PostgreSQL' : 'PostgreSQL at DATABASE_URL'}`,
	date: new Date().toISOString(),
	secondsPerRoute: SECONDS,
	expenses: { big: BIG, small: SMALL },
	seedSeconds,
	backup,
	peakRssMb: peak,
	stallMs,
	routes: withRatios,
	singleUser: singleUserRuns,
	singleUserAfterChange: singleUserAfterChangeRuns,
	scaling,
	stalls,
	clientJsKb: clientJs,
	clientJsKbByLocale: clientJsByLocale
};
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
// As `npm run lint` wants it (the file is committed with each run's figures).
execSync('npx prettier --write bench/results.json', { stdio: 'ignore' });

console.log(`\n${results.machine}\nSeeding the big house: ${seedSeconds} s · server peak RSS: ${peak} MB`);
console.log(`Backup of the instance: ${backup?.backupSeconds} s (${backup?.megabytes} MB) · restore: ${backup?.restoreSeconds} s (${backup?.rows} rows)\n`);
console.table(
	withRatios.map((r) => ({
		route: r.name,
		conns: r.connections,
		'req/s': r.rps,
		'p50 ms': r.p50,
		'p95 ms': r.p95,
		'p99 ms': r.p99,
		errors: r.errors,
		'p95 ÷ floor': r.p95Ratio,
		'req/s ÷ floor': r.rpsRatio,
		'p95 ÷ session': r.sessionP95Ratio,
		'req/s ÷ session': r.sessionRpsRatio
	}))
);
console.log(`Longest event-loop delay in the run (stallMs): ${stallMs ?? 'not reported'} ms`);
console.table(scaling.map((s) => ({ route: s.name, [`p95 at ${BIG}`]: s.p95Big, [`p95 at ${SMALL}`]: s.p95Small, 'big ÷ small': s.p95Ratio })));
console.table(Object.entries(clientJsByLocale).map(([route, kb]) => ({ route, ...kb })));
console.log('Written to bench/results.json');
process.exit(0);
