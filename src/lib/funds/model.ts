/**
 * House funds' words and shapes, once: the value lists the forms, the API, the database and
 * the labels use, and a fund as the domain returns it and the API serves it.
 */
import { z } from 'zod';
import { dayField, idField } from '$lib/schema-fields';
import { labelsOf } from '$lib/i18n/labels';
import { m } from '$lib/paraglide/messages';

/**
 * How each member's monthly contribution is set: the house's monthly total split by share
 * weight among the adults, the same fixed amount from each adult, or amounts the members
 * agreed one by one (income-based, say).
 */
export const CONTRIBUTION_BASES = ['share_weight', 'fixed', 'agreed'] as const;
export type ContributionBasis = (typeof CONTRIBUTION_BASES)[number];

export const BASIS_LABELS = labelsOf<ContributionBasis>({
	share_weight: m.fund_basis_share_weight,
	fixed: m.fund_basis_fixed,
	agreed: m.fund_basis_agreed
});

/** How many months the balance chart shows. */
export const CHART_MONTHS = 12;

export const memberDueSchema = /* @__PURE__ */ z
	.object({
		memberId: idField,
		monthlyMinor: z.number().int().meta({ description: 'What the member pays in each month' }),
		chargedMinor: z.number().int().meta({ description: 'What using shared things paid into this fund cost them' }),
		dueMinor: z.number().int().meta({ description: 'All their months so far, from the fund’s first month to this one, and their charges' }),
		paidMinor: z.number().int().meta({ description: 'What they have paid in since the first month' }),
		behindMinor: z.number().int().meta({ description: 'How much they are behind (0 when up to date or ahead)' })
	})
	.meta({ id: 'FundMemberDue' });

export const fundSchema = /* @__PURE__ */ z
	.object({
		id: idField,
		name: z.string(),
		purpose: z.string(),
		balanceMinor: z.number().int(),
		allowNegative: z.boolean().meta({ description: 'Whether spending may take the balance below zero' }),
		approvalAboveMinor: z.number().int().nullable().meta({ description: 'Spending above this needs a passed proposal; null: never' }),
		basis: z.enum(CONTRIBUTION_BASES),
		monthlyMinor: z.number().int().meta({ description: 'share_weight: the house’s monthly total; fixed: each adult’s; agreed: unused' }),
		contributionsFrom: dayField.meta({ description: 'Dues count from this day’s month' }),
		archived: z.boolean(),
		dues: z.array(memberDueSchema),
		version: z.number().int()
	})
	.meta({ id: 'Fund' });

export const contributionSchema = /* @__PURE__ */ z
	.object({
		id: idField,
		memberId: idField,
		amountMinor: z.number().int(),
		paidOn: dayField,
		note: z.string(),
		deleted: z.boolean()
	})
	.meta({ id: 'FundContribution' });

export type Fund = z.infer<typeof fundSchema>;
export type MemberDue = z.infer<typeof memberDueSchema>;
export type Contribution = z.infer<typeof contributionSchema>;
