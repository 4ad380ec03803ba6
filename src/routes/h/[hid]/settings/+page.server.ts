import { submitForm } from '$lib/server/forms';
import { requireAdmin } from '$lib/server/households/guard';
import { updateHousehold } from '$lib/server/households/households';
import { listCurrencies, listTimeZones } from '$lib/server/households/locale-defaults';
import { householdInput } from '$lib/server/households/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	await requireAdmin(params.hid);
	return { currencies: listCurrencies(), timeZones: listTimeZones() };
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		return submitForm(request, householdInput, async (input) => {
			await updateHousehold(context.household.id, context.member.id, input);
			return { saved: true };
		});
	}
};
