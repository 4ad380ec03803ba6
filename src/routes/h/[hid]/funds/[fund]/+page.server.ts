import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { resolve } from '$app/paths';
import { formAction, orErrorPage } from '$lib/server/forms';
import { fromForm } from '$lib/server/validation';
import { requireAdmin, requireMember } from '$lib/server/households/guard';
import { contribute, setContributionDeleted, spendFromFund, updateFund } from '$lib/server/funds/funds';
import { proposeFundSpending } from '$lib/server/decisions/fund-proposals';
import { fundPage } from '$lib/server/funds/fund-page';
import { contributionForm, fundForm, proposeSpendingForm, spendingForm } from '$lib/server/funds/forms';
import { listMembers } from '$lib/server/households/members';
import { requestFormatLocale } from '$lib/server/i18n';
import type { MemberContext } from '$lib/server/households/context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const context = await requireMember(params.hid);
	return orErrorPage(fundPage(context, params.fund));
};

const moneyOf = (context: MemberContext) => ({ currency: context.household.currency, locale: requestFormatLocale() });
const contributionChoice = fromForm(z.object({ contributionId: z.string().max(60) }));

export const actions: Actions = {
	contribute: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'contribute', contributionForm(moneyOf(context)), (input) => contribute(context, params.fund, input));
	},
	spend: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'spend', spendingForm(moneyOf(context)), (input) => spendFromFund(context, params.fund, input));
	},
	propose: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'propose', proposeSpendingForm(moneyOf(context), context.household.timezone), async (input) => {
			const proposal = await proposeFundSpending(context, params.fund, input);
			redirect(303, resolve('/h/[hid]/proposals/[pid]', { hid: params.hid, pid: proposal.id }));
		});
	},
	undo: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'undo', contributionChoice, ({ contributionId }) => setContributionDeleted(context, params.fund, contributionId, true));
	},
	change: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		const members = await listMembers(context.household.id);
		const ids = members.filter((member) => member.active).map((member) => member.id);
		return formAction(request, 'change', fundForm(moneyOf(context), ids, true), (patch) => updateFund(context, params.fund, patch));
	}
};
