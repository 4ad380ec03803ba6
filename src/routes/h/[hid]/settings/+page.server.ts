import { fail } from '@sveltejs/kit';
import { submitForm } from '$lib/server/forms';
import { requireAdmin } from '$lib/server/households/guard';
import { updateHousehold } from '$lib/server/households/households';
import { listCurrencies, listTimeZones } from '$lib/server/households/locale-defaults';
import { householdInput } from '$lib/server/households/schemas';
import { getDecisionRules, setDecisionRules } from '$lib/server/decisions/rules';
import { readRulesForm } from '$lib/server/decisions/rules-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { household } = await requireAdmin(params.hid);
	return { currencies: listCurrencies(), timeZones: listTimeZones(), rules: await getDecisionRules(household.id), householdVersion: household.version };
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
	rules: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		const read = readRulesForm(await request.formData());
		if (!read.ok) return fail(400, { rules: true, values: read.values, errors: read.errors });
		await setDecisionRules(context, read.rules);
		return { saved: 'rules' };
	}
};
