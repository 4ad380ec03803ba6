import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { castVote } from '$lib/server/api/spec/decisions';
import { requireMember } from '$lib/server/households/guard';
import * as proposals from '$lib/server/decisions/proposals';

export const POST = endpoint(castVote, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	await proposals.castVote(context, event.params.pid!, body);
	return json(await proposals.getProposal(context.household.id, event.params.pid!));
});
