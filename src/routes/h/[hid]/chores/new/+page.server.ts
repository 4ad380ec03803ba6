import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import { requireMember } from '$lib/server/households/guard';
import { formAction } from '$lib/server/forms';
import { choreForm } from '$lib/server/chores/chore-form';
import { createChore } from '$lib/server/chores/chores';
import { previewChore } from '$lib/server/chores/figures';
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

/** The form of this household's chores: its members' turns are fields. */
async function formOf(hid: string) {
	const context = await requireMember(hid);
	const members = await choreFormMembers(context.household.id);
	return { context, form: choreForm(members.map((m) => m.id)) };
}

export const actions: Actions = {
	save: async ({ params, request }) => {
		const { context, form } = await formOf(params.hid);
		return formAction(request, 'save', form, async (input) => {
			const chore = await createChore(context, input);
			redirect(303, resolve(`/h/[hid]/chores?created=${encodeURIComponent(chore.name)}`, { hid: params.hid }));
		});
	},
	preview: async ({ params, request }) => {
		const { context, form } = await formOf(params.hid);
		return formAction(request, 'preview', form, (input) => previewChore(context.household, input), { keepValues: true });
	}
};
