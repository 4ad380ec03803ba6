import { sql, type Kysely } from 'kysely';

// Every saved version of an expense (so a stale save can say what changed), recurring
// templates, and their runs: the unique key on template + period is what makes each
// period's expense be created exactly once, however many servers run the job.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table expense_versions (
			household_id uuid not null,
			expense_id uuid not null,
			version integer not null,
			snapshot jsonb not null,
			saved_by_member_id uuid not null,
			saved_at timestamptz not null default now(),
			primary key (household_id, expense_id, version),
			foreign key (household_id, expense_id) references expenses (household_id, id) on delete restrict,
			foreign key (household_id, saved_by_member_id) references members (household_id, id) on delete restrict
		);

		create table recurring_expenses (
			household_id uuid not null references households on delete restrict,
			id uuid not null default gen_random_uuid(),
			description text not null check (length(description) between 1 and 200),
			amount_minor bigint not null check (amount_minor > 0),
			category text not null,
			notes text not null default '',
			payers jsonb not null,
			split jsonb not null,
			schedule_kind text not null check (schedule_kind in ('monthly', 'weekly')),
			interval integer not null default 1 check (interval between 1 and 24),
			day_of_month integer check (day_of_month between 1 and 31),
			weekday integer check (weekday between 1 and 7),
			starts_on date not null,
			ends_on date,
			paused boolean not null default false,
			created_by_member_id uuid not null,
			created_at timestamptz not null default now(),
			primary key (household_id, id),
			foreign key (household_id, created_by_member_id) references members (household_id, id) on delete restrict,
			check (ends_on is null or ends_on >= starts_on),
			check ((schedule_kind = 'monthly') = (day_of_month is not null)),
			check ((schedule_kind = 'weekly') = (weekday is not null))
		);

		create table recurring_runs (
			household_id uuid not null,
			recurring_id uuid not null,
			period date not null,
			expense_id uuid,
			created_at timestamptz not null default now(),
			primary key (household_id, recurring_id, period),
			foreign key (household_id, recurring_id) references recurring_expenses (household_id, id) on delete restrict,
			foreign key (household_id, expense_id) references expenses (household_id, id) on delete restrict
		);
	`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
