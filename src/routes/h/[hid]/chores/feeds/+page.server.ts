import { shownLinkOrigin } from '$lib/server/origin';
import { z } from 'zod';
import { formAction } from '$lib/server/forms';
import { requireMember } from '$lib/server/households/guard';
import { activeFeeds, regenerateFeed, revokeFeed } from '$lib/server/chores/feed-links';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

const scope = z.object({ scope: z.enum(['household', 'member'], { error: () => m.r_choose_calendar() }) });

export const load: PageServerLoad = async ({ params }) => {
	const context = await requireMember(params.hid);
	return { active: await activeFeeds(context) };
};

export const actions: Actions = {
	regenerate: async ({ params, request, url }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'regenerate', scope, async ({ scope }) => ({
			scope,
			link: `${shownLinkOrigin(url.origin)}${await regenerateFeed(context, scope)}`
		}));
	},
	revoke: async ({ params, request }) => {
		const context = await requireMember(params.hid);
		return formAction(request, 'revoke', scope, ({ scope }) => revokeFeed(context, scope).then(() => scope));
	}
};
