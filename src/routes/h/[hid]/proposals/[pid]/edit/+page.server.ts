import { resolve } from '$app/paths';
import { error, redirect } from '@sveltejs/kit';
import { requireMember } from '$lib/server/households/guard';
import { formAction, orErrorPage } from '$lib/server/forms';
import { editProposal, getProposal } from '$lib/server/decisions/proposals';
import { proposalEditForm } from '$lib/server/decisions/proposal-form';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ params }) => {
	const { household, member } = await requireMember(params.hid);
	const proposal = await orErrorPage(getProposal(household.id, params.pid));
	if (proposal.authorMemberId !== member.id) error(403, m.r_author_edit());
	return { proposal, values: { title: proposal.title, body: proposal.body, options: proposal.options.map((o) => o.label).join('\n') } };
};

export const actions: Actions = {
	save: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		const proposal = await orErrorPage(getProposal(context.household.id, params.pid));
		return formAction(request, 'save', proposalEditForm(proposal.kind), async (edit) => {
			await editProposal(context, params.pid, edit);
			redirect(303, resolve('/h/[hid]/proposals/[pid]', { hid: params.hid, pid: params.pid }));
		});
	}
};
