/**
 * Ready to shard by household (issue 20, docs/SCALING.md): the three journeys (money,
 * chores, decisions), through the API and their pages, then every statement the test
 * server has sent so far (HEARTH_QUERY_LOG; the other HTTP suites add theirs) is checked:
 * each one on a household table must name its household. The few that cannot, by what
 * they are for, are listed with the reason in ACROSS_HOUSEHOLDS (testing/household-filter.ts).
 * When the whole run is over, the global setup's teardown checks every statement of it.
 */
import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { getDb } from '$lib/server/db';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { call, newAccount, newHousehold } from '$lib/server/testing/http';
import { equalExpense } from '$lib/server/testing/bodies';
import { HOUSEHOLD_TABLES_QUERY, readQueryLog, statementsWithoutHousehold, tableMentions, unkeyedStatements } from '$lib/server/testing/household-filter';

async function householdTables(): Promise<Set<string>> {
	const { rows } = await sql<{ name: string }>`${sql.raw(HOUSEHOLD_TABLES_QUERY)}`.execute(getDb());
	return new Set(rows.map((r) => r.name));
}

async function journeys(): Promise<void> {
	const owner = await newAccount('Owner');
	const house = await newHousehold(owner.token, 'Sharded House');
	const base = `/api/v1/households/${house.id}`;
	const as = { token: owner.token };
	const post = (path: string, body: unknown) => call(`${base}${path}`, { method: 'POST', body, ...as });
	const a = house.me.memberId;
	const b = (await post('/members', { displayName: 'Bea', role: 'adult' })).body.id as string;
	const today = new Date().toISOString().slice(0, 10);
	// A housemate joins with an invite link, and sees the households they belong to.
	const invite = await post('/invites', { role: 'adult' });
	const cal = await newAccount('Cal');
	expect((await call(`/api/v1/invites/${invite.body.token}/accept`, { method: 'POST', token: cal.token })).status).toBe(200);
	expect((await call('/api/v1/me', { token: cal.token })).status).toBe(200);

	// Money: an expense, the balances, settling up.
	const expense = await post('/expenses', equalExpense(a, [a, b], 9000, 'Groceries', today));
	expect(expense.status).toBe(201);
	const balances = await call(`${base}/balances`, as);
	for (const transfer of balances.body.transfers) expect((await post('/settlements', transfer)).status).toBe(201);
	expect((await call(`${base}/expenses`, as)).status).toBe(200);

	// Chores: a rotation, its calendar, a turn done, fairness.
	const chore = await post('/chores', {
		name: 'Bins out',
		effort: 1,
		schedule: { kind: 'daily', interval: 1, startOn: today },
		assignment: { strategy: 'rotate', memberIds: [a, b] }
	});
	expect(chore.status).toBe(201);
	expect((await call(`${base}/chore-calendar?from=${today}&to=${today}`, as)).status).toBe(200);
	expect((await post(`/chores/${chore.body.id}/occurrences/${today}/complete`, { doneByMemberId: b })).status).toBe(200);
	expect((await call(`${base}/chore-fairness?from=${today}&to=${today}`, as)).status).toBe(200);

	// Decisions: a proposal, a vote, closed early by the proposer.
	const closesAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
	const proposal = await post('/proposals', { title: 'Paint the hall', kind: 'consent', closesAt });
	expect(proposal.status).toBe(201);
	expect((await post(`/proposals/${proposal.body.id}/votes`, { position: 'yes' })).status).toBe(200);
	expect((await call(`${base}/proposals/${proposal.body.id}`, as)).status).toBe(200);

	// The same journeys' pages, as a browser asks for them.
	const cookie = `${SESSION_COOKIE}=${owner.token}`;
	for (const page of ['', '/expenses', '/balances', '/chores', '/proposals', `/proposals/${proposal.body.id}`, '/activity'])
		expect((await call(`/h/${house.id}${page}`, { cookie })).status, page).toBe(200);
	expect((await call('/households', { cookie })).status).toBe(200);
}

describe('every statement on a household table names its household', () => {
	it('reads which tables a statement mentions, and by which name', () => {
		const mentions = tableMentions('select "e"."id" from "expenses" as "e" inner join "members" on "members"."id" = "e"."member_id" where x');
		expect(mentions.map(({ table, as, verb }) => ({ table, as, verb }))).toEqual([
			{ table: 'expenses', as: 'e', verb: 'from' },
			{ table: 'members', as: 'members', verb: 'join' }
		]);
	});

	it('finds a statement that does not say which household (and passes the ones that do)', () => {
		const tables = new Set(['expenses', 'members', 'households']);
		const keyed = [
			'select "id" from "expenses" where "household_id" = $1 and "id" = $2',
			'select * from "expenses" inner join "members" on "members"."household_id" = "expenses"."household_id" where "expenses"."household_id" = $1',
			'insert into "members" ("household_id", "display_name") values ($1, $2)',
			'select "name" from "households" where "households"."id" = $1',
			'select email from users where id = $1'
		];
		const unkeyed = [
			'select "id" from "expenses" where "id" = $1',
			'select * from "expenses" inner join "members" on "members"."id" = "expenses"."payer_id" where "expenses"."household_id" = $1',
			'insert into "members" ("id", "display_name") values ($1, $2)',
			'update members set active = false where user_id = $1',
			// Joined on household_id, but which household? Every one the person belongs to.
			'select * from "members" inner join "households" on "households"."id" = "members"."household_id" where "members"."user_id" = $1'
		];
		expect(unkeyedStatements(keyed, tables)).toEqual([]);
		expect(unkeyedStatements(unkeyed, tables).map((found) => found.statement)).toEqual(unkeyed);
	});

	it('holds for the money, chores and decisions journeys and everything else the HTTP suites ran', async () => {
		await journeys();
		const statements = readQueryLog(inject('httpQueryLog'));
		expect(statements.length).toBeGreaterThan(100);
		const found = statementsWithoutHousehold(statements, await householdTables());
		if (found.length) console.log(found.map((f) => `${f.table}: ${f.statement.replace(/\s+/g, ' ').slice(0, 260)}`).join('\n'));
		expect(found).toEqual([]);
	});
});
