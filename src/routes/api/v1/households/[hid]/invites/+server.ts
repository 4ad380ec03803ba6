import { shownLinkOrigin } from '$lib/server/origin';
import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/api/handler';
import { createInvite } from '$lib/server/api/spec/households';
import { requireAdmin } from '$lib/server/households/guard';
import * as invites from '$lib/server/households/invites';

export const POST = endpoint(createInvite, async ({ event, body }) => {
	const context = await requireAdmin(event.params.hid!);
	const invite = await invites.createInvite(context, body, shownLinkOrigin(event.url.origin));
	return json(
		{ token: invite.token, url: invite.url, expiresAt: invite.expiresAt.toISOString(), ...(invite.mailed === undefined ? {} : { mailed: invite.mailed }) },
		{ status: 201 }
	);
});
