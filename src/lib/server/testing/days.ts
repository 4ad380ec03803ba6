/**
 * Days for tests, counted from today: requests may plan only from today −5 years to +2
 * years, so fixed dates years ahead would fall outside the bound (and fixed dates soon
 * would fall into the past). UTC days; a few weeks ahead is the future in every zone.
 */
import { dayNumber, dayOfNumber } from '$lib/dates';

const today = () => new Date().toISOString().slice(0, 10);

/** The Monday `weeks` weeks after this week's. */
export function mondayInWeeks(weeks: number): string {
	const n = dayNumber(today());
	const weekday = (((n + 3) % 7) + 7) % 7; // 0 = Monday
	return dayOfNumber(n - weekday + 7 * weeks);
}

/** `day` moved by `days`. */
export const shift = (day: string, days: number) => dayOfNumber(dayNumber(day) + days);
