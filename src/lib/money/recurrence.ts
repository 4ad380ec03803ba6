/**
 * When a recurring expense falls due. Pure, on calendar days (YYYY-MM-DD, the
 * household's own days), so the server's time zone never matters.
 */
import { addDays, addMonths, differenceInCalendarDays, format, getDaysInMonth, getISODay } from 'date-fns';

export interface RecurringSchedule {
	kind: 'monthly' | 'weekly';
	/** Every N months or weeks. */
	interval: number;
	/** monthly: 1–31; a day past the month's end falls on its last day. */
	dayOfMonth?: number | null;
	/** weekly: ISO weekday, 1 = Monday … 7 = Sunday. */
	weekday?: number | null;
	startOn: string;
	endOn?: string | null;
}

const day = (text: string) => {
	const [y, m, d] = text.split('-').map(Number) as [number, number, number];
	return new Date(y, m - 1, d, 12);
};
const text = (date: Date) => format(date, 'yyyy-MM-dd');

/** The due days from the start through `until` (inclusive), oldest first, at most `limit`. */
export function dueDates(schedule: RecurringSchedule, until: string, limit = 1000): string[] {
	const dates: string[] = [];
	const last = schedule.endOn && schedule.endOn < until ? schedule.endOn : until;
	const start = day(schedule.startOn);
	if (schedule.kind === 'weekly') {
		const offset = ((schedule.weekday ?? 1) - getISODay(start) + 7) % 7;
		for (let date = addDays(start, offset); text(date) <= last && dates.length < limit; date = addDays(date, 7 * schedule.interval)) dates.push(text(date));
		return dates;
	}
	const wanted = schedule.dayOfMonth ?? 1;
	const onDay = (month: Date) => new Date(month.getFullYear(), month.getMonth(), Math.min(wanted, getDaysInMonth(month)), 12);
	// The first month whose due day is on or after the start.
	let month = new Date(start.getFullYear(), start.getMonth(), 1, 12);
	if (differenceInCalendarDays(onDay(month), start) < 0) month = addMonths(month, 1);
	for (; text(onDay(month)) <= last && dates.length < limit; month = addMonths(month, schedule.interval)) dates.push(text(onDay(month)));
	return dates;
}

/** The first due day after `after`, or null when the schedule has ended by then. */
export function nextDueDate(schedule: RecurringSchedule, after: string): string | null {
	const horizon = text(addDays(day(after), 366 * 2 + 7 * 24 * 4));
	return dueDates(schedule, horizon).find((date) => date > after) ?? null;
}
