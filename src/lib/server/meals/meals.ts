/**
 * Common meals: planned by a member (who cooks), eaten by those who sign up (or, in a
 * sign-out house, by everyone who does not say no), paid for once after the meal as one
 * expense split by portions. The counting is pure ($lib/meals/portions.ts); the cap on
 * portions holds under parallel sign-ups because each change locks the meal's row.
 */
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import { getDb } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import type { Meals } from '$lib/server/db/generated';
import { DomainError, forbidden, notFound } from '$lib/server/errors';
import { audit } from '$lib/server/activity/log';
import { isUuid } from '$lib/server/ids';
import { checkVersion } from '$lib/server/versions';
import { householdDefaultsOf } from '$lib/server/households/defaults';
import type { MemberContext } from '$lib/server/households/context';
import { insertExpense } from '$lib/server/money/expenses';
import { categoriesOf } from '$lib/server/money/categories';
import { clockIn, formatDay, todayIn } from '$lib/dates';
import { choreCalendar } from '$lib/server/chores/occurrences';
import { chargedPortions, eatersOf, mealCharge, roundPortions, totalPortions, type MealMember } from '$lib/meals/portions';
import type { CrewTask, Diner, Meal } from '$lib/meals/model';
import type { RolePresets } from '$lib/households/roles';
import { formatMoney } from '$lib/money/format';
import { requestFormatLocale } from '$lib/server/i18n';
import type { CrewInput, DinerInput, MealCostInput, MealInput, MealPatch } from './schemas';
import { m } from '$lib/paraglide/messages';

type MealRow = Selectable<Meals>;

/** The most meals one list holds: a bound on a page's work for a house that eats together every day. */
const LIST_LIMIT = 60;

async function membersOf(db: Kysely<Database>, householdId: string): Promise<Array<MealMember & { displayName: string }>> {
	return db
		.selectFrom('members')
		.select(['id', 'role', 'active', 'displayName', 'guardianMemberId'])
		.where('householdId', '=', householdId)
		.orderBy('active', 'desc')
		.orderBy('displayName')
		.execute();
}

interface MealParts {
	crew: Map<string, Meal['crew']>;
	diners: Map<string, Diner[]>;
}

async function partsOf(db: Kysely<Database>, householdId: string, mealIds: string[]): Promise<MealParts> {
	const parts: MealParts = { crew: new Map(), diners: new Map() };
	if (mealIds.length === 0) return parts;
	const [crew, diners] = await Promise.all([
		db
			.selectFrom('mealCrew')
			.select(['mealId', 'memberId', 'task', 'fromChoreId'])
			.where('householdId', '=', householdId)
			.where('mealId', 'in', mealIds)
			.orderBy('task')
			.execute(),
		db
			.selectFrom('mealDiners')
			.select(['mealId', 'memberId', 'eating', 'portions', 'guests', 'diet', 'signedByMemberId'])
			.where('householdId', '=', householdId)
			.where('mealId', 'in', mealIds)
			.orderBy('updatedAt')
			.execute()
	]);
	for (const { mealId, ...row } of crew) parts.crew.set(mealId, [...(parts.crew.get(mealId) ?? []), row]);
	for (const { mealId, portions, ...row } of diners) parts.diners.set(mealId, [...(parts.diners.get(mealId) ?? []), { ...row, portions: Number(portions) }]);
	return parts;
}

function toMeal(row: MealRow, parts: MealParts, members: readonly MealMember[], presets: RolePresets): Meal {
	const diners = parts.diners.get(row.id) ?? [];
	const eaters = row.cancelled ? [] : eatersOf(row.attendance, members, diners, presets);
	return {
		id: row.id,
		servedAt: new Date(row.servedAt).toISOString(),
		closesAt: new Date(row.closesAt).toISOString(),
		menu: row.menu,
		notes: row.notes,
		attendance: row.attendance,
		maxPortions: row.maxPortions === null ? null : Number(row.maxPortions),
		cancelled: row.cancelled,
		crew: parts.crew.get(row.id) ?? [],
		diners,
		eaters,
		portions: totalPortions(eaters),
		spentMinor: row.spentMinor,
		spentByMemberId: row.spentByMemberId,
		expenseId: row.expenseId,
		createdByMemberId: row.createdByMemberId,
		version: row.version
	};
}

