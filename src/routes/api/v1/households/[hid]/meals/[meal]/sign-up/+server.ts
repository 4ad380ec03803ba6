import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { answerMeal } from '$lib/server/api/spec/meals';
import { requireMember } from '$lib/server/households/guard';
import * as meals from '$lib/server/meals/meals';

export const POST = endpoint(answerMeal, async ({ event, body }) => {
	const context = await requireMember(event.params.hid!);
	return json(await meals.signUp(context, event.params.meal!, body));
});
