import { requireMember } from '$lib/server/households/guard';
import { listMyHouseholds } from '$lib/server/households/households';
import { rememberHouseholdCookie } from '$lib/server/auth/cookies';
import { unreadCount } from '$lib/server/notifications/inbox';
import type { LayoutServerLoad } from './$types';

// Frames every household page. It does not protect them: each page, action and
// endpoint below calls the guard itself.
export const load: LayoutServerLoad = async ({ params, cookies, url }) => {
	const context = await requireMember(params.hid);
	const { user, household, member } = context;
	// Read on every page (the path is read so a move to another page runs this again): the bell's count stays current.
	void url.pathname;
	const [households, unread] = await Promise.all([listMyHouseholds(user.id), unreadCount(context)]);
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
		households: households.map(({ id, name }) => ({ id, name })),
		unread
	};
};
