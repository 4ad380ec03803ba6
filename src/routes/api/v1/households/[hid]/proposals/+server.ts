import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { createProposal, listProposals } from '$lib/server/api/spec/decisions';
import { requireMember } from '$lib/server/households/guard';
import * as proposals from '$lib/server/decisions/proposals';
import { listProposals as proposalPage, proposalPosition } from '$lib/server/decisions/proposal-list';
import { decodeCursor, page } from '$lib/server/api/pagination';

export const GET = endpoint(listProposals, async ({ event, query }) => {
	const { household } = await requireMember(event.params.hid!);
	const rows = await proposalPage(household.id, { status: query.status, after: decodeCursor(query.cursor, proposalPosition), limit: query.limit + 1 });
	const result = page(rows, query.limit, (last) => last.position);
	return json({ items: result.items.map(({ position: _position, ...proposal }) => proposal), nextCursor: result.nextCursor });
});

export const POST = endpoint(createProposal, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	const { id } = await proposals.createProposal(context, body);
	return json(await proposals.getProposal(context.household.id, id), { status: 201 });
});
