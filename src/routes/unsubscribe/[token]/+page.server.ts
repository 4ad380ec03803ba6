import { fail } from '@sveltejs/kit';
import { readUnsubscribeToken, unsubscribe, unsubscribeSubject } from '$lib/server/notifications/unsubscribe';
import type { Actions, PageServerLoad } from './$types';

// No login: the signed link is the authority (RFC 8058). The page asks; only the POST (the
// button, or a mail program's one-click POST) turns the email off.
export const load: PageServerLoad = async ({ params }) => {
	const target = await readUnsubscribeToken(params.token);
	const subject = target ? await unsubscribeSubject(target) : null;
	return { target: target && subject ? { scope: target.scope, ...subject } : null };
};

export const actions: Actions = {
	default: async ({ params }) => {
		const target = await readUnsubscribeToken(params.token);
		if (!target || !(await unsubscribe(target))) return fail(400, { done: false });
		return { done: true };
	}
};
