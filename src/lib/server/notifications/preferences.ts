/**
 * What each person chose: per group of events, the bell, push and email (at once, in the
 * digest, or not), the digest's rhythm and quiet hours. Stored per member (a person's
 * choices may differ from house to house; quiet hours are on the house's clock); a member
 * who never chose has the defaults. Turning a channel off also drops what was waiting to go.
 */
import { sql, type Kysely } from 'kysely';
import { getDb } from '$lib/server/db';
import type { MemberContext } from '$lib/server/households/context';
import type { Database } from '$lib/server/db/schema';
import { DEFAULT_PREFERENCES, KIND_GROUPS, NOTIFICATION_GROUPS, readPreferences, type Preferences } from '$lib/notifications/model';

/** A member without a login who has an address for reminders gets their chore reminders by email at once. */
export function defaultPreferences(member: { hasLogin: boolean }): Preferences {
	if (member.hasLogin) return DEFAULT_PREFERENCES;
	return { ...DEFAULT_PREFERENCES, groups: { ...DEFAULT_PREFERENCES.groups, chores: { app: false, push: false, email: 'now' } } };
}

export async function preferencesOf(db: Kysely<Database>, householdId: string, memberId: string): Promise<Preferences> {
	const row = await db
		.selectFrom('members')
		.leftJoin('notificationPreferences as p', (join) => join.onRef('p.householdId', '=', 'members.householdId').onRef('p.memberId', '=', 'members.id'))
		.select(['members.userId', 'p.choices'])
		.where('members.householdId', '=', householdId)
		.where('members.id', '=', memberId)
		.executeTakeFirst();
	if (row?.choices) return readPreferences(row.choices);
	return defaultPreferences({ hasLogin: Boolean(row?.userId) });
}

/** Kinds of event in each group, for dropping what waits to go when a channel is turned off. */
const kindsOf = (groups: string[]) => Object.entries(KIND_GROUPS).flatMap(([kind, group]) => (groups.includes(group) ? [kind] : []));

export async function savePreferences(householdId: string, memberId: string, preferences: Preferences): Promise<void> {
	await getDb()
		.transaction()
		.execute(async (trx) => {
			await trx
				.insertInto('notificationPreferences')
				.values({ householdId, memberId, choices: JSON.stringify(preferences) })
				.onConflict((oc) => oc.columns(['householdId', 'memberId']).doUpdateSet({ choices: JSON.stringify(preferences) }))
				.execute();
			const noEmail = kindsOf(NOTIFICATION_GROUPS.filter((g) => preferences.groups[g].email === 'off'));
			const noPush = kindsOf(NOTIFICATION_GROUPS.filter((g) => !preferences.groups[g].push));
			for (const [channel, kinds] of [
				['email', noEmail],
				['push', noPush]
			] as const) {
				if (kinds.length === 0) continue;
				await sql`
					delete from notifications n using notification_events e
					where n.household_id = ${householdId} and n.member_id = ${memberId} and n.channel = ${channel}
					and n.status in ('pending', 'digest') and e.household_id = n.household_id and e.id = n.event_id
					and e.kind in (${sql.join(kinds)})`.execute(trx);
			}
		});
}

/** For the settings page: what this person chose in this house. */
export const myPreferences = (context: Pick<MemberContext, 'household' | 'member'>) => preferencesOf(getDb(), context.household.id, context.member.id);

export const saveMyPreferences = (context: Pick<MemberContext, 'household' | 'member'>, preferences: Preferences) =>
	savePreferences(context.household.id, context.member.id, preferences);
