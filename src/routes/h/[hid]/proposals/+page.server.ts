import { requireMember } from '$lib/server/households/guard';
import { listMembers } from '$lib/server/households/members';
import { awaitingVoteOf } from '$lib/server/decisions/proposals';
import { listProposals, proposalPosition, type ProposalPosition } from '$lib/server/decisions/proposal-list';
import { decodeCursor, encodeCursor } from '$lib/server/api/pagination';
import { DomainError } from '$lib/server/errors';
import { outcomeHeadline } from '$lib/decisions/labels';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ params, url }) => {
	const { household, member } = await requireMember(params.hid);
	const wanted = url.searchParams.get('status');
	const status = wanted === 'open' || wanted === 'closed' ? wanted : undefined;
	let after: ProposalPosition | undefined;
	try {
		after = decodeCursor(url.searchParams.get('after') ?? undefined, proposalPosition);
	} catch (error) {
		// A position that is not one we gave out: the first page.
		if (!(error instanceof DomainError)) throw error;
	}
	const [found, awaiting, members] = await Promise.all([
		listProposals(household.id, { status, after, limit: PAGE_SIZE + 1, runningCounts: false }),
		awaitingVoteOf(household.id, member.id),
		listMembers(household.id)
	]);
	// Only what the list shows goes to the page: bodies and tallies (every ranked round) stay on the server.
	const nameOf = (id: string) => members.find((m) => m.id === id)?.displayName ?? 'someone';
	const proposals = found.slice(0, PAGE_SIZE);
	const next = found.length > PAGE_SIZE ? encodeCursor(proposals[PAGE_SIZE - 1]!.position) : null;
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
		next,
		/** A page after the first: its open part may be empty without nothing being open. */
		later: after !== undefined,
		awaitingIds: awaiting.map((p) => p.id),
		status: status ?? 'all',
		members: members.map((m) => ({ id: m.id, displayName: m.displayName }))
	};
};
