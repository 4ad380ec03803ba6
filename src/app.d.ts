import type { Session } from '$lib/server/db/schema';
import type { SessionUser } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** How the request authenticated: a cookie (subject to CSRF rules) or a bearer token. */
			auth: 'cookie' | 'bearer' | null;
			/** The session or access token behind the request: the key of the API rate limit. */
			credential: string | null;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
