import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { makeHousehold } from '../testing/factories';
import { getDb } from '../db';
import { listMembers } from '../households/members';
import { getBalances } from '../money/balances';
import { listRecurring } from '../money/recurring';
import { seedDemoHousehold } from './seed';
import { choreCalendar } from '../chores/occurrences';
import { plusDays, todayIn } from '$lib/dates';
import { awaitingVoteOf } from '../decisions/proposals';
import { listProposals } from '../decisions/proposal-list';

describe('the demo household', () => {
	it('is Maple Street House: five members over three generations, one without a login, months of money', async () => {
		const { created, householdId } = await seedDemoHousehold();
		expect(created).toBe(true);
		const members = await listMembers(householdId);
		expect(members.map((m) => m.displayName).sort()).toEqual(['Daniel', 'Grandma Rosa', 'Leo', 'Mia', 'Priya']);
		expect(members.filter((m) => !m.userId).map((m) => m.displayName)).toEqual(['Leo']);
		const expenses = await getDb()
			.selectFrom('expenses')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.where('householdId', '=', householdId)
			.executeTakeFirstOrThrow();
		expect(Number(expenses.n)).toBeGreaterThan(25);
		expect(await listRecurring(householdId, 'Europe/Berlin')).toHaveLength(2);
		const { balances } = await getBalances(householdId);
		expect(balances.reduce((sum, b) => sum + b.netMinor, 0)).toBe(0);
		expect(balances.some((b) => b.netMinor !== 0)).toBe(true);
		const today = todayIn('Europe/Berlin');
		const calendar = await choreCalendar({ id: householdId, timezone: 'Europe/Berlin' }, plusDays(today, -30), plusDays(today, 7));
		expect(new Set(calendar.map((o) => o.choreName)).size).toBe(7);
		expect(calendar.filter((o) => o.status === 'done').length).toBeGreaterThan(50);
		expect(calendar.some((o) => o.status === 'skipped')).toBe(true);
		expect(calendar.some((o) => o.status === 'done' && o.doneByMemberId !== o.assigneeMemberId)).toBe(true);
	});

	it('has decisions of each kind: a passed money proposal with its expense, a rejection, a two-round ranked count, a block, open ones', async () => {
		const { householdId } = await seedDemoHousehold();
		const proposals = await listProposals(householdId, { limit: 200 });
		const byTitle = new Map(proposals.map((p) => [p.title, p]));
		const washer = byTitle.get('Replace the washing machine')!;
		expect(washer.status).toBe('passed');
		expect(washer.linkedExpenseId).not.toBeNull();
		expect(byTitle.get('Paint the hallway green')!.status).toBe('rejected');
		const trip = byTitle.get('Where do we go this summer?')!;
		expect(trip.status).toBe('decided');
		expect(trip.tally).toMatchObject({ rounds: [{}, {}] });
		expect(trip.options.find((o) => o.id === trip.outcome!.winnerOptionId)!.label).toBe('Baltic coast');
		expect(byTitle.get('Quiet hours from 21:00')!.reason).toMatch(/1 block/);
		expect(
			proposals
				.filter((p) => p.status === 'open')
				.map((p) => p.kind)
				.sort()
		).toEqual(['choice', 'consent', 'consent', 'consent']);
		// Daniel asks to buy a vacuum cleaner from the house kitty, above its limit: Priya said yes already.
		const vacuum = proposals.find((p) => p.linkedExpense?.fundId)!;
		expect([vacuum.status, vacuum.linkedExpense!.amountMinor]).toEqual(['open', 18_900]);
		const priya = (await listMembers(householdId)).find((m) => m.displayName === 'Priya')!;
		expect((await awaitingVoteOf(householdId, priya.id)).map((p) => p.title)).toEqual([
			'Adopt a cat',
			'Which night is house dinner?',
			'A new sofa for the living room'
		]);
	});

	it('is lived in: its activity happened over months at believable local times, newest last, none in the future', async () => {
		const { householdId } = await seedDemoHousehold();
		const rows = await getDb().selectFrom('activity').select(['id', 'action', 'createdAt']).where('householdId', '=', householdId).orderBy('id').execute();
		const times = rows.map((r) => new Date(r.createdAt).getTime());
		expect(times).toEqual([...times].sort((a, b) => a - b));
		expect(Math.max(...times)).toBeLessThanOrEqual(Date.now());
		expect(Date.now() - Math.min(...times)).toBeGreaterThan(120 * 86_400_000);
		// Spread over many days, not the minute it was seeded.
		expect(new Set(rows.map((r) => new Date(r.createdAt).toISOString().slice(0, 10))).size).toBeGreaterThan(30);
		// Today's may have happened "just now"; earlier ones in the day, not at night.
		const localHours = rows
			.filter((r) => r.action === 'expense.created' && Date.now() - new Date(r.createdAt).getTime() > 86_400_000)
			.map((r) => Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', timeZone: 'Europe/Berlin' }).format(r.createdAt)));
		expect(localHours.every((hour) => hour >= 8 && hour <= 22)).toBe(true);
	});

	it('keeps a real household’s log append-only; only a demo house’s may be rewritten', async () => {
		const { householdId } = await seedDemoHousehold();
		const { household } = await makeHousehold();
		await expect(sql`update activity set summary = 'rewritten' where household_id = ${household.id}`.execute(getDb())).rejects.toThrow(/append-only/);
		await expect(sql`delete from activity where household_id = ${household.id}`.execute(getDb())).rejects.toThrow(/append-only/);
		const demo = await sql`update activity set summary = summary where household_id = ${householdId}`.execute(getDb());
		expect(Number(demo.numAffectedRows)).toBeGreaterThan(0);
	});

	it('is created once', async () => {
		const first = await seedDemoHousehold();
		const again = await seedDemoHousehold();
		expect(again).toEqual({ created: false, householdId: first.householdId });
	});
});
