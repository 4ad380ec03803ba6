/**
 * Calendar days in the household's time zone. The server's own zone never matters:
 * every computation names the household's zone explicitly.
 */
import { TZDate } from '@date-fns/tz';

/** Today's date (YYYY-MM-DD) where the household lives. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
	// A TZDate's calendar fields are the zone's own.
	return toDay(new TZDate(now, timeZone));
}

/** The time (HH:MM, 24-hour) the household's clock shows at `now`. */
export function clockIn(timeZone: string, now: Date = new Date()): string {
	const local = new TZDate(now, timeZone);
	return `${pad(local.getHours())}:${pad(local.getMinutes())}`;
}

/** The instant the household's clock shows `time` (HH:MM) on `day`; a time that a spring-forward skips comes an hour later. */
export function atLocalTime(day: string, time: string, timeZone: string): Date {
	const [y = 1970, mo = 1, d = 1] = day.split('-').map(Number);
	const [h = 0, mi = 0] = time.split(':').map(Number);
	return new Date(new TZDate(y, mo - 1, d, h, mi, timeZone).getTime());
}

/** Intl formatters are costly to build and cheap to use: one per kind, locale and zone, kept. */
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const id = `${key}|${locale}|${options.timeZone}`;
	let format = formats.get(id);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, options);
		// Locales come from requests: keep the map bounded whatever they send.
		if (formats.size > 200) formats.clear();
		formats.set(id, format);
	}
	return format;
}

/** A date-and-time for people, e.g. "28 Nov 2026, 14:05", in the household's zone. */
export function formatInstant(instant: Date | string, timeZone: string, locale = 'en-GB'): string {
	return dateFormat('instant', locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(instant));
}

/** From one instant to another for people, the day said once when it is the same ("Dec 3, 2026, 9:00 AM – 1:00 PM"). */
export function formatInstantRange(from: Date | string, to: Date | string, timeZone: string, locale = 'en-GB'): string {
	return dateFormat('instant', locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).formatRange(new Date(from), new Date(to));
}

/** A calendar day (YYYY-MM-DD) for people, e.g. "Sat 28 Nov 2026". */
export function formatDay(day: string, locale = 'en-GB'): string {
	const [year, month, date] = day.split('-').map(Number) as [number, number, number];
	return dateFormat('day', locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
		Date.UTC(year, month - 1, date)
	);
}

/** A month for people, e.g. "November 2026" or "listopad 2026", from any day in it. */
export function formatMonth(day: string, locale = 'en-GB'): string {
	const [year, month] = day.split('-').map(Number) as [number, number];
	return dateFormat('month', locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
}

/** A day's number within its month, in the reader's digits ("28", "٢٨"). */
export function formatDayOfMonth(day: string, locale = 'en-GB'): string {
	return dateFormat('date', locale, { day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2023, 0, Number(day.slice(8, 10))));
}

/** The seven weekdays' names in the reader's order, from `weekStartsOn` (0 Sunday … 6 Saturday). */
export function weekdayNames(weekStartsOn: number, locale = 'en-GB', width: 'long' | 'short' | 'narrow' = 'short'): string[] {
	const weekday = dateFormat(`weekday-${width}`, locale, { weekday: width, timeZone: 'UTC' });
	// 2023-01-01 was a Sunday.
	return Array.from({ length: 7 }, (_, i) => weekday.format(Date.UTC(2023, 0, 1 + ((weekStartsOn + i) % 7))));
}

/** Days a person or a script may name: older or later is a typo (or an attack on the planner). */
export const FIRST_DAY = '2000-01-01';
export const LAST_DAY = '2100-12-31';

/**
 * The one reader of a calendar day typed anywhere (a query, a path, a body, a form, a CSV):
 * the day when `value` is YYYY-MM-DD, exists (no 30 February, no month 13, no day 0) and
 * lies between 2000 and 2100; otherwise null.
 */
export function parseDay(value: unknown): string | null {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
	const date = new Date(`${value}T00:00:00Z`);
	if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(value)) return null;
	return value >= FIRST_DAY && value <= LAST_DAY ? value : null;
}

// Day arithmetic, the one home for every module.
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A day as a local Date at noon (date-fns month and week arithmetic; noon survives DST). */
export const toDate = (day: string) => {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	return new Date(y, m - 1, d, 12);
};
/**
 * A Date's own calendar day (its local fields, as date-fns reads them). Written out rather
 * than with date-fns's `format`, which would bring its whole pattern engine to the browser.
 */
export const toDay = (date: Date) => `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/*
 * The calendar's hot path (every due day of every chore, on every calendar view) counts
 * days as whole numbers since 1970-01-01 in UTC: calendar days have no time zone, and
 * this is many times cheaper than formatting Date objects.
 */
const DAY_MS = 86_400_000;

/** "2026-11-28" → days since 1970-01-01. */
export function dayNumber(day: string): number {
	return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

/** Days since 1970-01-01 → "2026-11-28". */
export function dayOfNumber(n: number): string {
	const date = new Date(n * DAY_MS);
	return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The day `n` days after (or before, negative) `day`. */
export const plusDays = (day: string, n: number) => dayOfNumber(dayNumber(day) + n);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);
