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

export const notFound = (what = 'That page') => new DomainError(404, 'not_found', `${what} does not exist, or you are not a member of its household.`);
export const forbidden = (message: string) => new DomainError(403, 'forbidden', message);
export const unauthenticated = () => new DomainError(401, 'unauthenticated', 'Log in first: no valid session or token came with the request.');

/** Postgres error code of a failed query, if any (23505 unique violation, …). */
export function pgErrorCode(error: unknown): string | undefined {
	return typeof error === 'object' && error && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}
