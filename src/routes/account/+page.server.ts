import { z } from 'zod';
import { changePassword } from '$lib/server/auth/accounts';
import { changePasswordInput } from '$lib/server/auth/schemas';
import { createAccessToken, listAccessTokens, revokeAccessToken } from '$lib/server/auth/access-tokens';
import { accessTokenInput } from '$lib/server/api/spec/accounts';
import { formAction } from '$lib/server/forms';
import { requireUser } from '$lib/server/households/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	return { email: user.email, displayName: user.displayName, tokens: await listAccessTokens(user.id) };
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser();
		return formAction(event.request, 'password', changePasswordInput, ({ current, password }) =>
			changePassword(user.id, event.locals.session!.id, current, password).then(() => true as const)
		);
	},
	createToken: async ({ request, locals }) => {
		const user = requireUser();
		return formAction(request, 'createToken', accessTokenInput, ({ name, password }) => createAccessToken(user.id, name, password, locals.credential));
	},
	revokeToken: async ({ request }) => {
		const user = requireUser();
		return formAction(request, 'revokeToken', z.object({ tokenId: z.string() }), ({ tokenId }) =>
			revokeAccessToken(user.id, tokenId).then(() => true as const)
		);
	}
};
