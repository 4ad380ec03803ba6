import { redirect } from '@sveltejs/kit';
import { orErrorPage } from '$lib/server/forms';
import { requireMember } from '$lib/server/households/guard';
import { handleChoreForm } from '$lib/server/chores/chore-form';
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

async function submit(hid: string, cid: string, request: Request, save: boolean) {
	const context = await requireMember(hid);
	const members = await choreFormMembers(context.household.id);
	return handleChoreForm(
		context,
		await request.formData(),
		members.map((m) => m.id),
		save ? { save: 'update', choreId: cid } : { save: false }
	);
}

export const actions: Actions = {
	save: async ({ params, request }) => {
		const outcome = await submit(params.hid, params.cid, request, true);
		if ('chore' in outcome) redirect(303, `/h/${params.hid}/chores?updated=${encodeURIComponent(outcome.chore.name)}`);
		return outcome;
	},
	preview: async ({ params, request }) => submit(params.hid, params.cid, request, false)
};
