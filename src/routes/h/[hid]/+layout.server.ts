import { requireMember } from '$lib/server/households/guard';
import { listMyHouseholds } from '$lib/server/households/households';
import { rememberHouseholdCookie } from '$lib/server/auth/cookies';
import type { LayoutServerLoad } from './$types';

// Frames every household page. It does not protect them: each page, action and
// endpoint below calls the guard itself.
export const load: LayoutServerLoad = async ({ params, cookies }) => {
	const { user, household, member } = await requireMember(params.hid);
	const households = await listMyHouseholds(user.id);
	rememberHouseholdCookie(cookies, household.id);
	return {
		household: {
			id: household.id,
			name: household.name,
			currency: household.currency,
			timezone: household.timezone,
			demoExpiresAt: household.demoExpiresAt?.toISOString() ?? null
		},
		me: { memberId: member.id, isAdmin: member.isAdmin, displayName: member.displayName },
		households: households.map(({ id, name }) => ({ id, name }))
	};
};
