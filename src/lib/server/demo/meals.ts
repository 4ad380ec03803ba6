/**
 * The demo household's common meal: Sunday dinner, every week. Last Sunday's was eaten
 * (Daniel cooked, Mia cleaned up, Priya brought a friend, Leo ate his half portion) and
 * Daniel has entered what he spent; next Sunday's is open for sign-ups, still without
 * anyone to clean up.
 */
import { atLocalTime, dayNumber, plusDays, todayIn } from '$lib/dates';
import type { MemberContext } from '$lib/server/households/context';
import { actingAs } from './context';
import { planMeal, recordCost, setCrew, signUp } from '$lib/server/meals/meals';

const HOUR = 60 * 60_000;

export async function seedDemoMeals(admin: MemberContext, ids: Map<string, string>): Promise<void> {
	const { household } = admin;
	const contextOf = (name: string) => actingAs(admin, ids.get(name)!);
	const today = todayIn(household.timezone);
	// Sundays (1970-01-01, day number 0, was a Thursday: a Sunday is 3 mod 7).
	const lastSunday = [1, 2, 3, 4, 5, 6, 7].map((days) => plusDays(today, -days)).find((day) => dayNumber(day) % 7 === 3)!;
	const nextSunday = [1, 2, 3, 4, 5, 6, 7].map((days) => plusDays(today, days)).find((day) => dayNumber(day) % 7 === 3)!;
	const at = (day: string, time: string) => atLocalTime(day, time, household.timezone);
	const [priya, daniel, rosa, mia] = await Promise.all(['Priya', 'Daniel', 'Grandma Rosa', 'Mia'].map(contextOf));

	// Last Sunday: planned the week before, answered that morning, paid for after.
	const served = at(lastSunday, '18:30');
	const planned = new Date(served.getTime() - 6 * 24 * HOUR);
	const morning = new Date(served.getTime() - 9 * HOUR);
	const past = await planMeal(
		daniel!,
		{
			servedAt: served.toISOString(),
			closesAt: at(lastSunday, '12:00').toISOString(),
			menu: 'Dal, rice and roasted cauliflower',
			notes: '',
			attendance: 'sign_up',
			maxPortions: null
		},
		planned
	);
	await setCrew(mia!, past.id, { task: 'clean', joining: true }, planned);
	await signUp(daniel!, past.id, { eating: true, guests: 0, diet: '' }, morning);
	await signUp(priya!, past.id, { eating: true, guests: 1, diet: '' }, morning);
	await signUp(priya!, past.id, { memberId: ids.get('Leo')!, eating: true, guests: 0, diet: 'No chilli' }, morning);
	await signUp(rosa!, past.id, { eating: true, guests: 0, diet: 'No onions, please' }, morning);
	await signUp(mia!, past.id, { eating: true, guests: 0, diet: 'Vegetarian' }, morning);
	await recordCost(daniel!, past.id, { amountMinor: 3840 }, new Date(served.getTime() + 2 * HOUR));

	// Next Sunday: Priya cooks for at most ten; sign-ups close at noon.
	const next = await planMeal(priya!, {
		servedAt: at(nextSunday, '18:30').toISOString(),
		closesAt: at(nextSunday, '12:00').toISOString(),
		menu: 'Lasagne and green salad',
		notes: 'A vegetarian tray too. Bring a friend if you like — tell us by Sunday noon.',
		attendance: 'sign_up',
		maxPortions: 10
	});
	await signUp(priya!, next.id, { eating: true, guests: 0, diet: '' });
	await signUp(priya!, next.id, { memberId: ids.get('Leo')!, eating: true, guests: 0, diet: 'No chilli' });
	await signUp(rosa!, next.id, { eating: true, guests: 0, diet: 'No onions, please' });
	await signUp(mia!, next.id, { eating: true, guests: 0, diet: 'Vegetarian' });
}
