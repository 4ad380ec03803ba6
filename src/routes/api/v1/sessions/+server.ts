import { json } from '@sveltejs/kit';
import * as accounts from '$lib/server/auth/accounts';
import { endpoint } from '$lib/server/api/handler';
import { logIn } from '$lib/server/api/spec/accounts';
import { clientAddress } from '$lib/server/request';

export const POST = endpoint(logIn, async ({ body, event }) => {
	const session = await accounts.logIn(body.email, body.password, clientAddress(event));
	return json({ token: session.token, expiresAt: session.expiresAt.toISOString() }, { status: 201 });
});
