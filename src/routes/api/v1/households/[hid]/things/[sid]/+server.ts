import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { getThing, updateThing } from '$lib/server/api/spec/commons';
import { requireAdmin, requireMember } from '$lib/server/households/guard';
import * as things from '$lib/server/commons/things';

export const GET = endpoint(getThing, async ({ event }) => {
	const { household } = await requireMember(event.params.hid!);
	return json(await things.getThing(household.id, event.params.sid!));
});

export const PATCH = endpoint(updateThing, async ({ event, body }) => {
	const context = await requireAdmin(event.params.hid!);
	return json(await things.updateThing(context, event.params.sid!, body));
});
