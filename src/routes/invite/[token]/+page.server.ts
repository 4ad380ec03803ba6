import { resolve } from '$app/paths';
import { error, redirect } from '@sveltejs/kit';
import { DomainError } from '$lib/server/errors';
import { formAction, noFields } from '$lib/server/forms';
import { clientAddress } from '$lib/server/request';
import { requireUser } from '$lib/server/households/guard';
import { acceptInvite, previewInvite } from '$lib/server/households/invites';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { params, locals } = event;
	try {
		return { invite: await previewInvite(params.token, clientAddress(event)), problem: null, loggedIn: locals.user !== null };
	} catch (refusal) {
		// Too many wrong links from here: the 429 error page, not a page that looks like an answer.
		if (refusal instanceof DomainError && refusal.status === 429) error(429, { message: refusal.message, code: refusal.code });
		if (refusal instanceof DomainError) return { invite: null, problem: refusal.message, loggedIn: locals.user !== null };
		throw refusal;
	}
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser();
		return formAction(event.request, 'accept', noFields, async () => {
			const { householdId } = await acceptInvite(user, event.params.token, clientAddress(event));
			redirect(303, resolve('/h/[hid]', { hid: householdId }));
		});
	}
};
