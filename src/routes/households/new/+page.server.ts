import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/forms';
import { requireUser } from '$lib/server/households/guard';
import { createHousehold } from '$lib/server/households/households';
import { guessHouseholdDefaults, listCurrencies, listTimeZones } from '$lib/server/households/locale-defaults';
import { householdInput } from '$lib/server/households/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ request }) => {
	requireUser();
	return {
		defaults: guessHouseholdDefaults(request.headers.get('accept-language')),
		currencies: listCurrencies(),
		timeZones: listTimeZones()
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser();
		return formAction(event.request, 'create', householdInput, async (input) => {
			const { household } = await createHousehold(user, input);
			redirect(303, resolve('/h/[hid]', { hid: household.id }));
		});
	}
};
