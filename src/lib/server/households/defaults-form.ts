/** Settings → Defaults as a form: the flat fields of householdDefaultsForm, and the meal's cap per portion typed as money. */
import { parseAmount } from '$lib/money/format';
import type { FormAdapter } from '$lib/server/forms';
import { parseForm } from '$lib/server/validation';
import { householdDefaultsForm, type HouseholdDefaultsInput } from './schemas';

export function defaultsForm(money: { currency: string; locale: string }): FormAdapter<HouseholdDefaultsInput> {
	return {
		read(formData) {
			const parsed = parseForm(householdDefaultsForm, formData);
			const errors = parsed.ok ? {} : { ...parsed.errors };
			const capText = String(formData.get('mealPortionCap') ?? '').trim();
			const cap = capText ? parseAmount(capText, money.currency, money.locale) : null;
			if (cap && !cap.ok) errors.mealPortionCap = cap.message;
			if (!parsed.ok || (cap && !cap.ok)) return { ok: false, errors };
			return { ok: true, input: { ...parsed.data, mealPortionCapMinor: cap && cap.ok ? cap.minor : null } };
		}
	};
}