/** Meals served in [from, to), in order. */
export async function listMeals(householdId: string, window: { from: Date; to: Date }, db: Kysely<Database> = getDb()): Promise<Meal[]> {
	const rows = await db
		.selectFrom('meals')
		.selectAll()
		.where('householdId', '=', householdId)
		.where('servedAt', '>=', window.from)
		.where('servedAt', '<', window.to)
		.orderBy('servedAt')
		.limit(LIST_LIMIT)
		.execute();
	const [parts, members, defaults] = await Promise.all([
		partsOf(
			db,
			householdId,
			rows.map((row) => row.id)
		),
		membersOf(db, householdId),
		householdDefaultsOf(db, householdId)
	]);
	return rows.map((row) => toMeal(row, parts, members, defaults.rolePresets));
}

/** The most one list of meals may span: a quarter. */
export const MAX_WINDOW_DAYS = 92;
const DAY = 86_400_000;

/** The API's list: meals served in a window (from a day ago for 30 days by default). */
export async function mealsBetween(householdId: string, from: string | undefined, to: string | undefined, now = new Date()): Promise<Meal[]> {
	const start = from ? new Date(from) : new Date(now.getTime() - DAY);
	const end = to ? new Date(to) : new Date(start.getTime() + 30 * DAY);
	if (end.getTime() <= start.getTime() || end.getTime() - start.getTime() > MAX_WINDOW_DAYS * DAY) {
		const message = m.v_booking_window({ days: MAX_WINDOW_DAYS });
		throw new DomainError(400, 'bad_window', message, { to: message });
	}
	return listMeals(householdId, { from: start, to: end });
}

async function readMeal(db: Kysely<Database>, householdId: string, mealId: string, lock = false): Promise<MealRow> {
	if (!isUuid(mealId)) throw notFound(m.thing_meal);
	let query = db.selectFrom('meals').selectAll().where('householdId', '=', householdId).where('id', '=', mealId);
	if (lock) query = query.forUpdate();
	const row = await query.executeTakeFirst();
	if (!row) throw notFound(m.thing_meal);
	return row;
}

/** One change to a meal: in a transaction, with the meal's row locked (parallel changes take turns). */
function withMealLocked<T>(context: MemberContext, mealId: string, work: (trx: Kysely<Database>, row: MealRow) => Promise<T>): Promise<T> {
	return getDb()
		.transaction()
		.execute(async (trx) => work(trx, await readMeal(trx, context.household.id, mealId, true)));
}

/** A meal called off, or paid for, is settled: nothing about it changes any more. */
function checkUnsettled(meal: Pick<MealRow, 'cancelled' | 'spentMinor'>): void {
	if (meal.cancelled) throw new DomainError(409, 'cancelled', m.e_meal_cancelled());
	if (meal.spentMinor !== null) throw new DomainError(409, 'paid', m.e_meal_paid());
}

async function present(db: Kysely<Database>, householdId: string, row: MealRow): Promise<Meal> {
	const [parts, members, defaults] = await Promise.all([partsOf(db, householdId, [row.id]), membersOf(db, householdId), householdDefaultsOf(db, householdId)]);
	return toMeal(row, parts, members, defaults.rolePresets);
}

export async function getMeal(householdId: string, mealId: string): Promise<Meal> {
	const db = getDb();
	return present(db, householdId, await readMeal(db, householdId, mealId));
}

/** The facts an entry about a meal tells: its menu and day. */
const mealFacts = (context: MemberContext, row: Pick<MealRow, 'menu' | 'servedAt'>) => ({
	actor: context.member.displayName,
	menu: row.menu,
	day: todayIn(context.household.timezone, new Date(row.servedAt)),
	time: clockIn(context.household.timezone, new Date(row.servedAt))
});

/** A new serving time may not have passed (an hour's grace); sign-ups close by the time it is served. */
function checkTimes(servedAt: Date, closesAt: Date, now: Date, servedChanged = true): void {
	if (servedChanged && servedAt.getTime() < now.getTime() - 60 * 60_000) throw new DomainError(422, 'in_past', m.e_meal_past(), { servedAt: m.e_meal_past() });
	if (closesAt.getTime() > servedAt.getTime()) throw new DomainError(422, 'closes_after', m.e_meal_closes_after(), { closesAt: m.e_meal_closes_after() });
}

