import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { getBalances } from '$lib/server/api/spec/money';
import { requireMember } from '$lib/server/households/guard';
import * as balances from '$lib/server/money/balances';

export const GET = endpoint(getBalances, async ({ event }) => {
	const { household } = await requireMember(event.params.hid!);
	return json({ currency: household.currency, ...(await balances.getBalances(household.id)) });
});
