import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { acceptInvite } from '$lib/server/api/spec/households';
import { requireUser } from '$lib/server/households/guard';
import * as invites from '$lib/server/households/invites';
import { clientAddress } from '$lib/server/request';

export const POST = endpoint(acceptInvite, async ({ event }) => {
	const user = requireUser();
	return json(await invites.acceptInvite(user, event.params.token!, clientAddress(event)));
});
