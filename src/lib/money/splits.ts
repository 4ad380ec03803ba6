/**
 * From a split as the person chose it (equal, exact, percent, shares, weights) to what
 * each member owes. Pure: the form preview, the stored shares and the API all call it.
 */
import { apportion, rotationSeed, type Share } from './apportion';

export const SPLIT_MODES = ['equal', 'exact', 'percent', 'shares', 'weights'] as const;
export type SplitMode = (typeof SPLIT_MODES)[number];

export interface SplitPart {
	memberId: string;
	/** exact: minor units; percent: 0–100 with ≤ 2 decimals; shares: a positive number; else unused. */
	value?: number;
}

export interface Split {
	mode: SplitMode;
	parts: SplitPart[];
}

/** A split that cannot be applied, with a sentence for the person and, where it fits, per-part messages. */
export class SplitError extends Error {
	constructor(
		message: string,
		readonly parts: Record<number, string> = {},
		/** For exact splits: total minus the sum of the parts (> 0: the parts fall short). */
		readonly offMinor?: number
	) {
		super(message);
	}
}

const hundredths = (value: number) => Math.round(value * 100);
const hasAtMostTwoDecimals = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-9;

export function computeShares(amountMinor: number, split: Split, shareWeights: ReadonlyMap<string, number | string>, expenseId: string): Share[] {
	const { parts } = split;
	if (parts.length === 0) throw new SplitError('Choose at least one person to share the cost.');
	const seen = new Set<string>();
	parts.forEach((part, i) => {
		if (seen.has(part.memberId)) throw new SplitError('Each person can appear only once in a split.', { [i]: 'Listed twice.' });
		seen.add(part.memberId);
	});
	const seed = rotationSeed(expenseId);
	const valueOf = (part: SplitPart, i: number, what: string): number => {
		if (part.value === undefined || !Number.isFinite(part.value)) throw new SplitError(`Enter ${what} for everyone in the split.`, { [i]: `Enter ${what}.` });
		if (part.value < 0) throw new SplitError(`${what[0]!.toUpperCase()}${what.slice(1)} cannot be negative.`, { [i]: 'Cannot be negative.' });
		return part.value;
	};

	switch (split.mode) {
		case 'equal':
			return apportion(
				amountMinor,
				parts.map((p) => ({ memberId: p.memberId, weight: 1 })),
				seed
			);
		case 'exact': {
			const values = parts.map((p, i) => {
				const value = valueOf(p, i, 'an amount');
				if (!Number.isSafeInteger(value)) throw new SplitError('Exact amounts are whole minor units (cents).', { [i]: 'Use whole minor units.' });
				return value;
			});
			const sum = values.reduce((a, b) => a + b, 0);
			if (sum !== amountMinor) {
				const off = amountMinor - sum;
				throw new SplitError(
					off > 0 ? `The amounts add up to ${off} minor units less than the total.` : `The amounts add up to ${-off} minor units more than the total.`,
					{},
					off
				);
			}
			return parts.map((p, i) => ({ memberId: p.memberId, amountMinor: values[i]! }));
		}
		case 'percent': {
			const values = parts.map((p, i) => {
				const value = valueOf(p, i, 'a percentage');
				if (value > 100 || !hasAtMostTwoDecimals(value))
					throw new SplitError('Percentages go from 0 to 100 with at most two decimals.', { [i]: 'From 0 to 100, two decimals at most.' });
				return value;
			});
			const total = values.reduce((sum, v) => sum + hundredths(v), 0);
			if (total !== 10000) throw new SplitError(`The percentages add up to ${(total / 100).toFixed(2)}%, not 100%.`);
			return apportion(
				amountMinor,
				parts.map((p, i) => ({ memberId: p.memberId, weight: (hundredths(values[i]!) / 100).toFixed(2) })),
				seed
			);
		}
		case 'shares': {
			const claims = parts.map((p, i) => {
				const value = valueOf(p, i, 'a share');
				if (value === 0 || value > 1000 || Math.abs(value * 1000 - Math.round(value * 1000)) > 1e-9) {
					throw new SplitError('Shares are positive numbers up to 1000, with at most three decimals.', { [i]: 'A positive number, like 1 or 2.5.' });
				}
				return { memberId: p.memberId, weight: value.toFixed(3) };
			});
			return apportion(amountMinor, claims, seed);
		}
		case 'weights': {
			const claims = parts.map((p, i) => {
				const weight = shareWeights.get(p.memberId);
				if (weight === undefined) throw new SplitError('Everyone in the split must be an active member of the household.', { [i]: 'Not an active member.' });
				return { memberId: p.memberId, weight };
			});
			if (claims.every((c) => Number(c.weight) === 0))
				throw new SplitError('Everyone chosen has a share weight of 0; choose someone with a weight above 0, or split another way.');
			return apportion(amountMinor, claims, seed);
		}
	}
}
