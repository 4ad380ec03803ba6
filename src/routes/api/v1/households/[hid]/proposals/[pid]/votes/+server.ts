import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { castVote } from '$lib/server/api/spec/decisions';
import { requireMember } from '$lib/server/households/guard';
import * as proposals from '$lib/server/decisions/proposals';
import { castVote as vote } from '$lib/server/decisions/votes';

export const POST = endpoint(castVote, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	await vote(context, event.params.pid!, body);
	return json(await proposals.getProposal(context.household.id, event.params.pid!));
});