async function activeMember(db: Kysely<Database>, householdId: string, memberId: string, field: string) {
	const row = await db
		.selectFrom('members')
		.select(['id', 'displayName', 'role', 'active'])
		.where('householdId', '=', householdId)
		.where('id', '=', memberId)
		.executeTakeFirst();
	if (!row || !row.active) throw new DomainError(422, 'unknown_member', m.v_member_pick(), { [field]: m.v_member_pick() });
	return row;
}

/** Plans a meal; whoever plans it cooks unless the cooks are named. */
export async function planMeal(context: MemberContext, input: MealInput, now = new Date()): Promise<Meal> {
	const householdId = context.household.id;
	const servedAt = new Date(input.servedAt);
	const closesAt = input.closesAt ? new Date(input.closesAt) : servedAt;
	checkTimes(servedAt, closesAt, now);
	const turns = await turnsOn(context, input.crewFrom ?? {}, todayIn(context.household.timezone, servedAt));
	const rotationCook = turns.find((turn) => turn.task === 'cook');
	const cooks = [...new Set(input.cooks?.length ? input.cooks : rotationCook ? [rotationCook.memberId] : [context.member.id])];
	const crew = [
		...cooks.map((memberId) => ({ memberId, task: 'cook' as const, fromChoreId: memberId === rotationCook?.memberId ? rotationCook.choreId : null })),
		...turns.filter((turn) => turn.task === 'clean').map(({ memberId, task, choreId }) => ({ memberId, task, fromChoreId: choreId }))
	];
	return getDb()
		.transaction()
		.execute(async (trx) => {
			for (const cook of cooks) await activeMember(trx, householdId, cook, 'cooks');
			const row = await trx
				.insertInto('meals')
				.values({
					householdId,
					servedAt,
					closesAt,
					menu: input.menu,
					notes: input.notes,
					attendance: input.attendance,
					maxPortions: input.maxPortions,
					createdByMemberId: context.member.id
				})
				.returningAll()
				.executeTakeFirstOrThrow();
			await trx
				.insertInto('mealCrew')
				.values(crew.map((line) => ({ householdId, mealId: row.id, ...line })))
				.execute();
			await audit(trx, context, { action: 'meal.planned', subjectType: 'meal', subjectId: row.id, facts: mealFacts(context, row) });
			return present(trx, householdId, row);
		});
}

/**
 * Whose turn it is, on the meal's day, in each chore named to give the crew. A chore of
 * another house, or one with nobody's turn that day, is refused by its field.
 */
async function turnsOn(
	context: MemberContext,
	crewFrom: NonNullable<MealInput['crewFrom']>,
	day: string
): Promise<Array<{ memberId: string; task: CrewTask; choreId: string }>> {
	const wanted = (['cook', 'clean'] as const).flatMap((task) => (crewFrom[task] ? [{ task, choreId: crewFrom[task] }] : []));
	if (wanted.length === 0) return [];
	const chores = await getDb()
		.selectFrom('chores')
		.select(['id', 'name'])
		.where('householdId', '=', context.household.id)
		.where(
			'id',
			'in',
			wanted.map((w) => w.choreId)
		)
		.execute();
	const due = await choreCalendar(context.household, day, day);
	return wanted.map(({ task, choreId }) => {
		const field = `crewFrom.${task}`;
		const chore = chores.find((c) => c.id === choreId);
		if (!chore) throw new DomainError(422, 'rule_broken', m.v_meal_rotation(), { [field]: m.v_meal_rotation() });
		const turn = due.find((o) => o.choreId === choreId && o.assigneeMemberId);
		if (!turn) {
			const message = m.e_meal_no_turn({ chore: chore.name, day: formatDay(day, requestFormatLocale()) });
			throw new DomainError(422, 'no_turn', message, { [field]: message });
		}
		return { memberId: turn.assigneeMemberId!, task, choreId };
	});
}

const isCrew = (meal: Meal, memberId: string) => meal.crew.some((c) => c.memberId === memberId);

/** A meal's cooks and cleaners and the admins change it and its sign-ups after they close. */
function mayRun(context: MemberContext, meal: Meal): boolean {
	return context.member.isAdmin || isCrew(meal, context.member.id);
}

