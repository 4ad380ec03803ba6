import type { Household } from '$lib/server/db/schema';
import type { Member } from '$lib/server/households/members';
import type { MemberContext } from '$lib/server/households/context';

/** The API's Household: the household plus where the caller stands in it. */
export function presentHousehold(household: Household, me: { memberId: string; isAdmin: boolean }) {
	return { id: household.id, name: household.name, currency: household.currency, timezone: household.timezone, locale: household.locale, me };
}

export function presentContextHousehold(context: MemberContext) {
	return presentHousehold(context.household, { memberId: context.member.id, isAdmin: context.member.isAdmin });
}

export function presentMember(member: Member) {
	const { id, displayName, role, isAdmin, userId, shareWeight, choreCapacity, active, version, locale, guardianMemberId, reminderEmail } = member;
	return { id, displayName, role, isAdmin, userId, shareWeight, choreCapacity, active, version, locale, guardianMemberId, reminderEmail };
}
