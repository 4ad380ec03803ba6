import { changePassword } from '$lib/server/auth/accounts';
import { changePasswordInput } from '$lib/server/auth/schemas';
import { submitForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/households/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	return { email: user.email, displayName: user.displayName };
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser();
		return submitForm(event.request, changePasswordInput, async ({ current, password }) => {
			await changePassword(user.id, event.locals.session!.id, current, password);
			return { passwordChanged: true };
		});
	}
};
