import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { editProposal, getProposal } from '$lib/server/api/spec/decisions';
import { requireMember } from '$lib/server/households/guard';
import * as proposals from '$lib/server/decisions/proposals';

export const GET = endpoint(getProposal, async ({ event }) => {
	const { household } = await requireMember(event.params.hid!);
	return json(await proposals.getProposal(household.id, event.params.pid!));
});

export const PATCH = endpoint(editProposal, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	await proposals.editProposal(context, event.params.pid!, body);
	return json(await proposals.getProposal(context.household.id, event.params.pid!));
});
