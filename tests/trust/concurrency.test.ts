/**
 * Races on real PostgreSQL through the built app: many requests at once must leave one
 * vote, one verdict, one winning edit, one expense per period or form post, and an
 * invite's use limit intact; and the household's balances still sum to zero.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { formatISO, subMonths } from 'date-fns';
import { baseUrl, call, newAccount, newHousehold } from '$lib/server/testing/http';

let owner: Awaited<ReturnType<typeof newAccount>>;
let partner: Awaited<ReturnType<typeof newAccount>>;
let household: { id: string; me: { memberId: string } };
let partnerMemberId: string;
let db: pg.Client;
const api = () => `/api/v1/households/${household.id}`;

/** A fresh session of the same person: the API's per-credential limit counts each burst on its own. */
async function freshToken(account: { email: string; password: string }): Promise<string> {
	const session = await call('/api/v1/sessions', {
		method: 'POST',
		body: { email: account.email, password: account.password },
		address: `race-${Math.random()}`
	});
	return session.body.token;
}

const statuses = (responses: Array<{ status: number }>) => responses.map((r) => r.status).sort();
const money = (memberId: string, amountMinor: number) => ({
	payers: [{ memberId, amountMinor }],
	split: { mode: 'equal', parts: [{ memberId: household.me.memberId }, { memberId: partnerMemberId }] }
});

beforeAll(async () => {
	owner = await newAccount('Owner');
	partner = await newAccount('Partner');
	household = await newHousehold(owner.token, 'Racing House');
	const invite = await call(`${api()}/invites`, { method: 'POST', token: owner.token, body: { role: 'adult' } });
	partnerMemberId = (await call(`/api/v1/invites/${invite.body.token}/accept`, { method: 'POST', token: partner.token })).body.memberId;
	db = new pg.Client({ connectionString: inject('httpDatabaseUrl') });
	await db.connect();
});

afterAll(async () => {
	// After every race: the balances sum to zero and no expense is half-written.
	const balances = await call(`${api()}/balances`, { token: await freshToken(owner) });
	expect(balances.status).toBe(200);
	expect(balances.body.balances.reduce((sum: number, b: { netMinor: number }) => sum + b.netMinor, 0)).toBe(0);
	const { rows } = await db.query(
		`select e.id from expenses e where e.household_id = $1 and (
			e.amount_minor <> (select coalesce(sum(amount_minor), 0) from expense_payers p where p.expense_id = e.id)
			or e.amount_minor <> (select coalesce(sum(amount_minor), 0) from expense_shares s where s.expense_id = e.id))`,
		[household.id]
	);
	expect(rows).toEqual([]);
	await db.end();
});

