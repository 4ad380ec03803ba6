import { requestFormatLocale } from '$lib/server/i18n';
import { resolve } from '$app/paths';
import { isFewest } from '$lib/money/transfers';
import { redirect } from '@sveltejs/kit';
import { todayIn } from '$lib/dates';
import { formAction } from '$lib/server/forms';
import { requireMember } from '$lib/server/households/guard';
import { listMembers } from '$lib/server/households/members';
import { getBalances, listSettlements, recordSettlement, setSettlementDeleted } from '$lib/server/money/balances';
import { z } from 'zod';
import { settlementForm } from '$lib/server/money/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { household, member } = await requireMember(params.hid);
	const [{ balances, transfers }, members, payments] = await Promise.all([getBalances(household.id), listMembers(household.id), listSettlements(household.id)]);
	return {
		balances,
		transfers,
		fewest: isFewest(balances),
		members,
		payments,
		myMemberId: member.id,
		today: todayIn(household.timezone)
	};
};

export const actions: Actions = {
	undo: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'undo', z.object({ settlementId: z.string(), redo: z.string().optional() }), ({ settlementId, redo }) =>
			setSettlementDeleted(context, settlementId, redo !== 'yes').then(() => redo !== 'yes')
		);
	},
	record: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'record', settlementForm(context.household.currency, requestFormatLocale()), async (input) => {
			await recordSettlement(context, input);
			redirect(303, resolve('/h/[hid]/balances?recorded=1', { hid: params.hid }));
		});
	}
};
