import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { formAction } from '$lib/server/forms';
import { requireAdmin, requireMember } from '$lib/server/households/guard';
import { createFund } from '$lib/server/funds/funds';
import { fundsPage } from '$lib/server/funds/fund-page';
import { fundForm } from '$lib/server/funds/forms';
import { listMembers } from '$lib/server/households/members';
import { requestFormatLocale } from '$lib/server/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const context = await requireMember(params.hid);
	return fundsPage(context);
};

export const actions: Actions = {
	create: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		const members = await listMembers(context.household.id);
		const money = { currency: context.household.currency, locale: requestFormatLocale() };
		return formAction(
			request,
			'create',
			fundForm(
				money,
				members.filter((member) => member.active).map((member) => member.id)
			),
			async (input) => {
				const fund = await createFund(context, input);
				redirect(303, resolve('/h/[hid]/funds/[fund]', { hid: params.hid, fund: fund.id }));
			}
		);
	}
};
