/**
 * A lived-in demo: the seeder writes months of history in a second, so every activity
 * entry would say "just now". This dates each entry to when its thing happened (an
 * expense on its day, in the evening; a payment on its day; a proposal when it opened
 * or closed; a meal's entries around when it was served; the house itself a few days before its first expense) at believable local
 * times, and rewrites the log in that order. Only a demo house's log can be rewritten
 * (migration 13).
 */
import { sql } from 'kysely';
import { getDb } from '$lib/server/db';

export async function dateDemoHistory(householdId: string, timezone: string): Promise<void> {
	const db = getDb();
	await db.transaction().execute(async (trx) => {
		// Open proposals were "opened" one to three days ago, not during the seed.
		await sql`
			update proposals set created_at = created_at - make_interval(days => 1 + abs(hashtext(id::text)) % 3, hours => abs(hashtext(title)) % 5)
			where household_id = ${householdId} and closed_at is null`.execute(trx);
		await sql`
			with founding as (
				select coalesce(min(spent_on), current_date) - 4 as day from expenses where household_id = ${householdId}
			),
			dated as (
				select a.id, least(now() - interval '2 minutes', case
					when a.action = 'expense.created' then
						((select e.spent_on from expenses e where e.household_id = a.household_id and e.id::text = a.subject_id)
							+ time '12:10' + make_interval(mins => ((a.id * 37) % 590)::int)) at time zone ${timezone}
					when a.action = 'settlement.recorded' then
						((select s.paid_on from settlements s where s.household_id = a.household_id and s.id::text = a.subject_id)
							+ time '20:40') at time zone ${timezone}
					when a.action = 'proposal.opened' then
						(select p.created_at from proposals p where p.household_id = a.household_id and p.id::text = a.subject_id)
					when a.action = 'proposal.closed' then
						(select p.closed_at from proposals p where p.household_id = a.household_id and p.id::text = a.subject_id)
					when a.action = 'chore.created' then
						((select min(o.due_on) from chore_occurrences o where o.household_id = a.household_id and o.chore_id::text = a.subject_id)
							- 1 + time '19:30' + make_interval(mins => (a.id % 40)::int)) at time zone ${timezone}
					when a.action = 'recurring.created' then ((select day from founding) + 1 + time '10:05' + make_interval(mins => (a.id % 30)::int)) at time zone ${timezone}
					when a.action = 'absence.added' then (current_date - 3 + time '08:15' + make_interval(mins => (a.id % 45)::int)) at time zone ${timezone}
					when a.action = 'invite.created' then (current_date - 2 + time '21:05') at time zone ${timezone}
					when a.action = 'thing.added' then ((select day from founding) + 2 + time '18:40' + make_interval(mins => (a.id % 20)::int)) at time zone ${timezone}
					when a.action like 'booking.%' then (current_date - 1 + time '18:20' + make_interval(mins => (a.id % 30)::int)) at time zone ${timezone}
					when a.action = 'fund.created' then ((select day from founding) + 3 + time '20:15') at time zone ${timezone}
					when a.action like 'fund.%' then (current_date - 4 + time '19:40' + make_interval(mins => (a.id % 50)::int)) at time zone ${timezone}
					when a.action like 'meal.%' then
						(select ml.served_at from meals ml where ml.household_id = a.household_id and ml.id::text = a.subject_id)
							+ case a.action when 'meal.planned' then interval '-6 days' when 'meal.cost_recorded' then interval '2 hours' else interval '-9 hours' end
							+ make_interval(mins => (a.id % 40)::int)
					else ((select day from founding) + time '19:10' + make_interval(mins => (a.id % 50)::int)) at time zone ${timezone}
				end) as happened_at
				from activity a where a.household_id = ${householdId}
			),
			removed as (
				delete from activity where household_id = ${householdId} returning *
			)
			insert into activity (household_id, actor_member_id, action, subject_type, subject_id, summary, facts, details, created_at)
			select r.household_id, r.actor_member_id, r.action, r.subject_type, r.subject_id, r.summary, r.facts, r.details, coalesce(d.happened_at, r.created_at)
			from removed r join dated d on d.id = r.id
			order by coalesce(d.happened_at, r.created_at), r.id`.execute(trx);
	});
}
