import { describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { listMembers } from '../households/members';
import { getBalances } from '../money/balances';
import { listRecurring } from '../money/recurring';
import { seedDemoHousehold } from './seed';
import { choreCalendar } from '../chores/calendar';
import { todayIn } from '$lib/dates';
import { plusDays } from '$lib/chores/schedule';

describe('the demo household', () => {
	it('is Maple Street House: five members over three generations, one without a login, months of money', async () => {
		const { created, householdId } = await seedDemoHousehold();
		expect(created).toBe(true);
		const members = await listMembers(householdId);
		expect(members.map((m) => m.displayName).sort()).toEqual(['Daniel', 'Grandma Rosa', 'Leo', 'Mia', 'Priya']);
		expect(members.filter((m) => !m.userId).map((m) => m.displayName)).toEqual(['Leo']);
		const expenses = await getDb().selectFrom('expenses').select((eb) => eb.fn.countAll<string>().as('n')).where('householdId', '=', householdId).executeTakeFirstOrThrow();
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

	it('is created once', async () => {
		const first = await seedDemoHousehold();
		const again = await seedDemoHousehold();
		expect(again).toEqual({ created: false, householdId: first.householdId });
	});
});
