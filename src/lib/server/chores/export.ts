/** The chore history as CSV: every day a chore was due up to today, who had it and what happened. */
import { m } from '$lib/paraglide/messages';
import { toCsv } from '$lib/server/csv';
import { getDb } from '$lib/server/db';
import type { Household } from '$lib/server/db/schema';
import { todayIn } from '$lib/dates';

export async function choreHistoryCsv(household: Household): Promise<string> {
	// The stored past: the guard's catch-up step wrote it down through yesterday before this read.
	const rows = await getDb()
		.selectFrom('choreOccurrences as o')
		.innerJoin('chores as c', (join) => join.onRef('c.householdId', '=', 'o.householdId').onRef('c.id', '=', 'o.choreId'))
		.leftJoin('members as assignee', (join) => join.onRef('assignee.householdId', '=', 'o.householdId').onRef('assignee.id', '=', 'o.assigneeMemberId'))
		.leftJoin('members as doer', (join) => join.onRef('doer.householdId', '=', 'o.householdId').onRef('doer.id', '=', 'o.doneByMemberId'))
		.select(['o.dueOn', 'c.name', 'o.effort', 'assignee.displayName as assignee', 'o.status', 'doer.displayName as doer', 'o.doneOn', 'o.skipReason'])
		.where('o.householdId', '=', household.id)
		.where('o.dueOn', '<=', todayIn(household.timezone))
		.orderBy('o.dueOn')
		.orderBy('c.name')
		.execute();
	return toCsv([
		[m.csv_due_on(), m.csv_chore(), m.csv_effort(), m.csv_assigned_to(), m.csv_status(), m.csv_done_by(), m.csv_done_on(), m.csv_skip_reason()],
		...rows.map((r) => [
			r.dueOn,
			r.name,
			r.effort,
			r.assignee ?? 'anyone',
			r.status === 'pending' ? 'not done' : r.status,
			r.doer ?? '',
			r.doneOn ?? '',
			r.skipReason ?? ''
		])
	]);
}
