import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { closeProposal } from '$lib/server/api/spec/decisions';
import { requireMember } from '$lib/server/households/guard';
import * as proposals from '$lib/server/decisions/proposals';
import { closeProposal as close } from '$lib/server/decisions/closing';

export const POST = endpoint(closeProposal, async ({ event }) => {
	const context = await requireMember(event.params.hid!);
	await close(context, event.params.pid!);
	return json(await proposals.getProposal(context.household.id, event.params.pid!));
});
