/**
 * Home: what one member sees first (their chores, their money, votes waiting for them,
 * news since their last visit, and for admins what needs attention). Every part is the
 * household's data of today, so the whole is kept by the household cache per member.
 */
import { listActivity } from '$lib/server/activity/log';
import { listAbsences } from './absences';
import { listMembers } from './members';
import { keptForHousehold } from './household-cache';
import { plusDays, todayIn } from '$lib/dates';
import { getBalances } from '$lib/server/money/balances';
import { choreCalendar } from '$lib/server/chores/occurrences';
import { awaitingVoteOf } from '$lib/server/decisions/proposals';
import { needsAttention } from '$lib/server/sweeps';
import { sinceLastVisit } from '$lib/server/activity/seen';
import type { MemberContext } from './context';

export function dashboardOf(context: MemberContext) {
	return keptForHousehold(context.household, `dashboard|${context.member.id}`, () => readDashboard(context));
}

async function readDashboard(context: MemberContext) {
	const { household, member } = context;
	const today = todayIn(household.timezone);
	const [members, activity, absences, money, chores, awaitingVote, attention, news] = await Promise.all([
		listMembers(household.id),
		listActivity(household.id, { limit: 10 }),
		listAbsences(household.id, { endingOnOrAfter: today }),
		getBalances(household.id),
		// Overdue ones from the last fortnight, today's and the rest of the week's.
		choreCalendar(household, plusDays(today, -14), plusDays(today, 6), member.id),
		awaitingVoteOf(household.id, member.id),
		member.isAdmin ? needsAttention(household.id) : [],
		sinceLastVisit(context)
	]);
	const myChores = chores.filter((o) => o.assigneeMemberId === member.id && (o.status === 'overdue' || (o.dueOn >= today && o.status !== 'skipped')));
	const myNetMinor = money.balances.find((b) => b.memberId === member.id)?.netMinor ?? 0;
	const myTransfers = money.transfers.filter((t) => t.fromMemberId === member.id || t.toMemberId === member.id).slice(0, 3);
	return {
		members: members.filter((m) => m.active),
		allMembers: members,
		activity,
		absences,
		myNetMinor,
		myTransfers,
		myChores,
		awaitingVote,
		attention,
		news,
		balances: money.balances,
		today
	};
}
