/**
 * What an operator reads: the server's log is JSON, a line a request, each line of a
 * request tagged with the id its answer carries in X-Request-Id; /metrics answers
 * Prometheus only with the instance's token and counts requests, the pool, jobs and the
 * event loop.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { describe, expect, it, inject } from 'vitest';
import { baseUrl, call, newAccount, newHousehold } from '$lib/server/testing/http';

const METRICS_TOKEN = 'test-metrics-token';

interface LogLine {
	level: string;
	time: string;
	msg: string;
	requestId?: string;
	method?: string;
	route?: string | null;
	path?: string;
	status?: number;
	ms?: number;
}

function logLines(): LogLine[] {
	const text = readFileSync(inject('httpServerLog'), 'utf8');
	// Every line the server wrote must parse: JSON.parse throws on the first one that does not.
	return text
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => JSON.parse(line) as LogLine);
}

/** Until the server's log has a line `found` picks (its stream is written a moment after the answer). */
async function waitForLine(found: (line: LogLine) => boolean): Promise<LogLine> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const line = logLines().find(found);
		if (line) return line;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('No such line in the server log');
}

interface Sample {
	name: string;
	labels: Record<string, string>;
	value: number;
}

/** Prometheus's text format (0.0.4), samples only: `name{label="value",…} number`. */
function parseMetrics(text: string): Sample[] {
	return text
		.split('\n')
		.filter((line) => line !== '' && !line.startsWith('#'))
		.map((line) => {
			const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
			if (!match) throw new Error(`Not a sample line: ${line}`);
			const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
			return { name: match[1]!, labels, value: Number(match[3]) };
		});
}

