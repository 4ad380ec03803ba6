import { describe, expect, it } from 'vitest';
import { makeHousehold, makeMember } from '../testing/factories';
import { addCategory, categoryKey, listCategories, removeCategory } from './categories';
import { createExpense } from './expenses';
import { layoutChart, paidAndOwed, spendingByMonth } from './overview';

describe('categories', () => {
	it('makes stable keys from names', () => {
		expect(categoryKey("Kids' Activities")).toBe('kids-activities');
		expect(categoryKey('Café & Bar')).toBe('cafe-bar');
		expect(categoryKey('!!!')).toBe('category');
	});

	it('adds the household’s own, refuses duplicates, and keeps one that is in use', async () => {
		const house = await makeHousehold();
		await addCategory(house, 'Garden');
		await expect(addCategory(house, 'garden')).rejects.toMatchObject({ status: 409 });
		await expect(addCategory(house, 'Rent')).rejects.toMatchObject({ status: 409 });
		expect((await listCategories(house.household.id)).map((c) => c.key)).toContain('garden');
		const me = house.member.id;
		await createExpense(house, {
			description: 'Seeds',
			amountMinor: 500,
			spentOn: '2026-11-01',
			category: 'garden',
			payers: [{ memberId: me, amountMinor: 500 }],
			split: { mode: 'equal', parts: [{ memberId: me }] }
		});
		await expect(removeCategory(house, 'garden')).rejects.toMatchObject({ status: 409, code: 'in_use' });
		await addCategory(house, 'Pets');
		await removeCategory(house, 'pets');
		await expect(removeCategory(house, 'rent')).rejects.toMatchObject({ status: 404 });
	});
});

describe('spending overview', () => {
	it('sums per month and category, and what each member paid and owes', async () => {
		const house = await makeHousehold();
		const me = house.member.id;
		const bo = (await makeMember(house, 'Bo')).id;
		const add = (spentOn: string, category: string, amountMinor: number) =>
			createExpense(house, {
				description: category,
				amountMinor,
				spentOn,
				category,
				payers: [{ memberId: me, amountMinor }],
				split: { mode: 'equal', parts: [{ memberId: me }, { memberId: bo }] }
			});
		await add('2026-10-03', 'groceries', 3000);
		await add('2026-10-20', 'groceries', 1000);
		await add('2026-11-01', 'rent', 100000);
		await add('2026-12-01', 'rent', 100000);
		const months = await spendingByMonth(house.household.id, '2026-10-01', '2026-11-30');
		expect(months).toEqual([
			{ month: '2026-10', byCategory: { groceries: 4000 }, totalMinor: 4000 },
			{ month: '2026-11', byCategory: { rent: 100000 }, totalMinor: 100000 }
		]);
		const members = await paidAndOwed(house.household.id, '2026-10-01', '2026-11-30');
		expect(members.find((m) => m.memberId === me)).toEqual({ memberId: me, paidMinor: 104000, owedMinor: 52000 });
		expect(members.find((m) => m.memberId === bo)).toEqual({ memberId: bo, paidMinor: 0, owedMinor: 52000 });

		const chart = layoutChart(months);
		expect(chart.bars).toHaveLength(2);
		expect(chart.bars[1]!.segments[0]!.height).toBeGreaterThan(chart.bars[0]!.segments[0]!.height * 20);
		expect(chart.ticks.length).toBeGreaterThan(1);
	});
});
