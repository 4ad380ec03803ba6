/**
 * The expense form's server side, as form adapters (see server/forms.ts): the fields are
 * read with the same code as the browser's preview, checked by the API's schema, and a
 * refusal names the form's own fields (`value_<member>`, `payers`, `amount`).
 */
import type { FormAdapter, FormReading } from '$lib/server/forms';
import { fieldsFromFormData, previewShares, readExpenseForm, type ExpenseDraft, type ExpenseFormKept, type ExpenseFormMember } from '$lib/money/expense-form';
import { expenseInput, recurringScheduleInput, type ExpenseInput, type RecurringInput } from './schemas';
import { fieldErrors, formValues, fromForm, parseForm } from '$lib/server/validation';

/** The schedule part of the recurring-expense form; its first date is the form's date field. */
const scheduleForm = fromForm(recurringScheduleInput);

export interface ExpenseFormOptions {
	members: ExpenseFormMember[];
	currency: string;
	locale: string;
	/** The id the preview's rounding is seeded with: the expense's own; a new one's form carries its future id in `id`. */
	seedId?: string;
}

/** A domain or schema path (`split.parts.2.value`) → the form's field name (`value_<id>`), for the draft that was read. */
function fieldOf(path: string, draft: ExpenseDraft | null): string {
	const part = /^split\.parts\.(\d+)/.exec(path);
	const payer = /^payers\.(\d+)/.exec(path);
	const member = part && draft?.split.parts[Number(part[1])];
	if (member) return `value_${member.memberId}`;
	if (payer && draft?.payers[Number(payer[1])]) return 'payers';
	if (path.startsWith('schedule.')) return path === 'schedule.startOn' ? 'spentOn' : path.slice('schedule.'.length).split('.')[0]!;
	return path === 'amountMinor' ? 'amount' : path.split('.')[0]!;
}

function named(errors: Record<string, string>, draft: ExpenseDraft | null): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [path, message] of Object.entries(errors)) out[fieldOf(path, draft)] ??= message;
	return out;
}

/** The expense form (add, edit, preview). */
export function expenseForm(options: ExpenseFormOptions): FormAdapter<ExpenseInput, ExpenseFormKept> {
	// Per request: a refusal from the domain is named by the draft this request read.
	let draft: ExpenseDraft | null = null;
	const seedOf = (formData: FormData) => options.seedId ?? String(formData.get('id') ?? '');
	const kept = (formData: FormData): ExpenseFormKept => {
		const fields = fieldsFromFormData(formData, options.members);
		const read = readExpenseForm(fields, options.currency, options.locale).draft;
		const preview = read ? previewShares(read, options.members, seedOf(formData), options.currency, options.locale) : undefined;
		return { fields, seedId: seedOf(formData), typed: formValues(formData), preview };
	};
	return {
		read(formData): FormReading<ExpenseInput> {
			const fields = fieldsFromFormData(formData, options.members);
			const read = readExpenseForm(fields, options.currency, options.locale);
			draft = read.draft;
			if (!read.draft) return { ok: false, errors: read.errors };
			const checked = expenseInput.safeParse(read.draft);
			if (!checked.success) return { ok: false, errors: named(fieldErrors(checked.error), read.draft) };
			const preview = previewShares(read.draft, options.members, seedOf(formData), options.currency, options.locale);
			if ('problem' in preview) return { ok: false, status: 422, errors: { [preview.field]: preview.problem } };
			return { ok: true, input: checked.data };
		},
		values: kept,
		field: (path) => fieldOf(path, draft)
	};
}

/** The recurring-expense form: the expense's fields and a schedule whose first date is the date field. */
export function recurringForm(options: ExpenseFormOptions): FormAdapter<RecurringInput, ExpenseFormKept> {
	const expense = expenseForm(options);
	return {
		...expense,
		read(formData): FormReading<RecurringInput> {
			const read = expense.read(formData) as FormReading<ExpenseInput>;
			if (!read.ok) return read;
			const { spentOn, ...template } = read.input;
			const withStart = new FormData();
			for (const [key, entry] of formData) withStart.append(key, entry);
			withStart.set('startOn', spentOn);
			const schedule = parseForm(scheduleForm, withStart);
			if (!schedule.ok) return { ok: false, errors: named(Object.fromEntries(Object.entries(schedule.errors).map(([k, m]) => [`schedule.${k}`, m])), null) };
			return { ok: true, input: { ...template, schedule: schedule.data } };
		}
	};
}

/** The version an edit was made from (a hidden field only a tampered or truncated post gets wrong). */
export function editedVersion(formData: FormData): number | undefined {
	const version = Number(formData.get('version'));
	return Number.isSafeInteger(version) && version > 0 ? version : undefined;
}
