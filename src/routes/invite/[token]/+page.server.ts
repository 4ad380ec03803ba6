import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { DomainError } from '$lib/server/errors';
import { submitForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/households/guard';
import { acceptInvite, previewInvite } from '$lib/server/households/invites';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	try {
		return { invite: await previewInvite(params.token), problem: null, loggedIn: locals.user !== null };
	} catch (error) {
		if (error instanceof DomainError) return { invite: null, problem: error.message, loggedIn: locals.user !== null };
		throw error;
	}
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const user = requireUser();
		return submitForm(request, z.object({}), async () => {
			const { householdId } = await acceptInvite(user, params.token);
			redirect(303, `/h/${householdId}`);
		});
	}
};
