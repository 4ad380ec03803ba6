import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { updateChore } from '$lib/server/api/spec/chores';
import { requireMember } from '$lib/server/households/guard';
import * as chores from '$lib/server/chores/chores';

export const PATCH = endpoint(updateChore, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	return json(await chores.updateChore(context, event.params.cid!, body));
});
