import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports app code. Household-scoped tables lead their
// keys with household_id (the column a distributed Postgres would shard on), and their
// foreign keys carry it too, so a row can only point at rows of its own household.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table users (
			id uuid primary key default gen_random_uuid(),
			email text not null check (email = lower(email) and length(email) between 3 and 254),
			display_name text not null check (length(display_name) between 1 and 80),
			password_hash text not null,
			last_household_id uuid,
			created_at timestamptz not null default now()
		);
		create unique index users_email_key on users (email);

		create table sessions (
			id text primary key,
			user_id uuid not null references users on delete cascade,
			expires_at timestamptz not null,
			created_at timestamptz not null default now()
		);
		create index sessions_user_id_idx on sessions (user_id);

		create table password_resets (
			token_hash text primary key,
			user_id uuid not null references users on delete cascade,
			expires_at timestamptz not null,
			used_at timestamptz,
			created_at timestamptz not null default now()
		);
		create index password_resets_user_id_idx on password_resets (user_id);

		create table rate_limits (
			key text primary key,
			window_started_at timestamptz not null,
			hits integer not null check (hits >= 0)
		);

		create table households (
			id uuid primary key default gen_random_uuid(),
			name text not null check (length(name) between 1 and 80),
			currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
			timezone text not null,
			created_at timestamptz not null default now()
		);

		create table members (
			household_id uuid not null references households on delete restrict,
			id uuid not null default gen_random_uuid(),
			display_name text not null check (length(display_name) between 1 and 80),
			role text not null check (role in ('adult', 'youth', 'child', 'guest')),
			is_admin boolean not null default false,
			user_id uuid references users on delete restrict,
			share_weight numeric(9, 3) not null default 1 check (share_weight >= 0),
			chore_capacity numeric(9, 3) not null default 1 check (chore_capacity >= 0),
			active boolean not null default true,
			left_at timestamptz,
			created_at timestamptz not null default now(),
			primary key (household_id, id),
			check (not is_admin or role = 'adult'),
			check (active = (left_at is null))
		);
		create unique index members_household_user_key on members (household_id, user_id) where user_id is not null;
		create index members_user_id_idx on members (user_id) where user_id is not null;

		create table invites (
			household_id uuid not null references households on delete restrict,
			id uuid not null default gen_random_uuid(),
			token_hash text not null unique,
			role text not null check (role in ('adult', 'youth', 'child', 'guest')),
			member_id uuid,
			max_uses integer not null check (max_uses between 1 and 1000),
			use_count integer not null default 0,
			expires_at timestamptz not null,
			revoked_at timestamptz,
			created_by_member_id uuid not null,
			created_at timestamptz not null default now(),
			primary key (household_id, id),
			foreign key (household_id, member_id) references members (household_id, id) on delete restrict,
			foreign key (household_id, created_by_member_id) references members (household_id, id) on delete restrict,
			check (use_count between 0 and max_uses),
			check (member_id is null or max_uses = 1)
		);

		create table absences (
			household_id uuid not null references households on delete restrict,
			id uuid not null default gen_random_uuid(),
			member_id uuid not null,
			starts_on date not null,
			ends_on date not null,
			note text not null default '' check (length(note) <= 500),
			created_by_member_id uuid not null,
			created_at timestamptz not null default now(),
			primary key (household_id, id),
			foreign key (household_id, member_id) references members (household_id, id) on delete restrict,
			foreign key (household_id, created_by_member_id) references members (household_id, id) on delete restrict,
			check (ends_on >= starts_on)
		);
		create index absences_member_idx on absences (household_id, member_id, starts_on);

		create table activity (
			household_id uuid not null references households on delete restrict,
			id bigint generated always as identity,
			actor_member_id uuid,
			action text not null,
			subject_type text not null,
			subject_id text,
			summary text not null,
			details jsonb not null default '{}',
			created_at timestamptz not null default now(),
			primary key (household_id, id),
			foreign key (household_id, actor_member_id) references members (household_id, id) on delete restrict
		);
		create index activity_subject_idx on activity (household_id, subject_type, subject_id);

		-- The activity log is append-only: history that can be rewritten is not history.
		create function activity_is_append_only() returns trigger language plpgsql as $$
		begin
			raise exception 'the activity log is append-only';
		end;
		$$;
		create trigger activity_append_only before update or delete on activity
			for each row execute function activity_is_append_only();
	`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
