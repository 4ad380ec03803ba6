import { getDb } from '$lib/server/db';
import { invalidateSession } from '$lib/server/auth/sessions';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { apiError, endpoint } from '$lib/server/api/handler';
import { logOut } from '$lib/server/api/spec/accounts';
import { requireUser } from '$lib/server/households/guard';
import { m } from '$lib/paraglide/messages';

export const DELETE = endpoint(logOut, async ({ event }) => {
	requireUser();
	// A personal access token is not a session: it is revoked in account settings, not logged out.
	if (!event.locals.session) return apiError(400, 'not_a_session', m.r_not_session());
	await invalidateSession(getDb(), event.locals.session.id);
	if (event.locals.auth === 'cookie') deleteSessionCookie(event.cookies);
	return new Response(null, { status: 204 });
});
