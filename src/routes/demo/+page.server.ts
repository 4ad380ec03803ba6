import { resolve } from '$app/paths';
import { error, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { DomainError } from '$lib/server/errors';
import { clientAddress } from '$lib/server/request';
import { demoEnabled, startDemo } from '$lib/server/demo/visitor';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async () => redirect(303, resolve('/'));

export const actions: Actions = {
	default: async (event) => {
		if (!demoEnabled()) error(404, { message: m.r_no_demo(), code: 'not_found' });
		if (event.locals.user) redirect(303, resolve('/'));
		try {
			const demo = await startDemo(clientAddress(event));
			setSessionCookie(event.cookies, demo.token, demo.expiresAt);
			redirect(303, resolve('/h/[hid]', { hid: demo.householdId }));
		} catch (failure) {
			if (failure instanceof DomainError) error(failure.status, { message: failure.message, code: failure.code });
			throw failure;
		}
	}
};
