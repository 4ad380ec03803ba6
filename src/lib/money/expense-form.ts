/**
 * The expense form, read the same way in the browser (live preview) and on the server
 * (the save, or the preview without JavaScript): text fields in, an expense draft and
 * field messages out. Field names: `paid_<memberId>`, `in_<memberId>`, `value_<memberId>`.
 */
import { m } from '$lib/paraglide/messages';
import type { FormAnswer } from '$lib/forms/answer';
import { formatMoney, minorToInput, parseAmount } from './format';
import { computeShares, SplitError, SPLIT_MODES, type Split, type SplitMode } from './splits';
import type { Share } from './apportion';

/** The longest description (the API's limit); the form says so as it is passed, rather than cutting a paste short. */
export const DESCRIPTION_MAX = 200;

export interface ExpenseFormFields {
	description: string;
	amount: string;
	spentOn: string;
	category: string;
	notes: string;
	payerMode: 'single' | 'several';
	paidBy: string;
	paid: Record<string, string>;
	splitMode: SplitMode;
	included: string[];
	values: Record<string, string>;
}

export interface ExpenseDraft {
	description: string;
	amountMinor: number;
	spentOn: string;
	category: string;
	notes: string;
	payers: Array<{ memberId: string; amountMinor: number }>;
	split: Split;
}

export interface ExpenseFormMember {
	id: string;
	displayName: string;
	shareWeight: number;
}

export function fieldsFromFormData(formData: FormData, members: ExpenseFormMember[]): ExpenseFormFields {
	const text = (name: string) => {
		const value = formData.get(name);
		return typeof value === 'string' ? value : '';
	};
	const mode = text('splitMode');
	return {
		description: text('description'),
		amount: text('amount'),
		spentOn: text('spentOn'),
		category: text('category'),
		notes: text('notes'),
		payerMode: text('payerMode') === 'several' ? 'several' : 'single',
		paidBy: text('paidBy'),
		paid: Object.fromEntries(members.map((m) => [m.id, text(`paid_${m.id}`)])),
		splitMode: (SPLIT_MODES as readonly string[]).includes(mode) ? (mode as SplitMode) : 'equal',
		included: members.filter((m) => formData.get(`in_${m.id}`) !== null).map((m) => m.id),
		values: Object.fromEntries(members.map((m) => [m.id, text(`value_${m.id}`)]))
	};
}

/** What a saved expense looks like in the form, for editing. */
export function fieldsFromExpense(expense: ExpenseDraft, currency: string, members: ExpenseFormMember[]): ExpenseFormFields {
	const single = expense.payers.length === 1;
	const valueOf = (memberId: string) => expense.split.parts.find((p) => p.memberId === memberId)?.value;
	return {
		description: expense.description,
		amount: minorToInput(expense.amountMinor, currency),
		spentOn: expense.spentOn,
		category: expense.category,
		notes: expense.notes,
		payerMode: single ? 'single' : 'several',
		paidBy: expense.payers[0]?.memberId ?? '',
		paid: Object.fromEntries(
			members.map((m) => {
				const payer = expense.payers.find((p) => p.memberId === m.id);
				return [m.id, payer && !single ? minorToInput(payer.amountMinor, currency) : ''];
			})
		),
		splitMode: expense.split.mode,
		included: expense.split.parts.map((p) => p.memberId),
		values: Object.fromEntries(
			members.map((m) => {
				const value = valueOf(m.id);
				if (value === undefined) return [m.id, ''];
				return [m.id, expense.split.mode === 'exact' ? minorToInput(value, currency) : String(value)];
			})
		)
	};
}

function readNumber(text: string): number | null {
	const cleaned = text.trim().replace(',', '.');
	return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : null;
}

export interface ReadResult {
	draft: ExpenseDraft | null;
	errors: Record<string, string>;
}

/** Reads the fields; a draft comes back only when every field could be read. */
export function readExpenseForm(fields: ExpenseFormFields, currency: string, locale = 'en'): ReadResult {
	const errors: Record<string, string> = {};
	const description = fields.description.trim();
	if (!description) errors.description = m.expense_describe();
	else if (description.length > DESCRIPTION_MAX) errors.description = m.expense_description_too_long({ max: DESCRIPTION_MAX, count: description.length });
	const amount = parseAmount(fields.amount, currency, locale);
	if (!amount.ok) errors.amount = amount.message;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.spentOn)) errors.spentOn = m.expense_choose_day();
	if (!fields.category) errors.category = m.expense_choose_category();

	let payers: ExpenseDraft['payers'] = [];
	if (fields.payerMode === 'single') {
		if (!fields.paidBy) errors.paidBy = m.expense_say_who_paid();
		else if (amount.ok) payers = [{ memberId: fields.paidBy, amountMinor: amount.minor }];
	} else {
		for (const [memberId, text] of Object.entries(fields.paid)) {
			if (!text.trim()) continue;
			const paid = parseAmount(text, currency, locale);
			if (paid.ok) payers.push({ memberId, amountMinor: paid.minor });
			else errors[`paid_${memberId}`] = paid.message;
		}
		if (payers.length === 0 && !Object.keys(errors).some((k) => k.startsWith('paid_'))) errors.payers = m.expense_enter_each_paid();
	}

	const parts: Split['parts'] = [];
	for (const memberId of fields.included) {
		const text = fields.values[memberId] ?? '';
		if (fields.splitMode === 'equal' || fields.splitMode === 'weights') {
			parts.push({ memberId });
		} else if (fields.splitMode === 'exact') {
			const value = parseAmount(text, currency, locale);
			if (value.ok) parts.push({ memberId, value: value.minor });
			else if (text.trim() === '0') parts.push({ memberId, value: 0 });
			else errors[`value_${memberId}`] = value.message;
		} else {
			const value = readNumber(text);
			if (value === null) errors[`value_${memberId}`] = fields.splitMode === 'percent' ? m.expense_enter_percentage() : m.expense_enter_share();
			// A share of 0 means "not in this one", as people mean it.
			else if (fields.splitMode !== 'shares' || value > 0) parts.push({ memberId, value });
		}
	}
	if (fields.included.length === 0) errors.split = m.split_choose_someone();
	else if (fields.splitMode === 'shares' && parts.length === 0 && !Object.keys(errors).some((k) => k.startsWith('value_')))
		errors.split = m.split_give_a_share();

	if (Object.keys(errors).length > 0 || !amount.ok) return { draft: null, errors };
	return {
		draft: {
			description,
			amountMinor: amount.minor,
			spentOn: fields.spentOn,
			category: fields.category,
			notes: fields.notes.trim(),
			payers,
			split: { mode: fields.splitMode, parts }
		},
		errors
	};
}

