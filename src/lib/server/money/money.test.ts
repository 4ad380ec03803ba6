import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { makeHousehold, makeMember } from '../testing/factories';
import { updateMember } from '../households/members';
import { balancesFromHistory, getBalances, recordSettlement, setSettlementDeleted } from './balances';
import { createExpense, setExpenseDeleted, updateExpense } from './expenses';
import { sumExpenses } from './expense-queries';
import type { ExpenseInput } from './schemas';
import { balancesAfter } from '$lib/money/transfers';

async function house() {
	const admin = await makeHousehold('Money House');
	const b = await makeMember(admin, 'Bea');
	const c = await makeMember(admin, 'Cal');
	return { admin, a: admin.member.id, b: b.id, c: c.id };
}

const groceries = (payer: string, members: string[], amountMinor = 10000): ExpenseInput => ({
	description: 'Groceries',
	amountMinor,
	spentOn: '2026-11-20',
	category: 'groceries',
	payers: [{ memberId: payer, amountMinor }],
	split: { mode: 'equal', parts: members.map((memberId) => ({ memberId })) }
});

const net = async (householdId: string) => Object.fromEntries((await getBalances(householdId)).balances.map((b) => [b.memberId, b.netMinor]));

describe('expenses and balances', () => {
	it('an equal split of 100.00 among three stores 33.34 / 33.33 / 33.33', async () => {
		const { admin, a, b, c } = await house();
		const expense = await createExpense(admin, groceries(a, [a, b, c]));
		expect(expense.shares.map((s) => s.amountMinor).sort()).toEqual([3333, 3333, 3334]);
		expect(expense.version).toBe(1);
		const balances = await net(admin.household.id);
		expect(balances[a]! + balances[b]! + balances[c]!).toBe(0);
		expect(balances[a]).toBeGreaterThanOrEqual(6666);
	});

	it('several payers: each is credited what they paid', async () => {
		const { admin, a, b, c } = await house();
		await createExpense(admin, {
			...groceries(a, [a, b, c], 9000),
			payers: [
				{ memberId: a, amountMinor: 6000 },
				{ memberId: b, amountMinor: 3000 }
			]
		});
		expect(await net(admin.household.id)).toEqual({ [a]: 3000, [b]: 0, [c]: -3000 });
	});

	it('refuses payers that do not add up, and stores nothing', async () => {
		const { admin, a, b } = await house();
		await expect(createExpense(admin, { ...groceries(a, [a, b]), payers: [{ memberId: a, amountMinor: 9000 }] })).rejects.toMatchObject({
			status: 422,
			fields: { payers: expect.stringContaining('1000 minor units less') }
		});
		const count = await getDb()
			.selectFrom('expenses')
			.select(({ fn }) => fn.countAll().as('n'))
			.where('householdId', '=', admin.household.id)
			.executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(0);
	});

	it('a settlement moves both balances; applying the suggested transfers settles the house', async () => {
		const { admin, a, b, c } = await house();
		await createExpense(admin, groceries(a, [a, b, c], 9000));
		await createExpense(admin, { ...groceries(b, [b, c], 5000), description: 'Soap', category: 'supplies' });
		const { transfers } = await getBalances(admin.household.id);
		for (const t of transfers) await recordSettlement(admin, { fromMemberId: t.fromMemberId, toMemberId: t.toMemberId, amountMinor: t.amountMinor });
		expect(Object.values(await net(admin.household.id))).toEqual([0, 0, 0]);
	});

	it('a payment recorded by mistake can be undone and restored', async () => {
		const { admin, a, b } = await house();
		await createExpense(admin, groceries(a, [a, b]));
		const payment = await recordSettlement(admin, { fromMemberId: b, toMemberId: a, amountMinor: 5000 });
		expect(Object.values(await net(admin.household.id))).toEqual([0, 0, 0]);
		await setSettlementDeleted(admin, payment.id, true);
		expect((await net(admin.household.id))[b]).toBe(-5000);
		await setSettlementDeleted(admin, payment.id, false);
		expect((await net(admin.household.id))[b]).toBe(0);
		await expect(setSettlementDeleted(admin, payment.id, false)).rejects.toMatchObject({ status: 404 });
	});

	it('a stale edit is refused with 409 and changes nothing', async () => {
		const { admin, a, b } = await house();
		const expense = await createExpense(admin, groceries(a, [a, b]));
		const edited = await updateExpense(admin, expense.id, { version: 1, amountMinor: 12000, payers: [{ memberId: a, amountMinor: 12000 }] });
		expect(edited.version).toBe(2);
		const refused = (await updateExpense(admin, expense.id, { version: 1, description: 'Late edit' }).catch((e: unknown) => e)) as Error;
		expect(refused).toMatchObject({ status: 409, code: 'stale_version' });
		expect(refused.message).toContain('the amount is now €120.00 (was €100.00)');
		expect(refused.message).toContain('who paid changed');
		expect((await net(admin.household.id))[b]).toBe(-6000);
	});

	it('parallel edits of one version: one wins, the rest get 409', async () => {
		const { admin, a, b } = await house();
		const expense = await createExpense(admin, groceries(a, [a, b]));
		const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => updateExpense(admin, expense.id, { version: 1, description: `Edit ${i}` })));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ status: 409 });
	});

	it('delete takes an expense out of the balances; undo brings it back', async () => {
		const { admin, a, b } = await house();
		const expense = await createExpense(admin, groceries(a, [a, b]));
		const before = await net(admin.household.id);
		await setExpenseDeleted(admin, expense.id, true);
		expect(Object.values(await net(admin.household.id))).toEqual([0, 0, 0]);
		await setExpenseDeleted(admin, expense.id, false);
		expect(await net(admin.household.id)).toEqual(before);
	});

	it('a member who left keeps their balance and cannot be chosen for new splits', async () => {
		const { admin, a, b, c } = await house();
		await createExpense(admin, groceries(a, [a, b, c], 9000));
		await updateMember(admin, c, { active: false });
		expect((await net(admin.household.id))[c]).toBe(-3000);
		await expect(createExpense(admin, groceries(a, [a, c]))).rejects.toMatchObject({ status: 422 });
		await expect(getDb().deleteFrom('members').where('id', '=', c).execute()).rejects.toThrow(/foreign key/);
	});

	it('the database refuses shares that point at another household’s member', async () => {
		const { admin, a } = await house();
		const other = await makeHousehold('Other');
		const expense = await createExpense(admin, groceries(a, [a]));
		await expect(
			getDb()
				.insertInto('expenseShares')
				.values({ householdId: admin.household.id, expenseId: expense.id, memberId: other.member.id, amountMinor: 1 })
				.execute()
		).rejects.toThrow(/foreign key/);
		await expect(getDb().updateTable('expenses').set({ amountMinor: 0 }).where('id', '=', expense.id).execute()).rejects.toThrow(/check/);
	});

	it('balances always sum to zero, whatever expenses, edits, deletes and settlements happen', async () => {
		const { admin, a, b, c } = await house();
		const members = [a, b, c];
		const created: Array<{ id: string; version: number }> = [];
		await fc.assert(
			fc.asyncProperty(
				fc.array(
					fc.record({
						kind: fc.constantFrom('add', 'edit', 'delete', 'settle'),
						amount: fc.integer({ min: 1, max: 1_000_000 }),
						payer: fc.nat(2),
						others: fc.subarray([0, 1, 2], { minLength: 1 }),
						to: fc.nat(2)
					}),
					{ minLength: 1, maxLength: 6 }
				),
				async (steps) => {
					for (const step of steps) {
						const payer = members[step.payer]!;
						if (step.kind === 'add' || created.length === 0) {
							const expense = await createExpense(
								admin,
								groceries(
									payer,
									step.others.map((i) => members[i]!),
									step.amount
								)
							);
							created.push({ id: expense.id, version: expense.version });
						} else if (step.kind === 'edit') {
							const target = created[step.amount % created.length]!;
							const edited = await updateExpense(admin, target.id, {
								version: target.version,
								amountMinor: step.amount,
								payers: [{ memberId: payer, amountMinor: step.amount }]
							}).catch(() => null);
							if (edited) target.version = edited.version;
						} else if (step.kind === 'delete') {
							const target = created[step.amount % created.length]!;
							const deleted = await setExpenseDeleted(admin, target.id, true).catch(() => setExpenseDeleted(admin, target.id, false));
							target.version = deleted.version;
						} else if (members[step.to] !== payer) {
							await recordSettlement(admin, { fromMemberId: payer, toMemberId: members[step.to]!, amountMinor: step.amount });
						}
					}
					const { balances, transfers } = await getBalances(admin.household.id);
					expect(balances.reduce((sum, x) => sum + x.netMinor, 0)).toBe(0);
					// The ledger the triggers keep says what the whole history says.
					const history = await balancesFromHistory(admin.household.id);
					for (const x of balances) expect(x.netMinor).toBe(history.get(x.memberId) ?? 0);
					// So do the kept expense totals: the unfiltered sum equals a scan that matches every expense.
					expect(await sumExpenses(admin.household.id, {})).toEqual(await sumExpenses(admin.household.id, { from: '2000-01-01' }));
					expect([...balancesAfter(balances, transfers).values()].every((v) => v === 0)).toBe(true);
				}
			),
			{ numRuns: 15 }
		);
	});
});

