/** The day ranges of the calendar's views, on calendar days. */
import { addDays, addMonths, endOfMonth, endOfISOWeek, format, startOfISOWeek, startOfMonth } from 'date-fns';
import { toDate, toDay } from '$lib/dates';
import type { CalendarOccurrence } from './plan';

export type CalendarView = 'agenda' | 'week' | 'month';

export function viewRange(view: CalendarView, anchor: string): { from: string; to: string; previous: string; next: string } {
	const date = toDate(anchor);
	if (view === 'month') {
		return {
			from: toDay(startOfISOWeek(startOfMonth(date))),
			to: toDay(endOfISOWeek(endOfMonth(date))),
			previous: toDay(addMonths(date, -1)),
			next: toDay(addMonths(date, 1))
		};
	}
	if (view === 'week')
		return { from: toDay(startOfISOWeek(date)), to: toDay(endOfISOWeek(date)), previous: toDay(addDays(date, -7)), next: toDay(addDays(date, 7)) };
	return { from: anchor, to: toDay(addDays(date, 13)), previous: toDay(addDays(date, -14)), next: toDay(addDays(date, 14)) };
}

export function daysBetween(from: string, to: string): string[] {
	const days: string[] = [];
	for (let day = toDate(from); toDay(day) <= to; day = addDays(day, 1)) days.push(toDay(day));
	return days;
}

export function monthTitle(anchor: string): string {
	return format(toDate(anchor), 'MMMM yyyy');
}

/**
 * Within a day: the overdue first, then by time of day (those without a time last), then
 * by name — the order a person works through them, not the alphabet.
 */
export function dayOrder(a: CalendarOccurrence, b: CalendarOccurrence): number {
	if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
	const overdue = Number(b.status === 'overdue') - Number(a.status === 'overdue');
	if (overdue !== 0) return overdue;
	if (a.time !== b.time) return a.time === null ? 1 : b.time === null ? -1 : a.time < b.time ? -1 : 1;
	return a.choreName.localeCompare(b.choreName);
}
