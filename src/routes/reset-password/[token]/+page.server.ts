import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import { findUsableReset, resetPassword } from '$lib/server/auth/accounts';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { passwordResetInput } from '$lib/server/auth/schemas';
import { formAction } from '$lib/server/forms';
import { clientAddress } from '$lib/server/request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	return { usable: (await findUsableReset(params.token)) !== null };
};

export const actions: Actions = {
	default: async (event) =>
		formAction(event.request, 'reset', passwordResetInput, async ({ password }) => {
			const session = await resetPassword(event.params.token, password, clientAddress(event));
			setSessionCookie(event.cookies, session.token, session.expiresAt);
			redirect(303, resolve('/'));
		})
};
