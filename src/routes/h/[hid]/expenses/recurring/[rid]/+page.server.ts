import { requestFormatLocale } from '$lib/server/i18n';
import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import { fieldsFromExpense } from '$lib/money/expense-form';
import { orErrorPage } from '$lib/server/forms';
import { requireMember } from '$lib/server/households/guard';
import { formAction } from '$lib/server/forms';
import { editedVersion, recurringForm } from '$lib/server/money/expense-form-action';
import { updateRecurring } from '$lib/server/money/recurring';
import { expenseFormOptions } from '$lib/server/money/form-data';
import { getRecurring } from '$lib/server/money/recurring';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
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
	return { template, ...options, fields, schedule };
};

async function formOf(hid: string, rid: string) {
	const context = await requireMember(hid);
	const { members } = await expenseFormOptions(context.household.id);
	return { context, form: recurringForm({ members, currency: context.household.currency, locale: requestFormatLocale(), seedId: rid }) };
}

export const actions: Actions = {
	save: async ({ params, request }) => {
		const { context, form } = await formOf(params.hid, params.rid);
		return formAction(request, 'save', form, async (input, formData) => {
			await updateRecurring(context, params.rid, input, editedVersion(formData));
			redirect(303, resolve('/h/[hid]/expenses/recurring?updated=1', { hid: params.hid }));
		});
	},
	preview: async ({ params, request }) => {
		const { form } = await formOf(params.hid, params.rid);
		return formAction(request, 'preview', form, async () => true as const, { keepValues: true });
	}
};
