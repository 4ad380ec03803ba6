/**
 * The meals' forms → the same inputs the JSON API takes: times typed on the house's
 * clock, money in the reader's way of writing it.
 */
import { clockIn, todayIn } from '$lib/dates';
import { parseAmount } from '$lib/money/format';
import type { Meal } from '$lib/meals/model';
import { fieldErrors, formValues } from '$lib/server/validation';
import { instantFromFields, type FormAdapter } from '$lib/server/forms';
import type { MoneyReading } from '$lib/server/commons/forms';
import { mealCostInput, mealInput, mealPatch, type MealCostInput, type MealInput, type MealPatch } from './schemas';
import { m } from '$lib/paraglide/messages';

const FORM_FIELDS: Record<string, string> = { servedAt: 'servedTime', closesAt: 'closesTime', cooks: 'form' };
const toMealField = (path: string) => {
	const [head, task] = path.split('.');
	if (head === 'crewFrom') return task === 'clean' ? 'crewFromClean' : 'crewFromCook';
	return FORM_FIELDS[head!] ?? head!;
};

/** "12", "7.5", "7,5" → a number; blank → null (no limit); anything else → NaN (refused by the schema). */
function numberOrNull(text: string | undefined): number | null {
	const value = (text ?? '').trim().replace(',', '.');
	if (value === '') return null;
	return /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
}

/** A new meal's form, or (`edit`) a change that names the version it was made from. */
export function mealForm(timezone: string, edit: true): FormAdapter<MealPatch>;
export function mealForm(timezone: string, edit?: false): FormAdapter<MealInput>;
export function mealForm(timezone: string, edit = false): FormAdapter<MealInput> | FormAdapter<MealPatch> {
	return {
		read(formData: FormData) {
			const values = formValues(formData);
			const errors: Record<string, string> = {};

			const servedAt = instantFromFields(values, errors, { day: 'servedDay', time: 'servedTime' }, m.v_meal_served, timezone);
			const closesAt = instantFromFields(values, errors, { day: 'closesDay', time: 'closesTime' }, m.v_meal_closes, timezone);
			const version = Number(values.version);
			const candidate = {
				servedAt,
				closesAt,
				menu: values.menu ?? '',
				notes: values.notes ?? '',
				attendance: values.attendance ?? 'sign_up',
				maxPortions: numberOrNull(values.maxPortions),
				...(edit
					? { version: Number.isInteger(version) && version > 0 ? version : undefined }
					: { crewFrom: { cook: values.crewFromCook || undefined, clean: values.crewFromClean || undefined } })
			};
			const parsed = edit ? mealPatch.safeParse(candidate) : mealInput.safeParse(candidate);
			if (!parsed.success) for (const [path, message] of Object.entries(fieldErrors(parsed.error))) errors[toMealField(path)] ??= message;
			if (Object.keys(errors).length || !parsed.success) return { ok: false as const, errors };
			return { ok: true as const, input: parsed.data as MealInput & MealPatch };
		},
		field: toMealField
	};
}

/** A new meal's form starts tomorrow at half past six, sign-ups closing at noon. */
export function newMealValues(timezone: string, now = new Date()): Record<string, string> {
	const tomorrow = todayIn(timezone, new Date(now.getTime() + 86_400_000));
	return { servedDay: tomorrow, servedTime: '18:30', closesDay: tomorrow, closesTime: '12:00', attendance: 'sign_up' };
}

/** A meal as its change form shows it. */
export function mealValues(meal: Meal, timezone: string): Record<string, string> {
	const served = new Date(meal.servedAt);
	const closes = new Date(meal.closesAt);
	return {
		servedDay: todayIn(timezone, served),
		servedTime: clockIn(timezone, served),
		closesDay: todayIn(timezone, closes),
		closesTime: clockIn(timezone, closes),
		menu: meal.menu,
		notes: meal.notes,
		attendance: meal.attendance,
		maxPortions: meal.maxPortions === null ? '' : String(meal.maxPortions),
		version: String(meal.version)
	};
}

/** What the meal cost, typed as money, and who paid. */
export function mealCostForm(money: MoneyReading): FormAdapter<MealCostInput> {
	const field = (path: string) => ({ amountMinor: 'amount', paidByMemberId: 'paidBy' })[path.split('.')[0]!] ?? path;
	return {
		read(formData) {
			const values = formValues(formData);
			const amount = parseAmount(values.amount ?? '', money.currency, money.locale);
			if (!amount.ok) return { ok: false, errors: { amount: amount.message } };
			const parsed = mealCostInput.safeParse({ amountMinor: amount.minor, paidByMemberId: values.paidBy || undefined });
			if (!parsed.success)
				return { ok: false, errors: Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([path, message]) => [field(path), message])) };
			return { ok: true, input: parsed.data };
		},
		field
	};
}
