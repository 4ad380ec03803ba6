import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { setAccountLocale } from '$lib/server/auth/accounts';
import { rememberLocaleCookie } from '$lib/server/auth/cookies';
import { safeNext } from '$lib/server/request';
import type { RequestHandler } from './$types';

/**
 * The language switcher (login page, account settings): a plain form post, so it works
 * without JavaScript and the next page loads whole, in its new direction. The device keeps
 * the choice in a cookie; an account keeps it too, for every device and for its mail.
 */
export const POST: RequestHandler = async ({ request, locals, cookies }) => {
	const form = await request.formData().catch(() => null);
	const choice = form?.get('locale');
	const locale = choice === 'auto' ? null : typeof choice === 'string' && isLocale(choice) ? choice : undefined;
	if (locale === undefined) return new Response(m.language_invalid(), { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	if (locals.user) await setAccountLocale(locals.user.id, locale);
	rememberLocaleCookie(cookies, locale);
	const next = form?.get('next');
	redirect(303, safeNext(typeof next === 'string' ? next : null));
};
