import { describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { DomainError } from '../errors';
import { refusal } from '../testing/refusal';
import { contextFor, makeHouseOfThree, makeMember } from '../testing/factories';
import { getMeal, planMeal, recordCost, setCrew, signUp, updateMeal } from './meals';
import type { MealInput } from './schemas';
import { setHouseholdDefaults, getHouseholdDefaults } from '../households/defaults';
import { getExpense } from '../money/expense-queries';
import { choreFairness } from '../chores/figures';
import { atLocalTime, dayNumber, plusDays, todayIn } from '$lib/dates';
import { createChore } from '../chores/chores';
import type { ChoreInput } from '../chores/schemas';
import { calendarPage } from '../chores/calendar-page';
import { feedIcs } from '../chores/ics';
import { regenerateFeed } from '../chores/feed-links';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A meal served some days ahead at 18:00 UTC, sign-ups closing at noon that day. */
const dinner = (days = 3, more: Partial<MealInput> = {}): MealInput => {
	const served = new Date(Date.now() + days * DAY);
	served.setUTCHours(18, 0, 0, 0);
	return {
		servedAt: served.toISOString(),
		closesAt: new Date(served.getTime() - 6 * HOUR).toISOString(),
		menu: `Soup ${crypto.randomUUID().slice(0, 4)}`,
		notes: '',
		attendance: 'sign_up',
		maxPortions: null,
		...more
	};
};
/** A moment after the meal's sign-ups closed. */
const afterClosing = (meal: { closesAt: string }) => new Date(Date.parse(meal.closesAt) + HOUR);
const eat = { eating: true, guests: 0, diet: '' };

const balance = async (householdId: string, memberId: string) => {
	const row = await getDb()
		.selectFrom('memberBalances')
		.select((eb) => eb.fn.sum<number>('netMinor').as('net'))
		.where('householdId', '=', householdId)
		.where('memberId', '=', memberId)
		.executeTakeFirst();
	return Number(row?.net ?? 0);
};

describe('common meals', () => {
	it('are the house’s own: another house’s meal answers “not found” to every change', async () => {
		const one = await makeHouseOfThree('Meal House');
		const other = await makeHouseOfThree('Other House');
		const meal = await planMeal(one.admin, dinner());
		expect((await refusal(getMeal(other.admin.household.id, meal.id))).status).toBe(404);
		expect((await refusal(signUp(other.admin, meal.id, eat))).status).toBe(404);
		expect((await refusal(setCrew(other.admin, meal.id, { task: 'clean', joining: true }))).status).toBe(404);
		expect((await refusal(updateMeal(other.admin, meal.id, { menu: 'Mine now' }))).status).toBe(404);
		expect((await refusal(recordCost(other.admin, meal.id, { amountMinor: 100 }, afterClosing(meal)))).status).toBe(404);
		expect((await refusal(getMeal(one.admin.household.id, 'not-a-uuid'))).status).toBe(404);
		// Someone of another house cannot be signed up or paid by.
		expect((await refusal(signUp(one.admin, meal.id, { ...eat, memberId: other.bea.member.id }))).status).toBe(422);
	});

	it('plans with the planner cooking, and refuses times in the past or a close after serving', async () => {
		const { admin } = await makeHouseOfThree();
		const meal = await planMeal(admin, dinner());
		expect(meal.crew).toEqual([{ memberId: admin.member.id, task: 'cook', fromChoreId: null }]);
		// Served an hour later: sign-ups still close when they did; moved before that, they close when it is served.
		const later = await updateMeal(admin, meal.id, { servedAt: new Date(Date.parse(meal.servedAt) + HOUR).toISOString() });
		expect(later.closesAt).toBe(meal.closesAt);
		const earlier = new Date(Date.parse(meal.closesAt) - HOUR).toISOString();
		expect((await updateMeal(admin, meal.id, { servedAt: earlier })).closesAt).toBe(earlier);
		expect((await refusal(planMeal(admin, dinner(-2)))).fields.servedAt).toBeTruthy();
		const late = dinner(3);
		expect((await refusal(planMeal(admin, { ...late, closesAt: new Date(Date.parse(late.servedAt) + HOUR).toISOString() }))).fields.closesAt).toBeTruthy();
	});

	it('counts portions by role, guests to their host, and a child to the adult who signed them up', async () => {
		const { admin, bea, kid } = await makeHouseOfThree();
		const meal = await planMeal(admin, dinner());
		await signUp(admin, meal.id, eat);
		await signUp(bea, meal.id, { ...eat, guests: 1, diet: 'No nuts' });
		const after = await signUp(bea, meal.id, { ...eat, memberId: kid.id });
		const byMember = Object.fromEntries(after.eaters.map((eater) => [eater.memberId, eater]));
		expect(byMember[bea.member.id]).toEqual({ memberId: bea.member.id, portions: 2, chargedToMemberId: bea.member.id });
		expect(byMember[kid.id]).toEqual({ memberId: kid.id, portions: 0.5, chargedToMemberId: bea.member.id });
		expect(byMember[admin.member.id]).toEqual({ memberId: admin.member.id, portions: 1, chargedToMemberId: admin.member.id });
		expect(after.portions).toBe(3.5);
		expect(after.diners.find((d) => d.memberId === bea.member.id)?.diet).toBe('No nuts');
		// Only adults answer for others.
		const youth = await contextFor(admin.household.id, (await makeMember(admin, 'Yo', 'youth')).id);
		expect((await refusal(signUp(youth, meal.id, { ...eat, memberId: bea.member.id }))).status).toBe(403);
		expect((await signUp(youth, meal.id, eat)).portions).toBe(4.5);
	});

	it('refuses portions past the cooks’ limit, saying how many are left; less is always fine', async () => {
		const { admin, bea, kid } = await makeHouseOfThree();
		const meal = await planMeal(admin, dinner(3, { maxPortions: 3 }));
		await signUp(admin, meal.id, eat);
		await signUp(admin, meal.id, { ...eat, memberId: kid.id });
		const full = await refusal(signUp(bea, meal.id, { ...eat, guests: 1 }));
		expect(full.status).toBe(409);
		expect(full.fields.portions).toMatch(/1\.5/);
		await signUp(bea, meal.id, eat);
		expect((await refusal(signUp(admin, meal.id, { ...eat, guests: 1 }))).code).toBe('full');
		expect((await signUp(bea, meal.id, { ...eat, portions: 0.5 })).portions).toBe(2);
	});

	it('holds the limit when many sign up at once: exactly as many as fit', async () => {
		const { admin, bea } = await makeHouseOfThree();
		const others = await Promise.all(['Cy', 'Di', 'Ed', 'Fay'].map((name) => makeMember(admin, name)));
		const contexts = [admin, bea, ...(await Promise.all(others.map((m) => contextFor(admin.household.id, m.id))))];
		const meal = await planMeal(admin, dinner(3, { maxPortions: 3 }));
		const results = await Promise.allSettled(contexts.map((context) => signUp(context, meal.id, eat)));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
		expect(results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as DomainError).code)).toEqual([
			'full',
			'full',
			'full'
		]);
		expect((await getMeal(admin.household.id, meal.id)).portions).toBe(3);
	});

	it('closes sign-ups at the cooks’ time (the cooks may still change them), and not at all once called off', async () => {
		const { admin, bea } = await makeHouseOfThree();
		const meal = await planMeal(admin, dinner());
		expect((await refusal(signUp(bea, meal.id, eat, afterClosing(meal)))).code).toBe('closed');
		expect((await signUp(admin, meal.id, { ...eat, memberId: bea.member.id }, afterClosing(meal))).portions).toBe(1);
		const stale = await refusal(updateMeal(admin, meal.id, { menu: 'Stew', version: meal.version + 5 }));
		expect(stale.status).toBe(409);
		expect((await refusal(updateMeal(bea, meal.id, { cancelled: true }))).status).toBe(403);
		await updateMeal(admin, meal.id, { cancelled: true, version: meal.version });
		expect((await refusal(signUp(admin, meal.id, eat))).code).toBe('cancelled');
	});

	it('in a sign-out house counts everyone in until they say no', async () => {
		const { admin, bea, kid } = await makeHouseOfThree();
		const meal = await planMeal(admin, dinner(3, { attendance: 'sign_out' }));
		expect(meal.portions).toBe(2.5);
		const out = await signUp(bea, meal.id, { eating: false, guests: 0, diet: '' });
		expect(out.eaters.map((e) => e.memberId).sort()).toEqual([admin.member.id, kid.id].sort());
		expect(out.portions).toBe(1.5);
	});

	it('lets the crew enter the cost once, after closing: one expense split by portions, a child’s on the adult', async () => {
		const { admin, bea, kid } = await makeHouseOfThree();
		const meal = await planMeal(admin, dinner());
		await signUp(admin, meal.id, eat);
		await signUp(bea, meal.id, { ...eat, guests: 1 });
		await signUp(admin, meal.id, { ...eat, memberId: kid.id });
		const hid = admin.household.id;
		const [before, beaBefore] = [await balance(hid, admin.member.id), await balance(hid, bea.member.id)];
		expect((await refusal(recordCost(admin, meal.id, { amountMinor: 3500 }))).code).toBe('open');
		expect((await refusal(recordCost(bea, meal.id, { amountMinor: 3500 }, afterClosing(meal)))).status).toBe(403);
		// Two taps on "share the cost" at once: one expense.
		const results = await Promise.allSettled([1, 2].map(() => recordCost(admin, meal.id, { amountMinor: 3500 }, afterClosing(meal))));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const paid = await getMeal(hid, meal.id);
		expect(paid.spentMinor).toBe(3500);
		const expense = await getExpense(hid, paid.expenseId!);
		expect(expense.amountMinor).toBe(3500);
		// Admin 1 + Kid 0.5 on the admin = 1.5 portions, Bea 1 + a guest = 2: of 3.5.
		expect(Object.fromEntries(expense.shares.map((s) => [s.memberId, s.amountMinor]))).toEqual({ [admin.member.id]: 1500, [bea.member.id]: 2000 });
		expect((await balance(hid, bea.member.id)) - beaBefore).toBe(-2000);
		expect((await balance(hid, admin.member.id)) - before).toBe(2000);
		expect((await refusal(recordCost(admin, meal.id, { amountMinor: 100 }, afterClosing(meal)))).code).toBe('paid');
		expect((await refusal(signUp(admin, meal.id, eat, afterClosing(meal)))).code).toBe('paid');
	});

	it('charges at most the house’s cap per portion; the cooks carry the rest', async () => {
		const { admin, bea } = await makeHouseOfThree();
		const defaults = await getHouseholdDefaults(admin.household.id);
		await setHouseholdDefaults(admin, { ...defaults, mealPortionCapMinor: 400 });
		const meal = await planMeal(admin, dinner());
		await signUp(admin, meal.id, eat);
		await signUp(bea, meal.id, eat);
		const paid = await recordCost(admin, meal.id, { amountMinor: 3000, paidByMemberId: bea.member.id }, afterClosing(meal));
		const expense = await getExpense(admin.household.id, paid.expenseId!);
		expect(expense.amountMinor).toBe(800);
		expect(expense.payers).toEqual([{ memberId: bea.member.id, amountMinor: 800 }]);
		expect(expense.notes).toMatch(/30\.00/);
		expect((await refusal(recordCost(admin, (await planMeal(admin, dinner())).id, { amountMinor: 100 }, new Date(Date.now() + 10 * DAY)))).code).toBe(
			'nobody_ate'
		);
	});

	it('counts cooking and cleaning up in chore fairness once the meal is served', async () => {
		const { admin, bea } = await makeHouseOfThree();
		const meal = await planMeal(
			admin,
			dinner(0, { servedAt: new Date(Date.now() - 30 * 60_000).toISOString(), closesAt: new Date(Date.now() - HOUR).toISOString() })
		);
		await setCrew(bea, meal.id, { task: 'clean', joining: true });
		expect((await refusal(setCrew(admin, meal.id, { task: 'cook', joining: false }))).code).toBe('last_cook');
		await planMeal(bea, dinner(3));
		const today = todayIn(admin.household.timezone);
		const rows = await choreFairness(admin.household, plusDays(today, -1), plusDays(today, 7));
		const row = (id: string) => rows.find((r) => r.memberId === id)!;
		expect(row(admin.member.id).effortDone).toBe(3);
		expect(row(bea.member.id).effortDone).toBe(2);
		// The effort is expected of the adults and youths (capacity 1 each): half of 5 each.
		expect(row(admin.member.id).effortExpected).toBe(2.5);
	});

	it('takes its crew from chore rotations, whoever’s turn it is that day, and leaves that work for the chore to count', async () => {
		const { admin, bea } = await makeHouseOfThree();
		const other = await makeHouseOfThree('Rotation Elsewhere');
		const today = todayIn(admin.household.timezone);
		const daily = (name: string, memberId: string): ChoreInput => ({
			name,
			effort: 3,
			schedule: { kind: 'daily', interval: 1, startOn: plusDays(today, -7) },
			assignment: { strategy: 'rotate', memberIds: [memberId] }
		});
		const cooking = await createChore(admin, daily('Cook dinner', bea.member.id));
		const washing = await createChore(admin, daily('Wash up', admin.member.id));
		const justServed = { servedAt: new Date(Date.now() - 30 * 60_000).toISOString(), closesAt: new Date(Date.now() - HOUR).toISOString() };
		const meal = await planMeal(admin, dinner(0, { ...justServed, crewFrom: { cook: cooking.id, clean: washing.id } }));
		expect(meal.crew).toEqual([
			{ memberId: admin.member.id, task: 'clean', fromChoreId: washing.id },
			{ memberId: bea.member.id, task: 'cook', fromChoreId: cooking.id }
		]);
		// Counted by the chores when their turns are done, not again as crew.
		const rows = await choreFairness(admin.household, plusDays(today, -1), plusDays(today, 1));
		expect(rows.every((row) => row.effortDone === 0)).toBe(true);

		// A chore with nobody's turn that day (weekly, two days from now: ISO weekdays, 1970-01-01 a Thursday), or another house's chore, is refused by its field.
		const weekly = await createChore(admin, {
			...daily('Sunday roast', bea.member.id),
			schedule: { kind: 'weekly', interval: 1, weekdays: [((dayNumber(today) + 2 + 3) % 7) + 1], startOn: today }
		});
		const noTurn = await refusal(planMeal(admin, dinner(3, { crewFrom: { cook: weekly.id } })));
		expect(noTurn.fields['crewFrom.cook']).toMatch(/Nobody has a turn in “Sunday roast”/);
		const theirs = await createChore(other.admin, daily('Their dinner', other.admin.member.id));
		expect((await refusal(planMeal(admin, dinner(3, { crewFrom: { clean: theirs.id } })))).fields['crewFrom.clean']).toBeTruthy();
	});

	it('show in the chore calendar’s week and in the feeds: the house’s all, a member’s those they cook or eat at', async () => {
		const { admin, bea } = await makeHouseOfThree();
		const timezone = admin.household.timezone;
		const day = plusDays(todayIn(timezone), 2);
		const at = (time: string) => atLocalTime(day, time, timezone).toISOString();
		const stew = await planMeal(admin, { ...dinner(), servedAt: at('18:30'), closesAt: at('12:00'), menu: 'Stew' });
		await planMeal(admin, { ...dinner(), servedAt: at('12:30'), closesAt: at('10:00'), menu: 'Soup', attendance: 'sign_out' });
		const called = await planMeal(admin, { ...dinner(), servedAt: at('19:30'), closesAt: at('12:00'), menu: 'Called off' });
		await updateMeal(admin, called.id, { cancelled: true });
		await signUp(bea, stew.id, eat);
		const week = await calendarPage(admin, { view: 'week', anchor: day, who: 'all', weekStartsOn: 1 });
		expect(week.meals[day]).toEqual([expect.objectContaining({ menu: 'Soup', time: '12:30' }), expect.objectContaining({ menu: 'Stew', time: '18:30' })]);
		const beas = await calendarPage(admin, { view: 'agenda', anchor: day, who: bea.member.id, weekStartsOn: 1 });
		expect(beas.meals[day]?.map((meal) => meal.menu)).toEqual(['Soup', 'Stew']);
		// Bea says no to the sign-out lunch: it leaves her calendar.
		const soup = week.meals[day]![0]!;
		await signUp(bea, soup.id, { eating: false, guests: 0, diet: '' });
		const feed = async (memberId: string | null) => {
			const path = await regenerateFeed(memberId ? bea : admin, memberId ? 'member' : 'household');
			return feedIcs(admin.household.id, memberId, new URL(path, 'http://x').searchParams.get('token'));
		};
		const all = await feed(null);
		expect(all).toContain('SUMMARY:Common meal: Stew');
		expect(all).toContain('SUMMARY:Common meal: Soup');
		expect(all).not.toContain('Called off');
		const hers = await feed(bea.member.id);
		expect(hers).toContain('SUMMARY:Common meal: Stew');
		expect(hers).not.toContain('Common meal: Soup');
	});
});
