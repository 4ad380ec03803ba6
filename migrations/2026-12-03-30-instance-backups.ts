import { sql, type Kysely } from 'kysely';

// Each scheduled backup of the instance (server/backup/schedule.ts): when it ran, where it
// went and how big it was, or why it failed. Instance admins see the last one. A table of the
// instance, not of a household (a reference table under Citus: db/sharding.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table instance_backups (
			id bigint generated always as identity primary key,
			started_at timestamptz not null default now(),
			finished_at timestamptz,
			file text,
			bytes bigint,
			error text
		)`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
