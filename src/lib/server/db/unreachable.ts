import { apiError, isApiPath } from '$lib/server/api/error-body';
import { textDirection } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { baseLocale, type Locale } from '$lib/paraglide/runtime';
/**
 * When PostgreSQL cannot be reached (stopped, restarting, the network down), every page
 * answers one clear 503 instead of a generic 500, and the app recovers by itself: the
 * pool opens fresh connections on the next request once the database is back.
 */

// Connection-level failures, by Node's socket codes and PostgreSQL's SQLSTATE classes
// 08 (connection exception) and 57P (operator intervention: shutdown, crash, restart).
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const MESSAGES =
	/Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|the database system is (starting up|shutting down|in recovery mode)/i;

export function isDatabaseUnreachable(error: unknown): boolean {
	if (!(error instanceof Error)) return false;
	const code = (error as { code?: unknown }).code;
	if (typeof code === 'string' && (SOCKET_CODES.has(code) || code.startsWith('08') || code.startsWith('57P'))) return true;
	if (error instanceof AggregateError) return error.errors.some(isDatabaseUnreachable);
	return MESSAGES.test(error.message) || (error.cause !== undefined && isDatabaseUnreachable(error.cause));
}

const RETRY_AFTER_SECONDS = 30;

/** `locale`: the request's language when known (the database may be what tells it). */
export function databaseUnavailable(pathname: string, locale: Locale = baseLocale): Response {
	const message = m.e_database_down({}, { locale });
	const headers = { 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' };
	if (isApiPath(pathname)) return apiError(503, 'unavailable', message, {}, headers);
	// A page of its own: the app's layout may need the very database that is gone.
	const html = `<!doctype html><html lang="${locale}" dir="${textDirection(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${m.db_unavailable_title({}, { locale })}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#22201d;background:#fbf8f4}@media (prefers-color-scheme:dark){body{color:#f2ede6;background:#171513}}</style></head>
<body><main><h1>${m.db_unavailable_heading({}, { locale })}</h1><p>${message}</p><p>${m.db_unavailable_reload({}, { locale })}</p></main></body></html>`;
	return new Response(html, { status: 503, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
}
