import type { RequestEvent } from '@sveltejs/kit';

/** The client's address for rate limits; behind a proxy set ADDRESS_HEADER (adapter-node). */
export function clientAddress(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/** Where to go after logging in: only a path on this site, never another origin. */
export function safeNext(value: string | null | undefined, fallback = '/'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
	return value;
}

/** The reader's preferred locale (Accept-Language), for formatting and reading amounts. */
export function requestLocale(request: Request): string {
	const first = request.headers.get('accept-language')?.split(',')[0]?.split(';')[0]?.trim();
	if (!first) return 'en';
	try {
		return Intl.getCanonicalLocales(first)[0] ?? 'en';
	} catch {
		return 'en';
	}
}
