import { endpoint } from '$lib/server/api/handler';
import { revokeAccessToken } from '$lib/server/api/spec/accounts';
import { requireUser } from '$lib/server/households/guard';
import * as tokens from '$lib/server/auth/access-tokens';

export const DELETE = endpoint(revokeAccessToken, async ({ event }) => {
	await tokens.revokeAccessToken(requireUser().id, event.params.tid!);
	return new Response(null, { status: 204 });
});
