import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { restoreExpense } from '$lib/server/api/spec/money';
import { requireMember } from '$lib/server/households/guard';
import * as expenses from '$lib/server/money/expenses';

export const POST = endpoint(restoreExpense, async ({ event }) => {
	const context = await requireMember(event.params.hid!);
	return json(await expenses.setExpenseDeleted(context, event.params.eid!, false));
});
