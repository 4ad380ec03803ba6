/**
 * The apportionment rule, the only one in the app: each member first gets the floor of
 * their exact share; the minor units left over go one each to the largest fractional
 * remainders (largest-remainder / Hamilton). Ties rotate with a seed derived from the
 * expense id, so the extra cent does not always land on the same person. Exact: the
 * arithmetic is in BigInt, and the shares always sum to the total.
 */

export interface Claim {
	memberId: string;
	/** A non-negative weight; only ratios matter. Decimals up to 6 places are exact. */
	weight: number | string;
}

const SCALE_DIGITS = 6;

/** "2.5" → 2500000n: weights become exact integers. */
export function scaledWeight(weight: number | string): bigint {
	const text = typeof weight === 'number' ? weight.toFixed(SCALE_DIGITS) : weight.trim();
	const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
	if (!match) throw new RangeError(`Not a non-negative decimal weight: ${weight}`);
	const fraction = (match[2] ?? '').padEnd(SCALE_DIGITS, '0');
	if (fraction.length > SCALE_DIGITS && /[1-9]/.test(fraction.slice(SCALE_DIGITS))) throw new RangeError(`Too many decimals in weight ${weight}`);
	return BigInt(match[1]!) * 10n ** BigInt(SCALE_DIGITS) + BigInt(fraction.slice(0, SCALE_DIGITS));
}

/** A small stable number from an id, to rotate tie-breaks between expenses (FNV-1a). */
export function rotationSeed(id: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < id.length; i++) {
		hash ^= id.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

export interface Share {
	memberId: string;
	amountMinor: number;
}

export function apportion(totalMinor: number, claims: Claim[], seed: number): Share[] {
	if (!Number.isSafeInteger(totalMinor) || totalMinor < 0) throw new RangeError('The total must be a non-negative whole number of minor units.');
	if (claims.length === 0) throw new RangeError('Nobody to share among.');
	const weights = claims.map((claim) => scaledWeight(claim.weight));
	const sum = weights.reduce((a, b) => a + b, 0n);
	if (sum === 0n) throw new RangeError('The weights add up to zero.');
	const total = BigInt(totalMinor);
	const floors = weights.map((w) => (total * w) / sum);
	const remainders = weights.map((w) => (total * w) % sum);
	let left = Number(total - floors.reduce((a, b) => a + b, 0n));
	const n = claims.length;
	const start = seed % n;
	// Turn order for ties: the claims rotated to start at `start`.
	const order = claims
		.map((_, i) => i)
		.sort((a, b) => {
			if (remainders[a]! !== remainders[b]!) return remainders[a]! > remainders[b]! ? -1 : 1;
			return ((a - start + n) % n) - ((b - start + n) % n);
		});
	const amounts = floors.map(Number);
	for (const index of order) {
		if (left === 0) break;
		if (remainders[index] === 0n) continue;
		amounts[index]! += 1;
		left--;
	}
	return claims.map((claim, i) => ({ memberId: claim.memberId, amountMinor: amounts[i]! }));
}
