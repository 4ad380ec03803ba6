import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { presentContextHousehold } from '$lib/server/api/present';
import { getHousehold } from '$lib/server/api/spec/households';
import { requireMember } from '$lib/server/households/guard';

export const GET = endpoint(getHousehold, async ({ event }) => {
	const context = await requireMember(event.params.hid!);
	return json(presentContextHousehold(context));
});
