import { z } from 'zod';
import { listActivity } from '$lib/server/activity/log';
import { orErrorPage, submitForm } from '$lib/server/forms';
import { requireMember } from '$lib/server/households/guard';
import { handleExpenseForm } from '$lib/server/money/expense-form-action';
import { setExpenseDeleted } from '$lib/server/money/expenses';
import { getExpense } from '$lib/server/money/expense-queries';
import { expenseFormOptions } from '$lib/server/money/form-data';
import { requestLocale } from '$lib/server/request';
import { fieldsFromExpense } from '$lib/money/expense-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, request }) => {
	const { household } = await requireMember(params.hid);
	const expense = await orErrorPage(getExpense(household.id, params.eid));
	const [options, history] = await Promise.all([
		expenseFormOptions(household.id),
		listActivity(household.id, { subjectType: 'expense', subjectId: expense.id, limit: 50 })
	]);
	return { expense, ...options, fields: fieldsFromExpense(expense, household.currency, options.members), history, locale: requestLocale(request) };
};

async function edit(hid: string, eid: string, request: Request, save: boolean) {
	const context = await requireMember(hid);
	const formData = await request.formData();
	const { members } = await expenseFormOptions(context.household.id);
	return handleExpenseForm(context, formData, members, requestLocale(request), save ? { save: 'update', expenseId: eid } : { save: false, id: eid });
}

export const actions: Actions = {
	save: async ({ params, request }) => {
		const outcome = await edit(params.hid, params.eid, request, true);
		return 'expense' in outcome ? { saved: true } : outcome;
	},
	preview: async ({ params, request }) => edit(params.hid, params.eid, request, false),
	delete: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return submitForm(request, z.object({}), async () => {
			await setExpenseDeleted(context, params.eid, true);
			return { deleted: true };
		});
	},
	restore: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return submitForm(request, z.object({}), async () => {
			await setExpenseDeleted(context, params.eid, false);
			return { restored: true };
		});
	}
};
