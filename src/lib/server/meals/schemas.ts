import { z } from 'zod';
import { CREW_TASKS, MAX_GUESTS, MEAL_ATTENDANCE } from '$lib/meals/model';
import { amountMinorField } from '$lib/server/money/schemas';
import { mealPortionsField } from '$lib/server/households/schemas';
import { freeText, singleLineText, versionField, wholeNumber } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';

const instant = (message: () => string) => z.iso.datetime({ offset: true, error: message });

const mealFields = {
	servedAt: instant(() => m.v_meal_served()),
	closesAt: instant(() => m.v_meal_closes()),
	menu: singleLineText(() => m.v_meal_menu(), 200),
	notes: freeText(2000),
	attendance: z.enum(MEAL_ATTENDANCE, { error: () => m.v_meal_attendance() }),
	maxPortions: z
		.number({ error: () => m.v_meal_max_portions() })
		.min(1, { error: () => m.v_meal_max_portions() })
		.max(1000, { error: () => m.v_meal_max_portions() })
		.refine((n) => Math.round(n * 100) === n * 100, { error: () => m.v_meal_max_portions() })
		.nullable()
};

export const mealInput = z
	.object({
		...mealFields,
		closesAt: mealFields.closesAt.optional().meta({ description: 'When sign-ups close; the serving time by default' }),
		notes: mealFields.notes.default(''),
		attendance: mealFields.attendance.default('sign_up'),
		maxPortions: mealFields.maxPortions.default(null),
		cooks: z
			.array(z.uuid({ error: () => m.v_member_pick() }))
			.max(10)
			.optional()
			.meta({ description: 'Who cooks; whose turn it is in `crewFrom.cook`, or else the one planning it, by default' }),
		crewFrom: z
			.object({
				cook: z.uuid({ error: () => m.v_meal_rotation() }).optional(),
				clean: z.uuid({ error: () => m.v_meal_rotation() }).optional()
			})
			.optional()
			.meta({
				description:
					'Chores whose rotation gives the crew: whoever’s turn it is on the meal’s day cooks (`cook`) or cleans up (`clean`); counted in fairness by that chore, once'
			})
	})
	.meta({ id: 'MealInput' });

/** A change by a cook or an admin: only what is sent changes. */
export const mealPatch = z
	.object({
		servedAt: mealFields.servedAt.optional(),
		closesAt: mealFields.closesAt.optional(),
		menu: mealFields.menu.optional(),
		notes: mealFields.notes.optional(),
		attendance: mealFields.attendance.optional(),
		maxPortions: mealFields.maxPortions.optional(),
		cancelled: z.boolean().optional(),
		version: versionField().optional()
	})
	.meta({ id: 'MealPatch' });

export const dinerInput = z
	.object({
		memberId: z
			.uuid({ error: () => m.v_member_pick() })
			.optional()
			.meta({ description: 'Yourself by default; an adult may answer for anyone' }),
		eating: z.boolean({ error: () => m.v_meal_eating() }),
		portions: mealPortionsField.optional().meta({ description: 'The member’s own portions; their role’s by default (a child half)' }),
		guests: wholeNumber(0, MAX_GUESTS, { missing: () => m.v_meal_guests() }).default(0),
		diet: freeText(300).trim().default('').meta({ description: 'Dietary needs the cooks should know' })
	})
	.meta({ id: 'MealDinerInput' });

export const crewInput = z
	.object({
		memberId: z.uuid({ error: () => m.v_member_pick() }).optional(),
		task: z.enum(CREW_TASKS, { error: () => m.v_meal_task() }),
		joining: z.boolean({ error: () => m.v_meal_joining() })
	})
	.meta({ id: 'MealCrewInput' });

export const mealCostInput = z
	.object({
		amountMinor: amountMinorField,
		paidByMemberId: z
			.uuid({ error: () => m.v_member_pick() })
			.optional()
			.meta({ description: 'Who paid; yourself by default' })
	})
	.meta({ id: 'MealCostInput' });

export type MealInput = z.infer<typeof mealInput>;
export type MealPatch = z.infer<typeof mealPatch>;
export type DinerInput = z.infer<typeof dinerInput>;
export type CrewInput = z.infer<typeof crewInput>;
export type MealCostInput = z.infer<typeof mealCostInput>;
