/**
 * The chore calendar as people see it (today and the future planned, the past as stored)
 * and the changes to one occurrence: done, undone, skipped, given to someone, swapped.
 */
import { sql, type Kysely } from 'kysely';
import { getDb } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { DomainError, notFound } from '$lib/server/errors';
import { isUuid } from '$lib/server/ids';
import { audit } from '$lib/server/activity/log';
import type { MemberContext } from '$lib/server/households/context';
import { keptForHousehold, type VersionedHousehold } from '$lib/server/households/household-cache';
import { parseDay, plusDays, todayIn } from '$lib/dates';
import type { CalendarOccurrence, PlannedOccurrence } from '$lib/chores/plan';
import { applyOccurrenceAction, namedMember, OCCURRENCE_ACTIVITY, type OccurrenceAction } from '$lib/chores/occurrence-action';
import { checkPlannable, planInput, planWithoutBlocking, type HouseholdRef } from './plan-input';
import { calendarLock, freezePast } from './freeze';
import { m } from '$lib/paraglide/messages';
import { notify } from '$lib/server/notifications/outbox';
import { pathTo } from '$lib/paths';

export type Occurrence = CalendarOccurrence;
export type { OccurrenceAction };

function present(o: PlannedOccurrence, today: string, doneAt: Map<string, Date | null>, times: Map<string, string | null>): Occurrence {
	return {
		choreId: o.choreId,
		choreName: o.choreName,
		dueOn: o.dueOn,
		assigneeMemberId: o.assigneeMemberId,
		status: o.status === 'pending' && o.dueOn < today ? 'overdue' : o.status,
		doneByMemberId: o.doneByMemberId,
		doneAt: doneAt.get(`${o.choreId}:${o.dueOn}`)?.toISOString() ?? null,
		effort: o.effort,
		time: times.get(o.choreId) ?? null
	};
}

/**
 * Sorted by day, then chore name; `memberId` keeps one person's (assigned or done by them).
 * Planned once per household, day, version and range (the household cache), however many
 * pages and members ask: the answer is shared, so callers copy before they sort.
 */
export async function choreCalendar(household: VersionedHousehold, from: string, to: string, memberId?: string): Promise<readonly Occurrence[]> {
	checkPlannable(household, from, to);
	return keptForHousehold(household, `plan|${from}|${to}|${memberId ?? 'all'}`, () => planCalendar(household, from, to, memberId));
}

async function planCalendar(household: HouseholdRef, from: string, to: string, memberId?: string): Promise<Occurrence[]> {
	// Only reads: days past and not yet written down (the catch-up step does that) are planned as they would be stored.
	const db = getDb();
	// One person's calendar needs only the chores they take part in, or whose stored days in the range name them.
	const onlyChores = memberId
		? (
				await sql<{ choreId: string }>`
					select chore_id from chore_participants where household_id = ${household.id} and member_id = ${memberId}
					union select chore_id from chore_occurrences where household_id = ${household.id} and due_on between ${from} and ${to}
						and (assignee_member_id = ${memberId} or done_by_member_id = ${memberId})`.execute(db)
			).rows.map((r) => r.choreId)
		: undefined;
	const input = await planInput(db, household, from, to, { onlyChores });
	const done = await db
		.selectFrom('choreOccurrences')
		.select(['choreId', 'dueOn', 'doneAt'])
		.where('householdId', '=', household.id)
		.where('dueOn', '>=', from)
		.where('dueOn', '<=', to)
		.where('status', '=', 'done')
		.execute();
	const doneAt = new Map(done.map((d) => [`${d.choreId}:${d.dueOn}`, d.doneAt]));
	return (await planWithoutBlocking(input))
		.map((o) => present(o, input.today, doneAt, input.times))
		.filter((o) => !memberId || o.assigneeMemberId === memberId || o.doneByMemberId === memberId);
}

