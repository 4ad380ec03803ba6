import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { createRecurring, listRecurring } from '$lib/server/api/spec/money';
import { requireMember } from '$lib/server/households/guard';
import * as recurring from '$lib/server/money/recurring';

export const GET = endpoint(listRecurring, async ({ event }) => {
	const { household } = await requireMember(event.params.hid!);
	return json({ items: await recurring.listRecurring(household.id, household.timezone), nextCursor: null });
});

export const POST = endpoint(createRecurring, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	return json(await recurring.createRecurring(context, body), { status: 201 });
});
