import { z } from 'zod';
import { CONTRIBUTION_BASES } from '$lib/funds/model';
import { MAX_AMOUNT_MINOR } from '$lib/money/format';
import { amountMinorField, expenseInput } from '$lib/server/money/schemas';
import { calendarDate, freeText, singleLineText, versionField } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';

/** A monthly amount or a limit: whole minor units, zero allowed. */
const minorOrZero = z
	.number({ error: () => m.v_minor_units() })
	.int({ error: () => m.v_minor_units() })
	.min(0, { error: () => m.v_amount_not_negative() })
	.max(MAX_AMOUNT_MINOR, { error: () => m.amount_too_large() });

const memberId = z.uuid({ error: () => m.v_member_pick() });

const fundFields = {
	name: singleLineText(() => m.v_fund_name(), 80),
	purpose: freeText(2000),
	allowNegative: z.boolean(),
	approvalAboveMinor: minorOrZero.nullable().meta({ description: 'Spending above this needs a passed proposal; null: never' }),
	basis: z.enum(CONTRIBUTION_BASES, { error: () => m.v_fund_basis() }),
	monthlyMinor: minorOrZero.meta({ description: 'share_weight: the house’s monthly total; fixed: each adult’s; agreed: not used' }),
	contributionsFrom: calendarDate(),
	pledges: z
		.array(z.object({ memberId, monthlyMinor: minorOrZero }))
		.max(200)
		.meta({ description: 'Under `agreed`: what each member agreed to pay each month (replaces the list)' })
};

export const fundInput = z
	.object({
		...fundFields,
		purpose: fundFields.purpose.default(''),
		allowNegative: fundFields.allowNegative.default(false),
		approvalAboveMinor: fundFields.approvalAboveMinor.default(null),
		basis: fundFields.basis.default('share_weight'),
		monthlyMinor: fundFields.monthlyMinor.default(0),
		contributionsFrom: fundFields.contributionsFrom.optional().meta({ description: 'Today by default' }),
		pledges: fundFields.pledges.default([])
	})
	.meta({ id: 'FundInput' });

export const fundPatch = z
	.object({
		name: fundFields.name.optional(),
		purpose: fundFields.purpose.optional(),
		allowNegative: fundFields.allowNegative.optional(),
		approvalAboveMinor: fundFields.approvalAboveMinor.optional(),
		basis: fundFields.basis.optional(),
		monthlyMinor: fundFields.monthlyMinor.optional(),
		contributionsFrom: fundFields.contributionsFrom.optional(),
		pledges: fundFields.pledges.optional(),
		archived: z.boolean().optional(),
		version: versionField()
	})
	.meta({ id: 'FundPatch' });

export const contributionInput = z
	.object({
		memberId: memberId.optional().meta({ description: 'Who paid in; yourself by default' }),
		amountMinor: amountMinorField,
		paidOn: calendarDate().optional().meta({ description: 'Today by default' }),
		note: freeText(500).default('')
	})
	.meta({ id: 'FundContributionInput' });

/** Spending from a fund: an expense the fund pays, with no payer or split of its own. */
export const fundSpendingInput = expenseInput
	.pick({ description: true, amountMinor: true, spentOn: true, category: true, notes: true })
	.extend({ spentOn: calendarDate().optional().meta({ description: 'Today by default' }) })
	.meta({ id: 'FundSpendingInput' });

/** What a proposal to spend from a fund keeps, to pay when it passes (dated the day it passes). */
export const fundSpendingProposal = fundSpendingInput
	.omit({ spentOn: true })
	.extend({ fundId: z.uuid({ error: () => m.v_fund_pick() }) })
	.meta({ id: 'FundSpendingProposal' });

export type FundInput = z.infer<typeof fundInput>;
export type FundPatch = z.infer<typeof fundPatch>;
export type ContributionInput = z.infer<typeof contributionInput>;
export type FundSpendingInput = z.infer<typeof fundSpendingInput>;
export type FundSpendingProposal = z.infer<typeof fundSpendingProposal>;
