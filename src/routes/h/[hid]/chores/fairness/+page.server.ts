import { plusDays, todayIn } from '$lib/dates';
import { requireMember } from '$lib/server/households/guard';
import { listMembers } from '$lib/server/households/members';
import { choreFairness } from '$lib/server/chores/figures';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { household } = await requireMember(params.hid);
	const today = todayIn(household.timezone);
	const [last30, last90, members] = await Promise.all([
		choreFairness(household, plusDays(today, -29), today),
		choreFairness(household, plusDays(today, -89), today),
		listMembers(household.id)
	]);
	return {
		periods: [
			{ days: 30, rows: last30 },
			{ days: 90, rows: last90 }
		],
		members: members.map(({ id, displayName, choreCapacity }) => ({ id, displayName, choreCapacity }))
	};
};
