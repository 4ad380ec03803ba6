/** Reading expenses: one, a filtered page (keyset), and a filtered count and sum. */
import type { Kysely } from 'kysely';
import { getDb } from '$lib/server/db';
import type { Database, ExpenseRow } from '$lib/server/db/schema';
import { notFound } from '$lib/server/errors';
import { isUuid } from '$lib/server/ids';
import type { Expense, MoneyLine } from '$lib/money/model';

export type { Expense };

export async function getExpense(householdId: string, expenseId: string): Promise<Expense> {
	if (!isUuid(expenseId)) throw notFound('That expense');
	return loadExpense(getDb(), householdId, expenseId);
}

export async function loadExpense(db: Kysely<Database>, householdId: string, expenseId: string): Promise<Expense> {
	const row = await db.selectFrom('expenses').selectAll().where('householdId', '=', householdId).where('id', '=', expenseId).executeTakeFirst();
	if (!row) throw notFound('That expense');
	const { payersOf, sharesOf } = await linesOf(db, householdId, [expenseId]);
	return present(row, payersOf.get(expenseId) ?? [], sharesOf.get(expenseId) ?? []);
}

function present(row: ExpenseRow, payers: Expense['payers'], shares: Expense['shares']): Expense {
	return {
		id: row.id,
		version: row.version,
		description: row.description,
		amountMinor: row.amountMinor,
		spentOn: row.spentOn,
		category: row.category,
		notes: row.notes,
		payers,
		split: { mode: row.splitMode, parts: row.splitParts },
		shares,
		createdByMemberId: row.createdByMemberId,
		deleted: row.deletedAt !== null
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
		// Unfiltered: the totals the triggers keep (migration 09), not a scan of every expense.
		const kept = await getDb()
			.selectFrom('householdExpenseTotals')
			.select(['expenseCount', 'totalMinor'])
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
	const db = getDb();
	let query = filtered(householdId, filter).selectAll();
	if (after) {
		query = query.where((eb) => eb(eb.refTuple('spentOn', 'createdAt', 'id'), '<', eb.tuple(after.spentOn, new Date(after.createdAt), after.id)));
	}
	const rows = await query.orderBy('spentOn', 'desc').orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
	if (rows.length === 0) return [];
	const { payersOf, sharesOf } = await linesOf(
		db,
		householdId,
		rows.map((r) => r.id)
	);
	return rows.map((row) => ({
		...present(row, payersOf.get(row.id) ?? [], sharesOf.get(row.id) ?? []),
		position: { spentOn: row.spentOn, createdAt: row.createdAt.toISOString(), id: row.id }
	}));
}

/** Who paid and who owes what, of these expenses, by expense (by member within each). */
async function linesOf(db: Kysely<Database>, householdId: string, expenseIds: string[]) {
	const read = (table: 'expensePayers' | 'expenseShares') =>
		db
			.selectFrom(table)
			.select(['expenseId', 'memberId', 'amountMinor'])
			.where('householdId', '=', householdId)
			.where('expenseId', 'in', expenseIds)
			.orderBy('memberId')
			.execute();
	const [payers, shares] = await Promise.all([read('expensePayers'), read('expenseShares')]);
	return { payersOf: byExpense(payers), sharesOf: byExpense(shares) };
}

/** Lines grouped by expense in one pass (a filter per expense would grow with page × lines). */
function byExpense(lines: Array<MoneyLine & { expenseId: string }>): Map<string, MoneyLine[]> {
	const grouped = new Map<string, MoneyLine[]>();
	for (const { expenseId, memberId, amountMinor } of lines) {
		const list = grouped.get(expenseId);
		if (list) list.push({ memberId, amountMinor });
		else grouped.set(expenseId, [{ memberId, amountMinor }]);
	}
	return grouped;
}
