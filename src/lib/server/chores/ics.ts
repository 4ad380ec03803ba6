/**
 * ICS feeds of the chore calendar, made with ical-generator. Timed chores carry the
 * household's time zone (with its VTIMEZONE, so calendars get daylight saving right);
 * untimed ones are all-day events. Each occurrence has a stable UID.
 */
import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { getDb } from '$lib/server/db';
import { generateToken, hashToken } from '$lib/server/auth/tokens';
import { logActivity } from '$lib/server/activity/log';
import { DomainError, notFound } from '$lib/server/errors';
import { error } from '@sveltejs/kit';
import { isUuid } from '$lib/server/ids';
import type { MemberContext } from '$lib/server/households/context';
import { plusDays, todayIn } from '$lib/dates';
import { choreCalendar } from './occurrences';

export type FeedScope = 'household' | 'member';

export function feedPath(householdId: string, memberId: string, scope: FeedScope, token: string): string {
	return scope === 'household'
		? `/households/${householdId}/chores.ics?token=${token}`
		: `/households/${householdId}/members/${memberId}/chores.ics?token=${token}`;
}

/** A new secret link for the caller; the previous one of the same scope stops working. */
export async function regenerateFeed(context: MemberContext, scope: FeedScope): Promise<string> {
	const householdId = context.household.id;
	const token = generateToken();
	await getDb()
		.transaction()
		.execute(async (trx) => {
			await trx
				.updateTable('calendarFeeds')
				.set({ revokedAt: new Date() })
				.where('householdId', '=', householdId)
				.where('memberId', '=', context.member.id)
				.where('scope', '=', scope)
				.where('revokedAt', 'is', null)
				.execute();
			await trx
				.insertInto('calendarFeeds')
				.values({ householdId, memberId: context.member.id, scope, tokenHash: hashToken(token) })
				.execute();
			await logActivity(trx, {
				householdId,
				actorMemberId: context.member.id,
				action: 'feed.created',
				subjectType: 'member',
				subjectId: context.member.id,
				summary: `${context.member.displayName} made a new calendar link (${scope === 'household' ? 'all chores' : 'their chores'}).`
			});
		});
	return feedPath(householdId, context.member.id, scope, token);
}

export async function revokeFeed(context: MemberContext, scope: FeedScope): Promise<void> {
	await getDb()
		.updateTable('calendarFeeds')
		.set({ revokedAt: new Date() })
		.where('householdId', '=', context.household.id)
		.where('memberId', '=', context.member.id)
		.where('scope', '=', scope)
		.where('revokedAt', 'is', null)
		.execute();
}

export async function activeFeeds(context: MemberContext): Promise<FeedScope[]> {
	const rows = await getDb()
		.selectFrom('calendarFeeds')
		.select('scope')
		.where('householdId', '=', context.household.id)
		.where('memberId', '=', context.member.id)
		.where('revokedAt', 'is', null)
		.execute();
	return rows.map((r) => r.scope);
}

/** The feed for a token; a wrong, revoked or mismatched token is a 404, like a missing page. */
export async function feedIcs(householdId: string, memberId: string | null, token: string | null): Promise<string> {
	if (!token || !isUuid(householdId) || (memberId !== null && !isUuid(memberId))) throw notFound('That calendar');
	const db = getDb();
	const feed = await db
		.selectFrom('calendarFeeds')
		.innerJoin('members', (join) => join.onRef('members.householdId', '=', 'calendarFeeds.householdId').onRef('members.id', '=', 'calendarFeeds.memberId'))
		.innerJoin('households', 'households.id', 'calendarFeeds.householdId')
		.select(['calendarFeeds.memberId', 'calendarFeeds.scope', 'members.active', 'households.name', 'households.timezone', 'households.id'])
		.where('calendarFeeds.tokenHash', '=', hashToken(token))
		.where('calendarFeeds.revokedAt', 'is', null)
		.where('calendarFeeds.householdId', '=', householdId)
		.executeTakeFirst();
	if (!feed || !feed.active || (memberId === null ? feed.scope !== 'household' : feed.scope !== 'member' || feed.memberId !== memberId))
		throw notFound('That calendar');
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

/** The HTTP answer for a feed link: the calendar, or the error page for a bad link. */
export async function icsResponse(householdId: string, memberId: string | null, token: string | null): Promise<Response> {
	try {
		const body = await feedIcs(householdId, memberId, token);
		return new Response(body, { headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'no-store' } });
	} catch (refusal) {
		if (refusal instanceof DomainError) error(refusal.status, { message: refusal.message });
		throw refusal;
	}
}
