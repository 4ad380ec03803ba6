import { requestFormatLocale } from '$lib/server/i18n';
import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import { requireMember } from '$lib/server/households/guard';
import { formAction } from '$lib/server/forms';
import { expenseForm } from '$lib/server/money/expense-form-action';
import { createExpense } from '$lib/server/money/expenses';
import { expenseFormOptions, newExpenseFields } from '$lib/server/money/form-data';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const context = await requireMember(params.hid);
	const options = await expenseFormOptions(context.household.id);
	return { ...options, fields: newExpenseFields(context, options), seedId: crypto.randomUUID() };
};

async function formOf(hid: string) {
	const context = await requireMember(hid);
	const { members } = await expenseFormOptions(context.household.id);
	return { context, form: expenseForm({ members, currency: context.household.currency, locale: requestFormatLocale() }) };
}

export const actions: Actions = {
	save: async ({ params, request }) => {
		const { context, form } = await formOf(params.hid);
		return formAction(request, 'save', form, async (input, formData) => {
			const expense = await createExpense(context, input, String(formData.get('id') ?? ''));
			redirect(303, resolve('/h/[hid]/expenses/[eid]?saved=1', { hid: params.hid, eid: expense.id }));
		});
	},
	preview: async ({ params, request }) => {
		const { form } = await formOf(params.hid);
		return formAction(request, 'preview', form, async () => true as const, { keepValues: true });
	}
};
