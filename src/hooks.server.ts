import { apiError, isApiPath } from '$lib/server/api/error-body';
import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { databaseUnavailable, isDatabaseUnreachable } from '$lib/server/db/unreachable';
import { startJobs, stopJobs } from '$lib/server/jobs';
import { ensureInstanceSecrets } from '$lib/server/notifications/secrets';
import { watchEventLoop } from '$lib/server/event-loop';
import { closeDb, getDb } from '$lib/server/db';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/sessions';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookies';
import { ACCESS_TOKEN_PREFIX, validateAccessToken } from '$lib/server/auth/access-tokens';
import { inLocale, requestLanguage } from '$lib/server/i18n';
import { textDirection } from '$lib/i18n/locales';
import { inLocaleClient } from '$lib/server/client-locales';
import { m } from '$lib/paraglide/messages';
import { dev } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import { asError, log, logConsoleToo } from '$lib/server/observability/log';
import { observed } from '$lib/server/observability/requests';

export const init: ServerInit = async () => {
	if (!dev) logConsoleToo();
	watchEventLoop();
	const url = process.env.DATABASE_URL;
	if (!url) return;
	// The VAPID keys and the unsubscribe links' key, made on first start (with or without the job runner): pages then only read them.
	ensureInstanceSecrets().catch((error: Error) => log.error({ err: error }, 'The notification keys could not be made'));
	// A job runner that cannot start must not keep the app from serving: pages catch up lazily.
	startJobs(url).catch((error: Error) => log.error({ err: error }, 'The job runner did not start'));
	// After the server has finished its in-flight requests: the jobs stop, then the pool closes, so the process can end.
	// 'hearth:closed' tells scripts/start.ts it may stop the embedded database now.
	process.once(
		'sveltekit:shutdown' as 'exit',
		() =>
			void stopJobs()
				.finally(() => closeDb())
				.finally(() => (process.emit as (event: string) => boolean)('hearth:closed'))
	);
};

const SECURITY_HEADERS: Record<string, string> = {
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'X-Content-Type-Options': 'nosniff',
	'X-Frame-Options': 'DENY',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
	'Cross-Origin-Opener-Policy': 'same-origin'
};

/**
 * Bodies are small everywhere but where a logged-in person imports a whole household:
 * refuse a large one whatever its framing. A declared length is checked before reading;
 * a chunked body is counted as it arrives and refused the moment it passes the limit, so
 * at most the limit is ever held. (BODY_SIZE_LIMIT, set by `npm start`, bounds the imports.)
 */
const MAX_BODY_BYTES = 1024 * 1024;
const LARGE_BODY_PATHS = [
	/^\/households\/import$/,
	/^\/api\/v1\/households\/import$/,
	/^\/h\/[^/]+\/expenses\/import$/,
	/^\/api\/v1\/households\/[^/]+\/imports\/splitwise$/
];

/** False when the body is over the limit; a chunked body within it is read and handed on whole. */
async function bodyWithinLimit(event: RequestEvent): Promise<boolean> {
	if (event.locals.user && LARGE_BODY_PATHS.some((path) => path.test(event.url.pathname))) return true;
	const { request } = event;
	const declared = request.headers.get('content-length');
	if (declared !== null) return Number(declared) <= MAX_BODY_BYTES;
	if (!request.body) return true;
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > MAX_BODY_BYTES) {
			await reader.cancel();
			return false;
		}
		chunks.push(value);
	}
	const headers = new Headers(request.headers);
	headers.delete('transfer-encoding');
	headers.set('content-length', String(total));
	event.request = new Request(request.url, { method: request.method, headers, body: Buffer.concat(chunks), signal: request.signal });
	return true;
}

function tooLargeResponse(pathname: string): Response {
	const message = m.h_too_large();
	// The unread body stays on the wire: this connection cannot carry another request.
	const headers = { connection: 'close' };
	return isApiPath(pathname) ? apiError(413, 'too_large', message, {}, headers) : new Response(message, { status: 413, headers });
}

/**
 * SvelteKit's CSRF check, kept here (svelte.config.js turns its own off): a form-encoded
 * POST, PUT, PATCH or DELETE must come from this origin. One exception: the one-click
 * unsubscribe link (/unsubscribe/<signed token>), which a mail program posts without an
 * Origin and which needs no session — its signature is its authority, and it can only
 * turn email off.
 */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
function crossSiteFormPost({ request, url }: RequestEvent): boolean {
	if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method)) return false;
	const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
	if (!FORM_TYPES.includes(type)) return false;
	if (request.headers.get('origin') === url.origin) return false;
	return !/^\/unsubscribe\/[^/]+$/.test(url.pathname);
}

