import { redirect } from '@sveltejs/kit';
import { fieldsFromExpense } from '$lib/money/expense-form';
import { orErrorPage } from '$lib/server/forms';
import { requireMember } from '$lib/server/households/guard';
import { handleExpenseForm } from '$lib/server/money/expense-form-action';
import { expenseFormOptions } from '$lib/server/money/form-data';
import { getRecurring } from '$lib/server/money/recurring';
import { requestLocale } from '$lib/server/request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, request }) => {
	const { household } = await requireMember(params.hid);
	const template = await orErrorPage(getRecurring(household.id, params.rid, household.timezone));
	const options = await expenseFormOptions(household.id);
	const fields = fieldsFromExpense({ ...template, spentOn: template.schedule.startOn }, household.currency, options.members);
	const schedule = {
		kind: template.schedule.kind,
		interval: String(template.schedule.interval),
		dayOfMonth: String(template.schedule.dayOfMonth ?? 1),
		weekday: String(template.schedule.weekday ?? 1),
		endOn: template.schedule.endOn ?? ''
	};
	return { template, ...options, fields, schedule, locale: requestLocale(request) };
};

async function submit(hid: string, rid: string, request: Request, save: boolean) {
	const context = await requireMember(hid);
	const formData = await request.formData();
	const { members } = await expenseFormOptions(context.household.id);
	return handleExpenseForm(
		context,
		formData,
		members,
		requestLocale(request),
		save ? { save: 'recurring', id: rid, recurringId: rid } : { save: false, id: rid }
	);
}

export const actions: Actions = {
	save: async ({ params, request }) => {
		const outcome = await submit(params.hid, params.rid, request, true);
		if ('recurring' in outcome) redirect(303, `/h/${params.hid}/expenses/recurring?updated=1`);
		return outcome;
	},
	preview: async ({ params, request }) => submit(params.hid, params.rid, request, false)
};
