/**
 * A household's background work, in one step: due recurring expenses made, due proposals
 * closed, the chore calendar's past written down, the day's reminders written. Each part is idempotent and each item
 * isolated (a failure is recorded for the admins; the rest goes on). The job runs it for
 * every due household; the guard runs it for the household a request is about when its
 * stored due time has come, once (one request claims it). Reads and GET endpoints then
 * only read.
 */
import { sql } from 'kysely';
import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import { getDb } from '$lib/server/db';
import type { Household } from '$lib/server/db/schema';
import { sweepItem } from '$lib/server/sweeps';
import { runDueRecurring } from '$lib/server/money/recurring';
import { closeDueIn } from '$lib/server/decisions/closing';
import { freezePast } from '$lib/server/chores/freeze';
import { remindBookings, remindChores, remindClosingSoon } from '$lib/server/notifications/reminders';

type HouseholdRef = Pick<Household, 'id' | 'timezone'>;

/** A claim lasts this long: if its request dies mid-way, the next one after it tries again. */
const CLAIM_MS = 5 * 60 * 1000;

export async function catchUp(household: HouseholdRef): Promise<void> {
	// Recurring expenses and proposals record failures per template and per proposal themselves.
	await runDueRecurring(household.id);
	await closeDueIn(household.id);
	await sweepItem('freeze-chores', household.id, household.id, () => freezePast(household));
	await sweepItem('reminders', household.id, household.id, async () => {
		await remindChores(household);
		await remindClosingSoon(household.id);
		await remindBookings(household);
	});
}

/**
 * For the guard: `dueAt` is what the membership query read (null: never caught up).
 * Cheap when not due (nothing runs); when due, one request claims it and does the work.
 */
export async function catchUpIfDue(household: HouseholdRef, dueAt: Date | null, now = new Date()): Promise<void> {
	if (dueAt && dueAt.getTime() > now.getTime()) return;
	const lease = new Date(now.getTime() + CLAIM_MS);
	const claimed = await sql<{ householdId: string }>`
		insert into household_catch_up (household_id, due_at) values (${household.id}, ${lease})
		on conflict (household_id) do update set due_at = excluded.due_at where household_catch_up.due_at <= ${now}
		returning household_id`.execute(getDb());
	if (claimed.rows.length === 0) return;
	await catchUp(household);
	// Unless a write brought it forward meanwhile (a new proposal closing sooner), the next due time.
	const next = await nextDue(household);
	await getDb().updateTable('householdCatchUp').set({ dueAt: next }).where('householdId', '=', household.id).where('dueAt', '=', lease).execute();
}

/**
 * When work next falls due: the first open proposal's closing time (or a day before it,
 * when those who have not voted are reminded), or the start of
 * tomorrow in the house's zone (recurring expenses fall due by the day, and yesterday's
 * chores are written down once a day).
 */
async function nextDue(household: HouseholdRef): Promise<Date> {
	// A proposal is due a day before its close (the reminder to those who have not voted) and at its close.
	const proposal = await getDb()
		.selectFrom('proposals')
		.select(sql<Date | null>`min(case when closes_at - interval '1 day' > now() then closes_at - interval '1 day' else closes_at end)`.as('closesAt'))
		.where('householdId', '=', household.id)
		.where('status', '=', 'open')
		.executeTakeFirst();
	const tomorrow = startOfDay(addDays(new TZDate(Date.now(), household.timezone), 1));
	const closing = proposal?.closesAt ? new Date(proposal.closesAt as Date) : null;
	return closing && closing.getTime() < tomorrow.getTime() ? closing : new Date(tomorrow.getTime());
}

/** For the job runner: every household whose work is due (or that never caught up), a bounded batch at a time. */
export async function catchUpDueHouseholds(limit = 200): Promise<number> {
	const due = await sql<{ id: string; timezone: string; dueAt: Date | null }>`
		select h.id, h.timezone, c.due_at from households h left join household_catch_up c on c.household_id = h.id
		where c.due_at is null or c.due_at <= now() order by c.due_at nulls first limit ${limit}`.execute(getDb());
	for (const household of due.rows) await catchUpIfDue(household, household.dueAt);
	return due.rows.length;
}
