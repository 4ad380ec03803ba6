import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeShares, SPLIT_MODES, SplitError, type Split } from './splits';
import { balancesAfter, isFewest, suggestTransfers, type Balance } from './transfers';

const weights = new Map<string, number | string>([
	['rosa', '0.5'],
	['priya', '1.5'],
	['leo', '0'],
	['mia', '0']
]);
const amounts = (shares: { amountMinor: number }[]) => shares.map((s) => s.amountMinor);

describe('computeShares', () => {
	it('equal', () => {
		expect(amounts(computeShares(10000, { mode: 'equal', parts: [{ memberId: 'a' }, { memberId: 'b' }, { memberId: 'c' }] }, weights, 'x'))).toEqual(
			expect.arrayContaining([3334, 3333, 3333])
		);
	});

	it('exact, and says by how much it is off', () => {
		expect(
			amounts(
				computeShares(
					1000,
					{
						mode: 'exact',
						parts: [
							{ memberId: 'a', value: 600 },
							{ memberId: 'b', value: 400 }
						]
					},
					weights,
					'x'
				)
			)
		).toEqual([600, 400]);
		expect(() =>
			computeShares(
				1000,
				{
					mode: 'exact',
					parts: [
						{ memberId: 'a', value: 600 },
						{ memberId: 'b', value: 300 }
					]
				},
				weights,
				'x'
			)
		).toThrow('100 minor units less');
		expect(() =>
			computeShares(
				1000,
				{
					mode: 'exact',
					parts: [
						{ memberId: 'a', value: 600 },
						{ memberId: 'b', value: 500 }
					]
				},
				weights,
				'x'
			)
		).toThrow('100 minor units more');
	});

	it('percent with two decimals, summing to 100', () => {
		expect(
			amounts(
				computeShares(
					10000,
					{
						mode: 'percent',
						parts: [
							{ memberId: 'a', value: 33.33 },
							{ memberId: 'b', value: 66.67 }
						]
					},
					weights,
					'x'
				)
			)
		).toEqual([3333, 6667]);
		expect(() =>
			computeShares(
				100,
				{
					mode: 'percent',
					parts: [
						{ memberId: 'a', value: 50 },
						{ memberId: 'b', value: 49.99 }
					]
				},
				weights,
				'x'
			)
		).toThrow('99.99%');
		expect(() =>
			computeShares(
				100,
				{
					mode: 'percent',
					parts: [
						{ memberId: 'a', value: 50.001 },
						{ memberId: 'b', value: 49.999 }
					]
				},
				weights,
				'x'
			)
		).toThrow(SplitError);
	});

	it('shares like 2 : 1 : 1', () => {
		expect(
			amounts(
				computeShares(
					1000,
					{
						mode: 'shares',
						parts: [
							{ memberId: 'a', value: 2 },
							{ memberId: 'b', value: 1 },
							{ memberId: 'c', value: 1 }
						]
					},
					weights,
					'x'
				)
			)
		).toEqual([500, 250, 250]);
		expect(() => computeShares(1000, { mode: 'shares', parts: [{ memberId: 'a', value: 0 }] }, weights, 'x')).toThrow(SplitError);
	});

	it('weights: the sliding scale from the household', () => {
		const split: Split = { mode: 'weights', parts: [{ memberId: 'rosa' }, { memberId: 'priya' }, { memberId: 'leo' }] };
		expect(amounts(computeShares(100000, split, weights, 'x'))).toEqual([25000, 75000, 0]);
		expect(() => computeShares(100, { mode: 'weights', parts: [{ memberId: 'leo' }, { memberId: 'mia' }] }, weights, 'x')).toThrow(/share weight of 0/);
		expect(() => computeShares(100, { mode: 'weights', parts: [{ memberId: 'stranger' }] }, weights, 'x')).toThrow(/active member/);
	});

	it('refuses an empty split, a person listed twice and missing or negative values', () => {
		expect(() => computeShares(100, { mode: 'equal', parts: [] }, weights, 'x')).toThrow(SplitError);
		expect(() => computeShares(100, { mode: 'equal', parts: [{ memberId: 'a' }, { memberId: 'a' }] }, weights, 'x')).toThrow(/only once/);
		expect(() => computeShares(100, { mode: 'exact', parts: [{ memberId: 'a' }] }, weights, 'x')).toThrow(SplitError);
		expect(() => computeShares(100, { mode: 'shares', parts: [{ memberId: 'a', value: -1 }] }, weights, 'x')).toThrow(/negative/);
	});

	it('whatever the mode, valid shares sum to the amount exactly', () => {
		const members = ['a', 'b', 'c', 'd', 'e'];
		const memberWeights = new Map(members.map((m, i) => [m, String(i % 3)]));
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 10_000_000_000 }),
				fc.constantFrom(...SPLIT_MODES),
				fc.subarray(members, { minLength: 1 }),
				fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 5, maxLength: 5 }),
				(amount, mode, chosen, raw) => {
					let parts = chosen.map((memberId, i) => ({ memberId, value: raw[i]! }));
					if (mode === 'exact') {
						const each = Math.floor(amount / parts.length);
						parts = parts.map((p, i) => ({ ...p, value: i === 0 ? amount - each * (parts.length - 1) : each }));
					}
					if (mode === 'percent') {
						const each = Math.floor(10000 / parts.length);
						parts = parts.map((p, i) => ({ ...p, value: (i === 0 ? 10000 - each * (parts.length - 1) : each) / 100 }));
					}
					try {
						const shares = computeShares(amount, { mode, parts }, memberWeights, `e-${amount}`);
						expect(shares.reduce((sum, s) => sum + s.amountMinor, 0)).toBe(amount);
					} catch (error) {
						// Only the weights mode may refuse here: everyone chosen may weigh 0.
						expect(error).toBeInstanceOf(SplitError);
						expect(mode).toBe('weights');
					}
				}
			)
		);
	});
});

