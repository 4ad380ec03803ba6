import { m } from '$lib/paraglide/messages';

/**
 * A refusal the person can act on. Routes turn it into `fail(status, …)`, the JSON API
 * into its `{error: {code, message, fields}}` shape; the status follows API.md.
 */
export class DomainError extends Error {
	constructor(
		readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 422 | 429 | 503,
		readonly code: string,
		message: string,
		readonly fields: Record<string, string> = {},
		/** Seconds until a rate-limited request may be tried again. */
		readonly retryAfter?: number,
		/** A conflict (409): the version saved now, so a form can keep what was typed and save over it knowingly. */
		readonly currentVersion?: number
	) {
		super(message);
	}
}

/** `what`: the thing asked for, as its message (`m.thing_expense`); read when thrown, in the request's language. */
export const notFound = (what: () => string = m.thing_page) => new DomainError(404, 'not_found', m.not_found_thing({ what: what() }));
export const forbidden = (message: string) => new DomainError(403, 'forbidden', message);
export const unauthenticated = () => new DomainError(401, 'unauthenticated', m.e_log_in_first());

/** Postgres error code of a failed query, if any (23505 unique violation, …). */
export function pgErrorCode(error: unknown): string | undefined {
	return typeof error === 'object' && error && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/**
 * A write that would take a house fund below zero (the `funds_not_overdrawn` check of
 * migration 26) as the 409 a person can act on; any other error is given back as it was.
 */
export function overdrawnAsConflict(error: unknown): unknown {
	const constraint = typeof error === 'object' && error && 'constraint' in error ? (error as { constraint: unknown }).constraint : undefined;
	if (pgErrorCode(error) === '23514' && constraint === 'funds_not_overdrawn') return new DomainError(409, 'fund_overdrawn', m.e_fund_overdrawn());
	return error;
}
