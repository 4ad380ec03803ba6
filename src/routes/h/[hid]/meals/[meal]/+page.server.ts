import { formAction, noFields, orErrorPage } from '$lib/server/forms';
import { fromForm } from '$lib/server/validation';
import { requireMember } from '$lib/server/households/guard';
import { recordCost, setCrew, signUp, updateMeal } from '$lib/server/meals/meals';
import { mealPage } from '$lib/server/meals/meal-page';
import { mealCostForm, mealForm } from '$lib/server/meals/forms';
import { crewInput, dinerInput } from '$lib/server/meals/schemas';
import { requestFormatLocale } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const context = await requireMember(params.hid);
	return orErrorPage(mealPage(context, params.meal));
};

const dinerForm = fromForm(dinerInput);
const crewForm = fromForm(crewInput);

export const actions: Actions = {
	answer: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'answer', dinerForm, (input) => signUp(context, params.meal, input));
	},
	crew: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'crew', crewForm, (input) => setCrew(context, params.meal, input));
	},
	cost: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		const money = { currency: context.household.currency, locale: requestFormatLocale() };
		return formAction(request, 'cost', mealCostForm(money), (input) => recordCost(context, params.meal, input));
	},
	change: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'change', mealForm(context.household.timezone, true), (patch) => updateMeal(context, params.meal, patch));
	},
	cancel: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'cancel', noFields, () => updateMeal(context, params.meal, { cancelled: true }));
	}
};
