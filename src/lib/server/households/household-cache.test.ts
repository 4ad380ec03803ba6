import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getDb } from '../db';
import { plusDays, todayIn } from '$lib/dates';
import { makeHouseOfThree } from '../testing/factories';
import { addAbsence } from './absences';
import { updateMember } from './members';
import { dashboardOf } from './dashboard';
import { keptForHousehold } from './household-cache';
import type { MemberContext } from './context';
import { createExpense, setExpenseDeleted } from '../money/expenses';
import { recordSettlement } from '../money/balances';
import { expensesPage } from '../money/expenses-page';
import { createChore } from '../chores/chores';
import { actOnOccurrence, choreCalendar } from '../chores/occurrences';
import { calendarPage } from '../chores/calendar-page';
import { createProposal } from '../decisions/proposals';
import { castVote } from '../decisions/votes';
import { addComment } from '../decisions/comments';
import { proposalsPage } from '../decisions/proposals-page';
import { markActivitySeen } from '../activity/seen';

/** What the guard hands a request: the context with the household's data version as it is now. */
async function asGuardReadsIt(context: MemberContext): Promise<MemberContext> {
	const { version } = await getDb().selectFrom('householdVersions').select('version').where('householdId', '=', context.household.id).executeTakeFirstOrThrow();
	return { ...context, household: { ...context.household, dataVersion: Number(version) } };
}
const cold = (context: MemberContext): MemberContext => ({ ...context, household: { ...context.household, dataVersion: undefined } });

/** Every page the cache keeps, for one member. */
async function pages(context: MemberContext) {
	const today = todayIn(context.household.timezone);
	return {
		dashboard: await dashboardOf(context),
		week: await calendarPage(context, { view: 'week', anchor: today, who: 'all', weekStartsOn: 1 }),
		month: await calendarPage(context, { view: 'month', anchor: today, who: 'mine', weekStartsOn: 1 }),
		plan: await choreCalendar(context.household, plusDays(today, -3), plusDays(today, 3)),
		proposals: await proposalsPage(context, {}),
		expenses: await expensesPage(context, {})
	};
}

async function house() {
	const { admin, bea, kid } = await makeHouseOfThree('Cached House');
	const today = todayIn(admin.household.timezone);
	const chore = await createChore(admin, {
		name: 'Dishes',
		effort: 1,
		schedule: { kind: 'daily', interval: 1, startOn: plusDays(today, -5) },
		assignment: { strategy: 'rotate', memberIds: [admin.member.id, bea.member.id] }
	});
	const { id: proposalId } = await createProposal(admin, {
		title: 'Paint the hall',
		body: '',
		kind: 'consent',
		rule: { threshold: 'majority', quorumPct: 0 },
		closesAt: new Date(Date.now() + 86_400_000).toISOString()
	});
	return { admin, bea, kidId: kid.id, choreId: chore.id, proposalId, today };
}
type House = Awaited<ReturnType<typeof house>>;

/** The writes a household sees, each through its domain function; some may be refused (a 409), which changes nothing. */
const writes: Array<[name: string, run: (h: House, n: number) => Promise<unknown>]> = [
	[
		'expense',
		(h, n) =>
			createExpense(h.admin, {
				description: `Shop ${n}`,
				amountMinor: 100 + n,
				spentOn: h.today,
				category: 'groceries',
				payers: [{ memberId: h.admin.member.id, amountMinor: 100 + n }],
				split: { mode: 'equal', parts: [{ memberId: h.admin.member.id }, { memberId: h.bea.member.id }] }
			})
	],
	['settlement', (h, n) => recordSettlement(h.bea, { fromMemberId: h.bea.member.id, toMemberId: h.admin.member.id, amountMinor: 10 + n })],
	[
		'delete the newest expense',
		async (h) => {
			const newest = await getDb()
				.selectFrom('expenses')
				.select('id')
				.where('householdId', '=', h.admin.household.id)
				.orderBy('createdAt', 'desc')
				.executeTakeFirst();
			if (newest) await setExpenseDeleted(h.admin, newest.id, true);
		}
	],
	['chore done', (h, n) => actOnOccurrence(h.admin, h.choreId, plusDays(h.today, -(n % 3)), { kind: 'complete' })],
	['chore undone', (h, n) => actOnOccurrence(h.admin, h.choreId, plusDays(h.today, -(n % 3)), { kind: 'undo' })],
	['chore given to the kid', (h, n) => actOnOccurrence(h.admin, h.choreId, plusDays(h.today, n % 4), { kind: 'reassign', memberId: h.kidId })],
	['absence', (h, n) => addAbsence(h.admin, h.bea.member.id, { from: plusDays(h.today, n % 5), to: plusDays(h.today, (n % 5) + 1) })],
	['vote', (h, n) => castVote(h.bea, h.proposalId, { position: n % 2 ? 'yes' : 'no' })],
	['comment', (h, n) => addComment(h.bea, h.proposalId, `Comment ${n}`)],
	['seen', (h) => markActivitySeen(h.admin, 1_000_000)],
	['rename the kid', (h, n) => updateMember(h.admin, h.kidId, { displayName: `Kid ${n}` })],
	[
		'rename the house',
		(h, n) =>
			getDb()
				.updateTable('households')
				.set({ name: `Cached House ${n}` })
				.where('id', '=', h.admin.household.id)
				.execute()
	]
];

describe('the household cache', () => {
	it('after any sequence of writes, every kept page equals the page read cold', async () => {
		const h = await house();
		await fc.assert(
			fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: writes.length - 1 }), fc.nat(20)), { minLength: 1, maxLength: 6 }), async (steps) => {
				for (const [which, n] of steps) {
					// Read (and keep) every page first, so a write the version missed would be served stale.
					for (const viewer of [h.admin, h.bea]) await pages(await asGuardReadsIt(viewer));
					await writes[which]![1](h, n).catch((error: { status?: number }) => {
						if (!error.status || error.status >= 500) throw error;
					});
					for (const viewer of [h.admin, h.bea]) {
						expect(await pages(await asGuardReadsIt(viewer)), `after ${writes[which]![0]}`).toEqual(await pages(cold(viewer)));
					}
				}
			}),
			{ numRuns: 12 }
		);
	});

	it('computes an answer once for requests that ask together, and keeps it frozen', async () => {
		let reads = 0;
		const household = { id: crypto.randomUUID(), timezone: 'Europe/Berlin', dataVersion: 1 };
		const read = async () => {
			reads++;
			await new Promise((r) => setTimeout(r, 20));
			return { items: [{ n: 1 }] };
		};
		const answers = await Promise.all(Array.from({ length: 20 }, () => keptForHousehold(household, 'view', read)));
		expect(reads).toBe(1);
		expect(answers.every((a) => a === answers[0])).toBe(true);
		expect(() => answers[0]!.items.push({ n: 2 })).toThrow();
		await keptForHousehold({ ...household, dataVersion: 2 }, 'view', read);
		expect(reads).toBe(2);
		// Version 1 can no longer be asked for by a new request: its answer went when 2 came.
		await keptForHousehold(household, 'view', read);
		expect(reads).toBe(3);
		await keptForHousehold({ ...household, dataVersion: 2 }, 'view', read);
		expect(reads).toBe(3);
		// Without a version (jobs, scripts) nothing is kept.
		await keptForHousehold({ ...household, dataVersion: undefined }, 'view', read);
		await keptForHousehold({ ...household, dataVersion: undefined }, 'view', read);
		expect(reads).toBe(5);
	});
});
