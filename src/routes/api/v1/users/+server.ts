import { json } from '@sveltejs/kit';
import * as accounts from '$lib/server/auth/accounts';
import { endpoint } from '$lib/server/api/handler';
import { signUp } from '$lib/server/api/spec/accounts';
import { clientAddress } from '$lib/server/request';

export const POST = endpoint(signUp, async ({ body, event }) => {
	const { user } = await accounts.signUp(body, clientAddress(event));
	return json({ id: user.id, email: user.email, displayName: user.displayName }, { status: 201 });
});
