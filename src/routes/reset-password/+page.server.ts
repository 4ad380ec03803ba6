import { requestPasswordReset } from '$lib/server/auth/accounts';
import { passwordResetRequestInput } from '$lib/server/auth/schemas';
import { submitForm } from '$lib/server/forms';
import { clientAddress } from '$lib/server/request';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) =>
		submitForm(event.request, passwordResetRequestInput, async ({ email }) => {
			await requestPasswordReset(email, clientAddress(event));
			return { sent: true, email };
		})
};
