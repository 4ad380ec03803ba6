import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { getDb } from '../db';
import { seedDemoHousehold } from '../demo/seed';
import { contextFor, makeUser } from '../testing/factories';
import { getBalances } from '../money/balances';
import { choreCalendar } from '../chores/occurrences';
import { choreFairness } from '../chores/figures';
import { listProposals } from '../decisions/proposal-list';
import { plusDays, todayIn } from '$lib/dates';
import { exportHousehold, exportText } from './export';
import { importHousehold } from './import';
import { EXPORT_VERSION, exportDocument, type ExportDocument } from './document';
import { UPGRADABLE_VERSIONS } from './upgrades';
import { readFileSync } from 'node:fs';
import { closeAllDueProposals } from '../decisions/closing';
import { needsAttention } from '../sweeps';
import { listFunds } from '../funds/funds';
import { captureLog } from '../testing/log-capture';

async function demoAdmin() {
	const { householdId } = await seedDemoHousehold();
	const priya = await getDb()
		.selectFrom('members')
		.select('id')
		.where('householdId', '=', householdId)
		.where('displayName', '=', 'Priya')
		.executeTakeFirstOrThrow();
	return contextFor(householdId, priya.id);
}

/** Everything people see that is computed from the data: it must come out identical. */
async function figures(householdId: string) {
	const household = { id: householdId, timezone: 'Europe/Berlin' };
	const today = todayIn('Europe/Berlin');
	const proposals = await listProposals(householdId, { limit: 200 });
	// Row order may follow the rows' physical order; the figures are what must match.
	const byMember = <T extends { memberId: string }>(rows: T[]) => [...rows].sort((a, b) => a.memberId.localeCompare(b.memberId));
	const { balances, transfers } = await getBalances(householdId);
	const calendar = await choreCalendar(household, plusDays(today, -60), plusDays(today, 21));
	return {
		balances: byMember(balances),
		transfers,
		calendar: [...calendar].sort((a, b) => `${a.dueOn}${a.choreId}`.localeCompare(`${b.dueOn}${b.choreId}`)),
		fairness30: byMember(await choreFairness(household, plusDays(today, -30), today)),
		fairness90: byMember(await choreFairness(household, plusDays(today, -90), today)),
		proposals: proposals.map(({ createdAt: _c, closedAt: _d, ...p }) => p),
		// Rebuilt by triggers from the contributions and purchases: the file does not carry it.
		funds: (await listFunds(householdId, 'Europe/Berlin')).map(({ balanceMinor, dues }) => ({ balanceMinor, dues }))
	};
}

const clone = (doc: ExportDocument): ExportDocument => structuredClone(doc);

