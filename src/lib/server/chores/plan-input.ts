/**
 * What the pure plan ($lib/chores/plan) is computed from, read from the database, and the
 * plan computed without blocking the event loop. Every chore read goes through here.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, Household } from '$lib/server/db/schema';
import { DomainError } from '$lib/server/errors';
import { plusDays, todayIn } from '$lib/dates';
import { planSteps, sortOccurrences, type PlanInput, type PlannedOccurrence, type StoredOccurrence } from '$lib/chores/plan';
import { outsidePlanningBounds } from '$lib/chores/bounds';
import { choresOf } from './queries';
import { timeSlices } from '$lib/server/event-loop';

const WINDOW_DAYS = 90;

export type HouseholdRef = Pick<Household, 'id' | 'timezone'>;

/** What planning reads of a stored occurrence (not its timestamps, which cost a parse each). */
const PLANNED_COLUMNS = ['choreId', 'dueOn', 'assigneeMemberId', 'status', 'doneByMemberId', 'doneOn', 'effort', 'turnMemberId'] as const;

export interface PlanInputOptions {
	/** Plan just these (one person's calendar); each chore is planned from its own history alone. */
	onlyChores?: string[];
	/** Compute days the household's history already holds (a new chore's past, stored as it is created). */
	ignoreFrozen?: boolean;
}

export async function planInput(
	db: Kysely<Database>,
	household: HouseholdRef,
	from: string,
	to: string,
	options: PlanInputOptions = {}
): Promise<PlanInput & { times: Map<string, string | null> }> {
	const householdId = household.id;
	const among = options.onlyChores ?? null;
	const [allChores, members, absences, recent, checkpoints, calendarState] = await Promise.all([
		choresOf(db, householdId),
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
export async function planWithoutBlocking(input: PlanInput): Promise<PlannedOccurrence[]> {
	const out: PlannedOccurrence[] = [];
	const giveBack = timeSlices();
	for (const step of planSteps(input)) {
		for (const o of step) out.push(o);
		await giveBack();
	}
	return sortOccurrences(out);
}

/** A 422 naming the field when [from, to] reaches past how far a request may plan (see $lib/chores/bounds). */
export function checkPlannable(household: HouseholdRef, from: string, to: string, fields: { from: string; to: string } = { from: 'from', to: 'to' }): void {
	const today = todayIn(household.timezone);
	const reason = outsidePlanningBounds(today, from, to);
	if (reason) throw new DomainError(422, 'out_of_range', reason, { [from < today ? fields.from : fields.to]: reason });
}
