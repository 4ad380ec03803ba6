import { sql, type Kysely } from 'kysely';

// The activity feed in each reader's language: an entry keeps the facts of what happened
// (who, which chore, how much), and the sentence is told from them when someone reads it.
// The English sentence stays in `summary` (the API's and older entries' text); entries
// written before this have no facts and are shown as they were written.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`alter table activity add column facts jsonb`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
