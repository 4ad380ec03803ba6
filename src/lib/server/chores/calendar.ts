/**
 * The chore calendar of a household: past days frozen in the database, today and the
 * future computed by the pure plan, and the actions on one occurrence.
 */
import { sql, type Kysely } from 'kysely';
import { getDb } from '$lib/server/db';
import type { Database, Household } from '$lib/server/db/schema';
import { DomainError, notFound } from '$lib/server/errors';
import { isUuid } from '$lib/server/ids';
import { logActivity } from '$lib/server/activity/log';
import type { MemberContext } from '$lib/server/households/guard';
import { parseDay, plusDays, todayIn } from '$lib/dates';
import {
	planChores,
	planSteps,
	sortOccurrences,
	type CalendarOccurrence,
	type PlanInput,
	type PlannedOccurrence,
	type StoredOccurrence
} from '$lib/chores/plan';
import { outsidePlanningBounds } from '$lib/chores/bounds';
import { fairness, type FairnessRow } from '$lib/chores/fairness';
import { availability } from '$lib/chores/availability';
import { listChores } from './chores';
import type { ChoreInput } from './schemas';

const WINDOW_DAYS = 90;

export type Occurrence = CalendarOccurrence;

type HouseholdRef = Pick<Household, 'id' | 'timezone'>;

/** What planning reads of a stored occurrence (not its timestamps, which cost a parse each). */
const PLANNED_COLUMNS = ['choreId', 'dueOn', 'assigneeMemberId', 'status', 'doneByMemberId', 'doneOn', 'effort', 'turnMemberId'] as const;

interface PlanInputOptions {
	/** Plan just these (one person's calendar); each chore is planned from its own history alone. */
	onlyChores?: string[];
	/** Compute days the household's history already holds (a new chore's past, stored as it is created). */
	ignoreFrozen?: boolean;
}

async function planInput(
	db: Kysely<Database>,
	household: HouseholdRef,
	from: string,
	to: string,
	options: PlanInputOptions = {}
): Promise<PlanInput & { times: Map<string, string | null> }> {
	const householdId = household.id;
	const among = options.onlyChores ?? null;
	const [allChores, members, absences, recent, checkpoints, calendarState] = await Promise.all([
		listChores(householdId, db),
		db.selectFrom('members').select(['id', 'choreCapacity', 'leftAt']).where('householdId', '=', householdId).execute(),
		db
			.selectFrom('absences')
			.select(['memberId', 'startsOn', 'endsOn'])
			.where('householdId', '=', householdId)
			.where('endsOn', '>=', plusDays(from, -WINDOW_DAYS))
			.execute(),
		db
			.selectFrom('choreOccurrences')
			.select(PLANNED_COLUMNS)
			.where('householdId', '=', householdId)
			.where('dueOn', '>=', plusDays(from, -WINDOW_DAYS))
			.where('dueOn', '<=', to)
			.$if(among !== null, (q) => q.where('choreId', '=', sql<string>`any(${among}::uuid[])`))
			.execute(),
		// The last stored day of each chore before the window: where its rotation stands.
		// One index probe per chore (a lateral limit 1), not a pass over years of history.
		sql<{
			choreId: string;
			dueOn: string;
			assigneeMemberId: string | null;
			status: StoredOccurrence['status'];
			doneByMemberId: string | null;
			doneOn: string | null;
			effort: number;
			turnMemberId: string | null;
		}>`
			select o.chore_id, o.due_on, o.assignee_member_id, o.status, o.done_by_member_id, o.done_on, o.effort, o.turn_member_id
			from chores c cross join lateral (
				select * from chore_occurrences o where o.household_id = c.household_id and o.chore_id = c.id and o.due_on < ${plusDays(from, -WINDOW_DAYS)}
				order by o.due_on desc limit 1) o
			where c.household_id = ${householdId} and (${among}::uuid[] is null or c.id = any(${among}::uuid[]))`.execute(db),
		db.selectFrom('choreCalendarState').select('frozenThrough').where('householdId', '=', householdId).executeTakeFirst()
	]);
	const chores = among ? allChores.filter((c) => among.includes(c.id)) : allChores;
	const older = checkpoints.rows;
	const stored: StoredOccurrence[] = [...older, ...recent];
	return {
		// An inactive chore keeps its stored past but plans nothing new.
		chores: chores.map((c) => ({
			id: c.id,
			name: c.name,
			effort: c.effort,
			schedule: c.active ? c.schedule : { ...c.schedule, endOn: plusDays(todayIn(household.timezone), -1) },
			strategy: c.assignment.strategy,
			memberIds: c.assignment.memberIds
		})),
		members: members.map((m) => ({
			id: m.id,
			capacity: Number(m.choreCapacity),
			lastDay: m.leftAt ? plusDays(todayIn(household.timezone, m.leftAt), -1) : null
		})),
		absences: absences.map((a) => ({ memberId: a.memberId, from: a.startsOn, to: a.endsOn })),
		stored,
		from,
		to,
		today: todayIn(household.timezone),
		windowDays: WINDOW_DAYS,
		frozenThrough: options.ignoreFrozen ? null : (calendarState?.frozenThrough ?? null),
		times: new Map(chores.map((c) => [c.id, c.schedule.time ?? null]))
	};
}

