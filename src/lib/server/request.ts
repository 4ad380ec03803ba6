import type { RequestEvent } from '@sveltejs/kit';

/** The client's address for rate limits; behind a proxy set ADDRESS_HEADER (adapter-node). */
export function clientAddress(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/**
 * Where to go after logging in: only a path on this site, never another origin. Read as
 * a browser reads it (tabs and newlines dropped, backslashes as slashes), then rebuilt
 * from its path alone, so `/\t/evil.example` or `/%0A…` cannot lead elsewhere or break
 * the Location header.
 */
export function safeNext(value: string | null | undefined, fallback = '/'): string {
	if (!value || !value.startsWith('/')) return fallback;
	const here = 'http://hearth.invalid';
	let url: URL;
	try {
		url = new URL(value, here);
	} catch {
		return fallback;
	}
	if (url.origin !== here) return fallback;
	const path = `${url.pathname}${url.search}${url.hash}`;
	// Rebuilt, it must still be a plain path: one leading slash, no control characters.
	// eslint-disable-next-line no-control-regex -- refusing control characters is the point
	if (!path.startsWith('/') || path.startsWith('//') || /[\u0000-\u001f\u007f\\]/.test(path)) return fallback;
	return path;
}