describe('export and import', () => {
	it('round-trips the demo household: balances, calendar, fairness and tallies identical, and the file again the same', async () => {
		const admin = await demoAdmin();
		const doc = await exportHousehold(admin);
		expect(doc.tables.expenses.length).toBeGreaterThan(25);
		expect(doc.tables.members.every((m) => !('user_id' in m))).toBe(true);
		expect(doc.tables.funds.map((f) => [f.name, 'balance_minor' in f])).toEqual([['House kitty', false]]);
		// Through JSON text, as a file goes.
		const parsed = exportDocument.parse(JSON.parse(JSON.stringify(doc)));
		const { user } = await makeUser('Importer');
		const { householdId } = await importHousehold(user, parsed, 'Maple Street (copy)');
		expect(await figures(householdId)).toEqual(await figures(admin.household.id));
		const importer = await getDb()
			.selectFrom('members')
			.selectAll()
			.where('householdId', '=', householdId)
			.where('userId', '=', user.id)
			.executeTakeFirstOrThrow();
		expect(importer).toMatchObject({ id: admin.member.id, isAdmin: true });

		const again = await exportHousehold(await contextFor(householdId, importer.id));
		for (const table of Object.keys(doc.tables) as Array<keyof ExportDocument['tables']>) {
			if (table === 'activity') continue;
			expect(again.tables[table], table).toEqual(doc.tables[table]);
		}
		expect(again.tables.activity.slice(0, -1)).toEqual(doc.tables.activity);
		expect(again.tables.activity.at(-1)!.action).toBe('household.imported');
	});

	it('round-trips a large generated house with the same balances', async () => {
		const admin = await demoAdmin();
		const ids = (await getDb().selectFrom('members').select('id').where('householdId', '=', admin.household.id).execute()).map((m) => m.id);
		// Set-based: 5 000 expenses paid by one member, shared by two, over two years.
		await sql`
			with made as (
				insert into expenses (household_id, description, amount_minor, spent_on, category, split_mode, split_parts, created_by_member_id)
				select ${admin.household.id}, 'Generated ' || n, 100 + n % 997, date '2024-01-01' + (n % 700), 'groceries', 'equal',
					jsonb_build_array(jsonb_build_object('memberId', ${ids[0]}::text), jsonb_build_object('memberId', ${ids[1]}::text)), ${ids[0]}
				from generate_series(1, 5000) n returning id, amount_minor
			), paid as (
				insert into expense_payers (household_id, expense_id, member_id, amount_minor) select ${admin.household.id}, id, ${ids[0]}, amount_minor from made returning expense_id
			)
			insert into expense_shares (household_id, expense_id, member_id, amount_minor)
			select ${admin.household.id}, id, m.member_id, case when m.first then amount_minor - amount_minor / 2 else amount_minor / 2 end
			from made cross join (values (${ids[0]}::uuid, true), (${ids[1]}::uuid, false)) as m(member_id, first)`.execute(getDb());
		const doc = await exportHousehold(admin);
		expect(doc.tables.expenses.length).toBeGreaterThan(5000);
		const { user } = await makeUser('Bulk');
		const { householdId } = await importHousehold(user, exportDocument.parse(JSON.parse(JSON.stringify(doc))));
		const sorted = async (id: string) => (await getBalances(id)).balances.sort((a, b) => a.memberId.localeCompare(b.memberId));
		expect(await sorted(householdId)).toEqual(await sorted(admin.household.id));
	}, 120_000); // 5 000 expenses out and back in: tens of seconds on a slow 2-core machine

	it.each([
		['a version from a newer Hearth', (d: ExportDocument) => ({ ...d, version: EXPORT_VERSION + 1 }), /version/],
		['a version that never was', (d: ExportDocument) => ({ ...d, version: 0 }), /version/],
		['not an export at all', (d: ExportDocument) => ({ ...d, format: 'splitwise' }), /not a Hearth household export/]
	])('refuses %s before reading further', async (_name, tamper, message) => {
		const doc = await exportHousehold(await demoAdmin());
		const result = exportDocument.safeParse(tamper(clone(doc)));
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((i) => i.message).join(' ')).toMatch(message);
	});

	it.each([
		[
			'a share moved to a member who is not in the file',
			(d: ExportDocument) => void (d.tables.expense_shares[0]!.member_id = crypto.randomUUID()),
			/refers to a member/
		],
		[
			'an expense amount changed without its shares',
			(d: ExportDocument) => {
				const shared = d.tables.expenses.find((e) => e.fund_id === null)!;
				shared.amount_minor = Number(shared.amount_minor) + 1;
			},
			/adds? up to/
		],
		[
			'an expense paid from the house kitty given a payer too',
			(d: ExportDocument) => {
				const fromFund = d.tables.expenses.find((e) => e.fund_id !== null)!;
				d.tables.expense_payers.push({ ...d.tables.expense_payers[0]!, expense_id: fromFund.id });
			},
			/paid from a fund/
		],
		['a vote for a proposal that is not there', (d: ExportDocument) => void (d.tables.votes[0]!.proposal_id = crypto.randomUUID()), /refers to a proposal/],
		['a duplicated expense', (d: ExportDocument) => void d.tables.expenses.push(d.tables.expenses[0]!), /twice/],
		['a date that is not a date', (d: ExportDocument) => void (d.tables.settlements[0]!.paid_on = 'last Tuesday'), /do not fit together/],
		['a negative settlement', (d: ExportDocument) => void (d.tables.settlements[0]!.amount_minor = -500), /do not fit together/],
		['a money proposal whose expense is malformed', (d: ExportDocument) => void (d.tables.proposals[0]!.linked_expense = { payers: 'x' }), /linked_expense/],
		['a chore schedule that is not one', (d: ExportDocument) => void (d.tables.chores[0]!.schedule = { kind: 'hourly' }), /schedule/],
		['a recurring expense split that is not one', (d: ExportDocument) => void (d.tables.recurring_expenses[0]!.split = 'half'), /split/]
	])('refuses a tampered file (%s) and imports nothing', async (_name, tamper, message) => {
		const doc = clone(await exportHousehold(await demoAdmin()));
		tamper(doc);
		const { user } = await makeUser('Tamperer');
		const before = await getDb()
			.selectFrom('households')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow();
		await expect(importHousehold(user, doc)).rejects.toMatchObject({ status: 422, message: expect.stringMatching(message) });
		const after = await getDb()
			.selectFrom('households')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow();
		expect(after.n).toBe(before.n);
	});
});