describe('an expense of a member who has left', () => {
	it('stays editable: they may stay in it, only someone new must be an active member', async () => {
		const { admin, a, b, c } = await house();
		const expense = await createExpense(admin, groceries(b, [a, b]));
		await updateMember(admin, b, { active: false });
		await updateMember(admin, c, { active: false });
		const renamed = await updateExpense(admin, expense.id, { version: expense.version, description: 'Groceries (market)' });
		expect(renamed.description).toBe('Groceries (market)');
		expect(renamed.shares.map((s) => s.memberId).sort()).toEqual([a, b].sort());
		// Cal left too, and was never in it: adding them is refused, and nothing changes.
		await expect(
			updateExpense(admin, expense.id, { version: renamed.version, split: { mode: 'equal', parts: [{ memberId: a }, { memberId: b }, { memberId: c }] } })
		).rejects.toMatchObject({
			status: 422,
			fields: { 'split.parts.2.memberId': expect.any(String) }
		});
		await expect(updateExpense(admin, expense.id, { version: renamed.version, payers: [{ memberId: c, amountMinor: 10000 }] })).rejects.toMatchObject({
			status: 422
		});
		// A new expense cannot name them either.
		await expect(createExpense(admin, groceries(a, [a, b]))).rejects.toMatchObject({ status: 422 });
	});
});

