/**
 * ICS feeds of the chore calendar, made with ical-generator. Timed chores carry the
 * household's time zone (with its VTIMEZONE, so calendars get daylight saving right);
 * untimed ones are all-day events. Each occurrence has a stable UID.
 */
import { TZDate } from '@date-fns/tz';
import ical, { foldLines, ICalCalendarMethod, type ICalEventData } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { getDb } from '$lib/server/db';
import { atLocalTime, plusDays, todayIn } from '$lib/dates';
import { bookingsBetween, type CalendarBooking } from '$lib/server/commons/bookings';
import { mealsOnCalendar, type CalendarMeal } from '$lib/server/meals/meals';
import { choreCalendar, type Occurrence } from './occurrences';
import { timeSlices } from '$lib/server/event-loop';
import { findFeed } from './feed-links';
import { keptForHousehold } from '$lib/server/households/household-cache';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { m } from '$lib/paraglide/messages';
import { inLocale } from '$lib/server/i18n';

const gzipAsync = promisify(gzip);

/**
 * The calendar text of a feed link; a wrong, revoked or mismatched token is a 404, like a
 * missing page. The link is checked on every request; the text is written once per
 * household version and day (calendar apps poll, and seven months of a big house's chores
 * take a while to write) and kept by the household cache.
 */
export async function feedIcs(householdId: string, memberId: string | null, token: string | null): Promise<string> {
	return (await keptFeed(householdId, memberId, token)).text;
}

/**
 * A feed link answered as calendar apps poll: `ETag` (the house's data version and day),
 * so an unchanged calendar is a 304 with no body; gzip when the app accepts it (the text
 * shrinks about twentyfold), compressed once per version like the text.
 */
export async function feedResponse(householdId: string, memberId: string | null, token: string | null, request: Request): Promise<Response> {
	const feed = await keptFeed(householdId, memberId, token);
	const headers: Record<string, string> = { ...ICS_HEADERS, etag: feed.etag, vary: 'accept-encoding' };
	if (
		request.headers
			.get('if-none-match')
			?.split(',')
			.some((tag) => tag.trim() === feed.etag)
	)
		return new Response(null, { status: 304, headers });
	if (!/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) return new Response(feed.text, { headers });
	const gzipped = await inLocale(feed.household.locale, () =>
		keptForHousehold(feed.household, `ics.gz|${memberId ?? 'all'}`, async () => gzipAsync(feed.text))
	);
	return new Response(new Uint8Array(gzipped), { headers: { ...headers, 'content-encoding': 'gzip' } });
}

async function keptFeed(householdId: string, memberId: string | null, token: string | null) {
	const household = await findFeed(householdId, memberId, token);
	const today = todayIn(household.timezone);
	// A feed is the household's shared output: in the household's language, whoever subscribes.
	const text = await inLocale(household.locale, () =>
		keptForHousehold(household, `ics|${memberId ?? 'all'}`, () => writeFeed(household, memberId, householdId, today))
	);
	return { household, text, etag: `"${memberId ?? 'all'}-${household.dataVersion}-${today}"` };
}

/** What a calendar app shows: the last two weeks (done or not) and the next six months (across a daylight-saving change). */
const FEED_PAST_DAYS = 14;
const FEED_FUTURE_DAYS = 180;

