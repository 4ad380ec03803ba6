import { describe, expect, it } from 'vitest';
import { baseUrl, call, newAccount, newHousehold } from '../testing/http';
import { expectMatchesDocument } from '../testing/openapi-check';

async function setup() {
	const owner = await newAccount('Owner');
	const house = await newHousehold(owner.token, 'Money House');
	const base = `/api/v1/households/${house.id}`;
	const add = async (displayName: string) =>
		(await call(`${base}/members`, { method: 'POST', token: owner.token, body: { displayName, role: 'adult' } })).body.id as string;
	const a = house.me.memberId;
	const b = await add('Bea');
	const c = await add('Cal');
	return { owner, house, base, a, b, c };
}

const equalSplit = (payer: string, members: string[], amountMinor = 10000) => ({
	description: 'Groceries',
	amountMinor,
	spentOn: '2026-12-01',
	category: 'groceries',
	payers: [{ memberId: payer, amountMinor }],
	split: { mode: 'equal', parts: members.map((memberId) => ({ memberId })) }
});

describe('the money API', () => {
	it('adds, reads, edits with a version check, deletes and restores an expense', async () => {
		const { owner, base, a, b, c } = await setup();
		const created = await call(`${base}/expenses`, { method: 'POST', token: owner.token, body: equalSplit(a, [a, b, c]) });
		expect(created.status).toBe(201);
		expect(created.body.shares.map((s: { amountMinor: number }) => s.amountMinor).sort()).toEqual([3333, 3333, 3334]);
		await expectMatchesDocument('POST', '/households/{hid}/expenses', 201, created.body);
		const id = created.body.id;

		const read = await call(`${base}/expenses/${id}`, { token: owner.token });
		expect(read.body).toEqual(created.body);
		await expectMatchesDocument('GET', '/households/{hid}/expenses/{eid}', 200, read.body);

		const edited = await call(`${base}/expenses/${id}`, { method: 'PATCH', token: owner.token, body: { version: 1, description: 'Big shop' } });
		expect(edited.status).toBe(200);
		expect(edited.body).toMatchObject({ version: 2, description: 'Big shop' });
		const stale = await call(`${base}/expenses/${id}`, { method: 'PATCH', token: owner.token, body: { version: 1, description: 'Stale' } });
		expect(stale.status).toBe(409);
		expect(stale.body.error.code).toBe('stale_version');

		expect((await call(`${base}/expenses/${id}`, { method: 'DELETE', token: owner.token })).status).toBe(204);
		expect((await call(`${base}/balances`, { token: owner.token })).body.balances.every((x: { netMinor: number }) => x.netMinor === 0)).toBe(true);
		const restored = await call(`${base}/expenses/${id}/restore`, { method: 'POST', token: owner.token });
		expect(restored.status).toBe(200);
		expect(restored.body.deleted).toBe(false);
		await expectMatchesDocument('POST', '/households/{hid}/expenses/{eid}/restore', 200, restored.body);
	});

	it('answers 422 for a split or payers that do not add up, 400 for wrong types, and stores nothing', async () => {
		const { owner, base, a, b } = await setup();
		const exact = {
			...equalSplit(a, [a, b]),
			split: {
				mode: 'exact',
				parts: [
					{ memberId: a, value: 5000 },
					{ memberId: b, value: 4000 }
				]
			}
		};
		const refused = await call(`${base}/expenses`, { method: 'POST', token: owner.token, body: exact });
		expect(refused.status).toBe(422);
		expect(refused.body.error.fields.split).toMatch(/1000 minor units less/);
		const payers = await call(`${base}/expenses`, {
			method: 'POST',
			token: owner.token,
			body: { ...equalSplit(a, [a, b]), payers: [{ memberId: a, amountMinor: 1 }] }
		});
		expect(payers.status).toBe(422);
		for (const amountMinor of [0, -5, 1.5, '100', 1e20, null]) {
			const bad = await call(`${base}/expenses`, { method: 'POST', token: owner.token, body: { ...equalSplit(a, [a, b]), amountMinor } });
			expect(bad.status, String(amountMinor)).toBe(400);
			expect(bad.body.error.fields.amountMinor).toBeTruthy();
		}
		const list = await call(`${base}/expenses`, { token: owner.token });
		expect(list.body.items).toEqual([]);
	});

	it('lists newest first with filters and cursors', async () => {
		const { owner, base, a, b } = await setup();
		for (const [day, description, category] of [
			['2026-10-01', 'Rent October', 'rent'],
			['2026-11-01', 'Rent November', 'rent'],
			['2026-11-15', 'Veg box', 'groceries'],
			['2026-12-01', 'Rent December', 'rent']
		]) {
			await call(`${base}/expenses`, { method: 'POST', token: owner.token, body: { ...equalSplit(a, [a, b]), spentOn: day, description, category } });
		}
		const first = await call(`${base}/expenses?limit=2`, { token: owner.token });
		expect(first.body.items.map((e: { description: string }) => e.description)).toEqual(['Rent December', 'Veg box']);
		await expectMatchesDocument('GET', '/households/{hid}/expenses', 200, first.body);
		const second = await call(`${base}/expenses?limit=2&cursor=${first.body.nextCursor}`, { token: owner.token });
		expect(second.body.items.map((e: { description: string }) => e.description)).toEqual(['Rent November', 'Rent October']);
		expect(second.body.nextCursor).toBeNull();
		const rent = await call(`${base}/expenses?category=rent&from=2026-11-01&q=rent`, { token: owner.token });
		expect(rent.body.items).toHaveLength(2);
		const byMember = await call(`${base}/expenses?memberId=${b}`, { token: owner.token });
		expect(byMember.body.items).toHaveLength(4);
		expect((await call(`${base}/expenses?cursor=garbage`, { token: owner.token })).status).toBe(400);
	});

	it('settles up: balances sum to zero and the suggested transfers reach zero', async () => {
		const { owner, base, a, b, c } = await setup();
		await call(`${base}/expenses`, { method: 'POST', token: owner.token, body: equalSplit(a, [a, b, c], 9000) });
		const before = await call(`${base}/balances`, { token: owner.token });
		expect(before.body.currency).toBe('EUR');
		expect(before.body.balances.reduce((sum: number, x: { netMinor: number }) => sum + x.netMinor, 0)).toBe(0);
		await expectMatchesDocument('GET', '/households/{hid}/balances', 200, before.body);
		for (const t of before.body.transfers) {
			const paid = await call(`${base}/settlements`, { method: 'POST', token: owner.token, body: t });
			expect(paid.status).toBe(201);
			await expectMatchesDocument('POST', '/households/{hid}/settlements', 201, paid.body);
		}
		const after = await call(`${base}/balances`, { token: owner.token });
		expect(after.body.balances.every((x: { netMinor: number }) => x.netMinor === 0)).toBe(true);
		expect(after.body.transfers).toEqual([]);
		const self = await call(`${base}/settlements`, { method: 'POST', token: owner.token, body: { fromMemberId: a, toMemberId: a, amountMinor: 5 } });
		expect(self.status).toBe(422);
	});

	it('answers 401 to outsiders without a token and 404 to another household', async () => {
		const { owner, base, a, b } = await setup();
		const created = await call(`${base}/expenses`, { method: 'POST', token: owner.token, body: equalSplit(a, [a, b]) });
		const stranger = await newAccount('Stranger');
		expect((await call(`${base}/balances`)).status).toBe(401);
		const statuses = [
			(await call(`${base}/balances`, { token: stranger.token })).status,
			(await call(`${base}/expenses`, { token: stranger.token })).status,
			(await call(`${base}/expenses/${created.body.id}`, { token: stranger.token })).status,
			(await call(`${base}/expenses/${created.body.id}`, { method: 'DELETE', token: stranger.token })).status,
			(await call(`${base}/expenses`, { method: 'POST', token: stranger.token, body: equalSplit(a, [a, b]) })).status
		];
		expect(statuses).toEqual([404, 404, 404, 404, 404]);
		const other = await newHousehold(stranger.token, 'Elsewhere');
		const foreign = await call(`/api/v1/households/${other.id}/expenses/${created.body.id}`, { token: stranger.token });
		expect(foreign.status).toBe(404);
	});
});

