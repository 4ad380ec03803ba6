/**
 * What the meal pages show: the meals coming up and lately, and one meal with who eats,
 * what they need, who cooks and cleans, and (once paid) what each eater's share came to.
 */
import type { Meal } from '$lib/meals/model';
import { listMembers } from '$lib/server/households/members';
import { getHouseholdDefaults } from '$lib/server/households/defaults';
import { getExpense } from '$lib/server/money/expense-queries';
import { getDb } from '$lib/server/db';
import type { MemberContext } from '$lib/server/households/context';
import { getMeal, listMeals } from './meals';
import { mealValues } from './forms';

const DAY = 86_400_000;
/** A meal stays under "coming up" until three hours after it is served (the cooks still run it). */
const STILL_ON = 3 * 60 * 60_000;

async function names(householdId: string) {
	const members = await listMembers(householdId);
	return members.map(({ id, displayName, role, active }) => ({ id, displayName, role, active }));
}

export async function mealsPage(context: MemberContext, now = new Date()) {
	const householdId = context.household.id;
	const [coming, past, members, defaults, rotations] = await Promise.all([
		listMeals(householdId, { from: new Date(now.getTime() - STILL_ON), to: new Date(now.getTime() + 92 * DAY) }),
		listMeals(householdId, { from: new Date(now.getTime() - 60 * DAY), to: new Date(now.getTime() - STILL_ON) }),
		names(householdId),
		getHouseholdDefaults(householdId),
		// The chores a meal's crew may be taken from: the house's chores in use, by name.
		getDb().selectFrom('chores').select(['id', 'name']).where('householdId', '=', householdId).where('active', '=', true).orderBy('name').limit(200).execute()
	]);
	return {
		coming,
		past: past.reverse().slice(0, 20),
		members,
		myPortions: defaults.rolePresets[context.member.role].mealPortions,
		rotations: rotations.map((chore) => ({ value: chore.id, label: chore.name }))
	};
}

export async function mealPage(context: MemberContext, mealId: string, now = new Date()) {
	const householdId = context.household.id;
	const meal: Meal = await getMeal(householdId, mealId);
	const [members, defaults, expense] = await Promise.all([
		names(householdId),
		getHouseholdDefaults(householdId),
		meal.expenseId ? getExpense(householdId, meal.expenseId) : null
	]);
	const me = context.member;
	const runsIt = me.isAdmin || meal.crew.some((c) => c.memberId === me.id);
	const closed = now.getTime() >= new Date(meal.closesAt).getTime();
	return {
		meal,
		members,
		portionsByRole: Object.fromEntries(Object.entries(defaults.rolePresets).map(([role, preset]) => [role, preset.mealPortions])),
		capMinor: defaults.mealPortionCapMinor,
		shares: expense ? expense.shares : [],
		closed,
		runsIt,
		mayAnswer: !meal.cancelled && meal.spentMinor === null && (!closed || runsIt),
		mayRecordCost: runsIt && closed && !meal.cancelled && meal.spentMinor === null,
		mayAnswerForOthers: me.role === 'adult',
		values: mealValues(meal, context.household.timezone)
	};
}
