/**
 * The proposal form's fields → a ProposalInput for the same domain call the API makes.
 * The closing time is typed in the household's time zone; a linked expense is one
 * payer and an equal or weighted split, read by the expense form's own reader.
 */
import { initialSplitMode, type SplitDefaults } from '$lib/households/defaults';
import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import { readExpenseForm, type ExpenseFormMember } from '$lib/money/expense-form';
import { todayIn } from '$lib/dates';
import { expenseInput } from '$lib/server/money/schemas';
import { fieldErrors, formValues } from '$lib/server/validation';
import type { FormAdapter } from '$lib/server/forms';
import type { ProposalKind } from '$lib/decisions/model';
import { proposalEdit, proposalInput, type DecisionRules, type ProposalEdit, type ProposalInput } from './schemas';
import { m } from '$lib/paraglide/messages';

export interface ProposalFormContext {
	timezone: string;
	currency: string;
	locale: string;
	members: ExpenseFormMember[];
}

type Read = ReturnType<FormAdapter<ProposalInput>['read']>;

const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-12-10T18:00" on the household's wall clock → the instant, as ISO. */
export function localToInstant(text: string, timezone: string): string | null {
	const match = LOCAL_DATETIME.exec(text.trim());
	if (!match) return null;
	const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
	const date = new TZDate(y, mo - 1, d, h, mi, timezone);
	return Number.isNaN(date.getTime()) ? null : new Date(date.getTime()).toISOString();
}

/** Where the schema's paths land in the form. */
function toFormField(path: string): string {
	if (path.startsWith('rule.')) return path.slice('rule.'.length);
	if (path.startsWith('options')) return 'options';
	if (path.startsWith('expense.')) {
		const field = path.split('.')[1]!;
		return { amountMinor: 'expense_amount', payers: 'expense_paidBy', split: 'expense_split', category: 'expense_category' }[field] ?? 'expense_amount';
	}
	return path;
}

/** The new-proposal form of a household. */
export function proposalForm(context: ProposalFormContext): FormAdapter<ProposalInput> {
	return { read: (formData) => readProposal(formData, context), field: toFormField };
}

/** The edit form: title, body and (not for consent) the options, one per line. */
export function proposalEditForm(kind: ProposalKind): FormAdapter<ProposalEdit> {
	return {
		read(formData) {
			const values = formValues(formData);
			const options =
				kind === 'consent'
					? undefined
					: (values.options ?? '')
							.split(/\r?\n/)
							.map((line) => line.trim())
							.filter(Boolean);
			const parsed = proposalEdit.safeParse({ title: values.title ?? '', body: values.body ?? '', options });
			if (parsed.success) return { ok: true, input: parsed.data };
			return { ok: false, errors: Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([path, message]) => [path.split('.')[0]!, message])) };
		},
		field: (path) => path.split('.')[0]!
	};
}

function readProposal(formData: FormData, context: ProposalFormContext): Read {
	const values = formValues(formData);
	const text = (name: string) => values[name] ?? '';
	const errors: Record<string, string> = {};
	const kind = text('kind');
	const closesAt = localToInstant(text('closesAt'), context.timezone);
	if (!closesAt) errors.closesAt = m.e_closing_pick();
	const quorum = text('quorumPct').trim().replace(/%$/, '');
	let expense: ProposalInput['expense'];
	if (values.withExpense) {
		const read = readExpenseForm(
			{
				description: text('title').trim() || 'Expense',
				amount: text('expense_amount'),
				spentOn: todayIn(context.timezone),
				category: text('expense_category'),
				notes: '',
				payerMode: 'single',
				paidBy: text('expense_paidBy'),
				paid: {},
				splitMode: text('expense_splitMode') === 'weights' ? 'weights' : 'equal',
				included: context.members.filter((m) => values[`expense_in_${m.id}`]).map((m) => m.id),
				values: {}
			},
			context.currency,
			context.locale
		);
		for (const [field, message] of Object.entries(read.errors))
			errors[toFormField(`expense.${field === 'amount' ? 'amountMinor' : field === 'paidBy' ? 'payers' : field}`)] ??= message;
		if (read.draft) {
			const checked = expenseInput.safeParse(read.draft);
			if (checked.success) expense = checked.data;
			else for (const [path, message] of Object.entries(fieldErrors(checked.error))) errors[toFormField(`expense.${path}`)] ??= message;
		}
	}
	const candidate = {
		title: text('title'),
		body: text('body'),
		kind,
		options:
			kind === 'consent'
				? undefined
				: text('options')
						.split(/\r?\n/)
						.map((line) => line.trim())
						.filter(Boolean),
		rule: { threshold: text('threshold'), quorumPct: /^\d+$/.test(quorum) ? Number(quorum) : Number.NaN, voterClass: text('voterClass') },
		closesAt: closesAt ?? '',
		hideResults: Boolean(values.hideResults),
		expense
	};
	const parsed = proposalInput.safeParse(candidate);
	if (!parsed.success) for (const [path, message] of Object.entries(fieldErrors(parsed.error))) errors[toFormField(path)] ??= message;
	if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
	return { ok: true, input: parsed.data };
}

/** A new proposal's closing time, as the form's field holds it: a week from today at 20:00 on the house's clock. */
export function closingInAWeek(timezone: string): string {
	return `${format(addDays(new TZDate(Date.now(), timezone), 7), 'yyyy-MM-dd')}T20:00`;
}

/** A fresh form: a consent proposal under the house's ordinary rule, closing in a week at 20:00. */
export function newProposalValues(
	rules: DecisionRules,
	timezone: string,
	me: string,
	members: Array<{ id: string; shareWeight: number }>,
	splitDefaults: SplitDefaults
): Record<string, string> {
	return {
		kind: 'consent',
		threshold: rules.ordinary.threshold,
		quorumPct: String(rules.ordinary.quorumPct),
		voterClass: rules.ordinary.voterClass,
		closesAt: closingInAWeek(timezone),
		expense_paidBy: me,
		expense_category: 'other',
		expense_splitMode: initialSplitMode(splitDefaults, members, me),
		...Object.fromEntries(members.map((m) => [`expense_in_${m.id}`, 'on']))
	};
}