/**
 * The plan, one chore at a time, giving the event loop back whenever a slice of work has
 * taken 20 ms: other requests go on while a big house's calendar is planned.
 */
async function planWithoutBlocking(input: PlanInput): Promise<PlannedOccurrence[]> {
	const out: PlannedOccurrence[] = [];
	let sliceStart = performance.now();
	for (const step of planSteps(input)) {
		for (const o of step) out.push(o);
		if (performance.now() - sliceStart > 20) {
			await new Promise((resolve) => setImmediate(resolve));
			sliceStart = performance.now();
		}
	}
	return sortOccurrences(out);
}

/** A 422 naming the field when [from, to] reaches past how far a request may plan (see $lib/chores/bounds). */
export function checkPlannable(household: HouseholdRef, from: string, to: string, fields: { from: string; to: string } = { from: 'from', to: 'to' }): void {
	const today = todayIn(household.timezone);
	const reason = outsidePlanningBounds(today, from, to);
	if (reason) throw new DomainError(422, 'out_of_range', reason, { [from < today ? fields.from : fields.to]: reason });
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
			await sql`select pg_advisory_xact_lock(hashtext(${`chores:${household.id}`}))`.execute(trx);
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
	await sql`select pg_advisory_xact_lock(hashtext(${`chores:${household.id}`}))`.execute(trx);
	const yesterday = plusDays(todayIn(household.timezone), -1);
	if (startOn > yesterday) return;
	const input = await planInput(trx, household, startOn, yesterday, { onlyChores: [choreId], ignoreFrozen: true });
	await storeFrozen(trx, household, await planWithoutBlocking(input));
}

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

/** Sorted by day, then chore name; `memberId` keeps one person's (assigned or done by them). */
export async function choreCalendar(household: HouseholdRef, from: string, to: string, memberId?: string): Promise<Occurrence[]> {
	checkPlannable(household, from, to);
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
	if (!isUuid(choreId)) throw notFound('That chore occurrence');
	if (parseDay(dueOn) === null) throw new DomainError(422, 'invalid_input', 'That is not a real date.', { dueOn: 'Give a real day, as YYYY-MM-DD.' });
	checkPlannable(household, dueOn, dueOn, { from: 'dueOn', to: 'dueOn' });
	await freezePast(household);
	const today = todayIn(household.timezone);
	return getDb()
		.transaction()
		.execute(async (trx) => {
			await sql`select pg_advisory_xact_lock(hashtext(${`chores:${household.id}`}))`.execute(trx);
			return work(trx, today);
		});
}

export type OccurrenceAction =
	{ kind: 'complete'; doneByMemberId?: string } | { kind: 'undo' } | { kind: 'skip'; reason: string } | { kind: 'reassign'; memberId: string };

