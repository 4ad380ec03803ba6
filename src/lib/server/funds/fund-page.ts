/**
 * What the fund pages show: the house's funds with each one's balance and who is behind,
 * and one fund with its balance over the last months, its dues, what was bought and who
 * paid in, with the forms to pay in, spend and (above the limit) ask the house.
 */
import { minorToInput } from '$lib/money/format';
import { todayIn } from '$lib/dates';
import { listMembers } from '$lib/server/households/members';
import { listCategories } from '$lib/server/money/categories';
import type { MemberContext } from '$lib/server/households/context';
import { getFund, listFunds } from './funds';
import { balanceHistory, pendingRequests, recentContributions, recentPurchases } from './history';
import { fundValues } from './forms';
import { closingInAWeek } from '$lib/server/decisions/proposal-form';

async function names(householdId: string) {
	const members = await listMembers(householdId);
	return members.map(({ id, displayName, role, active }) => ({ id, displayName, role, active }));
}

type FormValues = Record<string, string>;

export async function fundsPage(context: MemberContext) {
	const householdId = context.household.id;
	const [funds, members] = await Promise.all([listFunds(householdId, context.household.timezone), names(householdId)]);
	const today = todayIn(context.household.timezone);
	return { funds, members, newValues: { basis: 'share_weight', contributionsFrom: `${today.slice(0, 8)}01` } };
}

export async function fundPage(context: MemberContext, fundId: string) {
	const householdId = context.household.id;
	const { currency, timezone } = context.household;
	const fund = await getFund(householdId, fundId, timezone);
	const [members, categories, contributions, purchases, series, pending] = await Promise.all([
		names(householdId),
		listCategories(householdId),
		recentContributions(householdId, fund.id),
		recentPurchases(householdId, fund.id),
		balanceHistory(householdId, fund.id, timezone),
		pendingRequests(householdId, fund.id)
	]);
	const today = todayIn(timezone);
	const mine = fund.dues.find((due) => due.memberId === context.member.id);
	return {
		fund,
		members,
		categories,
		contributions,
		purchases,
		series,
		pending,
		// Typed as open records: after a refused post the page shows what was typed instead.
		values: {
			contribute: { member: context.member.id, amount: mine?.monthlyMinor ? minorToInput(mine.monthlyMinor, currency) : '', day: today } as FormValues,
			spend: { day: today, category: 'supplies' } as FormValues,
			propose: { category: 'supplies', closesAt: closingInAWeek(timezone) } as FormValues,
			edit: fundValues(fund, currency)
		}
	};
}
