import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { createSettlement } from '$lib/server/api/spec/money';
import { requireMember } from '$lib/server/households/guard';
import { recordSettlement } from '$lib/server/money/balances';

export const POST = endpoint(createSettlement, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	return json(await recordSettlement(context, body), { status: 201 });
});
