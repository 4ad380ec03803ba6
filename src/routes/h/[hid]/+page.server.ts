import { listActivity } from '$lib/server/activity/log';
import { requireMember } from '$lib/server/households/guard';
import { listAbsences } from '$lib/server/households/absences';
import { listMembers } from '$lib/server/households/members';
import { todayIn } from '$lib/dates';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { household } = await requireMember(params.hid);
	const [members, activity, absences] = await Promise.all([
		listMembers(household.id),
		listActivity(household.id, { limit: 10 }),
		listAbsences(household.id, { endingOnOrAfter: todayIn(household.timezone) })
	]);
	return { members: members.filter((m) => m.active), activity, absences };
};
