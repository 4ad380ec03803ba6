import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { getFund, updateFund } from '$lib/server/api/spec/funds';
import { requireAdmin, requireMember } from '$lib/server/households/guard';
import * as funds from '$lib/server/funds/funds';

export const GET = endpoint(getFund, async ({ event }) => {
	const { household } = await requireMember(event.params.hid!);
	return json(await funds.getFund(household.id, event.params.fund!, household.timezone));
});

export const PATCH = endpoint(updateFund, async ({ event, body }) => {
	const context = await requireAdmin(event.params.hid!);
	return json(await funds.updateFund(context, event.params.fund!, body));
});
