/**
 * Every JSON body the API accepts (read from its operations, so a new one cannot be
 * missed), each field in turn replaced by each hostile value, then left out, then the
 * whole body replaced: a 4xx naming the problem, never a 500, nothing stored. Where the
 * value is valid text and the request succeeds, it is stored exactly as sent.
 */
import { mondayInWeeks, shift } from '$lib/server/testing/days';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { operations } from '$lib/server/api/openapi';
import { baseUrl, call, postEarlyAnswered } from '$lib/server/testing/http';
import { HOSTILE_JSON, INJECTION_TEXT } from '$lib/server/testing/hostile';
import { householdSnapshot } from '$lib/server/testing/snapshot';
import { routeIn, setUpGuardedHouse, type GuardedHouse } from '$lib/server/testing/guarded-house';

let house: GuardedHouse;
let db: pg.Client;
let exported: unknown;
let rules: unknown;

/** Personal access tokens of the owner, a fresh one every 100 calls: the API's per-credential limit is not what is tested here. */
let token = '';
let uses = 0;
async function credential(): Promise<string> {
	if (!token || ++uses >= 100) {
		const made = await call('/api/v1/me/tokens', {
			method: 'POST',
			token: house.owner.token,
			body: { name: `bad input ${Math.random()}`, password: house.owner.password }
		});
		token = made.body.token;
		uses = 0;
	}
	return token;
}

const unique = () => Math.random().toString(36).slice(2, 10);

