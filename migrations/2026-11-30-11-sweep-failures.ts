import { sql, type Kysely } from 'kysely';

// A background sweep item that failed (a proposal that would not close, a recurring
// expense that would not be added): recorded per household and item, so one bad row is
// logged and seen by the house's admins instead of stopping the sweep for every household.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table sweep_failures (
			household_id uuid not null references households on delete cascade,
			sweep text not null,
			subject_id uuid not null,
			message text not null,
			attempts integer not null default 1,
			first_failed_at timestamptz not null default now(),
			last_failed_at timestamptz not null default now(),
			primary key (household_id, sweep, subject_id)
		)`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
