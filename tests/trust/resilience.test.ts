/**
 * The app against a database that goes away: a server killed in the middle of a burst
 * of writes loses no acknowledged expense and leaves none half-written; connections cut
 * by PostgreSQL are replaced; while the database cannot be reached every page and endpoint
 * answers a clear 503, and the app recovers by itself when it is back. The app runs here
 * as its own process, reaching PostgreSQL through a TCP relay this test can cut.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, Socket, type AddressInfo, type Server } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let databaseUrl: URL;
let relay: Server;
let relayPort: number;
const relayed = new Set<Socket>();
let app: ChildProcess | undefined;
let appPort: number;
let db: pg.Client;

const base = () => `http://127.0.0.1:${appPort}`;

async function freePort(): Promise<number> {
	const probe = createServer().listen(0, '127.0.0.1');
	await new Promise((r) => probe.once('listening', r));
	const { port } = probe.address() as AddressInfo;
	await new Promise((r) => probe.close(r));
	return port;
}

/** Starts relaying to PostgreSQL on relayPort (again). */
async function relayUp(): Promise<void> {
	relay = createServer((client) => {
		const server = new Socket();
		server.connect(Number(databaseUrl.port), databaseUrl.hostname);
		for (const socket of [client, server]) {
			relayed.add(socket);
			socket.on('close', () => relayed.delete(socket));
			socket.on('error', () => socket.destroy());
		}
		client.pipe(server).pipe(client);
	});
	relay.listen(relayPort, '127.0.0.1');
	await new Promise((r) => relay.once('listening', r));
}

/** The database becomes unreachable: no new connections, open ones cut. */
async function relayDown(): Promise<void> {
	await new Promise((r) => {
		relay.close(r);
		for (const socket of relayed) socket.destroy();
	});
}

async function startApp(env: Record<string, string> = {}): Promise<void> {
	const url = new URL(databaseUrl);
	url.host = `127.0.0.1:${relayPort}`;
	app = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			DATABASE_URL: url.toString(),
			PORT: String(appPort),
			HOST: '127.0.0.1',
			ORIGIN: base(),
			HEARTH_JOBS: '0',
			API_RATE_LIMIT_PER_MINUTE: '0',
			// Well inside the 15 s each request here may take: a query on a cut connection fails rather than waits.
			DATABASE_QUERY_TIMEOUT_MS: '5000',
			ADDRESS_HEADER: 'x-test-client-address',
			...env
		},
		stdio: ['ignore', 'ignore', 'ignore']
	});
	for (let i = 0; i < 100; i++) {
		try {
			await fetch(`${base()}/login`);
			return;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	throw new Error('The app did not start.');
}

async function killApp(): Promise<void> {
	const exited = new Promise((r) => app!.once('exit', r));
	app!.kill('SIGKILL');
	await exited;
}

async function api(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
	const headers: Record<string, string> = { 'content-type': 'application/json', 'x-test-client-address': `resilience-${Math.random()}` };
	if (init.token) headers.authorization = `Bearer ${init.token}`;
	const response = await fetch(`${base()}${path}`, {
		method: init.method ?? 'GET',
		headers,
		body: init.body === undefined ? undefined : JSON.stringify(init.body),
		signal: AbortSignal.timeout(15_000)
	});
	const text = await response.text();
	return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text, headers: response.headers };
}

let token: string;
let householdId: string;
let memberId: string;

beforeAll(async () => {
	databaseUrl = new URL(process.env.DATABASE_URL!);
	relayPort = await freePort();
	appPort = await freePort();
	await relayUp();
	await startApp();
	const email = `steady-${Math.random().toString(36).slice(2)}@test.example`;
	await api('/api/v1/users', { method: 'POST', body: { email, password: 'long enough password', displayName: 'Steady' } });
	token = (await api('/api/v1/sessions', { method: 'POST', body: { email, password: 'long enough password' } })).body.token;
	const household = await api('/api/v1/households', { method: 'POST', token, body: { name: 'Steady House', currency: 'EUR', timezone: 'Europe/Berlin' } });
	householdId = household.body.id;
	memberId = household.body.me.memberId;
	const partner = await api(`/api/v1/households/${householdId}/members`, { method: 'POST', token, body: { displayName: 'Partner', role: 'adult' } });
	expect(partner.status).toBe(201);
	db = new pg.Client({ connectionString: databaseUrl.toString() });
	await db.connect();
});

afterAll(async () => {
	if (app && app.exitCode === null) await killApp();
	await relayDown().catch(() => {});
	await db.end();
});

/** Every expense whole: payers and shares add up to its amount; the balances sum to zero. */
async function expectNothingHalfWritten(): Promise<void> {
	const broken = await db.query(
		`select e.id from expenses e where e.household_id = $1 and (
			e.amount_minor <> (select coalesce(sum(amount_minor), 0) from expense_payers p where p.household_id = e.household_id and p.expense_id = e.id)
			or e.amount_minor <> (select coalesce(sum(amount_minor), 0) from expense_shares s where s.household_id = e.household_id and s.expense_id = e.id))`,
		[householdId]
	);
	expect(broken.rows).toEqual([]);
	const orphans = await db.query(
		`select count(*)::int as n from expense_shares s where s.household_id = $1 and not exists (select 1 from expenses e where e.household_id = s.household_id and e.id = s.expense_id)`,
		[householdId]
	);
	expect(orphans.rows[0].n).toBe(0);
	const balances = await db.query('select coalesce(sum(net_minor), 0)::int as total from member_balances where household_id = $1', [householdId]);
	expect(balances.rows[0].total).toBe(0);
}

