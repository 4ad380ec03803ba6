import { listActivity } from '$lib/server/activity/log';
import { requireMember } from '$lib/server/households/guard';
import { listAbsences } from '$lib/server/households/absences';
import { listMembers } from '$lib/server/households/members';
import { plusDays, todayIn } from '$lib/dates';
import { getBalances } from '$lib/server/money/balances';
import { requestLocale } from '$lib/server/request';
import { z } from 'zod';
import { formAction } from '$lib/server/forms';
import { actOnOccurrence, choreCalendar } from '$lib/server/chores/occurrences';
import { awaitingVoteOf } from '$lib/server/decisions/proposals';
import { needsAttention } from '$lib/server/sweeps';
import { markActivitySeen, sinceLastVisit } from '$lib/server/activity/seen';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, request }) => {
	const context = await requireMember(params.hid);
	const { household, member } = context;
	const today = todayIn(household.timezone);
	const [members, activity, absences, money, chores, awaitingVote, attention, news] = await Promise.all([
		listMembers(household.id),
		listActivity(household.id, { limit: 10 }),
		listAbsences(household.id, { endingOnOrAfter: todayIn(household.timezone) }),
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
		today,
		locale: requestLocale(request)
	};
};

export const actions: Actions = {
	/** One tap on the dashboard: done, by me. */
	complete: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'occurrence', z.object({ choreId: z.string(), dueOn: z.string() }), ({ choreId, dueOn }) =>
			actOnOccurrence(context, choreId, dueOn, { kind: 'complete' })
		);
	},
	/** Leaving Home (sent by the page) or "Got it": what was shown counts as seen. */
	seen: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'seen', z.object({ through: z.coerce.number().int().min(0) }), ({ through }) =>
			markActivitySeen(context, through).then(() => true as const)
		);
	}
};
