import { sql, type Kysely } from 'kysely';

// The house's own defaults (Settings): how a new expense is split, whether each payer's
// last way of splitting is remembered, and what a new member of each role starts with.
// No row means the built-in defaults.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table household_defaults (
			household_id uuid primary key references households on delete restrict,
			split_mode text not null default 'auto' check (split_mode in ('auto', 'equal', 'weights', 'shares', 'percent', 'exact')),
			remember_payer_split boolean not null default true,
			role_presets jsonb not null default '{}'
		);
		create table payer_split_modes (
			household_id uuid not null references households on delete restrict,
			member_id uuid not null,
			split_mode text not null check (split_mode in ('equal', 'weights', 'shares', 'percent', 'exact')),
			primary key (household_id, member_id),
			foreign key (household_id, member_id) references members (household_id, id) on delete cascade
		);
	`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
