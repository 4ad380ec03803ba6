import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { createProposal, listProposals } from '$lib/server/api/spec/decisions';
import { requireMember } from '$lib/server/households/guard';
import * as proposals from '$lib/server/decisions/proposals';

export const GET = endpoint(listProposals, async ({ event, query }) => {
	const { household } = await requireMember(event.params.hid!);
	return json({ items: await proposals.listProposals(household.id, query.status), nextCursor: null });
});

export const POST = endpoint(createProposal, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	const { id } = await proposals.createProposal(context, body);
	return json(await proposals.getProposal(context.household.id, id), { status: 201 });
});
