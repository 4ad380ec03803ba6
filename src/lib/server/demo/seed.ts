/**
 * The demo household, "Maple Street House": three generations under one roof, one of
 * them without a login. `npm run dev` creates it on first start; `npm run seed` too.
 */
import { getDb } from '$lib/server/db';
import { hashPassword } from '$lib/server/auth/passwords';
import type { SessionUser } from '$lib/server/auth/sessions';
import { createHousehold } from '$lib/server/households/households';
import { addMember } from '$lib/server/households/members';
import { addAbsence } from '$lib/server/households/absences';
import { createInvite } from '$lib/server/households/invites';
import type { MemberContext } from '$lib/server/households/guard';
import { todayIn } from '$lib/dates';
import { addDays, format } from 'date-fns';

export const DEMO_PASSWORD = 'maple-street';
export const DEMO_HOUSEHOLD = 'Maple Street House';
const TIMEZONE = 'Europe/Berlin';

const PEOPLE = [
	{ email: 'priya@maple.example', displayName: 'Priya', role: 'adult', isAdmin: true, shareWeight: 1.5, choreCapacity: 1 },
	{ email: 'daniel@maple.example', displayName: 'Daniel', role: 'adult', isAdmin: true, shareWeight: 1.5, choreCapacity: 1 },
	{ email: 'rosa@maple.example', displayName: 'Grandma Rosa', role: 'adult', isAdmin: false, shareWeight: 0.5, choreCapacity: 0.5 },
	{ email: 'mia@maple.example', displayName: 'Mia', role: 'youth', isAdmin: false, shareWeight: 0, choreCapacity: 0.75 },
	{ email: null, displayName: 'Leo', role: 'child', isAdmin: false, shareWeight: 0, choreCapacity: 0.25 }
] as const;

export interface DemoSeedResult {
	created: boolean;
	householdId: string;
}

export async function seedDemoHousehold(): Promise<DemoSeedResult> {
	const db = getDb();
	const existing = await db
		.selectFrom('users')
		.innerJoin('members', 'members.userId', 'users.id')
		.innerJoin('households', 'households.id', 'members.householdId')
		.select('households.id')
		.where('users.email', '=', PEOPLE[0].email)
		.where('households.name', '=', DEMO_HOUSEHOLD)
		.executeTakeFirst();
	if (existing) return { created: false, householdId: existing.id };

	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const users = new Map<string, SessionUser>();
	for (const person of PEOPLE) {
		if (!person.email) continue;
		const user = await db
			.insertInto('users')
			.values({ email: person.email, displayName: person.displayName, passwordHash })
			.onConflict((oc) => oc.column('email').doUpdateSet({ displayName: person.displayName }))
			.returning(['id', 'email', 'displayName', 'lastHouseholdId'])
			.executeTakeFirstOrThrow();
		users.set(person.email, user);
	}

	const founder = users.get(PEOPLE[0].email)!;
	const { household, memberId } = await createHousehold(founder, { name: DEMO_HOUSEHOLD, currency: 'EUR', timezone: TIMEZONE });
	await db.updateTable('members').set({ shareWeight: PEOPLE[0].shareWeight }).where('householdId', '=', household.id).where('id', '=', memberId).execute();
	const founderRow = await db.selectFrom('members').selectAll().where('householdId', '=', household.id).where('id', '=', memberId).executeTakeFirstOrThrow();
	const admin: MemberContext = { user: founder, household, member: founderRow };

	const memberIds = new Map<string, string>([[PEOPLE[0].displayName, memberId]]);
	for (const person of PEOPLE.slice(1)) {
		const member = await addMember(admin, {
			displayName: person.displayName,
			role: person.role,
			isAdmin: person.isAdmin,
			shareWeight: person.shareWeight,
			choreCapacity: person.choreCapacity
		});
		memberIds.set(person.displayName, member.id);
		// Those with an account have claimed their place, as through an invite.
		if (person.email) {
			await db.updateTable('members').set({ userId: users.get(person.email)!.id }).where('householdId', '=', household.id).where('id', '=', member.id).execute();
			await db.updateTable('users').set({ lastHouseholdId: household.id }).where('email', '=', person.email).execute();
		}
	}

	const today = new Date(`${todayIn(TIMEZONE)}T12:00:00Z`);
	const day = (offset: number) => format(addDays(today, offset), 'yyyy-MM-dd');
	await addAbsence(admin, memberIds.get('Grandma Rosa')!, { from: day(10), to: day(17), note: 'Visiting her sister in Porto' });
	await addAbsence(admin, memberIds.get('Mia')!, { from: day(3), to: day(5), note: 'School trip' });
	await createInvite(admin, { role: 'guest', maxUses: 1, expiresInDays: 7 }, 'http://localhost');
	return { created: true, householdId: household.id };
}
