import { requireMember } from '$lib/server/households/guard';
import { listMembers } from '$lib/server/households/members';
import { awaitingVoteOf, listProposals } from '$lib/server/decisions/proposals';
import { outcomeHeadline } from '$lib/decisions/labels';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const { household, member } = await requireMember(params.hid);
	const wanted = url.searchParams.get('status');
	const status = wanted === 'open' || wanted === 'closed' ? wanted : undefined;
	const [proposals, awaiting, members] = await Promise.all([
		listProposals(household.id, status),
		awaitingVoteOf(household.id, member.id),
		listMembers(household.id)
	]);
	// Only what the list shows goes to the page: bodies and tallies (every ranked round) stay on the server.
	const nameOf = (id: string) => members.find((m) => m.id === id)?.displayName ?? 'someone';
	const rows = proposals.map((p) => ({
		id: p.id,
		title: p.title,
		kind: p.kind,
		status: p.status,
		headline: outcomeHeadline({
			status: p.status,
			winnerLabel: p.options.find((o) => o.id === p.outcome?.winnerOptionId)?.label,
			blockedBy: p.blockedByMemberIds.map(nameOf)
		}),
		closesAt: p.closesAt,
		votedCount: p.votedCount,
		eligibleCount: p.eligibleCount,
		reason: p.reason,
		spendsMoney: p.linkedExpense !== null
	}));
	return {
		proposals: rows,
		awaitingIds: awaiting.map((p) => p.id),
		status: status ?? 'all',
		members: members.map((m) => ({ id: m.id, displayName: m.displayName }))
	};
};
