import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { addContribution, listContributions } from '$lib/server/api/spec/funds';
import { requireMember } from '$lib/server/households/guard';
import { contribute } from '$lib/server/funds/funds';
import { fundContributions } from '$lib/server/funds/history';

export const GET = endpoint(listContributions, async ({ event }) => {
	const { household } = await requireMember(event.params.hid!);
	return json({ items: await fundContributions(household.id, event.params.fund!) });
});

export const POST = endpoint(addContribution, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	return json(await contribute(context, event.params.fund!, body), { status: 201 });
});