async function writeFeed(feed: { id: string; name: string; timezone: string }, memberId: string | null, householdId: string, today: string): Promise<string> {
	const db = getDb();
	const [from, to] = [plusDays(today, -FEED_PAST_DAYS), plusDays(today, FEED_FUTURE_DAYS)];
	const occurrences = await choreCalendar({ id: feed.id, timezone: feed.timezone }, from, to, memberId ?? undefined);
	// The shared things' bookings too: the house's in its feed, a member's in theirs.
	const bookings = await bookingsBetween(
		householdId,
		atLocalTime(from, '00:00', feed.timezone),
		atLocalTime(plusDays(to, 1), '00:00', feed.timezone),
		memberId ?? undefined
	);
	const meals = await mealsOnCalendar(
		householdId,
		atLocalTime(from, '00:00', feed.timezone),
		atLocalTime(plusDays(to, 1), '00:00', feed.timezone),
		memberId ?? undefined
	);
	const names = new Map(
		(await db.selectFrom('members').select(['id', 'displayName']).where('householdId', '=', householdId).execute()).map((m) => [m.id, m.displayName])
	);
	const calendar = ical({
		name: memberId ? m.ics_member_chores({ household: feed.name, name: names.get(memberId) ?? '' }) : m.ics_household_chores({ household: feed.name }),
		method: ICalCalendarMethod.PUBLISH,
		timezone: { name: feed.timezone, generator: (zone) => getVtimezoneComponent(zone) ?? null }
	});
	// Written a slice at a time: a big house's half year is thousands of events (1.8 MB,
	// about two seconds), which in one toString() held the event loop for all of it. The
	// empty calendar gives the head (with the zone) and the end; each event is written and
	// folded as the calendar would, then let go.
	const empty = calendar.toString();
	const end = empty.lastIndexOf('END:VCALENDAR');
	const parts = [empty.slice(0, end)];
	const giveBack = timeSlices();
	for (const o of occurrences) {
		parts.push(foldLines(calendar.createEvent(eventOf(o, names, feed.timezone)).toString()));
		calendar.clear();
		await giveBack();
	}
	for (const booking of bookings) {
		parts.push(foldLines(calendar.createEvent(bookingEvent(booking, feed.timezone)).toString()));
		calendar.clear();
		await giveBack();
	}
	for (const meal of meals) {
		parts.push(foldLines(calendar.createEvent(mealEvent(meal, feed.timezone)).toString()));
		calendar.clear();
		await giveBack();
	}
	parts.push(empty.slice(end));
	return parts.join('');
}

function eventOf(o: Occurrence, names: Map<string, string>, timezone: string): ICalEventData {
	const who = o.assigneeMemberId ? (names.get(o.assigneeMemberId) ?? m.someone()) : m.anyone();
	const words = { chore: o.choreName, who };
	const event = {
		id: `${o.choreId}-${o.dueOn}@hearth`,
		summary: o.status === 'done' ? m.ics_summary_done(words) : o.status === 'skipped' ? m.ics_summary_skipped(words) : `${o.choreName} — ${who}`,
		description: m.ics_description({ effort: o.effort, who })
	};
	const [y, month, d] = o.dueOn.split('-').map(Number) as [number, number, number];
	if (!o.time) return { ...event, start: new TZDate(y, month - 1, d, 12, 0, timezone), allDay: true };
	const [hour, minute] = o.time.split(':').map(Number) as [number, number];
	// The instant of that wall-clock time in the household's zone (daylight saving included);
	// ical-generator writes it back as local time with the zone's TZID.
	const start = new TZDate(y, month - 1, d, hour, minute, timezone);
	return { ...event, start, end: new TZDate(start.getTime() + 30 * 60_000, timezone), timezone };
}

function bookingEvent(booking: CalendarBooking, timezone: string): ICalEventData {
	return {
		id: `booking-${booking.id}@hearth`,
		summary: `${booking.thing} — ${booking.memberName}`,
		description: booking.status === 'pending' ? m.ics_booking_pending() : m.ics_booking(),
		start: new TZDate(booking.startsAt.getTime(), timezone),
		end: new TZDate(booking.endsAt.getTime(), timezone),
		timezone
	};
}

/** A common meal: an hour and a half from when it is served. */
function mealEvent(meal: CalendarMeal, timezone: string): ICalEventData {
	return {
		id: `meal-${meal.id}@hearth`,
		summary: m.ics_meal({ menu: meal.menu }),
		start: new TZDate(meal.servedAt.getTime(), timezone),
		end: new TZDate(meal.servedAt.getTime() + 90 * 60_000, timezone),
		timezone
	};
}

/** How a calendar app is answered: kept only if checked with us each time (the link may be revoked any time). */
export const ICS_HEADERS = { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, no-cache' } as const;
