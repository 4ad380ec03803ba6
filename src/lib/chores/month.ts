/**
 * A month cell shows a few occurrences and "+ N more", as calendar apps do: a big house
 * has dozens of chores a day, and a month of them all is a page nobody reads (and
 * hundreds of kilobytes to render). The viewer's own and the overdue ones come first.
 */
import type { CalendarOccurrence } from './plan';

export const MONTH_CELL_LIMIT = 6;

export function trimMonth<T extends Pick<CalendarOccurrence, 'dueOn' | 'assigneeMemberId' | 'doneByMemberId' | 'status'>>(
	occurrences: T[],
	viewerId: string,
	limit = MONTH_CELL_LIMIT
): { shown: T[]; more: Record<string, number> } {
	const byDay = new Map<string, T[]>();
	for (const o of occurrences) {
		const list = byDay.get(o.dueOn);
		if (list) list.push(o);
		else byDay.set(o.dueOn, [o]);
	}
	const rank = (o: T) => (o.assigneeMemberId === viewerId || o.doneByMemberId === viewerId ? 0 : o.status === 'overdue' ? 1 : 2);
	const shown: T[] = [];
	const more: Record<string, number> = {};
	for (const [day, list] of byDay) {
		// A stable sort keeps the calendar's own order (by chore name) within each rank.
		const ordered = list
			.map((o, i) => [o, i] as const)
			.sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1])
			.map(([o]) => o);
		shown.push(...ordered.slice(0, limit));
		if (ordered.length > limit) more[day] = ordered.length - limit;
	}
	return { shown, more };
}
