import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import { formAction, orErrorPage } from '$lib/server/forms';
import { requireMember } from '$lib/server/households/guard';
import { choreForm } from '$lib/server/chores/chore-form';
import { updateChore } from '$lib/server/chores/chores';
import { previewChore } from '$lib/server/chores/figures';
import { getChore } from '$lib/server/chores/queries';
import { choreFields, choreFormMembers } from '$lib/server/chores/form-data';
import { listActivity } from '$lib/server/activity/log';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { household } = await requireMember(params.hid);
	const chore = await orErrorPage(getChore(household.id, params.cid));
	const [members, history] = await Promise.all([
		choreFormMembers(household.id),
		listActivity(household.id, { subjectType: 'chore', subjectId: chore.id, limit: 30 })
	]);
	return { chore, members, history, fields: choreFields(chore, household.timezone, chore.assignment.memberIds) };
};

/** The form of this household's chores: its members' turns are fields. */
async function formOf(hid: string) {
	const context = await requireMember(hid);
	const members = await choreFormMembers(context.household.id);
	return { context, form: choreForm(members.map((m) => m.id)) };
}

export const actions: Actions = {
	save: async ({ params, request }) => {
		const { context, form } = await formOf(params.hid);
		return formAction(request, 'save', form, async ({ name, description, effort, schedule, assignment }, formData) => {
			const version = Number(formData.get('version'));
			const expected = Number.isSafeInteger(version) && version > 0 ? version : undefined;
			const chore = await updateChore(context, params.cid, { name, description, effort, schedule, assignment, version: expected });
			redirect(303, resolve(`/h/[hid]/chores?updated=${encodeURIComponent(chore.name)}`, { hid: params.hid }));
		});
	},
	preview: async ({ params, request }) => {
		const { context, form } = await formOf(params.hid);
		return formAction(request, 'preview', form, (input) => previewChore(context.household, input), { keepValues: true });
	}
};
