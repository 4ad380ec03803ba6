/**
 * The notification centre: one person's in-app notifications in one house, newest
 * first, told in their language; the bell's unread count; marking read. Read fresh on
 * every request (one indexed count), never from the household cache: a mark read is not
 * a change of the house's data.
 */
import { getDb } from '$lib/server/db';
import { getLocale } from '$lib/paraglide/runtime';
import { requestFormatLocale } from '$lib/server/i18n';
import type { MemberContext } from '$lib/server/households/context';
import { isUuid } from '$lib/server/ids';
import { notificationTitle } from './titles';

export interface InboxItem {
	id: string;
	title: string;
	path: string;
	createdAt: Date;
	read: boolean;
}

const PAGE = 50;

export async function unreadCount(context: Pick<MemberContext, 'household' | 'member'>): Promise<number> {
	const row = await getDb()
		.selectFrom('notifications')
		.select((eb) => eb.fn.countAll<string>().as('count'))
		.where('householdId', '=', context.household.id)
		.where('memberId', '=', context.member.id)
		.where('channel', '=', 'app')
		.where('status', '=', 'unread')
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

/** The newest fifty, told in the reader's language. */
export async function inbox(context: Pick<MemberContext, 'household' | 'member'>): Promise<InboxItem[]> {
	const rows = await getDb()
		.selectFrom('notifications as n')
		.innerJoin('notificationEvents as e', (join) => join.onRef('e.householdId', '=', 'n.householdId').onRef('e.id', '=', 'n.eventId'))
		.leftJoin('members as child', (join) => join.onRef('child.householdId', '=', 'n.householdId').onRef('child.id', '=', 'n.onBehalfOf'))
		.select(['n.id', 'n.status', 'n.createdAt', 'e.kind', 'e.facts', 'e.path', 'child.displayName as forName'])
		.where('n.householdId', '=', context.household.id)
		.where('n.memberId', '=', context.member.id)
		.where('n.channel', '=', 'app')
		.orderBy('n.createdAt', 'desc')
		.orderBy('n.id')
		.limit(PAGE)
		.execute();
	const telling = { locale: getLocale(), formatLocale: requestFormatLocale() };
	return rows.map((row) => ({
		id: row.id,
		title: notificationTitle(
			{ kind: row.kind, facts: row.facts, memberId: context.member.id, forName: row.forName, timezone: context.household.timezone },
			telling
		),
		path: row.path,
		createdAt: row.createdAt,
		read: row.status === 'read'
	}));
}

/**
 * Opening a notification marks it read and answers where it leads (a POST, so the page it
 * opens stays a read): only a page of this house; anything else opens the notification centre.
 */
export async function openNotification(context: Pick<MemberContext, 'household' | 'member'>, id: string): Promise<string> {
	const centre = `/h/${context.household.id}/notifications`;
	if (!isUuid(id)) return centre;
	const row = await getDb()
		.updateTable('notifications as n')
		.from('notificationEvents as e')
		.set({ status: 'read' })
		.whereRef('e.householdId', '=', 'n.householdId')
		.whereRef('e.id', '=', 'n.eventId')
		.where('n.householdId', '=', context.household.id)
		.where('n.memberId', '=', context.member.id)
		.where('n.channel', '=', 'app')
		.where('n.id', '=', id)
		.returning('e.path')
		.executeTakeFirst();
	return row && row.path.startsWith(`/h/${context.household.id}/`) ? row.path : centre;
}

/** Marks one (`id`) or all of this person's notifications read; another person's id changes nothing. */
export async function markRead(context: Pick<MemberContext, 'household' | 'member'>, id?: string): Promise<void> {
	if (id !== undefined && !isUuid(id)) return;
	let query = getDb()
		.updateTable('notifications')
		.set({ status: 'read' })
		.where('householdId', '=', context.household.id)
		.where('memberId', '=', context.member.id)
		.where('channel', '=', 'app')
		.where('status', '=', 'unread');
	if (id) query = query.where('id', '=', id);
	await query.execute();
}