describe('recurring expenses over HTTP', () => {
	it('sets one up, creates the due period at once, and lists it with the next date', async () => {
		const { owner, base, a, b } = await setup();
		const today = new Date().toISOString().slice(0, 10);
		const body = {
			description: 'Internet',
			amountMinor: 4000,
			category: 'internet',
			payers: [{ memberId: a, amountMinor: 4000 }],
			split: { mode: 'equal', parts: [{ memberId: a }, { memberId: b }] },
			schedule: { kind: 'weekly', interval: 1, weekday: 1, startOn: '2026-01-05', endOn: '2026-01-26' }
		};
		const created = await call(`${base}/recurring-expenses`, { method: 'POST', token: owner.token, body });
		expect(created.status).toBe(201);
		// The answer names the schedule's days as the input does.
		expect(created.body.schedule).toMatchObject({ startOn: '2026-01-05', endOn: '2026-01-26' });
		expect(created.body.schedule).not.toHaveProperty('startsOn');
		await expectMatchesDocument('POST', '/households/{hid}/recurring-expenses', 201, created.body);
		const expenses = await call(`${base}/expenses?category=internet`, { token: owner.token });
		expect(expenses.body.items.map((e: { spentOn: string }) => e.spentOn)).toEqual(['2026-01-26', '2026-01-19', '2026-01-12', '2026-01-05']);
		const list = await call(`${base}/recurring-expenses`, { token: owner.token });
		expect(list.body.items).toHaveLength(1);
		expect(list.body.items[0].nextDueOn).toBe(today > '2026-01-26' ? null : expect.any(String));
		await expectMatchesDocument('GET', '/households/{hid}/recurring-expenses', 200, list.body);
	});

	it('answers 422 for a monthly schedule without a day, 400 for a wrong kind', async () => {
		const { owner, base, a } = await setup();
		const body = {
			description: 'Rent',
			amountMinor: 1000,
			category: 'rent',
			payers: [{ memberId: a, amountMinor: 1000 }],
			split: { mode: 'equal', parts: [{ memberId: a }] }
		};
		const noDay = await call(`${base}/recurring-expenses`, {
			method: 'POST',
			token: owner.token,
			body: { ...body, schedule: { kind: 'monthly', startOn: '2026-12-01' } }
		});
		expect(noDay.status).toBe(422);
		expect(noDay.body.error.fields['schedule.dayOfMonth']).toBeTruthy();
		const wrongKind = await call(`${base}/recurring-expenses`, {
			method: 'POST',
			token: owner.token,
			body: { ...body, schedule: { kind: 'yearly', startOn: '2026-12-01' } }
		});
		expect(wrongKind.status).toBe(400);
	});
});

