import { sql, type Kysely } from 'kysely';
import { functions, totalsFunctions } from './2026-11-28-09-balance-ledger';

// The kept balances and expense totals (migration 09) without one hot row: every writer of
// a household updated the same totals row (and its payer's balance row), so concurrent
// writers queued on it for the rest of their transaction (and a cleanup once deadlocked
// there). Each row is now split into STRIPES rows; a transaction adds its deltas to the
// stripe of its transaction id, so concurrent writers mostly touch different rows, and a
// read sums at most STRIPES rows per member. Exact as before: a sum of the same deltas.

const STRIPES = 8;
const stripe = `(txid_current() % ${STRIPES})::smallint`;

const apply = (deltas: string) => `
	insert into member_balances (household_id, member_id, stripe, net_minor)
	select household_id, member_id, ${stripe}, sum(delta) from (${deltas}) d group by household_id, member_id
	-- One order for every writer, so two transactions on one stripe lock its rows in the same order.
	order by household_id, member_id
	on conflict (household_id, member_id, stripe) do update set net_minor = member_balances.net_minor + excluded.net_minor;`;

const applyTotals = (deltas: string) => `
	insert into household_expense_totals (household_id, stripe, expense_count, total_minor)
	select household_id, ${stripe}, sum(count), sum(amount) from (${deltas}) d group by household_id order by household_id
	on conflict (household_id, stripe) do update set expense_count = household_expense_totals.expense_count + excluded.expense_count,
		total_minor = household_expense_totals.total_minor + excluded.total_minor;`;

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`alter table member_balances add column stripe smallint not null default 0`.execute(db);
	await sql`alter table member_balances drop constraint member_balances_pkey, add primary key (household_id, member_id, stripe)`.execute(db);
	await sql`alter table household_expense_totals add column stripe smallint not null default 0`.execute(db);
	await sql`alter table household_expense_totals drop constraint household_expense_totals_pkey, add primary key (household_id, stripe)`.execute(db);
	for (const [name, deltas] of Object.entries(functions)) {
		await sql.raw(`create or replace function ${name}() returns trigger language plpgsql as $$ begin ${apply(deltas)} return null; end $$`).execute(db);
	}
	for (const [name, [, deltas]] of Object.entries(totalsFunctions)) {
		await sql.raw(`create or replace function ${name}() returns trigger language plpgsql as $$ begin ${applyTotals(deltas)} return null; end $$`).execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