describe('the default split of a new expense', () => {
	const builtIn = { splitMode: 'auto' as const, rememberPayerSplit: true, lastByPayer: {} };
	it('is by share weight when the weights differ (a weight-0 child is not charged), else equal', async () => {
		const { initialSplitMode } = await import('$lib/households/defaults');
		expect(initialSplitMode(builtIn, [{ shareWeight: 1 }, { shareWeight: 1 }], 'ana')).toBe('equal');
		expect(initialSplitMode(builtIn, [{ shareWeight: 1 }, { shareWeight: 0 }], 'ana')).toBe('weights');
	});

	it('is the house’s choice when it made one, and the payer’s last way when the house remembers it', async () => {
		const { initialSplitMode } = await import('$lib/households/defaults');
		const weights = [{ shareWeight: 1 }, { shareWeight: 0 }];
		expect(initialSplitMode({ ...builtIn, splitMode: 'equal' }, weights, 'ana')).toBe('equal');
		expect(initialSplitMode({ ...builtIn, lastByPayer: { ana: 'shares' } }, weights, 'ana')).toBe('shares');
		expect(initialSplitMode({ ...builtIn, lastByPayer: { ana: 'shares' } }, weights, 'ben')).toBe('weights');
		expect(initialSplitMode({ ...builtIn, rememberPayerSplit: false, lastByPayer: { ana: 'shares' } }, weights, 'ana')).toBe('weights');
	});

	it('remembers what a payer last used when a person saves an expense they alone paid', async () => {
		const { expenseFormOptions } = await import('./form-data');
		const admin = await makeHousehold('Memory House');
		const ben = await makeMember(admin, 'Ben');
		await createExpense(admin, {
			...groceries(admin.member.id, [admin.member.id, ben.id]),
			split: {
				mode: 'shares',
				parts: [
					{ memberId: admin.member.id, value: 2 },
					{ memberId: ben.id, value: 1 }
				]
			}
		});
		expect((await expenseFormOptions(admin.household.id)).splitDefaults.lastByPayer).toEqual({ [admin.member.id]: 'shares' });
	});
});
