import { listMembers } from '$lib/server/households/members';
import { todayIn } from '$lib/dates';
import type { Chore } from './queries';

/** The active members who can take part, in the order the form lists them. */
export async function choreFormMembers(householdId: string) {
	return (await listMembers(householdId)).filter((m) => m.active).map((m) => ({ id: m.id, displayName: m.displayName }));
}

/** A chore as the form's fields. */
export function choreFields(chore: Chore | null, timezone: string, memberIds: string[]): Record<string, string | string[]> {
	if (!chore)
		return {
			kind: 'weekly',
			interval: '1',
			weekdays: ['1'],
			startOn: todayIn(timezone),
			strategy: 'rotate',
			...Object.fromEntries(memberIds.map((id, i) => [`turn_${id}`, String(i + 1)]))
		};
	const s = chore.schedule;
	return {
		name: chore.name,
		description: chore.description,
		effort: String(chore.effort),
		kind: s.kind,
		interval: String(s.interval),
		weekdays: (s.weekdays ?? []).map(String),
		monthlyBy: s.nth ? 'weekday' : 'day',
		dayOfMonth: String(s.dayOfMonth ?? 1),
		nth: String(s.nth ?? 1),
		monthWeekday: String(s.weekday ?? 6),
		startOn: s.startOn,
		endOn: s.endOn ?? '',
		time: s.time ?? '',
		strategy: chore.assignment.strategy,
		...Object.fromEntries(chore.assignment.memberIds.map((id, i) => [`turn_${id}`, String(i + 1)]))
	};
}
