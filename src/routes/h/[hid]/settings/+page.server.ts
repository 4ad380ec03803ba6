import { fail } from '@sveltejs/kit';
import { attempt, submitForm } from '$lib/server/forms';
import { formValues } from '$lib/server/validation';
import { requireAdmin } from '$lib/server/households/guard';
import { updateHousehold } from '$lib/server/households/households';
import { listCurrencies, listTimeZones } from '$lib/server/households/locale-defaults';
import { householdDefaultsForm, householdInput } from '$lib/server/households/schemas';
import { getHouseholdDefaults, setHouseholdDefaults } from '$lib/server/households/defaults';
import { getDecisionRules, setDecisionRules } from '$lib/server/decisions/rules';
import { readRulesForm } from '$lib/server/decisions/rules-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { household } = await requireAdmin(params.hid);
	const [rules, defaults] = await Promise.all([getDecisionRules(household.id), getHouseholdDefaults(household.id)]);
	return { currencies: listCurrencies(), timeZones: listTimeZones(), rules, defaults, householdVersion: household.version };
};

export const actions: Actions = {
	household: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		return submitForm(request, householdInput, async (input, formData) => {
			const version = Number(formData.get('version'));
			await updateHousehold(context.household.id, context.member.id, input, Number.isSafeInteger(version) && version > 0 ? version : undefined);
			return { saved: 'household' };
		});
	},
	defaults: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		const outcome = await submitForm(request, householdDefaultsForm, async (input) => {
			await setHouseholdDefaults(context, input);
			return { saved: 'defaults' as const };
		});
		// Which form the answer is for: a refusal keeps the defaults form's fields, not the others'.
		return 'saved' in outcome ? outcome : fail(outcome.status, { ...outcome.data, defaults: true });
	},
	rules: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		const formData = await request.formData();
		const read = readRulesForm(formData);
		if (!read.ok) return fail(400, { rules: true, values: read.values, errors: read.errors });
		// A refusal (DomainError) comes back to the rules form with what was typed, never as a 500.
		return attempt(
			async () => {
				await setDecisionRules(context, read.rules);
				return { saved: 'rules' as const };
			},
			formValues(formData),
			{ rules: true }
		);
	}
};
