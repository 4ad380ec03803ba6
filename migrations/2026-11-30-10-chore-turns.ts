import { sql, type Kysely } from 'kysely';

// A reassigned or swapped occurrence remembers whose turn it was, so the rotation goes on
// as planned after a one-off stand-in (the product's rule: reassigning changes that
// occurrence only).
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`alter table chore_occurrences add column turn_member_id uuid`.execute(db);
	await sql`alter table chore_occurrences add constraint chore_occurrences_turn_member_fk foreign key (household_id, turn_member_id) references members (household_id, id) on delete restrict`.execute(
		db
	);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
