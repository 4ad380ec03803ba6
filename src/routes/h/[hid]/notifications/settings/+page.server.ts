import { formAction } from '$lib/server/forms';
import { requireMember } from '$lib/server/households/guard';
import { myPreferences, saveMyPreferences } from '$lib/server/notifications/preferences';
import { preferencesForm } from '$lib/server/notifications/preferences-form';
import { pushPublicKey } from '$lib/server/notifications/push';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const context = await requireMember(params.hid);
	const [preferences, pushKey] = await Promise.all([myPreferences(context), pushPublicKey()]);
	return { preferences, pushKey };
};

export const actions: Actions = {
	save: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'save', preferencesForm, (preferences) => saveMyPreferences(context, preferences).then(() => true as const));
	}
};
