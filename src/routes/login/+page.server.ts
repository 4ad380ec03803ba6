import { redirect } from '@sveltejs/kit';
import { logIn } from '$lib/server/auth/accounts';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { logInInput } from '$lib/server/auth/schemas';
import { formAction } from '$lib/server/forms';
import { clientAddress, safeNext } from '$lib/server/request';
import { demoEnabled } from '$lib/server/demo/visitor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { next: safeNext(url.searchParams.get('next'), ''), demo: demoEnabled() };
};

export const actions: Actions = {
	default: async (event) =>
		formAction(event.request, 'login', logInInput, async ({ email, password }) => {
			const session = await logIn(email, password, clientAddress(event));
			setSessionCookie(event.cookies, session.token, session.expiresAt);
			redirect(303, safeNext(event.url.searchParams.get('next')));
		})
};
