import { redirect } from '@sveltejs/kit';
import { requireMember } from '$lib/server/households/guard';
import { handleExpenseForm } from '$lib/server/money/expense-form-action';
import { expenseFormOptions, newExpenseFields } from '$lib/server/money/form-data';
import { requestLocale } from '$lib/server/request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, request }) => {
	const context = await requireMember(params.hid);
	const options = await expenseFormOptions(context.household.id);
	return { ...options, fields: newExpenseFields(context, options), seedId: crypto.randomUUID(), locale: requestLocale(request) };
};

async function submit(hid: string, request: Request, save: boolean) {
	const context = await requireMember(hid);
	const formData = await request.formData();
	const { members } = await expenseFormOptions(context.household.id);
	const id = String(formData.get('id') ?? '');
	return handleExpenseForm(context, formData, members, requestLocale(request), save ? { save: 'create', id } : { save: false, id });
}

export const actions: Actions = {
	save: async ({ params, request }) => {
		const outcome = await submit(params.hid, request, true);
		if ('expense' in outcome) redirect(303, `/h/${params.hid}/expenses/${outcome.expense.id}?saved=1`);
		return outcome;
	},
	preview: async ({ params, request }) => submit(params.hid, request, false)
};
