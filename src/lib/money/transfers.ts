/**
 * Who pays whom to settle the house: repeatedly the largest debtor pays the largest
 * creditor as much as both allow. Each step zeroes at least one balance, so n members
 * need at most n − 1 payments. Ties go by member id, so the list is stable.
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

export function suggestTransfers(balances: Balance[]): Transfer[] {
	const byAmount = (a: Balance, b: Balance) => b.netMinor - a.netMinor || a.memberId.localeCompare(b.memberId);
	const creditors = balances.filter((b) => b.netMinor > 0).map((b) => ({ ...b })).sort(byAmount);
	const debtors = balances.filter((b) => b.netMinor < 0).map((b) => ({ memberId: b.memberId, netMinor: -b.netMinor })).sort(byAmount);
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
