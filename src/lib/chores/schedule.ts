/**
 * When a chore falls due, on the household's calendar days (YYYY-MM-DD). Pure: the
 * server's time zone never matters, and a daylight-saving change cannot move a day.
 * `after` chores (N days after the last completion) are planned by the engine, which
 * knows the completions.
 */
import { addDays, addMonths, differenceInCalendarMonths, getDaysInMonth, getISODay } from 'date-fns';
import { dayNumber, dayOfNumber, toDate, toDay } from '$lib/dates';

import type { ChoreSchedule } from './model';

export type { ChoreSchedule, ScheduleKind } from './model';

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

/** Whether a fixed schedule (not `after`) falls due on `day`. */
export function isDue(schedule: ChoreSchedule, day: string): boolean {
	if (day < schedule.startOn || (schedule.endOn && day > schedule.endOn)) return false;
	switch (schedule.kind) {
		case 'daily':
			return (dayNumber(day) - dayNumber(schedule.startOn)) % schedule.interval === 0;
		case 'weekly': {
			const n = dayNumber(day);
			if (!(schedule.weekdays ?? []).includes(isoWeekday(n))) return false;
			const start = dayNumber(schedule.startOn);
			// Weeks between the Mondays of the two weeks.
			const weeks = (n - isoWeekday(n) - (start - isoWeekday(start))) / 7;
			return weeks % schedule.interval === 0;
		}
		case 'monthly': {
			const date = toDate(day);
			const start = toDate(schedule.startOn);
			if (differenceInCalendarMonths(date, start) % schedule.interval !== 0) return false;
			if (schedule.nth && schedule.weekday) return toDay(nthWeekdayOf(date, schedule.nth, schedule.weekday)) === day;
			return date.getDate() === Math.min(schedule.dayOfMonth ?? 1, getDaysInMonth(date));
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
			const candidate =
				schedule.nth && schedule.weekday
					? nthWeekdayOf(month, schedule.nth, schedule.weekday)
					: new Date(month.getFullYear(), month.getMonth(), Math.min(schedule.dayOfMonth ?? 1, getDaysInMonth(month)), 12);
			const day = toDay(candidate);
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
