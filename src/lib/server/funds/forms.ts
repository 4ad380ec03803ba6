/**
 * The funds' forms → the same inputs the JSON API takes: money in the reader's way of
 * writing it, a closing time on the house's clock.
 */
import { minorToInput, parseAmount } from '$lib/money/format';
import type { Fund } from '$lib/funds/model';
import { fieldErrors, formValues } from '$lib/server/validation';
import type { FormAdapter, FormReading } from '$lib/server/forms';
import type { MoneyReading } from '$lib/server/commons/forms';
import { localToInstant } from '$lib/server/decisions/proposal-form';
import type { z } from 'zod';
import {
	contributionInput,
	fundInput,
	fundPatch,
	fundSpendingInput,
	type ContributionInput,
	type FundInput,
	type FundPatch,
	type FundSpendingInput
} from './schemas';
import { m } from '$lib/paraglide/messages';

/** The form's names for the schema's fields. */
const FORM_FIELDS: Record<string, string> = {
	amountMinor: 'amount',
	monthlyMinor: 'monthly',
	approvalAboveMinor: 'approvalAbove',
	memberId: 'member',
	spentOn: 'day',
	paidOn: 'day'
};
const toFormField = (path: string) => {
	const [head, index, tail] = path.split('.');
	if (head === 'pledges' && tail) return `pledge_${index}`;
	return FORM_FIELDS[head!] ?? head!;
};

/** A money field: its minor units, `blank` when left empty, NaN (refused by the schema) after noting why. */
function money(values: Record<string, string>, name: string, reading: MoneyReading, errors: Record<string, string>, blank: number | null | undefined) {
	const text = (values[name] ?? '').trim();
	if (text === '') return blank;
	const amount = parseAmount(text, reading.currency, reading.locale);
	if (amount.ok) return amount.minor;
	errors[name] = amount.message;
	return Number.NaN;
}

/** An amount that must be typed: blank is refused with the same message as zero. */
function requiredMoney(values: Record<string, string>, name: string, reading: MoneyReading, errors: Record<string, string>): number {
	const minor = money(values, name, reading, errors, Number.NaN) as number;
	if (Number.isNaN(minor)) errors[name] ??= m.v_amount_positive();
	return minor;
}

function finish<S extends z.ZodType>(schema: S, candidate: unknown, errors: Record<string, string>): FormReading<z.infer<S>> {
	const parsed = schema.safeParse(candidate);
	if (!parsed.success) for (const [path, message] of Object.entries(fieldErrors(parsed.error))) errors[toFormField(path)] ??= message;
	if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
	return { ok: true, input: parsed.data };
}

/** A new fund's form, or (`edit`) a change that names the version it was made from. `memberIds`: whose pledges it lists. */
export function fundForm(reading: MoneyReading, memberIds: string[], edit: true): FormAdapter<FundPatch>;
export function fundForm(reading: MoneyReading, memberIds: string[], edit?: false): FormAdapter<FundInput>;
export function fundForm(reading: MoneyReading, memberIds: string[], edit = false): FormAdapter<FundInput> | FormAdapter<FundPatch> {
	return {
		read(formData: FormData) {
			const values = formValues(formData);
			const errors: Record<string, string> = {};
			const version = Number(values.version);
			const pledges = memberIds.map((memberId) => ({ memberId, monthlyMinor: money(values, `pledge_${memberId}`, reading, errors, 0) }));
			const candidate = {
				name: values.name ?? '',
				purpose: values.purpose ?? '',
				allowNegative: Boolean(values.allowNegative),
				approvalAboveMinor: money(values, 'approvalAbove', reading, errors, null),
				basis: values.basis ?? '',
				monthlyMinor: money(values, 'monthly', reading, errors, 0),
				contributionsFrom: values.contributionsFrom || undefined,
				pledges,
				...(edit ? { version: Number.isInteger(version) && version > 0 ? version : undefined } : {}),
				// The archive button sends it; the change form leaves it as it is.
				...(edit && 'archived' in values ? { archived: values.archived === 'on' } : {})
			};
			const read = finish(edit ? fundPatch : fundInput, candidate, errors);
			// Pledge errors are named by position in the schema: back to the member's own field.
			if (!read.ok)
				for (const [field, message] of Object.entries(read.errors)) {
					const match = /^pledge_(\d+)$/.exec(field);
					if (match) {
						delete read.errors[field];
						read.errors[`pledge_${memberIds[Number(match[1])]}`] = message;
					}
				}
			return read as FormReading<FundInput & FundPatch>;
		},
		field: toFormField
	};
}

/** A fund as its change form shows it. */
export function fundValues(fund: Fund, currency: string): Record<string, string> {
	return {
		name: fund.name,
		purpose: fund.purpose,
		allowNegative: fund.allowNegative ? 'on' : '',
		approvalAbove: fund.approvalAboveMinor === null ? '' : minorToInput(fund.approvalAboveMinor, currency),
		basis: fund.basis,
		monthly: fund.monthlyMinor ? minorToInput(fund.monthlyMinor, currency) : '',
		contributionsFrom: fund.contributionsFrom,
		version: String(fund.version),
		...Object.fromEntries(fund.dues.filter((due) => due.monthlyMinor > 0).map((due) => [`pledge_${due.memberId}`, minorToInput(due.monthlyMinor, currency)]))
	};
}

export function contributionForm(reading: MoneyReading): FormAdapter<ContributionInput> {
	return {
		read(formData) {
			const values = formValues(formData);
			const errors: Record<string, string> = {};
			const amountMinor = requiredMoney(values, 'amount', reading, errors);
			return finish(contributionInput, { memberId: values.member || undefined, amountMinor, paidOn: values.day || undefined, note: values.note ?? '' }, errors);
		},
		field: toFormField
	};
}

/** Spending typed on the fund's page; also what a proposal to spend it is made from (with its closing time). */
export function spendingForm(reading: MoneyReading): FormAdapter<FundSpendingInput> {
	return {
		read(formData) {
			const values = formValues(formData);
			const errors: Record<string, string> = {};
			const amountMinor = requiredMoney(values, 'amount', reading, errors);
			const candidate = {
				description: values.description ?? '',
				amountMinor,
				spentOn: values.day || undefined,
				category: values.category ?? '',
				notes: values.notes ?? ''
			};
			return finish(fundSpendingInput, candidate, errors);
		},
		field: toFormField
	};
}

/** The spending, as a proposal the house votes on, closing at the time typed (on the house's clock). */
export function proposeSpendingForm(reading: MoneyReading, timezone: string): FormAdapter<FundSpendingInput & { closesAt: string }> {
	const spending = spendingForm(reading);
	return {
		async read(formData) {
			const read = await spending.read(formData);
			const closesAt = localToInstant(formValues(formData).closesAt ?? '', timezone);
			if (!closesAt) return { ok: false, errors: { ...(read.ok ? {} : read.errors), closesAt: m.e_closing_pick() } };
			return read.ok ? { ok: true, input: { ...read.input, closesAt } } : read;
		},
		field: toFormField
	};
}
