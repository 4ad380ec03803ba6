import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { balanceSeries, chartPoints, memberDues, monthlyAmounts, monthsCounted, type FundMember } from './dues';

const member = (id: string, shareWeight: number | string = 1, role: FundMember['role'] = 'adult', active = true): FundMember => ({
	id,
	role,
	active,
	shareWeight
});
const ana = member('ana', 2);
const ben = member('ben', 1);
const kid = member('kid', 1, 'child');
const gone = member('gone', 1, 'adult', false);
const none = new Map<string, number>();
const fund = (basis: 'share_weight' | 'fixed' | 'agreed', monthlyMinor: number) => ({ id: '8f0c2d4e-1b7a-4c3e-9d2f-5a6b7c8d9e0f', basis, monthlyMinor });

describe('what each member pays in a month', () => {
	it('by share weight: the house’s total split among active adults by weight, to the cent', () => {
		expect(monthlyAmounts(fund('share_weight', 9000), [ana, ben, kid, gone], none)).toEqual(
			new Map([
				['ana', 6000],
				['ben', 3000]
			])
		);
	});

	it('a fixed amount: the same from each active adult, children and former members pay nothing', () => {
		expect(monthlyAmounts(fund('fixed', 2500), [ana, ben, kid, gone], none)).toEqual(
			new Map([
				['ana', 2500],
				['ben', 2500]
			])
		);
	});

	it('agreed amounts: what each active member pledged, anyone with a pledge (a child with pocket money too)', () => {
		const pledges = new Map([
			['ana', 1000],
			['kid', 200],
			['gone', 500],
			['ben', 0]
		]);
		expect(monthlyAmounts(fund('agreed', 0), [ana, ben, kid, gone], pledges)).toEqual(
			new Map([
				['ana', 1000],
				['kid', 200]
			])
		);
	});

	it('nothing when the house pays nothing or has no adult', () => {
		expect(monthlyAmounts(fund('share_weight', 0), [ana, ben], none).size).toBe(0);
		expect(monthlyAmounts(fund('fixed', 1000), [kid, gone], none).size).toBe(0);
		expect(monthlyAmounts(fund('share_weight', 1000), [member('zero', 0)], none).size).toBe(0);
	});

	it('by share weight, always adds up to the monthly total exactly (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 30 }), (total, weights) => {
				const members = weights.map((weight, i) => member(`m${i}`, weight / 100));
				const amounts = monthlyAmounts(fund('share_weight', total), members, none);
				expect([...amounts.values()].reduce((sum, amount) => sum + amount, 0)).toBe(total);
				for (const amount of amounts.values()) expect(amount).toBeGreaterThan(0);
			})
		);
	});
});

describe('months counted', () => {
	it('counts the first month and this one', () => {
		expect(monthsCounted('2026-09-15', '2026-11-30')).toBe(3);
		expect(monthsCounted('2026-11-30', '2026-11-01')).toBe(0);
		expect(monthsCounted('2025-12-01', '2026-01-01')).toBe(2);
		expect(monthsCounted('2026-12-01', '2026-11-30')).toBe(0);
	});
});

describe('who is behind', () => {
	it('dues against payments, most behind first; someone who no longer pays but paid is listed', () => {
		const monthly = new Map([
			['ana', 2000],
			['ben', 1000]
		]);
		const paid = new Map([
			['ana', 6000],
			['ben', 1000],
			['gone', 500]
		]);
		expect(memberDues(monthly, 3, paid)).toEqual([
			{ memberId: 'ben', monthlyMinor: 1000, chargedMinor: 0, dueMinor: 3000, paidMinor: 1000, behindMinor: 2000 },
			{ memberId: 'ana', monthlyMinor: 2000, chargedMinor: 0, dueMinor: 6000, paidMinor: 6000, behindMinor: 0 },
			{ memberId: 'gone', monthlyMinor: 0, chargedMinor: 0, dueMinor: 0, paidMinor: 500, behindMinor: 0 }
		]);
	});

	it('counts what using a shared thing cost (paid into the fund) as owed, by someone who pays nothing monthly too', () => {
		const dues = memberDues(
			new Map([['ana', 1000]]),
			2,
			new Map([['ana', 2000]]),
			new Map([
				['ana', 450],
				['kid', 300]
			])
		);
		expect(dues).toEqual([
			{ memberId: 'ana', monthlyMinor: 1000, chargedMinor: 450, dueMinor: 2450, paidMinor: 2000, behindMinor: 450 },
			{ memberId: 'kid', monthlyMinor: 0, chargedMinor: 300, dueMinor: 300, paidMinor: 0, behindMinor: 300 }
		]);
	});

	it('paying ahead is never negative behind (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 10_000_000 }), (monthly, months, paid) => {
				const [due] = memberDues(new Map([['a', monthly]]), months, new Map([['a', paid]]));
				expect(due!.behindMinor).toBe(Math.max(0, monthly * months - paid));
			})
		);
	});
});

describe('the balance over the months', () => {
	it('ends each month at the running balance, counting everything before the window', () => {
		const series = balanceSeries(
			[
				{ day: '2025-01-01', deltaMinor: 10_000 },
				{ day: '2026-10-01', deltaMinor: 3000 },
				{ day: '2026-11-01', deltaMinor: -2500 }
			],
			'2026-11-30',
			3
		);
		expect(series).toEqual([
			{ month: '2026-09', balanceMinor: 10_000 },
			{ month: '2026-10', balanceMinor: 13_000 },
			{ month: '2026-11', balanceMinor: 10_500 }
		]);
	});

	it('crosses a new year', () => {
		expect(balanceSeries([], '2026-01-10', 3).map((point) => point.month)).toEqual(['2025-11', '2025-12', '2026-01']);
	});

	it('its last point is the sum of every line up to this month’s end (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.record({ day: fc.integer({ min: 0, max: 1500 }), deltaMinor: fc.integer({ min: -100_000, max: 100_000 }) }), { maxLength: 200 }),
				(raw) => {
					const start = Date.UTC(2023, 0, 1);
					const lines = raw.map(({ day, deltaMinor }) => ({ day: new Date(start + day * 86_400_000).toISOString().slice(0, 10), deltaMinor }));
					const today = '2027-02-09';
					const series = balanceSeries(lines, today, 12);
					expect(series).toHaveLength(12);
					expect(series.at(-1)!.balanceMinor).toBe(
						lines.filter((line) => line.day.slice(0, 7) <= today.slice(0, 7)).reduce((sum, line) => sum + line.deltaMinor, 0)
					);
				}
			)
		);
	});

	it('draws zero and both extremes inside the box', () => {
		const points = chartPoints(
			[
				{ month: '2026-10', balanceMinor: -500 },
				{ month: '2026-11', balanceMinor: 1500 }
			],
			100,
			40
		);
		expect(points).toBe('0,40 100,0');
		expect(chartPoints([], 100, 40)).toBe('');
	});
});
