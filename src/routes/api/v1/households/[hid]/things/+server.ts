import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { createThing, listThings } from '$lib/server/api/spec/commons';
import { requireAdmin, requireMember } from '$lib/server/households/guard';
import * as things from '$lib/server/commons/things';

export const GET = endpoint(listThings, async ({ event }) => {
	const { household } = await requireMember(event.params.hid!);
	return json({ items: await things.listThings(household.id) });
});

export const POST = endpoint(createThing, async ({ event, body }) => {
	const context = await requireAdmin(event.params.hid!);
	return json(await things.createThing(context, body), { status: 201 });
});
