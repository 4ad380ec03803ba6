/**
 * One-click unsubscribe (RFC 8058): every notification email carries a link naming the
 * recipient, the house and what to stop, signed with this server's key. It works without
 * logging in (a mail program posts to it), so the signature is its only authority: it can
 * only turn email off, for the one person it names.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getDb } from '$lib/server/db';
import { pathTo } from '$lib/paths';
import { isUuid } from '$lib/server/ids';
import { NOTIFICATION_GROUPS, type NotificationGroup } from '$lib/notifications/model';
import { signingKey } from './secrets';
import { preferencesOf, savePreferences } from './preferences';

/** What a link stops: one group's email, or every email (the digest's link). */
export type EmailScope = NotificationGroup | 'all';

export interface UnsubscribeTarget {
	householdId: string;
	memberId: string;
	scope: EmailScope;
}

const sign = async (payload: string) =>
	createHmac('sha256', await signingKey())
		.update(payload)
		.digest();

export async function unsubscribeToken(target: UnsubscribeTarget): Promise<string> {
	const payload = `${target.householdId}.${target.memberId}.${target.scope}`;
	return `${Buffer.from(payload).toString('base64url')}.${(await sign(payload)).toString('base64url')}`;
}

export async function unsubscribeLink(origin: string, target: UnsubscribeTarget): Promise<string> {
	return `${origin}${pathTo('/unsubscribe/[token]', { token: await unsubscribeToken(target) })}`;
}

/** The target a token names, or null for anything not signed by this server. */
export async function readUnsubscribeToken(token: string): Promise<UnsubscribeTarget | null> {
	const [encoded, signature, ...rest] = token.split('.');
	if (!encoded || !signature || rest.length > 0 || token.length > 400) return null;
	const payload = Buffer.from(encoded, 'base64url').toString();
	const expected = await sign(payload);
	const given = Buffer.from(signature, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	const [householdId = '', memberId = '', scope = ''] = payload.split('.');
	if (!isUuid(householdId) || !isUuid(memberId) || !(scope === 'all' || (NOTIFICATION_GROUPS as readonly string[]).includes(scope))) return null;
	return { householdId, memberId, scope: scope as EmailScope };
}

/** What the unsubscribe page shows: the house and the person, if they are still there. */
export async function unsubscribeSubject(target: UnsubscribeTarget): Promise<{ householdName: string; memberName: string } | null> {
	const row = await getDb()
		.selectFrom('members')
		.innerJoin('households', 'households.id', 'members.householdId')
		.select(['households.name as householdName', 'members.displayName as memberName'])
		.where('members.householdId', '=', target.householdId)
		.where('members.id', '=', target.memberId)
		.executeTakeFirst();
	return row ?? null;
}

/** Turns the email off; the same link twice changes nothing more. Pending emails of that scope are not sent. */
export async function unsubscribe(target: UnsubscribeTarget): Promise<boolean> {
	if (!(await unsubscribeSubject(target))) return false;
	const preferences = await preferencesOf(getDb(), target.householdId, target.memberId);
	const groups = { ...preferences.groups };
	for (const group of NOTIFICATION_GROUPS) {
		if (target.scope === 'all' || target.scope === group) groups[group] = { ...groups[group], email: 'off' };
	}
	await savePreferences(target.householdId, target.memberId, { ...preferences, groups });
	return true;
}
