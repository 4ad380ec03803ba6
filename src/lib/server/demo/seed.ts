/**
 * The demo household, "Maple Street House": three generations under one roof, one of
 * them without a login. `npm run dev` creates it on first start; `npm run seed` too.
 */
import { SESSION_USER_COLUMNS } from '$lib/server/auth/sessions';
import { getDb } from '$lib/server/db';
import { hashPassword } from '$lib/server/auth/passwords';
import type { SessionUser } from '$lib/server/auth/sessions';
import { createHousehold } from '$lib/server/households/households';
import { addMember } from '$lib/server/households/members';
import { addAbsence } from '$lib/server/households/absences';
import { createInvite } from '$lib/server/households/invites';
import type { MemberContext } from '$lib/server/households/context';
import { plusDays, todayIn } from '$lib/dates';
import { createExpense } from '$lib/server/money/expenses';
import { recordSettlement } from '$lib/server/money/balances';
import { createRecurring } from '$lib/server/money/recurring';
import { createChore } from '$lib/server/chores/chores';
import { choreCalendar } from '$lib/server/chores/occurrences';
import type { ChoreInput } from '$lib/server/chores/schemas';
import { sql } from 'kysely';
import { seedDemoDecisions } from './decisions';
import { seedDemoCommons } from './commons';
import { seedDemoMeals } from './meals';
import { seedDemoFund } from './funds';
import { dateDemoHistory } from './history';
import { addDays, format } from 'date-fns';

export const DEMO_PASSWORD = 'maple-street';
export const DEMO_HOUSEHOLD = 'Maple Street House';
const TIMEZONE = 'Europe/Berlin';

const PEOPLE = [
	{ email: 'priya@maple.example', displayName: 'Priya', role: 'adult', isAdmin: true, shareWeight: 1.5, choreCapacity: 1 },
	{ email: 'daniel@maple.example', displayName: 'Daniel', role: 'adult', isAdmin: true, shareWeight: 1.5, choreCapacity: 1 },
	{ email: 'rosa@maple.example', displayName: 'Grandma Rosa', role: 'adult', isAdmin: false, shareWeight: 0.5, choreCapacity: 0.5 },
	{ email: 'mia@maple.example', displayName: 'Mia', role: 'youth', isAdmin: false, shareWeight: 0, choreCapacity: 0.75 },
	{ email: null, displayName: 'Leo', role: 'child', isAdmin: false, shareWeight: 0, choreCapacity: 0.25 }
] as const;

export interface DemoSeedResult {
	created: boolean;
	householdId: string;
}

/** The dev and test demo: every adult and Mia have an account (password `maple-street`); kept for good. */
export async function seedDemoHousehold(): Promise<DemoSeedResult> {
	const db = getDb();
	const existing = await db
		.selectFrom('users')
		.innerJoin('members', 'members.userId', 'users.id')
		.innerJoin('households', 'households.id', 'members.householdId')
		.select('households.id')
		.where('users.email', '=', PEOPLE[0].email)
		.where('households.name', '=', DEMO_HOUSEHOLD)
		.executeTakeFirst();
	if (existing) return { created: false, householdId: existing.id };

	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const accounts = new Map<string, SessionUser>();
	for (const person of PEOPLE) {
		if (!person.email) continue;
		const user = await db
			.insertInto('users')
			.values({ email: person.email, displayName: person.displayName, passwordHash })
			.onConflict((oc) => oc.column('email').doUpdateSet({ displayName: person.displayName }))
			.returning(SESSION_USER_COLUMNS)
			.executeTakeFirstOrThrow();
		accounts.set(person.displayName, user);
	}
	return { created: true, householdId: await plantDemoHouse(accounts, null) };
}

/**
 * Maple Street House with its months of history. `accounts`: the people who log in, by
 * name (Priya's is required: she founds the house); the rest are members without a login.
 */