/** A body each operation accepts; the hostile values are put into it one field at a time. */
function bases(): Record<string, () => Record<string, unknown>> {
	const me = house.household.me.memberId;
	const money = { payers: [{ memberId: me, amountMinor: 1000 }], split: { mode: 'equal', parts: [{ memberId: me }] } };
	return {
		'POST /me/tokens': () => ({ name: 'script', password: house.owner.password }),
		'POST /me/push-subscriptions': () => ({
			endpoint: `https://push.example/send/${unique()}`,
			keys: { p256dh: 'BOr8kzL5wYqjbW2R0s0Yb3nq2ZbW3YkQeG9sZkF0p1qkS9h3b1a3v0n8c7x6z5y4w3v2u1t0s9r8q7p6o5n4m3l', auth: 'k8JV6sjdbhAi1n3_LDBLvA' }
		}),
		'POST /sessions': () => ({ email: house.owner.email, password: 'not the password' }),
		'POST /users': () => ({ email: `new-${unique()}@test.example`, password: 'long enough password', displayName: 'Newcomer' }),
		'POST /households/{hid}/members/{mid}/absences': () => ({ from: mondayInWeeks(12), to: shift(mondayInWeeks(12), 2), note: 'Away' }),
		'POST /households/{hid}/members': () => ({ displayName: 'Grandma', role: 'adult', shareWeight: 1, choreCapacity: 1 }),
		'POST /households': () => ({ name: 'Another House', currency: 'EUR', timezone: 'Europe/Berlin' }),
		'POST /households/{hid}/invites': () => ({ role: 'adult', maxUses: 2, expiresInDays: 7 }),
		'PATCH /households/{hid}/members/{mid}': () => ({ displayName: 'Owner', version: 1 }),
		'POST /households/{hid}/expenses': () => ({ description: 'Bread', amountMinor: 1000, spentOn: '2026-11-20', category: 'groceries', notes: '', ...money }),
		'POST /households/{hid}/recurring-expenses': () => ({
			description: 'Phone',
			amountMinor: 1000,
			category: 'utilities',
			...money,
			schedule: { kind: 'monthly', dayOfMonth: 3, startOn: mondayInWeeks(8) }
		}),
		'POST /households/{hid}/settlements': () => ({ fromMemberId: me, toMemberId: me, amountMinor: 100, paidOn: '2026-11-20', note: '' }),
		'PATCH /households/{hid}/expenses/{eid}': () => ({ version: 1, description: 'Rent' }),
		'POST /households/{hid}/chores/{cid}/occurrences/{dueOn}/complete': () => ({ doneByMemberId: me }),
		'POST /households/{hid}/chores': () => ({
			name: 'Sweep',
			effort: 1,
			schedule: { kind: 'weekly', interval: 1, weekdays: [1], startOn: mondayInWeeks(8) },
			assignment: { strategy: 'rotate', memberIds: [me] }
		}),
		'POST /households/{hid}/chores/{cid}/occurrences/{dueOn}/reassign': () => ({ memberId: me }),
		'POST /households/{hid}/chores/{cid}/occurrences/{dueOn}/skip': () => ({ reason: 'Raining' }),
		'PATCH /households/{hid}/chores/{cid}': () => ({ name: 'Bins', version: 1 }),
		'POST /households/{hid}/proposals/{pid}/comments': () => ({ body: 'Agreed.' }),
		'POST /households/{hid}/proposals/{pid}/votes': () => ({ position: 'yes', reason: '' }),
		'POST /households/{hid}/proposals': () => ({ title: 'New rug', body: '', kind: 'consent', closesAt: new Date(Date.now() + 86_400_000).toISOString() }),
		'PATCH /households/{hid}/proposals/{pid}': () => ({ title: 'Paint the hall' }),
		'POST /households/{hid}/things': () => ({
			name: `Bike ${unique()}`,
			kind: 'vehicle',
			description: '',
			cost: { amountMinor: 150, unit: 'hour', paidToMemberId: me },
			rules: { bookableBy: ['adult'], bufferMinutes: 0 }
		}),
		'PATCH /households/{hid}/things/{sid}': () => ({ description: 'Fold-out bed', version: 1 }),
		'POST /households/{hid}/things/{sid}/bookings': () => {
			// A free slot each time: a day and an hour of its own, far ahead.
			const start = Date.now() + (40 + Math.floor(Math.random() * 300)) * 86_400_000;
			return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(), note: '', repeatWeeks: 1 };
		},
		'POST /households/{hid}/bookings/{bid}/decision': () => ({ approve: true }),
		'POST /households/{hid}/bookings/{bid}/hand-over': () => ({ memberId: me }),
		'POST /households/{hid}/bookings/{bid}/check-out': () => ({ note: '48 210 km', km: 48_210 }),
		'POST /households/{hid}/bookings/{bid}/return': () => ({ note: 'Tank half full', km: 48_330 }),
		'POST /households/{hid}/meals': () => {
			const served = Date.now() + (40 + Math.floor(Math.random() * 300)) * 86_400_000;
			return { servedAt: new Date(served).toISOString(), closesAt: new Date(served - 3_600_000).toISOString(), menu: 'Stew', maxPortions: 12 };
		},
		'PATCH /households/{hid}/meals/{meal}': () => ({ notes: 'Bring bowls', maxPortions: 20 }),
		'POST /households/{hid}/meals/{meal}/sign-up': () => ({ eating: true, portions: 1, guests: 1, diet: 'No nuts' }),
		'POST /households/{hid}/meals/{meal}/crew': () => ({ task: 'clean', joining: true }),
		'POST /households/{hid}/meals/{meal}/cost': () => ({ amountMinor: 2400, paidByMemberId: me }),
		'POST /households/{hid}/funds': () => ({ name: `Fund ${unique()}`, purpose: 'Repairs', basis: 'fixed', monthlyMinor: 1000, approvalAboveMinor: 5000 }),
		'PATCH /households/{hid}/funds/{fund}': () => ({ purpose: 'Shared groceries', version: 1 }),
		'POST /households/{hid}/funds/{fund}/contributions': () => ({ memberId: me, amountMinor: 500, paidOn: '2026-11-20', note: 'November' }),
		'POST /households/{hid}/funds/{fund}/spending': () => ({ description: 'Soap', amountMinor: 100, spentOn: '2026-11-21', category: 'supplies', notes: '' }),
		'PUT /households/{hid}/decision-rules': () => structuredClone(rules) as Record<string, unknown>,
		'POST /households/import': () => structuredClone(exported) as Record<string, unknown>,
		'POST /households/{hid}/imports/splitwise': () => ({ csv: readFileSync('tests/fixtures/splitwise-sample.csv', 'utf8'), dryRun: true })
	};
}

