/**
 * CSV exports of the money pages. Quoting is csv-stringify's; the expense export streams
 * in keyset-paged batches, so a house with years of history does not fill the memory.
 */
import { toCsv } from '$lib/server/csv';
import type { Household } from '$lib/server/db/schema';
import { listMembers, type Member } from '$lib/server/households/members';
import { textStream } from '$lib/server/streams';
import { minorToInput } from '$lib/money/format';
import { listCategories } from './categories';
import { getBalances } from './balances';
import { listExpenses, type ExpenseFilter, type ExpensePosition } from './expense-queries';

const BATCH = 500;

export async function expensesCsv(household: Household, filter: ExpenseFilter): Promise<ReadableStream<Uint8Array>> {
	const [members, categories] = await Promise.all([listMembers(household.id), listCategories(household.id)]);
	return textStream(expenseCsvText(household, filter, members, categories));
}

async function* expenseCsvText(
	household: Household,
	filter: ExpenseFilter,
	members: Member[],
	categories: Array<{ key: string; name: string }>
): AsyncGenerator<string> {
	const amount = (minor: number) => minorToInput(minor, household.currency);
	const categoryName = new Map(categories.map((c) => [c.key, c.name]));
	const memberName = new Map(members.map((m) => [m.id, m.displayName]));
	yield toCsv([['date', 'description', 'category', 'currency', 'amount', 'paid by', ...members.map((m) => `owes: ${m.displayName}`), 'notes']]);
	let after: ExpensePosition | undefined;
	for (;;) {
		const rows = await listExpenses(household.id, filter, BATCH, after);
		if (rows.length === 0) return;
		after = rows[rows.length - 1]!.position;
		const lines = rows.map((e) => {
			const shares = new Map(e.shares.map((s) => [s.memberId, s.amountMinor]));
			return [
				e.spentOn,
				e.description,
				categoryName.get(e.category) ?? e.category,
				household.currency,
				amount(e.amountMinor),
				e.payers.map((p) => `${memberName.get(p.memberId) ?? p.memberId} ${amount(p.amountMinor)}`).join('; '),
				...members.map((m) => (shares.has(m.id) ? amount(shares.get(m.id)!) : '')),
				e.notes
			];
		});
		yield toCsv(lines);
		if (rows.length < BATCH) return;
	}
}

export async function balancesCsv(household: Household): Promise<string> {
	const [{ balances, transfers }, members] = await Promise.all([getBalances(household.id), listMembers(household.id)]);
	const nameOf = (id: string) => members.find((m) => m.id === id)?.displayName ?? id;
	const rows: string[][] = [['member', 'active', 'currency', 'balance (positive: is owed)']];
	for (const b of balances)
		rows.push([
			nameOf(b.memberId),
			String(members.find((m) => m.id === b.memberId)?.active ?? false),
			household.currency,
			minorToInput(b.netMinor, household.currency)
		]);
	rows.push([]);
	rows.push(['suggested payment: from', 'to', 'currency', 'amount']);
	for (const t of transfers) rows.push([nameOf(t.fromMemberId), nameOf(t.toMemberId), household.currency, minorToInput(t.amountMinor, household.currency)]);
	return toCsv(rows);
}

export function csvResponse(body: string | ReadableStream<Uint8Array>, filename: string): Response {
	return new Response(body, {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' }
	});
}
