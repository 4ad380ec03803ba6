import { sql, type Kysely } from 'kysely';

// Secret links to the chore calendar as an ICS feed: per member, one for the whole
// household and one for their own chores. Only the token's hash is stored; a new link
// revokes the old one.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table calendar_feeds (
			household_id uuid not null references households on delete restrict,
			id uuid not null default gen_random_uuid(),
			member_id uuid not null,
			scope text not null check (scope in ('household', 'member')),
			token_hash text not null unique,
			created_at timestamptz not null default now(),
			revoked_at timestamptz,
			primary key (household_id, id),
			foreign key (household_id, member_id) references members (household_id, id) on delete restrict
		);
		create unique index calendar_feeds_one_active on calendar_feeds (household_id, member_id, scope) where revoked_at is null;
	`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
