import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/forms';
import { requireAdmin, requireMember } from '$lib/server/households/guard';
import { addMember, listMembers, possibleGuardians } from '$lib/server/households/members';
import { memberInput } from '$lib/server/households/schemas';
import { getHouseholdDefaults } from '$lib/server/households/defaults';
import { fromForm } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { household } = await requireMember(params.hid);
	const [members, defaults] = await Promise.all([listMembers(household.id), getHouseholdDefaults(household.id)]);
	return { members, rolePresets: defaults.rolePresets, guardians: possibleGuardians(members) };
};

export const actions: Actions = {
	add: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		return formAction(request, 'add', fromForm(memberInput), async (input) => {
			const member = await addMember(context, input);
			// Back to the list, to add the next one.
			redirect(303, resolve(`/h/[hid]/members?added=${encodeURIComponent(member.displayName)}`, { hid: params.hid }));
		});
	}
};
