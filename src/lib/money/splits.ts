/**
 * From a split as the person chose it (equal, exact, percent, shares, weights) to what
 * each member owes. Pure: the form preview, the stored shares and the API all call it.
 */
import { apportion, rotationSeed, type Share } from './apportion';
import { m } from '$lib/paraglide/messages';

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
	if (parts.length === 0) throw new SplitError(m.split_choose_someone());
	const seen = new Set<string>();
	parts.forEach((part, i) => {
		if (seen.has(part.memberId)) throw new SplitError(m.sp_each_once(), { [i]: m.sp_listed_twice() });
		seen.add(part.memberId);
	});
	const seed = rotationSeed(expenseId);
	const valueOf = (part: SplitPart, i: number, missing: () => string): number => {
		if (part.value === undefined || !Number.isFinite(part.value)) throw new SplitError(missing(), { [i]: m.sp_enter_value() });
		if (part.value < 0) throw new SplitError(m.sp_negative(), { [i]: m.sp_cannot_negative() });
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
				const value = valueOf(p, i, m.sp_enter_amounts);
				if (!Number.isSafeInteger(value)) throw new SplitError(m.sp_exact_whole(), { [i]: m.sp_whole_minor() });
				return value;
			});
			const sum = values.reduce((a, b) => a + b, 0);
			if (sum !== amountMinor) {
				const off = amountMinor - sum;
				throw new SplitError(m.sp_amounts_sum({ off: off > 0 ? m.e_less_minor({ count: off }) : m.e_more_minor({ count: -off }) }), {}, off);
			}
			return parts.map((p, i) => ({ memberId: p.memberId, amountMinor: values[i]! }));
		}
		case 'percent': {
			const values = parts.map((p, i) => {
				const value = valueOf(p, i, m.sp_enter_percentages);
				if (value > 100 || !hasAtMostTwoDecimals(value)) throw new SplitError(m.sp_percent_range(), { [i]: m.sp_percent_field() });
				return value;
			});
			const total = values.reduce((sum, v) => sum + hundredths(v), 0);
			if (total !== 10000) throw new SplitError(m.sp_percent_sum({ total: (total / 100).toFixed(2) }));
			return apportion(
				amountMinor,
				parts.map((p, i) => ({ memberId: p.memberId, weight: (hundredths(values[i]!) / 100).toFixed(2) })),
				seed
			);
		}
		case 'shares': {
			const claims = parts.map((p, i) => {
				const value = valueOf(p, i, m.sp_enter_shares);
				if (value === 0 || value > 1000 || Math.abs(value * 1000 - Math.round(value * 1000)) > 1e-9) {
					throw new SplitError(m.sp_shares_range(), { [i]: m.sp_share_field() });
				}
				return { memberId: p.memberId, weight: value.toFixed(3) };
			});
			return apportion(amountMinor, claims, seed);
		}
		case 'weights': {
			const claims = parts.map((p, i) => {
				const weight = shareWeights.get(p.memberId);
				if (weight === undefined) throw new SplitError(m.e_split_active(), { [i]: m.sp_not_active() });
				return { memberId: p.memberId, weight };
			});
			if (claims.every((c) => Number(c.weight) === 0)) throw new SplitError(m.sp_weights_zero());
			return apportion(amountMinor, claims, seed);
		}
	}
}
