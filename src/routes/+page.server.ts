import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import { listMyHouseholds } from '$lib/server/households/households';
import { demoEnabled } from '$lib/server/demo/visitor';
import { rememberedHousehold } from '$lib/server/auth/cookies';
import type { PageServerLoad } from './$types';

/** Logged in: straight back to the household you were in. Otherwise: the welcome page. */
export const load: PageServerLoad = async ({ locals, cookies }) => {
	if (!locals.user) return { demo: demoEnabled() };
	const households = await listMyHouseholds(locals.user.id);
	const wanted = rememberedHousehold(cookies) ?? locals.user.lastHouseholdId;
	const last = households.find((h) => h.id === wanted) ?? households[0];
	redirect(303, last ? resolve('/h/[hid]', { hid: last.id }) : resolve('/households/new'));
};
