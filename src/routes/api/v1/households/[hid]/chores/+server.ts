import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { createChore, listChores } from '$lib/server/api/spec/chores';
import { requireMember } from '$lib/server/households/guard';
import * as chores from '$lib/server/chores/chores';
import { listChores as choresOf } from '$lib/server/chores/queries';

export const GET = endpoint(listChores, async ({ event }) => {
	const { household } = await requireMember(event.params.hid!);
	return json({ items: await choresOf(household.id), nextCursor: null });
});

export const POST = endpoint(createChore, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	return json(await chores.createChore(context, body), { status: 201 });
});