describe('races', () => {
	it('50 parallel votes by one member: one vote counts', async () => {
		const token = await freshToken(owner);
		const proposal = await call(`${api()}/proposals`, {
			method: 'POST',
			token,
			body: { title: 'Paint the hall', kind: 'consent', closesAt: new Date(Date.now() + 86_400_000).toISOString() }
		});
		const positions = ['yes', 'no', 'abstain'] as const;
		const votes = await Promise.all(
			Array.from({ length: 50 }, (_, i) =>
				call(`${api()}/proposals/${proposal.body.id}/votes`, { method: 'POST', token, body: { position: positions[i % 3] } })
			)
		);
		expect(votes.every((v) => v.status === 200 || v.status === 201)).toBe(true);
		const { rows } = await db.query('select position from votes where proposal_id = $1', [proposal.body.id]);
		expect(rows).toHaveLength(1);
		const shown = await call(`${api()}/proposals/${proposal.body.id}`, { token });
		expect(shown.body.votedCount).toBe(1);
	});

	it('parallel closes of one money proposal: one verdict, one linked expense', async () => {
		const token = await freshToken(owner);
		const proposal = await call(`${api()}/proposals`, {
			method: 'POST',
			token,
			body: {
				title: 'Buy a freezer',
				kind: 'consent',
				closesAt: new Date(Date.now() + 86_400_000).toISOString(),
				expense: { description: 'Freezer', amountMinor: 30000, spentOn: '2026-11-20', category: 'other', ...money(household.me.memberId, 30000) }
			}
		});
		expect(proposal.status).toBe(201);
		const partnerToken = await freshToken(partner);
		// One yes of two (quorum 50% met); the owner does not vote, so it stays open until closed by hand.
		await call(`${api()}/proposals/${proposal.body.id}/votes`, { method: 'POST', token: partnerToken, body: { position: 'yes' } });
		const closes = await Promise.all(Array.from({ length: 20 }, () => call(`${api()}/proposals/${proposal.body.id}/close`, { method: 'POST', token })));
		expectOneWinner(closes);
		const { rows } = await db.query(
			`select p.status, (select count(*)::int from expenses e where e.household_id = p.household_id and e.description = 'Freezer') as expenses from proposals p where p.id = $1`,
			[proposal.body.id]
		);
		expect(rows[0]).toEqual({ status: 'passed', expenses: 1 });
	});

	it('parallel edits of one expense: one wins, the rest get 409', async () => {
		const token = await freshToken(owner);
		const expense = await call(`${api()}/expenses`, {
			method: 'POST',
			token,
			body: { description: 'Groceries', amountMinor: 4000, spentOn: '2026-11-21', category: 'groceries', ...money(household.me.memberId, 4000) }
		});
		const edits = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				call(`${api()}/expenses/${expense.body.id}`, {
					method: 'PATCH',
					token,
					body: { version: expense.body.version, amountMinor: 4000 + i, ...money(household.me.memberId, 4000 + i) }
				})
			)
		);
		expectOneWinner(edits);
		const after = await call(`${api()}/expenses/${expense.body.id}`, { token });
		expect(after.body.version).toBe(expense.body.version + 1);
		const winner = edits.find((e) => e.status === 200)!;
		expect(after.body.amountMinor).toBe(winner.body.amountMinor);
	});

	it('parallel recurring runs: one expense per period', async () => {
		const token = await freshToken(owner);
		// Monthly since four months ago: four or five periods are due, whichever day today is.
		const startOn = formatISO(subMonths(new Date(), 4), { representation: 'date' });
		const recurring = await call(`${api()}/recurring-expenses`, {
			method: 'POST',
			token,
			body: {
				description: 'Internet',
				amountMinor: 3000,
				category: 'utilities',
				...money(household.me.memberId, 3000),
				schedule: { kind: 'monthly', dayOfMonth: Number(startOn.slice(8)) > 28 ? 28 : Number(startOn.slice(8)), startOn }
			}
		});
		expect(recurring.status).toBe(201);
		// Each of these pages catches up on due periods before it shows money.
		const pages = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				fetch(`${baseUrl()}/h/${household.id}/${['', 'expenses', 'balances'][i % 3]}`, { headers: { cookie: `hearth_session=${token}` } })
			)
		);
		expect(pages.every((p) => p.status === 200)).toBe(true);
		const { rows } = await db.query(
			`select spent_on::text, count(*)::int as n from expenses where household_id = $1 and description = 'Internet' group by spent_on order by spent_on`,
			[household.id]
		);
		expect(rows.length).toBeGreaterThanOrEqual(4);
		expect(rows.every((r) => r.n === 1)).toBe(true);
		const runs = await db.query('select count(*)::int as n from recurring_runs where recurring_id = $1', [recurring.body.id]);
		expect(runs.rows[0].n).toBe(rows.length);
	});

	it('a form posted twice at once (a double click) saves one expense', async () => {
		const token = await freshToken(owner);
		const page = await fetch(`${baseUrl()}/h/${household.id}/expenses/new`, { headers: { cookie: `hearth_session=${token}` } });
		const seedId = /name="id" value="([^"]+)"/.exec(await page.text())![1]!;
		const form = new URLSearchParams({
			id: seedId,
			description: 'Double click',
			amount: '12.50',
			spentOn: '2026-11-22',
			category: 'other',
			payerMode: 'single',
			paidBy: household.me.memberId,
			splitMode: 'equal',
			[`in_${household.me.memberId}`]: household.me.memberId,
			[`in_${partnerMemberId}`]: partnerMemberId
		});
		const posts = await Promise.all(
			Array.from({ length: 5 }, () =>
				fetch(`${baseUrl()}/h/${household.id}/expenses/new?/save`, {
					method: 'POST',
					headers: { cookie: `hearth_session=${token}`, origin: baseUrl(), 'content-type': 'application/x-www-form-urlencoded' },
					body: form,
					redirect: 'manual'
				})
			)
		);
		expect(posts.every((p) => p.status < 500)).toBe(true);
		const { rows } = await db.query(`select id from expenses where household_id = $1 and description = 'Double click'`, [household.id]);
		expect(rows).toEqual([{ id: seedId }]);
	});

	it('parallel accepts of an invite beyond its use limit: the limit holds', async () => {
		const token = await freshToken(owner);
		const invite = await call(`${api()}/invites`, { method: 'POST', token, body: { role: 'adult', maxUses: 3 } });
		expect(invite.status).toBe(201);
		const people = await Promise.all(Array.from({ length: 10 }, (_, i) => newAccount(`Guest${i}`)));
		const before = await db.query('select count(*)::int as n from members where household_id = $1', [household.id]);
		const accepts = await Promise.all(people.map((p) => call(`/api/v1/invites/${invite.body.token}/accept`, { method: 'POST', token: p.token })));
		expect(statuses(accepts).filter((s) => s === 200 || s === 201)).toHaveLength(3);
		expect(
			statuses(accepts)
				.filter((s) => s >= 400)
				.every((s) => s === 410 || s === 409)
		).toBe(true);
		const after = await db.query('select count(*)::int as n from members where household_id = $1', [household.id]);
		expect(after.rows[0].n).toBe(before.rows[0].n + 3);
		const used = await db.query('select use_count from invites where household_id = $1 and max_uses = 3', [household.id]);
		expect(used.rows[0].use_count).toBe(3);
	});
});

/** Of racing requests, exactly one succeeds and every other is told of the conflict. */
function expectOneWinner(responses: Array<{ status: number }>): void {
	expect(statuses(responses).filter((s) => s === 200)).toHaveLength(1);
	expect(statuses(responses).filter((s) => s !== 200 && s !== 409)).toEqual([]);
}
