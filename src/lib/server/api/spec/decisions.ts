import { z } from 'zod';
import { proposalInput, voteInput } from '$lib/server/decisions/schemas';
import { defineOperation } from '../operation';
import { idField, pick } from './common';

const tag = 'Decisions';

export const proposalBody = z
	.object({
		id: idField,
		title: z.string(),
		body: z.string(),
		kind: z.enum(['consent', 'choice', 'ranked']),
		options: z.array(z.object({ id: idField, label: z.string() })),
		rule: z.object({ threshold: z.string(), quorumPct: z.number().int(), voterClass: z.string() }),
		closesAt: z.string(),
		status: z.enum(['open', 'passed', 'rejected', 'no_quorum', 'decided', 'tied', 'withdrawn']),
		eligibleCount: z.number().int(),
		votedCount: z.number().int(),
		tally: z.record(z.string(), z.unknown()).nullable(),
		outcome: z.record(z.string(), z.unknown()).nullable(),
		reason: z.string().nullable(),
		linkedExpenseId: idField.nullable(),
		authorMemberId: idField
	})
	.meta({ id: 'Proposal' });

export const createProposal = defineOperation({
	method: 'POST',
	path: '/households/{hid}/proposals',
	summary: 'Open a proposal; its rule and voters are frozen now',
	tag,
	auth: true,
	body: proposalInput,
	responses: { 201: { description: 'The proposal', schema: proposalBody }, ...pick(400, 401, 404, 422) }
});

export const listProposals = defineOperation({
	method: 'GET',
	path: '/households/{hid}/proposals',
	summary: 'Open proposals (closing soonest first), then closed ones',
	tag,
	auth: true,
	query: z.object({ status: z.enum(['open', 'closed'], { error: 'Use open or closed.' }).optional() }),
	responses: { 200: { description: 'Proposals', schema: z.object({ items: z.array(proposalBody), nextCursor: z.null() }) }, ...pick(400, 401, 404) }
});

export const getProposal = defineOperation({
	method: 'GET',
	path: '/households/{hid}/proposals/{pid}',
	summary: 'One proposal (closed first if its time has passed)',
	tag,
	auth: true,
	responses: { 200: { description: 'The proposal', schema: proposalBody }, ...pick(401, 404) }
});

export const castVote = defineOperation({
	method: 'POST',
	path: '/households/{hid}/proposals/{pid}/votes',
	summary: 'Vote, or change your vote, until the close',
	tag,
	auth: true,
	body: voteInput,
	responses: { 200: { description: 'The proposal', schema: proposalBody }, ...pick(400, 401, 403, 404, 409, 422) }
});

export const closeProposal = defineOperation({
	method: 'POST',
	path: '/households/{hid}/proposals/{pid}/close',
	summary: 'Close now (admins; anyone once the closing time has passed)',
	tag,
	auth: true,
	responses: { 200: { description: 'The proposal', schema: proposalBody }, ...pick(401, 403, 404, 409) }
});

export const addComment = defineOperation({
	method: 'POST',
	path: '/households/{hid}/proposals/{pid}/comments',
	summary: 'Add to the discussion',
	tag,
	auth: true,
	body: z.object({ body: z.string({ error: 'Write something.' }).trim().min(1, 'Write something.').max(5000, 'Use at most 5000 characters.') }),
	responses: { 201: { description: 'The comment', schema: z.object({ id: idField, memberId: idField, body: z.string(), createdAt: z.string() }) }, ...pick(400, 401, 404) }
});
