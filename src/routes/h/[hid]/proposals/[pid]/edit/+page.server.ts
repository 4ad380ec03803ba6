import { error, fail, redirect } from '@sveltejs/kit';
import { requireMember } from '$lib/server/households/guard';
import { attempt, orErrorPage } from '$lib/server/forms';
import { editProposal, getProposal } from '$lib/server/decisions/proposals';
import { proposalEdit } from '$lib/server/decisions/schemas';
import { fieldErrors, formValues } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { household, member } = await requireMember(params.hid);
	const proposal = await orErrorPage(getProposal(household.id, params.pid));
	if (proposal.authorMemberId !== member.id) error(403, 'Only the person who made the proposal can edit it.');
	return { proposal, values: { title: proposal.title, body: proposal.body, options: proposal.options.map((o) => o.label).join('\n') } };
};

export const actions: Actions = {
	save: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		const formData = await request.formData();
		const values = formValues(formData);
		const proposal = await orErrorPage(getProposal(context.household.id, params.pid));
		const options =
			proposal.kind === 'consent'
				? undefined
				: (values.options ?? '')
						.split(/\r?\n/)
						.map((line) => line.trim())
						.filter(Boolean);
		const parsed = proposalEdit.safeParse({ title: values.title ?? '', body: values.body ?? '', options });
		if (!parsed.success)
			return fail(400, {
				values,
				errors: Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([path, message]) => [path.split('.')[0]!, message]))
			});
		const outcome = await attempt(async () => ({ saved: await editProposal(context, params.pid, parsed.data) }), values);
		if ('saved' in outcome) redirect(303, `/h/${params.hid}/proposals/${params.pid}`);
		return outcome;
	}
};
