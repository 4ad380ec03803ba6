/**
 * Spending from a house fund above its approval limit is the house's decision: a consent
 * proposal under the house's money rule, which pays from the fund once when it passes
 * (closing.ts).
 */
import type { MemberContext } from '$lib/server/households/context';
import { getFund } from '$lib/server/funds/funds';
import type { FundSpendingInput } from '$lib/server/funds/schemas';
import { requestFormatLocale } from '$lib/server/i18n';
import { formatMoney } from '$lib/money/format';
import { createProposal } from './proposals';
import { getDecisionRules } from './rules';
import { m } from '$lib/paraglide/messages';

export async function proposeFundSpending(context: MemberContext, fundId: string, input: FundSpendingInput & { closesAt: string }): Promise<{ id: string }> {
	const householdId = context.household.id;
	const [fund, rules] = await Promise.all([getFund(householdId, fundId, context.household.timezone), getDecisionRules(householdId)]);
	const amount = formatMoney(input.amountMinor, context.household.currency, requestFormatLocale());
	return createProposal(context, {
		title: m.fund_proposal_title({ amount, fund: fund.name, description: input.description }).slice(0, 200),
		body: input.notes ?? '',
		kind: 'consent',
		rule: rules.money,
		closesAt: input.closesAt,
		fundSpending: { fundId, description: input.description, amountMinor: input.amountMinor, category: input.category, notes: input.notes }
	});
}
