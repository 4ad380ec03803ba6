/**
 * When a recurring expense falls due: its schedule read by the one schedule engine
 * ($lib/schedule), the same that plans chores, so "every two weeks on Monday from the 28th"
 * means the same days for rent and for the bins.
 */
import { dueDays, type ChoreSchedule } from '$lib/schedule';
import { plusDays } from '$lib/dates';

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

/** The engine's form of a recurring expense's schedule. */
export function engineSchedule(schedule: RecurringSchedule): ChoreSchedule {
	const { kind, interval, startOn, endOn } = schedule;
	return kind === 'weekly'
		? { kind, interval, weekdays: [schedule.weekday ?? 1], startOn, endOn: endOn ?? null }
		: { kind, interval, dayOfMonth: schedule.dayOfMonth ?? 1, startOn, endOn: endOn ?? null };
}

/** The due days from the start through `until` (inclusive), oldest first, at most `limit`. */
export function dueDates(schedule: RecurringSchedule, until: string, limit = 1000): string[] {
	return dueDays(engineSchedule(schedule), schedule.startOn, until).slice(0, limit);
}

/** The first due day after `after`, or null when the schedule has ended by then. */
export function nextDueDate(schedule: RecurringSchedule, after: string): string | null {
	const from = plusDays(after, 1);
	// Monthly every 24 months at most, weekly every 52 weeks: one period past a horizon of two years and a bit is enough.
	return dueDays(engineSchedule(schedule), from > schedule.startOn ? from : schedule.startOn, plusDays(after, 366 * 2 + 7 * 24 * 4))[0] ?? null;
}
