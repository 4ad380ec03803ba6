import { formAction, noFields } from '$lib/server/forms';
import { requireMember } from '$lib/server/households/guard';
import { redirect } from '@sveltejs/kit';
import { inbox, markRead, openNotification } from '$lib/server/notifications/inbox';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const context = await requireMember(params.hid);
	return { notifications: await inbox(context) };
};

export const actions: Actions = {
	open: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'open', z.object({ id: z.string() }), async ({ id }) => redirect(303, await openNotification(context, id)));
	},
	read: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'read', z.object({ id: z.string() }), ({ id }) => markRead(context, id).then(() => true as const));
	},
	allRead: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'allRead', noFields, () => markRead(context).then(() => true as const));
	}
};
