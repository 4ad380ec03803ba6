/**
 * The proposals page: a page of the list (open ones by closing time, then closed ones
 * newest first) with only what the list shows, kept by the household cache per member.
 */
import type { MemberContext } from '$lib/server/households/context';
import { keptForHousehold } from '$lib/server/households/household-cache';
import { listMembers } from '$lib/server/households/members';
import { encodeCursor } from '$lib/server/api/pagination';
import { outcomeHeadline } from '$lib/decisions/labels';
import { awaitingVoteOf } from './proposals';
import { listProposals, type ProposalPosition } from './proposal-list';

const PAGE_SIZE = 50;

export interface ProposalsQuery {
	status?: 'open' | 'closed';
	/** The position after which this page starts (a cursor the page gave out). */
	after?: ProposalPosition;
}

export function proposalsPage(context: MemberContext, query: ProposalsQuery) {
	const view = `proposals|${context.member.id}|${query.status ?? 'all'}|${query.after ? encodeCursor(query.after) : ''}`;
	return keptForHousehold(context.household, view, () => readProposalsPage(context, query));
}

async function readProposalsPage({ household, member }: MemberContext, { status, after }: ProposalsQuery) {
	const [found, awaiting, members] = await Promise.all([
		listProposals(household.id, { status, after, limit: PAGE_SIZE + 1, runningCounts: false }),
		awaitingVoteOf(household.id, member.id),
		listMembers(household.id)
	]);
	// Only what the list shows goes to the page: bodies and tallies (every ranked round) stay on the server.
	const names = new Map(members.map((m) => [m.id, m.displayName]));
	const nameOf = (id: string) => names.get(id) ?? 'someone';
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
}