const describeMealField = (field: string, value: unknown): string | null =>
	field === 'menu' ? m.change_menu({ value: String(value) }) : field === 'servedAt' ? m.change_meal_time() : null;

/** A cook or an admin changes the meal (or calls it off); `patch.version` as the edit's base (409 if someone saved since). */
export async function updateMeal(context: MemberContext, mealId: string, patch: MealPatch, now = new Date()): Promise<Meal> {
	const householdId = context.household.id;
	return withMealLocked(context, mealId, async (trx, row) => {
		const before = await present(trx, householdId, row);
		if (!mayRun(context, before)) throw forbidden(m.e_meal_not_cook());
		if (row.spentMinor !== null) throw new DomainError(409, 'paid', m.e_meal_paid());
		const { version, ...fields } = patch;
		checkVersion(m.this_meal, version, { ...before }, fields, describeMealField);
		const servedAt = fields.servedAt ? new Date(fields.servedAt) : new Date(row.servedAt);
		// A meal moved earlier than its closing time closes when it is served; otherwise the closing time stays.
		const keptClose = new Date(Math.min(new Date(row.closesAt).getTime(), servedAt.getTime()));
		const closesAt = fields.closesAt ? new Date(fields.closesAt) : keptClose;
		if (fields.servedAt || fields.closesAt) checkTimes(servedAt, closesAt, now, servedAt.getTime() !== new Date(row.servedAt).getTime());
		const updated = await trx
			.updateTable('meals')
			.set({
				...(fields.menu === undefined ? {} : { menu: fields.menu }),
				...(fields.notes === undefined ? {} : { notes: fields.notes }),
				...(fields.attendance === undefined ? {} : { attendance: fields.attendance }),
				...(fields.maxPortions === undefined ? {} : { maxPortions: fields.maxPortions }),
				...(fields.cancelled === undefined ? {} : { cancelled: fields.cancelled }),
				servedAt,
				closesAt,
				version: row.version + 1
			})
			.where('householdId', '=', householdId)
			.where('id', '=', mealId)
			.returningAll()
			.executeTakeFirstOrThrow();
		const action = fields.cancelled === true && !row.cancelled ? 'meal.cancelled' : 'meal.changed';
		const after = await present(trx, householdId, updated);
		await audit(trx, context, { action, subjectType: 'meal', subjectId: mealId, facts: mealFacts(context, updated), details: { before, after } });
		return after;
	});
}

/** Whom the actor answers for: themselves, or (an adult) anyone still in the house. */
async function answeredFor(trx: Kysely<Database>, context: MemberContext, memberId: string | undefined) {
	const id = memberId ?? context.member.id;
	if (id !== context.member.id && context.member.role !== 'adult') throw forbidden(m.e_meal_for_others());
	return activeMember(trx, context.household.id, id, 'memberId');
}

function checkOpen(context: MemberContext, meal: Meal, now: Date): void {
	checkUnsettled(meal);
	if (now.getTime() >= new Date(meal.closesAt).getTime() && !mayRun(context, meal)) throw new DomainError(409, 'closed', m.e_meal_closed());
}

/**
 * Says whether a member eats (their portions, the guests they bring, their dietary needs).
 * More portions than the cooks make are refused, saying how many are left; the meal's row
 * is locked, so parallel sign-ups cannot pass the cap together.
 */
