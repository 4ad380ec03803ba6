import { z } from 'zod';
import { expenseInput } from '$lib/server/money/schemas';
import { freeText, singleLineText } from '$lib/server/validation';

import { POSITIONS, PROPOSAL_KINDS, THRESHOLDS, VOTER_CLASSES } from '$lib/decisions/model';

const thresholdField = z.enum(THRESHOLDS, { error: 'Choose a threshold.' });
const quorumField = z.number({ error: 'Give the quorum as a percentage.' }).int('A whole percentage.').min(0, 'From 0 to 100.').max(100, 'From 0 to 100.');
const voterClassField = z.enum(VOTER_CLASSES, { error: 'Choose who votes.' });
const optionsField = z.array(singleLineText('Name the option.', 200)).max(20, 'At most 20 options.');
const bodyField = freeText(20000, { tooLong: 'Use at most 20 000 characters.' });

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
		title: singleLineText('Give the proposal a title.', 200),
		body: bodyField.default(''),
		kind: z.enum(PROPOSAL_KINDS, { error: 'Choose consent, choice or ranked.' }),
		options: optionsField.optional(),
		rule: z
			.object({ threshold: thresholdField.default('majority'), quorumPct: quorumField.default(50), voterClass: voterClassField.optional() })
			.default({ threshold: 'majority', quorumPct: 50 }),
		closesAt: z.iso.datetime({ offset: true, error: 'Give the closing time with its offset, like 2026-12-10T18:00:00+01:00.' }),
		hideResults: z.boolean().optional(),
		expense: expenseInput.optional()
	})
	// These run even when other fields are wrong, so a form shows every problem at once.
	.refine((p) => p.kind === 'consent' || (p.options?.length ?? 0) >= 2, { path: ['options'], message: 'Give at least two options.', when: optionsReadable })
	.refine((p) => new Set(p.options ?? []).size === (p.options ?? []).length, { path: ['options'], message: 'Each option once.', when: optionsReadable })
	.meta({ id: 'ProposalInput' });

/** What a money proposal stores for the expense it adds when it passes (dated the day it passes). */
export const storedLinkedExpense = expenseInput.omit({ spentOn: true });

export const voteInput = z
	.object({
		position: z.enum(POSITIONS, { error: 'Vote yes, no, abstain or block.' }).optional(),
		optionIds: z.array(z.uuid()).max(20).optional(),
		ranking: z.array(z.uuid()).max(20).optional(),
		reason: freeText(2000).trim().optional(),
		onBehalfOfMemberId: z.uuid({ error: 'Choose a member.' }).optional()
	})
	.refine((v) => v.position !== 'block' || (v.reason?.length ?? 0) > 0, { path: ['reason'], message: 'A block needs a reason.' })
	.meta({ id: 'Vote' });

/** What the author may still change before the first vote: the words and the options. */
export const proposalEdit = z
	.object({ title: singleLineText('Give the proposal a title.', 200).optional(), body: bodyField.optional(), options: optionsField.optional() })
	.refine((p) => new Set(p.options ?? []).size === (p.options ?? []).length, { path: ['options'], message: 'Each option once.' })
	.meta({ id: 'ProposalEdit' });

export type DecisionRule = z.infer<typeof decisionRule>;
export type DecisionRules = z.infer<typeof decisionRules>;
export type ProposalEdit = z.infer<typeof proposalEdit>;
export type ProposalInput = z.infer<typeof proposalInput>;
export type VoteInput = z.infer<typeof voteInput>;

export const commentInput = z.object({ body: freeText(5000, { missing: 'Write something.' }).trim().min(1, 'Write something.') }).meta({ id: 'CommentInput' });
