/**
 * CSV exports of the money pages. Quoting is csv-stringify's; the expense export streams
 * in keyset-paged batches, so a house with years of history does not fill the memory.
 */
import { toCsv } from '$lib/server/csv';
import type { Household } from '$lib/server/db/schema';
import { listMembers } from '$lib/server/households/members';
import { minorToInput } from '$lib/money/format';
import { listCategories } from './categories';
import { getBalances } from './balances';
import { listExpenses, type ExpenseFilter, type ExpensePosition } from './expense-queries';

const BATCH = 500;

export async function expensesCsv(household: Household, filter: ExpenseFilter): Promise<ReadableStream<Uint8Array>> {
	const [members, categories] = await Promise.all([listMembers(household.id), listCategories(household.id)]);
	const amount = (minor: number) => minorToInput(minor, household.currency);
	const categoryName = new Map(categories.map((c) => [c.key, c.name]));
	const header = ['date', 'description', 'category', 'currency', 'amount', 'paid by', ...members.map((m) => `owes: ${m.displayName}`), 'notes'];
	const encoder = new TextEncoder();
	let after: ExpensePosition | undefined;
	let started = false;
	return new ReadableStream({
		async pull(controller) {
			if (!started) {
				started = true;
				controller.enqueue(encoder.encode(toCsv([header])));
			}
			const rows = await listExpenses(household.id, filter, BATCH, after);
			if (rows.length === 0) return controller.close();
			after = rows[rows.length - 1]!.position;
			const nameOf = (id: string) => members.find((m) => m.id === id)?.displayName ?? id;
			const lines = rows.map((e) => [
				e.spentOn,
				e.description,
				categoryName.get(e.category) ?? e.category,
				household.currency,
				amount(e.amountMinor),
				e.payers.map((p) => `${nameOf(p.memberId)} ${amount(p.amountMinor)}`).join('; '),
				...members.map((m) => {
					const share = e.shares.find((s) => s.memberId === m.id);
					return share ? amount(share.amountMinor) : '';
				}),
				e.notes
			]);
			controller.enqueue(encoder.encode(toCsv(lines)));
			if (rows.length < BATCH) controller.close();
		}
	});
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
