import { sql, type Kysely } from 'kysely';

// Chores. The calendar is computed; what is stored is what the design needs to keep:
// every occurrence someone acted on (done, skipped, reassigned) and the past days,
// frozen once they have passed, so later edits change only today and after.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		-- The last day whose occurrences are stored for good, per household.
		create table chore_calendar_state (
			household_id uuid primary key references households on delete restrict,
			frozen_through date not null
		);

		create table chores (
			household_id uuid not null references households on delete restrict,
			id uuid not null default gen_random_uuid(),
			name text not null check (length(name) between 1 and 80),
			description text not null default '' check (length(description) <= 2000),
			effort integer not null check (effort between 1 and 5),
			schedule jsonb not null,
			strategy text not null check (strategy in ('rotate', 'fair', 'fixed', 'open')),
			active boolean not null default true,
			version integer not null default 1,
			created_by_member_id uuid not null,
			created_at timestamptz not null default now(),
			primary key (household_id, id),
			foreign key (household_id, created_by_member_id) references members (household_id, id) on delete restrict
		);

		create table chore_participants (
			household_id uuid not null,
			chore_id uuid not null,
			member_id uuid not null,
			position integer not null,
			primary key (household_id, chore_id, member_id),
			unique (household_id, chore_id, position),
			foreign key (household_id, chore_id) references chores (household_id, id) on delete cascade,
			foreign key (household_id, member_id) references members (household_id, id) on delete restrict
		);

		create table chore_occurrences (
			household_id uuid not null,
			chore_id uuid not null,
			due_on date not null,
			assignee_member_id uuid,
			status text not null check (status in ('pending', 'done', 'skipped')),
			done_by_member_id uuid,
			done_at timestamptz,
			done_on date,
			skip_reason text check (length(skip_reason) <= 500),
			effort integer not null check (effort between 1 and 5),
			frozen boolean not null default false,
			updated_at timestamptz not null default now(),
			primary key (household_id, chore_id, due_on),
			foreign key (household_id, chore_id) references chores (household_id, id) on delete restrict,
			foreign key (household_id, assignee_member_id) references members (household_id, id) on delete restrict,
			foreign key (household_id, done_by_member_id) references members (household_id, id) on delete restrict,
			check ((status = 'done') = (done_by_member_id is not null and done_on is not null)),
			check (status <> 'skipped' or skip_reason is not null)
		);
		create index chore_occurrences_due_idx on chore_occurrences (household_id, due_on);
		create index chore_occurrences_done_idx on chore_occurrences (household_id, done_by_member_id, done_on) where status = 'done';
	`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
