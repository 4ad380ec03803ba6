/** Chore figures computed from the plan: fairness over a span, and a new or edited chore's preview. */
import { getDb } from '$lib/server/db';
import { plusDays, todayIn } from '$lib/dates';
import { planChores } from '$lib/chores/plan';
import { fairness, type FairnessRow } from '$lib/chores/fairness';
import { availability } from '$lib/chores/availability';
import { planInput, type HouseholdRef } from './plan-input';
import { choreCalendar } from './occurrences';
import type { ChoreInput } from './schemas';

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
