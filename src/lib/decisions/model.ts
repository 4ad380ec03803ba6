/**
 * The decisions domain's words and shapes, once: the value lists the forms, the API, the
 * database and the labels use, and the schemas of what a close stores (the tally and the
 * outcome), so a JSON column keeps its type from the count to the page.
 */
import { z } from 'zod';
import { idField } from '$lib/schema-fields';
import type { Expense } from '$lib/money/model';

export const PROPOSAL_KINDS = ['consent', 'choice', 'ranked'] as const;
export const THRESHOLDS = ['majority', 'two_thirds', 'three_quarters', 'unanimous', 'consensus'] as const;
export const VOTER_CLASSES = ['all', 'adults_and_youth', 'adults'] as const;
export const PROPOSAL_STATUSES = ['open', 'passed', 'rejected', 'no_quorum', 'decided', 'tied', 'withdrawn'] as const;
export const POSITIONS = ['yes', 'no', 'abstain', 'block'] as const;

export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export type Threshold = (typeof THRESHOLDS)[number];
export type VoterClass = (typeof VOTER_CLASSES)[number];
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export type Position = (typeof POSITIONS)[number];

const count = /* @__PURE__ */ z.number().int().min(0);
const countsPerOption = /* @__PURE__ */ z.record(z.string(), count);

export const consentTally = /* @__PURE__ */ z.object({ yes: count, no: count, abstain: count, block: count }).meta({ id: 'ConsentTally' });
export const choiceTally = /* @__PURE__ */ z.object({ counts: countsPerOption }).meta({ id: 'ChoiceTally', description: 'Approvals per option id' });
export const rankedTally = /* @__PURE__ */ z
	.object({ rounds: z.array(z.object({ counts: countsPerOption, eliminated: z.array(z.string()) })) })
	.meta({ id: 'RankedTally', description: 'Every instant-runoff round: first preferences per option still in the race, and who went out' });

/** As stored at the close and served: by the proposal's kind. */
export const tallySchema = /* @__PURE__ */ z.union([consentTally, choiceTally, rankedTally]).meta({ id: 'Tally' });
export const outcomeSchema = /* @__PURE__ */ z.object({ winnerOptionId: idField }).meta({ id: 'Outcome' });

/** A proposal as the domain returns it and the API serves it. */
export const proposalSchema = /* @__PURE__ */ z
	.object({
		id: idField,
		title: z.string(),
		body: z.string(),
		kind: z.enum(PROPOSAL_KINDS),
		options: z.array(z.object({ id: idField, label: z.string() })),
		rule: z.object({ threshold: z.enum(THRESHOLDS), quorumPct: z.number().int(), voterClass: z.enum(VOTER_CLASSES) }),
		closesAt: z.string(),
		status: z.enum(PROPOSAL_STATUSES),
		hideResults: z.boolean().meta({ description: 'While open, the tally is null for everyone' }),
		eligibleCount: z.number().int(),
		votedCount: z.number().int(),
		tally: tallySchema.nullable().meta({ description: 'Stored at the close; while open, the running count, or null if hidden until the close' }),
		outcome: outcomeSchema.nullable(),
		reason: z.string().nullable(),
		blockedByMemberIds: z.array(idField).meta({ description: 'Who blocked a rejected consent proposal, in the order they blocked' }),
		linkedExpense: z
			.object({ description: z.string(), amountMinor: z.number().int(), fundId: idField.nullable().meta({ description: 'The house fund it is paid from' }) })
			.nullable(),
		linkedExpenseId: idField.nullable(),
		authorMemberId: idField,
		createdAt: z.string(),
		closedAt: z.string().nullable()
	})
	.meta({ id: 'Proposal' });

export type ConsentTally = z.infer<typeof consentTally>;
export type Tally = z.infer<typeof tallySchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type Proposal = z.infer<typeof proposalSchema>;

/**
 * The money a money proposal would add, kept with the proposal: an expense's input without
 * its day, or spending from a house fund (`fundId`, no payers or split).
 */
export type LinkedExpense =
	| (Pick<Expense, 'description' | 'amountMinor' | 'category' | 'payers' | 'split'> & { notes?: string; fundId?: undefined })
	| (Pick<Expense, 'description' | 'amountMinor' | 'category'> & { notes?: string; fundId: string });
