import { requireMember } from '$lib/server/households/guard';
import { listMembers } from '$lib/server/households/members';
import { formAction, noFields, orErrorPage } from '$lib/server/forms';
import { renderMarkdown } from '$lib/server/markdown';
import { getProposal, proposalVoters, resultsVisible, withdrawProposal } from '$lib/server/decisions/proposals';
import { addComment, listComments } from '$lib/server/decisions/comments';
import { closeProposal } from '$lib/server/decisions/closing';
import { castVote } from '$lib/server/decisions/votes';
import { voteForm } from '$lib/server/decisions/vote-form';
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
		const ballot = voteForm(
			proposal.kind,
			proposal.options.map((o) => o.id)
		);
		return formAction(request, 'vote', ballot, (vote) => castVote(context, params.pid, vote).then(() => true as const));
	},
	comment: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'comment', commentInput, ({ body }) => addComment(context, params.pid, body));
	},
	close: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'close', noFields, () => closeProposal(context, params.pid).then(() => true as const));
	},
	withdraw: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'withdraw', noFields, () => withdrawProposal(context, params.pid).then(() => true as const));
	}
};
