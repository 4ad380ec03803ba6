import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { completeOccurrence } from '$lib/server/api/spec/chores';
import { requireMember } from '$lib/server/households/guard';
import { actOnOccurrence } from '$lib/server/chores/occurrences';

export const POST = endpoint(completeOccurrence, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	return json(await actOnOccurrence(context, event.params.cid!, event.params.dueOn!, { kind: 'complete', doneByMemberId: body.doneByMemberId }));
});
