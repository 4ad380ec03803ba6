import type { Session } from '$lib/server/db/schema';
import type { SessionUser } from '$lib/server/auth/sessions';
import type { Locale } from '$lib/i18n/locales';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** How the request authenticated: a cookie (subject to CSRF rules) or a bearer token. */
			auth: 'cookie' | 'bearer' | null;
			/** The session or access token behind the request: the key of the API rate limit. */
			credential: string | null;
			/** The language the request is answered in, and the tag Intl formats its dates and amounts with. */
			locale: Locale;
			formatLocale: string;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