describe('background sweeps', () => {
	it('one proposal that cannot close is recorded for the admins, and the others still close; a malformed stored expense does not stop a close', async () => {
		const admin = await demoAdmin();
		const open = await getDb()
			.selectFrom('proposals')
			.select('id')
			.where('householdId', '=', admin.household.id)
			.where('status', '=', 'open')
			.orderBy('id')
			.execute();
		const [broken, malformed, fine] = open;
		const due = (id: string) =>
			sql`update proposals set closes_at = now() - interval '1 minute' where household_id = ${admin.household.id} and id = ${id}`.execute(getDb());
		for (const p of [broken!, malformed!, fine!]) await due(p.id);
		// What an old import could hold: a linked expense that is no expense at all.
		await sql`update proposals set linked_expense = '{"payers":"x"}'::jsonb where household_id = ${admin.household.id} and id = ${malformed!.id}`.execute(
			getDb()
		);
		// A row whose closing fails in the database, whatever the reason.
		await sql
			.raw(
				`create function fail_close() returns trigger language plpgsql as $$ begin if new.id = '${broken!.id}' then raise exception 'simulated broken row'; end if; return new; end $$`
			)
			.execute(getDb());
		await sql`create trigger fail_close before update on proposals for each row execute function fail_close()`.execute(getDb());
		const logged = captureLog();
		try {
			await closeAllDueProposals();
		} finally {
			logged.restore();
			await sql`drop trigger fail_close on proposals`.execute(getDb());
			await sql`drop function fail_close()`.execute(getDb());
		}
		const after = await getDb().selectFrom('proposals').select(['id', 'status', 'reason']).where('householdId', '=', admin.household.id).execute();
		const statusOf = (id: string) => after.find((p) => p.id === id)!.status;
		expect(statusOf(broken!.id)).toBe('open');
		expect(statusOf(malformed!.id)).not.toBe('open');
		expect(statusOf(fine!.id)).not.toBe('open');
		const failures = await getDb().selectFrom('sweepFailures').selectAll().where('householdId', '=', admin.household.id).execute();
		expect(failures).toHaveLength(1);
		expect(failures[0]).toMatchObject({ sweep: 'close-proposals', subjectId: broken!.id, message: expect.stringContaining('simulated broken row') });
		expect((await needsAttention(admin.household.id)).map((i) => i.message).join(' ')).toContain('could not be closed');
	});
});

describe('an export while voting is open', () => {
	it('holds who voted on a proposal with a hidden count, not how (block reasons included); closed ones keep their ballots', async () => {
		const admin = await demoAdmin();
		const { createProposal } = await import('../decisions/proposals');
		const { castVote } = await import('../decisions/votes');
		const { id } = await createProposal(admin, {
			title: 'Secret ballot',
			body: '',
			kind: 'consent',
			rule: { threshold: 'majority', quorumPct: 0 },
			closesAt: new Date(Date.now() + 3_600_000).toISOString(),
			hideResults: true
		});
		await castVote(admin, id, { position: 'block', reason: 'My private reason' });
		const doc = await exportHousehold(admin);
		const mine = doc.tables.votes.filter((v) => v.proposal_id === id);
		expect(mine).toHaveLength(1);
		expect(mine[0]).toMatchObject({ member_id: admin.member.id, position: null, reason: null, option_ids: null, ranking: null });
		expect(JSON.stringify(doc)).not.toContain('My private reason');
		const closedVotes = doc.tables.votes.filter((v) => v.proposal_id !== id);
		expect(closedVotes.some((v) => v.position !== null || v.option_ids !== null || v.ranking !== null)).toBe(true);
	});
});

