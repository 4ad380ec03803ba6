import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { deleteExpense, getExpense, updateExpense } from '$lib/server/api/spec/money';
import { requireMember } from '$lib/server/households/guard';
import * as expenses from '$lib/server/money/expenses';
import * as expenseQueries from '$lib/server/money/expense-queries';

export const GET = endpoint(getExpense, async ({ event }) => {
	const { household } = await requireMember(event.params.hid!);
	return json(await expenseQueries.getExpense(household.id, event.params.eid!));
});

export const PATCH = endpoint(updateExpense, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	return json(await expenses.updateExpense(context, event.params.eid!, body));
});

export const DELETE = endpoint(deleteExpense, async ({ event }) => {
	const context = await requireMember(event.params.hid!);
	await expenses.setExpenseDeleted(context, event.params.eid!, true);
	return new Response(null, { status: 204 });
});
