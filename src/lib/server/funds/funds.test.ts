import { describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { refusal } from '../testing/refusal';
import { contextFor, makeHouseOfThree, makeMember } from '../testing/factories';
import { contribute, createFund, getFund, listFunds, setContributionDeleted, spendFromFund, updateFund } from './funds';
import { balanceHistory, fundContributions } from './history';
import { proposeFundSpending } from '../decisions/fund-proposals';
import { castVote } from '../decisions/votes';
import { closeProposal } from '../decisions/closing';
import { getProposal } from '../decisions/proposals';
import { setExpenseDeleted } from '../money/expenses';
import { getExpense } from '../money/expense-queries';
import { todayIn } from '$lib/dates';
import type { FundInput } from './schemas';

const kitty = (more: Partial<FundInput> = {}): FundInput => ({
	name: `Kitty ${crypto.randomUUID().slice(0, 6)}`,
	purpose: 'Cleaning supplies, the odd repair',
	allowNegative: false,
	approvalAboveMinor: null,
	basis: 'share_weight',
	monthlyMinor: 6000,
	pledges: [],
	...more
});
const soap = { description: 'Soap', amountMinor: 1500, category: 'supplies' };

/** The sum of every member's balance row: a fund's spending must move none of them. */
const memberBalanceTotal = async (householdId: string) => {
	const rows = await getDb().selectFrom('memberBalances').select(['netMinor']).where('householdId', '=', householdId).execute();
	return rows.map((row) => Math.abs(Number(row.netMinor))).reduce((sum, value) => sum + value, 0);
};

describe('house funds', () => {
	it('keep their balance from contributions and purchases, with undo and restore; no member’s balance moves', async () => {
		const { admin, bea } = await makeHouseOfThree('Fund House');
		const fund = await createFund(admin, kitty());
		await contribute(admin, fund.id, { amountMinor: 4000, note: '' });
		const beas = await contribute(admin, fund.id, { memberId: bea.member.id, amountMinor: 2000, note: 'cash' });
		const bought = await spendFromFund(bea, fund.id, soap);
		const householdId = admin.household.id;
		expect((await getFund(householdId, fund.id, admin.household.timezone)).balanceMinor).toBe(4500);
		expect(bought.fundId).toBe(fund.id);
		expect(bought.payers).toEqual([]);
		expect(await memberBalanceTotal(householdId)).toBe(0);
		// Each line undone and redone moves the balance once, by its amount.
		await setExpenseDeleted(bea, bought.id, true);
		expect((await getFund(householdId, fund.id, admin.household.timezone)).balanceMinor).toBe(6000);
		await setContributionDeleted(bea, fund.id, beas.id, true);
		expect((await getFund(householdId, fund.id, admin.household.timezone)).balanceMinor).toBe(4000);
		await setExpenseDeleted(bea, bought.id, false);
		expect((await getFund(householdId, fund.id, admin.household.timezone)).balanceMinor).toBe(2500);
		// The chart's last point is today's balance.
		expect((await balanceHistory(householdId, fund.id, admin.household.timezone)).at(-1)!.balanceMinor).toBe(2500);
		expect((await fundContributions(householdId, fund.id)).map((c) => [c.amountMinor, c.deleted])).toEqual([
			[2000, true],
			[4000, false]
		]);
	});

	it('say who is behind: dues by share weight since the first month, against what each paid in', async () => {
		const { admin, bea } = await makeHouseOfThree();
		const fund = await createFund(admin, kitty({ monthlyMinor: 6000, contributionsFrom: todayIn(admin.household.timezone) }));
		await contribute(bea, fund.id, { amountMinor: 3000, note: '' });
		const { dues } = await getFund(admin.household.id, fund.id, admin.household.timezone);
		// Two adults of equal weight, the child pays nothing: 30.00 each this month, Bea paid hers.
		expect(dues).toEqual([
			{ memberId: admin.member.id, monthlyMinor: 3000, chargedMinor: 0, dueMinor: 3000, paidMinor: 0, behindMinor: 3000 },
			{ memberId: bea.member.id, monthlyMinor: 3000, chargedMinor: 0, dueMinor: 3000, paidMinor: 3000, behindMinor: 0 }
		]);
	});

	it('refuse to go below zero: too little in the fund is 422, and undoing a contribution already spent is 409', async () => {
		const { admin } = await makeHouseOfThree();
		const fund = await createFund(admin, kitty());
		const paid = await contribute(admin, fund.id, { amountMinor: 1000, note: '' });
		const short = await refusal(spendFromFund(admin, fund.id, soap));
		expect([short.status, short.code, Object.keys(short.fields)]).toEqual([422, 'fund_short', ['amountMinor']]);
		await spendFromFund(admin, fund.id, { ...soap, amountMinor: 800 });
		const spent = await refusal(setContributionDeleted(admin, fund.id, paid.id, true));
		expect([spent.status, spent.code]).toEqual([409, 'fund_overdrawn']);
		expect((await getFund(admin.household.id, fund.id, admin.household.timezone)).balanceMinor).toBe(200);
	});

	it('let exactly as many parallel withdrawals through as the balance covers (the database decides)', async () => {
		const { admin, bea } = await makeHouseOfThree();
		const others = await Promise.all(['Cy', 'Di', 'Ed'].map((name) => makeMember(admin, name)));
		const contexts = [admin, bea, ...(await Promise.all(others.map((m) => contextFor(admin.household.id, m.id))))];
		const fund = await createFund(admin, kitty());
		await contribute(admin, fund.id, { amountMinor: 3000, note: '' });
		const results = await Promise.allSettled(contexts.map((context) => spendFromFund(context, fund.id, soap)));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
		for (const r of results.filter((r) => r.status === 'rejected')) expect((r as PromiseRejectedResult).reason.code).toBe('fund_short');
		expect((await getFund(admin.household.id, fund.id, admin.household.timezone)).balanceMinor).toBe(0);
	});

	it('above the approval limit, spend only by a proposal that pays from the fund once when it passes', async () => {
		const { admin, bea } = await makeHouseOfThree();
		const fund = await createFund(admin, kitty({ approvalAboveMinor: 5000 }));
		await contribute(admin, fund.id, { amountMinor: 20_000, note: '' });
		const direct = await refusal(spendFromFund(bea, fund.id, { ...soap, description: 'New oven', amountMinor: 12_000 }));
		expect([direct.status, direct.code]).toEqual([422, 'needs_proposal']);
		const closesAt = new Date(Date.now() + 86_400_000).toISOString();
		const { id } = await proposeFundSpending(bea, fund.id, { ...soap, description: 'New oven', amountMinor: 12_000, closesAt });
		await castVote(admin, id, { position: 'yes', reason: '' });
		await castVote(bea, id, { position: 'yes', reason: '' });
		// Everyone voted, so it closed (and paid) on the last vote; closing again pays nothing more.
		expect((await refusal(closeProposal(admin, id))).status).toBe(409);
		const proposal = await getProposal(admin.household.id, id);
		expect(proposal.status).toBe('passed');
		const expense = await getExpense(admin.household.id, proposal.linkedExpenseId!);
		expect([expense.fundId, expense.amountMinor, expense.description]).toEqual([fund.id, 12_000, 'New oven']);
		expect((await getFund(admin.household.id, fund.id, admin.household.timezone)).balanceMinor).toBe(8000);
	});

	it('are the house’s own: another house’s fund answers “not found”; admins alone start or change one', async () => {
		const one = await makeHouseOfThree('Fund One');
		const other = await makeHouseOfThree('Fund Other');
		const fund = await createFund(one.admin, kitty());
		const householdId = other.admin.household.id;
		expect((await refusal(getFund(householdId, fund.id, 'UTC'))).status).toBe(404);
		expect((await refusal(fundContributions(householdId, fund.id))).status).toBe(404);
		expect((await refusal(contribute(other.admin, fund.id, { amountMinor: 100, note: '' }))).status).toBe(404);
		expect((await refusal(spendFromFund(other.admin, fund.id, soap))).status).toBe(404);
		expect((await refusal(updateFund(other.admin, fund.id, { purpose: 'Mine', version: 1 }))).status).toBe(404);
		expect((await refusal(getFund(householdId, 'not-a-uuid', 'UTC'))).status).toBe(404);
		expect(await listFunds(householdId, 'UTC')).toEqual([]);
		// A member of another house cannot be recorded as paying in; a non-admin cannot start a fund.
		expect((await refusal(contribute(one.admin, fund.id, { memberId: other.bea.member.id, amountMinor: 100, note: '' }))).status).toBe(422);
		expect((await refusal(createFund(one.bea, kitty()))).status).toBe(403);
		expect((await refusal(createFund(one.admin, kitty({ name: fund.name.toUpperCase() })))).fields.name).toBeTruthy();
	});

	it('keep a change from overwriting one made since (409), and an archived fund takes no money', async () => {
		const { admin } = await makeHouseOfThree();
		const fund = await createFund(admin, kitty());
		const changed = await updateFund(admin, fund.id, { purpose: 'Repairs', version: fund.version });
		expect((await refusal(updateFund(admin, fund.id, { purpose: 'Groceries', version: fund.version }))).status).toBe(409);
		await updateFund(admin, fund.id, { archived: true, version: changed.version });
		expect((await refusal(contribute(admin, fund.id, { amountMinor: 100, note: '' }))).status).toBe(409);
	});
});
