import { sql, type Kysely } from 'kysely';

// The house's own default rules, set by admins: one for ordinary proposals and one for
// proposals that spend money. They pre-fill the proposal form; each proposal still
// freezes its own copy when it opens, so changing a default changes no open vote.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table decision_rules (
			household_id uuid not null references households on delete restrict,
			purpose text not null check (purpose in ('ordinary', 'money')),
			threshold text not null check (threshold in ('majority', 'two_thirds', 'three_quarters', 'unanimous', 'consensus')),
			quorum_pct integer not null check (quorum_pct between 0 and 100),
			voter_class text not null check (voter_class in ('all', 'adults_and_youth', 'adults')),
			updated_at timestamptz not null default now(),
			primary key (household_id, purpose)
		);
	`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
