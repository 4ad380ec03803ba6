import { sql, type Kysely } from 'kysely';

// A household's data version: one number per household that changes whenever anything of
// that household changes, so a cache of what its pages show is keyed by it and is never
// stale (server/households/household-cache.ts). Kept by the database, not by the code:
// every table with a household_id has a deferred constraint trigger that bumps its
// household's version once per transaction, at commit. At commit, not at the write: the
// row is locked only for the commit's instant, so concurrent writers of one household do
// not queue on it for their whole transaction (as they would with a plain trigger).
// A transaction-local setting marks the households already bumped, so a statement of
// 100 000 rows bumps once. A new household table needs `bumpsHouseholdVersion(table)`;
// the catalog test (household-versions.test.ts) fails for a table without it.

/**
 * The trigger a household table gets (also used by later migrations for new tables).
 * A bulk writer of a household nobody can have seen yet (the big house's seeding: a million
 * rows) sets `hearth.bulk_write` for its transaction and bumps the version once itself
 * (`bumpHouseholdVersion` in server/households/household-versions.ts): each row then
 * costs a setting's check instead of a queued event.
 */
export function bumpsHouseholdVersion(table: string) {
	return sql.raw(
		`create constraint trigger ${table}_bumps_household_version after insert or update or delete on ${table}
		 deferrable initially deferred for each row
		 when (current_setting('hearth.bulk_write', true) is distinct from 'on')
		 execute function bump_household_version()`
	);
}

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table household_versions (
			household_id uuid primary key references households on delete cascade,
			version bigint not null default 1
		)`.execute(db);
	await sql`insert into household_versions (household_id) select id from households`.execute(db);
	await sql`
		create function household_version_row() returns trigger language plpgsql as $$
		begin
			insert into household_versions (household_id) values (new.id) on conflict do nothing;
			return null;
		end $$`.execute(db);
	await sql`create trigger household_version_row after insert on households for each row execute function household_version_row()`.execute(db);
	await sql`
		create function bump_version_of(hid uuid) returns void language plpgsql as $$
		declare
			marker text := 'hearth.bumped_' || replace(hid::text, '-', '');
		begin
			if current_setting(marker, true) = 'y' then return; end if;
			perform set_config(marker, 'y', true);
			-- A deleted household has no row left: nothing to bump.
			update household_versions set version = version + 1 where household_id = hid;
		end $$`.execute(db);
	await sql`
		create function bump_household_version() returns trigger language plpgsql as $$
		begin
			if tg_op = 'DELETE' then perform bump_version_of(old.household_id);
			else perform bump_version_of(new.household_id);
			end if;
			return null;
		end $$`.execute(db);
	// The household's own row (its name, currency, time zone, rules) is part of its data too.
	await sql`
		create function bump_own_household_version() returns trigger language plpgsql as $$
		begin
			perform bump_version_of(new.id);
			return null;
		end $$`.execute(db);
	await sql`
		create constraint trigger households_bumps_household_version after update on households
		deferrable initially deferred for each row execute function bump_own_household_version()`.execute(db);
	const tables = await sql<{ name: string }>`
		select c.table_name as name from information_schema.columns c
		join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
		where c.table_schema = 'public' and c.column_name = 'household_id' and t.table_type = 'BASE TABLE'
		and c.table_name <> 'household_versions'
		order by c.table_name`.execute(db);
	// The migrator's connection maps column names to camelCase: the alias is one word.
	for (const { name } of tables.rows) await bumpsHouseholdVersion(name).execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
