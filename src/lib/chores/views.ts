/** The day ranges of the calendar's views, on calendar days. */
import { addDays, addMonths, endOfMonth, endOfWeek, startOfMonth, startOfWeek } from 'date-fns';
import { toDate, toDay } from '$lib/dates';
import type { CalendarOccurrence } from './plan';
import type { WeekStart } from '$lib/i18n/locales';

export type CalendarView = 'agenda' | 'week' | 'month';

/** The days a view shows; weeks start where the reader's do (Monday unless told). */
export function viewRange(view: CalendarView, anchor: string, weekStartsOn: WeekStart = 1): { from: string; to: string; previous: string; next: string } {
	const date = toDate(anchor);
	const week = { weekStartsOn };
	if (view === 'month') {
		return {
			from: toDay(startOfWeek(startOfMonth(date), week)),
			to: toDay(endOfWeek(endOfMonth(date), week)),
			previous: toDay(addMonths(date, -1)),
			next: toDay(addMonths(date, 1))
		};
	}
	if (view === 'week')
		return { from: toDay(startOfWeek(date, week)), to: toDay(endOfWeek(date, week)), previous: toDay(addDays(date, -7)), next: toDay(addDays(date, 7)) };
	return { from: anchor, to: toDay(addDays(date, 13)), previous: toDay(addDays(date, -14)), next: toDay(addDays(date, 14)) };
}

export function daysBetween(from: string, to: string): string[] {
	const days: string[] = [];
	for (let day = toDate(from); toDay(day) <= to; day = addDays(day, 1)) days.push(toDay(day));
	return days;
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
