/**
 * The notifications outbox: `notify` writes an event and one row per recipient and
 * channel, inside the transaction of what caused it (so a rolled-back change notifies
 * nobody, and a committed one cannot be missed). Who gets what is decided here, once:
 * never the actor, never someone who left, and each by their own choices. Sending is
 * the delivery job's (deliver.ts): nothing here waits for a mail or push service.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { GUARDIAN_KINDS, KIND_GROUPS, readPreferences, type NotificationKind } from '$lib/notifications/model';
import { afterQuietHours, digestTime, nextDigestAt } from '$lib/notifications/timing';
import { defaultPreferences } from './preferences';

export interface NotificationEvent {
	householdId: string;
	kind: NotificationKind;
	/** Who did it (never told of their own act); null for the house's own work (a reminder). */
	actorMemberId: string | null;
	/** What the sentences are told from (titles.ts): names as they are now, amounts in minor units, days as YYYY-MM-DD. */
	facts: Record<string, unknown>;
	/** The page a tap opens. */
	path: string;
	/** Members it is for; left, inactive and unknown members are dropped. */
	recipients: readonly string[];
	/** Background work names what a reminder is about: the same key twice writes once. */
	dedupeKey?: string;
	/** Not sent before this (a chore reminder waits for the morning of its day). */
	notBefore?: Date;
}

interface Recipient {
	memberId: string;
	/** Whose chore this is, when a guardian gets it for a member without a login. */
	onBehalfOf: string | null;
	hasLogin: boolean;
}

interface NotificationRow {
	householdId: string;
	eventId: string;
	memberId: string;
	onBehalfOf: string | null;
	channel: 'app' | 'email' | 'push';
	status: 'unread' | 'pending' | 'digest';
	deliverAfter: Date;
	inDigest: boolean;
}

/** Writes the event and its rows; returns the event's id, or null when it was written before (same dedupe key) or is for nobody. */
export async function notify(db: Kysely<Database>, event: NotificationEvent, now = new Date()): Promise<string | null> {
	const recipients = await resolveRecipients(db, event);
	if (recipients.length === 0) return null;
	const inserted = await db
		.insertInto('notificationEvents')
		.values({
			householdId: event.householdId,
			kind: event.kind,
			actorMemberId: event.actorMemberId,
			facts: JSON.stringify(event.facts),
			path: event.path,
			dedupeKey: event.dedupeKey ?? null
		})
		.onConflict((oc) => oc.columns(['householdId', 'dedupeKey']).doNothing())
		.returning('id')
		.executeTakeFirst();
	if (!inserted) return null;
	const [choices, household, pushers] = await Promise.all([
		db
			.selectFrom('notificationPreferences')
			.select(['memberId', 'choices'])
			.where('householdId', '=', event.householdId)
			.where(
				'memberId',
				'in',
				recipients.map((r) => r.memberId)
			)
			.execute(),
		db.selectFrom('households').select('timezone').where('id', '=', event.householdId).executeTakeFirstOrThrow(),
		// Push rows only for people with a device that takes them.
		sql<{ memberId: string }>`
			select m.id as member_id from members m where m.household_id = ${event.householdId}
			and m.id in (${sql.join(recipients.map((r) => r.memberId))})
			and exists (select 1 from push_subscriptions p where p.user_id = m.user_id)`.execute(db)
	]);
	const chosen = new Map(choices.map((c) => [c.memberId, readPreferences(c.choices)]));
	const canPush = new Set(pushers.rows.map((r) => r.memberId));
	const start = event.notBefore && event.notBefore.getTime() > now.getTime() ? event.notBefore : now;
	const rows: NotificationRow[] = [];
	for (const recipient of recipients) {
		const preferences = chosen.get(recipient.memberId) ?? defaultPreferences(recipient);
		const choice = preferences.groups[KIND_GROUPS[event.kind]];
		const base = { householdId: event.householdId, eventId: inserted.id, memberId: recipient.memberId, onBehalfOf: recipient.onBehalfOf };
		const soonest = afterQuietHours(start, household.timezone, preferences.quiet);
		if (choice.app && recipient.hasLogin) rows.push({ ...base, channel: 'app', status: 'unread', deliverAfter: now, inDigest: false });
		if (choice.push && canPush.has(recipient.memberId)) rows.push({ ...base, channel: 'push', status: 'pending', deliverAfter: soonest, inDigest: false });
		if (choice.email === 'now') rows.push({ ...base, channel: 'email', status: 'pending', deliverAfter: soonest, inDigest: false });
		if (choice.email === 'digest') {
			const at = nextDigestAt(start, household.timezone, preferences.digest, digestTime(preferences));
			rows.push({ ...base, channel: 'email', status: 'digest', deliverAfter: at, inDigest: true });
		}
	}
	if (rows.length > 0) await db.insertInto('notifications').values(rows).execute();
	return inserted.id;
}

/**
 * Members still in the house, without the actor. A member without a login is reached
 * for their chores through their guardian (an adult still in the house) and by their
 * reminder address, if they have one; otherwise not at all.
 */
async function resolveRecipients(db: Kysely<Database>, event: NotificationEvent): Promise<Recipient[]> {
	const ids = [...new Set(event.recipients)].filter((id) => id !== event.actorMemberId);
	if (ids.length === 0) return [];
	const members = await db
		.selectFrom('members')
		.select(['id', 'userId', 'guardianMemberId', 'reminderEmail'])
		.where('householdId', '=', event.householdId)
		.where('id', 'in', ids)
		.where('active', '=', true)
		.where('leftAt', 'is', null)
		.execute();
	const forGuardian = GUARDIAN_KINDS.has(event.kind);
	const guardianIds = forGuardian ? members.filter((m) => !m.userId && m.guardianMemberId).map((m) => m.guardianMemberId!) : [];
	const guardians =
		guardianIds.length === 0
			? []
			: await db
					.selectFrom('members')
					.select('id')
					.where('householdId', '=', event.householdId)
					.where('id', 'in', guardianIds)
					.where('active', '=', true)
					.where('leftAt', 'is', null)
					.where('userId', 'is not', null)
					.execute();
	const guardianInHouse = new Set(guardians.map((g) => g.id));
	const recipients: Recipient[] = [];
	const seen = new Set<string>();
	const add = (recipient: Recipient) => {
		if (seen.has(recipient.memberId) || recipient.memberId === event.actorMemberId) return;
		seen.add(recipient.memberId);
		recipients.push(recipient);
	};
	for (const member of members) {
		if (member.userId) {
			add({ memberId: member.id, onBehalfOf: null, hasLogin: true });
			continue;
		}
		if (!forGuardian) continue;
		if (member.reminderEmail) add({ memberId: member.id, onBehalfOf: null, hasLogin: false });
		if (member.guardianMemberId && guardianInHouse.has(member.guardianMemberId)) {
			add({ memberId: member.guardianMemberId, onBehalfOf: member.id, hasLogin: true });
		}
	}
	return recipients;
}

/** Everyone who may take part in a house decision or hear of its business: members with a login, still in. */
export async function membersWithLogin(db: Kysely<Database>, householdId: string, filter: { adminsOnly?: boolean } = {}): Promise<string[]> {
	let query = db
		.selectFrom('members')
		.select('id')
		.where('householdId', '=', householdId)
		.where('active', '=', true)
		.where('leftAt', 'is', null)
		.where('userId', 'is not', null);
	if (filter.adminsOnly) query = query.where('isAdmin', '=', true);
	return (await query.execute()).map((r) => r.id);
}
