import { isHttpError, isRedirect, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { DomainError } from '$lib/server/errors';
import { getDb } from '$lib/server/db';
import { enforce, LIMITS } from '$lib/server/auth/rate-limit';
import { fieldErrors, MAX_NESTING, unstorableMessage, unstorableTextAt } from '$lib/server/validation';
import { requireMember } from '$lib/server/households/guard';
import type { Operation } from './operation';
import { apiError } from './error-body';
import { checkedResponse, checkingResponses } from './response-check';
import { dev } from '$app/environment';
import { m } from '$lib/paraglide/messages';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must come from this site's own pages (the CSRF rule).
 * Browsers say where a request came from in Origin and Sec-Fetch-Site; bearer tokens
 * are never sent by a browser on its own, so they need no such check.
 */
function crossSite(event: RequestEvent): boolean {
	const origin = event.request.headers.get('origin');
	const site = event.request.headers.get('sec-fetch-site');
	return (origin !== null && origin !== event.url.origin) || (site !== null && site !== 'same-origin' && site !== 'none');
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export interface ApiContext<B, Q> {
	event: RequestEvent;
	body: B;
	query: Q;
}

export { apiError } from './error-body';

/**
 * Wraps an endpoint: authenticates, parses and validates the body and query with the
 * operation's schemas, and turns every refusal into API.md's error shape. Schema
 * mismatches (wrong type, missing field) are 400; broken rules (refinements) are 422.
 */
export function endpoint<B extends z.ZodType | undefined, Q extends z.ZodObject | undefined>(
	operation: Operation<B, Q>,
	handle: (context: ApiContext<Infer<B>, Infer<Q>>) => Promise<Response>
): RequestHandler {
	return async (event) => {
		try {
			if (operation.auth && !event.locals.user) {
				return apiError(401, 'unauthenticated', m.a_bearer());
			}
			if (event.locals.auth === 'cookie' && !SAFE_METHODS.has(event.request.method) && crossSite(event)) {
				return apiError(403, 'cross_site', m.a_cross_site());
			}
			if (event.locals.credential && LIMITS.apiPerCredential.max > 0) await enforce(getDb(), [[`api:${event.locals.credential}`, LIMITS.apiPerCredential]]);
			// Another household answers 404 whatever the body holds: membership is checked before the input.
			if (operation.auth && event.params.hid !== undefined) await requireMember(event.params.hid);
			const query = operation.query ? parseOrThrow(operation.query, Object.fromEntries(event.url.searchParams)) : undefined;
			const body = operation.body ? parseOrThrow(operation.body, await readJson(event.request)) : undefined;
			const response = await handle({ event, body: body as Infer<B>, query: query as Infer<Q> });
			return checkingResponses(dev) ? await checkedResponse(operation, response) : response;
		} catch (error) {
			if (error instanceof DomainError) {
				return apiError(error.status, error.code, error.message, error.fields, error.retryAfter ? { 'Retry-After': String(error.retryAfter) } : {});
			}
			if (isHttpError(error)) return apiError(error.status, error.body.code ?? (error.status === 404 ? 'not_found' : 'error'), error.body.message);
			if (isRedirect(error)) return apiError(401, 'unauthenticated', m.a_log_in());
			throw error;
		}
	};
}

async function readJson(request: Request): Promise<unknown> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.includes('application/json')) throw new DomainError(400, 'unsupported_media_type', m.a_json());
	return parseJsonText(await request.text());
}

/**
 * The one reader of JSON people or scripts send (an API body, an uploaded export): valid
 * JSON, nested at most MAX_NESTING deep, no text that cannot be stored. 400 otherwise.
 */
export function parseJsonText(text: string): unknown {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new DomainError(400, 'malformed_json', m.a_malformed());
	}
	const unstorable = unstorableTextAt(parsed);
	if (typeof unstorable === 'object' && unstorable !== null) throw new DomainError(400, 'too_deep', m.a_too_deep({ max: MAX_NESTING }));
	if (unstorable !== null) throw new DomainError(400, 'invalid_input', m.a_unstorable({ field: unstorable }), { [unstorable]: unstorableMessage() });
	return parsed;
}

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const onlyRules = result.error.issues.every((issue) => issue.code === 'custom');
	const first = result.error.issues[0]!;
	const where = first.path.length ? ` (${first.path.map(String).join('.')})` : '';
	throw new DomainError(
		onlyRules ? 422 : 400,
		onlyRules ? 'rule_broken' : 'invalid_input',
		onlyRules ? m.a_rule_broken({ message: first.message, where }) : m.a_fields(),
		fieldErrors(result.error)
	);
}