/**
 * Runs a change to one occurrence: the past frozen first, then one transaction holding
 * the household's calendar lock, so two changes never plan from the same stale state.
 */
async function inCalendarTransaction<T>(
	household: HouseholdRef,
	choreId: string,
	dueOn: string,
	work: (trx: Kysely<Database>, today: string) => Promise<T>
): Promise<T> {
	if (!isUuid(choreId)) throw notFound(m.thing_occurrence);
	if (parseDay(dueOn) === null) throw new DomainError(422, 'invalid_input', m.e_not_real_date(), { dueOn: m.e_real_day() });
	checkPlannable(household, dueOn, dueOn, { from: 'dueOn', to: 'dueOn' });
	await freezePast(household);
	const today = todayIn(household.timezone);
	return getDb()
		.transaction()
		.execute(async (trx) => {
			await calendarLock(trx, household.id);
			return work(trx, today);
		});
}

async function memberNames(trx: Kysely<Database>, householdId: string): Promise<(id: string | null) => string> {
	const rows = await trx.selectFrom('members').select(['id', 'displayName']).where('householdId', '=', householdId).execute();
	const names = new Map(rows.map((m) => [m.id, m.displayName]));
	return (id) => (id ? (names.get(id) ?? 'someone') : 'nobody');
}

/** The member a day of a chore was given to hears of it (not when they gave it to themselves). */
async function tellAssigned(trx: Kysely<Database>, context: MemberContext, choreId: string, chore: string, day: string, memberId: string): Promise<void> {
	await notify(trx, {
		householdId: context.household.id,
		kind: 'chore.assigned',
		actorMemberId: context.member.id,
		facts: { actor: context.member.displayName, chore, day },
		path: pathTo('/h/[hid]/chores/[cid]', { hid: context.household.id, cid: choreId }),
		recipients: [memberId]
	});
}

/** Acts on the occurrence of `choreId` due on `dueOn`; it must be on the calendar. */
export async function actOnOccurrence(context: MemberContext, choreId: string, dueOn: string, action: OccurrenceAction): Promise<Occurrence> {
	const household = context.household;
	return inCalendarTransaction(household, choreId, dueOn, async (trx, today) => {
		const input = await planInput(trx, household, dueOn, dueOn, { onlyChores: [choreId] });
		const current = (await planWithoutBlocking(input)).find((o) => o.choreId === choreId && o.dueOn === dueOn);
		if (!current) throw notFound(m.thing_occurrence);
		const named = namedMember(action, context.member.id);
		if (named) {
			const member = await trx
				.selectFrom('members')
				.select('id')
				.where('householdId', '=', household.id)
				.where('id', '=', named.memberId)
				.where('active', '=', true)
				.executeTakeFirst();
			const message = m.e_active_member();
			if (!member) throw new DomainError(422, 'rule_broken', message, { [named.field]: message });
		}
		const result = applyOccurrenceAction(current, action, today, context.member.id);
		if ('refusal' in result) throw new DomainError(result.refusal.status, result.refusal.code, result.refusal.message);
		const { state } = result;
		const now = new Date();
		// Giving a done chore to someone else keeps when it was done.
		const doneAt = action.kind === 'complete' ? now : action.kind === 'reassign' ? undefined : null;
		const changes = { ...state, ...(doneAt === undefined ? {} : { doneAt }), updatedAt: now };
		// The stored row answers when it was done (a reassignment keeps the time it had).
		const stored = await trx
			.insertInto('choreOccurrences')
			.values({ householdId: household.id, choreId, dueOn, effort: current.effort, ...changes })
			.onConflict((oc) => oc.columns(['householdId', 'choreId', 'dueOn']).doUpdateSet(changes))
			.returning('doneAt')
			.executeTakeFirstOrThrow();
		const who = await memberNames(trx, household.id);
		const actor = context.member.displayName;
		const facts: Record<OccurrenceAction['kind'], Record<string, string>> = {
			complete: { who: who(state.doneByMemberId), chore: current.choreName, dueOn },
			undo: { actor, chore: current.choreName, dueOn },
			skip: { actor, chore: current.choreName, dueOn, reason: state.skipReason ?? '' },
			reassign: { actor, chore: current.choreName, dueOn, to: who(state.assigneeMemberId) }
		};
		await audit(trx, context, {
			action: OCCURRENCE_ACTIVITY[action.kind],
			subjectType: 'chore',
			subjectId: choreId,
			facts: facts[action.kind],
			details: {
				dueOn,
				before: { assigneeMemberId: current.assigneeMemberId, status: current.status, doneByMemberId: current.doneByMemberId },
				after: { assigneeMemberId: state.assigneeMemberId, status: state.status, doneByMemberId: state.doneByMemberId }
			}
		});
		if (action.kind === 'reassign' && state.assigneeMemberId && state.assigneeMemberId !== current.assigneeMemberId) {
			await tellAssigned(trx, context, choreId, current.choreName, dueOn, state.assigneeMemberId);
		}
		return present({ ...current, ...state, stored: true }, today, new Map([[`${choreId}:${dueOn}`, stored.doneAt]]), input.times);
	});
}

