import { z } from 'zod';
import { expenseInput } from '$lib/server/money/schemas';
import { singleLineText } from '$lib/server/validation';

export const proposalInput = z
	.object({
		title: singleLineText('Give the proposal a title.', 200),
		body: z.string().max(20000, 'Use at most 20 000 characters.').default(''),
		kind: z.enum(['consent', 'choice', 'ranked'], { error: 'Choose consent, choice or ranked.' }),
		options: z.array(singleLineText('Name the option.', 200)).max(20, 'At most 20 options.').optional(),
		rule: z
			.object({
				threshold: z.enum(['majority', 'two_thirds', 'three_quarters', 'unanimous', 'consensus'], { error: 'Choose a threshold.' }).default('majority'),
				quorumPct: z.number({ error: 'Give the quorum as a percentage.' }).int('A whole percentage.').min(0, 'From 0 to 100.').max(100, 'From 0 to 100.').default(50),
				voterClass: z.enum(['all', 'adults_and_youth', 'adults'], { error: 'Choose who votes.' }).optional()
			})
			.default({ threshold: 'majority', quorumPct: 50 }),
		closesAt: z.iso.datetime({ offset: true, error: 'Give the closing time with its offset, like 2026-12-10T18:00:00+01:00.' }),
		hideResults: z.boolean().optional(),
		expense: expenseInput.optional()
	})
	.refine((p) => p.kind === 'consent' || (p.options?.length ?? 0) >= 2, { path: ['options'], message: 'Give at least two options.' })
	.refine((p) => new Set(p.options ?? []).size === (p.options ?? []).length, { path: ['options'], message: 'Each option once.' })
	.meta({ id: 'ProposalInput' });

export const voteInput = z
	.object({
		position: z.enum(['yes', 'no', 'abstain', 'block'], { error: 'Vote yes, no, abstain or block.' }).optional(),
		optionIds: z.array(z.uuid()).max(20).optional(),
		ranking: z.array(z.uuid()).max(20).optional(),
		reason: z.string().trim().max(2000, 'Use at most 2000 characters.').optional(),
		onBehalfOfMemberId: z.uuid({ error: 'Choose a member.' }).optional()
	})
	.refine((v) => v.position !== 'block' || (v.reason?.length ?? 0) > 0, { path: ['reason'], message: 'A block needs a reason.' })
	.meta({ id: 'Vote' });

export type ProposalInput = z.infer<typeof proposalInput>;
export type VoteInput = z.infer<typeof voteInput>;
