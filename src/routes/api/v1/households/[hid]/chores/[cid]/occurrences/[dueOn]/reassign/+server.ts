import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { reassignOccurrence } from '$lib/server/api/spec/chores';
import { requireMember } from '$lib/server/households/guard';
import { actOnOccurrence } from '$lib/server/chores/occurrences';

export const POST = endpoint(reassignOccurrence, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	return json(await actOnOccurrence(context, event.params.cid!, event.params.dueOn!, { kind: 'reassign', memberId: body.memberId }));
});
