import { requestFormatLocale } from '$lib/server/i18n';
import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import { requireMember } from '$lib/server/households/guard';
import { formAction } from '$lib/server/forms';
import { expenseFormOptions } from '$lib/server/money/form-data';
import { createProposal } from '$lib/server/decisions/proposals';
import { newProposalValues, proposalForm } from '$lib/server/decisions/proposal-form';
import { getDecisionRules } from '$lib/server/decisions/rules';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { household, member } = await requireMember(params.hid);
	const [rules, options] = await Promise.all([getDecisionRules(household.id), expenseFormOptions(household.id)]);
	return { rules, ...options, values: newProposalValues(rules, household.timezone, member.id, options.members, options.splitDefaults) };
};

export const actions: Actions = {
	save: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		const { members } = await expenseFormOptions(context.household.id);
		const { timezone, currency } = context.household;
		return formAction(request, 'save', proposalForm({ timezone, currency, locale: requestFormatLocale(), members }), async (input) => {
			const { id } = await createProposal(context, input);
			redirect(303, resolve('/h/[hid]/proposals/[pid]', { hid: params.hid, pid: id }));
		});
	}
};
