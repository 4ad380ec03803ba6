import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { formAction } from '$lib/server/forms';
import { requireAdmin, requireMember } from '$lib/server/households/guard';
import { createThing, listThings, nextBookings, payeeChoices } from '$lib/server/commons/things';
import { NEW_THING_VALUES, thingForm } from '$lib/server/commons/forms';
import { requestFormatLocale } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { household } = await requireMember(params.hid);
	const [things, next, payees] = await Promise.all([listThings(household.id), nextBookings(household.id), payeeChoices(household.id)]);
	return {
		things: things.map((thing) => ({ ...thing, next: next.get(thing.id) ?? null })),
		newValues: NEW_THING_VALUES,
		payees
	};
};

export const actions: Actions = {
	add: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		const money = { currency: context.household.currency, locale: requestFormatLocale() };
		return formAction(request, 'add', thingForm(money), async (input) => {
			const thing = await createThing(context, input);
			redirect(303, resolve('/h/[hid]/things/[sid]', { hid: params.hid, sid: thing.id }));
		});
	}
};
