import { sql, type Kysely } from 'kysely';

// "Since your last visit" on Home: the newest activity entry each member has seen there.
// Written only by a POST when they leave Home (or press "Got it"): reads never write.
// Per-person screen state, not the house's record: not exported.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table activity_seen (
			household_id uuid not null references households on delete restrict,
			member_id uuid not null,
			seen_through bigint not null,
			primary key (household_id, member_id),
			foreign key (household_id, member_id) references members (household_id, id) on delete cascade
		)
	`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
