import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { addComment, listComments } from '$lib/server/api/spec/decisions';
import { requireMember } from '$lib/server/households/guard';
import * as comments from '$lib/server/decisions/comments';
import { getProposal } from '$lib/server/decisions/proposals';

export const GET = endpoint(listComments, async ({ event }) => {
	const { household } = await requireMember(event.params.hid!);
	// Reading the proposal first answers 404 for one that is not this household's.
	await getProposal(household.id, event.params.pid!);
	return json({ items: await comments.listComments(household.id, event.params.pid!), nextCursor: null });
});

export const POST = endpoint(addComment, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	return json(await comments.addComment(context, event.params.pid!, body.body), { status: 201 });
});
