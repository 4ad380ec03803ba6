/**
 * When a notification may go out: quiet hours and digests are read on the household's
 * clock (its time zone, daylight saving included), never the server's.
 */
import { atLocalTime, clockIn, dayNumber, plusDays, todayIn } from '$lib/dates';
import type { DigestFrequency, Preferences } from './model';

/**
 * The earliest a push or an immediate email may go: `now`, or the end of the quiet
 * hours it falls in (21:00–08:00 holds an evening's notification until the next morning).
 */
export function afterQuietHours(now: Date, timeZone: string, quiet: Preferences['quiet']): Date {
	if (!quiet || quiet.from === quiet.to) return now;
	const clock = clockIn(timeZone, now);
	const today = todayIn(timeZone, now);
	const overnight = quiet.from > quiet.to;
	if (overnight) {
		if (clock >= quiet.from) return atLocalTime(plusDays(today, 1), quiet.to, timeZone);
		if (clock < quiet.to) return atLocalTime(today, quiet.to, timeZone);
		return now;
	}
	return clock >= quiet.from && clock < quiet.to ? atLocalTime(today, quiet.to, timeZone) : now;
}

/** The next digest after `now`: each day at `time`, or each Monday at `time`, on the household's clock. */
export function nextDigestAt(now: Date, timeZone: string, frequency: DigestFrequency, time: string): Date {
	const today = todayIn(timeZone, now);
	for (let ahead = 0; ahead <= 8; ahead++) {
		const day = plusDays(today, ahead);
		// 1970-01-01 was a Thursday: day number + 3, mod 7, is 0 on Mondays.
		if (frequency === 'weekly' && (dayNumber(day) + 3) % 7 !== 0) continue;
		const at = atLocalTime(day, time, timeZone);
		if (at.getTime() > now.getTime()) return at;
	}
	throw new Error('unreachable: a Monday comes within eight days');
}

/** When a person's digest goes out: at the end of their quiet hours (a morning read), else at 08:00. */
export const digestTime = (preferences: Preferences) => preferences.quiet?.to ?? '08:00';
