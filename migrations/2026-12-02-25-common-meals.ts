import { sql, type Kysely } from 'kysely';
import { bumpsHouseholdVersion } from './2026-12-01-18-household-versions';

// The commons, part three (issue 19): common meals. A meal is planned for a time, with a
// menu, its cooks and cleaners (the crew), and who eats: members sign up (or, in a house
// that counts everyone in, sign out), with portions (a child eats half, as the house's
// role presets say), guests they bring (charged to them) and dietary needs for the cooks.
// Sign-ups close at a time the cooks set. After the meal the cooks enter what they spent;
// it becomes one expense split by portions among those who ate (the meal keeps its id:
// made once), capped per portion when the house has a cap.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table meals (
			household_id uuid not null references households on delete cascade,
			id uuid not null default gen_random_uuid(),
			served_at timestamptz not null,
			closes_at timestamptz not null,
			menu text not null,
			notes text not null default '',
			-- sign_up: nobody eats unless they say so; sign_out: every member eats unless they say not.
			attendance text not null default 'sign_up' check (attendance in ('sign_up', 'sign_out')),
			-- The most portions the cooks will make; null: no limit.
			max_portions numeric(6, 2) check (max_portions > 0),
			cancelled boolean not null default false,
			spent_minor integer check (spent_minor > 0),
			spent_by_member_id uuid,
			expense_id uuid,
			created_by_member_id uuid not null,
			version integer not null default 1,
			created_at timestamptz not null default now(),
			primary key (household_id, id),
			check (closes_at <= served_at),
			check ((spent_minor is null) = (spent_by_member_id is null)),
			foreign key (household_id, created_by_member_id) references members (household_id, id),
			foreign key (household_id, spent_by_member_id) references members (household_id, id),
			foreign key (household_id, expense_id) references expenses (household_id, id)
		)`.execute(db);
	await sql`create index meals_served on meals (household_id, served_at)`.execute(db);
	await sql`
		create table meal_diners (
			household_id uuid not null,
			meal_id uuid not null,
			member_id uuid not null,
			eating boolean not null,
			-- The member's own portions (their role's preset unless changed) and the guests they bring.
			portions numeric(4, 2) not null check (portions >= 0 and portions <= 10),
			guests integer not null default 0 check (guests between 0 and 20),
			diet text not null default '',
			signed_by_member_id uuid not null,
			updated_at timestamptz not null default now(),
			primary key (household_id, meal_id, member_id),
			foreign key (household_id, meal_id) references meals (household_id, id) on delete cascade,
			foreign key (household_id, member_id) references members (household_id, id),
			foreign key (household_id, signed_by_member_id) references members (household_id, id)
		)`.execute(db);
	await sql`
		create table meal_crew (
			household_id uuid not null,
			meal_id uuid not null,
			member_id uuid not null,
			task text not null check (task in ('cook', 'clean')),
			primary key (household_id, meal_id, member_id, task),
			foreign key (household_id, meal_id) references meals (household_id, id) on delete cascade,
			foreign key (household_id, member_id) references members (household_id, id)
		)`.execute(db);
	// The most one portion may cost those who ate (the cooks carry the rest); null: no cap.
	await sql`alter table household_defaults add column meal_portion_cap_minor integer check (meal_portion_cap_minor > 0)`.execute(db);
	await bumpsHouseholdVersion('meals').execute(db);
	await bumpsHouseholdVersion('meal_diners').execute(db);
	await bumpsHouseholdVersion('meal_crew').execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
