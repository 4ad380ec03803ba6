import { fail, redirect } from '@sveltejs/kit';
import { requireMember } from '$lib/server/households/guard';
import { attempt } from '$lib/server/forms';
import { expenseFormOptions } from '$lib/server/money/form-data';
import { createProposal } from '$lib/server/decisions/proposals';
import { newProposalValues, readProposalForm } from '$lib/server/decisions/proposal-form';
import { getDecisionRules } from '$lib/server/decisions/rules';
import { requestLocale } from '$lib/server/request';
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
		const read = readProposalForm(await request.formData(), {
			timezone: context.household.timezone,
			currency: context.household.currency,
			locale: requestLocale(request),
			members
		});
		if (!read.ok) return fail(400, { values: read.values, errors: read.errors });
		const outcome = await attempt(() => createProposal(context, read.input), read.values);
		if ('id' in outcome) redirect(303, `/h/${params.hid}/proposals/${outcome.id}`);
		return outcome;
	}
};
