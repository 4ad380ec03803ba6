/**
 * Every request gets an id, answered in X-Request-Id and carried by each log line written
 * while it runs; when it ends, one line says what it was (method, route, masked path,
 * status, milliseconds) and the metrics count it.
 */
import { randomUUID } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { log, withLogContext } from './log';
import { observeRequest } from './metrics';

/** A balancer's or client's id is kept when it looks like one (so one id spans the balancer's log and ours); otherwise a new one. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{8,128}$/;
export function requestIdFrom(header: string | null): string {
	return header && ACCEPTED_ID.test(header) ? header : randomUUID();
}

/** Route parameters that are secrets (an invite, a reset, an unsubscribe link): never written to a log. */
const SECRET_PARAMS = new Set(['token']);
const PARAM = /\[{1,2}(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]{1,2}/g;

/**
 * The address as it may be logged: the route id with its parameters filled in, secret ones
 * left as `[token]`; never the query string (a calendar feed's token is there). Without a
 * matching route, the path as sent, cut short.
 */
export function loggedPath(routeId: string | null, params: Partial<Record<string, string>>, pathname: string): string {
	if (!routeId) return pathname.slice(0, 200);
	const segments = routeId.split('/').filter((segment) => !/^\(.+\)$/.test(segment));
	const path = segments
		.map((segment) => segment.replace(PARAM, (whole, name: string) => (SECRET_PARAMS.has(name) ? `[${name}]` : (params[name] ?? ''))))
		.join('/');
	return path || '/';
}

/** Health checks and scrapes come every few seconds: their lines are debug, not info. */
const QUIET_ROUTES = new Set(['/healthz', '/metrics']);

export async function observed(event: RequestEvent, handle: () => Promise<Response>): Promise<Response> {
	const requestId = requestIdFrom(event.request.headers.get('x-request-id'));
	const started = performance.now();
	return withLogContext({ requestId }, async () => {
		let status = 500;
		try {
			const response = withRequestId(await handle(), requestId);
			status = response.status;
			return response;
		} finally {
			const ms = performance.now() - started;
			const route = event.route.id;
			observeRequest(event.request.method, route, status, ms / 1000);
			const line = { method: event.request.method, route, path: loggedPath(route, event.params, event.url.pathname), status, ms: Math.round(ms) };
			if (route && QUIET_ROUTES.has(route)) log.debug(line, 'request');
			else log.info(line, 'request');
		}
	});
}

function withRequestId(response: Response, requestId: string): Response {
	try {
		response.headers.set('x-request-id', requestId);
		return response;
	} catch {
		// Some answers (a fetched one, Response.redirect) have headers that cannot change: a copy can.
		const copy = new Response(response.body, response);
		copy.headers.set('x-request-id', requestId);
		return copy;
	}
}