/** Acts on the occurrence of `choreId` due on `dueOn`; it must be on the calendar. */
export async function actOnOccurrence(context: MemberContext, choreId: string, dueOn: string, action: OccurrenceAction): Promise<Occurrence> {
	const household = context.household;
	return inCalendarTransaction(household, choreId, dueOn, async (trx, today) => {
		const input = await planInput(trx, household, dueOn, dueOn);
		const current = (await planWithoutBlocking(input)).find((o) => o.choreId === choreId && o.dueOn === dueOn);
		if (!current) throw notFound('That chore occurrence');
		const memberIds = [
			action.kind === 'complete' ? (action.doneByMemberId ?? context.member.id) : null,
			action.kind === 'reassign' ? action.memberId : null
		].filter((id): id is string => id !== null);
		for (const id of memberIds) {
			const member = await trx
				.selectFrom('members')
				.select('id')
				.where('householdId', '=', household.id)
				.where('id', '=', id)
				.where('active', '=', true)
				.executeTakeFirst();
			if (!member)
				throw new DomainError(422, 'rule_broken', 'Choose an active member of the household.', {
					[action.kind === 'reassign' ? 'memberId' : 'doneByMemberId']: 'Choose an active member of the household.'
				});
		}
		if (action.kind === 'undo' && current.status === 'pending')
			throw new DomainError(409, 'nothing_to_undo', 'This chore is not done or skipped, so there is nothing to undo.');
		if (action.kind === 'complete' && current.status === 'done') throw new DomainError(409, 'already_done', 'This chore is already done.');
		const row = {
			householdId: household.id,
			choreId,
			dueOn,
			effort: current.effort,
			assigneeMemberId: action.kind === 'reassign' ? action.memberId : current.assigneeMemberId,
			// A stand-in takes this turn only: the rotation goes on from whose turn it was.
			turnMemberId: action.kind === 'reassign' ? (current.turnMemberId ?? current.assigneeMemberId) : (current.turnMemberId ?? null),
			status:
				action.kind === 'complete'
					? ('done' as const)
					: action.kind === 'skip'
						? ('skipped' as const)
						: action.kind === 'undo'
							? ('pending' as const)
							: current.status,
			doneByMemberId: action.kind === 'complete' ? memberIds[0]! : action.kind === 'reassign' ? current.doneByMemberId : null,
			doneOn: action.kind === 'complete' ? today : action.kind === 'reassign' ? current.doneOn : null,
			doneAt: action.kind === 'complete' ? new Date() : null,
			skipReason: action.kind === 'skip' ? action.reason : null,
			updatedAt: new Date()
		};
		await trx
			.insertInto('choreOccurrences')
			.values(row)
			.onConflict((oc) =>
				oc.columns(['householdId', 'choreId', 'dueOn']).doUpdateSet({
					assigneeMemberId: row.assigneeMemberId,
					turnMemberId: row.turnMemberId,
					status: row.status,
					doneByMemberId: row.doneByMemberId,
					doneOn: row.doneOn,
					doneAt: row.doneAt,
					skipReason: row.skipReason,
					updatedAt: row.updatedAt
				})
			)
			.execute();
		const names = new Map(
			(await trx.selectFrom('members').select(['id', 'displayName']).where('householdId', '=', household.id).execute()).map((m) => [m.id, m.displayName])
		);
		const who = (id: string | null) => (id ? (names.get(id) ?? 'someone') : 'nobody');
		const summaries = {
			complete: `${who(row.doneByMemberId)} did “${current.choreName}” (${dueOn}).`,
			undo: `${context.member.displayName} reopened “${current.choreName}” (${dueOn}).`,
			skip: `${context.member.displayName} skipped “${current.choreName}” (${dueOn}): ${action.kind === 'skip' ? action.reason : ''}`,
			reassign: `${context.member.displayName} gave “${current.choreName}” (${dueOn}) to ${who(row.assigneeMemberId)}.`
		};
		await logActivity(trx, {
			householdId: household.id,
			actorMemberId: context.member.id,
			action: `chore.${action.kind === 'complete' ? 'done' : action.kind === 'undo' ? 'reopened' : action.kind === 'skip' ? 'skipped' : 'reassigned'}`,
			subjectType: 'chore',
			subjectId: choreId,
			summary: summaries[action.kind],
			details: {
				dueOn,
				before: { assigneeMemberId: current.assigneeMemberId, status: current.status, doneByMemberId: current.doneByMemberId },
				after: { assigneeMemberId: row.assigneeMemberId, status: row.status, doneByMemberId: row.doneByMemberId }
			}
		});
		const after = {
			...current,
			assigneeMemberId: row.assigneeMemberId,
			status: row.status,
			doneByMemberId: row.doneByMemberId,
			doneOn: row.doneOn,
			stored: true
		};
		return present(after, today, new Map([[`${choreId}:${dueOn}`, row.doneAt]]), input.times);
	});
}

