import { z } from 'zod';
import { mealSchema } from '$lib/meals/model';
import { crewInput, dinerInput, mealCostInput, mealInput, mealPatch } from '$lib/server/meals/schemas';
import { defineOperation } from '../operation';
import { pick } from './common';

const tag = 'Meals';
const mealAnswer = { 200: { description: 'The meal', schema: mealSchema } };

export const listMeals = defineOperation({
	method: 'GET',
	path: '/households/{hid}/meals',
	summary: 'Common meals served in a window (from a day ago for 30 days by default; at most 92 days)',
	tag,
	auth: true,
	query: z.object({
		from: z.iso.datetime({ offset: true, error: 'An ISO 8601 instant with its offset.' }).optional(),
		to: z.iso.datetime({ offset: true, error: 'An ISO 8601 instant with its offset.' }).optional()
	}),
	responses: { 200: { description: 'Meals in time order', schema: z.object({ items: z.array(mealSchema) }) }, ...pick(400, 401, 404) }
});

export const createMeal = defineOperation({
	method: 'POST',
	path: '/households/{hid}/meals',
	summary: 'Plan a common meal (whoever plans it cooks unless the cooks are named)',
	tag,
	auth: true,
	body: mealInput,
	responses: { 201: { description: 'The meal', schema: mealSchema }, ...pick(400, 401, 404, 422) }
});

export const getMeal = defineOperation({
	method: 'GET',
	path: '/households/{hid}/meals/{meal}',
	summary: 'One meal, with who eats (and their dietary needs), its crew and its cost',
	tag,
	auth: true,
	responses: { ...mealAnswer, ...pick(401, 404) }
});

export const updateMeal = defineOperation({
	method: 'PATCH',
	path: '/households/{hid}/meals/{meal}',
	summary: 'Change or call off a meal (its cooks and cleaners, or admins); not once its cost is in',
	tag,
	auth: true,
	body: mealPatch,
	responses: { ...mealAnswer, ...pick(400, 401, 403, 404, 409, 422) }
});

export const answerMeal = defineOperation({
	method: 'POST',
	path: '/households/{hid}/meals/{meal}/sign-up',
	summary: 'Say whether a member eats, with portions, guests and dietary needs; 409 when the meal is full, closed or called off',
	tag,
	auth: true,
	body: dinerInput,
	responses: { ...mealAnswer, ...pick(400, 401, 403, 404, 409, 422) }
});

export const mealCrew = defineOperation({
	method: 'POST',
	path: '/households/{hid}/meals/{meal}/crew',
	summary: 'Join or leave the cooks or the cleaners (counted in chore fairness)',
	tag,
	auth: true,
	body: crewInput,
	responses: { ...mealAnswer, ...pick(400, 401, 403, 404, 409, 422) }
});

export const mealCost = defineOperation({
	method: 'POST',
	path: '/households/{hid}/meals/{meal}/cost',
	summary: 'Enter what the meal cost, once, after sign-ups close: one expense split by portions among those who ate',
	tag,
	auth: true,
	body: mealCostInput,
	responses: { ...mealAnswer, ...pick(400, 401, 403, 404, 409, 422) }
});
