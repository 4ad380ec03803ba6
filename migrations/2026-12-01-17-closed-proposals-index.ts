import { sql, type Kysely } from 'kysely';

// The proposals list reads closed proposals newest first, a page at a time from a position
// (closed_at, id): this index gives them in that order, so a page never sorts the history.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`create index proposals_closed_idx on proposals (household_id, closed_at desc, id desc) where status <> 'open'`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
