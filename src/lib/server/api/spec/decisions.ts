import { z } from 'zod';
import { commentInput, decisionRules, proposalEdit, proposalInput, voteInput } from '$lib/server/decisions/schemas';
import { proposalSchema } from '$lib/decisions/model';
import { defineOperation } from '../operation';
import { listQuery } from '../pagination';
import { idField, pick } from './common';

const tag = 'Decisions';

/** The proposal as every endpoint answers it: the domain's own model. */
export const proposalBody = proposalSchema;

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
	query: listQuery.extend({ status: z.enum(['open', 'closed'], { error: 'Use open or closed.' }).optional() }),
	responses: {
		200: { description: 'A page of proposals', schema: z.object({ items: z.array(proposalBody), nextCursor: z.string().nullable() }) },
		...pick(400, 401, 404)
	}
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

export const editProposal = defineOperation({
	method: 'PATCH',
	path: '/households/{hid}/proposals/{pid}',
	summary: 'The author changes the title, body or options, until the first vote',
	tag,
	auth: true,
	body: proposalEdit,
	responses: { 200: { description: 'The proposal', schema: proposalBody }, ...pick(400, 401, 403, 404, 409, 422) }
});

export const withdrawProposal = defineOperation({
	method: 'POST',
	path: '/households/{hid}/proposals/{pid}/withdraw',
	summary: 'The author withdraws an open proposal: no verdict, nothing created',
	tag,
	auth: true,
	responses: { 200: { description: 'The proposal', schema: proposalBody }, ...pick(401, 403, 404, 409) }
});

const commentBody = z.object({ id: idField, memberId: idField, body: z.string(), createdAt: z.string() }).meta({ id: 'Comment' });

export const listComments = defineOperation({
	method: 'GET',
	path: '/households/{hid}/proposals/{pid}/comments',
	summary: 'The discussion, oldest first',
	tag,
	auth: true,
	responses: { 200: { description: 'Comments', schema: z.object({ items: z.array(commentBody), nextCursor: z.null() }) }, ...pick(401, 404) }
});

export const getDecisionRules = defineOperation({
	method: 'GET',
	path: '/households/{hid}/decision-rules',
	summary: 'The house’s default rules for ordinary and for money proposals',
	tag,
	auth: true,
	responses: { 200: { description: 'The default rules', schema: decisionRules }, ...pick(401, 404) }
});

export const setDecisionRules = defineOperation({
	method: 'PUT',
	path: '/households/{hid}/decision-rules',
	summary: 'Change the default rules (admins); open proposals keep the rule they opened with',
	tag,
	auth: true,
	body: decisionRules,
	responses: { 200: { description: 'The default rules', schema: decisionRules }, ...pick(400, 401, 403, 404) }
});

export const addComment = defineOperation({
	method: 'POST',
	path: '/households/{hid}/proposals/{pid}/comments',
	summary: 'Add to the discussion',
	tag,
	auth: true,
	body: commentInput,
	responses: { 201: { description: 'The comment', schema: commentBody }, ...pick(400, 401, 404) }
});
