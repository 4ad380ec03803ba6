import { z } from 'zod';
import { expenseInput } from '$lib/server/money/schemas';
import { fundSpendingProposal } from '$lib/server/funds/schemas';
import { freeText, singleLineText, wholeNumber } from '$lib/server/validation';

import { POSITIONS, PROPOSAL_KINDS, THRESHOLDS, VOTER_CLASSES } from '$lib/decisions/model';
import { m } from '$lib/paraglide/messages';

const thresholdField = z.enum(THRESHOLDS, { error: () => m.v_threshold() });
const quorumField = wholeNumber(0, 100, { missing: () => m.v_quorum(), whole: () => m.v_quorum_whole(), range: () => m.v_percent_range() });
const voterClassField = z.enum(VOTER_CLASSES, { error: () => m.v_who_votes() });
const optionsField = z.array(singleLineText(() => m.v_option_name(), 200)).max(20, { error: () => m.v_at_most({ max: 20 }) });
const bodyField = freeText(20000);

export const decisionRule = z.object({ threshold: thresholdField, quorumPct: quorumField, voterClass: voterClassField }).meta({ id: 'DecisionRule' });
export const decisionRules = z.object({ ordinary: decisionRule, money: decisionRule }).meta({ id: 'DecisionRules' });

/** The options refinements need only the kind and the options to have parsed. */
function optionsReadable(payload: z.core.ParsePayload): boolean {
	const value = payload.value as { kind?: unknown; options?: unknown } | undefined;
	return (
		typeof value === 'object' &&
		value !== null &&
		(value.options === undefined || (Array.isArray(value.options) && value.options.every((o) => typeof o === 'string')))
	);
}

export const proposalInput = z
	.object({
		title: singleLineText(() => m.v_proposal_title(), 200),
		body: bodyField.default(''),
		kind: z.enum(PROPOSAL_KINDS, { error: () => m.v_proposal_kind() }),
		options: optionsField.optional(),
		rule: z
			.object({ threshold: thresholdField.default('majority'), quorumPct: quorumField.default(50), voterClass: voterClassField.optional() })
			.default({ threshold: 'majority', quorumPct: 50 }),
		closesAt: z.iso.datetime({ offset: true, error: () => m.v_closes_offset() }),
		hideResults: z.boolean().optional(),
		expense: expenseInput.optional(),
		fundSpending: fundSpendingProposal.optional().meta({ description: 'Spending from a house fund, paid from it when the proposal passes' })
	})
	// These run even when other fields are wrong, so a form shows every problem at once.
	.refine((p) => p.kind === 'consent' || (p.options?.length ?? 0) >= 2, { path: ['options'], error: () => m.v_two_options(), when: optionsReadable })
	.refine((p) => new Set(p.options ?? []).size === (p.options ?? []).length, { path: ['options'], error: () => m.v_each_option_once(), when: optionsReadable })
	.refine((p) => !(p.expense && p.fundSpending), { path: ['fundSpending'], error: () => m.v_expense_or_fund() })
	.meta({ id: 'ProposalInput' });

/**
 * What a money proposal stores for the expense it adds when it passes (dated the day it
 * passes): one members paid, or spending from a house fund (it names the fund).
 */
export const storedLinkedExpense = z.union([fundSpendingProposal, expenseInput.omit({ spentOn: true })]);

export const voteInput = z
	.object({
		position: z.enum(POSITIONS, { error: () => m.v_vote_position() }).optional(),
		optionIds: z.array(z.uuid()).max(20).optional(),
		ranking: z.array(z.uuid()).max(20).optional(),
		reason: freeText(2000).trim().optional(),
		onBehalfOfMemberId: z.uuid({ error: () => m.v_member_pick() }).optional()
	})
	.refine((v) => v.position !== 'block' || (v.reason?.length ?? 0) > 0, { path: ['reason'], error: () => m.v_block_reason() })
	.meta({ id: 'Vote' });

/** What the author may still change before the first vote: the words and the options. */
export const proposalEdit = z
	.object({ title: singleLineText(() => m.v_proposal_title(), 200).optional(), body: bodyField.optional(), options: optionsField.optional() })
	.refine((p) => new Set(p.options ?? []).size === (p.options ?? []).length, { path: ['options'], error: () => m.v_each_option_once() })
	.meta({ id: 'ProposalEdit' });

export type DecisionRule = z.infer<typeof decisionRule>;
export type DecisionRules = z.infer<typeof decisionRules>;
export type ProposalEdit = z.infer<typeof proposalEdit>;
export type ProposalInput = z.infer<typeof proposalInput>;
export type VoteInput = z.infer<typeof voteInput>;

export const commentInput = z
	.object({
		body: freeText(5000, { missing: () => m.v_write_something() })
			.trim()
			.min(1, { error: () => m.v_write_something() })
	})
	.meta({ id: 'CommentInput' });
