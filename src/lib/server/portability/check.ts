/**
 * Checks an export document before anything is written: every reference points at a
 * row the file contains, ids are unique, and each expense's payers and shares add up to
 * its amount (an expense paid from a fund has none). Pure, so a tampered file is explained in words, not by a database error.
 */
import { z } from 'zod';
import { choreScheduleInput } from '$lib/server/chores/schemas';
import { storedLinkedExpense } from '$lib/server/decisions/schemas';
import { expenseInput, splitInput } from '$lib/server/money/schemas';
import { storedRolePresets } from '$lib/server/households/schemas';
import { tallySchema } from '$lib/decisions/model';
import type { ExportDocument, ExportedTable } from './document';
import { m } from '$lib/paraglide/messages';

/** Stored JSON leaves unset fields null where the API leaves them out. */
const withoutNulls = (schema: z.ZodType) =>
	z.preprocess(
		(value) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) : value),
		schema
	);
const optionIds = z.array(z.uuid()).max(20).nullable();
const object = z.record(z.string(), z.unknown());

/**
 * JSON columns, read with the same schemas the API writes them with: a malformed one
 * would break a page or a background sweep later, for this household or (a sweep) for all.
 */
const JSON_COLUMNS: Array<[table: ExportedTable, column: string, schema: z.ZodType, appliesTo?: (row: Record<string, unknown>) => boolean]> = [
	['chores', 'schedule', withoutNulls(choreScheduleInput)],
	['proposals', 'linked_expense', storedLinkedExpense.nullable()],
	['proposals', 'tally', tallySchema.nullable()],
	['proposals', 'outcome', z.object({ winnerOptionId: z.uuid() }).nullable()],
	['recurring_expenses', 'payers', expenseInput.shape.payers],
	['recurring_expenses', 'split', splitInput],
	// An expense paid from a fund is split among no one: the fund carries it.
	['expenses', 'split_parts', splitInput.shape.parts, (row) => row.fund_id == null],
	['votes', 'option_ids', optionIds],
	['votes', 'ranking', optionIds],
	['vote_history', 'option_ids', optionIds],
	['vote_history', 'ranking', optionIds],
	['expense_versions', 'snapshot', object],
	['activity', 'details', object],
	['activity', 'facts', object.nullable()],
	['household_defaults', 'role_presets', storedRolePresets]
];

/** Which table a referencing column points into. */
const REFERENCES: Array<[test: (column: string) => boolean, target: ExportedTable, what: string]> = [
	[(c) => c.endsWith('member_id'), 'members', 'member'],
	[(c) => c === 'expense_id' || c === 'linked_expense_id', 'expenses', 'expense'],
	[(c) => c === 'proposal_id', 'proposals', 'proposal'],
	[(c) => c.endsWith('chore_id'), 'chores', 'chore'],
	[(c) => c === 'recurring_id', 'recurring_expenses', 'recurring expense'],
	[(c) => c === 'thing_id', 'shared_things', 'shared thing'],
	[(c) => c === 'meal_id', 'meals', 'meal'],
	[(c) => c.endsWith('fund_id'), 'funds', 'fund'],
	[(c) => c === 'booking_id', 'bookings', 'booking']
];

const UNIQUE_IDS: ExportedTable[] = [
	'members',
	'expenses',
	'settlements',
	'recurring_expenses',
	'chores',
	'proposals',
	'proposal_comments',
	'absences',
	'shared_things',
	'bookings',
	'meals',
	'funds',
	'fund_contributions',
	'fund_charges'
];

const amount = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) ? value : Number.NaN);

export function findProblem(doc: ExportDocument): string | null {
	const { tables } = doc;
	const ids = new Map<ExportedTable, Set<unknown>>();
	for (const table of UNIQUE_IDS) {
		const seen = new Set<unknown>();
		for (const [index, row] of tables[table].entries()) {
			if (typeof row.id !== 'string') return m.x_row_no_id({ table, row: index + 1 });
			if (seen.has(row.id)) return m.x_id_twice({ table, id: row.id });
			seen.add(row.id);
		}
		ids.set(table, seen);
	}
	for (const [table, rows] of Object.entries(tables) as Array<[ExportedTable, Array<Record<string, unknown>>]>) {
		for (const [index, row] of rows.entries()) {
			for (const [column, value] of Object.entries(row)) {
				if (value === null || value === undefined) continue;
				const reference = REFERENCES.find(([test]) => test(column));
				if (reference && !ids.get(reference[1])!.has(value)) return m.x_missing_reference({ table, row: index + 1, what: reference[2], id: String(value) });
			}
		}
	}
	for (const [table, column, schema, appliesTo] of JSON_COLUMNS) {
		for (const [index, row] of tables[table].entries()) {
			if (!(column in row) || (appliesTo && !appliesTo(row))) continue;
			const parsed = schema.safeParse(row[column]);
			if (!parsed.success) {
				const issue = parsed.error.issues[0]!;
				return m.x_invalid_column({ table, row: index + 1, column: [column, ...issue.path].join('.'), issue: issue.message });
			}
		}
	}
	const paid = new Map<unknown, number>();
	const shared = new Map<unknown, number>();
	for (const payer of tables.expense_payers) paid.set(payer.expense_id, (paid.get(payer.expense_id) ?? 0) + amount(payer.amount_minor));
	for (const share of tables.expense_shares) shared.set(share.expense_id, (shared.get(share.expense_id) ?? 0) + amount(share.amount_minor));
	for (const expense of tables.expenses) {
		const total = amount(expense.amount_minor);
		const name = `“${String(expense.description)}” (${String(expense.id)})`;
		if (!(total > 0)) return m.x_expense_amount({ name });
		// The fund carries an expense paid from it: it has no payer or share lines at all.
		if (expense.fund_id != null) {
			if (paid.has(expense.id) || shared.has(expense.id)) return m.x_expense_fund_lines({ name });
			continue;
		}
		if (paid.get(expense.id) !== total) return m.x_expense_paid({ name, paid: paid.get(expense.id) ?? 0, total });
		if (shared.get(expense.id) !== total) return m.x_expense_shares({ name, shared: shared.get(expense.id) ?? 0, total });
	}
	return null;
}
