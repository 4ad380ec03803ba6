import { z } from 'zod';
import { changePassword } from '$lib/server/auth/accounts';
import { changePasswordInput } from '$lib/server/auth/schemas';
import { createAccessToken, listAccessTokens, revokeAccessToken } from '$lib/server/auth/access-tokens';
import { accessTokenInput } from '$lib/server/api/spec/accounts';
import { submitForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/households/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	return { email: user.email, displayName: user.displayName, tokens: await listAccessTokens(user.id) };
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser();
		return submitForm(event.request, changePasswordInput, async ({ current, password }) => {
			await changePassword(user.id, event.locals.session!.id, current, password);
			return { passwordChanged: true };
		});
	},
	createToken: async ({ request, locals }) => {
		const user = requireUser();
		return submitForm(request, accessTokenInput, async ({ name, password }) => ({
			newToken: await createAccessToken(user.id, name, password, locals.credential)
		}));
	},
	revokeToken: async ({ request }) => {
		const user = requireUser();
		return submitForm(request, z.object({ tokenId: z.string() }), async ({ tokenId }) => {
			await revokeAccessToken(user.id, tokenId);
			return { revoked: true };
		});
	}
};
