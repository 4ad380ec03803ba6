import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { getMeal, updateMeal } from '$lib/server/api/spec/meals';
import { requireMember } from '$lib/server/households/guard';
import * as meals from '$lib/server/meals/meals';

export const GET = endpoint(getMeal, async ({ event }) => {
	const { household } = await requireMember(event.params.hid!);
	return json(await meals.getMeal(household.id, event.params.meal!));
});

export const PATCH = endpoint(updateMeal, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	return json(await meals.updateMeal(context, event.params.meal!, body));
});
