/**
 * The demo household's house kitty: the adults pay in by share weight each month (Priya and
 * Daniel 60.00, Grandma Rosa 20.00) for cleaning things, small repairs and what the house
 * owns together. Grandma Rosa has not paid this month yet; two small purchases came out of
 * it; Daniel asks the house to buy a vacuum cleaner above the kitty's limit, Priya agreed.
 * The cargo bike's wear is paid into the kitty: 1.00 an hour, owed by whoever rode it.
 */
import { plusDays, todayIn } from '$lib/dates';
import type { MemberContext } from '$lib/server/households/context';
import { contribute, createFund, spendFromFund } from '$lib/server/funds/funds';
import { proposeFundSpending } from '$lib/server/decisions/fund-proposals';
import { castVote } from '$lib/server/decisions/votes';
import { createThing } from '$lib/server/commons/things';
import { DEFAULT_THING_RULES } from '$lib/commons/model';
import { actingAs } from './context';

export async function seedDemoFund(admin: MemberContext, ids: Map<string, string>): Promise<void> {
	const today = todayIn(admin.household.timezone);
	// The first of the month two months ago, and the 3rd of each month since (today's if earlier).
	const firstMonth = `${plusDays(`${today.slice(0, 8)}01`, -40).slice(0, 8)}01`;
	const months = [0, 1, 2].map((back) => {
		const third = `${plusDays(`${today.slice(0, 8)}15`, -30 * back).slice(0, 8)}03`;
		return third > today ? today : third;
	});
	const [daniel, priya] = await Promise.all(['Daniel', 'Priya'].map((name) => actingAs(admin, ids.get(name)!)));
	const fund = await createFund(admin, {
		name: 'House kitty',
		purpose: 'Cleaning things, light bulbs, small repairs and what the house owns together. Anything above 100.00 we decide together.',
		allowNegative: false,
		approvalAboveMinor: 10_000,
		basis: 'share_weight',
		monthlyMinor: 14_000,
		contributionsFrom: firstMonth,
		pledges: []
	});
	for (const [index, paidOn] of months.entries()) {
		await contribute(priya!, fund.id, { amountMinor: 6000, paidOn, note: '' });
		await contribute(daniel!, fund.id, { amountMinor: 6000, paidOn, note: '' });
		if (index > 0) await contribute(admin, fund.id, { memberId: ids.get('Grandma Rosa')!, amountMinor: 2000, paidOn, note: 'Cash, in the tin' });
	}
	await spendFromFund(priya!, fund.id, { description: 'Cleaning supplies', amountMinor: 2340, spentOn: plusDays(months[1]!, 4), category: 'supplies' });
	await spendFromFund(daniel!, fund.id, {
		description: 'Light bulbs for the stairs',
		amountMinor: 1290,
		spentOn: plusDays(months[0]!, 0),
		category: 'repairs'
	});
	const proposal = await proposeFundSpending(daniel!, fund.id, {
		description: 'Cordless vacuum cleaner',
		amountMinor: 18_900,
		category: 'supplies',
		notes: 'The old one died. This one has a wall mount, so it can live by the stairs.',
		closesAt: new Date(Date.now() + 5 * 86_400_000).toISOString()
	});
	await castVote(priya!, proposal.id, { position: 'yes', reason: 'Yes please' });
	await createThing(admin, {
		name: 'Cargo bike',
		kind: 'vehicle',
		description: 'Fits two crates or Leo. 1.00 an hour goes into the house kitty, for tyres and the chain.',
		cost: { amountMinor: 100, unit: 'hour', paidToFundId: fund.id },
		rules: { ...DEFAULT_THING_RULES, bookableBy: ['adult', 'youth'], maxBookingMinutes: 6 * 60 }
	});
}
