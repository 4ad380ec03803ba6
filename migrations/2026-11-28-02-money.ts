import { sql, type Kysely } from 'kysely';

// Shared money. Amounts are bigint minor units, positive where they are money that moved.
// Every row carries household_id and its foreign keys include it, so a share or a payer
// can only point at a member of the same household; members with money history cannot
// be deleted (on delete restrict).
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table expense_categories (
			household_id uuid not null references households on delete restrict,
			key text not null check (key ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
			name text not null check (length(name) between 1 and 40),
			created_at timestamptz not null default now(),
			primary key (household_id, key)
		);

		create table expenses (
			household_id uuid not null references households on delete restrict,
			id uuid not null default gen_random_uuid(),
			version integer not null default 1 check (version >= 1),
			description text not null check (length(description) between 1 and 200),
			amount_minor bigint not null check (amount_minor > 0),
			spent_on date not null,
			category text not null,
			notes text not null default '' check (length(notes) <= 2000),
			split_mode text not null check (split_mode in ('equal', 'exact', 'percent', 'shares', 'weights')),
			split_parts jsonb not null,
			created_by_member_id uuid not null,
			deleted_at timestamptz,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			primary key (household_id, id),
			foreign key (household_id, created_by_member_id) references members (household_id, id) on delete restrict
		);
		create index expenses_list_idx on expenses (household_id, spent_on desc, created_at desc, id desc);

		create table expense_payers (
			household_id uuid not null,
			expense_id uuid not null,
			member_id uuid not null,
			amount_minor bigint not null check (amount_minor > 0),
			primary key (household_id, expense_id, member_id),
			foreign key (household_id, expense_id) references expenses (household_id, id) on delete restrict,
			foreign key (household_id, member_id) references members (household_id, id) on delete restrict
		);
		create index expense_payers_member_idx on expense_payers (household_id, member_id);

		create table expense_shares (
			household_id uuid not null,
			expense_id uuid not null,
			member_id uuid not null,
			amount_minor bigint not null check (amount_minor >= 0),
			primary key (household_id, expense_id, member_id),
			foreign key (household_id, expense_id) references expenses (household_id, id) on delete restrict,
			foreign key (household_id, member_id) references members (household_id, id) on delete restrict
		);
		create index expense_shares_member_idx on expense_shares (household_id, member_id);

		create table settlements (
			household_id uuid not null references households on delete restrict,
			id uuid not null default gen_random_uuid(),
			from_member_id uuid not null,
			to_member_id uuid not null,
			amount_minor bigint not null check (amount_minor > 0),
			paid_on date not null,
			note text not null default '' check (length(note) <= 500),
			created_by_member_id uuid not null,
			deleted_at timestamptz,
			created_at timestamptz not null default now(),
			primary key (household_id, id),
			check (from_member_id <> to_member_id),
			foreign key (household_id, from_member_id) references members (household_id, id) on delete restrict,
			foreign key (household_id, to_member_id) references members (household_id, id) on delete restrict,
			foreign key (household_id, created_by_member_id) references members (household_id, id) on delete restrict
		);
		create index settlements_paid_on_idx on settlements (household_id, paid_on desc);
	`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