export async function plantDemoHouse(accounts: Map<string, SessionUser>, expiresAt: Date | null): Promise<string> {
	const db = getDb();
	const founder = accounts.get(PEOPLE[0].displayName)!;
	const { household, memberId } = await createHousehold(founder, { name: DEMO_HOUSEHOLD, currency: 'EUR', timezone: TIMEZONE }, { expiresAt });
	await db.updateTable('members').set({ shareWeight: PEOPLE[0].shareWeight }).where('householdId', '=', household.id).where('id', '=', memberId).execute();
	const founderRow = await db.selectFrom('members').selectAll().where('householdId', '=', household.id).where('id', '=', memberId).executeTakeFirstOrThrow();
	const admin: MemberContext = { user: founder, household, member: founderRow };

	const memberIds = new Map<string, string>([[PEOPLE[0].displayName, memberId]]);
	for (const person of PEOPLE.slice(1)) {
		const member = await addMember(admin, {
			displayName: person.displayName,
			role: person.role,
			isAdmin: person.isAdmin,
			shareWeight: person.shareWeight,
			choreCapacity: person.choreCapacity
		});
		memberIds.set(person.displayName, member.id);
		// Those with an account have claimed their place, as through an invite.
		const account = accounts.get(person.displayName);
		if (account) {
			await db.updateTable('members').set({ userId: account.id }).where('householdId', '=', household.id).where('id', '=', member.id).execute();
			await db.updateTable('users').set({ lastHouseholdId: household.id }).where('id', '=', account.id).execute();
		}
	}

	const today = new Date(`${todayIn(TIMEZONE)}T12:00:00Z`);
	const day = (offset: number) => format(addDays(today, offset), 'yyyy-MM-dd');
	await addAbsence(admin, memberIds.get('Grandma Rosa')!, { from: day(10), to: day(17), note: 'Visiting her sister in Porto' });
	await addAbsence(admin, memberIds.get('Mia')!, { from: day(3), to: day(5), note: 'School trip' });
	await createInvite(admin, { role: 'guest', maxUses: 1, expiresInDays: 7 }, 'http://localhost');
	await seedDemoMoney(admin, memberIds, today);
	await seedDemoChores(admin, memberIds);
	await seedDemoDecisions(admin, memberIds);
	await seedDemoCommons(admin, memberIds);
	await seedDemoMeals(admin, memberIds);
	await seedDemoFund(admin, memberIds);
	await dateDemoHistory(household.id, TIMEZONE);
	return household.id;
}

/** A realistic chore set with two months of history: most done, some by someone else, a few skipped. */
async function seedDemoChores(admin: MemberContext, ids: Map<string, string>): Promise<void> {
	const id = (name: string) => ids.get(name)!;
	const today = todayIn(TIMEZONE);
	const start = plusDays(today, -60);
	const chore = (
		name: string,
		effort: number,
		schedule: ChoreInput['schedule'],
		strategy: ChoreInput['assignment']['strategy'],
		people: string[],
		description = ''
	) => createChore(admin, { name, description, effort, schedule, assignment: { strategy, memberIds: people.map(id) } });
	await chore('Bins out', 1, { kind: 'weekly', interval: 1, weekdays: [1], startOn: start, time: '19:00' }, 'rotate', ['Daniel', 'Mia', 'Priya']);
	await chore('Kitchen clean-up', 2, { kind: 'daily', interval: 1, startOn: start, time: '20:30' }, 'fair', ['Priya', 'Daniel', 'Grandma Rosa', 'Mia']);
	const setTable = await chore('Set the table', 1, { kind: 'daily', interval: 1, startOn: start, time: '18:30' }, 'rotate', ['Leo', 'Mia']);
	await chore('Bathroom', 3, { kind: 'weekly', interval: 1, weekdays: [6], startOn: start }, 'fair', ['Priya', 'Daniel', 'Mia']);
	await chore('Garden', 3, { kind: 'monthly', interval: 1, nth: 1, weekday: 6, startOn: start }, 'rotate', ['Daniel', 'Grandma Rosa']);
	const groceries = await chore('Groceries run', 2, { kind: 'after', interval: 5, startOn: start }, 'rotate', ['Priya', 'Daniel']);
	// An `after` chore's history is its chain of completions: each one sets the next due day.
	const runs = [];
	for (let due = start, i = 0; due < plusDays(today, -2); i++) {
		const doneOn = plusDays(due, i % 3 === 0 ? 1 : 0);
		const by = id(i % 2 === 0 ? 'Priya' : 'Daniel');
		runs.push({
			householdId: admin.household.id,
			choreId: groceries.id,
			dueOn: due,
			assigneeMemberId: by,
			status: 'done' as const,
			doneByMemberId: by,
			doneOn,
			doneAt: new Date(`${doneOn}T17:00:00Z`),
			effort: 2
		});
		due = plusDays(doneOn, 5);
	}
	// Its first day was stored (overdue) as it was created with a past start: the run of completions replaces it.
	await getDb()
		.insertInto('choreOccurrences')
		.values(runs)
		.onConflict((oc) =>
			oc.columns(['householdId', 'choreId', 'dueOn']).doUpdateSet((eb) => ({
				status: eb.ref('excluded.status'),
				doneByMemberId: eb.ref('excluded.doneByMemberId'),
				doneOn: eb.ref('excluded.doneOn'),
				doneAt: eb.ref('excluded.doneAt')
			}))
		)
		.execute();
	await chore(
		'Deep clean',
		5,
		{ kind: 'monthly', interval: 1, nth: -1, weekday: 7, startOn: start },
		'fair',
		['Priya', 'Daniel', 'Grandma Rosa'],
		'Fridge, oven, windows, under the beds.'
	);
	// Freeze the past, then record what happened: a mix of done (sometimes by someone else) and skipped, about one in
	// 17 by the chore's random id — and always the table a week and a half ago, so the last month shows a skip too.
	await choreCalendar(admin.household, start, today);
	const skipped = sql`(abs(hashtext(chore_id::text || due_on::text)) % 17 = 0 or (chore_id = ${setTable.id} and due_on = ${plusDays(today, -10)}))`;
	await sql`
		update chore_occurrences set
			status = case when ${skipped} then 'skipped' else 'done' end,
			skip_reason = case when ${skipped} then 'Away that day' end,
			done_by_member_id = case when ${skipped} then null
				when abs(hashtext(due_on::text || chore_id::text)) % 9 = 0 then ${id('Priya')}::uuid
				else assignee_member_id end,
			done_on = case when ${skipped} then null else due_on end,
			done_at = case when ${skipped} then null else due_on + time '20:00' end
		where household_id = ${admin.household.id} and due_on < ${plusDays(today, -2)} and assignee_member_id is not null`.execute(getDb());
}