function burst(count: number, label: string) {
	const partnerId = () => db.query('select id from members where household_id = $1 and display_name = $2', [householdId, 'Partner']);
	return partnerId().then(({ rows }) =>
		Array.from({ length: count }, (_, i) =>
			api(`/api/v1/households/${householdId}/expenses`, {
				method: 'POST',
				token,
				body: {
					description: `${label} ${i}`,
					amountMinor: 1001 + i,
					spentOn: '2026-11-20',
					category: 'groceries',
					payers: [{ memberId, amountMinor: 1001 + i }],
					split: { mode: 'equal', parts: [{ memberId }, { memberId: rows[0].id }] }
				}
			}).catch((error: Error & { cause?: { code?: string } }) => ({ status: `no answer (${error.cause?.code ?? error.name})`, body: null }))
		)
	);
}

describe('when the server or the database goes away', { timeout: 60_000 }, () => {
	it('a server killed in the middle of a burst of writes keeps every acknowledged expense, whole', async () => {
		const requests = await burst(60, 'Burst');
		await new Promise((r) => setTimeout(r, 150));
		await killApp();
		const results = await Promise.all(requests);
		const acknowledged = results.filter((r) => r?.status === 201).map((r) => r!.body.id as string);
		await startApp();
		const stored = await db.query('select id from expenses where household_id = $1 and description like $2', [householdId, 'Burst %']);
		const ids = new Set(stored.rows.map((r) => r.id));
		for (const id of acknowledged) expect(ids.has(id)).toBe(true);
		await expectNothingHalfWritten();
		// And it works again.
		expect((await api(`/api/v1/households/${householdId}/balances`, { token })).status).toBe(200);
	});

	it('connections cut by PostgreSQL in the middle of writes are replaced; nothing is half-written', async () => {
		const requests = await burst(40, 'Cut');
		await new Promise((r) => setTimeout(r, 50));
		await db.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
		const results = await Promise.all(requests);
		// Every request is answered (none hangs on a dead connection): saved, or refused with 503.
		expect(results.map((r) => r.status).filter((status) => status !== 201 && status !== 503)).toEqual([]);
		await expectNothingHalfWritten();
		expect((await api(`/api/v1/households/${householdId}/balances`, { token })).status).toBe(200);
	});

	it('the database going away while a job runs does not end the server', async () => {
		await killApp();
		// The job runner on: the notification delivery job, sent at start, asks the database every 200 ms for a minute.
		await startApp({ HEARTH_JOBS: '1', HEARTH_DELIVERY_POLL_MS: '200' });
		const activeDelivery = async () => (await db.query(`select 1 from pgboss.job where name = 'deliver-notifications' and state = 'active'`)).rowCount! > 0;
		for (let i = 0; i < 100 && !(await activeDelivery()); i++) await new Promise((r) => setTimeout(r, 100));
		expect(await activeDelivery()).toBe(true);
		// The job fails on the cut connection, and pg-boss, recording that, finds no database either.
		await relayDown();
		await new Promise((r) => setTimeout(r, 3000));
		await relayUp();
		expect(app!.exitCode).toBeNull();
		let status = 0;
		for (let i = 0; i < 50 && status !== 200; i++) {
			status = (await fetch(`${base()}/healthz`).catch(() => ({ status: 0 }))).status;
			if (status !== 200) await new Promise((r) => setTimeout(r, 200));
		}
		expect(status).toBe(200);
		expect(app!.exitCode).toBeNull();
	});

	it('while the database is unreachable: a clear 503 page and API error; back by itself afterwards', async () => {
		await relayDown();
		try {
			const page = await fetch(`${base()}/h/${householdId}`, { headers: { cookie: `hearth_session=${token}` } });
			expect(page.status).toBe(503);
			expect(page.headers.get('retry-after')).toBe('30');
			expect(await page.text()).toContain('Hearth cannot reach its database right now.');
			const endpoint = await api(`/api/v1/households/${householdId}/balances`, { token });
			expect(endpoint.status).toBe(503);
			expect(endpoint.body.error.code).toBe('unavailable');
			// A page that needs no database still works.
			expect((await fetch(`${base()}/login`)).status).toBe(200);
		} finally {
			await relayUp();
		}
		let status = 0;
		for (let i = 0; i < 50 && status !== 200; i++) {
			status = (await fetch(`${base()}/h/${householdId}`, { headers: { cookie: `hearth_session=${token}` } })).status;
			if (status !== 200) await new Promise((r) => setTimeout(r, 200));
		}
		expect(status).toBe(200);
	});
});
