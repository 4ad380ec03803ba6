import { sql, type Kysely } from 'kysely';

// "Try the demo" gives each visitor a house of their own that is deleted a day later.
// A demo house's history is made up: its seeder dates the activity log back to when each
// thing "happened", and the whole house is deleted when the demo ends. So the log stays
// append-only for every real household and becomes writable only for demo ones.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		alter table households add column demo boolean not null default false;
		alter table households add column demo_expires_at timestamptz;
		alter table users add column demo_expires_at timestamptz;
		create index households_demo_expiry_idx on households (demo_expires_at) where demo_expires_at is not null;
		create index users_demo_expiry_idx on users (demo_expires_at) where demo_expires_at is not null;

		create or replace function activity_is_append_only() returns trigger language plpgsql as $$
		begin
			if exists (select 1 from households where id = old.household_id and demo) then
				return case when tg_op = 'DELETE' then old else new end;
			end if;
			raise exception 'the activity log is append-only';
		end;
		$$;
	`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
