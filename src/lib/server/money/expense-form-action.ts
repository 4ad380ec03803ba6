/**
 * The expense form's server side: read the fields with the same code as the browser's
 * preview, then save through the domain. Refusals come back as field messages.
 */
import { fail, type ActionFailure } from '@sveltejs/kit';
import { DomainError } from '$lib/server/errors';
import type { MemberContext } from '$lib/server/households/context';
import { fieldsFromFormData, previewShares, readExpenseForm, type ExpenseFormFields, type ExpenseFormMember, type Preview } from '$lib/money/expense-form';
import { createExpense, updateExpense } from './expenses';
import type { Expense } from '$lib/money/model';
import { createRecurring, updateRecurring, type RecurringExpense } from './recurring';
import { expenseInput, recurringScheduleInput } from './schemas';
import { fieldErrors, formValues, fromForm, parseForm } from '$lib/server/validation';

export interface ExpenseFormFailure {
	fields: ExpenseFormFields;
	/** The id the preview used, kept across a no-JavaScript round trip. */
	seedId: string;
	/** Everything typed, for fields beyond the expense's own (the schedule). */
	values?: Record<string, string>;
	errors: Record<string, string>;
	preview?: Preview;
}

type Outcome =
	{ expense: Expense } | { recurring: RecurringExpense } | { preview: Preview; fields: ExpenseFormFields; seedId: string } | ActionFailure<ExpenseFormFailure>;

/** The schedule part of the recurring-expense form; its first date is the form's date field. */
const scheduleForm = fromForm(recurringScheduleInput);

/** Domain and schema field paths (`split.parts.2.value`) → the form's field names (`value_<id>`). */
function toFormErrors(errors: Record<string, string>, parts: Array<{ memberId: string }>, payers: Array<{ memberId: string }>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [path, message] of Object.entries(errors)) {
		const part = /^split\.parts\.(\d+)/.exec(path);
		const payer = /^payers\.(\d+)/.exec(path);
		if (part && parts[Number(part[1])]) out[`value_${parts[Number(part[1])]!.memberId}`] ??= message;
		else if (payer && payers[Number(payer[1])]) out.payers ??= message;
		else if (path.startsWith('schedule.')) out[path.slice('schedule.'.length)] ??= message;
		else out[path === 'amountMinor' ? 'amount' : path.split('.')[0]!] ??= message;
	}
	return out;
}

function withField(formData: FormData, name: string, value: string): FormData {
	const copy = new FormData();
	for (const [key, entry] of formData) copy.append(key, entry);
	copy.set(name, value);
	return copy;
}

/** Schedule field errors keep their names (kind, interval, dayOfMonth …); the first date is the date field. */
function prefixed(errors: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(errors).map(([key, message]) => [key === 'startOn' ? 'spentOn' : key, message]));
}

export async function handleExpenseForm(
	context: MemberContext,
	formData: FormData,
	members: ExpenseFormMember[],
	locale: string,
	mode:
		| { save: 'create'; id: string }
		| { save: 'update'; expenseId: string }
		| { save: 'recurring'; id: string; recurringId?: string }
		| { save: false; id: string }
): Promise<Outcome> {
	const currency = context.household.currency;
	const seedId = mode.save === 'update' ? mode.expenseId : mode.id;
	const fields = fieldsFromFormData(formData, members);
	const { draft, errors } = readExpenseForm(fields, currency, locale);
	// The schedule's fields (a recurring expense) come back too, whichever part was refused.
	const values = formValues(formData);
	if (!draft) return fail(400, { fields, seedId, errors, values });
	const checked = expenseInput.safeParse(draft);
	if (!checked.success) return fail(400, { fields, seedId, errors: toFormErrors(fieldErrors(checked.error), draft.split.parts, draft.payers), values });
	const preview = previewShares(draft, members, seedId, currency, locale);
	if ('problem' in preview) return fail(422, { fields, seedId, errors: { [preview.field]: preview.problem }, preview, values });
	if (mode.save === false) return { preview, fields, seedId };
	try {
		if (mode.save === 'create') return { expense: await createExpense(context, checked.data, mode.id) };
		if (mode.save === 'recurring') {
			const schedule = parseForm(scheduleForm, withField(formData, 'startOn', checked.data.spentOn));
			if (!schedule.ok) return fail(400, { fields, seedId, errors: prefixed(schedule.errors), values: schedule.values });
			const { spentOn: _spentOn, ...template } = checked.data;
			const input = { ...template, schedule: schedule.data };
			const version = Number(formData.get('version'));
			const expected = Number.isSafeInteger(version) && version > 0 ? version : undefined;
			return { recurring: mode.recurringId ? await updateRecurring(context, mode.recurringId, input, expected) : await createRecurring(context, input) };
		}
		const version = Number(formData.get('version'));
		// A hidden field only a tampered or truncated post gets wrong.
		if (!Number.isSafeInteger(version) || version < 1)
			return fail(400, { fields, seedId, errors: { form: 'This form is out of date: reload the page and make the change again.' }, values });
		return { expense: await updateExpense(context, mode.expenseId, { ...checked.data, version }) };
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		if (error.currentVersion !== undefined) return fail(409, { fields, seedId, errors: { form: error.message }, values, currentVersion: error.currentVersion });
		const mapped = toFormErrors(error.fields, draft.split.parts, draft.payers);
		return fail(error.status, { fields, seedId, errors: Object.keys(mapped).length ? mapped : { form: error.message }, values });
	}
}
