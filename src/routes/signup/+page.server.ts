import { redirect } from '@sveltejs/kit';
import { signUp } from '$lib/server/auth/accounts';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { signUpInput } from '$lib/server/auth/schemas';
import { formAction } from '$lib/server/forms';
import { clientAddress, safeNext } from '$lib/server/request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { next: safeNext(url.searchParams.get('next'), '') };
};

export const actions: Actions = {
	default: async (event) =>
		formAction(event.request, 'signup', signUpInput, async (input) => {
			const session = await signUp(input, clientAddress(event));
			setSessionCookie(event.cookies, session.token, session.expiresAt);
			redirect(303, safeNext(event.url.searchParams.get('next'), '/households/new'));
		})
};
