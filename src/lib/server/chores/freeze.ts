/**
 * Freezing the past: the days that have passed are planned once and stored, so a later
 * edit of a chore, a capacity or an absence changes only today and the future. Each
 * household's calendar is serialized by an advisory lock (see calendarLock).
 */
import { sql, type Kysely } from 'kysely';
import { getDb } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { plusDays, todayIn } from '$lib/dates';
import type { PlannedOccurrence } from '$lib/chores/plan';
import { planInput, planWithoutBlocking, type HouseholdRef } from './plan-input';

/** Holds the household's chore calendar for the rest of the transaction: two changes never plan from the same stale state. */
export async function calendarLock(trx: Kysely<Database>, householdId: string): Promise<void> {
	await sql`select pg_advisory_xact_lock(hashtext(${`chores:${householdId}`}))`.execute(trx);
}

/**
 * Stores every occurrence of the days that have passed, once: later edits of chores,
 * capacities or absences then change only today and the future. Serialized per
 * household by an advisory lock; cheap when already done today.
 */
export async function freezePast(household: HouseholdRef): Promise<void> {
	const yesterday = plusDays(todayIn(household.timezone), -1);
	// Nearly every call finds the past already stored: one read instead of a locked transaction.
	const done = await getDb().selectFrom('choreCalendarState').select('frozenThrough').where('householdId', '=', household.id).executeTakeFirst();
	if (done && done.frozenThrough >= yesterday) return;
	await getDb()
		.transaction()
		.execute(async (trx) => {
			await calendarLock(trx, household.id);
			const state = await trx.selectFrom('choreCalendarState').select('frozenThrough').where('householdId', '=', household.id).executeTakeFirst();
			if (state && state.frozenThrough >= yesterday) return;
			const earliest = await trx
				.selectFrom('chores')
				.select((eb) => eb.fn.min(sql<string>`(schedule->>'startOn')::date`).as('start'))
				.where('householdId', '=', household.id)
				.executeTakeFirst();
			const from = state ? plusDays(state.frozenThrough, 1) : (earliest?.start as string | null | undefined);
			if (from && from <= yesterday) {
				const input = await planInput(trx, household, from, yesterday);
				await storeFrozen(trx, household, await planWithoutBlocking(input));
			}
			await trx
				.insertInto('choreCalendarState')
				.values({ householdId: household.id, frozenThrough: yesterday })
				.onConflict((oc) => oc.column('householdId').doUpdateSet({ frozenThrough: yesterday }))
				.execute();
		});
}

async function storeFrozen(trx: Kysely<Database>, household: HouseholdRef, planned: PlannedOccurrence[]): Promise<void> {
	const fresh = planned.filter((o) => !o.stored);
	for (let i = 0; i < fresh.length; i += 500) {
		await trx
			.insertInto('choreOccurrences')
			.values(
				fresh.slice(i, i + 500).map((o) => ({
					householdId: household.id,
					choreId: o.choreId,
					dueOn: o.dueOn,
					assigneeMemberId: o.assigneeMemberId,
					status: o.status,
					effort: o.effort,
					frozen: true
				}))
			)
			.onConflict((oc) => oc.columns(['householdId', 'choreId', 'dueOn']).doNothing())
			.execute();
	}
}

/**
 * A chore added with a start in the past gets its past stored as it is created (the
 * household's history is frozen through yesterday already), so no later edit rewrites it.
 * Runs inside the creating transaction, under the household's calendar lock.
 */
export async function freezeNewChorePast(trx: Kysely<Database>, household: HouseholdRef, choreId: string, startOn: string): Promise<void> {
	await calendarLock(trx, household.id);
	const yesterday = plusDays(todayIn(household.timezone), -1);
	if (startOn > yesterday) return;
	const input = await planInput(trx, household, startOn, yesterday, { onlyChores: [choreId], ignoreFrozen: true });
	await storeFrozen(trx, household, await planWithoutBlocking(input));
}
