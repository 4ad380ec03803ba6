/**
 * Common meals' words and shapes, once: the value lists the forms, the API, the database
 * and the labels use, and the meal as the domain returns it and the API serves it.
 */
import { z } from 'zod';
import { idField } from '$lib/schema-fields';
import { labelsOf } from '$lib/i18n/labels';
import { m } from '$lib/paraglide/messages';

export const MEAL_ATTENDANCE = ['sign_up', 'sign_out'] as const;
export const CREW_TASKS = ['cook', 'clean'] as const;

export type MealAttendance = (typeof MEAL_ATTENDANCE)[number];
export type CrewTask = (typeof CREW_TASKS)[number];

/** What cooking or cleaning up a common meal counts for in chore fairness (a chore's effort runs 1–5). */
export const CREW_EFFORT: Readonly<Record<CrewTask, number>> = Object.freeze({ cook: 3, clean: 2 });

/** The most guests one member brings to one meal, and the most portions one person eats. */
export const MAX_GUESTS = 20;
export const MAX_PORTIONS = 10;

export const ATTENDANCE_LABELS = labelsOf<MealAttendance>({ sign_up: m.meal_attendance_sign_up, sign_out: m.meal_attendance_sign_out });
export const CREW_TASK_LABELS = labelsOf<CrewTask>({ cook: m.meal_task_cook, clean: m.meal_task_clean });

export const dinerSchema = /* @__PURE__ */ z
	.object({
		memberId: idField,
		eating: z.boolean(),
		portions: z.number().meta({ description: 'The member’s own portions (a child eats half by default)' }),
		guests: z.number().int().meta({ description: 'Guests the member brings, each charged to them as one guest portion' }),
		diet: z.string().meta({ description: 'Dietary needs, for the cooks' }),
		signedByMemberId: idField
	})
	.meta({ id: 'MealDiner' });

export const eaterSchema = /* @__PURE__ */ z
	.object({
		memberId: idField,
		portions: z.number().meta({ description: 'Their portions and their guests’' }),
		chargedToMemberId: idField.meta({ description: 'Who pays for them: themselves, or for a child the adult who signed them up (else their guardian)' })
	})
	.meta({ id: 'MealEater' });

export const mealSchema = /* @__PURE__ */ z
	.object({
		id: idField,
		servedAt: z.string(),
		closesAt: z.string().meta({ description: 'Sign-ups close (the cooks may still change them)' }),
		menu: z.string(),
		notes: z.string(),
		attendance: z.enum(MEAL_ATTENDANCE).meta({ description: 'sign_up: nobody eats unless they say so; sign_out: every member eats unless they say not' }),
		maxPortions: z.number().nullable(),
		cancelled: z.boolean(),
		crew: z.array(
			z.object({
				memberId: idField,
				task: z.enum(CREW_TASKS),
				fromChoreId: idField.nullable().meta({ description: 'The chore whose turn put them on the crew (counted in fairness by that chore)' })
			})
		),
		diners: z.array(dinerSchema).meta({ description: 'What members said (in a sign-out house, who is out)' }),
		eaters: z.array(eaterSchema).meta({ description: 'Who eats, as the meal’s cost will be split' }),
		portions: z.number().meta({ description: 'All portions, guests included' }),
		spentMinor: z.number().int().nullable(),
		spentByMemberId: idField.nullable(),
		expenseId: idField.nullable().meta({ description: 'The expense the cost became, split by portions' }),
		createdByMemberId: idField,
		version: z.number().int()
	})
	.meta({ id: 'Meal' });

export type Meal = z.infer<typeof mealSchema>;
export type Diner = z.infer<typeof dinerSchema>;
export type Eater = z.infer<typeof eaterSchema>;
