import { sql, type Kysely } from 'kysely';

// Notifications (issue 18). An event is written once, in the transaction that caused it
// (a new proposal, an expense, a chore due today), with one row per recipient and channel
// beside it: the in-app row is the notification centre's, the email and push rows are the
// outbox a job sends from. (event, recipient, channel) is unique: the idempotency key that
// makes each delivery happen once, whichever worker or instance claims it.
//
// These rows are each person's delivery and reading state, not the house's record: no
// household page shows them (the bell is read fresh), so writing them (a delivery, a
// "mark read") does not bump the household's data version (household-versions.ts lists
// them as not versioned), and an export leaves them out.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table notification_events (
			household_id uuid not null references households on delete cascade,
			id uuid not null default gen_random_uuid(),
			kind text not null,
			actor_member_id uuid,
			facts jsonb not null,
			-- The page a tap opens, inside this household.
			path text not null,
			-- Reminders written by background work (a chore due today) say which occurrence
			-- they are about: a second run writes nothing.
			dedupe_key text,
			created_at timestamptz not null default now(),
			primary key (household_id, id),
			unique (household_id, dedupe_key)
		)`.execute(db);
	await sql`
		create table notifications (
			household_id uuid not null,
			id uuid not null default gen_random_uuid(),
			event_id uuid not null,
			member_id uuid not null,
			-- A guardian's copy of a chore reminder for a member without a login names that member.
			on_behalf_of uuid,
			channel text not null check (channel in ('app', 'email', 'push')),
			-- pending: to send when deliver_after comes (held by quiet hours or a retry's backoff);
			-- sending: claimed by a worker until claimed_until; digest: waits for the recipient's digest.
			status text not null check (status in ('unread', 'read', 'pending', 'sending', 'digest', 'sent', 'failed')),
			deliver_after timestamptz not null default now(),
			-- An email gathered into the recipient's digest (a claimed one keeps going there if its worker dies).
			in_digest boolean not null default false,
			claimed_until timestamptz,
			attempts integer not null default 0,
			last_error text,
			sent_at timestamptz,
			created_at timestamptz not null default now(),
			primary key (household_id, id),
			unique (household_id, event_id, member_id, channel),
			foreign key (household_id, event_id) references notification_events (household_id, id) on delete cascade,
			foreign key (household_id, member_id) references members (household_id, id) on delete cascade
		)`.execute(db);
	// The workers' queue: what is due, oldest first, without scanning what was sent.
	await sql`create index notifications_due on notifications (deliver_after) where status in ('pending', 'sending', 'digest')`.execute(db);
	// The bell and the notification centre: one person's in-app rows, newest first.
	await sql`create index notifications_inbox on notifications (household_id, member_id, created_at desc) where channel = 'app'`.execute(db);
	await sql`
		create table notification_preferences (
			household_id uuid not null,
			member_id uuid not null,
			-- What this person chose (the shape and defaults: src/lib/notifications/model.ts).
			choices jsonb not null,
			primary key (household_id, member_id),
			foreign key (household_id, member_id) references members (household_id, id) on delete cascade
		)`.execute(db);
	// Members without a login: an adult who gets their chore reminders, or an address for reminders only.
	await sql`alter table members add column guardian_member_id uuid`.execute(db);
	await sql`alter table members add column reminder_email text`.execute(db);
	await sql`
		alter table members add constraint members_guardian_fk foreign key (household_id, guardian_member_id)
		references members (household_id, id) on delete set null (guardian_member_id)`.execute(db);
	// A device's push subscription belongs to an account (the browser it was made in), not to a house.
	await sql`
		create table push_subscriptions (
			endpoint text primary key,
			user_id uuid not null references users on delete cascade,
			p256dh text not null,
			auth text not null,
			created_at timestamptz not null default now()
		)`.execute(db);
	await sql`create index push_subscriptions_user on push_subscriptions (user_id)`.execute(db);
	// This server's own secrets (VAPID keys, the unsubscribe links' signing key): made once,
	// on first start, by whichever instance gets there first.
	await sql`
		create table instance_secrets (
			name text primary key,
			value text not null,
			created_at timestamptz not null default now()
		)`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
