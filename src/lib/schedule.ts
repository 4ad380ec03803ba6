/**
 * The one schedule engine: when a chore or a recurring expense falls due, on the
 * household's calendar days (YYYY-MM-DD). Pure: the server's time zone never matters, and
 * a daylight-saving change cannot move a day. `after` chores (N days after the last
 * completion) are planned by the chore plan, which knows the completions.
 *
 * "Every N weeks (or months) from the start": the first due day is the first matching day
 * on or after the start, and the count of N runs from its week (or month).
 */
import { addDays, addMonths, differenceInCalendarMonths, getDaysInMonth, getISODay } from 'date-fns';
import { dayNumber, dayOfNumber, toDate, toDay } from '$lib/dates';

import type { ChoreSchedule } from '$lib/chores/model';

export type { ChoreSchedule, ScheduleKind } from '$lib/chores/model';

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
const isoWeekday = (n: number) => ((((n + 3) % 7) + 7) % 7) + 1;

function nthWeekdayOf(month: Date, nth: number, weekday: number): Date {
	if (nth === -1) {
		const last = new Date(month.getFullYear(), month.getMonth(), getDaysInMonth(month), 12);
		return addDays(last, -((getISODay(last) - weekday + 7) % 7));
	}
	const first = new Date(month.getFullYear(), month.getMonth(), 1, 12);
	return addDays(first, ((weekday - getISODay(first) + 7) % 7) + 7 * (nth - 1));
}

/** The day of `month` a monthly schedule names (its day, clamped to the month's end, or its nth weekday). */
function dueDayIn(schedule: ChoreSchedule, month: Date): Date {
	if (schedule.nth && schedule.weekday) return nthWeekdayOf(month, schedule.nth, schedule.weekday);
	return new Date(month.getFullYear(), month.getMonth(), Math.min(schedule.dayOfMonth ?? 1, getDaysInMonth(month)), 12);
}

/** The month the count of N months starts from: the start's month, or the next if its due day is before the start. */
function firstMonth(schedule: ChoreSchedule): Date {
	const known = firstMonths.get(schedule);
	if (known) return known;
	const start = toDate(schedule.startOn);
	const month = new Date(start.getFullYear(), start.getMonth(), 1, 12);
	const first = toDay(dueDayIn(schedule, month)) < schedule.startOn ? addMonths(month, 1) : month;
	firstMonths.set(schedule, first);
	return first;
}

/** The first day on or after the start that falls on one of the schedule's weekdays (as a day number). */
function firstWeeklyDay(schedule: ChoreSchedule): number {
	const known = firstWeeklyDays.get(schedule);
	if (known !== undefined) return known;
	const start = dayNumber(schedule.startOn);
	const weekdays = schedule.weekdays ?? [];
	let first = start;
	for (let n = start; n < start + 7; n++) {
		if (weekdays.includes(isoWeekday(n))) {
			first = n;
			break;
		}
	}
	firstWeeklyDays.set(schedule, first);
	return first;
}

// Worked out once per schedule: the plan asks isDue about every day of a long span.
// (A schedule is not changed after it is made; a changed chore is a new object.)
const firstMonths = new WeakMap<ChoreSchedule, Date>();
const firstWeeklyDays = new WeakMap<ChoreSchedule, number>();

/** Whether a fixed schedule (not `after`) falls due on `day`. */
export function isDue(schedule: ChoreSchedule, day: string): boolean {
	if (day < schedule.startOn || (schedule.endOn && day > schedule.endOn)) return false;
	switch (schedule.kind) {
		case 'daily':
			return (dayNumber(day) - dayNumber(schedule.startOn)) % schedule.interval === 0;
		case 'weekly': {
			const n = dayNumber(day);
			if (!(schedule.weekdays ?? []).includes(isoWeekday(n))) return false;
			const first = firstWeeklyDay(schedule);
			// Weeks between the Mondays of the two weeks.
			const weeks = (n - isoWeekday(n) - (first - isoWeekday(first))) / 7;
			return weeks % schedule.interval === 0;
		}
		case 'monthly': {
			const date = toDate(day);
			if (differenceInCalendarMonths(date, firstMonth(schedule)) % schedule.interval !== 0) return false;
			return toDay(dueDayIn(schedule, date)) === day;
		}
		case 'after':
			return false;
	}
}

/** Every due day of a fixed schedule in [from, to], in order. */
export function dueDays(schedule: ChoreSchedule, from: string, to: string): string[] {
	const days: string[] = [];
	if (schedule.kind === 'monthly') {
		// Jump month by month rather than testing every day.
		let month = new Date(
			toDate(from > schedule.startOn ? from : schedule.startOn).getFullYear(),
			toDate(from > schedule.startOn ? from : schedule.startOn).getMonth(),
			1,
			12
		);
		for (; toDay(month) <= to; month = addMonths(month, 1)) {
			const day = toDay(dueDayIn(schedule, month));
			if (day >= from && day <= to && isDue(schedule, day)) days.push(day);
		}
		return days;
	}
	const last = dayNumber(to);
	for (let n = dayNumber(from > schedule.startOn ? from : schedule.startOn); n <= last; n++) {
		const day = dayOfNumber(n);
		if (isDue(schedule, day)) days.push(day);
	}
	return days;
}