describe('CSV exports', () => {
	it('exports the expenses (quoted by a CSV library) and the balances', async () => {
		const { owner, house, base, a, b } = await setup();
		await call(`${base}/expenses`, { method: 'POST', token: owner.token, body: { ...equalSplit(a, [a, b], 1000), description: 'Pizza, "the good one"' } });
		const csv = await fetch(`${baseUrl()}/h/${house.id}/expenses.csv`, { headers: { cookie: `hearth_session=${owner.token}` } });
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		const text = await csv.text();
		const [header, row] = text.trim().split('\n');
		expect(header).toBe('date,description,category,currency,amount,paid by,owes: Bea,owes: Cal,owes: Owner,notes');
		expect(row).toContain('"Pizza, ""the good one"""');
		expect(row).toContain(',EUR,10.00,Owner 10.00,5.00,,5.00,');
		const balances = await (await fetch(`${baseUrl()}/h/${house.id}/balances.csv`, { headers: { cookie: `hearth_session=${owner.token}` } })).text();
		expect(balances).toContain('Owner,true,EUR,5.00');
		expect(balances).toContain('Bea,true,EUR,-5.00');
	});

	it('neutralises text a spreadsheet would run as a formula, in every column', async () => {
		const { owner, house, base, a, b } = await setup();
		await call(`${base}/expenses`, {
			method: 'POST',
			token: owner.token,
			body: { ...equalSplit(a, [a, b], 1000), description: '=HYPERLINK("http://evil.example")', notes: '@SUM(1+1)' }
		});
		const text = await (await fetch(`${baseUrl()}/h/${house.id}/expenses.csv`, { headers: { cookie: `hearth_session=${owner.token}` } })).text();
		expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
		expect(text).toContain(`'@SUM(1+1)`);
		expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
	});
});

describe('currencies without two decimals', () => {
	it.each([
		['JPY', 1000, [333, 333, 334]],
		['KWD', 10000, [3333, 3333, 3334]]
	])('%s: shares are whole minor units that sum to the amount', async (currency, amountMinor, expected) => {
		const owner = await newAccount('Owner');
		const house = (await call('/api/v1/households', { method: 'POST', token: owner.token, body: { name: 'Abroad', currency, timezone: 'Asia/Tokyo' } })).body;
		const base = `/api/v1/households/${house.id}`;
		const others = [];
		for (const displayName of ['X', 'Y'])
			others.push((await call(`${base}/members`, { method: 'POST', token: owner.token, body: { displayName, role: 'adult' } })).body.id);
		const members = [house.me.memberId, ...others];
		const created = await call(`${base}/expenses`, { method: 'POST', token: owner.token, body: { ...equalSplit(house.me.memberId, members, amountMinor) } });
		expect(created.status).toBe(201);
		expect(created.body.shares.map((s: { amountMinor: number }) => s.amountMinor).sort()).toEqual(expected);
		const balances = await call(`${base}/balances`, { token: owner.token });
		expect(balances.body.currency).toBe(currency);
	});
});

describe('impossible dates', () => {
	it('answer 400 or 422 naming the field, never a 500: expense filters and occurrence paths', async () => {
		const { owner, base, a } = await setup();
		for (const [query, field] of [
			['from=2027-02-30', 'from'],
			['to=2027-13-01', 'to'],
			['from=0000-00-00', 'from']
		] as const) {
			const response = await call(`${base}/expenses?${query}`, { token: owner.token });
			expect([400, 422], query).toContain(response.status);
			expect(response.body.error.fields[field], query).toBeTruthy();
		}
		const chore = await call(`${base}/chores`, {
			method: 'POST',
			token: owner.token,
			body: { name: 'Bins', schedule: { kind: 'daily', startOn: new Date().toISOString().slice(0, 10) }, assignment: { strategy: 'rotate', memberIds: [a] } }
		});
		for (const day of ['2027-02-30', '0000-00-00']) {
			for (const action of ['complete', 'reassign']) {
				const response = await call(`${base}/chores/${chore.body.id}/occurrences/${day}/${action}`, {
					method: 'POST',
					token: owner.token,
					body: action === 'reassign' ? { memberId: a } : {}
				});
				expect(response.status, `${day} ${action}`).toBe(422);
				expect(response.body.error.fields.dueOn).toBeTruthy();
			}
		}
	});
});
