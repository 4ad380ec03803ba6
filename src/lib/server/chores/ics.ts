/**
 * ICS feeds of the chore calendar, made with ical-generator. Timed chores carry the
 * household's time zone (with its VTIMEZONE, so calendars get daylight saving right);
 * untimed ones are all-day events. Each occurrence has a stable UID.
 */
import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { getDb } from '$lib/server/db';
import { plusDays, todayIn } from '$lib/dates';
import { choreCalendar } from './occurrences';
import { findFeed } from './feed-links';

/** The calendar text of a feed link; a wrong, revoked or mismatched token is a 404, like a missing page. */
export async function feedIcs(householdId: string, memberId: string | null, token: string | null): Promise<string> {
	const feed = await findFeed(householdId, memberId, token);
	const today = todayIn(feed.timezone);
	// Calendar apps poll; seven months of a big house's chores take a while to write. The link
	// is checked on every request (above); what it shows may be up to a minute old.
	// The promise is kept, not just the text: requests arriving while one is being written wait for it.
	const key = `${householdId}:${memberId ?? 'all'}:${today}`;
	const cached = recentFeeds.get(key);
	if (cached && cached.until > Date.now()) return cached.text;
	const text = writeFeed(feed, memberId, householdId, today);
	if (recentFeeds.size >= MAX_CACHED_FEEDS) recentFeeds.delete(recentFeeds.keys().next().value!);
	recentFeeds.set(key, { text, until: Date.now() + FEED_CACHE_MS });
	text.catch(() => recentFeeds.delete(key));
	return text;
}

const FEED_CACHE_MS = 60_000;
/** What a calendar app shows: the last two weeks (done or not) and the next six months (across a daylight-saving change). */
const FEED_PAST_DAYS = 14;
const FEED_FUTURE_DAYS = 180;
const MAX_CACHED_FEEDS = 200;
const recentFeeds = new Map<string, { text: Promise<string>; until: number }>();

async function writeFeed(feed: { id: string; name: string; timezone: string }, memberId: string | null, householdId: string, today: string): Promise<string> {
	const db = getDb();
	const occurrences = await choreCalendar(
		{ id: feed.id, timezone: feed.timezone },
		plusDays(today, -FEED_PAST_DAYS),
		plusDays(today, FEED_FUTURE_DAYS),
		memberId ?? undefined
	);
	const names = new Map(
		(await db.selectFrom('members').select(['id', 'displayName']).where('householdId', '=', householdId).execute()).map((m) => [m.id, m.displayName])
	);
	const calendar = ical({
		name: memberId ? `${feed.name}: ${names.get(memberId)}'s chores` : `${feed.name}: chores`,
		method: ICalCalendarMethod.PUBLISH,
		timezone: { name: feed.timezone, generator: (zone) => getVtimezoneComponent(zone) ?? null }
	});
	for (const o of occurrences) {
		const who = o.assigneeMemberId ? (names.get(o.assigneeMemberId) ?? 'someone') : 'anyone';
		const status = o.status === 'done' ? ' (done)' : o.status === 'skipped' ? ' (skipped)' : '';
		const event = {
			id: `${o.choreId}-${o.dueOn}@hearth`,
			summary: `${o.choreName} — ${who}${status}`,
			description: `Effort ${o.effort}. Assigned to ${who}.`
		};
		const [y, m, d] = o.dueOn.split('-').map(Number) as [number, number, number];
		if (o.time) {
			const [hour, minute] = o.time.split(':').map(Number) as [number, number];
			// The instant of that wall-clock time in the household's zone (daylight saving included);
			// ical-generator writes it back as local time with the zone's TZID.
			const start = new TZDate(y, m - 1, d, hour, minute, feed.timezone);
			calendar.createEvent({ ...event, start, end: new TZDate(start.getTime() + 30 * 60_000, feed.timezone), timezone: feed.timezone });
		} else {
			calendar.createEvent({ ...event, start: new TZDate(y, m - 1, d, 12, 0, feed.timezone), allDay: true });
		}
	}
	return calendar.toString();
}

/** How a calendar app is answered (no caching on the way: the link may be revoked any time). */
export const ICS_HEADERS = { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'no-store' } as const;
