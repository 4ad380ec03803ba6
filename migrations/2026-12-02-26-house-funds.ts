import { sql, type Kysely } from 'kysely';
import { bumpsHouseholdVersion } from './2026-12-01-18-household-versions';

// The commons, part four (issue 19): house funds ("house kitty", "repairs reserve"). Members
// pay into a fund each month (by share weight, a fixed amount each, or amounts they agreed);
// the house spends from it. A fund's balance is kept by statement-level triggers like the
// members' balances (migration 09): contributions add, expenses paid from the fund subtract,
// a deletion or restore undoes or redoes its line. A check keeps it from going below zero
// unless the house allows that, so two withdrawals racing past the balance cannot both
// commit: the second waits on the fund's row and then fails the check.
// An expense paid from a fund has no payer and no share lines: the fund carries it, so no
// member's balance moves; it still counts in the house's spending by category.

/** (household_id, fund_id, delta) per contribution line; `sign` 1 adds, -1 takes away. */
const contributionLines = (rows: string, sign: number) => `select household_id, fund_id, ${sign} * amount_minor as delta from ${rows} where deleted_at is null`;
/** An expense paid from a fund takes its amount out of the fund while it is not deleted. */
const spendingLines = (rows: string, sign: number) =>
	`select household_id, fund_id, ${-sign} * amount_minor as delta from ${rows} where fund_id is not null and deleted_at is null`;

const apply = (deltas: string) => `
	update funds f set balance_minor = f.balance_minor + d.delta
	from (select household_id, fund_id, sum(delta) as delta from (${deltas}) l group by household_id, fund_id) d
	where f.household_id = d.household_id and f.id = d.fund_id and d.delta <> 0;`;

const functions: Array<[name: string, table: string, event: 'insert' | 'update' | 'delete', deltas: string]> = [
	['fund_contributions_insert', 'fund_contributions', 'insert', contributionLines('new_rows', 1)],
	['fund_contributions_delete', 'fund_contributions', 'delete', contributionLines('old_rows', -1)],
	['fund_contributions_update', 'fund_contributions', 'update', `${contributionLines('old_rows', -1)} union all ${contributionLines('new_rows', 1)}`],
	['fund_spending_insert', 'expenses', 'insert', spendingLines('new_rows', 1)],
	['fund_spending_delete', 'expenses', 'delete', spendingLines('old_rows', -1)],
	['fund_spending_update', 'expenses', 'update', `${spendingLines('old_rows', -1)} union all ${spendingLines('new_rows', 1)}`]
];

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table funds (
			household_id uuid not null references households on delete cascade,
			id uuid not null default gen_random_uuid(),
			name text not null,
			purpose text not null default '',
			balance_minor bigint not null default 0,
			allow_negative boolean not null default false,
			-- Spending above this needs a passed proposal; null: never.
			approval_above_minor integer check (approval_above_minor >= 0),
			-- share_weight: monthly_minor is the house's monthly total, split by share weight;
			-- fixed: monthly_minor is what each member pays; agreed: fund_pledges says each one's.
			contribution_basis text not null default 'share_weight' check (contribution_basis in ('share_weight', 'fixed', 'agreed')),
			monthly_minor integer not null default 0 check (monthly_minor >= 0),
			-- The first month dues count from.
			contributions_from date not null,
			archived boolean not null default false,
			created_by_member_id uuid not null,
			version integer not null default 1,
			created_at timestamptz not null default now(),
			primary key (household_id, id),
			constraint funds_not_overdrawn check (allow_negative or balance_minor >= 0),
			foreign key (household_id, created_by_member_id) references members (household_id, id)
		)`.execute(db);
	await sql`create unique index funds_name on funds (household_id, lower(name))`.execute(db);
	await sql`
		create table fund_pledges (
			household_id uuid not null,
			fund_id uuid not null,
			member_id uuid not null,
			monthly_minor integer not null check (monthly_minor >= 0),
			primary key (household_id, fund_id, member_id),
			foreign key (household_id, fund_id) references funds (household_id, id) on delete cascade,
			foreign key (household_id, member_id) references members (household_id, id)
		)`.execute(db);
	await sql`
		create table fund_contributions (
			household_id uuid not null,
			id uuid not null default gen_random_uuid(),
			fund_id uuid not null,
			member_id uuid not null,
			amount_minor integer not null check (amount_minor > 0),
			paid_on date not null,
			note text not null default '',
			created_by_member_id uuid not null,
			created_at timestamptz not null default now(),
			deleted_at timestamptz,
			primary key (household_id, id),
			foreign key (household_id, fund_id) references funds (household_id, id) on delete cascade,
			foreign key (household_id, member_id) references members (household_id, id),
			foreign key (household_id, created_by_member_id) references members (household_id, id)
		)`.execute(db);
	await sql`create index fund_contributions_by_fund on fund_contributions (household_id, fund_id, paid_on)`.execute(db);
	await sql`
		alter table expenses add column fund_id uuid,
			add constraint expenses_fund_fk foreign key (household_id, fund_id) references funds (household_id, id)`.execute(db);
	await sql`create index expenses_by_fund on expenses (household_id, fund_id, spent_on) where fund_id is not null`.execute(db);
	for (const [name, table, event, deltas] of functions) {
		const transition =
			event === 'insert' ? 'new table as new_rows' : event === 'delete' ? 'old table as old_rows' : 'old table as old_rows new table as new_rows';
		await sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${apply(deltas)} return null; end $$`).execute(db);
		await sql.raw(`create trigger ${name} after ${event} on ${table} referencing ${transition} for each statement execute function ${name}()`).execute(db);
	}
	await bumpsHouseholdVersion('funds').execute(db);
	await bumpsHouseholdVersion('fund_pledges').execute(db);
	await bumpsHouseholdVersion('fund_contributions').execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
