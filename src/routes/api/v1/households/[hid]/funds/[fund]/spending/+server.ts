import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { spendFromFund } from '$lib/server/api/spec/funds';
import { requireMember } from '$lib/server/households/guard';
import * as funds from '$lib/server/funds/funds';

export const POST = endpoint(spendFromFund, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	return json(await funds.spendFromFund(context, event.params.fund!, body), { status: 201 });
});
