import { z } from 'zod';
import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { formAction } from '$lib/server/forms';
import { fromForm } from '$lib/server/validation';
import { requireMember } from '$lib/server/households/guard';
import { planMeal, signUp } from '$lib/server/meals/meals';
import { mealsPage } from '$lib/server/meals/meal-page';
import { mealForm, newMealValues } from '$lib/server/meals/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const context = await requireMember(params.hid);
	return { ...(await mealsPage(context)), newValues: newMealValues(context.household.timezone) };
};

/** The list's one-tap answer: eating or not, with one's usual portions. */
const quickAnswer = fromForm(z.object({ mealId: z.string().max(60), eating: z.boolean() }));

export const actions: Actions = {
	plan: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'plan', mealForm(context.household.timezone), async (input) => {
			const meal = await planMeal(context, input);
			redirect(303, resolve('/h/[hid]/meals/[meal]', { hid: params.hid, meal: meal.id }));
		});
	},
	answer: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'answer', quickAnswer, ({ mealId, eating }) => signUp(context, mealId, { eating, guests: 0, diet: '' }));
	}
};
