import { requestFormatLocale } from '$lib/server/i18n';
import { listActivity } from '$lib/server/activity/log';
import { formAction, noFields, orErrorPage } from '$lib/server/forms';
import { DomainError } from '$lib/server/errors';
import { requireMember } from '$lib/server/households/guard';
import { editedVersion, expenseForm } from '$lib/server/money/expense-form-action';
import { setExpenseDeleted, updateExpense } from '$lib/server/money/expenses';
import { getExpense } from '$lib/server/money/expense-queries';
import { fundNames } from '$lib/server/funds/history';
import { expenseFormOptions } from '$lib/server/money/form-data';
import { fieldsFromExpense } from '$lib/money/expense-form';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ params }) => {
	const { household } = await requireMember(params.hid);
	const expense = await orErrorPage(getExpense(household.id, params.eid));
	const [options, history, funds] = await Promise.all([
		expenseFormOptions(household.id),
		listActivity(household.id, { subjectType: 'expense', subjectId: expense.id, limit: 50 }),
		fundNames(household.id)
	]);
	const fund = expense.fundId ? { id: expense.fundId, name: funds[expense.fundId] ?? '' } : null;
	return { expense, fund, ...options, fields: fieldsFromExpense(expense, household.currency, options.members), history };
};

async function formOf(hid: string, eid: string) {
	const context = await requireMember(hid);
	const { members } = await expenseFormOptions(context.household.id);
	return { context, form: expenseForm({ members, currency: context.household.currency, locale: requestFormatLocale(), seedId: eid }) };
}

export const actions: Actions = {
	save: async ({ params, request }) => {
		const { context, form } = await formOf(params.hid, params.eid);
		return formAction(request, 'save', form, async (input, formData) => {
			const version = editedVersion(formData);
			if (version === undefined) throw new DomainError(400, 'stale_form', m.r_stale_form());
			return updateExpense(context, params.eid, { ...input, version });
		});
	},
	preview: async ({ params, request }) => {
		const { form } = await formOf(params.hid, params.eid);
		return formAction(request, 'preview', form, async () => true as const, { keepValues: true });
	},
	delete: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'delete', noFields, () => setExpenseDeleted(context, params.eid, true));
	},
	restore: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'restore', noFields, () => setExpenseDeleted(context, params.eid, false));
	}
};
