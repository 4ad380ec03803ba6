/** Test data made through the domain functions, so tests exercise the real paths. */
import { SESSION_USER_COLUMNS } from '$lib/server/auth/sessions';
import { randomUUID } from 'node:crypto';
import { getDb } from '../db';
import type { Role } from '../db/schema';
import { signUp } from '../auth/accounts';
import type { MemberContext } from '../households/context';
import { createHousehold } from '../households/households';
import { addMember } from '../households/members';
import { acceptInvite, createInvite } from '../households/invites';

export const PASSWORD = 'correct horse battery';

export function uniqueEmail(prefix = 'user'): string {
	return `${prefix}-${randomUUID().slice(0, 8)}@test.example`;
}

export async function makeUser(displayName = 'Sam') {
	const session = await signUp({ email: uniqueEmail(displayName.toLowerCase()), password: PASSWORD, displayName }, `test-${randomUUID()}`);
	return session;
}

/** A household with its creator (adult admin), as the guard would hand it to a domain call. */
export async function makeHousehold(name = 'Test House'): Promise<MemberContext & { token: string }> {
	const { user, token } = await makeUser('Founder');
	const { household, memberId } = await createHousehold(user, { name, currency: 'EUR', timezone: 'Europe/Berlin' });
	return { ...(await contextFor(household.id, memberId)), token };
}

export async function contextFor(householdId: string, memberId: string): Promise<MemberContext> {
	const db = getDb();
	const member = await db.selectFrom('members').selectAll().where('householdId', '=', householdId).where('id', '=', memberId).executeTakeFirstOrThrow();
	const household = await db.selectFrom('households').selectAll().where('id', '=', householdId).executeTakeFirstOrThrow();
	const user = member.userId
		? await db.selectFrom('users').select(SESSION_USER_COLUMNS).where('id', '=', member.userId).executeTakeFirstOrThrow()
		: { id: randomUUID(), email: 'nobody@test.example', displayName: member.displayName, lastHouseholdId: null, locale: null };
	return { user, household, member };
}

export async function makeMember(admin: MemberContext, displayName: string, role: Role = 'adult', isAdmin = false) {
	return addMember(admin, { displayName, role, isAdmin });
}

/**
 * Three generations in small: the founder (admin), Bea (an adult with her own login, who
 * joined by invite) and Kid (a child without one), each as the guard would hand them.
 */
export async function makeHouseOfThree(name = 'Test House') {
	const admin = await makeHousehold(name);
	const { user } = await makeUser('Bea');
	const invite = await createInvite(admin, { role: 'adult' }, 'http://x');
	const { memberId } = await acceptInvite(user, invite.url.split('/invite/')[1]!);
	const bea = await contextFor(admin.household.id, memberId);
	const kid = await makeMember(admin, 'Kid', 'child');
	return { admin, bea, kid };
}