export async function signUp(context: MemberContext, mealId: string, input: DinerInput, now = new Date()): Promise<Meal> {
	const householdId = context.household.id;
	return withMealLocked(context, mealId, async (trx, row) => {
		const before = await present(trx, householdId, row);
		checkOpen(context, before, now);
		const member = await answeredFor(trx, context, input.memberId);
		const presets = (await householdDefaultsOf(trx, householdId)).rolePresets;
		const portions = input.eating ? (input.portions ?? presets[member.role].mealPortions) : 0;
		const guests = input.eating ? input.guests : 0;
		if (before.maxPortions !== null) {
			const others = before.eaters.filter((e) => e.memberId !== member.id);
			const mine = before.eaters.find((e) => e.memberId === member.id)?.portions ?? 0;
			const wanted = roundPortions(portions + guests * presets.guest.mealPortions);
			const left = roundPortions(before.maxPortions - totalPortions(others));
			if (wanted > mine && wanted > left) {
				const message = left > 0 ? m.e_meal_full_left({ left: String(left) }) : m.e_meal_full();
				throw new DomainError(409, 'full', message, { portions: message });
			}
		}
		const values = { eating: input.eating, portions, guests, diet: input.diet, signedByMemberId: context.member.id, updatedAt: now };
		await trx
			.insertInto('mealDiners')
			.values({ householdId, mealId, memberId: member.id, ...values })
			.onConflict((oc) => oc.columns(['householdId', 'mealId', 'memberId']).doUpdateSet(values))
			.execute();
		await audit(trx, context, {
			action: input.eating ? 'meal.signed_up' : 'meal.signed_out',
			subjectType: 'meal',
			subjectId: mealId,
			facts: { ...mealFacts(context, row), name: member.displayName, portions, guests }
		});
		return present(trx, householdId, row);
	});
}

/** Joins or leaves a meal's cooks or cleaners (oneself, or an adult for anyone). */
export async function setCrew(context: MemberContext, mealId: string, input: CrewInput, now = new Date()): Promise<Meal> {
	const householdId = context.household.id;
	return withMealLocked(context, mealId, async (trx, row) => {
		checkUnsettled(row);
		if (now.getTime() > new Date(row.servedAt).getTime() + DAY) throw new DomainError(409, 'over', m.e_meal_over());
		const member = await answeredFor(trx, context, input.memberId);
		const task: CrewTask = input.task;
		if (input.joining)
			await trx
				.insertInto('mealCrew')
				.values({ householdId, mealId, memberId: member.id, task })
				.onConflict((oc) => oc.doNothing())
				.execute();
		else {
			const cooks = await trx
				.selectFrom('mealCrew')
				.select('memberId')
				.where('householdId', '=', householdId)
				.where('mealId', '=', mealId)
				.where('task', '=', 'cook')
				.execute();
			if (task === 'cook' && cooks.length === 1 && cooks[0]!.memberId === member.id)
				throw new DomainError(409, 'last_cook', m.e_meal_last_cook(), { task: m.e_meal_last_cook() });
			await trx
				.deleteFrom('mealCrew')
				.where('householdId', '=', householdId)
				.where('mealId', '=', mealId)
				.where('memberId', '=', member.id)
				.where('task', '=', task)
				.execute();
		}
		await audit(trx, context, {
			action: input.joining ? 'meal.crew_joined' : 'meal.crew_left',
			subjectType: 'meal',
			subjectId: mealId,
			facts: { ...mealFacts(context, row), name: member.displayName, task }
		});
		return present(trx, householdId, row);
	});
}

/**
 * After sign-ups close, a cook (or an admin) enters what the meal cost: once. It becomes
 * one expense paid by whoever shopped, split by portions among those who ate (a guest's
 * portion charged to their host), at most the house's cap per portion.
 */