/** An operation's path (`{eid}`) with the guarded house's ids in it. */
const pathOf = (template: string) => '/api/v1' + routeIn(house, template.replace(/\{(\w+)\}/g, '[$1]'), { dueOn: shift(mondayInWeeks(8), 1) });

/** What a refused request might have created outside the household: only this test's own rows (other files share the server). */
async function counts(body: unknown) {
	const email = typeof body === 'object' && body !== null && 'email' in body && typeof body.email === 'string' ? body.email.replaceAll('\u0000', '') : '';
	const { rows } = await db.query(
		`select (select count(*) from users where email = $2) as users, (select count(*) from members where user_id = $1) as memberships, (select count(*) from access_tokens where user_id = $1) as tokens, (select count(*) from push_subscriptions where user_id = $1) as pushes`,
		[house.owner.id, email]
	);
	return rows[0];
}

const bodyOperations = operations.filter((o) => o.body);

beforeAll(async () => {
	house = await setUpGuardedHouse();
	db = new pg.Client({ connectionString: inject('httpDatabaseUrl') });
	await db.connect();
	exported = (await call(`/api/v1/households/${house.household.id}/export`, { token: house.owner.token })).body;
	rules = (await call(`/api/v1/households/${house.household.id}/decision-rules`, { token: house.owner.token })).body;
});

afterAll(async () => {
	await db.end();
});

