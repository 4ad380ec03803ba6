import { getDb } from '$lib/server/db';
import { invalidateSession } from '$lib/server/auth/sessions';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { endpoint } from '$lib/server/api/handler';
import { logOut } from '$lib/server/api/spec/accounts';
import { requireUser } from '$lib/server/households/guard';

export const DELETE = endpoint(logOut, async ({ event }) => {
	requireUser();
	await invalidateSession(getDb(), event.locals.session!.id);
	if (event.locals.auth === 'cookie') deleteSessionCookie(event.cookies);
	return new Response(null, { status: 204 });
});
