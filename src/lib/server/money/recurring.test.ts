import { describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { makeHousehold, makeMember } from '../testing/factories';
import { todayIn } from '$lib/dates';
import { changeRecurring, createRecurring, getRecurring, listRecurring, runAllDueRecurring, runDueRecurring, updateRecurring } from './recurring';
import { getBalances } from './balances';
import type { RecurringInput } from './schemas';

function monthsAgo(n: number, timezone: string): string {
	const [y, m] = todayIn(timezone).split('-').map(Number) as [number, number];
	const date = new Date(Date.UTC(y, m - 1 - n, 1));
	return date.toISOString().slice(0, 10);
}

async function setup() {
	const admin = await makeHousehold('Recurring House');
	const b = await makeMember(admin, 'Bo');
	const rent = (startOn: string): RecurringInput => ({
		description: 'Rent',
		amountMinor: 120000,
		category: 'rent',
		payers: [{ memberId: admin.member.id, amountMinor: 120000 }],
		split: { mode: 'equal', parts: [{ memberId: admin.member.id }, { memberId: b.id }] },
		schedule: { kind: 'monthly', interval: 1, dayOfMonth: 1, startOn }
	});
	const count = async () =>
		Number(
			(
				await getDb()
					.selectFrom('expenses')
					.select((eb) => eb.fn.countAll().as('n'))
					.where('householdId', '=', admin.household.id)
					.executeTakeFirstOrThrow()
			).n
		);
	return { admin, b, rent, count };
}

describe('recurring expenses', () => {
	it('catches up every period since the start, once', async () => {
		const { admin, rent, count } = await setup();
		await createRecurring(admin, rent(monthsAgo(3, admin.household.timezone)));
		expect(await count()).toBe(4);
		expect(await runDueRecurring(admin.household.id)).toBe(0);
		expect(await count()).toBe(4);
		const [template] = await listRecurring(admin.household.id, admin.household.timezone);
		expect(template!.nextDueOn).toBe(monthsAgo(-1, admin.household.timezone));
		const { balances } = await getBalances(admin.household.id);
		expect(balances.find((x) => x.memberId === admin.member.id)?.netMinor).toBe(4 * 60000);
	});

	it('creates each period once even when the job runs several times at the same time', async () => {
		const { admin, rent, count } = await setup();
		const template = await createRecurring(admin, {
			...rent(monthsAgo(0, admin.household.timezone)),
			schedule: { kind: 'monthly', interval: 1, dayOfMonth: 1, startOn: monthsAgo(0, admin.household.timezone) }
		});
		// Forget the runs made on creation, as if the job had never run.
		await getDb().deleteFrom('recurringRuns').where('recurringId', '=', template.id).execute();
		await getDb()
			.updateTable('recurringExpenses')
			.set({ startsOn: monthsAgo(5, admin.household.timezone) })
			.where('id', '=', template.id)
			.execute();
		const before = await count();
		const results = await Promise.all([
			runDueRecurring(admin.household.id),
			runDueRecurring(admin.household.id),
			runAllDueRecurring(),
			runDueRecurring(admin.household.id)
		]);
		expect(results.reduce((a, b) => a + b, 0)).toBe(6);
		expect(await count()).toBe(before + 6);
		const periods = await getDb().selectFrom('recurringRuns').select('period').where('recurringId', '=', template.id).execute();
		expect(new Set(periods.map((p) => p.period)).size).toBe(6);
	});

	it('a paused template creates nothing; an ended one stops', async () => {
		const { admin, rent, count } = await setup();
		const future = await createRecurring(admin, rent(monthsAgo(-2, admin.household.timezone)));
		expect(await count()).toBe(0);
		await changeRecurring(admin, future.id, 'pause');
		const [paused] = await listRecurring(admin.household.id, admin.household.timezone);
		expect(paused).toMatchObject({ paused: true, nextDueOn: null });
		await changeRecurring(admin, future.id, 'resume');
		await expect(changeRecurring(admin, future.id, 'end')).rejects.toMatchObject({ status: 409 });
	});

	it('refuses a template whose split does not work, storing nothing', async () => {
		const { admin, rent } = await setup();
		const bad = { ...rent(monthsAgo(0, admin.household.timezone)), split: { mode: 'exact' as const, parts: [{ memberId: admin.member.id, value: 5 }] } };
		await expect(createRecurring(admin, bad)).rejects.toMatchObject({ status: 422 });
		expect(await listRecurring(admin.household.id, admin.household.timezone)).toEqual([]);
	});
});

describe('editing a recurring expense', () => {
	it('changes the next periods, not the expenses already made', async () => {
		const { admin, rent } = await setup();
		const template = await createRecurring(admin, rent(monthsAgo(1, admin.household.timezone)));
		const made = await getDb().selectFrom('expenses').select(['id', 'amountMinor']).where('householdId', '=', admin.household.id).execute();
		expect(made.map((e) => e.amountMinor)).toEqual([120000, 120000]);
		const input = rent(monthsAgo(1, admin.household.timezone));
		await updateRecurring(admin, template.id, { ...input, amountMinor: 130000, payers: [{ memberId: admin.member.id, amountMinor: 130000 }] });
		const after = await getDb().selectFrom('expenses').select(['id', 'amountMinor']).where('householdId', '=', admin.household.id).execute();
		expect(after).toHaveLength(2);
		expect(after.map((e) => e.amountMinor)).toEqual([120000, 120000]);
		expect((await getRecurring(admin.household.id, template.id, admin.household.timezone)).amountMinor).toBe(130000);
		await expect(updateRecurring(admin, template.id, { ...input, amountMinor: 5 })).rejects.toMatchObject({ status: 422 });
	});
});