describe('hostile API bodies', () => {
	it('has a valid body for every operation that takes one', () => {
		const known = Object.keys(bases());
		expect(bodyOperations.map((o) => `${o.method} ${o.path}`).filter((key) => !known.includes(key))).toEqual([]);
	});

	it.each(bodyOperations.map((o) => [`${o.method} ${o.path}`, o] as const))('%s', async (key, operation) => {
		const base = bases()[key]!;
		const fields = Object.keys(base());
		const attempts: Array<{ label: string; body: unknown; field?: string; value?: unknown }> = [];
		for (const field of fields) {
			for (const value of HOSTILE_JSON)
				attempts.push({ label: `${field} = ${JSON.stringify(value)?.slice(0, 40)}`, body: { ...base(), [field]: value }, field, value });
			const without = base();
			delete without[field];
			attempts.push({ label: `${field} left out`, body: without });
		}
		for (const value of HOSTILE_JSON.filter((v) => typeof v !== 'object' || Array.isArray(v)))
			attempts.push({ label: `body = ${JSON.stringify(value)?.slice(0, 40)}`, body: value });

		const problems: string[] = [];
		for (const attempt of attempts) {
			const auth = operation.auth ? await credential() : undefined;
			const before = [await householdSnapshot(db, house.household.id), await counts(attempt.body)];
			const response = await call(pathOf(operation.path), { method: operation.method, token: auth, body: attempt.body, address: `bad-input-${unique()}` });
			const say = (problem: string) => problems.push(`${attempt.label}: ${problem} (${response.status} ${JSON.stringify(response.body).slice(0, 160)})`);
			if (response.status >= 500) say('server error');
			else if (response.status >= 400) {
				if (typeof response.body?.error?.message !== 'string' || !response.body.error.message) say('no message');
				if (
					[400, 422].includes(response.status) &&
					response.body.error.code !== 'malformed_json' &&
					Object.keys(response.body.error.fields ?? {}).length === 0 &&
					attempt.field
				)
					say('no field message');
				// A refused login still counts towards its limit; that is the only thing it may store.
				const after = [await householdSnapshot(db, house.household.id), await counts(attempt.body)];
				if (JSON.stringify(after) !== JSON.stringify(before)) say('stored something');
			} else if (attempt.field && typeof attempt.value === 'string' && typeof response.body?.[attempt.field] === 'string') {
				if (![attempt.value, attempt.value.trim()].includes(response.body[attempt.field]))
					say(`stored ${JSON.stringify(response.body[attempt.field]).slice(0, 40)} instead`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('refuses a body over 1 MB with 413 before reading it (or closes the connection while it is still being sent)', async () => {
		const body = JSON.stringify({ description: 'x'.repeat(2 * 1024 * 1024) });
		const answer = await postEarlyAnswered(`/api/v1/households/${house.household.id}/expenses`, await credential(), body);
		// The server answers at once and stops reading: a client still sending may see the connection close first.
		expect([413, 0]).toContain(answer.status);
		if (answer.status === 413) expect(JSON.parse(answer.body).error.code).toBe('too_large');
	});

	it('refuses a body that is not JSON, or not declared as JSON', async () => {
		const path = `/api/v1/households/${house.household.id}/expenses`;
		const broken = await call(path, {
			method: 'POST',
			token: await credential(),
			rawBody: '{"description": ',
			headers: { 'content-type': 'application/json' }
		});
		expect(broken.status).toBe(400);
		const form = await call(path, {
			method: 'POST',
			token: await credential(),
			rawBody: 'description=x',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl() }
		});
		expect(form.status).toBe(400);
	});

	it('stores injection-looking text verbatim and shows it escaped on the pages', async () => {
		const h = house.household.id;
		const me = house.household.me.memberId;
		// HTML escapes: & and < always (> too in some places), quotes inside attributes.
		const escapings = (text: string) =>
			[text.replaceAll('&', '&amp;').replaceAll('<', '&lt;'), text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')].flatMap(
				(escaped) => [escaped, escaped.replaceAll('"', '&quot;'), escaped.replaceAll("'", '&#39;'), escaped.replaceAll('"', '&quot;').replaceAll("'", '&#39;')]
			);
		for (const text of INJECTION_TEXT) {
			const token = await credential();
			const expense = await call(`/api/v1/households/${h}/expenses`, {
				method: 'POST',
				token,
				body: {
					description: text,
					amountMinor: 100,
					spentOn: '2026-11-20',
					category: 'other',
					notes: text,
					payers: [{ memberId: me, amountMinor: 100 }],
					split: { mode: 'equal', parts: [{ memberId: me }] }
				}
			});
			expect(expense.status).toBe(201);
			const stored = await db.query('select description, notes from expenses where id = $1', [expense.body.id]);
			expect(stored.rows[0]).toEqual({ description: text, notes: text });
			const chore = await call(`/api/v1/households/${h}/chores`, {
				method: 'POST',
				token,
				body: { name: text, description: text, schedule: { kind: 'daily', startOn: mondayInWeeks(8) }, assignment: { strategy: 'rotate', memberIds: [me] } }
			});
			expect(chore.status).toBe(201);
			const proposal = await call(`/api/v1/households/${h}/proposals`, {
				method: 'POST',
				token,
				body: { title: text, kind: 'consent', closesAt: new Date(Date.now() + 86_400_000).toISOString() }
			});
			expect(proposal.status).toBe(201);
			for (const path of [
				`/h/${h}/expenses/${expense.body.id}`,
				`/h/${h}/expenses`,
				`/h/${h}/chores/${chore.body.id}`,
				`/h/${h}/proposals/${proposal.body.id}`,
				`/h/${h}/proposals`
			]) {
				const html = await (await fetch(`${baseUrl()}${path}`, { headers: { cookie: `hearth_session=${house.owner.token}` } })).text();
				// Markup never comes through as markup; the text itself is there, escaped as HTML escapes it.
				if (/[<>]/.test(text)) expect(html, path).not.toContain(text);
				expect(
					escapings(text).some((variant) => html.includes(variant)),
					`${path} shows ${text}`
				).toBe(true);
			}
		}
	});
});
