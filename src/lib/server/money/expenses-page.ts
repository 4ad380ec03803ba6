/**
 * The expense list page: a page of expenses (filtered, from a position), the filter's
 * count and total, and what the add form offers. The household's data only, so it is
 * kept by the household cache per filter and position.
 */
import type { MemberContext } from '$lib/server/households/context';
import { keptForHousehold } from '$lib/server/households/household-cache';
import { encodeCursor } from '$lib/server/api/pagination';
import { listExpenses, sumExpenses, type ExpenseFilter, type ExpensePosition } from './expense-queries';
import { expenseFormOptions } from './form-data';
import { fundNames } from '$lib/server/funds/history';

const PAGE_SIZE = 30;

export function expensesPage({ household }: MemberContext, filter: ExpenseFilter, after?: ExpensePosition) {
	const view = `expenses|${JSON.stringify(filter)}|${after ? encodeCursor(after) : ''}`;
	return keptForHousehold(household, view, async () => {
		const [rows, totals, options, funds] = await Promise.all([
			listExpenses(household.id, filter, PAGE_SIZE + 1, after),
			sumExpenses(household.id, filter),
			expenseFormOptions(household.id),
			fundNames(household.id)
		]);
		const items = rows.slice(0, PAGE_SIZE).map(({ position: _position, ...expense }) => expense);
		const next = rows.length > PAGE_SIZE ? encodeCursor(rows[PAGE_SIZE - 1]!.position) : null;
		return { items, next, totals, funds, ...options };
	});
}
