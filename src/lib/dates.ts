/**
 * Calendar days in the household's time zone. The server's own zone never matters:
 * every computation names the household's zone explicitly.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** Today's date (YYYY-MM-DD) where the household lives. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
	return format(new TZDate(now, timeZone), 'yyyy-MM-dd');
}

/** A date-and-time for people, e.g. "28 Nov 2026, 14:05", in the household's zone. */
export function formatInstant(instant: Date | string, timeZone: string, locale = 'en-GB'): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(instant));
}

/** A calendar day (YYYY-MM-DD) for people, e.g. "Sat 28 Nov 2026". */
export function formatDay(day: string, locale = 'en-GB'): string {
	const [year, month, date] = day.split('-').map(Number) as [number, number, number];
	return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, date));
}
