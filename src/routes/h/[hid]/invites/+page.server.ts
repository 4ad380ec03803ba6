import { shownLinkOrigin } from '$lib/server/origin';
import { z } from 'zod';
import { formAction } from '$lib/server/forms';
import { requireAdmin } from '$lib/server/households/guard';
import { createInvite, listInvites, revokeInvite } from '$lib/server/households/invites';
import { inviteInput } from '$lib/server/households/schemas';
import { fromForm } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { household } = await requireAdmin(params.hid);
	return { invites: await listInvites(household.id) };
};

export const actions: Actions = {
	create: async ({ params, request, url }) => {
		const context = await requireAdmin(params.hid);
		return formAction(request, 'create', fromForm(inviteInput.omit({ memberId: true })), async (input) => {
			const invite = await createInvite(context, input, shownLinkOrigin(url.origin));
			return { inviteUrl: invite.url, mailedTo: invite.mailed ? input.email : null, mailFailed: invite.mailed === false };
		});
	},
	revoke: async ({ params, request }) => {
		const context = await requireAdmin(params.hid);
		return formAction(request, 'revoke', z.object({ inviteId: z.uuid() }), ({ inviteId }) => revokeInvite(context, inviteId).then(() => true as const));
	}
};
