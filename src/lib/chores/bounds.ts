/**
 * How far any request may plan the chore calendar, and how far back a chore may start.
 * Planning costs time in proportion to the days it covers: without a bound, one request
 * for a month in 2036 (or a chore started years ago) held the whole server for seconds.
 */
import { addYears } from 'date-fns';
import { plusDays, toDate, toDay } from '$lib/dates';
import { m } from '$lib/paraglide/messages';

export const PLAN_YEARS_BACK = 5;
export const PLAN_YEARS_AHEAD = 2;
/** A new chore (or a changed start) may begin at most this many days before today. */
export const START_DAYS_BACK = 365;

export interface PlanningBounds {
	earliest: string;
	latest: string;
}

export function planningBounds(today: string): PlanningBounds {
	return { earliest: toDay(addYears(toDate(today), -PLAN_YEARS_BACK)), latest: toDay(addYears(toDate(today), PLAN_YEARS_AHEAD)) };
}

/** Null when every day of [from, to] may be planned, else the sentence saying how far one can go. */
export function outsidePlanningBounds(today: string, from: string, to: string): string | null {
	const { earliest, latest } = planningBounds(today);
	if (from < earliest) return m.e_start_calendar_back({ day: earliest, years: PLAN_YEARS_BACK });
	if (to > latest) return m.e_calendar_ahead({ day: latest, years: PLAN_YEARS_AHEAD });
	return null;
}

/** The earliest day a chore may start on, given today. */
export const earliestChoreStart = (today: string) => plusDays(today, -START_DAYS_BACK);
