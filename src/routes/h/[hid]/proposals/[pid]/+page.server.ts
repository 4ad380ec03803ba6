import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireMember } from '$lib/server/households/guard';
import { listMembers } from '$lib/server/households/members';
import { attempt, orErrorPage, submitForm } from '$lib/server/forms';
import { renderMarkdown } from '$lib/server/markdown';
import { getProposal, proposalVoters, resultsVisible, withdrawProposal } from '$lib/server/decisions/proposals';
import { addComment, listComments } from '$lib/server/decisions/comments';
import { closeProposal } from '$lib/server/decisions/closing';
import { castVote } from '$lib/server/decisions/votes';
import { readVoteForm } from '$lib/server/decisions/vote-form';
import { commentInput } from '$lib/server/decisions/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { household, member } = await requireMember(params.hid);
	const proposal = await orErrorPage(getProposal(household.id, params.pid));
	const [voters, comments, members] = await Promise.all([
		proposalVoters(household.id, proposal, member.id),
		listComments(household.id, proposal.id),
		listMembers(household.id)
	]);
	return {
		proposal,
		bodyHtml: renderMarkdown(proposal.body),
		voters,
		comments: comments.map((c) => ({ ...c, html: renderMarkdown(c.body) })),
		members: members.map((m) => ({ id: m.id, displayName: m.displayName, hasLogin: Boolean(m.userId) })),
		resultsVisible: resultsVisible(proposal)
	};
};

export const actions: Actions = {
	vote: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		const proposal = await orErrorPage(getProposal(context.household.id, params.pid));
		const read = readVoteForm(
			await request.formData(),
			proposal.kind,
			proposal.options.map((o) => o.id)
		);
		if (!read.ok) return fail(400, { action: 'vote', values: read.values, errors: read.errors });
		return attempt(async () => ({ action: 'vote' as const, voted: await castVote(context, params.pid, read.vote).then(() => true) }), read.values, {
			action: 'vote' as const
		});
	},
	comment: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return submitForm(request, commentInput, async ({ body }) => ({ action: 'comment', comment: await addComment(context, params.pid, body) }));
	},
	close: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return submitForm(request, z.object({}), async () => {
			await closeProposal(context, params.pid);
			return { action: 'close', closed: true };
		});
	},
	withdraw: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return submitForm(request, z.object({}), async () => {
			await withdrawProposal(context, params.pid);
			return { action: 'withdraw', withdrawn: true };
		});
	}
};
