/**
 * Secret calendar-feed links: made, replaced, stopped, and checked when a calendar app
 * asks. Only the token's hash is stored; a link is shown once.
 */
import { pathTo } from '$lib/paths';
import { getDb } from '$lib/server/db';
import { generateToken, hashToken } from '$lib/server/auth/tokens';
import { audit } from '$lib/server/activity/log';
import { notFound } from '$lib/server/errors';
import { isUuid } from '$lib/server/ids';
import type { MemberContext } from '$lib/server/households/context';
import { m } from '$lib/paraglide/messages';

export type FeedScope = 'household' | 'member';

export function feedPath(householdId: string, memberId: string, scope: FeedScope, token: string): string {
	return scope === 'household'
		? pathTo('/households/[hid]/chores.ics', { hid: householdId }, { token })
		: pathTo('/households/[hid]/members/[mid]/chores.ics', { hid: householdId, mid: memberId }, { token });
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
			await audit(trx, context, {
				action: 'feed.created',
				subjectType: 'member',
				subjectId: context.member.id,
				facts: { actor: context.member.displayName, scope }
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

/** The feed a link opens, with its household; a wrong, revoked or mismatched token is a 404. */
export async function findFeed(householdId: string, memberId: string | null, token: string | null) {
	if (!token || !isUuid(householdId) || (memberId !== null && !isUuid(memberId))) throw notFound(m.thing_calendar);
	const feed = await getDb()
		.selectFrom('calendarFeeds')
		.innerJoin('members', (join) => join.onRef('members.householdId', '=', 'calendarFeeds.householdId').onRef('members.id', '=', 'calendarFeeds.memberId'))
		.innerJoin('households', 'households.id', 'calendarFeeds.householdId')
		.innerJoin('householdVersions', 'householdVersions.householdId', 'calendarFeeds.householdId')
		.select([
			'calendarFeeds.memberId',
			'calendarFeeds.scope',
			'members.active',
			'households.name',
			'households.timezone',
			'households.locale',
			'households.id',
			// The feed is kept by the household cache until the house changes.
			'householdVersions.version as dataVersion'
		])
		.where('calendarFeeds.tokenHash', '=', hashToken(token))
		.where('calendarFeeds.revokedAt', 'is', null)
		.where('calendarFeeds.householdId', '=', householdId)
		.executeTakeFirst();
	if (!feed || !feed.active || (memberId === null ? feed.scope !== 'household' : feed.scope !== 'member' || feed.memberId !== memberId))
		throw notFound(m.thing_calendar);
	return feed;
}