/**
 * Swap turns: this occurrence goes to `memberId`, and their next turn of the same chore
 * goes to whoever had this one. Both change in one transaction.
 */
export async function swapOccurrence(context: MemberContext, choreId: string, dueOn: string, memberId: string): Promise<Occurrence> {
	const household = context.household;
	return inCalendarTransaction(household, choreId, dueOn, async (trx, today) => {
		const input = await planInput(trx, household, dueOn, plusDays(dueOn, 180), { onlyChores: [choreId] });
		const plan = (await planWithoutBlocking(input)).filter((o) => o.choreId === choreId);
		const mine = plan.find((o) => o.dueOn === dueOn);
		if (!mine) throw notFound(m.thing_occurrence);
		if (mine.status !== 'pending') throw new DomainError(409, 'not_open', m.e_swap_not_open());
		const theirs = plan.find((o) => o.dueOn > dueOn && o.status === 'pending' && o.assigneeMemberId === memberId);
		if (!theirs || !mine.assigneeMemberId || memberId === mine.assigneeMemberId) {
			throw new DomainError(422, 'no_turn_to_swap', m.e_no_turn_to_swap(), {
				memberId: m.e_no_turn_field()
			});
		}
		for (const [occurrence, assignee] of [
			[mine, memberId],
			[theirs, mine.assigneeMemberId]
		] as const) {
			await trx
				.insertInto('choreOccurrences')
				.values({
					householdId: household.id,
					choreId,
					dueOn: occurrence.dueOn,
					assigneeMemberId: assignee,
					turnMemberId: occurrence.turnMemberId ?? occurrence.assigneeMemberId,
					status: 'pending',
					effort: occurrence.effort
				})
				.onConflict((oc) =>
					oc
						.columns(['householdId', 'choreId', 'dueOn'])
						.doUpdateSet({ assigneeMemberId: assignee, turnMemberId: occurrence.turnMemberId ?? occurrence.assigneeMemberId, updatedAt: new Date() })
				)
				.execute();
		}
		const who = await memberNames(trx, household.id);
		await audit(trx, context, {
			action: 'chore.swapped',
			subjectType: 'chore',
			subjectId: choreId,
			facts: { a: who(mine.assigneeMemberId), b: who(memberId), chore: mine.choreName, dayA: dueOn, dayB: theirs.dueOn },
			details: { dueOn, with: theirs.dueOn }
		});
		await tellAssigned(trx, context, choreId, mine.choreName, dueOn, memberId);
		await tellAssigned(trx, context, choreId, mine.choreName, theirs.dueOn, mine.assigneeMemberId);
		return present({ ...mine, assigneeMemberId: memberId, stored: true }, today, new Map(), input.times);
	});
}
