/** Chore figures computed from the plan: fairness over a span, and a new or edited chore's preview. */
import { getDb } from '$lib/server/db';
import { atLocalTime, plusDays, todayIn } from '$lib/dates';
import { planChores } from '$lib/chores/plan';
import { fairness, type FairnessOccurrence, type FairnessRow } from '$lib/chores/fairness';
import { CREW_EFFORT } from '$lib/meals/model';
import { crewWork } from '$lib/server/meals/meals';
import { availability } from '$lib/chores/availability';
import { planInput, type HouseholdRef } from './plan-input';
import { choreCalendar } from './occurrences';
import type { ChoreInput } from './schemas';

/** Common meals' cooking and cleaning, as one chore in fairness's eyes. */
const MEAL_CREW_CHORE = 'meal-crew';

/**
 * Effort done and expected per active member over [from, to] (see $lib/chores/fairness),
 * with the plan's own idea of who was available each day (away, or gone after leaving).
 * Cooking and cleaning up a common meal count like a chore anyone old enough could have
 * done (adults and youths): each served meal's crew did it.
 */
export async function choreFairness(household: HouseholdRef, from: string, to: string, now = new Date()): Promise<FairnessRow[]> {
	const db = getDb();
	const until = atLocalTime(plusDays(to, 1), '00:00', household.timezone);
	const [occurrences, input, active, crew] = await Promise.all([
		choreCalendar(household, from, to),
		planInput(db, household, from, to),
		db.selectFrom('members').select(['id', 'role']).where('householdId', '=', household.id).where('active', '=', true).execute(),
		crewWork(household.id, atLocalTime(from, '00:00', household.timezone), until.getTime() < now.getTime() ? until : now)
	]);
	const mealWork: FairnessOccurrence[] = crew.map((work) => ({
		choreId: MEAL_CREW_CHORE,
		dueOn: todayIn(household.timezone, work.servedAt),
		effort: CREW_EFFORT[work.task],
		status: 'done',
		doneByMemberId: work.memberId
	}));
	const crewable = active.filter((member) => member.role === 'adult' || member.role === 'youth').map((member) => member.id);
	const participants = new Map([...input.chores.map((c) => [c.id, c.memberIds] as const), [MEAL_CREW_CHORE, crewable] as const]);
	const capacity = new Map(input.members.map((m) => [m.id, m.capacity]));
	return fairness(
		[...occurrences, ...mealWork],
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
