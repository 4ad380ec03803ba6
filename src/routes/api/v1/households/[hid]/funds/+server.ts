import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { createFund, listFunds } from '$lib/server/api/spec/funds';
import { requireAdmin, requireMember } from '$lib/server/households/guard';
import * as funds from '$lib/server/funds/funds';

export const GET = endpoint(listFunds, async ({ event }) => {
	const { household } = await requireMember(event.params.hid!);
	return json({ items: await funds.listFunds(household.id, household.timezone) });
});

export const POST = endpoint(createFund, async ({ event, body }) => {
	const context = await requireAdmin(event.params.hid!);
	return json(await funds.createFund(context, body), { status: 201 });
});
