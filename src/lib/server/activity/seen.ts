/**
 * "Since your last visit": what others did in the house after the newest entry a member
 * saw on Home. The mark moves only by a POST (leaving Home, or "Got it"), never by a read,
 * and never backwards.
 */
import { sql } from 'kysely';
import { getDb } from '$lib/server/db';
import type { MemberContext } from '$lib/server/households/context';
import { listActivity, type ActivityItem } from './log';

/** Enough to see what happened at a glance; the rest is a link to the activity page. */
export const SINCE_LAST_VISIT_SHOWN = 6;

export interface SinceLastVisit {
	items: ActivityItem[];
	/** How many more there are beyond `items` (at most 99 counted). */
	more: number;
	/** The newest entry of the house now: what "Got it" marks as seen. */
	newestId: number;
}

/** Nothing on a first visit: everything would be new, and none of it news. */
export async function sinceLastVisit(context: MemberContext): Promise<SinceLastVisit> {
	const db = getDb();
	const householdId = context.household.id;
	const [seen, newest] = await Promise.all([
		db.selectFrom('activitySeen').select('seenThrough').where('householdId', '=', householdId).where('memberId', '=', context.member.id).executeTakeFirst(),
		db
			.selectFrom('activity')
			.select((eb) => eb.fn.max<number>('id').as('id'))
			.where('householdId', '=', householdId)
			.executeTakeFirst()
	]);
	const newestId = Number(newest?.id ?? 0);
	if (!seen) return { items: [], more: 0, newestId };
	const items = await listActivity(householdId, { after: seen.seenThrough, notBy: context.member.id, limit: SINCE_LAST_VISIT_SHOWN + 100 });
	return { items: items.slice(0, SINCE_LAST_VISIT_SHOWN), more: Math.max(0, Math.min(99, items.length - SINCE_LAST_VISIT_SHOWN)), newestId };
}

/** Marks entries up to `through` as seen (clamped to the house's newest; never moves back). */
export async function markActivitySeen(context: MemberContext, through: number): Promise<void> {
	const householdId = context.household.id;
	await sql`
		insert into activity_seen (household_id, member_id, seen_through)
		select ${householdId}, ${context.member.id}, least(${through}::bigint, coalesce(max(id), 0)) from activity where household_id = ${householdId}
		on conflict (household_id, member_id) do update set seen_through = greatest(activity_seen.seen_through, excluded.seen_through)`.execute(getDb());
}
