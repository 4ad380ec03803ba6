/**
 * Who pays whom to settle the house, in the fewest payments. A group of k people whose
 * balances sum to zero settles in k − 1 payments, so the fewest payments are n minus the
 * largest number of zero-sum groups the balances split into. That is found exactly (a
 * dynamic programme over subsets) for up to EXACT_LIMIT people with a balance; beyond,
 * the plan is the greedy one (largest debtor pays largest creditor), at most n − 1.
 * Ties go by member id, so the list is stable.
 */
export interface Balance {
	memberId: string;
	/** > 0: owed money; < 0: owes money. */
	netMinor: number;
}

export interface Transfer {
	fromMemberId: string;
	toMemberId: string;
	amountMinor: number;
}

/** Up to this many people with a balance, the plan is the true fewest (2^20 subsets: tens of milliseconds at worst). */
export const EXACT_LIMIT = 20;

/** Whether suggestTransfers' plan for these balances is the proven fewest (else: at most n − 1). */
export function isFewest(balances: Balance[]): boolean {
	return balances.filter((b) => b.netMinor !== 0).length <= EXACT_LIMIT;
}

/** Each member's balance once the transfers are paid (all zero when they settle the house). */
export function balancesAfter(balances: Balance[], transfers: Transfer[]): Map<string, number> {
	const after = new Map(balances.map((b) => [b.memberId, b.netMinor]));
	for (const t of transfers) {
		after.set(t.fromMemberId, (after.get(t.fromMemberId) ?? 0) + t.amountMinor);
		after.set(t.toMemberId, (after.get(t.toMemberId) ?? 0) - t.amountMinor);
	}
	return after;
}

export function suggestTransfers(balances: Balance[]): Transfer[] {
	const open = balances.filter((b) => b.netMinor !== 0).sort((a, b) => a.memberId.localeCompare(b.memberId));
	if (open.length > EXACT_LIMIT) return greedy(open);
	return zeroSumGroups(open).flatMap(greedy);
}

/**
 * The balances split into the most groups that each sum to zero, every person in one.
 * dp[mask] is the most zero-sum groups among the people in `mask` when they are added
 * one at a time and a group closes whenever the running sum is zero.
 */
function zeroSumGroups(people: Balance[]): Balance[][] {
	const n = people.length;
	if (n === 0) return [];
	const size = 1 << n;
	const sum = new Float64Array(size);
	const dp = new Int8Array(size);
	for (let mask = 1; mask < size; mask++) {
		const low = mask & -mask;
		sum[mask] = sum[mask ^ low]! + people[31 - Math.clz32(low)]!.netMinor;
		let best = 0;
		for (let rest = mask; rest; rest &= rest - 1) {
			const without = dp[mask ^ (rest & -rest)]!;
			if (without > best) best = without;
		}
		dp[mask] = best + (sum[mask] === 0 ? 1 : 0);
	}
	// Walk back from everyone: the order people were added, cut where the running sum is zero.
	const order: number[] = [];
	for (let mask = size - 1; mask;) {
		const closes = sum[mask] === 0 ? 1 : 0;
		let next = -1;
		for (let rest = mask; rest; rest &= rest - 1) {
			const bit = rest & -rest;
			if (dp[mask ^ bit]! + closes === dp[mask]) {
				next = 31 - Math.clz32(bit);
				break;
			}
		}
		order.push(next);
		mask ^= 1 << next;
	}
	order.reverse();
	const groups: Balance[][] = [];
	let group: Balance[] = [];
	let running = 0;
	for (const index of order) {
		group.push(people[index]!);
		running += people[index]!.netMinor;
		if (running === 0) {
			groups.push(group);
			group = [];
		}
	}
	return groups;
}

/** Repeatedly the largest debtor pays the largest creditor as much as both allow: at most n − 1 payments. */
function greedy(balances: Balance[]): Transfer[] {
	const byAmount = (a: Balance, b: Balance) => b.netMinor - a.netMinor || a.memberId.localeCompare(b.memberId);
	const creditors = balances
		.filter((b) => b.netMinor > 0)
		.map((b) => ({ ...b }))
		.sort(byAmount);
	const debtors = balances
		.filter((b) => b.netMinor < 0)
		.map((b) => ({ memberId: b.memberId, netMinor: -b.netMinor }))
		.sort(byAmount);
	const transfers: Transfer[] = [];
	while (creditors.length && debtors.length) {
		const creditor = creditors[0]!;
		const debtor = debtors[0]!;
		const amount = Math.min(creditor.netMinor, debtor.netMinor);
		transfers.push({ fromMemberId: debtor.memberId, toMemberId: creditor.memberId, amountMinor: amount });
		creditor.netMinor -= amount;
		debtor.netMinor -= amount;
		if (creditor.netMinor === 0) creditors.shift();
		else creditors.sort(byAmount);
		if (debtor.netMinor === 0) debtors.shift();
		else debtors.sort(byAmount);
	}
	return transfers;
}
