import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { submitForm } from '$lib/server/forms';
import { requireMember } from '$lib/server/households/guard';
import { handleExpenseForm } from '$lib/server/money/expense-form-action';
import { expenseFormOptions, newExpenseFields } from '$lib/server/money/form-data';
import { changeRecurring, listRecurring } from '$lib/server/money/recurring';
import { requestLocale } from '$lib/server/request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, request }) => {
	const context = await requireMember(params.hid);
	const [options, templates] = await Promise.all([expenseFormOptions(context.household.id), listRecurring(context.household.id, context.household.timezone)]);
	const fields = { ...newExpenseFields(context, options), category: 'rent' };
	return { ...options, templates, fields, seedId: crypto.randomUUID(), locale: requestLocale(request) };
};

const change =
	(kind: 'pause' | 'resume' | 'end') =>
	async ({ params, request }: { params: { hid: string }; request: Request }) => {
		const context = await requireMember(params.hid);
		return submitForm(request, z.object({ recurringId: z.uuid() }), async ({ recurringId }) => {
			await changeRecurring(context, recurringId, kind);
			return { changed: kind };
		});
	};

export const actions: Actions = {
	save: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		const formData = await request.formData();
		const { members } = await expenseFormOptions(context.household.id);
		const outcome = await handleExpenseForm(context, formData, members, requestLocale(request), { save: 'recurring', id: String(formData.get('id') ?? '') });
		if ('recurring' in outcome) redirect(303, `/h/${params.hid}/expenses/recurring?created=1`);
		return outcome;
	},
	preview: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		const formData = await request.formData();
		const { members } = await expenseFormOptions(context.household.id);
		return handleExpenseForm(context, formData, members, requestLocale(request), { save: false, id: String(formData.get('id') ?? '') });
	},
	pause: change('pause'),
	resume: change('resume'),
	end: change('end')
};
