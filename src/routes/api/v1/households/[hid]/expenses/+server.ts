import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { expensePosition as position } from '$lib/server/money/schemas';
import { decodeCursor, page } from '$lib/server/api/pagination';
import { createExpense, listExpenses } from '$lib/server/api/spec/money';
import { requireMember } from '$lib/server/households/guard';
import * as expenses from '$lib/server/money/expenses';
import * as expenseQueries from '$lib/server/money/expense-queries';

const withoutPosition = ({ position: _position, ...expense }: expenseQueries.Expense & { position: unknown }) => expense;

export const GET = endpoint(listExpenses, async ({ event, query }) => {
	const { household } = await requireMember(event.params.hid!);
	const { limit, cursor, ...filter } = query;
	const rows = await expenseQueries.listExpenses(household.id, filter, limit + 1, decodeCursor(cursor, position));
	const result = page(rows, limit, (last) => last.position);
	return json({ items: result.items.map(withoutPosition), nextCursor: result.nextCursor });
});

export const POST = endpoint(createExpense, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	return json(await expenses.createExpense(context, body), { status: 201 });
});
