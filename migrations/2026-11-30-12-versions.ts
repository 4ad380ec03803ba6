import { sql, type Kysely } from 'kysely';

// Members, recurring expenses and household settings get the version expenses and chores
// have: a save names the version it was made from, and a stale one is refused (409) instead
// of silently overwriting someone else's edit.
export async function up(db: Kysely<unknown>): Promise<void> {
	for (const table of ['members', 'recurring_expenses', 'households']) {
		await sql`alter table ${sql.table(table)} add column version integer not null default 1`.execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
