import { sql, type Kysely } from 'kysely';
import { bumpsHouseholdVersion } from './2026-12-01-18-household-versions';

// The commons, part five (issue 19): what using a shared thing costs may be paid into a
// house fund instead of to a member (the cargo bike's wear paid into the house kitty).
// When such a booking is brought back, its cost becomes a charge: owed to the fund by
// whoever had it (a child's by the adult who booked), counted in what they owe the fund
// alongside the monthly contributions, until they pay it in. A charge is not money in the
// fund yet, so the balance does not move; one booking is charged once (its unique key).
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		alter table shared_things
			add column paid_to_fund_id uuid,
			add constraint shared_things_paid_to_fund_fk foreign key (household_id, paid_to_fund_id) references funds (household_id, id),
			drop constraint shared_things_cost_whole,
			add constraint shared_things_cost_whole check (
				(cost_minor is null) = (cost_unit is null)
				and (cost_minor is null) = (paid_to_member_id is null and paid_to_fund_id is null)
				and (paid_to_member_id is null or paid_to_fund_id is null))`.execute(db);
	await sql`
		create table fund_charges (
			household_id uuid not null,
			id uuid not null default gen_random_uuid(),
			fund_id uuid not null,
			member_id uuid not null,
			amount_minor integer not null check (amount_minor > 0),
			description text not null,
			charged_on date not null,
			booking_id uuid not null,
			created_at timestamptz not null default now(),
			primary key (household_id, id),
			unique (household_id, booking_id),
			foreign key (household_id, fund_id) references funds (household_id, id) on delete cascade,
			foreign key (household_id, member_id) references members (household_id, id),
			foreign key (household_id, booking_id) references bookings (household_id, id)
		)`.execute(db);
	await sql`create index fund_charges_by_fund on fund_charges (household_id, fund_id, member_id)`.execute(db);
	await bumpsHouseholdVersion('fund_charges').execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
