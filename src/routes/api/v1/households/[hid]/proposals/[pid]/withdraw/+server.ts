import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { withdrawProposal } from '$lib/server/api/spec/decisions';
import { requireMember } from '$lib/server/households/guard';
import * as proposals from '$lib/server/decisions/proposals';

export const POST = endpoint(withdrawProposal, async ({ event }) => {
	const context = await requireMember(event.params.hid!);
	await proposals.withdrawProposal(context, event.params.pid!);
	return json(await proposals.getProposal(context.household.id, event.params.pid!));
});