describe('suggestTransfers', () => {
	const balancesArb = fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 15 }).map((values) => {
		const total = values.reduce((a, b) => a + b, 0);
		const balanced = [...values, -total];
		return balanced.map((netMinor, i): Balance => ({ memberId: `m${String(i).padStart(2, '0')}`, netMinor }));
	});

	it('settles everyone with at most n − 1 positive payments', () => {
		fc.assert(
			fc.property(balancesArb, (balances) => {
				const transfers = suggestTransfers(balances);
				for (const t of transfers) expect(t.amountMinor).toBeGreaterThan(0);
				expect([...balancesAfter(balances, transfers).values()].every((v) => v === 0)).toBe(true);
				expect(transfers.length).toBeLessThanOrEqual(Math.max(0, balances.filter((b) => b.netMinor !== 0).length - 1));
			})
		);
	});

	/** The fewest payments by brute force: n minus the most zero-sum groups over every partition. */
	function fewestByBruteForce(values: number[]): number {
		const nonZero = values.filter((v) => v !== 0);
		let most = 0;
		const place = (i: number, groups: number[][]) => {
			if (i === nonZero.length) {
				if (groups.every((g) => g.reduce((a, b) => a + b, 0) === 0)) most = Math.max(most, groups.length);
				return;
			}
			for (const g of groups) {
				g.push(nonZero[i]!);
				place(i + 1, groups);
				g.pop();
			}
			groups.push([nonZero[i]!]);
			place(i + 1, groups);
			groups.pop();
		};
		place(0, []);
		return nonZero.length - most;
	}

	it('is the true fewest: +4 +3 −3 −2 −2 settle in 3 payments, not 4', () => {
		const balances = [4, 3, -3, -2, -2].map((netMinor, i) => ({ memberId: `m${i}`, netMinor }));
		expect(suggestTransfers(balances)).toHaveLength(3);
		expect(isFewest(balances)).toBe(true);
	});

	it('matches a brute force on small houses (property)', () => {
		const small = fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 7 }).map((values) => [...values, -values.reduce((a, b) => a + b, 0)]);
		fc.assert(
			fc.property(small, (values) => {
				const balances = values.map((netMinor, i) => ({ memberId: `m${i}`, netMinor }));
				const transfers = suggestTransfers(balances);
				expect(transfers).toHaveLength(fewestByBruteForce(values));
				expect([...balancesAfter(balances, transfers).values()].every((v) => v === 0)).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});

	it('says honestly when it is only "at most n − 1" (more than 20 people with a balance)', () => {
		const many = Array.from({ length: 22 }, (_, i) => ({ memberId: `m${i}`, netMinor: i % 2 ? 100 + i : -(100 + i - 1) }));
		many.push({ memberId: 'last', netMinor: -many.reduce((a, b) => a + b.netMinor, 0) });
		expect(isFewest(many)).toBe(false);
		expect(suggestTransfers(many).length).toBeLessThanOrEqual(22);
	});

	it('pays the largest creditor from the largest debtor first', () => {
		expect(
			suggestTransfers([
				{ memberId: 'a', netMinor: 5000 },
				{ memberId: 'b', netMinor: -2000 },
				{ memberId: 'c', netMinor: -3000 }
			])
		).toEqual([
			{ fromMemberId: 'c', toMemberId: 'a', amountMinor: 3000 },
			{ fromMemberId: 'b', toMemberId: 'a', amountMinor: 2000 }
		]);
	});
});
