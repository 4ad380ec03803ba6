import { z } from 'zod';
import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { formAction, orErrorPage } from '$lib/server/forms';
import { requireAdmin } from '$lib/server/households/guard';
import { getThing, payeeChoices, updateThing } from '$lib/server/commons/things';
import { thingForm, thingValues } from '$lib/server/commons/forms';
import { requestFormatLocale } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { household } = await requireAdmin(params.hid);
	const [thing, payees] = await Promise.all([orErrorPage(getThing(household.id, params.sid)), payeeChoices(household.id)]);
	return {
		thing,
		values: thingValues(thing, household.currency),
		payees
	};
};

export const actions: Actions = {
	save: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		const money = { currency: context.household.currency, locale: requestFormatLocale() };
		return formAction(request, 'save', thingForm(money, true), async (input) => {
			await updateThing(context, params.sid, input);
			redirect(303, resolve('/h/[hid]/things/[sid]', { hid: params.hid, sid: params.sid }));
		});
	},
	retire: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		return formAction(request, 'retire', z.object({ active: z.enum(['true', 'false']) }), async ({ active }) => {
			await updateThing(context, params.sid, { active: active === 'true' });
			redirect(303, resolve('/h/[hid]/things/[sid]', { hid: params.hid, sid: params.sid }));
		});
	}
};
