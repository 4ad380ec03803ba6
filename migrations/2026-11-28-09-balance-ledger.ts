import { sql, type Kysely } from 'kysely';

// Balances kept as they change, so reading them costs the same at 2 000 or 200 000
// expenses: member_balances holds each member's net, and statement-level triggers
// (one upsert per statement, whatever its row count) add what every insert, update or
// delete of a payer, share, settlement or expense's deletion changes. The same way,
// household_expense_totals keeps the count and sum of each household's expenses for the
// unfiltered expense list.

/** The upsert every trigger ends with; `deltas` yields (household_id, member_id, delta). */
const apply = (deltas: string) => `
	insert into member_balances (household_id, member_id, net_minor)
	select household_id, member_id, sum(delta) from (${deltas}) d group by household_id, member_id
	-- One order for every writer, so two transactions lock the same rows in the same order.
	order by household_id, member_id
	on conflict (household_id, member_id) do update set net_minor = member_balances.net_minor + excluded.net_minor;`;

/** A payer line adds (sign 1), a share line subtracts (sign -1), for expenses that are not deleted. */
export const lines = (rows: string, sign: number) =>
	`select l.household_id, l.member_id, ${sign} * l.amount_minor as delta from ${rows} l
	 join expenses e on e.household_id = l.household_id and e.id = l.expense_id where e.deleted_at is null`;

export const settlementLines = (rows: string, sign: number) =>
	`select household_id, from_member_id as member_id, ${sign} * amount_minor as delta from ${rows} where deleted_at is null
	 union all select household_id, to_member_id, ${-sign} * amount_minor from ${rows} where deleted_at is null`;

/** An expense deleted (or restored): all its lines leave (or return to) the balances. */
export const expenseToggles = `
	select p.household_id, p.member_id, case when n.deleted_at is null then 1 else -1 end * p.amount_minor as delta
	from old_rows o join new_rows n on n.household_id = o.household_id and n.id = o.id
	join expense_payers p on p.household_id = n.household_id and p.expense_id = n.id
	where (o.deleted_at is null) <> (n.deleted_at is null)
	union all
	select s.household_id, s.member_id, case when n.deleted_at is null then -1 else 1 end * s.amount_minor
	from old_rows o join new_rows n on n.household_id = o.household_id and n.id = o.id
	join expense_shares s on s.household_id = n.household_id and s.expense_id = n.id
	where (o.deleted_at is null) <> (n.deleted_at is null)`;

export const functions: Record<string, string> = {
	ledger_payers_insert: lines('new_rows', 1),
	ledger_payers_delete: lines('old_rows', -1),
	ledger_payers_update: `${lines('old_rows', -1)} union all ${lines('new_rows', 1)}`,
	ledger_shares_insert: lines('new_rows', -1),
	ledger_shares_delete: lines('old_rows', 1),
	ledger_shares_update: `${lines('old_rows', 1)} union all ${lines('new_rows', -1)}`,
	ledger_settlements_insert: settlementLines('new_rows', 1),
	ledger_settlements_delete: settlementLines('old_rows', -1),
	ledger_settlements_update: `${settlementLines('old_rows', -1)} union all ${settlementLines('new_rows', 1)}`,
	ledger_expenses_update: expenseToggles
};

const triggers: Array<[table: string, event: 'insert' | 'update' | 'delete', fn: string]> = [
	['expense_payers', 'insert', 'ledger_payers_insert'],
	['expense_payers', 'delete', 'ledger_payers_delete'],
	['expense_payers', 'update', 'ledger_payers_update'],
	['expense_shares', 'insert', 'ledger_shares_insert'],
	['expense_shares', 'delete', 'ledger_shares_delete'],
	['expense_shares', 'update', 'ledger_shares_update'],
	['settlements', 'insert', 'ledger_settlements_insert'],
	['settlements', 'delete', 'ledger_settlements_delete'],
	['settlements', 'update', 'ledger_settlements_update'],
	['expenses', 'update', 'ledger_expenses_update']
];

/** The expense count and total: (household_id, count, amount) for each changed, not deleted expense. */
const applyTotals = (deltas: string) => `
	insert into household_expense_totals (household_id, expense_count, total_minor)
	select household_id, sum(count), sum(amount) from (${deltas}) d group by household_id order by household_id
	on conflict (household_id) do update set expense_count = household_expense_totals.expense_count + excluded.expense_count,
		total_minor = household_expense_totals.total_minor + excluded.total_minor;`;
export const expenseRows = (rows: string, sign: number) =>
	`select household_id, ${sign} as count, ${sign} * amount_minor as amount from ${rows} where deleted_at is null`;

export const totalsFunctions: Record<string, [event: 'insert' | 'update' | 'delete', deltas: string]> = {
	totals_expenses_insert: ['insert', expenseRows('new_rows', 1)],
	totals_expenses_delete: ['delete', expenseRows('old_rows', -1)],
	totals_expenses_update: ['update', `${expenseRows('old_rows', -1)} union all ${expenseRows('new_rows', 1)}`]
};

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table member_balances (
			household_id uuid not null,
			member_id uuid not null,
			net_minor bigint not null default 0,
			primary key (household_id, member_id),
			foreign key (household_id, member_id) references members (household_id, id) on delete cascade
		)`.execute(db);
	for (const [name, deltas] of Object.entries(functions)) {
		await sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${apply(deltas)} return null; end $$`).execute(db);
	}
	for (const [table, event, fn] of triggers) {
		const transition =
			event === 'insert' ? 'new table as new_rows' : event === 'delete' ? 'old table as old_rows' : 'old table as old_rows new table as new_rows';
		await sql.raw(`create trigger ${fn} after ${event} on ${table} referencing ${transition} for each statement execute function ${fn}()`).execute(db);
	}
	await sql`
		create table household_expense_totals (
			household_id uuid primary key references households on delete cascade,
			expense_count bigint not null default 0,
			total_minor bigint not null default 0
		)`.execute(db);
	for (const [name, [event, deltas]] of Object.entries(totalsFunctions)) {
		const transition =
			event === 'insert' ? 'new table as new_rows' : event === 'delete' ? 'old table as old_rows' : 'old table as old_rows new table as new_rows';
		await sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${applyTotals(deltas)} return null; end $$`).execute(db);
		await sql.raw(`create trigger ${name} after ${event} on expenses referencing ${transition} for each statement execute function ${name}()`).execute(db);
	}
	await sql.raw(applyTotals(expenseRows('expenses', 1))).execute(db);
	// What is already there, counted once.
	await sql.raw(apply(`${lines('expense_payers', 1)} union all ${lines('expense_shares', -1)} union all ${settlementLines('settlements', 1)}`)).execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
