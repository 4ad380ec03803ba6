/**
 * Splitwise's CSV export, read into Hearth expenses and payments. Each row gives the
 * cost and each person's net effect (what they paid minus their share). A payment row
 * (category "Payment") becomes a settlement from the one who paid (net +) to the one
 * paid (net −). For an expense, people with a negative net owed exactly that share;
 * the rest of the cost is shared equally among those with a positive net, who paid
 * their net plus their share. Balances come out exactly as in Splitwise.
 */
import { apportion, rotationSeed } from './apportion';
import { parseAmount } from './format';
import { parseDay } from '$lib/dates';
import { m } from '$lib/paraglide/messages';

export interface SplitwiseRow {
	line: number;
	date: string;
	description: string;
	category: string;
	costMinor: number;
	isPayment: boolean;
	/** Per person, in the order of `people`: paid minus share, in minor units. */
	nets: number[];
}

export interface SplitwiseFile {
	people: string[];
	rows: SplitwiseRow[];
}

export type SplitwiseRead = { ok: true; file: SplitwiseFile } | { ok: false; message: string };

const HEADER = ['date', 'description', 'category', 'cost', 'currency'];
const MAX_ROWS = 50_000;

/** "12.50", "-3.10" or "0.00" in the household's currency; null if it is not one. */
function signedMinor(text: string, currency: string): number | null {
	const trimmed = text.trim();
	if (/^-?0+(\.0+)?$/.test(trimmed)) return 0;
	const negative = trimmed.startsWith('-');
	const read = parseAmount(negative ? trimmed.slice(1) : trimmed, currency, 'en');
	return read.ok ? (negative ? -read.minor : read.minor) : null;
}

/** Reads the records (already split by a CSV parser) of a Splitwise export. */
export function readSplitwise(records: string[][], currency: string): SplitwiseRead {
	const fail = (message: string): SplitwiseRead => ({ ok: false, message });
	const header = records[0]?.map((cell) => cell.trim()) ?? [];
	if (header.length < HEADER.length + 1 || HEADER.some((name, i) => header[i]!.toLowerCase() !== name)) {
		return fail(m.sw_not_export());
	}
	const people = header.slice(HEADER.length);
	if (people.some((p) => p === '') || new Set(people).size !== people.length) return fail(m.sw_names());
	if (records.length - 1 > MAX_ROWS) return fail(m.sw_too_many({ max: MAX_ROWS }));
	const rows: SplitwiseRow[] = [];
	for (const [index, record] of records.slice(1).entries()) {
		const line = index + 2;
		const [date = '', description = '', category = '', cost = '', rowCurrency = ''] = record.map((cell) => cell.trim());
		if (record.every((cell) => cell.trim() === '')) continue;
		// The export ends with each person's total: not an expense.
		if (description.toLowerCase() === 'total balance') continue;
		if (record.length !== header.length) return fail(m.sw_columns({ line, count: record.length, header: header.length }));
		if (parseDay(date) === null) return fail(m.sw_date({ line, date }));
		if (rowCurrency.toUpperCase() !== currency) return fail(m.sw_currency({ line, rowCurrency: rowCurrency || m.sw_no_currency(), currency }));
		const costMinor = signedMinor(cost, currency);
		if (costMinor === null || costMinor <= 0) return fail(m.sw_cost({ line, cost }));
		const nets: number[] = [];
		for (const [i, cell] of record.slice(HEADER.length).entries()) {
			const net = signedMinor(cell, currency);
			if (net === null) return fail(m.sw_cell({ line, cell, person: people[i] ?? '' }));
			nets.push(net);
		}
		const sum = nets.reduce((a, b) => a + b, 0);
		if (sum !== 0) return fail(m.sw_cancel({ line, sum }));
		const owed = nets.filter((n) => n > 0).reduce((a, b) => a + b, 0);
		if (owed > costMinor) return fail(m.sw_more_than_cost({ line, owed, cost: costMinor }));
		if (owed === 0) continue; // Nobody owes anybody anything: nothing to import.
		const isPayment = category.toLowerCase() === 'payment';
		if (isPayment && (nets.filter((n) => n !== 0).length !== 2 || owed !== costMinor)) return fail(m.sw_payment({ line }));
		rows.push({ line, date, description: description || category || m.sw_imported_expense(), category, costMinor, isPayment, nets });
	}
	if (rows.length === 0) return fail(m.sw_empty());
	return { ok: true, file: { people, rows } };
}

export interface PlannedExpense {
	line: number;
	date: string;
	description: string;
	category: string;
	amountMinor: number;
	payers: Array<{ memberId: string; amountMinor: number }>;
	shares: Array<{ memberId: string; amountMinor: number }>;
}

export interface PlannedPayment {
	line: number;
	date: string;
	note: string;
	fromMemberId: string;
	toMemberId: string;
	amountMinor: number;
}

/** Adds up per member (two Splitwise people may be one member here), dropping zeros. */
function byMember(entries: Array<{ memberId: string; amountMinor: number }>) {
	const sums = new Map<string, number>();
	for (const { memberId, amountMinor } of entries) sums.set(memberId, (sums.get(memberId) ?? 0) + amountMinor);
	return [...sums].filter(([, amount]) => amount > 0).map(([memberId, amountMinor]) => ({ memberId, amountMinor }));
}

/** The expenses and payments to write, with each Splitwise person as the member `memberOf` names. */
export function planSplitwiseImport(
	file: SplitwiseFile,
	memberOf: string[]
): { expenses: PlannedExpense[]; payments: PlannedPayment[]; nets: Map<string, number> } {
	const expenses: PlannedExpense[] = [];
	const payments: PlannedPayment[] = [];
	const nets = new Map<string, number>();
	for (const row of file.rows) {
		row.nets.forEach((net, i) => nets.set(memberOf[i]!, (nets.get(memberOf[i]!) ?? 0) + net));
		if (row.isPayment) {
			const from = row.nets.findIndex((n) => n > 0);
			const to = row.nets.findIndex((n) => n < 0);
			// Both people are one member here: money moved within a member, nothing to record.
			if (memberOf[from] !== memberOf[to])
				payments.push({
					line: row.line,
					date: row.date,
					note: row.description,
					fromMemberId: memberOf[from]!,
					toMemberId: memberOf[to]!,
					amountMinor: row.costMinor
				});
			continue;
		}
		const positive = row.nets.map((n, i) => ({ i, n })).filter(({ n }) => n > 0);
		const owedToOthers = positive.reduce((sum, { n }) => sum + n, 0);
		const payersShares = apportion(
			row.costMinor - owedToOthers,
			positive.map(({ i }) => ({ memberId: String(i), weight: 1 })),
			rotationSeed(`${row.line}`)
		);
		const shares = row.nets.map((n, i) => ({
			memberId: memberOf[i]!,
			amountMinor: n < 0 ? -n : (payersShares.find((s) => s.memberId === String(i))?.amountMinor ?? 0)
		}));
		const payers = positive.map(({ i, n }) => ({ memberId: memberOf[i]!, amountMinor: n + payersShares.find((s) => s.memberId === String(i))!.amountMinor }));
		expenses.push({
			line: row.line,
			date: row.date,
			description: row.description,
			category: row.category,
			amountMinor: row.costMinor,
			payers: byMember(payers),
			shares: byMember(shares)
		});
	}
	return { expenses, payments, nets };
}
