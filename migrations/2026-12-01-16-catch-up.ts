import { sql, type Kysely } from 'kysely';

// When each household's background work (recurring expenses, closing proposals, freezing
// the chore calendar's past) is next due: the guard compares it with the clock, so reads
// read and only a due household's first request, or the job, does the work.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table household_catch_up (
			household_id uuid primary key references households on delete restrict,
			due_at timestamptz not null
		)
	`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