async function scrape(): Promise<Sample[]> {
	const response = await fetch(`${baseUrl()}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toContain('text/plain');
	return parseMetrics(await response.text());
}

const sample = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
	samples.find((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value));

describe('the log', () => {
	it('is JSON, a line a request with its route, status and time, under the id the answer carries', async () => {
		const requestId = `test-${randomUUID()}`;
		const response = await fetch(`${baseUrl()}/login`, { headers: { 'x-request-id': requestId } });
		expect(response.status).toBe(200);
		expect(response.headers.get('x-request-id')).toBe(requestId);
		const line = await waitForLine((l) => l.requestId === requestId && l.msg === 'request');
		expect(line).toMatchObject({ level: 'info', method: 'GET', route: '/login', path: '/login', status: 200 });
		expect(line.ms).toBeGreaterThanOrEqual(0);
		expect(Date.parse(line.time)).not.toBeNaN();
	});

	it('gives a request without an acceptable id a new one', async () => {
		for (const sent of [undefined, 'short', 'has spaces in it', 'x'.repeat(200), 'inject"\nline']) {
			const headers: Record<string, string> = sent === undefined ? {} : { 'x-request-id': sent.replace('\n', ' ') };
			const response = await fetch(`${baseUrl()}/api/v1/openapi.json`, { headers });
			const id = response.headers.get('x-request-id');
			expect(id).toMatch(/^[0-9a-f-]{36}$/);
			await waitForLine((l) => l.requestId === id && l.route === '/api/v1/openapi.json');
		}
	});

	it("tags each line written during a request with that request's id, however deep", async () => {
		const account = await newAccount('Logged');
		const household = await newHousehold(account.token);
		const requestId = `invite-${randomUUID()}`;
		const invite = await call(`/api/v1/households/${household.id}/invites`, {
			method: 'POST',
			token: account.token,
			body: { role: 'adult', email: `invitee-${randomUUID().slice(0, 8)}@test.example` },
			headers: { 'x-request-id': requestId }
		});
		expect(invite.status).toBe(201);
		// The mail module's line (no SMTP here: the invite is saved to a file) and the request's own.
		const mail = await waitForLine((l) => l.requestId === requestId && l.msg.startsWith('[mail]'));
		expect(mail.level).toBe('info');
		const request = await waitForLine((l) => l.requestId === requestId && l.msg === 'request');
		expect(request).toMatchObject({
			method: 'POST',
			route: '/api/v1/households/[hid]/invites',
			path: `/api/v1/households/${household.id}/invites`,
			status: 201
		});
	});

	it('writes the answer to an unknown address with its path and no route', async () => {
		const requestId = `missing-${randomUUID()}`;
		const response = await fetch(`${baseUrl()}/no/such/page`, { headers: { 'x-request-id': requestId } });
		expect(response.status).toBe(404);
		expect(await waitForLine((l) => l.requestId === requestId && l.msg === 'request')).toMatchObject({ route: null, path: '/no/such/page', status: 404 });
	});
});

describe('/metrics', () => {
	it('answers 401 without the token, with a wrong one and to a logged-in person', async () => {
		const account = await newAccount('Curious');
		for (const authorization of [undefined, 'Bearer wrong-token', `Bearer ${METRICS_TOKEN}x`, `Basic ${METRICS_TOKEN}`, `Bearer ${account.token}`]) {
			const response = await fetch(`${baseUrl()}/metrics`, { headers: authorization ? { authorization } : {} });
			expect(response.status).toBe(401);
			expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
			expect(await response.text()).not.toContain('hearth_');
		}
		const withCookie = await fetch(`${baseUrl()}/metrics`, { headers: { cookie: `hearth_session=${account.token}` } });
		expect(withCookie.status).toBe(401);
	});

	it('counts requests by route and status, and shows the pool and the event loop', async () => {
		const account = await newAccount('Counted');
		const household = await newHousehold(account.token);
		const route = '/api/v1/households/[hid]/expenses';
		const count = (samples: Sample[]) => sample(samples, 'hearth_http_request_duration_seconds_count', { method: 'GET', route, status: '200' })?.value ?? 0;
		const before = count(await scrape());
		for (let i = 0; i < 3; i++) expect((await call(`/api/v1/households/${household.id}/expenses`, { token: account.token })).status).toBe(200);
		const samples = await scrape();
		// Other test files share the server, so at least ours.
		expect(count(samples) - before).toBeGreaterThanOrEqual(3);
		expect(sample(samples, 'hearth_http_request_duration_seconds_bucket', { route, le: '+Inf' })).toBeDefined();
		// Addresses are not labels: the household's id appears nowhere.
		expect(samples.some((s) => Object.values(s.labels).some((value) => value.includes(household.id)))).toBe(false);
		expect(sample(samples, 'hearth_db_pool_max')?.value).toBeGreaterThan(0);
		expect(sample(samples, 'hearth_db_pool_connections', { state: 'idle' })).toBeDefined();
		expect(sample(samples, 'hearth_db_pool_connections', { state: 'busy' })).toBeDefined();
		expect(sample(samples, 'hearth_db_pool_waiting')?.value).toBeGreaterThanOrEqual(0);
		expect(sample(samples, 'nodejs_eventloop_lag_p99_seconds')?.value).toBeGreaterThan(0);
		expect(sample(samples, 'nodejs_eventloop_lag_max_seconds')).toBeDefined();
		expect(sample(samples, 'hearth_backup_last_success_timestamp_seconds')).toBeDefined();
	});

	it('counts the background jobs that ran', async () => {
		const account = await newAccount('Forgetful');
		const runs = (samples: Sample[]) => sample(samples, 'hearth_job_runs_total', { queue: 'password-reset', outcome: 'succeeded' })?.value ?? 0;
		const before = runs(await scrape());
		// A reset request hands its mail to the job runner.
		const asked = await fetch(`${baseUrl()}/reset-password`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl(), 'x-test-client-address': `metrics-${randomUUID()}` },
			body: new URLSearchParams({ email: account.email }),
			redirect: 'manual'
		});
		expect(asked.status).toBeLessThan(400);
		for (let attempt = 0; attempt < 100 && runs(await scrape()) === before; attempt++) await new Promise((r) => setTimeout(r, 200));
		const samples = await scrape();
		expect(runs(samples)).toBeGreaterThan(before);
		expect(sample(samples, 'hearth_job_duration_seconds_count', { queue: 'password-reset' })?.value).toBeGreaterThan(0);
	});
});
