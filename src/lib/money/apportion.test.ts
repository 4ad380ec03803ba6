import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, rotationSeed, scaledWeight } from './apportion';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);

describe('apportion', () => {
	it('splits 100.00 three ways as 33.34 / 33.33 / 33.33, the extra cent rotating by expense', () => {
		const equal = ids(3).map((memberId) => ({ memberId, weight: 1 }));
		const shares = apportion(10000, equal, 0).map((s) => s.amountMinor);
		expect(shares).toEqual([3334, 3333, 3333]);
		const receivers = new Set(
			['e1', 'e2', 'e3', 'e4', 'e5', 'e6'].map((id) => apportion(10000, equal, rotationSeed(id)).findIndex((s) => s.amountMinor === 3334))
		);
		expect(receivers.size).toBeGreaterThan(1);
	});

	it('gives leftovers to the largest remainders first', () => {
		// 10 split 1 : 1 : 1.2 → exact 3.125, 3.125, 3.75 → 3, 3, 4 (0.75 is largest).
		expect(
			apportion(
				10,
				[
					{ memberId: 'a', weight: 1 },
					{ memberId: 'b', weight: 1 },
					{ memberId: 'c', weight: '1.2' }
				],
				0
			).map((s) => s.amountMinor)
		).toEqual([3, 3, 4]);
	});

	it('gives nothing to a zero weight', () => {
		expect(
			apportion(
				999,
				[
					{ memberId: 'kid', weight: 0 },
					{ memberId: 'a', weight: 1 },
					{ memberId: 'b', weight: 2 }
				],
				7
			)
		).toEqual([
			{ memberId: 'kid', amountMinor: 0 },
			{ memberId: 'a', amountMinor: 333 },
			{ memberId: 'b', amountMinor: 666 }
		]);
	});

	it('refuses an empty or all-zero split', () => {
		expect(() => apportion(100, [], 0)).toThrow();
		expect(() => apportion(100, [{ memberId: 'a', weight: 0 }], 0)).toThrow(/zero/);
	});

	it('reads decimal weights exactly', () => {
		expect(scaledWeight('0.5')).toBe(500000n);
		expect(scaledWeight(33.33)).toBe(33330000n);
		expect(() => scaledWeight('-1')).toThrow();
	});

	const claims = fc
		.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 })
		.filter((weights) => weights.some((w) => w > 0))
		.map((weights) => weights.map((w, i) => ({ memberId: `m${i}`, weight: (w / 1000).toFixed(3) })));

	it('always sums to the total and stays within one minor unit of the exact share', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), claims, fc.nat(), (total, claimList, seed) => {
				const shares = apportion(total, claimList, seed);
				expect(shares.reduce((sum, s) => sum + s.amountMinor, 0)).toBe(total);
				const weights = claimList.map((c) => Number(c.weight));
				const weightSum = weights.reduce((a, b) => a + b, 0);
				shares.forEach((share, i) => {
					const exact = (total * weights[i]!) / weightSum;
					expect(Math.abs(share.amountMinor - exact)).toBeLessThan(1 + 1e-6 * total);
					expect(share.amountMinor).toBeGreaterThanOrEqual(0);
				});
			})
		);
	});

	it('is deterministic: the same inputs give the same shares', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 1_000_000 }), claims, fc.nat(), (total, claimList, seed) => {
				expect(apportion(total, claimList, seed)).toEqual(apportion(total, claimList, seed));
			})
		);
	});
});
