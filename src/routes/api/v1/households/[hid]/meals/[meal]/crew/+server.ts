import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { mealCrew } from '$lib/server/api/spec/meals';
import { requireMember } from '$lib/server/households/guard';
import * as meals from '$lib/server/meals/meals';

export const POST = endpoint(mealCrew, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	return json(await meals.setCrew(context, event.params.meal!, body));
});
