/** Request bodies the HTTP tests and the cluster test's load send, in one place. */

/** An expense paid by `payer` alone and split equally among `members`, as POST …/expenses takes it. */
export function equalExpense(payer: string, members: string[], amountMinor: number, description = 'Groceries', spentOn = '2026-12-01') {
	return {
		description,
		amountMinor,
		spentOn,
		category: 'groceries',
		payers: [{ memberId: payer, amountMinor }],
		split: { mode: 'equal' as const, parts: members.map((memberId) => ({ memberId })) }
	};
}