/** "adds up to €1.00 less than the total" — how far off, in money people read. */
export function offBy(offMinor: number, currency: string, locale = 'en'): string {
	const amount = formatMoney(Math.abs(offMinor), currency, locale);
	return offMinor > 0 ? m.money_less_than_total({ amount }) : m.money_more_than_total({ amount });
}

export type Preview = { shares: Share[] } | { problem: string; field: 'payers' | 'split' };

/**
 * What is left to assign while exact amounts or percentages are typed, in words
 * ("€3.00 left to assign", "5% too much"); null for the other modes or when all is assigned.
 */
export function leftToAssign(fields: ExpenseFormFields, currency: string, locale = 'en'): string | null {
	if (fields.splitMode !== 'exact' && fields.splitMode !== 'percent') return null;
	let assigned = 0;
	for (const memberId of fields.included) {
		const text = fields.values[memberId] ?? '';
		if (!text.trim()) continue;
		if (fields.splitMode === 'exact') {
			const value = parseAmount(text, currency, locale);
			if (value.ok) assigned += value.minor;
		} else {
			const value = readNumber(text);
			if (value !== null) assigned += Math.round(value * 100);
		}
	}
	if (fields.splitMode === 'exact') {
		const total = parseAmount(fields.amount, currency, locale);
		if (!total.ok) return null;
		const left = total.minor - assigned;
		return left === 0
			? null
			: left > 0
				? m.money_left_to_assign({ amount: formatMoney(left, currency, locale) })
				: m.money_too_much({ amount: formatMoney(-left, currency, locale) });
	}
	const left = 10000 - assigned;
	const percent = (hundredths: number) =>
		new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: hundredths % 100 === 0 ? 0 : 2 }).format(hundredths / 10000);
	return left === 0 ? null : left > 0 ? m.money_left_to_assign({ amount: percent(left) }) : m.money_too_much({ amount: percent(-left) });
}

/** The preview the form shows: each person's share, or why it cannot be applied. */
export function previewShares(draft: ExpenseDraft, members: ExpenseFormMember[], seedId: string, currency: string, locale = 'en'): Preview {
	const paid = draft.payers.reduce((sum, p) => sum + p.amountMinor, 0);
	if (paid !== draft.amountMinor) return { problem: m.expense_payers_add_up({ off: offBy(draft.amountMinor - paid, currency, locale) }), field: 'payers' };
	try {
		return { shares: computeShares(draft.amountMinor, draft.split, new Map(members.map((m) => [m.id, m.shareWeight])), seedId) };
	} catch (error) {
		if (!(error instanceof SplitError)) throw error;
		const problem = error.offMinor === undefined ? error.message : m.expense_amounts_add_up({ off: offBy(error.offMinor, currency, locale) });
		return { problem, field: 'split' };
	}
}

/**
 * What the expense form shows again after a refusal or a preview (a form answer's values,
 * see $lib/forms/answer): the fields as typed, the preview's id, everything typed (a
 * recurring schedule's fields too) and the shares preview. Empty after a save.
 */
export interface ExpenseFormKept {
	fields?: ExpenseFormFields;
	seedId?: string;
	typed?: Record<string, string>;
	preview?: Preview;
}

/** What a page's load hands the expense form. */
export interface ExpenseFormPageData {
	fields: ExpenseFormFields;
	members: ExpenseFormMember[];
	categories: Array<{ key: string; name: string }>;
	formatLocale: string;
	household: { currency: string };
	seedId?: string;
}

/**
 * The expense form's props, wired the same way on every page that shows it: the load's
 * options and fields, or what a refused or previewed submission sent back (its answer).
 */
export function expenseFormProps(data: ExpenseFormPageData, answer: FormAnswer<unknown, ExpenseFormKept> | undefined, seedId?: string) {
	return {
		initial: answer?.values.fields ?? data.fields,
		members: data.members,
		categories: data.categories,
		currency: data.household.currency,
		locale: data.formatLocale,
		seedId: seedId ?? answer?.values.seedId ?? data.seedId ?? '',
		errors: answer?.errors,
		serverPreview: answer?.values.preview
	};
}