export async function recordCost(context: MemberContext, mealId: string, input: MealCostInput, now = new Date()): Promise<Meal> {
	const householdId = context.household.id;
	return withMealLocked(context, mealId, async (trx, row) => {
		const meal = await present(trx, householdId, row);
		if (!mayRun(context, meal)) throw forbidden(m.e_meal_not_cook());
		checkUnsettled(row);
		if (now.getTime() < new Date(meal.closesAt).getTime()) throw new DomainError(409, 'open', m.e_meal_still_open());
		if (meal.eaters.length === 0) throw new DomainError(422, 'nobody_ate', m.e_meal_nobody(), { amountMinor: m.e_meal_nobody() });
		const payer = await activeMember(trx, householdId, input.paidByMemberId ?? context.member.id, 'paidByMemberId');
		const defaults = await householdDefaultsOf(trx, householdId);
		const charged = mealCharge(input.amountMinor, meal.portions, defaults.mealPortionCapMinor);
		const currency = context.household.currency;
		const locale = requestFormatLocale();
		const categories = await categoriesOf(trx, householdId);
		const category = categories.find((c) => c.key === 'groceries')?.key ?? categories[0]!.key;
		const expenseId = crypto.randomUUID();
		await insertExpense(
			trx,
			context,
			{
				description: m.meal_expense_description({ menu: row.menu }),
				amountMinor: charged,
				spentOn: todayIn(context.household.timezone, new Date(row.servedAt)),
				category,
				notes:
					charged < input.amountMinor
						? m.meal_expense_capped({
								spent: formatMoney(input.amountMinor, currency, locale),
								cap: formatMoney(defaults.mealPortionCapMinor!, currency, locale)
							})
						: '',
				payers: [{ memberId: payer.id, amountMinor: charged }],
				split: { mode: 'shares', parts: chargedPortions(meal.eaters).map((payer) => ({ memberId: payer.memberId, value: payer.portions })) }
			},
			expenseId,
			{ via: 'meal', menu: row.menu }
		);
		const updated = await trx
			.updateTable('meals')
			.set({ spentMinor: input.amountMinor, spentByMemberId: payer.id, expenseId, version: row.version + 1 })
			.where('householdId', '=', householdId)
			.where('id', '=', mealId)
			.returningAll()
			.executeTakeFirstOrThrow();
		await audit(trx, context, {
			action: 'meal.cost_recorded',
			subjectType: 'meal',
			subjectId: mealId,
			facts: { ...mealFacts(context, row), amountMinor: charged, currency, portions: meal.portions }
		});
		return present(trx, householdId, updated);
	});
}

/**
 * Meals served in [from, to) with their crews: what chore fairness counts (served, not
 * called off). A crew line taken from a chore's turn is left out: that chore counts it.
 */
export async function crewWork(householdId: string, from: Date, to: Date): Promise<Array<{ servedAt: Date; memberId: string; task: CrewTask }>> {
	const rows = await getDb()
		.selectFrom('meals')
		.innerJoin('mealCrew as c', (join) => join.onRef('c.householdId', '=', 'meals.householdId').onRef('c.mealId', '=', 'meals.id'))
		.select(['meals.servedAt', 'c.memberId', 'c.task'])
		.where('meals.householdId', '=', householdId)
		.where('meals.cancelled', '=', false)
		.where('c.fromChoreId', 'is', null)
		.where('meals.servedAt', '>=', from)
		.where('meals.servedAt', '<', to)
		.orderBy('meals.servedAt')
		.limit(5000)
		.execute();
	return rows.map((row) => ({ ...row, servedAt: new Date(row.servedAt) }));
}

/** A meal as calendars show it. */
export interface CalendarMeal {
	id: string;
	menu: string;
	servedAt: Date;
}

/**
 * Meals served in [from, to), not called off, in order: the house's, or (`memberId`) those
 * the member cooks, cleans up or eats at (in a sign-out house, unless they said no).
 */
export async function mealsOnCalendar(householdId: string, from: Date, to: Date, memberId?: string): Promise<CalendarMeal[]> {
	let query = getDb()
		.selectFrom('meals')
		.select(['meals.id', 'meals.menu', 'meals.servedAt'])
		.where('meals.householdId', '=', householdId)
		.where('meals.cancelled', '=', false)
		.where('meals.servedAt', '>=', from)
		.where('meals.servedAt', '<', to);
	if (memberId) {
		const said = (eating: boolean) => (eb: ExpressionBuilder<Database, 'meals'>) =>
			eb.exists(
				eb
					.selectFrom('mealDiners as d')
					.select('d.memberId')
					.whereRef('d.householdId', '=', 'meals.householdId')
					.whereRef('d.mealId', '=', 'meals.id')
					.where('d.memberId', '=', memberId)
					.where('d.eating', '=', eating)
			);
		query = query.where((eb) =>
			eb.or([
				eb.exists(
					eb
						.selectFrom('mealCrew as c')
						.select('c.memberId')
						.whereRef('c.householdId', '=', 'meals.householdId')
						.whereRef('c.mealId', '=', 'meals.id')
						.where('c.memberId', '=', memberId)
				),
				said(true)(eb),
				eb.and([eb('meals.attendance', '=', 'sign_out'), eb.not(said(false)(eb))])
			])
		);
	}
	const rows = await query
		.orderBy('meals.servedAt')
		.limit(LIST_LIMIT * 10)
		.execute();
	return rows.map((row) => ({ ...row, servedAt: new Date(row.servedAt) }));
}
