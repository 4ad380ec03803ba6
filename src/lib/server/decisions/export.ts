/** The house's decisions as CSV: each proposal with its rule, turnout, verdict and why. */
import { m } from '$lib/paraglide/messages';
import { toCsv } from '$lib/server/csv';
import type { Household } from '$lib/server/db/schema';
import { minorToInput } from '$lib/money/format';
import { STATUS_LABELS, describeRule } from '$lib/decisions/labels';
import { allProposals } from './proposal-list';
import type { Proposal } from '$lib/decisions/model';

export async function proposalsCsv(household: Household): Promise<string> {
	// All of them, however many: read a page at a time.
	const proposals: Proposal[] = [];
	for await (const page of allProposals(household.id)) proposals.push(...page);
	return toCsv([
		[
			m.csv_title(),
			m.csv_kind(),
			m.csv_rule(),
			m.csv_opened(),
			m.csv_closes(),
			m.csv_status(),
			m.csv_eligible(),
			m.csv_voted(),
			m.csv_result(),
			m.csv_reason(),
			m.csv_linked_expense()
		],
		...proposals.map((p) => {
			const labelOf = (id: unknown) => p.options.find((o) => o.id === id)?.label ?? '';
			const tally = p.tally;
			const result =
				tally && 'yes' in tally
					? `yes ${tally.yes}, no ${tally.no}, abstain ${tally.abstain}, block ${tally.block}`
					: p.outcome?.winnerOptionId
						? labelOf(p.outcome.winnerOptionId)
						: '';
			const expense = p.linkedExpense
				? `${p.linkedExpense.description} ${minorToInput(p.linkedExpense.amountMinor, household.currency)} ${household.currency}${p.linkedExpenseId ? ' (added)' : ''}`
				: '';
			return [
				p.title,
				p.kind,
				describeRule(p.rule),
				p.createdAt,
				p.closedAt ?? p.closesAt,
				STATUS_LABELS[p.status],
				p.eligibleCount,
				p.votedCount,
				p.status === 'open' ? '' : result,
				p.reason ?? '',
				expense
			];
		})
	]);
}