/** A bearer token (scripts) wins over the cookie (browsers). */
function bearerToken(header: string | null): string | null {
	const match = header?.match(/^Bearer\s+(\S+)$/i);
	return match?.[1] ?? null;
}

/** Who is calling: a personal access token (API only) or a session, by bearer header or cookie. */
async function authenticate(event: RequestEvent): Promise<void> {
	const bearer = bearerToken(event.request.headers.get('authorization'));
	const cookie = event.cookies.get(SESSION_COOKIE);
	const token = bearer ?? cookie;
	if (bearer?.startsWith(ACCESS_TOKEN_PREFIX)) {
		// Personal access tokens are for the API only; pages stay with browser sessions.
		const valid = isApiPath(event.url.pathname) ? await validateAccessToken(getDb(), bearer) : null;
		if (valid) {
			event.locals.user = valid.user;
			event.locals.auth = 'bearer';
			event.locals.credential = `token:${valid.tokenId}`;
		}
	} else if (token) {
		const { session, user, renewed } = await validateSessionToken(getDb(), token);
		if (session) {
			event.locals.session = session;
			event.locals.user = user;
			event.locals.auth = bearer ? 'bearer' : 'cookie';
			event.locals.credential = `session:${session.id}`;
			// The expiry slid forward; the cookie follows it.
			if (!bearer && renewed) setSessionCookie(event.cookies, token, session.expiresAt);
		} else if (!bearer) {
			deleteSessionCookie(event.cookies);
		}
	}
}

/** Requests whose load or action met an unreachable database (set by handleError). */
const databaseWentAway = new WeakSet<App.Locals>();

/** Each request's id, its log line and its metrics (observability/requests.ts), around everything else. */
const observeRequests: Handle = ({ event, resolve }) => observed(event, async () => resolve(event));

const handleRequest: Handle = async ({ event, resolve }) => {
	// A declared length over the limit is refused before anything else (no session lookup).
	const declared = Number(event.request.headers.get('content-length') ?? 0);
	if (declared > MAX_BODY_BYTES && !LARGE_BODY_PATHS.some((path) => path.test(event.url.pathname))) return tooLargeResponse(event.url.pathname);
	if (crossSiteFormPost(event)) return withSecurityHeaders(new Response(`Cross-site ${event.request.method} form submissions are forbidden`, { status: 403 }));
	if (/%00/.test(event.url.pathname + event.url.search)) {
		// No address or filter may carry a NUL: PostgreSQL cannot compare text holding one.
		const message = m.h_nul();
		return isApiPath(event.url.pathname) ? apiError(400, 'invalid_input', message) : new Response(message, { status: 400 });
	}
	event.locals.user = null;
	event.locals.session = null;
	event.locals.auth = null;
	event.locals.credential = null;
	event.locals.locale = 'en';
	event.locals.formatLocale = 'en-GB';

	try {
		await authenticate(event);
	} catch (error) {
		if (isDatabaseUnreachable(error)) return withSecurityHeaders(databaseUnavailable(event.url.pathname));
		throw error;
	}
	if (!(await bodyWithinLimit(event))) return withSecurityHeaders(tooLargeResponse(event.url.pathname));

	// Everything the request says, it says in the person's language (the account's, the device's or the browser's).
	const { locale, formatLocale } = requestLanguage(event);
	event.locals.locale = locale;
	event.locals.formatLocale = formatLocale;
	const response = await inLocale(
		locale,
		() =>
			resolve(event, {
				transformPageChunk: ({ html }) => inLocaleClient(html.replace('%hearth.lang%', formatLocale).replace('%hearth.dir%', textDirection(locale)), locale)
			}),
		formatLocale
	);
	// The scripts a page starts with are preloaded by name in a header, too.
	const preloads = response.headers.get('link');
	if (preloads) response.headers.set('link', inLocaleClient(preloads, locale));
	// A load or action failed because the database went away: say so, with 503, not 500.
	return withSecurityHeaders(databaseWentAway.has(event.locals) ? databaseUnavailable(event.url.pathname, locale) : response);
};

export const handle = sequence(observeRequests, handleRequest);

function withSecurityHeaders(response: Response): Response {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
}

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (isDatabaseUnreachable(error)) {
		databaseWentAway.add(event.locals);
		log.error({ err: asError(error), method: event.request.method, route: event.route.id }, 'Database unreachable');
		return { message: m.e_database_short({}, { locale: event.locals.locale }), code: 'unavailable' };
	}
	if (status !== 404) log.error({ err: asError(error), method: event.request.method, route: event.route.id, status }, 'Unhandled error');
	const locale = event.locals.locale;
	return { message: status === 404 ? m.error_not_found({}, { locale }) : m.e_our_side({}, { locale }) };
};