/** About six months of a lived-in household's money: rent by the sliding scale, food, bills, a shared purchase, settlements. */
async function seedDemoMoney(admin: MemberContext, ids: Map<string, string>, today: Date): Promise<void> {
	const id = (name: string) => ids.get(name)!;
	const everyone = [...ids.values()];
	const adults = ['Priya', 'Daniel', 'Grandma Rosa'].map(id);
	const month = (offset: number, day: number) => format(new Date(today.getFullYear(), today.getMonth() + offset, day, 12), 'yyyy-MM-dd');
	const todayText = format(today, 'yyyy-MM-dd');
	const pay = (memberId: string, amountMinor: number) => [{ memberId, amountMinor }];

	await createRecurring(admin, {
		description: 'Rent',
		amountMinor: 180000,
		category: 'rent',
		payers: pay(id('Priya'), 180000),
		split: { mode: 'weights', parts: everyone.map((memberId) => ({ memberId })) },
		schedule: { kind: 'monthly', interval: 1, dayOfMonth: 1, startOn: month(-5, 1) }
	});
	await createRecurring(admin, {
		description: 'Internet',
		amountMinor: 4499,
		category: 'internet',
		payers: pay(id('Daniel'), 4499),
		split: { mode: 'equal', parts: adults.map((memberId) => ({ memberId })) },
		schedule: { kind: 'monthly', interval: 1, dayOfMonth: 15, startOn: month(-5, 1) }
	});

	// A deterministic shuffle of who shops, so the demo looks the same every time.
	let seed = 7;
	const next = () => (seed = (seed * 48271) % 2147483647);
	const shoppers = ['Priya', 'Daniel', 'Grandma Rosa'];
	for (let m = -5; m <= 0; m++) {
		for (const day of [3, 10, 17, 24]) {
			const spentOn = month(m, day);
			if (spentOn > todayText) continue;
			const amountMinor = 6000 + (next() % 9000);
			const shopper = shoppers[next() % shoppers.length]!;
			await createExpense(admin, {
				description: day === 24 ? 'Farmers’ market' : 'Groceries',
				amountMinor,
				spentOn,
				category: 'groceries',
				payers: pay(id(shopper), amountMinor),
				split: { mode: 'weights', parts: everyone.map((memberId) => ({ memberId })) }
			});
		}
		if (m % 2 === 0 && month(m, 20) <= todayText) {
			await createExpense(admin, {
				description: 'Electricity and gas',
				amountMinor: 21480,
				spentOn: month(m, 20),
				category: 'utilities',
				payers: pay(id('Daniel'), 21480),
				split: {
					mode: 'shares',
					parts: [
						{ memberId: id('Priya'), value: 2 },
						{ memberId: id('Daniel'), value: 2 },
						{ memberId: id('Grandma Rosa'), value: 1 }
					]
				}
			});
		}
	}
	await createExpense(admin, {
		description: 'New washing machine',
		amountMinor: 64900,
		spentOn: month(-2, 8),
		category: 'repairs',
		notes: 'Rosa chipped in; the old one flooded the cellar.',
		payers: [
			{ memberId: id('Priya'), amountMinor: 40000 },
			{ memberId: id('Grandma Rosa'), amountMinor: 24900 }
		],
		split: {
			mode: 'percent',
			parts: [
				{ memberId: id('Priya'), value: 40 },
				{ memberId: id('Daniel'), value: 40 },
				{ memberId: id('Grandma Rosa'), value: 20 }
			]
		}
	});
	await createExpense(admin, {
		description: 'Mia’s school trip',
		amountMinor: 8500,
		spentOn: month(-1, 12),
		category: 'other',
		payers: pay(id('Daniel'), 8500),
		split: {
			mode: 'exact',
			parts: [
				{ memberId: id('Priya'), value: 4250 },
				{ memberId: id('Daniel'), value: 4250 }
			]
		}
	});
	await recordSettlement(admin, { fromMemberId: id('Daniel'), toMemberId: id('Priya'), amountMinor: 30000, paidOn: month(-3, 28), note: 'Bank transfer' });
	await recordSettlement(admin, { fromMemberId: id('Grandma Rosa'), toMemberId: id('Priya'), amountMinor: 10000, paidOn: month(-1, 2), note: 'Cash' });
}
