/** Reading expenses: one, a filtered page (keyset), and a filtered count and sum. */
import type { ExpressionBuilder, Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { getDb } from '$lib/server/db';
import type { Database, ExpenseRow } from '$lib/server/db/schema';
import { notFound } from '$lib/server/errors';
import { isUuid } from '$lib/server/ids';
import type { Expense } from '$lib/money/model';
import { m } from '$lib/paraglide/messages';

export type { Expense };

export async function getExpense(householdId: string, expenseId: string): Promise<Expense> {
	if (!isUuid(expenseId)) throw notFound(m.thing_expense);
	return loadExpense(getDb(), householdId, expenseId);
}

export async function loadExpense(db: Kysely<Database>, householdId: string, expenseId: string): Promise<Expense> {
	const row = await db
		.selectFrom('expenses')
		.selectAll()
		.select(withLines)
		.where('householdId', '=', householdId)
		.where('id', '=', expenseId)
		.executeTakeFirst();
	if (!row) throw notFound(m.thing_expense);
	return present(row);
}

/** Who paid and who owes what, nested in the expense's own row (one statement, by member). */
function withLines(eb: ExpressionBuilder<Database, 'expenses'>) {
	const lines = (table: 'expensePayers' | 'expenseShares') =>
		jsonArrayFrom(
			eb
				.selectFrom(table)
				.select(['memberId', 'amountMinor'])
				.whereRef('householdId', '=', 'expenses.householdId')
				.whereRef('expenseId', '=', 'expenses.id')
				.orderBy('memberId')
		);
	return [lines('expensePayers').as('payers'), lines('expenseShares').as('shares')];
}

function present(row: ExpenseRow & Pick<Expense, 'payers' | 'shares'>): Expense {
	return {
		id: row.id,
		version: row.version,
		description: row.description,
		amountMinor: row.amountMinor,
		spentOn: row.spentOn,
		category: row.category,
		notes: row.notes,
		payers: row.payers,
		split: { mode: row.splitMode, parts: row.splitParts },
		shares: row.shares,
		createdByMemberId: row.createdByMemberId,
		deleted: row.deletedAt !== null,
		fundId: row.fundId
	};
}

export interface ExpenseFilter {
	from?: string;
	to?: string;
	category?: string;
	memberId?: string;
	q?: string;
}

export interface ExpensePosition {
	spentOn: string;
	createdAt: string;
	id: string;
}

/**
 * Newest first by (day, creation, id), paged by keyset: a page deep in history costs
 * the same as the first. A member filter matches who paid or who shares.
 */
function filtered(householdId: string, filter: ExpenseFilter) {
	let query = getDb().selectFrom('expenses').where('expenses.householdId', '=', householdId).where('deletedAt', 'is', null);
	if (filter.from) query = query.where('spentOn', '>=', filter.from);
	if (filter.to) query = query.where('spentOn', '<=', filter.to);
	if (filter.category) query = query.where('category', '=', filter.category);
	if (filter.q) query = query.where('description', 'ilike', `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
	if (filter.memberId) {
		const memberId = filter.memberId;
		// Who paid or who shares: the expense ids of either kind of line naming them.
		query = query.where('expenses.id', 'in', (eb) =>
			eb
				.selectFrom('expensePayers')
				.select('expenseId')
				.where('householdId', '=', householdId)
				.where('memberId', '=', memberId)
				.union(eb.selectFrom('expenseShares').select('expenseId').where('householdId', '=', householdId).where('memberId', '=', memberId))
		);
	}
	return query;
}

/** Count and sum of the expenses a filter matches, summed by Postgres. */
export async function sumExpenses(householdId: string, filter: ExpenseFilter): Promise<{ count: number; totalMinor: number }> {
	if (!Object.values(filter).some((value) => value !== undefined && value !== '')) {
		// Unfiltered: the totals the triggers keep (migrations 09 and 19: a sum of stripes), not a scan of every expense.
		const kept = await getDb()
			.selectFrom('householdExpenseTotals')
			.select((eb) => [eb.fn.sum<string>('expenseCount').as('expenseCount'), eb.fn.sum<string>('totalMinor').as('totalMinor')])
			.where('householdId', '=', householdId)
			.executeTakeFirst();
		return { count: Number(kept?.expenseCount ?? 0), totalMinor: Number(kept?.totalMinor ?? 0) };
	}
	const row = await filtered(householdId, filter)
		.select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.coalesce(eb.fn.sum<string>('amountMinor'), eb.lit(0)).as('total')])
		.executeTakeFirstOrThrow();
	return { count: Number(row.count), totalMinor: Number(row.total) };
}

export async function listExpenses(
	householdId: string,
	filter: ExpenseFilter,
	limit: number,
	after?: ExpensePosition
): Promise<Array<Expense & { position: ExpensePosition }>> {
	let query = filtered(householdId, filter).selectAll().select(withLines);
	if (after) {
		query = query.where((eb) => eb(eb.refTuple('spentOn', 'createdAt', 'id'), '<', eb.tuple(after.spentOn, new Date(after.createdAt), after.id)));
	}
	const rows = await query.orderBy('spentOn', 'desc').orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
	return rows.map((row) => ({ ...present(row), position: { spentOn: row.spentOn, createdAt: row.createdAt.toISOString(), id: row.id } }));
}