/**
 * Effort done and expected per active member over [from, to] (see $lib/chores/fairness),
 * with the plan's own idea of who was available each day (away, or gone after leaving).
 */
export async function choreFairness(household: HouseholdRef, from: string, to: string): Promise<FairnessRow[]> {
	const occurrences = await choreCalendar(household, from, to);
	const db = getDb();
	const [input, active] = await Promise.all([
		planInput(db, household, from, to),
		db.selectFrom('members').select('id').where('householdId', '=', household.id).where('active', '=', true).execute()
	]);
	const participants = new Map(input.chores.map((c) => [c.id, c.memberIds]));
	const capacity = new Map(input.members.map((m) => [m.id, m.capacity]));
	return fairness(
		occurrences,
		(choreId) => participants.get(choreId) ?? [],
		(memberId) => capacity.get(memberId) ?? 0,
		availability(input.members, input.absences),
		active.map((m) => m.id)
	);
}

/** The next occurrences a chore would have, with their assignees: the form's preview. */
export async function previewChore(household: HouseholdRef, input: ChoreInput, count = 8): Promise<Array<{ dueOn: string; assigneeMemberId: string | null }>> {
	const today = todayIn(household.timezone);
	const from = input.schedule.startOn > today ? input.schedule.startOn : today;
	const base = await planInput(getDb(), household, from, plusDays(from, 400));
	const chore = {
		id: 'preview',
		name: input.name,
		effort: input.effort,
		schedule: { ...input.schedule, startOn: from },
		strategy: input.assignment.strategy,
		memberIds: input.assignment.memberIds
	};
	return planChores({ ...base, chores: [chore], stored: [] })
		.slice(0, count)
		.map((o) => ({ dueOn: o.dueOn, assigneeMemberId: o.assigneeMemberId }));
}

/**
 * Swap turns: this occurrence goes to `memberId`, and their next turn of the same chore
 * goes to whoever had this one. Both change in one transaction.
 */
export async function swapOccurrence(context: MemberContext, choreId: string, dueOn: string, memberId: string): Promise<Occurrence> {
	const household = context.household;
	return inCalendarTransaction(household, choreId, dueOn, async (trx, today) => {
		const input = await planInput(trx, household, dueOn, plusDays(dueOn, 180));
		const plan = (await planWithoutBlocking(input)).filter((o) => o.choreId === choreId);
		const mine = plan.find((o) => o.dueOn === dueOn);
		if (!mine) throw notFound('That chore occurrence');
		if (mine.status !== 'pending') throw new DomainError(409, 'not_open', 'Only a chore that is still to do can be swapped.');
		const theirs = plan.find((o) => o.dueOn > dueOn && o.status === 'pending' && o.assigneeMemberId === memberId);
		if (!theirs || !mine.assigneeMemberId || memberId === mine.assigneeMemberId) {
			throw new DomainError(422, 'no_turn_to_swap', 'They have no later turn of this chore to swap with; reassign it instead.', {
				memberId: 'No later turn of this chore to swap with.'
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
		const names = new Map(
			(await trx.selectFrom('members').select(['id', 'displayName']).where('householdId', '=', household.id).execute()).map((m) => [m.id, m.displayName])
		);
		await logActivity(trx, {
			householdId: household.id,
			actorMemberId: context.member.id,
			action: 'chore.swapped',
			subjectType: 'chore',
			subjectId: choreId,
			summary: `${names.get(mine.assigneeMemberId)} and ${names.get(memberId)} swapped “${mine.choreName}” (${dueOn} and ${theirs.dueOn}).`,
			details: { dueOn, with: theirs.dueOn }
		});
		return present({ ...mine, assigneeMemberId: memberId, stored: true }, today, new Map(), input.times);
	});
}
