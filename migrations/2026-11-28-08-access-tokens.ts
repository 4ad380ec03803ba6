import { sql, type Kysely } from 'kysely';

// Personal access tokens for scripts: named, shown once, stored as a SHA-256 hash,
// revocable, with the time of last use so people can tell which ones still matter.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table access_tokens (
			id uuid primary key default gen_random_uuid(),
			user_id uuid not null references users on delete cascade,
			name text not null check (length(name) between 1 and 80),
			token_hash text not null unique,
			created_at timestamptz not null default now(),
			last_used_at timestamptz,
			revoked_at timestamptz
		);
		create index access_tokens_user_idx on access_tokens (user_id, created_at);
	`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
