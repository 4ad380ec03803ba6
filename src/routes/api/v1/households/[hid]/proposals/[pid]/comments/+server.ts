import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { addComment } from '$lib/server/api/spec/decisions';
import { requireMember } from '$lib/server/households/guard';
import * as proposals from '$lib/server/decisions/proposals';

export const POST = endpoint(addComment, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	return json(await proposals.addComment(context, event.params.pid!, body.body), { status: 201 });
});
