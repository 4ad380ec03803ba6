import { listActivity } from '$lib/server/activity/log';
import { requireMember } from '$lib/server/households/guard';
import { runDueRecurring } from '$lib/server/money/recurring';
import { listAbsences } from '$lib/server/households/absences';
import { listMembers } from '$lib/server/households/members';
import { todayIn } from '$lib/dates';
import { getBalances } from '$lib/server/money/balances';
import { requestLocale } from '$lib/server/request';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, request }) => {
	const { household, member } = await requireMember(params.hid);
	// After downtime the job may not have run: catch up before showing money.
	await runDueRecurring(household.id);
	const [members, activity, absences, money] = await Promise.all([
		listMembers(household.id),
		listActivity(household.id, { limit: 10 }),
		listAbsences(household.id, { endingOnOrAfter: todayIn(household.timezone) }),
		getBalances(household.id)
	]);
	const myNetMinor = money.balances.find((b) => b.memberId === member.id)?.netMinor ?? 0;
	const myTransfers = money.transfers.filter((t) => t.fromMemberId === member.id || t.toMemberId === member.id).slice(0, 3);
	return { members: members.filter((m) => m.active), allMembers: members, activity, absences, myNetMinor, myTransfers, locale: requestLocale(request) };
};
