/**
 * The list of proposals, a page at a time: open ones closing soonest first, then closed
 * ones newest first, each part read in the order of its own index (no sort of the whole
 * history), from a position (keyset) so a page deep in the past costs what the first does.
 */
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import type { Proposal } from '$lib/decisions/model';
import { loadProposals } from './proposals';

/** Where a page ended: in the open part (by closing time) or the closed part (by closing day). */
export const proposalPosition = z.object({ open: z.boolean(), at: z.iso.datetime({ offset: true }), id: z.uuid() });
export type ProposalPosition = z.infer<typeof proposalPosition>;

export interface ProposalListOptions {
	status?: 'open' | 'closed';
	/** The position of the last proposal already shown. */
	after?: ProposalPosition;
	/** How many to read; ask for one more than a page shows to know whether another follows. */
	limit: number;
	/** Whether open proposals need their running count (the list page shows none). */
	runningCounts?: boolean;
}

export async function listProposals(householdId: string, options: ProposalListOptions): Promise<Array<Proposal & { position: ProposalPosition }>> {
	const { status, after, limit } = options;
	const db = getDb();
	const open =
		status === 'closed' || (after && !after.open)
			? []
			: await db
					.selectFrom('proposals')
					.select(['id', 'closesAt as at'])
					.where('householdId', '=', householdId)
					.where('status', '=', 'open')
					.$if(after !== undefined, (q) => q.where((eb) => eb(eb.refTuple('closesAt', 'id'), '>', eb.tuple(new Date(after!.at), after!.id))))
					.orderBy('closesAt')
					.orderBy('id')
					.limit(limit)
					.execute();
	const room = limit - open.length;
	const closed =
		status === 'open' || room <= 0
			? []
			: await db
					.selectFrom('proposals')
					.select(['id', 'closedAt as at'])
					.where('householdId', '=', householdId)
					.where('status', '!=', 'open')
					.$if(after !== undefined && !after.open, (q) => q.where((eb) => eb(eb.refTuple('closedAt', 'id'), '<', eb.tuple(new Date(after!.at), after!.id))))
					.orderBy('closedAt', 'desc')
					.orderBy('id', 'desc')
					.limit(room)
					.execute();
	const positions = new Map<string, ProposalPosition>([
		...open.map((r) => [r.id, { open: true, at: r.at.toISOString(), id: r.id }] as const),
		// Closed ones always have a closing time (a check in the table says so).
		...closed.map((r) => [r.id, { open: false, at: r.at!.toISOString(), id: r.id }] as const)
	]);
	const proposals = await loadProposals(householdId, [...positions.keys()], { runningCounts: options.runningCounts ?? true });
	return proposals.map((proposal) => ({ ...proposal, position: positions.get(proposal.id)! }));
}

/** Every proposal, a page at a time (for the CSV): bounded memory per page, all of them in the end. */
export async function* allProposals(householdId: string, pageSize = 500): AsyncGenerator<Proposal[]> {
	let after: ProposalPosition | undefined;
	for (;;) {
		const rows = await listProposals(householdId, { after, limit: pageSize });
		if (rows.length) yield rows;
		if (rows.length < pageSize) return;
		after = rows[rows.length - 1]!.position;
	}
}
