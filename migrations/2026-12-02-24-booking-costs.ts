import { sql, type Kysely } from 'kysely';

// The commons, part two (issue 19): a shared thing may cost something to use — per hour,
// per day or per km — paid to whoever owns it. When a booking is brought back, its cost
// becomes an expense: paid by the owner, owed by whoever had the thing (a child's by the
// adult who booked it). The booking keeps the expense's id (made once) and the km readings.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		alter table shared_things
			add column cost_minor integer check (cost_minor > 0),
			add column cost_unit text check (cost_unit in ('hour', 'day', 'km')),
			add column paid_to_member_id uuid,
			add constraint shared_things_cost_whole check ((cost_minor is null) = (cost_unit is null)),
			add constraint shared_things_paid_to_fk foreign key (household_id, paid_to_member_id) references members (household_id, id)`.execute(db);
	await sql`
		alter table bookings
			add column start_km integer check (start_km >= 0),
			add column end_km integer check (end_km >= 0),
			add column expense_id uuid,
			add constraint bookings_expense_fk foreign key (household_id, expense_id) references expenses (household_id, id)`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
