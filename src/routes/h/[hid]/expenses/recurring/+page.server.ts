import { requestFormatLocale } from '$lib/server/i18n';
import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { formAction } from '$lib/server/forms';
import { requireMember } from '$lib/server/households/guard';
import { recurringForm } from '$lib/server/money/expense-form-action';
import { expenseFormOptions, newExpenseFields } from '$lib/server/money/form-data';
import { changeRecurring, createRecurring, listRecurring } from '$lib/server/money/recurring';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const context = await requireMember(params.hid);
	const [options, templates] = await Promise.all([expenseFormOptions(context.household.id), listRecurring(context.household.id, context.household.timezone)]);
	const fields = { ...newExpenseFields(context, options), category: 'rent' };
	return { ...options, templates, fields, seedId: crypto.randomUUID() };
};

const change =
	(kind: 'pause' | 'resume' | 'end') =>
	async ({ params, request }: { params: { hid: string }; request: Request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'change', z.object({ recurringId: z.uuid() }), ({ recurringId }) =>
			changeRecurring(context, recurringId, kind).then(() => kind)
		);
	};

async function formOf(hid: string) {
	const context = await requireMember(hid);
	const { members } = await expenseFormOptions(context.household.id);
	return { context, form: recurringForm({ members, currency: context.household.currency, locale: requestFormatLocale() }) };
}

export const actions: Actions = {
	save: async ({ params, request }) => {
		const { context, form } = await formOf(params.hid);
		return formAction(request, 'save', form, async (input) => {
			await createRecurring(context, input);
			redirect(303, resolve('/h/[hid]/expenses/recurring?created=1', { hid: params.hid }));
		});
	},
	preview: async ({ params, request }) => {
		const { form } = await formOf(params.hid);
		return formAction(request, 'preview', form, async () => true as const, { keepValues: true });
	},
	pause: change('pause'),
	resume: change('resume'),
	end: change('end')
};
