import { requestPasswordReset } from '$lib/server/auth/accounts';
import { passwordResetRequestInput } from '$lib/server/auth/schemas';
import { formAction } from '$lib/server/forms';
import { clientAddress } from '$lib/server/request';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) =>
		formAction(event.request, 'reset', passwordResetRequestInput, async ({ email }) => {
			await requestPasswordReset(email, clientAddress(event));
			return email;
		})
};
