/**
 * CSV exports of the money pages. Quoting is csv-stringify's; the expense export streams
 * in keyset-paged batches, so a house with years of history does not fill the memory.
 */
import { m } from '$lib/paraglide/messages';
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
	// The header in the reader's language, made now: the rows stream after the request's own work is done.
	const header = [
		m.csv_date(),
		m.csv_description(),
		m.csv_category(),
		m.csv_currency(),
		m.csv_amount(),
		m.csv_paid_by(),
		...members.map((member) => m.csv_owes({ name: member.displayName })),
		m.csv_notes()
	];
	return textStream(expenseCsvText(household, filter, members, categories, header));
}

async function* expenseCsvText(
	household: Household,
	filter: ExpenseFilter,
	members: Member[],
	categories: Array<{ key: string; name: string }>,
	header: string[]
): AsyncGenerator<string> {
	const amount = (minor: number) => minorToInput(minor, household.currency);
	const categoryName = new Map(categories.map((c) => [c.key, c.name]));
	const memberName = new Map(members.map((member) => [member.id, member.displayName]));
	yield toCsv([header]);
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
				...members.map((member) => (shares.has(member.id) ? amount(shares.get(member.id)!) : '')),
				e.notes
			];
		});
		yield toCsv(lines);
		if (rows.length < BATCH) return;
	}
}

export async function balancesCsv(household: Household): Promise<string> {
	const [{ balances, transfers }, members] = await Promise.all([getBalances(household.id), listMembers(household.id)]);
	const nameOf = (id: string) => members.find((member) => member.id === id)?.displayName ?? id;
	const rows: string[][] = [[m.csv_member(), m.csv_active(), m.csv_currency(), m.csv_balance()]];
	for (const b of balances)
		rows.push([
			nameOf(b.memberId),
			String(members.find((member) => member.id === b.memberId)?.active ?? false),
			household.currency,
			minorToInput(b.netMinor, household.currency)
		]);
	rows.push([]);
	rows.push([m.csv_payment_from(), m.csv_to(), m.csv_currency(), m.csv_amount()]);
	for (const t of transfers) rows.push([nameOf(t.fromMemberId), nameOf(t.toMemberId), household.currency, minorToInput(t.amountMinor, household.currency)]);
	return toCsv(rows);
}

export function csvResponse(body: string | ReadableStream<Uint8Array>, filename: string): Response {
	return new Response(body, {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' }
	});
}
