import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { createMeal, listMeals } from '$lib/server/api/spec/meals';
import { requireMember } from '$lib/server/households/guard';
import * as meals from '$lib/server/meals/meals';

export const GET = endpoint(listMeals, async ({ event, query }) => {
	const { household } = await requireMember(event.params.hid!);
	return json({ items: await meals.mealsBetween(household.id, query.from, query.to) });
});

export const POST = endpoint(createMeal, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	return json(await meals.planMeal(context, body), { status: 201 });
});
