import type { LayoutServerLoad } from './$types';

// Only what the header needs; every protected page calls the guard itself.
export const load: LayoutServerLoad = async ({ locals }) => {
	return {
		user: locals.user ? { displayName: locals.user.displayName, email: locals.user.email, locale: locals.user.locale } : null,
		locale: locals.locale,
		formatLocale: locals.formatLocale
	};
};
