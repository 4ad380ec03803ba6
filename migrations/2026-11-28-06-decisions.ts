import { sql, type Kysely } from 'kysely';

// Shared decisions. The rule and the eligible voters are frozen when a proposal opens;
// each eligible member has one current vote (primary key), earlier ones stay in
// vote_history; closing stores the tally and runs the linked action once.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
		create table proposals (
			household_id uuid not null references households on delete restrict,
			id uuid not null default gen_random_uuid(),
			author_member_id uuid not null,
			title text not null check (length(title) between 1 and 200),
			body text not null default '' check (length(body) <= 20000),
			kind text not null check (kind in ('consent', 'choice', 'ranked')),
			threshold text not null check (threshold in ('majority', 'two_thirds', 'three_quarters', 'unanimous', 'consensus')),
			quorum_pct integer not null check (quorum_pct between 0 and 100),
			voter_class text not null check (voter_class in ('all', 'adults_and_youth', 'adults')),
			closes_at timestamptz not null,
			hide_results boolean not null default false,
			status text not null default 'open' check (status in ('open', 'passed', 'rejected', 'no_quorum', 'decided', 'tied', 'withdrawn')),
			tally jsonb,
			outcome jsonb,
			reason text,
			linked_expense jsonb,
			linked_expense_id uuid,
			created_at timestamptz not null default now(),
			closed_at timestamptz,
			primary key (household_id, id),
			foreign key (household_id, author_member_id) references members (household_id, id) on delete restrict,
			foreign key (household_id, linked_expense_id) references expenses (household_id, id) on delete restrict,
			check ((status = 'open') = (closed_at is null))
		);
		create index proposals_open_idx on proposals (household_id, closes_at) where status = 'open';

		create table proposal_options (
			household_id uuid not null,
			proposal_id uuid not null,
			id uuid not null default gen_random_uuid(),
			label text not null check (length(label) between 1 and 200),
			position integer not null,
			primary key (household_id, proposal_id, id),
			unique (household_id, proposal_id, position),
			foreign key (household_id, proposal_id) references proposals (household_id, id) on delete cascade
		);

		create table proposal_voters (
			household_id uuid not null,
			proposal_id uuid not null,
			member_id uuid not null,
			primary key (household_id, proposal_id, member_id),
			foreign key (household_id, proposal_id) references proposals (household_id, id) on delete restrict,
			foreign key (household_id, member_id) references members (household_id, id) on delete restrict
		);

		create table votes (
			household_id uuid not null,
			proposal_id uuid not null,
			member_id uuid not null,
			position text check (position in ('yes', 'no', 'abstain', 'block')),
			option_ids jsonb,
			ranking jsonb,
			reason text check (length(reason) <= 2000),
			cast_by_member_id uuid not null,
			cast_at timestamptz not null default now(),
			primary key (household_id, proposal_id, member_id),
			foreign key (household_id, proposal_id, member_id) references proposal_voters (household_id, proposal_id, member_id) on delete restrict,
			foreign key (household_id, cast_by_member_id) references members (household_id, id) on delete restrict,
			check (position <> 'block' or (reason is not null and length(trim(reason)) > 0))
		);

		create table vote_history (
			household_id uuid not null,
			proposal_id uuid not null,
			id bigint generated always as identity,
			member_id uuid not null,
			position text,
			option_ids jsonb,
			ranking jsonb,
			reason text,
			cast_by_member_id uuid not null,
			cast_at timestamptz not null,
			primary key (household_id, proposal_id, id),
			foreign key (household_id, proposal_id) references proposals (household_id, id) on delete restrict
		);

		create table proposal_comments (
			household_id uuid not null,
			proposal_id uuid not null,
			id uuid not null default gen_random_uuid(),
			member_id uuid not null,
			body text not null check (length(body) between 1 and 5000),
			created_at timestamptz not null default now(),
			primary key (household_id, proposal_id, id),
			foreign key (household_id, proposal_id) references proposals (household_id, id) on delete restrict,
			foreign key (household_id, member_id) references members (household_id, id) on delete restrict
		);
	`.execute(db);
}

export async function down(): Promise<void> {
	throw new Error('Migrations are forward-only.');
}
