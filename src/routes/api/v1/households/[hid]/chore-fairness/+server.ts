import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { choreFairness } from '$lib/server/api/spec/chores';
import { requireMember } from '$lib/server/households/guard';
import * as figures from '$lib/server/chores/figures';

export const GET = endpoint(choreFairness, async ({ event, query }) => {
	const { household } = await requireMember(event.params.hid!);
	return json({ items: await figures.choreFairness(household, query.from, query.to) });
});
