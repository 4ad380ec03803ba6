import { redirect } from '@sveltejs/kit';
import { requireMember } from '$lib/server/households/guard';
import { handleChoreForm } from '$lib/server/chores/chore-form';
import { choreFields, choreFormMembers } from '$lib/server/chores/form-data';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { household } = await requireMember(params.hid);
	const members = await choreFormMembers(household.id);
	return {
		members,
		fields: choreFields(
			null,
			household.timezone,
			members.map((m) => m.id)
		)
	};
};

async function submit(hid: string, request: Request, save: boolean) {
	const context = await requireMember(hid);
	const members = await choreFormMembers(context.household.id);
	return handleChoreForm(
		context,
		await request.formData(),
		members.map((m) => m.id),
		save ? { save: 'create' } : { save: false }
	);
}

export const actions: Actions = {
	save: async ({ params, request }) => {
		const outcome = await submit(params.hid, request, true);
		if ('chore' in outcome) redirect(303, `/h/${params.hid}/chores?created=${encodeURIComponent(outcome.chore.name)}`);
		return outcome;
	},
	preview: async ({ params, request }) => submit(params.hid, request, false)
};
