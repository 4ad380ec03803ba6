import { minorToInput } from '$lib/money/format';
import { formAction } from '$lib/server/forms';
import { requireAdmin } from '$lib/server/households/guard';
import { updateHousehold } from '$lib/server/households/households';
import { listCurrencies, listTimeZones } from '$lib/server/households/locale-defaults';
import { householdInput } from '$lib/server/households/schemas';
import { defaultsForm } from '$lib/server/households/defaults-form';
import { requestFormatLocale } from '$lib/server/i18n';
import { getHouseholdDefaults, setHouseholdDefaults } from '$lib/server/households/defaults';
import { getDecisionRules, setDecisionRules } from '$lib/server/decisions/rules';
import { rulesForm } from '$lib/server/decisions/rules-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { household } = await requireAdmin(params.hid);
	const [rules, defaults] = await Promise.all([getDecisionRules(household.id), getHouseholdDefaults(household.id)]);
	const mealPortionCap = defaults.mealPortionCapMinor === null ? '' : minorToInput(defaults.mealPortionCapMinor, household.currency);
	return { currencies: listCurrencies(), timeZones: listTimeZones(), rules, defaults, mealPortionCap, householdVersion: household.version };
};

export const actions: Actions = {
	household: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		return formAction(request, 'household', householdInput, async (input, formData) => {
			const version = Number(formData.get('version'));
			await updateHousehold(context.household.id, context.member.id, input, Number.isSafeInteger(version) && version > 0 ? version : undefined);
			return true as const;
		});
	},
	defaults: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		const money = { currency: context.household.currency, locale: requestFormatLocale() };
		return formAction(request, 'defaults', defaultsForm(money), (input) => setHouseholdDefaults(context, input).then(() => true as const));
	},
	rules: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		return formAction(request, 'rules', rulesForm, (rules) => setDecisionRules(context, rules).then(() => true as const));
	}
};