describe('what an export holds', () => {
	it('is every household table, or one left out on purpose with its reason', async () => {
		const { EXPORTED_TABLES, NOT_EXPORTED } = await import('./document');
		const tables = await sql<{ name: string }>`
			select distinct c.table_name as name from information_schema.columns c
			join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
			where c.table_schema = current_schema() and c.column_name = 'household_id'`.execute(getDb());
		const decided = [...EXPORTED_TABLES, ...Object.keys(NOT_EXPORTED)].sort();
		expect(tables.rows.map((t) => t.name).sort()).toEqual(decided);
		expect(EXPORTED_TABLES.filter((t) => t in NOT_EXPORTED)).toEqual([]);
	});

	it('imports a version-1 file written before the schema moved on (older files go through an upgrader per version)', async () => {
		// Written by Hearth at version 1, before members and recurring expenses had a version column.
		const file = JSON.parse(readFileSync(new URL('./fixtures/export-v1.json', import.meta.url), 'utf8'));
		const parsed = exportDocument.parse(file);
		expect(parsed.version).toBe(1);
		const { user } = await makeUser('Archivist');
		const { householdId } = await importHousehold(user, parsed, 'Linden Co-op (from 2026)');
		const members = await getDb()
			.selectFrom('members')
			.select(['displayName', 'version'])
			.where('householdId', '=', householdId)
			.orderBy('displayName')
			.execute();
		expect(members.map((m) => m.displayName)).toEqual(['Ben', 'Founder', 'Kit']);
		expect(members.every((m) => m.version === 1)).toBe(true);
		const { balances } = await getBalances(householdId);
		expect(balances.reduce((sum, b) => sum + b.netMinor, 0)).toBe(0);
		expect(balances.map((b) => b.netMinor).sort((a, b) => a - b)).toEqual([-1061, 0, 1061]);
		expect(await listProposals(householdId, { limit: 200 })).toHaveLength(1);
	});

	it('has an upgrader from every older version to the one it writes', () => {
		expect(UPGRADABLE_VERSIONS).toEqual(Array.from({ length: EXPORT_VERSION - 1 }, (_, i) => i + 1));
	});
});

describe('a streamed export', () => {
	it('is written a few hundred rows at a time, never the whole house at once, and joins to the same document', async () => {
		const admin = await demoAdmin();
		// Enough activity for several pieces of one table.
		await sql`insert into activity (household_id, actor_member_id, action, subject_type, summary)
			select ${admin.household.id}, ${admin.member.id}, 'note', 'household', 'A streamed row' from generate_series(1, 1200)`.execute(getDb());
		const pieces: string[] = [];
		for await (const piece of exportText(admin)) pieces.push(piece);
		const activityRows = (piece: string) => piece.split('A streamed row').length - 1;
		expect(Math.max(...pieces.map(activityRows))).toBeLessThanOrEqual(500);
		expect(pieces.filter((piece) => activityRows(piece) > 0).length).toBeGreaterThanOrEqual(3);
		const doc = JSON.parse(pieces.join('')) as ExportDocument;
		expect(doc.tables.activity.length).toBeGreaterThan(1200);
		expect(exportDocument.safeParse(doc).success).toBe(true);
	});

	it('left half read (the download was cancelled) ends its snapshot and gives its connection back', async () => {
		const admin = await demoAdmin();
		// More abandoned exports than the pool has connections: a leak would leave the next query waiting.
		for (let i = 0; i < 12; i++) {
			const pieces = exportText(admin);
			await pieces.next();
			await pieces.next();
			await pieces.return(undefined);
		}
		const { rows } = await sql<{
			open: number;
		}>`select count(*)::int as open from pg_stat_activity where state like 'idle in transaction%' and datname = current_database()`.execute(getDb());
		expect(rows[0]!.open).toBe(0);
	});
});
