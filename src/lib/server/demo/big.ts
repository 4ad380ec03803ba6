/**
 * "Big Co-op": one household at the scale of a large co-op with five years of history,
 * for the benchmark. Written with set-based SQL (one statement per table), not row by
 * row; closing the proposals goes through the real closing code so tallies are true.
 */
import { sql } from 'kysely';
import { getDb } from '$lib/server/db';
import { hashPassword } from '$lib/server/auth/passwords';
import { closeAllDueProposals } from '$lib/server/decisions/closing';
import { plusDays, todayIn } from '$lib/dates';
import { bumpHouseholdVersion, withoutRowBumps } from '$lib/server/households/household-versions';

export const BIG_HOUSEHOLD = 'Big Co-op';
export const BIG_ADMIN_EMAIL = 'big-admin@hearth.example';
export const BIG_PASSWORD = 'big-house-bench';
const TIMEZONE = 'Europe/Berlin';

export interface BigSeedOptions {
	expenses: number;
	/** Tells the accounts of two seeded houses apart (the benchmark seeds a big and a small one). */
	emailTag?: string;
	log?: (line: string) => void;
}

export interface BigSeedResult {
	householdId: string;
	adminMemberId: string;
	adminEmail: string;
	rankedProposalId: string;
}

export async function seedBigHousehold({ expenses, emailTag = '', log = () => {} }: BigSeedOptions): Promise<BigSeedResult> {
	const db = getDb();
	const today = todayIn(TIMEZONE);
	const start = plusDays(today, -5 * 365);
	const yesterday = plusDays(today, -1);
	const passwordHash = await hashPassword(BIG_PASSWORD);
	const adminEmail = BIG_ADMIN_EMAIL.replace('@', `${emailTag}@`);
	const step = async (what: string, work: () => Promise<unknown>) => {
		const began = performance.now();
		await work();
		log(`  ${what}: ${((performance.now() - began) / 1000).toFixed(1)} s`);
	};

	const { id: householdId } = await db
		.insertInto('households')
		.values({ name: BIG_HOUSEHOLD, currency: 'EUR', timezone: TIMEZONE })
		.returning('id')
		.executeTakeFirstOrThrow();
	const h = householdId;

	await step('40 members, 34 with accounts', async () => {
		// 28 adults (the first is the admin), 6 youth, 4 children and 2 guests; adults and youth log in.
		await sql`
			with people as (
				select n, case when n <= 28 then 'adult' when n <= 34 then 'youth' when n <= 38 then 'child' else 'guest' end as role
				from generate_series(1, 40) n
			), accounts as (
				insert into users (email, display_name, password_hash)
				select case when n = 1 then ${adminEmail} else 'member' || n || ${emailTag} || '@big.example' end, 'Member ' || n, ${passwordHash}
				from people where n <= 34 returning id, email
			)
			insert into members (household_id, display_name, role, is_admin, user_id, share_weight, chore_capacity, created_at)
			select ${h}::uuid, case when p.n = 1 then 'Admin' else 'Member ' || p.n end, p.role, p.n <= 3, a.id,
				case when p.role = 'child' then 0 else 1 end, case when p.role = 'child' then 0.25 else 1 end, now() - interval '5 years' + p.n * interval '1 minute'
			from people p left join accounts a on a.email = case when p.n = 1 then ${adminEmail} else 'member' || p.n || ${emailTag} || '@big.example' end`.execute(db);
		await sql`update users set last_household_id = ${h} where id in (select user_id from members where household_id = ${h})`.execute(db);
	});
	const members = (await db.selectFrom('members').select(['id', 'displayName']).where('householdId', '=', h).orderBy('createdAt').execute()).map((m) => m.id);
	const admin = members[0]!;
	const ids = sql`${sql.lit(`{${members.join(',')}}`)}::uuid[]`;

	await step(`${expenses} expenses with payers, shares and first versions`, async () => {
		// Each expense: 5 sharers spread over the house, one payer (every tenth has two), mixed split modes.
		// One transaction: the generated rows live in a temporary table of its connection. A new
		// house nobody has seen: its million rows queue no version bump each; one bump at the end.
		await db.transaction().execute(async (trx) => {
			await withoutRowBumps(trx);
			await sql`
			create temporary table gen on commit drop as
			select n, gen_random_uuid() as id,
				${start}::date + ((n::bigint * 1825) / ${expenses})::int as spent_on,
				500 + abs(hashtext('amount' || n)) % 20000 as amount,
				(array['equal','equal','equal','equal','equal','equal','weights','weights','exact','shares'])[1 + n % 10] as mode,
				(${ids})[1 + (n * 7) % 34] as payer,
				(${ids})[1 + (n * 11 + 5) % 34] as second_payer,
				array[(${ids})[1 + n % 40], (${ids})[1 + (n + 3) % 40], (${ids})[1 + (n + 6) % 40], (${ids})[1 + (n + 9) % 40], (${ids})[1 + (n + 12) % 40]] as sharers
			from generate_series(1, ${expenses}) n`.execute(trx);
			await sql`
			insert into expenses (household_id, id, description, amount_minor, spent_on, category, split_mode, split_parts, created_by_member_id, created_at, updated_at)
			select ${h}::uuid, id, (array['Groceries','Rent share','Electricity','Internet','Cleaning supplies','Dinner','Repairs','Garden','Bakery','Water'])[1 + n % 10] || ' #' || n,
				amount, spent_on, (array['groceries','rent','utilities','internet','supplies','groceries','repairs','other','groceries','utilities'])[1 + n % 10], mode,
				(select jsonb_agg(case mode when 'exact' then jsonb_build_object('memberId', s, 'value', amount / 5 + case when i <= amount % 5 then 1 else 0 end)
					when 'shares' then jsonb_build_object('memberId', s, 'value', 1) else jsonb_build_object('memberId', s) end order by i)
					from unnest(sharers) with ordinality as u(s, i)),
				payer, spent_on + time '18:00' + n * interval '1 millisecond', spent_on + time '18:00'
			from gen`.execute(trx);
			await sql`
			insert into expense_payers (household_id, expense_id, member_id, amount_minor)
			select ${h}::uuid, id, payer, case when n % 10 = 0 and second_payer <> payer then amount - amount / 3 else amount end from gen
			union all
			select ${h}::uuid, id, second_payer, amount / 3 from gen where n % 10 = 0 and second_payer <> payer`.execute(trx);
			await sql`
			insert into expense_shares (household_id, expense_id, member_id, amount_minor)
			select ${h}::uuid, id, s, amount / 5 + case when i <= amount % 5 then 1 else 0 end
			from gen cross join lateral unnest(sharers) with ordinality as u(s, i)`.execute(trx);
			await sql`
			insert into expense_versions (household_id, expense_id, version, snapshot, saved_by_member_id, saved_at)
			select ${h}::uuid, id, 1, jsonb_build_object('id', id, 'version', 1, 'amountMinor', amount, 'spentOn', spent_on, 'splitMode', mode), payer, spent_on + time '18:00' from gen`.execute(
				trx
			);
			await bumpHouseholdVersion(trx, h);
		});
	});

	await step('settlements (one per 50 expenses)', () =>
		sql`
			insert into settlements (household_id, from_member_id, to_member_id, amount_minor, paid_on, note, created_by_member_id)
			select ${h}::uuid, (${ids})[1 + (n * 13) % 34], (${ids})[1 + (n * 13 + 1 + n % 33) % 34], 1000 + abs(hashtext('s' || n)) % 30000,
				${start}::date + ((n::bigint * 1825) / greatest(1, ${Math.ceil(expenses / 50)}))::int, 'Settling up', (${ids})[1 + (n * 13) % 34]
			from generate_series(1, ${Math.ceil(expenses / 50)}) n`.execute(db)
	);

	await step('120 chores with five years of history', async () => {
		// 20 daily, 60 weekly, 40 monthly; each shared by 5 members in turn; the past is frozen.
		await sql`
			insert into chores (household_id, name, effort, schedule, strategy, created_by_member_id, created_at)
			select ${h}::uuid, 'Chore ' || k, 1 + k % 5,
				case when k <= 20 then jsonb_build_object('kind', 'daily', 'interval', 1, 'startOn', ${start}::text)
					when k <= 80 then jsonb_build_object('kind', 'weekly', 'interval', 1, 'weekdays', jsonb_build_array(1 + k % 7), 'startOn', ${start}::text)
					else jsonb_build_object('kind', 'monthly', 'interval', 1, 'dayOfMonth', 1 + k % 28, 'startOn', ${start}::text) end,
				case when k % 3 = 0 then 'fair' else 'rotate' end, ${admin}::uuid, now() - interval '5 years'
			from generate_series(1, 120) k`.execute(db);
		await sql`
			insert into chore_participants (household_id, chore_id, member_id, position)
			select ${h}::uuid, c.id, (${ids})[1 + (c.k * 5 + i) % 38], i
			from (select id, row_number() over (order by name) as k from chores where household_id = ${h}) c cross join generate_series(0, 4) i`.execute(db);
		await sql`
			with due as (
				select c.id as chore_id, c.effort, d::date as due_on, row_number() over (partition by c.id order by d) as turn
				from chores c cross join generate_series(${start}::date, ${yesterday}::date, interval '1 day') d
				where c.household_id = ${h} and (
					c.schedule->>'kind' = 'daily'
					or (c.schedule->>'kind' = 'weekly' and extract(isodow from d) = (c.schedule->'weekdays'->>0)::int)
					or (c.schedule->>'kind' = 'monthly' and extract(day from d) = (c.schedule->>'dayOfMonth')::int))
			)
			insert into chore_occurrences (household_id, chore_id, due_on, assignee_member_id, status, done_by_member_id, done_at, done_on, skip_reason, effort, frozen)
			select ${h}::uuid, due.chore_id, due.due_on, p.member_id,
				case when abs(hashtext(due.chore_id::text || due.due_on)) % 20 = 0 then 'skipped' else 'done' end,
				case when abs(hashtext(due.chore_id::text || due.due_on)) % 20 = 0 then null else p.member_id end,
				case when abs(hashtext(due.chore_id::text || due.due_on)) % 20 = 0 then null else due.due_on + time '19:00' end,
				case when abs(hashtext(due.chore_id::text || due.due_on)) % 20 = 0 then null else due.due_on end,
				case when abs(hashtext(due.chore_id::text || due.due_on)) % 20 = 0 then 'Away' end,
				due.effort, true
			from due join chore_participants p on p.household_id = ${h} and p.chore_id = due.chore_id and p.position = (due.turn - 1) % 5`.execute(db);
		await db.insertInto('choreCalendarState').values({ householdId: h, frozenThrough: yesterday }).execute();
	});

	await step('3 000 closed and 20 open proposals with votes', async () => {
		await sql`
			insert into proposals (household_id, author_member_id, title, body, kind, threshold, quorum_pct, voter_class, closes_at, created_at)
			select ${h}::uuid, (${ids})[1 + n % 34], 'Proposal ' || n, 'Shall we do thing number ' || n || '?',
				case when n % 10 < 6 then 'consent' when n % 10 < 9 then 'choice' else 'ranked' end,
				(array['majority','two_thirds','three_quarters','consensus','majority'])[1 + n % 5], 50, 'all',
				case when n <= 3000 then now() - (3001 - n) * interval '14 hours' else now() + (n - 3000) * interval '1 day' end,
				case when n <= 3000 then now() - (3001 - n) * interval '14 hours' - interval '7 days' else now() - interval '1 day' end
			from generate_series(1, 3020) n`.execute(db);
		await sql`
			insert into proposal_options (household_id, proposal_id, label, position)
			select ${h}::uuid, p.id, 'Option ' || chr(65 + i), i from proposals p cross join generate_series(0, 3) i
			where p.household_id = ${h} and p.kind <> 'consent'`.execute(db);
		await sql`
			insert into proposal_voters (household_id, proposal_id, member_id)
			select ${h}::uuid, p.id, m.id from proposals p join members m on m.household_id = p.household_id where p.household_id = ${h}`.execute(db);
		// Fresh statistics: in a database that already holds a big house, the planner would
		// otherwise take these thousands of new rows for one and join them by nested loops (minutes).
		await sql`analyze proposals, proposal_options, proposal_voters`.execute(db);
		await sql`
			-- Materialized: inlined, the planner may re-aggregate the options for every ballot.
			with options as materialized (select proposal_id, array_agg(id order by position) as ids from proposal_options where household_id = ${h} group by proposal_id),
			ballots as materialized (
				select p.id as proposal_id, p.kind, v.member_id, abs(hashtext(p.id::text || v.member_id::text)) as hash, o.ids, p.closes_at
				from proposals p join proposal_voters v on v.household_id = p.household_id and v.proposal_id = p.id
				left join options o on o.proposal_id = p.id
				where p.household_id = ${h} and abs(hashtext(v.member_id::text || p.id::text)) % 4 <> 0
					-- The admin leaves the open ones to vote on, so the dashboard has something waiting.
					and not (p.closes_at > now() and v.member_id = ${admin})
			)
			insert into votes (household_id, proposal_id, member_id, position, option_ids, ranking, reason, cast_by_member_id, cast_at)
			select ${h}::uuid, proposal_id, member_id,
				case when kind = 'consent' then (array['yes','yes','yes','yes','yes','no','no','abstain','yes','block'])[1 + hash % 10]
					-- A block is rare: one in a hundred.
					end,
				case when kind = 'choice' then (select jsonb_agg(ids[1 + (hash + k) % 4]) from generate_series(0, hash % 2) k) end,
				case when kind = 'ranked' then (select jsonb_agg(ids[1 + (hash / 7 + k) % 4] order by k) from generate_series(0, 1 + hash % 3) k) end,
				case when kind = 'consent' and hash % 10 = 9 then 'Not like this' end,
				member_id, closes_at - interval '1 day'
			from ballots`.execute(db);
		await sql`
			insert into vote_history (household_id, proposal_id, member_id, position, option_ids, ranking, reason, cast_by_member_id, cast_at)
			select household_id, proposal_id, member_id, position, option_ids, ranking, reason, cast_by_member_id, cast_at from votes where household_id = ${h}`.execute(
			db
		);
		// The real closing code counts each one (tallies, ranked rounds, reasons); then each is dated at its closing time.
		while ((await closeAllDueProposals()) > 0);
		await sql`update proposals set closed_at = closes_at where household_id = ${h} and status <> 'open'`.execute(db);
	});

	await step('activity', () =>
		sql`
			insert into activity (household_id, actor_member_id, action, subject_type, summary, created_at)
			select ${h}::uuid, (${ids})[1 + n % 34], 'expense.created', 'expense', 'Member ' || (1 + n % 34) || ' added an expense.', now() - n * interval '1 hour'
			from generate_series(1, 5000) n`.execute(db)
	);
	await step('analyze', () => sql`analyze`.execute(db));

	const ranked = await db
		.selectFrom('proposals')
		.select('id')
		.where('householdId', '=', h)
		.where('kind', '=', 'ranked')
		.where('status', '=', 'decided')
		.orderBy('closesAt', 'desc')
		.executeTakeFirstOrThrow();
	return { householdId: h, adminMemberId: admin, adminEmail, rankedProposalId: ranked.id };
}
